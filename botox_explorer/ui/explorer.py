"""The explorer's state: widgets seeded from the URL, the URL kept in step with them, and the page following the
URL when the browser's Back or Forward changes it."""

from __future__ import annotations

import streamlit as st

from ..filters import Filters, link_params, parse_link
from ..models import Content
from ..routes import Param
from . import language as lang
from .focus import bring_into_view
from .url_state import address_params, is_history_navigation, keep_address

KEYS = {"categories": "f_category", "statuses": "f_status", "areas": "f_area",
        "offered_only": "f_offered", "query": "f_query"}
TOPICS = "f_topics"  # the concerns a consultation's link chose; no widget, cleared by "Show all uses"
OPEN_USE = "open_use"
# The view's parameters as this page last wrote them to the address (the language aside).
WRITTEN = "explore_written"
# The use open at the end of the last run on this page; absent on landing.
SHOWN_USE = "explore_shown_use"
DETAIL_HEADING = "use-detail"  # the anchor of the open use's heading


def view_params() -> dict[str, list[str]]:
    """The address's parameters but the language (which the frame settles)."""
    return {name: values for name, values in address_params().items() if name != Param.LANGUAGE}


def follow_url(content: Content) -> tuple[str, ...]:
    """Copy the URL's filters into the widgets on landing (widgets not yet in the session), and when Back or Forward
    brought another address than the one the page wrote; otherwise the widgets lead and the URL follows them.

    A history step is told by Streamlit's own flag, not by the address alone: a click made while a run was writing
    the address can arrive with the address before it, and must not be undone. Returns the notices about values
    that were ignored, to be shown gently.
    """
    landing, params = KEYS["categories"] not in st.session_state, view_params()
    if landing:
        st.session_state.pop(SHOWN_USE, None)
    if not landing and not (is_history_navigation() and params != st.session_state.get(WRITTEN)):
        return ()
    parsed = parse_link(params, content.areas, content.uses, language=lang.language())
    seed(parsed.filters)
    return parsed.notices


def seed(filters: Filters) -> None:
    """Set every widget (and the open use and the topics) to ``filters``."""
    st.session_state[KEYS["categories"]] = list(filters.categories)
    st.session_state[KEYS["statuses"]] = list(filters.statuses)
    st.session_state[KEYS["areas"]] = list(filters.areas)
    st.session_state[KEYS["offered_only"]] = filters.offered_only
    st.session_state[KEYS["query"]] = filters.query
    st.session_state[OPEN_USE] = filters.open_use
    st.session_state[TOPICS] = list(filters.topics)


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
    """Keep the address bar equal to the view (in its language), so a copied link reproduces it; each change is a
    new step in the browser's history (Streamlit pushes a changed address)."""
    params = link_params(filters)
    st.session_state[WRITTEN] = params
    keep_address(params)


def open_use(use_id: str | None) -> None:
    st.session_state[OPEN_USE] = use_id


def card_button(use_id: str) -> str:
    """The key of a use's "Read more" button on its card."""
    return f"open-{use_id}"


def follow_open_use(filters: Filters) -> None:
    """When the open use changed since the last run (Read more, Back to all uses, the browser's Back), bring its
    detail into view, or, once it is closed, its card; focus goes with it. Landing on a link changes nothing."""
    state = st.session_state
    before = state.get(SHOWN_USE)
    if SHOWN_USE in state and before != filters.open_use:
        if filters.open_use:
            bring_into_view(filters.open_use, heading=DETAIL_HEADING)
        else:
            bring_into_view(before, button=card_button(before))
    state[SHOWN_USE] = filters.open_use


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
