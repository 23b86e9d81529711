"""Loads every file of ``data/``, validates it and cross-checks the whole."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models import (
    Area,
    Clinic,
    GlossaryTerm,
    HistoryEvent,
    Illustration,
    Myth,
    Product,
    Safety,
    Site,
    Source,
    Statistics,
    Use,
    UseApproval,
)
from .crosscheck import cross_check
from .problems import ContentError, ContentProblem
from .yaml_reader import read_yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_VARIABLE = "BOTOX_EXPLORER_DATA_DIR"


def configured_data_dir() -> Path:
    """The content folder: ``data/``, or another one named by an environment variable (the tests use it)."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, DATA_DIR))

LIST_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": Source,
    "areas.yaml": Area,
    "uses.yaml": Use,
    "history.yaml": HistoryEvent,
    "products.yaml": Product,
    "myths.yaml": Myth,
    "glossary.yaml": GlossaryTerm,
    "illustrations.yaml": Illustration,
}
MAPPING_FILES: dict[str, type[BaseModel]] = {
    "safety.yaml": Safety,
    "statistics.yaml": Statistics,
    "clinic.yaml": Clinic,
    "site.yaml": Site,
}


@dataclass(frozen=True)
class Content:
    """All the content, typed; dictionaries keep the order of the files."""

    sources: dict[str, Source]
    areas: dict[str, Area]
    uses: dict[str, Use]
    history: tuple[HistoryEvent, ...]
    products: dict[str, Product]
    myths: tuple[Myth, ...]
    safety: Safety
    statistics: Statistics
    clinic: Clinic
    site: Site
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    illustrations: dict[str, Illustration] = field(default_factory=dict)
    approvals: dict[str, tuple[UseApproval, ...]] = field(default_factory=dict)

    def approvals_for(self, use_id: str) -> tuple[UseApproval, ...]:
        """The FDA approvals recorded for a use on its products, oldest first."""
        return self.approvals.get(use_id, ())

    def approved_products(self, use_id: str) -> list[Product]:
        """The products approved for a use, in the order of their first approval for it."""
        return list({a.product.id: a.product for a in self.approvals_for(use_id)}.values())

    def first_us_approval(self, use_id: str) -> UseApproval | None:
        approvals = self.approvals_for(use_id)
        return approvals[0] if approvals else None

    def counts(self) -> dict[str, int]:
        """How many records each file holds (for the command line's summary)."""
        return {
            "sources.yaml": len(self.sources),
            "areas.yaml": len(self.areas),
            "uses.yaml": len(self.uses),
            "history.yaml": len(self.history),
            "products.yaml": len(self.products),
            "myths.yaml": len(self.myths),
            "safety.yaml": sum(len(items) for _, items in self.safety),
            "statistics.yaml": sum(len(series.points) for series in self.statistics.series),
            "clinic.yaml": len(self.clinic.locations),
            "site.yaml": len(self.site.intro) + len(self.site.mechanism) + 1,
            "glossary.yaml": len(self.glossary),
            "illustrations.yaml": len(self.illustrations),
        }


def load_content(data_dir: Path = DATA_DIR) -> Content:
    """Every file validated and cross-checked; raises ContentError listing all problems."""
    problems: list[ContentProblem] = []
    parsed: dict[str, Any] = {}
    for name, model in LIST_FILES.items():
        parsed[name] = _load_list(data_dir / name, model, problems)
    for name, model in MAPPING_FILES.items():
        parsed[name] = _load_mapping(data_dir / name, model, problems)
    if problems:
        raise ContentError(problems)
    approvals = approvals_by_use(parsed["products.yaml"])
    history, history_problems = dated_history(parsed["history.yaml"], approvals)
    content = Content(
        sources=_by_id(parsed["sources.yaml"]),
        areas=_by_id(parsed["areas.yaml"]),
        uses=_by_id(parsed["uses.yaml"]),
        history=tuple(sorted(history, key=lambda e: (e.year, e.month or 0))),
        products=_by_id(parsed["products.yaml"]),
        myths=tuple(parsed["myths.yaml"]),
        safety=parsed["safety.yaml"],
        statistics=parsed["statistics.yaml"],
        clinic=parsed["clinic.yaml"],
        site=parsed["site.yaml"],
        glossary=_by_id(parsed["glossary.yaml"]),
        illustrations=_by_id(parsed["illustrations.yaml"]),
        approvals=approvals,
    )
    problems = history_problems + cross_check(content) + _duplicate_ids(parsed)
    if problems:
        raise ContentError(problems)
    return content


def approvals_by_use(products: list[Product]) -> dict[str, tuple[UseApproval, ...]]:
    """Every product's approvals grouped by the use they are for, oldest first (ties in file order)."""
    grouped: dict[str, list[UseApproval]] = {}
    for product in products:
        for approval in product.approvals:
            grouped.setdefault(approval.use, []).append(UseApproval(product, approval))
    return {use: tuple(sorted(found, key=lambda a: a.when)) for use, found in grouped.items()}


def dated_history(events: list[HistoryEvent], approvals: dict[str, tuple[UseApproval, ...]]
                  ) -> tuple[list[HistoryEvent], list[ContentProblem]]:
    """Events that mark an approval take its year and month (the product's first approval for that use)."""
    dated, problems = [], []
    for event in events:
        if event.approval is None:
            dated.append(event)
            continue
        ref = event.approval
        found = [a.approval for a in approvals.get(ref.use, ()) if a.product.id == ref.product]
        if not found:
            problems.append(ContentProblem("history.yaml", f"marks an approval of '{ref.product}' for '{ref.use}' "
                                           "that products.yaml does not record", event.id, "approval"))
            continue
        dated.append(event.model_copy(update={"year": found[0].year, "month": found[0].month}))
    return dated, problems


def _by_id(records: list) -> dict:
    return {record.id: record for record in records}


def _read(path: Path, expected: type, problems: list[ContentProblem]) -> Any:
    try:
        document = read_yaml(path)
    except ContentError as error:
        problems.extend(error.problems)
        return None
    if not isinstance(document, expected):
        shape = "a list of records (lines starting with '- ')" if expected is list else "a mapping of fields"
        problems.append(ContentProblem(path.name, f"must be {shape}, not a {type(document).__name__}"))
        return None
    return document


def _load_list(path: Path, model: type[BaseModel], problems: list[ContentProblem]) -> list:
    document = _read(path, list, problems)
    records = []
    for position, raw in enumerate(document or [], start=1):
        label = _record_label(raw, position)
        if not isinstance(raw, dict):
            problems.append(ContentProblem(path.name, "must be a mapping of fields", record=label))
            continue
        try:
            records.append(model.model_validate(raw))
        except ValidationError as error:
            problems.extend(_validation_problems(path.name, raw, error, label))
    return records


def _load_mapping(path: Path, model: type[BaseModel], problems: list[ContentProblem]) -> Any:
    document = _read(path, dict, problems)
    if document is None:
        return None
    try:
        return model.model_validate(document)
    except ValidationError as error:
        problems.extend(_validation_problems(path.name, document, error, None))
        return None


def _record_label(raw: Any, position: int) -> str:
    if isinstance(raw, dict) and isinstance(raw.get("id"), str) and raw["id"].strip():
        return raw["id"].strip()
    return f"#{position}"


def _validation_problems(
    file: str, raw: Any, error: ValidationError, record: str | None
) -> list[ContentProblem]:
    problems = []
    for detail in error.errors(include_url=False):
        inner_record, field = _locate(raw, detail["loc"])
        problems.append(
            ContentProblem(file, _message(detail), record=inner_record or record, field=field or None)
        )
    return problems


def _locate(raw: Any, loc: tuple) -> tuple[str | None, str]:
    """The id of the innermost record on ``loc`` that has one, and the field path below it."""
    record, field_parts, node = None, [], raw
    for part in loc:
        node = node[part] if _can_index(node, part) else None
        if isinstance(node, dict) and isinstance(node.get("id"), str) and part != loc[-1]:
            record, field_parts = node["id"], []
        else:
            field_parts.append(str(part) if not isinstance(part, int) else f"[{part}]")
    field = ".".join(field_parts).replace(".[", "[")
    return record, field


def _can_index(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _message(detail: dict) -> str:
    message = detail["msg"].removeprefix("Value error, ")
    if detail["type"] == "extra_forbidden":
        return "is not a known field (check its spelling)"
    if detail["type"] == "literal_error":
        return f"{message}; got {detail['input']!r}"
    return message


def _duplicate_ids(parsed: dict[str, Any]) -> list[ContentProblem]:
    problems = []
    for name in LIST_FILES:
        seen: set[str] = set()
        for record in parsed[name]:
            if record.id in seen:
                problems.append(ContentProblem(name, "is used by more than one record", record.id, "id"))
            seen.add(record.id)
    return problems
