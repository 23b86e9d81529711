"""Charts and drawings on a page, each with its caption, its sources and the same information as a table."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ..charts import Chart
from ..illustrations import read_drawing
from ..models import Content
from . import content_cache
from . import language as lang
from .markdown import image_markdown, markdown_table, md
from .sources_view import sources_control


def row_table(header: list[str], rows: list[list[object]]) -> None:
    """A plain table that screen readers read out (an ``st.dataframe`` is a canvas grid with a large script
    of its own)."""
    st.markdown(markdown_table(header, rows))


def chart_block(chart: Chart, content: Content, **plotly_options) -> None:
    """The chart (its picture, or the map's figure), its plain caption, its sources and a table with the same
    information."""
    if chart.svg:
        st.markdown(image_markdown(chart.svg, chart.alt_text))
    elif chart.panels:
        for column, (picture, alt) in zip(st.columns(len(chart.panels)), chart.panels, strict=True):
            column.markdown(image_markdown(picture, alt))
    elif chart.figure is not None:
        st.plotly_chart(chart.figure, alt=chart.alt_text, config={"displaylogo": False}, **plotly_options)
    st.caption(md(chart.caption))
    with st.expander(lang.tr("views.as_table")):
        row_table(list(chart.table.columns), chart.table.to_numpy().tolist())
    sources_control(content, chart.source_ids, [chart.caption])


def effect_chart(content: Content, use_ids: Iterable[str], **plotly_options) -> None:
    """When the uses' effect starts and how long it lasts, as a chart; only its caption when no use has both known
    (the caption then says so)."""
    timeline = content_cache.chart("effect_timeline", tuple(use_ids))
    if timeline.table.empty:
        st.markdown(md(timeline.caption))
    else:
        chart_block(timeline, content, **plotly_options)


def illustration(content: Content, illustration_id: str) -> None:
    """One of the project's drawings with its text alternative; a drawing that explains, with its caption and
    sources."""
    drawing = content.illustrations[illustration_id]
    picture = image_markdown(read_drawing(drawing.file), lang.text(drawing.alt))
    st.markdown(picture + (f"\n\n{md(lang.text(drawing.caption))}" if drawing.caption else ""))
    if drawing.caption:
        sources_control(content, drawing.sources, [lang.text(drawing.caption)])
