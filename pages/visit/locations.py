"""Locations: the clinic's sites on a map, with a table that says everything without the map."""

import streamlit as st

from botox_explorer.models import text_in
from botox_explorer.presenting import md
from botox_explorer.ui import frame, views

content = frame.content()
clinic = content.clinic

st.title("Where to find us")
if clinic.name:
    st.subheader(md(text_in(clinic.name)))
for location in clinic.locations:
    views.location_card(location, content)
# The map only when asked for: its pictures come from the map provider, who then learns that someone looked at
# the clinic's area, and its code is the largest a page would load. The cards above say everything it shows.
if clinic.map_tiles != "none" and st.toggle("Show the map", key="show_map",
                                            help="The map's pictures are loaded from the map provider"):
    views.chart_block(frame.chart("locations_map"), content)
views.reviewed_note([clinic])
