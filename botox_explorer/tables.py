"""Content as pandas tables, ready for filtering and export."""

from __future__ import annotations

import pandas as pd

from .models import DEFAULT_LANGUAGE, Content, text_in

USE_COLUMNS = [
    "id", "name", "category", "status", "first_us_approval", "products", "areas",
    "offered_at_clinic", "treated_by", "summary", "sources",
]


def uses_frame(content: Content, language: str = DEFAULT_LANGUAGE) -> pd.DataFrame:
    """One row a use; list-like cells hold tuples so rows stay hashable."""
    rows = []
    for use in content.uses.values():
        rows.append(
            {
                "id": use.id,
                "name": text_in(use.name, language),
                "category": use.category,
                "status": use.status.kind,
                "first_us_approval": first.approval.year if (first := content.first_us_approval(use.id)) else None,
                "products": tuple(product.brand for product in content.approved_products(use.id)),
                "areas": tuple(use.areas),
                "offered_at_clinic": bool(use.offered_at),
                "treated_by": text_in(use.treated_by, language),
                "summary": text_in(use.summary, language),
                "sources": tuple(use.sources),
            }
        )
    frame = pd.DataFrame(rows, columns=USE_COLUMNS)
    frame["first_us_approval"] = frame["first_us_approval"].astype("Int64")
    return frame
