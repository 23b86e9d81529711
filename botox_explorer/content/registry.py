"""The content files, in one table: each file's name, its model, its shape and the field of ``Content`` that holds
it. Loading, the record counts, the language check, the citations and the review all loop over this table, so a
new file is added here and in ``models.py`` only (docs/architecture.md shows how).

Walking the loaded content is generic: a *record* is a model with an ``id``; a field is named from the nearest
record (``approvals[0].sources``), a record in a list after that list (``boxed_warning.sources``), a list's items
by their position.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from ..models import (
    Alternative,
    Area,
    Choices,
    Clinic,
    Content,
    DecisionAid,
    FactBox,
    GlossaryTerm,
    HistoryEvent,
    Illustration,
    Myth,
    Product,
    Safety,
    SearchWords,
    Site,
    Source,
    Statistics,
    Use,
)


@dataclass(frozen=True)
class ContentFile:
    """A file of ``data/``: a list of records (kept by id, or in file order) or one mapping of fields."""

    name: str
    field: str  # of Content
    model: type[BaseModel]
    shape: Literal["by-id", "in-order", "mapping"]
    patient_text: bool = True  # False: no text of it reaches a patient (the language check skips it)

    @property
    def is_list(self) -> bool:
        return self.shape != "mapping"


CONTENT_FILES = (
    ContentFile("sources.yaml", "sources", Source, "by-id", patient_text=False),
    ContentFile("areas.yaml", "areas", Area, "by-id"),
    ContentFile("uses.yaml", "uses", Use, "by-id"),
    ContentFile("history.yaml", "history", HistoryEvent, "in-order"),
    ContentFile("products.yaml", "products", Product, "by-id"),
    ContentFile("myths.yaml", "myths", Myth, "in-order"),
    ContentFile("safety.yaml", "safety", Safety, "mapping"),
    ContentFile("statistics.yaml", "statistics", Statistics, "mapping"),
    ContentFile("clinic.yaml", "clinic", Clinic, "mapping"),
    ContentFile("site.yaml", "site", Site, "mapping"),
    ContentFile("decision_aid.yaml", "decision_aid", DecisionAid, "mapping"),
    ContentFile("glossary.yaml", "glossary", GlossaryTerm, "by-id"),
    ContentFile("illustrations.yaml", "illustrations", Illustration, "by-id"),
    ContentFile("fact_boxes.yaml", "fact_boxes", FactBox, "by-id"),
    ContentFile("alternatives.yaml", "alternatives", Alternative, "by-id"),
    ContentFile("choices.yaml", "choices", Choices, "by-id"),
    ContentFile("search_words.yaml", "search_words", SearchWords, "by-id", patient_text=False),
)
FILES = {file.field: file.name for file in CONTENT_FILES}  # the file behind each field of Content


def held(parsed: list | BaseModel, file: ContentFile) -> Any:
    """What ``Content`` keeps of a file's validated records."""
    if file.shape == "by-id":
        return {record.id: record for record in parsed}
    return tuple(parsed) if file.shape == "in-order" else parsed


Node = tuple[str | None, str, Any]  # (nearest record's id, field path below it, value)


def walk(node: Any, record: str | None = None, field: str = "") -> Iterator[Node]:
    """Every value under ``node``, depth first, with the nearest record's id and the field path below it."""
    if isinstance(node, BaseModel):
        if isinstance(getattr(node, "id", None), str):  # a record: its fields are named from its list's name
            record, field = node.id, re.sub(r"\[[^\]]*\]$", "", field)
        yield record, field, node
        for name in type(node).model_fields:
            yield from walk(getattr(node, name), record, f"{field}.{name}" if field else name)
    elif isinstance(node, dict) and not is_text(node):
        for value in node.values():
            yield from walk(value, record, field)
    elif isinstance(node, list | tuple):
        for position, value in enumerate(node):
            yield from walk(value, record, f"{field}[{position}]")
    else:
        yield record, field, node


def is_text(node: Any) -> bool:
    """A patient text: a mapping of language codes to strings (``{en: ..., es: ...}``)."""
    return isinstance(node, dict) and "en" in node and all(isinstance(value, str) for value in node.values())


def file_nodes(content: Content) -> Iterator[tuple[ContentFile, Node]]:
    """Every node of every content file, file by file in the table's order."""
    for file in CONTENT_FILES:
        for node in walk(getattr(content, file.field)):
            yield file, node


def records(content: Content) -> Iterator[tuple[ContentFile, BaseModel]]:
    """Every record (a model with an ``id``) of every file, nested ones included (a safety item, a location)."""
    for file, (_, _, value) in file_nodes(content):
        if isinstance(value, BaseModel) and isinstance(getattr(value, "id", None), str):
            yield file, value


def record_counts(content: Content) -> dict[str, int]:
    """How many records each file holds (for the command line's summary)."""
    counts = {file.name: 0 for file in CONTENT_FILES}
    for file, _ in records(content):
        counts[file.name] += 1
    return counts
