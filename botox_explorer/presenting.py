"""Pure functions that turn content into the short texts a page shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .content import Content
from .i18n import month_year, t
from .models import CATEGORIES, DEFAULT_LANGUAGE, STATUS_KINDS, Location, ProductApproval, Span, Use, text_in

# The English labels, from the interface catalogue (pages that speak one language use these).
CATEGORY_LABELS = {category: t(f"category.{category}", DEFAULT_LANGUAGE) for category in CATEGORIES}
CATEGORY_ICONS = {"cosmetic": ":material/face_retouching_natural:", "medical": ":material/stethoscope:",
                  "psychological": ":material/psychology:"}
STATUS_LABELS = {kind: t(f"status.{kind}", DEFAULT_LANGUAGE) for kind in STATUS_KINDS}
STATUS_FILTER_LABELS = {
    "approved": "FDA-approved",
    "off-label": "Off-label",
    "investigational": "Investigational",
    "not-effective": "Not effective",
}
STATUS_COLORS = {"approved": "green", "off-label": "orange", "investigational": "violet", "not-effective": "gray"}
STATUS_ICONS = {
    "approved": ":material/verified:",
    "off-label": ":material/info:",
    "investigational": ":material/science:",
    "not-effective": ":material/block:",
}


def status_label(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """The exact status: for an approved use, the products and the first US approval year."""
    if use.status.kind != "approved":
        return t(f"status.{use.status.kind}", language)
    brands = ", ".join(product.brand for product in content.approved_products(use.id))
    return t("status.approved_products", language, brands=brands,
             year=content.first_us_approval(use.id).approval.year)


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def approval_date(approval: ProductApproval, language: str = DEFAULT_LANGUAGE) -> str:
    """``April 2002`` (``abril de 2002``), or ``2002`` when the sources agree on no month."""
    return month_year(approval.year, approval.month, language) if approval.month else str(approval.year)


def approval_lines(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """One plain line a recorded approval of the use: ``BOTOX Cosmetic, April 2002: adults``."""
    return [f"{a.product.brand}, {approval_date(a.approval, language)}: {text_in(a.approval.population, language)}"
            for a in content.approvals_for(use.id)]


def privacy_text(content: Content) -> str:
    """What the dashboard keeps about a visitor; the map provider is named only while a map is shown."""
    site = content.site
    if content.clinic.map_tiles == "none":
        return text_in(site.privacy)
    return f"{text_in(site.privacy)} {text_in(site.privacy_map)}"


def review_text(records: Iterable) -> str | None:
    """When the records on a page were last checked: the oldest review date among them (or None for none)."""
    dates = [record.reviewed_on for record in records]
    if not dates:
        return None
    oldest = min(dates)
    return (f"Reviewed: every statement on this page was checked against its sources on or after "
            f"{oldest.day} {MONTHS[oldest.month - 1]} {oldest.year}.")


def approval_source_ids(use: Use, content: Content) -> tuple[str, ...]:
    """The sources of the approvals recorded for a use."""
    return tuple(dict.fromkeys(s for a in content.approvals_for(use.id) for s in a.approval.sources))


def short_name(use: Use) -> str:
    """The name without its bracketed medical term, short enough for a chip on a phone."""
    return text_in(use.name).split(" (", 1)[0]


def span_text(span: Span | None, language: str = DEFAULT_LANGUAGE) -> str:
    """``3-4 months``, ``2 weeks``, or ``not established`` (``3-4 meses``...)."""
    if span is None:
        return t("span.not_established", language)
    low, high = (f"{value:g}" for value in (span.low, span.high))
    unit = t(f"span.{span.unit}", language, count=span.high)
    return f"{low} {unit}" if low == high else f"{low}-{high} {unit}"


MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")
_ESCAPES = str.maketrans({char: "\\" + char for char in MARKDOWN_SPECIALS})


def md(text: str) -> str:
    """``text`` escaped for ``st.markdown``: content shows as written, never as markup,
    links, images, color directives or HTML."""
    return text.translate(_ESCAPES)


WEB_SCHEMES = ("http", "https")


def safe_link(url: str) -> str | None:
    """``url`` ready for a markdown link, or None when it is not a web address.

    Only http(s) is linked (never ``javascript:`` or ``data:``); characters that could end the link or start
    markup (spaces, brackets, quotes, angle brackets, control characters) are percent-encoded.
    """
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.netloc:
        return None
    return quote(url.strip(), safe=":/?&=#%+,;@~")


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    """A markdown table of escaped cells (a cell's line breaks become spaces).

    Drawn by the markdown code every page already loads: an ``st.table`` made a first visit fetch
    and start a dozen more scripts (the Arrow reader, date and number formatters).
    """
    def line(cells) -> str:
        return "| " + " | ".join(md(" ".join(str(cell).split())) for cell in cells) + " |"

    return "\n".join([line(header), "| " + " | ".join("---" for _ in header) + " |", *map(line, rows)])


def markdown_rows(rows: list[dict[str, str]]) -> str:
    """Rows as a list, one line a row: its first value in bold, then ``label: value`` pairs.

    For rows too wide for a phone as a table (a markdown table would make the page scroll sideways).
    """
    lines = []
    for row in rows:
        first, *rest = row.items()
        pairs = " · ".join(f"{md(label)}: {md(value)}" for label, value in rest)
        lines.append(f"- **{md(first[1])}**" + (f" · {pairs}" if pairs else ""))
    return "\n".join(lines)


MYTH_VERDICTS = {
    "false": ("Not true", ":material/cancel:"),
    "misleading": ("Misleading", ":material/error:"),
    "partly-true": ("Partly true", ":material/contrast:"),
    "true": ("True", ":material/check_circle:"),
}


def products_table(content: Content) -> list[dict[str, str]]:
    """The product comparison: one row a brand; a brand not approved in the US says so and lists no uses."""
    rows = []
    for product in content.products.values():
        first = product.first_us_approval
        row = {
            "Brand": product.brand,
            "Generic name": product.generic_name,
            "Maker": product.maker,
            "Toxin type": product.serotype,
            "First US approval": str(first) if first else "Not approved in the US",
        }
        if product.approvals:
            row["Approved for"] = "; ".join(dict.fromkeys(text_in(a.text) for a in product.approvals))
        rows.append(row)
    return rows


def location_details(location: Location, language: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """The details of a site that are set, as (label, value); what is unset is not shown."""
    set_details = (("kind", text_in(location.kind, language)),
                   ("town", f"{location.town}, {location.county}, {location.state}"),
                   ("address", location.address), ("phone", location.phone),
                   ("hours", "; ".join(location.hours)),
                   ("services", ", ".join(text_in(s, language) for s in location.services)))
    return [(t(f"location.{key}", language), value) for key, value in set_details if value]


@dataclass(frozen=True)
class KeyFigure:
    label: str
    value: str
    source_ids: tuple[str, ...]


def key_figures(content: Content) -> list[KeyFigure]:
    """The few numbers the Home page leads with, each with the sources behind it."""
    approved = [u for u in content.uses.values() if u.status.kind == "approved"]
    figures = []
    for label, uses in (("First US approval", approved),
                        ("First cosmetic approval", [u for u in approved if u.category == "cosmetic"])):
        firsts = [content.first_us_approval(u.id) for u in uses]
        if firsts:
            first = min(firsts, key=lambda a: a.when)
            figures.append(KeyFigure(label, str(first.approval.year), tuple(first.approval.sources)))
    figures.append(KeyFigure("Uses with an FDA approval", str(len(approved)),
                             tuple(dict.fromkeys(s for u in approved for s in approval_source_ids(u, content)))))
    latest = max(
        ((series, point) for series in content.statistics.series for point in series.points),
        key=lambda pair: (pair[1].year, pair[0].id == content.statistics.series[0].id),
        default=None,
    )
    if latest:
        _, point = latest
        figures.append(KeyFigure(f"US procedures in {point.year}", f"{point.count / 1e6:.1f} million",
                                 tuple(point.sources)))
    return figures


def category_summary(content: Content, category: str) -> str:
    uses = [u for u in content.uses.values() if u.category == category]
    approved = sum(u.status.kind == "approved" for u in uses)
    return f"{len(uses)} uses, {approved} FDA-approved"
