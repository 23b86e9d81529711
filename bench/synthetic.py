"""Ten times the content: copies of the real uses with new ids and names, citing the same sources."""

from __future__ import annotations

import copy as copying
import shutil
import tempfile
from pathlib import Path

import yaml

from .common import REPO_ROOT

DATA = REPO_ROOT / "data"


def make_scaled_content(factor: int = 10, target: Path | None = None) -> Path:
    """A temp data folder whose uses.yaml holds ``factor`` times the uses; the other files are copied."""
    target = target or Path(tempfile.mkdtemp(prefix="botox-bench-data-"))
    shutil.copytree(DATA, target, dirs_exist_ok=True)
    uses = yaml.safe_load((DATA / "uses.yaml").read_text())
    scaled = list(uses)
    for copy in range(1, factor):
        for use in uses:
            clone = copying.deepcopy(use)
            clone["id"] = f"{use['id']}-copy-{copy}"
            clone["name"] = {lang: f"{text} (copy {copy})" for lang, text in use["name"].items()}
            scaled.append(clone)
    (target / "uses.yaml").write_text(yaml.safe_dump(scaled, sort_keys=False, allow_unicode=True))
    return target
