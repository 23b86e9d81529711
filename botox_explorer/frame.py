"""The shared page frame: cached content, the header and the reminder.

This is the one module of the package that talks to Streamlit; the pages and
``app.py`` call it, and AppTest exercises it.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from .charts import areas_from_selection
from .content import DATA_DIR, Content, ContentError, load_content
from .explorer import choose_areas
from .models import text_in
from .tables import uses_frame

DATA_DIR_VARIABLE = "BOTOX_EXPLORER_DATA_DIR"


def data_dir() -> Path:
    """The content folder; tests point the app at another one with an environment variable."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, DATA_DIR))


@st.cache_data(show_spinner=False)
def _load(folder: str) -> Content:
    return load_content(Path(folder))


def content() -> Content:
    """The validated content, loaded once per process; on broken content, a clear message and stop."""
    try:
        return _load(str(data_dir()))
    except ContentError as error:
        show_content_error(error)
        st.stop()


def show_content_error(error: ContentError) -> None:
    lines = "\n".join(f"- {problem}" for problem in error.problems[:20])
    more = len(error.problems) - 20
    st.error(
        "This section cannot be shown: some of the dashboard's content did not pass its checks. "
        "Staff can fix the files named below (or run `python -m botox_explorer.content check`).",
        icon=":material/error:",
    )
    st.text(lines + (f"\n... and {more} more" if more > 0 else ""))


def reminder(site_content: Content) -> None:
    """The consult-a-professional reminder every page carries."""
    st.info(text_in(site_content.site.reminder), icon=":material/medical_services:")


@st.cache_data(show_spinner=False)
def _uses_table(folder: str):
    return uses_frame(_load(folder))


def uses_table():
    """The uses as a DataFrame, built once per process."""
    content()
    return _uses_table(str(data_dir()))


def on_area_selected() -> None:
    """Plotly selection on the area map -> the explorer's area filter."""
    chosen = areas_from_selection(st.session_state.get("area_map"), content().areas)
    choose_areas(chosen)


def sidebar_note(site_content: Content) -> None:
    """What the dashboard is, under the navigation."""
    st.sidebar.caption(text_in(site_content.site.tagline))


PRESENTER_CSS = """
<style>
  [data-testid="stMainBlockContainer"] { max-width: 1100px; }
  [data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li { font-size: 1.5rem; }
  [data-testid="stHeader"], [data-testid="stSidebar"] { display: none; }
</style>
"""


def presenter_style() -> None:
    """Large type and no chrome for the consultation-room screen (static CSS, no content in it)."""
    st.html(PRESENTER_CSS)
