"""The shared page frame: cached content, the header and the reminder.

This is the one module of the package that talks to Streamlit; the pages and
``app.py`` call it, and AppTest exercises it.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from .. import charts
from ..charts import Chart
from ..content import DATA_DIR, Content, ContentError, load_content
from ..glossary import GlossaryIndex
from ..i18n import t
from ..models import DEFAULT_LANGUAGE, GlossaryTerm, text_in
from ..presenting import md, privacy_text
from ..tables import uses_frame

DATA_DIR_VARIABLE = "BOTOX_EXPLORER_DATA_DIR"


def language() -> str:
    """The language the pages speak. English for now: the switch (``lang=es``) comes once every page, chart and
    download reads in Spanish, so that no visitor sees a page half in one language."""
    return DEFAULT_LANGUAGE


def data_dir() -> Path:
    """The content folder; tests point the app at another one with an environment variable."""
    return Path(os.environ.get(DATA_DIR_VARIABLE, DATA_DIR))


# Shared, not copied: st.cache_data would unpickle the whole content on every call (2-3 calls a rerun; 2.6 ms
# each with data/, 14 ms with ten times the uses). The content is frozen models and is only read.
@st.cache_resource(show_spinner=False)
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
    st.error(t("frame.content_error", language()), icon=":material/error:")
    st.text(lines + ("\n" + t("frame.more_problems", language(), count=more) if more > 0 else ""))


# The glossary words a page has explained so far in this run: a word's meaning is offered where it first appears.
WORDS_EXPLAINED = "_words_explained"


def start_run() -> None:
    """Called by app.py before a page runs: no word is explained yet."""
    st.session_state[WORDS_EXPLAINED] = []


def words_to_explain(texts) -> list[GlossaryTerm]:
    """The glossary words in ``texts`` that this page has not explained yet, now counted as explained."""
    index = glossary_index()
    explained = st.session_state.setdefault(WORDS_EXPLAINED, [])
    found = index.new_terms(texts, explained)
    explained.extend(found)
    return [index.terms[term_id] for term_id in found]


# One index a content folder, shared by every session: it only remembers which words a text holds. A plain dict,
# not st.cache_resource: a page asks for it a few dozen times a run, and the cache's lookup cost more than the work.
_GLOSSARY_INDEXES: dict[str, GlossaryIndex] = {}


def glossary_index() -> GlossaryIndex:
    folder = str(data_dir())
    if folder not in _GLOSSARY_INDEXES:
        _GLOSSARY_INDEXES[folder] = GlossaryIndex(content().glossary)
    return _GLOSSARY_INDEXES[folder]


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


# --- Charts, built once per process and argument, then shared -----------------------------------------------
# A chart's SVG picture (or the map's plotly figure) is built once per argument and shared read-only; a rerun
# sends the same string again. Bounded, as the keys follow the visitors' filters.
CHART_CACHE_ENTRIES = 256
CHART_BUILDERS = {
    "area_map": lambda site, selected: charts.area_map(site, selected),
    "effect_timeline": lambda site, use_ids: charts.effect_timeline([site.uses[u] for u in use_ids], site),
    "history_timeline": lambda site, kinds: charts.history_timeline([e for e in site.history if e.kind in kinds]),
    "approvals_chart": lambda site, _: charts.approvals_chart(site),
    "statistics_chart": lambda site, _: charts.statistics_chart(site),
    "locations_map": lambda site, _: charts.locations_map(site),
}


@st.cache_resource(show_spinner=False, max_entries=CHART_CACHE_ENTRIES)
def _chart(folder: str, builder: str, argument: tuple[str, ...]) -> Chart:
    return CHART_BUILDERS[builder](_load(folder), argument)


def chart(builder: str, argument: tuple[str, ...] = ()) -> Chart:
    """The chart ``builder`` (a key of CHART_BUILDERS) draws from the content and ``argument``."""
    content()
    return _chart(str(data_dir()), builder, tuple(argument))


def sidebar_note(site_content: Content) -> None:
    """What the dashboard is, and what it keeps about a visitor, under the navigation."""
    st.sidebar.caption(text_in(site_content.site.tagline))
    with st.sidebar.expander(t("frame.privacy", language()), icon=":material/lock:"):
        st.caption(md(privacy_text(site_content)))


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
