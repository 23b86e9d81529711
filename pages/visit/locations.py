"""Locations: the clinic's sites on a map, with a table that says everything without the map."""

import streamlit as st

from botox_explorer.presenting import md
from botox_explorer.ui import frame, views

content = frame.content()
clinic = content.clinic

st.title(frame.tr("page.locations.title"))
if clinic.name:
    st.subheader(md(frame.text(clinic.name)))
for location in clinic.locations:
    views.location_card(location, content)
# The map only when asked for: its pictures come from the map provider, who then learns that someone looked at
# the clinic's area, and its code is the largest a page would load. The cards above say everything it shows.
if clinic.map_tiles != "none" and st.toggle(frame.tr("page.locations.show_map"), key="show_map",
                                            help=frame.tr("page.locations.map_help")):
    views.chart_block(frame.chart("locations_map"), content)
views.reviewed_note([clinic])
