"""The shared page frame: cached content, the header and the reminder.

This is the one module of the package that talks to Streamlit; the pages and
``app.py`` call it, and AppTest exercises it.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .. import charts, routes
from ..charts import Chart
from ..content import Content, ContentError, configured_data_dir, load_content
from ..glossary import GlossaryIndex
from ..i18n import language_name, language_of_locale, supported, t
from ..models import LANGUAGES, GlossaryTerm, LocalText, text_in
from ..presenting import md, privacy_text
from ..routes import EXPLORE, HOME, PRESENTING, Param
from ..tables import uses_frame

# The language is in the address (``lang=es``), so a shared or QR link opens in it; the language is also kept in
# the session, as Streamlit clears the address on a page switch. Not a widget bound with bind="query-params": a
# bound value leaves the address when a page writes its own parameters or another page opens.
LANGUAGE_PARAM = Param.LANGUAGE
LANGUAGE_CHOSEN = "language"


def settle_language() -> str:
    """Called by app.py before anything is drawn: the address's language when it names one the dashboard speaks,
    else the one chosen earlier in the session, else the browser's; then written back to the address."""
    asked = st.query_params.get(LANGUAGE_PARAM)
    if supported(asked) == asked:
        chosen = asked
    else:
        chosen = st.session_state.get(LANGUAGE_CHOSEN) or language_of_locale(st.context.locale)
    st.session_state[LANGUAGE_CHOSEN] = chosen
    if asked != chosen:
        st.query_params[LANGUAGE_PARAM] = chosen
    return chosen


def language() -> str:
    """The language this run's pages speak."""
    return supported(st.session_state.get(LANGUAGE_CHOSEN))


def language_param() -> dict[str, list[str]]:
    """The address's language, for a page that rewrites its own parameters."""
    return {LANGUAGE_PARAM: [language()]}


def _switch_language(chosen: str) -> None:
    st.query_params[LANGUAGE_PARAM] = chosen  # settle_language reads it at the start of the run this click starts


def language_switch() -> None:
    """In the sidebar, a button a language the page is not in, named in that language ("Español" on an English
    page) for a reader who does not read this one; the page and its filters stay. A button, not a choice of two
    chips: a chosen chip's color lacks contrast on the dark theme, and a button is already on every page."""
    for other in LANGUAGES:
        if other != language():
            st.sidebar.button(language_name(other), key=f"language-{other}", icon=":material/translate:",
                              help=t("frame.switch_to", other), on_click=_switch_language, args=(other,))


# Streamlit's page says lang="en" whatever it shows; a screen reader then reads Spanish with English sounds (WCAG
# 3.1.1). The value is one of LANGUAGES, never from a visitor or from data/. The proxy's Content-Security-Policy
# allows exactly these scripts by their hashes (deploy/nginx/security-headers.inc; tests/test_deploy_files.py).
def page_language_script(page_language: str) -> str:
    assert page_language in LANGUAGES
    return f"document.documentElement.lang = {page_language!r};"


def mark_page_language() -> None:
    """Set the page's ``lang`` attribute to this run's language (an invisible element in the sidebar)."""
    st.sidebar.html(f"<script>{page_language_script(language())}</script>", unsafe_allow_javascript=True)


def text(local: LocalText | None) -> str:
    """A patient text in this run's language."""
    return text_in(local, language())


def tr(key: str, /, count: float | None = None, **values: object) -> str:
    """The interface text ``key`` in this run's language."""
    return t(key, language(), count=count, **values)


# Shared, not copied: st.cache_data would unpickle the whole content on every call (2-3 calls a rerun; 2.6 ms
# each with data/, 14 ms with ten times the uses). The content is frozen models and is only read.
@st.cache_resource(show_spinner=False)
def _load(folder: str) -> Content:
    return load_content(Path(folder))


def content() -> Content:
    """The validated content, loaded once per process; on broken content, a clear message and stop."""
    try:
        return _load(str(configured_data_dir()))
    except ContentError as error:
        show_content_error(error)
        st.stop()


def show_content_error(error: ContentError) -> None:
    lines = "\n".join(f"- {problem}" for problem in error.problems[:20])
    more = len(error.problems) - 20
    st.error(tr("frame.content_error"), icon=":material/error:")
    st.text(lines + ("\n" + tr("frame.more_problems", count=more) if more > 0 else ""))


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


# One index a content folder and language, shared by every session: it only remembers which words a text holds. A
# plain dict, not st.cache_resource: a page asks for it a few dozen times a run, and the cache's lookup cost more
# than the work.
_GLOSSARY_INDEXES: dict[tuple[str, str], GlossaryIndex] = {}


def glossary_index() -> GlossaryIndex:
    key = (str(configured_data_dir()), language())
    if key not in _GLOSSARY_INDEXES:
        _GLOSSARY_INDEXES[key] = GlossaryIndex(content().glossary, key[1])
    return _GLOSSARY_INDEXES[key]


def reminder(site_content: Content, dashboard_page: str) -> None:
    """The consult-a-professional reminder every page carries and, in the same box, a link to the same topic in the
    guide (the plain pages at /guide/), except on the presenter's screen. One element, not two: a first visit's
    safety page went from 1.28x to 1.31x of the goal's baseline with the link as an element of its own."""
    body = md(text(site_content.site.reminder))
    if st.query_params.get(Param.PRESENT) != PRESENTING:
        body += f"\n\n:material/article: [{tr('frame.simple_page')}]({guide_link(site_content, dashboard_page)})"
    st.info(body, icon=":material/medical_services:")


@st.cache_data(show_spinner=False)
def _uses_table(folder: str, table_language: str):
    return uses_frame(_load(folder), table_language)


def uses_table():
    """The uses as a DataFrame in this run's language (its search text too), built once per process."""
    content()
    return _uses_table(str(configured_data_dir()), language())


# --- Charts, built once per process and argument, then shared -----------------------------------------------
# A chart's SVG picture (or the map's plotly figure) is built once per argument and shared read-only; a rerun
# sends the same string again. Bounded, as the keys follow the visitors' filters.
CHART_CACHE_ENTRIES = 256
CHART_BUILDERS = {
    "area_map": lambda site, selected, lang: charts.area_map(site, selected, language=lang),
    "effect_timeline": lambda site, use_ids, lang: charts.effect_timeline([site.uses[u] for u in use_ids], site,
                                                                          language=lang),
    "history_timeline": lambda site, kinds, lang: charts.history_timeline(
        [e for e in site.history if e.kind in kinds], language=lang),
    "approvals_chart": lambda site, _, lang: charts.approvals_chart(site, language=lang),
    "statistics_chart": lambda site, _, lang: charts.statistics_chart(site, language=lang),
    "locations_map": lambda site, _, lang: charts.locations_map(site, language=lang),
}


@st.cache_resource(show_spinner=False, max_entries=CHART_CACHE_ENTRIES)
def _chart(folder: str, builder: str, argument: tuple[str, ...], chart_language: str) -> Chart:
    return CHART_BUILDERS[builder](_load(folder), argument, chart_language)


def chart(builder: str, argument: tuple[str, ...] = ()) -> Chart:
    """The chart ``builder`` (a key of CHART_BUILDERS) draws from the content and ``argument``, in this run's
    language."""
    content()
    return _chart(str(configured_data_dir()), builder, tuple(argument), language())


def guide_link(site_content: Content, dashboard_page: str) -> str:
    """The same topic in the guide, relative to a dashboard page, in this run's language: on the explorer, the open
    use's own page."""
    use_id = st.query_params.get(Param.USE) if dashboard_page == EXPLORE else None
    return routes.guide_link(dashboard_page or HOME, language(), use_id if use_id in site_content.uses else None)


def sidebar_note(site_content: Content) -> None:
    """What the dashboard is, and what it keeps about a visitor, under the navigation."""
    st.sidebar.caption(text(site_content.site.tagline))
    with st.sidebar.expander(tr("frame.privacy"), icon=":material/lock:"):
        st.caption(md(privacy_text(site_content, language())))


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
