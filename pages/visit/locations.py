"""Locations: the clinic's sites on a map, with a table that says everything without the map."""

import streamlit as st

from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.chart_view import chart_block
from botox_explorer.ui.location_view import location_card
from botox_explorer.ui.markdown import md
from botox_explorer.ui.sources_view import reviewed_note

content = content_cache.content()
clinic = content.clinic

st.title(lang.tr("page.locations.title"))
if clinic.name:
    st.subheader(md(lang.text(clinic.name)))
for location in clinic.locations:
    location_card(location, content)
# The map only when asked for: its pictures come from the map provider, who then learns that someone looked at
# the clinic's area, and its code is the largest a page would load. The cards above say everything it shows.
if clinic.map_tiles != "none" and st.toggle(lang.tr("page.locations.show_map"), key="show_map",
                                            help=lang.tr("page.locations.map_help")):
    chart_block(content_cache.chart("locations_map"), content)
reviewed_note([clinic])
