"""Botox Explorer: the entry point builds the shared frame and the navigation."""

from pathlib import Path

import streamlit as st

from botox_explorer.ui import frame

ASSETS = Path(__file__).parent / "assets"

# The tab icon is served by this server: a material icon here is fetched from Google's servers by each visitor.
st.set_page_config(page_title="Botox Explorer", page_icon=ASSETS / "icon.svg", layout="wide")

PAGES = {
    "Learn": [
        st.Page("pages/learn/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("pages/learn/explore.py", title="Explore uses", icon=":material/travel_explore:"),
        st.Page("pages/learn/how_it_works.py", title="How it works", icon=":material/neurology:"),
        st.Page("pages/learn/history.py", title="History", icon=":material/history_edu:"),
        st.Page("pages/learn/safety.py", title="Safety", icon=":material/health_and_safety:"),
        st.Page("pages/learn/glossary.py", title="Words explained", icon=":material/dictionary:"),
    ],
    "Visit": [
        st.Page("pages/visit/before_your_visit.py", title="Before your visit", icon=":material/checklist:"),
        st.Page("pages/visit/locations.py", title="Locations", icon=":material/location_on:"),
    ],
    "Consult": [
        st.Page("pages/consult/consultation.py", title="Consultation", icon=":material/groups:"),
    ],
}

st.logo(ASSETS / "logo.svg", icon_image=ASSETS / "icon.svg", size="large")
presenting = st.query_params.get("present") == "1"
navigation = st.navigation(PAGES, position="hidden" if presenting else "sidebar")
content = frame.content()
frame.start_run()
frame.sidebar_note(content)
navigation.run()
frame.reminder(content)
