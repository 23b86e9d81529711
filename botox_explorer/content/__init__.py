"""Loading and checking the content in ``data/``."""

from .loader import DATA_DIR, Content, load_content
from .problems import ContentError, ContentProblem

__all__ = ["DATA_DIR", "Content", "ContentError", "ContentProblem", "load_content"]
