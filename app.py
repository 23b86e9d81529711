"""Botox Explorer: the entry point builds the shared frame and the navigation."""

from pathlib import Path

import streamlit as st

from botox_explorer.i18n import t
from botox_explorer.ui import content_cache, frame, glossary_words
from botox_explorer.ui import language as lang

ASSETS = Path(__file__).parent / "assets"

# The tab icon is served by this server: a material icon here is fetched from Google's servers by each visitor.
st.set_page_config(page_title="Botox Explorer", page_icon=ASSETS / "icon.svg", layout="wide")

# (section, [(script, catalogue key, icon)]): the titles come from the interface catalogue.
SECTIONS = (
    ("learn", [("pages/learn/home.py", "home", ":material/home:"),
               ("pages/learn/explore.py", "explore", ":material/travel_explore:"),
               ("pages/learn/how_it_works.py", "how_it_works", ":material/neurology:"),
               ("pages/learn/history.py", "history", ":material/history_edu:"),
               ("pages/learn/safety.py", "safety", ":material/health_and_safety:"),
               ("pages/learn/glossary.py", "glossary", ":material/dictionary:")]),
    ("visit", [("pages/visit/before_your_visit.py", "before_your_visit", ":material/checklist:"),
               ("pages/visit/locations.py", "locations", ":material/location_on:")]),
    ("consult", [("pages/consult/consultation.py", "consultation", ":material/groups:")]),
)
language = lang.settle_language()
pages = {
    t(f"nav.{section}", language): [
        st.Page(script, title=t(f"nav.{key}", language), icon=icon, default=key == "home")
        for script, key, icon in scripts
    ]
    for section, scripts in SECTIONS
}

st.logo(ASSETS / "logo.svg", icon_image=ASSETS / "icon.svg", size="large")
presenting = st.query_params.get("present") == "1"
navigation = st.navigation(pages, position="hidden" if presenting else "sidebar")
content = content_cache.content()
glossary_words.start_run()
lang.language_switch()
lang.mark_page_language()
frame.sidebar_note(content)
navigation.run()
frame.reminder(content, navigation.url_path)
