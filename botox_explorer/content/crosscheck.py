"""Checks that span files: every id cited exists, every source is cited."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Iterator

from pydantic import BaseModel

from ..illustrations import ILLUSTRATIONS_DIR, REQUIRED, NotAPlainDrawing, read_drawing
from ..models import Content, FactBox
from .problems import ContentProblem
from .registry import FILES, file_nodes, is_text

Citation = tuple[str, str, str, str]  # file, record id, field, cited source id


def cross_check(content: Content) -> list[ContentProblem]:
    problems = list(_unknown_sources(content))
    problems += _unknown_references(content)
    problems += _approvals_agree(content)
    problems += _uncited_sources(content)
    problems += _glossary_forms_unique(content)
    problems += _illustrations_present(content)
    problems += _short_labels(content)
    problems += _fact_boxes_own_product(content)
    problems += _choices_complete(content)
    problems += _parts_cite_the_use(content)
    problems += _search_words_known(content)
    problems += _every_language(content)
    problems += _languages_agree(content)
    return problems


def citations(content: Content) -> Iterator[Citation]:
    """Every (file, record, field, source id) in the content: the ``sources`` of every model in every file."""
    for file, (record, field, value) in file_nodes(content):
        if isinstance(value, BaseModel) and "sources" in type(value).model_fields:
            for source_id in value.sources:
                yield file.name, record, f"{field}.sources" if field else "sources", source_id


def _unknown_sources(content: Content) -> Iterator[ContentProblem]:
    for file, record, field, source_id in citations(content):
        if source_id not in content.sources:
            yield ContentProblem(file, f"cites unknown source '{source_id}'", record, field)


def _uncited_sources(content: Content) -> Iterator[ContentProblem]:
    cited = {source_id for *_, source_id in citations(content)}
    for source_id in content.sources:
        if source_id not in cited:
            yield ContentProblem(FILES["sources"], "is not cited by any record", source_id, "id")


def _unknown_references(content: Content) -> Iterator[ContentProblem]:
    locations = {location.id for location in content.clinic.locations}
    uses_file = FILES["uses"]
    for use in content.uses.values():
        yield from _missing(FILES["uses"], use.id, "areas", use.areas, content.areas, "area")
        yield from _missing(FILES["uses"], use.id, "offered_at", use.offered_at, locations, "clinic location")
        if use.label_dose:
            dose_product = use.label_dose.product
            yield from _missing(uses_file, use.id, "label_dose.product", [dose_product], content.products, "product")
            approved = {product.id for product in content.approved_products(use.id)}
            if dose_product in content.products and dose_product not in approved:
                yield ContentProblem(uses_file, f"gives a label dose of '{dose_product}', which {FILES['products']} "
                                     "does not record as approved for this use", use.id, "label_dose.product")
    for product in content.products.values():
        for number, approval in enumerate(product.approvals):
            yield from _missing(FILES["products"], product.id, f"approvals[{number}].use", [approval.use],
                                content.uses, "use")
    for section, items in content.safety:
        for item in items:
            yield from _missing(FILES["safety"], item.id, f"{section}.applies_to", item.applies_to, content.uses, "use")


def _approvals_agree(content: Content) -> Iterator[ContentProblem]:
    """A use is "approved" exactly when some product records an FDA approval for it."""
    for use in content.uses.values():
        if use.status.kind == "approved" and not content.approvals_for(use.id):
            yield ContentProblem(FILES["uses"], f"is 'approved', but no product in {FILES['products']} records an "
                                 "approval for this use", use.id, "status.kind")
    for product in content.products.values():
        for number, approval in enumerate(product.approvals):
            use = content.uses.get(approval.use)
            if use and use.status.kind != "approved":
                yield ContentProblem(FILES["products"], f"records an approval for '{use.id}', whose status in "
                                     f"{FILES['uses']} is '{use.status.kind}'", product.id, f"approvals[{number}].use")


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
                    yield ContentProblem(FILES["glossary"], f"'{form}' is also a form of '{owner[key]}'", term.id,
                                         "also")
                owner.setdefault(key, term.id)


def _illustrations_present(content: Content) -> Iterator[ContentProblem]:
    for illustration_id in REQUIRED:  # a missing one would leave a page without its picture
        if illustration_id not in content.illustrations:
            yield ContentProblem(FILES["illustrations"], f"misses the drawing '{illustration_id}' a page shows")
    for illustration in content.illustrations.values():
        if not (ILLUSTRATIONS_DIR / illustration.file).is_file():
            yield ContentProblem(FILES["illustrations"], f"names '{illustration.file}', which is not in "
                                 "assets/illustrations/", illustration.id, "file")
            continue
        try:
            read_drawing(illustration.file)
        except (NotAPlainDrawing, ElementTree.ParseError) as error:
            yield ContentProblem(FILES["illustrations"], f"names a drawing that is not a plain picture ({error})",
                                 illustration.id, "file")


FACT_BOX_SOURCE_KINDS = frozenset({"label", "peer-reviewed", "manufacturer", "regulator"})


def _fact_boxes_own_product(content: Content) -> Iterator[ContentProblem]:
    """A fact box's numbers come from its own product's trials (brands' units differ), for a use it is approved
    for, from a label, a trial's publication, the FDA or the maker: never a clinic page or the news."""
    file = FILES["fact_boxes"]
    for box in content.fact_boxes.values():
        yield from _missing(file, box.id, "use", [box.use], content.uses, "use")
        yield from _missing(file, box.id, "product", [box.product], content.products, "product")
        approved = {product.id for product in content.approved_products(box.use)}
        if box.use in content.uses and box.product in content.products and box.product not in approved:
            yield ContentProblem(file, f"gives numbers for '{box.product}', which {FILES['products']} does not "
                                 f"record as approved for '{box.use}'", box.id, "product")
        for field, source_id in _box_citations(box):
            source = content.sources.get(source_id)
            if source and source.product != box.product:
                reports = f"reports '{source.product}'" if source.product else "names no product"
                yield ContentProblem(file, f"cites '{source_id}', which {reports}: a fact box's numbers come from "
                                     f"the trials of '{box.product}' only", box.id, field)
            if source and source.kind not in FACT_BOX_SOURCE_KINDS:
                yield ContentProblem(file, f"cites '{source_id}', a {source.kind} source: numbers come from a "
                                     "label, a trial's publication, the FDA or the maker", box.id, field)


def _box_citations(box: FactBox) -> Iterator[tuple[str, str]]:
    """Every (field, source id) a fact box cites, its rows' sources included."""
    yield from (("sources", source_id) for source_id in box.sources)
    for part in ("benefits", "harms"):
        for number, outcome in enumerate(getattr(box, part)):
            yield from ((f"{part}[{number}].sources", source_id) for source_id in outcome.sources)


def _choices_complete(content: Content) -> Iterator[ContentProblem]:
    """Every use has its options (none is offered without them), and every option named is recorded."""
    file = FILES["choices"]
    for use_id in content.uses:
        if use_id not in content.choices:
            yield ContentProblem(file, f"has no record for the use '{use_id}' (its options and what happens "
                                 "without treatment)")
    for choices in content.choices.values():
        yield from _missing(file, choices.id, "id", [choices.id], content.uses, "use")
        yield from _missing(file, choices.id, "alternatives", choices.alternatives, content.alternatives,
                            "alternative")


def _parts_cite_the_use(content: Content) -> Iterator[ContentProblem]:
    """A part of a use cites sources from the use's own list, so the page's numbered list holds them all."""
    for use in content.uses.values():
        for part, source_ids in use.cites.items():
            for source_id in source_ids:
                if source_id not in use.sources:
                    yield ContentProblem(FILES["uses"], f"cites '{source_id}', which is not in the use's sources",
                                         use.id, f"cites.{part}")


def _search_words_known(content: Content) -> Iterator[ContentProblem]:
    """Every word list names a use, and has words in every language the site is published in."""
    file = FILES["search_words"]
    for record in content.search_words.values():
        yield from _missing(file, record.id, "id", [record.id], content.uses, "use")
        for language in content.site.languages:
            if not record.words.get(language):
                yield ContentProblem(file, f"has no '{language}' words", record.id, "words")


CHECKLIST_SECTIONS = ("do_not_treat", "tell_your_doctor", "questions_to_ask")  # Before your visit's chips
# Where a short label is shown, and how: the visit checklist's chips, and the "Get help now" box's lines.
LABEL_USES = {**dict.fromkeys(CHECKLIST_SECTIONS, "the visit checklist shows it as a chip"),
              "red_flags": "the safety page's \"Get help now\" box shows it as one line"}


def _short_labels(content: Content) -> Iterator[ContentProblem]:
    for section, shown_as in LABEL_USES.items():
        for item in getattr(content.safety, section):
            if not item.label:
                yield ContentProblem(FILES["safety"], f"needs a short label: {shown_as}", item.id, f"{section}.label")


# The words that carry an obligation or a negation, by language: a text's English and Spanish must carry the same
# ones ("should" is not "debe"). "May" alone is left out: "may", "can", "puede" also say what is possible.
OBLIGATIONS = {
    "en": {
        "not": r"\b(?:must not|mustn't|should not|shouldn't|may not|cannot|can't|can not|never|no longer"
               r"|(?:do|does) not have to|(?:don't|doesn't) have to)\b"
               r"|\bmay\b[^.?!]*\bnot\b",
        "must": r"(?<!\bnot )(?<!n't )\b(?:must|have to|has to)\b(?! not)",
        "should": r"\bshould\b(?! not)",
    },
    "es": {
        "not": r"\b(?:no (?:se )?(?:debe|deben|debería|deberían|debo|puede|pueden)|no (?:tiene|tienen|hay) que|nunca"
               r"|puede no|pueden no|ya no)\b"
               r"|\b(?:es posible que|quizás)\b[^.?!]*\bno\b",
        "must": r"(?<!\bse )(?<!\bno )\b(?:debe|deben|debía|debían|tiene que|tienen que|hay que)\b(?! a\b)",
        "should": r"(?<!\bno )\b(?:debería|deberían|debo|debemos)\b",
    },
}


def obligations(text: str, language: str) -> set[str]:
    """Which of "must", "should" and "not" a text says, in English or Spanish."""
    flat = " ".join(text.lower().split())
    return {kind for kind, pattern in OBLIGATIONS[language].items() if re.search(pattern, flat)}


def _languages_agree(content: Content) -> Iterator[ContentProblem]:
    """A text's English and Spanish carry the same obligations and negations."""
    for file, (record, field, value) in file_nodes(content):
        if file.patient_text and is_text(value) and value.get("en") and value.get("es"):
            english, spanish = obligations(value["en"], "en"), obligations(value["es"], "es")
            if english != spanish:
                yield ContentProblem(file.name, f"says {_kinds(english)} in English but {_kinds(spanish)} in "
                                     "Spanish: the two must carry the same obligation or negation", record, field)


def _kinds(kinds: set[str]) -> str:
    return "/".join(f"'{kind}'" for kind in sorted(kinds)) or "no obligation"


def _every_language(content: Content) -> Iterator[ContentProblem]:
    """Every patient text in every language the site is published in (``site.yaml``'s ``languages``)."""
    for file, (record, field, value) in file_nodes(content):
        if file.patient_text and is_text(value):
            for language in content.site.languages:
                if not value.get(language, "").strip():
                    yield ContentProblem(file.name, f"has no '{language}' text", record, field)
