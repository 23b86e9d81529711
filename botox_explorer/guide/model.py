"""What a page of the static guide says, as plain data: sections of blocks, each text with its source numbers.

The page builders (``pages.py``) fill these from the content; the template only lays them out, so nothing a
patient reads is written in the template.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import ClassVar, Literal

from ..models import Source

VIEW_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


@dataclass(frozen=True)
class Cited:
    """A text and the numbers of its sources on the page; ``lead`` is said first, in bold (a term, a year, a
    brand), ``href`` makes the lead a link to another page of the guide, ``anchor`` gives it an id to link to."""

    kind: ClassVar[str] = "text"
    text: str
    cites: tuple[int, ...] = ()
    lead: str = ""
    href: str = ""
    anchor: str = ""

    @property
    def cite_runs(self) -> list[tuple[int, int]]:
        """The source numbers as runs, ``[1, 2, 3, 5]`` as ``[(1, 3), (5, 5)]``: a page says "[1-3, 5]"."""
        runs: list[tuple[int, int]] = []
        for number in sorted(set(self.cites)):
            if runs and number == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], number)
            else:
                runs.append((number, number))
        return runs

    @property
    def separator(self) -> str:
        """What stands between the lead and the text: a colon, unless the lead ends a sentence itself."""
        if not (self.lead and self.text):
            return ""
        return " " if self.lead[-1] in ".?!:;¿¡" else ": "


@dataclass(frozen=True)
class Items:
    """A list of cited texts."""

    kind: ClassVar[str] = "items"
    entries: tuple[Cited, ...]


@dataclass(frozen=True)
class Table:
    """A plain table: a chart's data, or a comparison."""

    kind: ClassVar[str] = "table"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    """A picture (an SVG drawn without a browser), its text alternative, a caption with its sources, and the
    table that says the same in words."""

    kind: ClassVar[str] = "figure"
    stem: str
    svg: str
    alt: str
    caption: Cited | None = None
    table: Table | None = None

    @property
    def size(self) -> tuple[str, str]:
        """Width and height from the drawing's viewBox, so the page keeps its place before the picture loads."""
        found = VIEW_BOX.search(self.svg)
        return (found.group(1), found.group(2)) if found else ("", "")

    @property
    def file(self) -> str:
        """Named after its content, so a browser may keep it for good: new content, new name."""
        digest = hashlib.sha256(self.svg.encode("utf-8")).hexdigest()[:12]
        return f"{self.stem}-{digest}.svg"


@dataclass(frozen=True)
class Link:
    """A link out of the page's text: to the dashboard or to a site's booking page."""

    kind: ClassVar[str] = "link"
    text: str
    href: str


Block = Cited | Items | Table | Figure | Link
Tone = Literal["plain", "warning", "danger"]


@dataclass(frozen=True)
class Section:
    heading: str
    blocks: tuple[Block, ...]
    tone: Tone = "plain"
    anchor: str = ""


@dataclass(frozen=True)
class GuidePage:
    """One page in one language. ``path`` is its place in the language's folder (``uses/chronic-migraine.html``);
    ``dashboard`` the address of the same view in the dashboard, below its root (``explore?use=...``)."""

    path: str
    language: str
    title: str
    description: str
    sections: tuple[Section, ...]
    sources: tuple[Source, ...]
    reviewed_on: dt.date | None
    dashboard: str
    lead: Cited | None = None

    @property
    def figures(self) -> list[Figure]:
        return [block for section in self.sections for block in section.blocks if isinstance(block, Figure)]
