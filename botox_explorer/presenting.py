"""Pure functions that turn content into the short texts a page shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .i18n import format_date, month_year, t
from .models import (
    DEFAULT_LANGUAGE,
    Content,
    Location,
    Product,
    ProductApproval,
    Safety,
    SafetyItem,
    Span,
    Statistics,
    Use,
    text_in,
)


def category_label(category: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``Cosmetic``, ``Cosmético``."""
    return t(f"category.{category}", language)


def status_filter_label(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The short name of a status on a filter chip: ``Investigational``, where a use's status says more."""
    return t(f"presenting.status_filter.{kind}", language)


def myth_verdict(verdict: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A myth's verdict: ``Not true``."""
    return t(f"presenting.myth_verdict.{verdict}", language)


def status_label(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """The exact status: for an approved use, the products and the first US approval year."""
    if use.status.kind != "approved":
        return t(f"status.{use.status.kind}", language)
    brands = ", ".join(product.brand for product in content.approved_products(use.id))
    return t("status.approved_products", language, brands=brands,
             year=content.first_us_approval(use.id).approval.year)


def approval_date(approval: ProductApproval, language: str = DEFAULT_LANGUAGE) -> str:
    """``April 2002`` (``abril de 2002``), or ``2002`` when the sources agree on no month."""
    return month_year(approval.year, approval.month, language) if approval.month else str(approval.year)


def approval_lines(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """One plain line a recorded approval of the use: ``BOTOX Cosmetic, April 2002: adults``."""
    return [line for line, _ in approval_entries(use, content, language)]


def approval_entries(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> list[tuple[str, tuple[str, ...]]]:
    """Each approval line with the sources of that approval, so a page cites each line by its own."""
    return [(f"{a.product.brand}, {approval_date(a.approval, language)}: {text_in(a.approval.population, language)}",
             tuple(a.approval.sources)) for a in content.approvals_for(use.id)]


def privacy_text(content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """What the dashboard keeps about a visitor; the map provider is named only while a map is shown."""
    site = content.site
    if content.clinic.map_tiles == "none":
        return text_in(site.privacy, language)
    return f"{text_in(site.privacy, language)} {text_in(site.privacy_map, language)}"


def review_text(records: Iterable, language: str = DEFAULT_LANGUAGE) -> str | None:
    """When the records on a page were last checked: the oldest review date among them (or None for none)."""
    dates = [record.reviewed_on for record in records]
    if not dates:
        return None
    return t("presenting.reviewed", language, date=format_date(min(dates), language))


def approval_source_ids(use: Use, content: Content) -> tuple[str, ...]:
    """The sources of the approvals recorded for a use."""
    return tuple(dict.fromkeys(s for a in content.approvals_for(use.id) for s in a.approval.sources))


def short_name(use: Use, language: str = DEFAULT_LANGUAGE) -> str:
    """The name without its bracketed medical term, short enough for a chip on a phone."""
    return text_in(use.name, language).split(" (", 1)[0]


def span_text(span: Span | None, language: str = DEFAULT_LANGUAGE) -> str:
    """``3-4 months``, ``2 weeks`` (``3-4 meses``...); a dash in a table's cell the sources leave empty."""
    if span is None:
        return "—"
    low, high = (f"{value:g}" for value in (span.low, span.high))
    unit = t(f"span.{span.unit}", language, count=span.high)
    return f"{low} {unit}" if low == high else f"{low}-{high} {unit}"


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


def products_table(content: Content, language: str = DEFAULT_LANGUAGE) -> list[dict[str, str]]:
    """The product comparison: one row a brand, keyed by the column headers a reader sees; a brand not approved
    in the US says so and lists no uses."""
    def header(key: str) -> str:
        return t(f"presenting.products.{key}", language)

    rows = []
    for product in content.products.values():
        first = product.first_us_approval
        row = {
            header("brand"): product.brand,
            header("generic_name"): product.generic_name,
            header("maker"): text_in(product.maker, language),
            header("toxin_type"): product.serotype,
            header("first_us_approval"): str(first) if first else header("not_approved_in_us"),
        }
        if product.approvals:
            row[header("approved_for")] = "; ".join(
                dict.fromkeys(text_in(a.text, language) for a in product.approvals))
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


def contact_text(content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """Whom to call after a treatment: each site's phone and booking link the clinic has set, or, with none set,
    the office where the patient was treated (no number is ever made up)."""
    reachable = [location for location in content.clinic.locations if location.phone or location.booking_url]
    if not reachable:
        return t("presenting.contact.unset", language)
    lines = []
    for location in reachable:
        details = [location.phone] if location.phone else []
        if location.booking_url and safe_link(str(location.booking_url)):
            details.append(t("presenting.contact.booking", language, url=str(location.booking_url)))
        lines.append(f"{text_in(location.name, language)}: {', '.join(details)}")
    return t("presenting.contact.set", language, sites="; ".join(lines))


@dataclass(frozen=True)
class Note:
    """A short sourced text with a lead in bold (``lead`` is empty for none)."""

    lead: str
    text: str
    source_ids: tuple[str, ...]


def key_figures(content: Content, language: str = DEFAULT_LANGUAGE) -> list[Note]:
    """The few numbers the Home page leads with: each a note led by its value, with the sources behind it."""
    def label(key: str, **values: object) -> str:
        return t(f"presenting.figures.{key}", language, **values)

    approved = [u for u in content.uses.values() if u.status.kind == "approved"]
    figures = []
    for key, uses in (("first_us_approval", approved),
                      ("first_cosmetic_approval", [u for u in approved if u.category == "cosmetic"])):
        firsts = [content.first_us_approval(u.id) for u in uses]
        if firsts:
            first = min(firsts, key=lambda a: a.when)
            figures.append(Note(str(first.approval.year), label(key), tuple(first.approval.sources)))
    figures.append(Note(str(len(approved)), label("uses_with_approval"),
                             tuple(dict.fromkeys(s for u in approved for s in approval_source_ids(u, content)))))
    latest = max(
        ((series, point) for series in content.statistics.series for point in series.points),
        key=lambda pair: (pair[1].year, pair[0].id == content.statistics.series[0].id),
        default=None,
    )
    if latest:
        _, point = latest
        figures.append(Note(label("millions", number=f"{point.count / 1e6:.1f}"),
                            label("procedures_in", year=point.year), tuple(point.sources)))
    return figures


def category_summary(content: Content, category: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``12 uses, 5 FDA-approved``: how many uses the category has, and how many of them are approved."""
    uses = [u for u in content.uses.values() if u.category == category]
    approved = sum(u.status.kind == "approved" for u in uses)
    return t("presenting.category_summary", language,
             uses=t("presenting.category_uses", language, count=len(uses)),
             approved=t("presenting.category_approved", language, count=approved))


# The safety page's sections in order, each with its tone: "warning" and "danger" are set off from the text. The
# dashboard, the guide and the consultation's steps read it; the take-home PDF prints a subset (summary_pdf).
SAFETY_SECTIONS = (("boxed_warning", "warning"), ("red_flags", "danger"), ("do_not_treat", "plain"),
                   ("tell_your_doctor", "plain"), ("common_side_effects", "plain"), ("aftercare", "plain"),
                   ("interactions", "plain"), ("questions_to_ask", "plain"), ("who_may_inject", "plain"))
SAFETY_TONES = dict(SAFETY_SECTIONS)
# The sections that tell a patient to contact the clinic: whom to call follows them.
CONTACT_AFTER = ("red_flags", "tell_your_doctor")
# The id of the "Get help now" box a safety page opens with.
HELP_NOW_ANCHOR = "get-help-now"


def section_anchor(section: str) -> str:
    """The id of a safety section's heading, which jump links point to: ``red_flags`` is ``red-flags``."""
    return section.replace("_", "-")


def shown_safety_sections(safety: Safety) -> list[str]:
    """The safety sections a page shows, in order: those with at least one item."""
    return [section for section, _ in SAFETY_SECTIONS if getattr(safety, section)]


def items_for_uses(items: Iterable[SafetyItem], use_ids: Iterable[str]) -> list[SafetyItem]:
    """The items that concern someone treated for ``use_ids``, in order: every general item, and an item limited
    to some uses (``applies_to``) only when one of them is chosen. The general pages show every item."""
    chosen = set(use_ids)
    return [item for item in items if not item.applies_to or chosen.intersection(item.applies_to)]


def item_text(item: SafetyItem, language: str = DEFAULT_LANGUAGE) -> str:
    """A safety item's text followed by its detail, if it has one."""
    detail = text_in(item.detail, language)
    return f"{text_in(item.text, language)} {detail}" if detail else text_in(item.text, language)


def product_note(product: Product, language: str = DEFAULT_LANGUAGE) -> str:
    """What a product's notes say, as one text."""
    return " ".join(text_in(note, language) for note in product.notes)


def statistics_notes(statistics: Statistics, language: str = DEFAULT_LANGUAGE) -> list[Note]:
    """What to know about the procedure counts: what each series counts and how, then the general notes."""
    notes = [Note(text_in(series.name, language),
                  f"{t('page.history.counts', language)} {text_in(series.measure, language)}. "
                  f"{text_in(series.method_note, language)}",
                  tuple(s for point in series.points for s in point.sources)) for series in statistics.series]
    return notes + [Note("", text_in(note.text, language), tuple(note.sources)) for note in statistics.notes]
