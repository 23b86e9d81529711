"""Pure functions that turn content into the short texts a page shows."""

from __future__ import annotations

from .content import Content
from .models import Location, Span, Use, text_in

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


MYTH_VERDICTS = {
    "false": ("Not true", ":material/cancel:"),
    "misleading": ("Misleading", ":material/error:"),
    "partly-true": ("Partly true", ":material/contrast:"),
    "true": ("True", ":material/check_circle:"),
}


def products_table(content: Content) -> list[dict[str, str]]:
    """The product comparison: one row a brand."""
    rows = []
    for product in content.products.values():
        first = product.first_us_approval
        rows.append(
            {
                "Brand": product.brand,
                "Generic name": product.generic_name,
                "Maker": product.maker,
                "Toxin type": product.serotype,
                "First US approval": str(first) if first else "Not approved in the US",
                "Approved for": "; ".join(dict.fromkeys(text_in(a.text) for a in product.approvals)) or "-",
            }
        )
    return rows


def location_details(location: Location) -> list[tuple[str, str]]:
    """The details of a site that are set, as (label, value); what is unset is not shown."""
    details = [("Kind", text_in(location.kind)), ("Town", f"{location.town}, {location.county}, {location.state}")]
    if location.address:
        details.append(("Address", location.address))
    if location.phone:
        details.append(("Phone", location.phone))
    if location.hours:
        details.append(("Hours", "; ".join(location.hours)))
    if location.services:
        details.append(("Services", ", ".join(text_in(s) for s in location.services)))
    return details
