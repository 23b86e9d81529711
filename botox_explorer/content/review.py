"""What in the content needs a fresh look: the report behind ``python -m botox_explorer.content review``.

Facts about these treatments change (new approvals, retired guidelines, new California rules), so every record
carries the date staff last checked it (``reviewed_on``) and, where it depends on something that can change,
a ``review_note`` saying what to check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from ..models import AUTHORITATIVE_SOURCE_KINDS, Content, Source
from .registry import FILES, records

REVIEW_EVERY_DAYS = 365
# Query fields that name one fixed record (an openFDA search by application number returns that application).
FIXED_RECORD_FIELDS = ("application_number", "set_id", "spl_set_id")


@dataclass(frozen=True)
class Reviewed:
    """A record that makes statements, with when it was last checked and what to re-check."""

    file: str
    record: str
    reviewed_on: dt.date
    review_note: str | None


@dataclass(frozen=True)
class Review:
    stale: tuple[Reviewed, ...]
    not_primary: tuple[Source, ...]
    search_links: tuple[Source, ...]
    dated: tuple[tuple[str, str, str], ...]  # (file, record, what to check)

    def is_empty(self) -> bool:
        return not (self.stale or self.not_primary or self.search_links or self.dated)


def reviewed_records(content: Content) -> Iterator[Reviewed]:
    """Every record of the content that carries a review date, file by file."""
    for file, record in records(content):
        if reviewed_on := getattr(record, "reviewed_on", None):
            yield Reviewed(file.name, record.id, reviewed_on, record.review_note)


def is_search_link(url: str) -> bool:
    """True for an address that shows search results (which can change) rather than one fixed document."""
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    searched = " ".join(value for key in ("search", "query", "q", "term") for value in query.get(key, []))
    if searched and any(field in searched for field in FIXED_RECORD_FIELDS):
        return False
    return bool(searched) or "search" in parts.path.lower()


def review(content: Content, today: dt.date, every_days: int = REVIEW_EVERY_DAYS) -> Review:
    records = list(reviewed_records(content))
    oldest_allowed = today - dt.timedelta(days=every_days)
    sources = list(content.sources.values())
    dated = [(r.file, r.record, r.review_note) for r in records if r.review_note]
    dated += [(FILES["sources"], s.id, s.review_note) for s in sources if s.review_note]
    return Review(
        stale=tuple(r for r in records if r.reviewed_on < oldest_allowed),
        not_primary=tuple(s for s in sources if s.kind not in AUTHORITATIVE_SOURCE_KINDS),
        search_links=tuple(s for s in sources if s.url and is_search_link(str(s.url))),
        dated=tuple(dated),
    )


def report(found: Review, today: dt.date, every_days: int = REVIEW_EVERY_DAYS) -> str:
    """The review as markdown, one section for each kind of thing to check."""
    lines = [f"# Content review, {today:%Y-%m-%d}", ""]
    lines += _section(f"Records last reviewed more than {every_days} days ago",
                      [f"`{r.file}` `{r.record}`: reviewed {r.reviewed_on:%Y-%m-%d}" for r in found.stale])
    lines += _section("Statements that depend on a dated event (a guideline, a pending decision, an unconfirmed "
                      "figure)", [f"`{file}` `{record}`: {note}" for file, record, note in found.dated])
    lines += _section("Sources that are not primary (not a label, regulator, peer-reviewed paper or society)",
                      [f"`{s.id}` ({s.kind}): {s.title}" for s in found.not_primary])
    lines += _section("Links that point at search results instead of one fixed document",
                      [f"`{s.id}`: {s.url}" for s in found.search_links])
    return "\n".join(lines).rstrip() + "\n"


def _section(title: str, items: list[str]) -> list[str]:
    return [f"## {title} ({len(items)})", "", *(f"- {item}" for item in items or ["none"]), ""]
