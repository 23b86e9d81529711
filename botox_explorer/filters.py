"""The explorer's filters: applying them, and reading and writing them as a URL.

A shared link must reproduce the view, and a hand-edited or hostile link must
never break the page: unknown values are dropped and reported as notices.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pandas as pd

from .i18n import t
from .models import CATEGORIES, DEFAULT_LANGUAGE, STATUS_KINDS
from .routes import Param
from .search import MAX_QUERY_LENGTH, SearchIndex

MAX_VALUES = 50


@dataclass(frozen=True)
class Filters:
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    offered_only: bool = False
    query: str = ""
    open_use: str | None = None
    topics: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParsedLink:
    filters: Filters
    notices: tuple[str, ...] = field(default=())


def apply_filters(frame: pd.DataFrame, filters: Filters, index: SearchIndex) -> pd.DataFrame:
    """The rows that pass every filter (an empty filter lets everything through); for a search, only the uses
    ``index`` finds for it, best match first."""
    keep = pd.Series(True, index=frame.index)
    if filters.categories:
        keep &= frame["category"].isin(filters.categories)
    if filters.statuses:
        keep &= frame["status"].isin(filters.statuses)
    if filters.areas:
        wanted = set(filters.areas)
        keep &= frame["areas"].map(lambda areas: not wanted.isdisjoint(areas))
    if filters.offered_only:
        keep &= frame["offered_at_clinic"]
    if filters.topics:
        keep &= frame["id"].isin(filters.topics)
    if not filters.query:
        return frame[keep]
    order = {use_id: rank for rank, use_id in enumerate(index.rank(filters.query))}
    found = frame[keep & frame["id"].isin(order)]
    return found.sort_values("id", key=lambda ids: ids.map(order), kind="stable")


def normalize_query(text: str) -> str:
    """Search text as matched: printable, folded case, single spaces, bounded length."""
    printable = "".join(char if char.isprintable() else " " for char in text[:MAX_QUERY_LENGTH])
    return " ".join(printable.casefold().split())


def parse_link(params: Mapping[str, Iterable[str]], area_ids: Iterable[str], use_ids: Iterable[str],
               language: str = DEFAULT_LANGUAGE) -> ParsedLink:
    """Filters from URL query parameters (each a list of values); unknown values become notices in ``language``,
    each a sentence (see ``known_values``)."""
    notices: list[str] = []

    def known(values: Iterable[str], known_ids: Iterable[str], name: str,
              given_order: bool = False) -> tuple[str, ...]:
        return known_values(values, tuple(known_ids), name, notices, given_order=given_order, language=language)

    categories = known(params.get(Param.CATEGORY, ()), CATEGORIES, Param.CATEGORY)
    statuses = known(params.get(Param.STATUS, ()), STATUS_KINDS, Param.STATUS)
    areas = known(params.get(Param.AREA, ()), area_ids, Param.AREA)
    offered_values = list(params.get(Param.OFFERED, ()))[:1]
    offered_only = offered_values == ["1"]
    if offered_values and not offered_only:
        notices.append(unknown_notice(Param.OFFERED, language))
    query = " ".join(list(params.get(Param.QUERY, ()))[:1])
    if len(query) > MAX_QUERY_LENGTH:
        notices.append(t("filters.shortened_query", language, count=MAX_QUERY_LENGTH))
    known_uses = tuple(use_ids)
    opened = known(list(params.get(Param.USE, ()))[:1], known_uses, Param.USE)
    topics = known(split_values(params.get(Param.TOPICS, ())), known_uses, Param.TOPICS, given_order=True)
    filters = Filters(
        categories=categories,
        statuses=statuses,
        areas=areas,
        offered_only=offered_only,
        query=normalize_query(query),
        open_use=opened[0] if opened else None,
        topics=topics,
    )
    return ParsedLink(filters, tuple(notices))


def link_params(filters: Filters) -> dict[str, list[str]]:
    """Query parameters that reproduce ``filters`` (only the ones that are set)."""
    params = {
        Param.CATEGORY: list(filters.categories),
        Param.STATUS: list(filters.statuses),
        Param.AREA: list(filters.areas),
        Param.OFFERED: ["1"] if filters.offered_only else [],
        Param.QUERY: [filters.query] if filters.query else [],
        Param.USE: [filters.open_use] if filters.open_use else [],
        Param.TOPICS: [",".join(filters.topics)] if filters.topics else [],
    }
    return {name: values for name, values in params.items() if values}


def split_values(values: Iterable[str]) -> list[str]:
    """Comma-separated values (``topics=a,b``, the short form a QR code carries), flattened."""
    return [part for value in list(values)[:MAX_VALUES] for part in str(value).split(",") if part]


def known_values(values: Iterable[str], known: tuple[str, ...], name: str, notices: list[str],
                 *, given_order: bool = False, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """Known values without duplicates, in the order of ``known`` (or as given); when any was dropped, a notice in
    ``language`` says, in a visitor's words, what the link ``name`` (its parameter) asked for and did not get."""
    given = [str(value) for value in list(values)[:MAX_VALUES]]
    kept = tuple(dict.fromkeys(v for v in given if v in known)) if given_order else tuple(
        value for value in known if value in given)
    if any(value not in known for value in given):
        notices.append(unknown_notice(name, language))
    return kept


def unknown_notice(name: str, language: str) -> str:
    """``This link asked for a body area that we do not have, so we left it out.``"""
    return t("filters.unknown", language, what=t(f"filters.what.{name}", language))
