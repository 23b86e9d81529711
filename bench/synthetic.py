"""Ten times the content: copies of the real uses with new ids and names, citing the same sources."""

from __future__ import annotations

import copy as copying
import shutil
import tempfile
from pathlib import Path

import yaml

from .common import REPO_ROOT

DATA = REPO_ROOT / "data"


class _PlainDumper(yaml.SafeDumper):
    """Writes shared values out in full: content files may not use YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def make_scaled_content(factor: int = 10, target: Path | None = None) -> Path:
    """A temp data folder whose uses.yaml holds ``factor`` times the uses (and products.yaml their approvals); the
    other files are copied."""
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
    (target / "uses.yaml").write_text(yaml.dump(scaled, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True))
    # Approvals are recorded on the products: every copy of an approved use gets its original's approvals.
    products = yaml.safe_load((DATA / "products.yaml").read_text())
    for product in products:
        originals = list(product.get("approvals", []))
        for copy in range(1, factor):
            product.setdefault("approvals", [])
            product["approvals"] += [{**approval, "use": f"{approval['use']}-copy-{copy}"} for approval in originals]
    (target / "products.yaml").write_text(yaml.dump(products, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True))
    return target
