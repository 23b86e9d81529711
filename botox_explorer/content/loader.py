"""Loads every file of ``data/``, validates it and cross-checks the whole."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..models import Content, HistoryEvent, Product, UseApproval
from .crosscheck import cross_check
from .problems import ContentError, ContentProblem
from .registry import CONTENT_FILES, FILES, held
from .yaml_reader import read_yaml

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_VARIABLE = "BOTOX_EXPLORER_DATA_DIR"


def configured_data_dir() -> Path:
    """The content folder: ``data/``, or another one named by an environment variable (the tests use it)."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, DATA_DIR))


def load_content(data_dir: Path = DATA_DIR) -> Content:
    """Every file validated and cross-checked; raises ContentError listing all problems."""
    problems: list[ContentProblem] = []
    parsed: dict[str, Any] = {}  # by the field of Content that holds the file
    for file in CONTENT_FILES:
        load = _load_list if file.is_list else _load_mapping
        parsed[file.field] = load(data_dir / file.name, file.model, problems)
    if problems:
        raise ContentError(problems)
    approvals = approvals_by_use(parsed["products"])
    history, history_problems = dated_history(parsed["history"], approvals)
    parsed["history"] = sorted(history, key=lambda e: (e.year, e.month or 0))
    content = Content(**{file.field: held(parsed[file.field], file) for file in CONTENT_FILES}, approvals=approvals)
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
            problems.append(ContentProblem(FILES["history"], f"marks an approval of '{ref.product}' for '{ref.use}' "
                                           f"that {FILES['products']} does not record", event.id, "approval"))
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
    for file in CONTENT_FILES:
        seen: set[str] = set()
        for record in parsed[file.field] if file.is_list else ():
            if record.id in seen:
                problems.append(ContentProblem(file.name, "is used by more than one record", record.id, "id"))
            seen.add(record.id)
    return problems
