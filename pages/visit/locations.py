"""Locations: the clinic's sites on a map, with a table that says everything without the map."""

import streamlit as st

from botox_explorer import charts, frame, views
from botox_explorer.models import text_in
from botox_explorer.presenting import location_details, md

content = frame.content()
clinic = content.clinic

st.title("Where to find us")
if clinic.name:
    st.subheader(md(text_in(clinic.name)))
map_column, table_column = st.columns([3, 2])
with map_column:
    views.chart_block(charts.locations_map(content), content)
with table_column:
    for location in clinic.locations:
        with st.container(border=True):
            st.markdown(f"#### {md(text_in(location.name))}")
            for label, value in location_details(location):
                st.markdown(f"**{md(label)}:** {md(value)}")
            if location.booking_url:
                st.link_button("Book a visit", str(location.booking_url), icon=":material/event:")
            offered = [text_in(u.name) for u in content.uses.values() if location.id in u.offered_at]
            if offered:
                st.markdown("**Treatments offered here:** " + md(", ".join(offered)))
