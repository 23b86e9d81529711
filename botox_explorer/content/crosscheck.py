"""Checks that span files: every id cited exists, every source is cited."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel

from ..illustrations import ILLUSTRATIONS_DIR, REQUIRED, NotAPlainDrawing, read_drawing
from .problems import ContentProblem

if TYPE_CHECKING:
    from .loader import Content

Citation = tuple[str, str, str, str]  # file, record id, field, cited source id


def cross_check(content: Content) -> list[ContentProblem]:
    problems = list(_unknown_sources(content))
    problems += _unknown_references(content)
    problems += _approvals_agree(content)
    problems += _uncited_sources(content)
    problems += _glossary_forms_unique(content)
    problems += _illustrations_present(content)
    problems += _checklist_labels(content)
    problems += _every_language(content)
    return problems


def citations(content: Content) -> Iterator[Citation]:
    """Every (file, record, field, source id) in the content."""
    for use in content.uses.values():
        yield from _cite("uses.yaml", use.id, "sources", use.sources)
        if use.label_dose:
            yield from _cite("uses.yaml", use.id, "label_dose.sources", use.label_dose.sources)
    for event in content.history:
        yield from _cite("history.yaml", event.id, "sources", event.sources)
    for product in content.products.values():
        yield from _cite("products.yaml", product.id, "sources", product.sources)
        for number, approval in enumerate(product.approvals):
            yield from _cite("products.yaml", product.id, f"approvals[{number}].sources", approval.sources)
    for myth in content.myths:
        yield from _cite("myths.yaml", myth.id, "sources", myth.sources)
    for section, items in content.safety:
        for item in items:
            yield from _cite("safety.yaml", item.id, f"{section}.sources", item.sources)
    for series in content.statistics.series:
        for point in series.points:
            yield from _cite("statistics.yaml", series.id, f"points[{point.year}].sources", point.sources)
    site = content.site
    for text in (*site.intro, *site.mechanism, site.relax_or_paralyze):
        yield from _cite("site.yaml", text.id, "sources", text.sources)
    for note in content.statistics.notes:
        yield from _cite("statistics.yaml", note.id, "sources", note.sources)
    for term in content.glossary.values():
        yield from _cite("glossary.yaml", term.id, "sources", term.sources)
    for illustration in content.illustrations.values():
        yield from _cite("illustrations.yaml", illustration.id, "sources", illustration.sources)


def _cite(file: str, record: str, field: str, source_ids: Iterable[str]) -> Iterator[Citation]:
    for source_id in source_ids:
        yield file, record, field, source_id


def _unknown_sources(content: Content) -> Iterator[ContentProblem]:
    for file, record, field, source_id in citations(content):
        if source_id not in content.sources:
            yield ContentProblem(file, f"cites unknown source '{source_id}'", record, field)


def _uncited_sources(content: Content) -> Iterator[ContentProblem]:
    cited = {source_id for *_, source_id in citations(content)}
    for source_id in content.sources:
        if source_id not in cited:
            yield ContentProblem("sources.yaml", "is not cited by any record", source_id, "id")


def _unknown_references(content: Content) -> Iterator[ContentProblem]:
    locations = {location.id for location in content.clinic.locations}
    for use in content.uses.values():
        yield from _missing("uses.yaml", use.id, "areas", use.areas, content.areas, "area")
        yield from _missing("uses.yaml", use.id, "offered_at", use.offered_at, locations, "clinic location")
        if use.label_dose:
            dose_product = use.label_dose.product
            yield from _missing("uses.yaml", use.id, "label_dose.product", [dose_product], content.products, "product")
            approved = {product.id for product in content.approved_products(use.id)}
            if dose_product in content.products and dose_product not in approved:
                yield ContentProblem("uses.yaml", f"gives a label dose of '{dose_product}', which products.yaml does "
                                     "not record as approved for this use", use.id, "label_dose.product")
    for product in content.products.values():
        for number, approval in enumerate(product.approvals):
            yield from _missing("products.yaml", product.id, f"approvals[{number}].use", [approval.use],
                                content.uses, "use")


def _approvals_agree(content: Content) -> Iterator[ContentProblem]:
    """A use is "approved" exactly when some product records an FDA approval for it."""
    for use in content.uses.values():
        if use.status.kind == "approved" and not content.approvals_for(use.id):
            yield ContentProblem("uses.yaml", "is 'approved', but no product in products.yaml records an "
                                 "approval for this use", use.id, "status.kind")
    for product in content.products.values():
        for number, approval in enumerate(product.approvals):
            use = content.uses.get(approval.use)
            if use and use.status.kind != "approved":
                yield ContentProblem("products.yaml", f"records an approval for '{use.id}', whose status in "
                                     f"uses.yaml is '{use.status.kind}'", product.id, f"approvals[{number}].use")


def _missing(
    file: str, record: str, field: str, ids: Iterable[str], known: Iterable[str], what: str
) -> Iterator[ContentProblem]:
    known_ids = set(known)
    for unknown in (i for i in ids if i not in known_ids):
        yield ContentProblem(file, f"names unknown {what} '{unknown}'", record, field)


def _glossary_forms_unique(content: Content) -> Iterator[ContentProblem]:
    """A word (in any of its forms) has one meaning: two terms may not share a form."""
    owner: dict[str, str] = {}
    for term in content.glossary.values():
        for language in sorted({"en", *term.term, *term.also}):
            for form in term.forms(language):
                key = (language, form.casefold())
                if key in owner and owner[key] != term.id:
                    yield ContentProblem("glossary.yaml", f"'{form}' is also a form of '{owner[key]}'", term.id,
                                         "also")
                owner.setdefault(key, term.id)


def _illustrations_present(content: Content) -> Iterator[ContentProblem]:
    for illustration_id in REQUIRED:  # a missing one would leave a page without its picture
        if illustration_id not in content.illustrations:
            yield ContentProblem("illustrations.yaml", f"misses the drawing '{illustration_id}' a page shows")
    for illustration in content.illustrations.values():
        if not (ILLUSTRATIONS_DIR / illustration.file).is_file():
            yield ContentProblem("illustrations.yaml", f"names '{illustration.file}', which is not in "
                                 "assets/illustrations/", illustration.id, "file")
            continue
        try:
            read_drawing(illustration.file)
        except (NotAPlainDrawing, ElementTree.ParseError) as error:
            yield ContentProblem("illustrations.yaml", f"names a drawing that is not a plain picture ({error})",
                                 illustration.id, "file")


CHECKLIST_SECTIONS = ("do_not_treat", "tell_your_doctor", "questions_to_ask")  # Before your visit's chips


def _checklist_labels(content: Content) -> Iterator[ContentProblem]:
    for section in CHECKLIST_SECTIONS:
        for item in getattr(content.safety, section):
            if not item.label:
                yield ContentProblem("safety.yaml", "needs a short label: the visit checklist shows it as a chip",
                                     item.id, f"{section}.label")


def _files(content: Content) -> dict[str, Any]:
    """Each content file and what it holds (sources.yaml has no patient text)."""
    return {"areas.yaml": content.areas, "uses.yaml": content.uses, "history.yaml": content.history,
            "products.yaml": content.products, "myths.yaml": content.myths, "safety.yaml": content.safety,
            "statistics.yaml": content.statistics, "clinic.yaml": content.clinic, "site.yaml": content.site,
            "glossary.yaml": content.glossary, "illustrations.yaml": content.illustrations}


def _texts(node: Any, record: str | None = None, field: str = "") -> Iterator[tuple[str | None, str, dict]]:
    """Every patient text (a mapping by language) under ``node``: (nearest record id, field path, text)."""
    if isinstance(node, BaseModel):
        if isinstance(getattr(node, "id", None), str):  # a record: its fields are named from its list's name
            record, field = node.id, re.sub(r"\[\d+\]$", "", field)
        prefix = field
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), record, f"{prefix}.{name}" if prefix else name)
    elif isinstance(node, dict) and all(isinstance(value, str) for value in node.values()) and "en" in node:
        yield record, field, node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _texts(value, record, field)
    elif isinstance(node, list | tuple):
        for position, value in enumerate(node):
            yield from _texts(value, record, f"{field}[{position}]")


def _every_language(content: Content) -> Iterator[ContentProblem]:
    """Every patient text in every language the site is published in (``site.yaml``'s ``languages``)."""
    for file, held in _files(content).items():
        for record, field, text in _texts(held):
            for language in content.site.languages:
                if not text.get(language, "").strip():
                    yield ContentProblem(file, f"has no '{language}' text", record, field)
