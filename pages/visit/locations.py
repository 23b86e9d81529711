"""Locations: the clinic's sites on a map, with a table that says everything without the map."""

import streamlit as st

from botox_explorer import frame, views
from botox_explorer.models import text_in
from botox_explorer.presenting import md

content = frame.content()
clinic = content.clinic

st.title("Where to find us")
if clinic.name:
    st.subheader(md(text_in(clinic.name)))
if clinic.map_tiles == "none":  # the clinic chose no map provider: the cards say everything
    for location in clinic.locations:
        views.location_card(location, content)
else:
    map_column, table_column = st.columns([3, 2])
    with map_column:
        views.chart_block(frame.chart("locations_map"), content)
    with table_column:
        for location in clinic.locations:
            views.location_card(location, content)
views.reviewed_note([clinic])
