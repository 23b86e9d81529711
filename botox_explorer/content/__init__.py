"""Loading and checking the content in ``data/``."""

from ..models import Content
from .loader import DATA_DIR, DATA_DIR_VARIABLE, configured_data_dir, load_content
from .problems import ContentError, ContentProblem

__all__ = ["DATA_DIR", "DATA_DIR_VARIABLE", "Content", "ContentError", "ContentProblem", "configured_data_dir",
           "load_content"]
