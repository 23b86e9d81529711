"""The explorer's state: widgets seeded from the URL, and the URL kept in step with them."""

from __future__ import annotations

import streamlit as st

from ..filters import Filters, link_params, parse_link
from ..models import Content
from . import language as lang
from .url_state import address_params, keep_address

KEYS = {"categories": "f_category", "statuses": "f_status", "areas": "f_area",
        "offered_only": "f_offered", "query": "f_query"}
TOPICS = "f_topics"  # the concerns a consultation's link chose; no widget, cleared by "Show all uses"
OPEN_USE = "open_use"


def seed_from_url(content: Content) -> tuple[str, ...]:
    """On landing (widgets not yet in the session), copy the URL's filters into them.

    Returns the notices about values that were ignored, to be shown gently.
    """
    if KEYS["categories"] in st.session_state:
        return ()
    parsed = parse_link(address_params(), content.areas, content.uses, language=lang.language())
    filters = parsed.filters
    st.session_state[KEYS["categories"]] = list(filters.categories)
    st.session_state[KEYS["statuses"]] = list(filters.statuses)
    st.session_state[KEYS["areas"]] = list(filters.areas)
    st.session_state[KEYS["offered_only"]] = filters.offered_only
    st.session_state[KEYS["query"]] = filters.query
    st.session_state[OPEN_USE] = filters.open_use
    st.session_state[TOPICS] = list(filters.topics)
    return parsed.notices


def current_filters() -> Filters:
    state = st.session_state
    return Filters(
        categories=tuple(state.get(KEYS["categories"]) or ()),
        statuses=tuple(state.get(KEYS["statuses"]) or ()),
        areas=tuple(state.get(KEYS["areas"]) or ()),
        offered_only=bool(state.get(KEYS["offered_only"])),
        query=state.get(KEYS["query"]) or "",
        open_use=state.get(OPEN_USE),
        topics=tuple(state.get(TOPICS) or ()),
    )


def write_to_url(filters: Filters) -> None:
    """Keep the address bar equal to the view (in its language), so a copied link reproduces it."""
    keep_address(link_params(filters))


def open_use(use_id: str | None) -> None:
    st.session_state[OPEN_USE] = use_id


PAGE_SIZE = 8  # four rows on a laptop; every card more is work for a first visit's browser
SHOWN = "explore_shown"
SHOWN_FOR = "explore_shown_for"


def visible_count(filters: Filters, total: int) -> int:
    """How many cards to show: a page at first, more on request; back to one page when the filters change."""
    signature = (filters.categories, filters.statuses, filters.areas, filters.offered_only, filters.query,
                 filters.topics)
    if st.session_state.get(SHOWN_FOR) != signature:
        st.session_state[SHOWN_FOR] = signature
        st.session_state[SHOWN] = PAGE_SIZE
    return min(st.session_state[SHOWN], total)


def show_more() -> None:
    st.session_state[SHOWN] = st.session_state.get(SHOWN, PAGE_SIZE) + PAGE_SIZE


def clear_topics() -> None:
    st.session_state[TOPICS] = []
