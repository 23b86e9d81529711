"""The content, the uses table and the charts, built once per process and shared read-only by every session."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from .. import charts, icon_array
from ..charts import Chart
from ..content import Content, ContentError, configured_data_dir, load_content
from ..search import SearchIndex
from ..tables import uses_frame
from .language import language, tr


# Shared, not copied: st.cache_data would unpickle the whole content on every call, several times a rerun (see
# docs/performance.md, "What was profiled and fixed"). The content is frozen models and is only read.
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
    """The first problems of a broken content folder, and how many more there are."""
    lines = "\n".join(f"- {problem}" for problem in error.problems[:20])
    more = len(error.problems) - 20
    st.error(tr("frame.content_error"), icon=":material/error:")
    st.text(lines + ("\n" + tr("frame.more_problems", count=more) if more > 0 else ""))


# Shared, not copied, like the content: st.cache_data unpickled the whole table on every rerun of Explore (about 2%
# of its instructions). It is only read: apply_filters selects rows into a new frame (pandas copy-on-write).
@st.cache_resource(show_spinner=False)
def _uses_table(folder: str, table_language: str):
    return uses_frame(_load(folder), table_language)


def uses_table():
    """The uses as a DataFrame in this run's language (its search text too), built once per process; shared by
    every session, so read it, never change it."""
    content()
    return _uses_table(str(configured_data_dir()), language())


@st.cache_resource(show_spinner=False)
def _search_index(folder: str, index_language: str) -> SearchIndex:
    return SearchIndex.from_content(_load(folder), index_language)


def search_index() -> SearchIndex:
    """The uses' search words in this run's language, folded once per process and language; read only."""
    content()
    return _search_index(str(configured_data_dir()), language())


# A chart's SVG picture (or the map's plotly figure) is built once per argument and shared read-only; a rerun
# sends the same string again. Bounded, as the keys follow the visitors' filters.
CHART_CACHE_ENTRIES = 256
CHART_BUILDERS = {
    "area_map": lambda content, selected, lang: charts.area_map(content, selected, language=lang),
    "effect_timeline": lambda content, use_ids, lang: charts.effect_timeline(
        [content.uses[u] for u in use_ids], content, language=lang),
    "history_timeline": lambda content, kinds, lang: charts.history_timeline(
        [e for e in content.history if e.kind in kinds], language=lang),
    "approvals_chart": lambda content, _, lang: charts.approvals_chart(content, language=lang),
    "statistics_chart": lambda content, _, lang: charts.statistics_chart(content, language=lang),
    "locations_map": lambda content, _, lang: charts.locations_map(content, language=lang),
    # The consultation's pictures: the chosen areas' drawings, the chosen uses' approvals, the red flags' card and
    # the sites drawn without map tiles.
    "chosen_areas": lambda content, selected, lang: charts.area_map(content, selected, language=lang,
                                                                    chosen_drawings_only=True),
    "approvals_for": lambda content, use_ids, lang: charts.approvals_chart(content, language=lang, use_ids=use_ids),
    "red_flags_card": lambda content, _, lang: charts.red_flags_card(content, language=lang),
    "locations_sketch": lambda content, _, lang: charts.locations_sketch(content, language=lang),
    "fact_box": lambda content, box_ids, lang: icon_array.fact_box_chart(content.fact_boxes[box_ids[0]], content,
                                                                         language=lang),
}


@st.cache_resource(show_spinner=False, max_entries=CHART_CACHE_ENTRIES)
def _chart(folder: str, builder: str, argument: tuple[str, ...], chart_language: str) -> Chart:
    return CHART_BUILDERS[builder](_load(folder), argument, chart_language)


def chart(builder: str, argument: tuple[str, ...] = ()) -> Chart:
    """The chart ``builder`` (a key of CHART_BUILDERS) draws from the content and ``argument``, in this run's
    language."""
    content()
    return _chart(str(configured_data_dir()), builder, tuple(argument), language())
