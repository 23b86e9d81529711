"""Numbering sources in the order a page, a section or a summary first cites them: ``[1]``, ``[2]``...

One rule for the dashboard's footnotes, the guide's pages and the take-home PDF.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .models import Source


@dataclass
class Citations:
    """Numbers sources 1, 2, ... in the order they are first cited; calling it with a record's sources gives their
    numbers."""

    numbers: dict[str, int] = field(default_factory=dict)

    def __call__(self, source_ids: Iterable[str]) -> tuple[int, ...]:
        return tuple(dict.fromkeys(self.numbers.setdefault(s, len(self.numbers) + 1) for s in source_ids))

    def sources(self, known: dict[str, Source]) -> tuple[Source, ...]:
        return tuple(known[source_id] for source_id in self.numbers)
