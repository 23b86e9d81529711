"""The clinic's sites on a page, each as a card."""

from __future__ import annotations

import streamlit as st

from ..models import Content, Location
from ..presenting import location_details
from . import language as lang
from .markdown import md


def location_card(location: Location, content: Content) -> None:
    """A site: its name, the details that are set, booking, and the treatments offered there."""
    with st.container(border=True):
        st.markdown(f"## {md(lang.text(location.name))}")
        for label, value in location_details(location, lang.language()):
            st.markdown(f"**{md(label)}:** {md(value)}")
        if location.booking_url:
            st.link_button(lang.tr("views.book"), str(location.booking_url), icon=":material/event:")
        offered = [lang.text(u.name) for u in content.uses.values() if location.id in u.offered_at]
        if offered:
            st.markdown(f"**{lang.tr('views.offered_at_site')}:** " + md(", ".join(offered)))


def locations_summary(content: Content) -> None:
    """Every site of the clinic, in the content's order."""
    for location in content.clinic.locations:
        location_card(location, content)
