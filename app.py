"""Botox Explorer: the entry point builds the shared frame and the navigation."""

from pathlib import Path

import streamlit as st

from botox_explorer.i18n import t
from botox_explorer.routes import (
    BEFORE_YOUR_VISIT,
    CONSULTATION,
    EXPLORE,
    GLOSSARY,
    HISTORY,
    HOME,
    HOW_IT_WORKS,
    LOCATIONS,
    PAGES,
    PRESENTING,
    SAFETY,
    Param,
)
from botox_explorer.ui import content_cache, frame, glossary_words
from botox_explorer.ui import language as lang
from botox_explorer.ui.theme_style import THEME_CSS

ASSETS = Path(__file__).parent / "assets"

# The tab icon is served by this server: a material icon here is fetched from Google's servers by each visitor.
st.set_page_config(page_title="Botox Explorer", page_icon=ASSETS / "icon.svg", layout="wide")

# The pages and their sections come from the routes; the titles from the interface catalogue.
ICONS = {HOME: ":material/home:", EXPLORE: ":material/travel_explore:", HOW_IT_WORKS: ":material/neurology:",
         HISTORY: ":material/history_edu:", SAFETY: ":material/health_and_safety:", GLOSSARY: ":material/dictionary:",
         BEFORE_YOUR_VISIT: ":material/checklist:", LOCATIONS: ":material/location_on:",
         CONSULTATION: ":material/groups:"}
language = lang.settle_language()
pages: dict[str, list] = {}
for page in PAGES:
    pages.setdefault(t(f"nav.{page.section}", language), []).append(
        st.Page(page.script, title=t(f"nav.{page.name}", language), icon=ICONS[page.name], default=page.name == HOME))

st.logo(ASSETS / "logo.svg", icon_image=ASSETS / "icon.svg", size="large")
st.html(THEME_CSS)  # what the theme cannot set: the chosen chips' colors (ui/theme_style.py)
presenting = st.query_params.get(Param.PRESENT) == PRESENTING
navigation = st.navigation(pages, position="hidden" if presenting else "sidebar")
content = content_cache.content()
glossary_words.start_run()
if not presenting:
    lang.language_switch()  # at the top of every page, in sight on a phone
lang.mark_page_language()
frame.sidebar_note(content)
navigation.run()
frame.reminder(content, navigation.url_path)
