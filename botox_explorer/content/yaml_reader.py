"""Reads one YAML file defensively: size limit, no aliases, safe loading only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, ContentProblem

# Bounded, so a huge file cannot exhaust memory, with room for ten times today's largest file (uses.yaml, 124 KiB:
# the scale benchmark loads ten times the uses).
MAX_FILE_BYTES = 4 * 1024 * 1024


def read_yaml(path: Path) -> Any:
    """The parsed document of ``path``; raises ContentError naming file, line and column.

    Aliases (``*name``) are refused before anything is built, so a "billion laughs"
    file cannot exhaust memory; the document is then built with ``yaml.safe_load``.
    """
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ContentError([ContentProblem(name, f"cannot be read ({error.strerror})")]) from error
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 1024
        raise ContentError([ContentProblem(name, f"is {size // 1024} KiB, above the {limit} KiB limit")])
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise ContentError([ContentProblem(name, "is not UTF-8 text")]) from error
    try:
        _refuse_aliases(text)
        document = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        raise ContentError([_syntax_problem(name, error)]) from error
    except yaml.YAMLError as error:
        raise ContentError([ContentProblem(name, f"is not valid YAML: {error}")]) from error
    if document is None:
        raise ContentError([ContentProblem(name, "is empty")])
    return document


def _refuse_aliases(text: str) -> None:
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.MarkedYAMLError(
                problem="uses a YAML alias (*name); aliases are not allowed in content files",
                problem_mark=event.start_mark,
            )


def _syntax_problem(name: str, error: yaml.MarkedYAMLError) -> ContentProblem:
    mark = error.problem_mark or error.context_mark
    message = error.problem or "is not valid YAML"
    if "'\\t'" in message:  # PyYAML: "found character '\\t' that cannot start any token"
        message += " (indent with spaces, not tabs)"
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    return ContentProblem(name, f"invalid YAML: {message}", line=line, column=column)
