"""What is wrong with the content, said so that an editor can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentProblem:
    """One problem: the file, the record (its id, or its position) and the field."""

    file: str
    message: str
    record: str | None = None
    field: str | None = None
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        if self.record:
            where += f", record '{self.record}'"
        if self.field:
            where += f", field '{self.field}'"
        return f"{where}: {self.message}"


class ContentError(Exception):
    """Raised when the content cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[ContentProblem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))
