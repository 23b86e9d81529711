"""Pure functions that turn content into the short texts a page shows."""

from __future__ import annotations

from .content import Content
from .models import Span, Use

CATEGORY_LABELS = {"cosmetic": "Cosmetic", "medical": "Medical", "psychological": "Psychological"}
CATEGORY_ICONS = {"cosmetic": ":material/face_retouching_natural:", "medical": ":material/stethoscope:",
                  "psychological": ":material/psychology:"}
STATUS_LABELS = {
    "approved": "FDA-approved",
    "off-label": "Off-label",
    "investigational": "Investigational (research only)",
    "not-effective": "Shown not to help",
}
STATUS_COLORS = {"approved": "green", "off-label": "orange", "investigational": "violet", "not-effective": "gray"}
STATUS_ICONS = {
    "approved": ":material/verified:",
    "off-label": ":material/info:",
    "investigational": ":material/science:",
    "not-effective": ":material/block:",
}


def status_label(use: Use, content: Content) -> str:
    """The exact status: for an approved use, the products and the first US approval year."""
    status = use.status
    if status.kind != "approved":
        return STATUS_LABELS[status.kind]
    brands = ", ".join(content.products[p].brand for p in status.products)
    return f"FDA-approved ({brands}), since {status.first_us_approval}"


def span_text(span: Span | None) -> str:
    """``3-4 months``, ``2 weeks``, or ``not established``."""
    if span is None:
        return "not established"
    low, high = (f"{value:g}" for value in (span.low, span.high))
    unit = span.unit.removesuffix("s") if span.high == 1 else span.unit
    return f"{low} {unit}" if low == high else f"{low}-{high} {unit}"


MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")


def md(text: str) -> str:
    """``text`` escaped for ``st.markdown``: content shows as written, never as markup,
    links, images, colour directives or HTML."""
    return "".join("\\" + char if char in MARKDOWN_SPECIALS else char for char in text)
