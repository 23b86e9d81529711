"""Streamlit building blocks the pages share: use cards, sources, charts with their context.

Every value from ``data/`` goes through ``md()`` before it reaches ``st.markdown``,
so content shows as text and never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import quote

import streamlit as st

from .charts import Chart
from .content import Content
from .models import Source, Use, text_in
from .presenting import (
    CATEGORY_LABELS,
    STATUS_COLORS,
    STATUS_ICONS,
    md,
    span_text,
    status_label,
)


def safe_link(url: str) -> str:
    """A URL that cannot break out of a markdown link (spaces and brackets encoded)."""
    return quote(url, safe=":/?&=#%+,;@~")


def source_line(source: Source) -> str:
    year = f", {source.year}" if source.year else ""
    return f"[{md(source.title)}]({safe_link(source.link)}) ({md(source.publisher)}{md(year)})"


def sources_list(content: Content, source_ids: Iterable[str]) -> None:
    """A numbered list of sources, with links."""
    ids = list(dict.fromkeys(source_ids))
    st.markdown("\n".join(f"{n}. {source_line(content.sources[s])}" for n, s in enumerate(ids, start=1)))


def status_badge(use: Use, content: Content) -> None:
    """The status as a coloured label that wraps on a phone (an ``st.badge`` would be cut short)."""
    kind = use.status.kind
    st.markdown(f":{STATUS_COLORS[kind]}-background[{STATUS_ICONS[kind]} {md(status_label(use, content))}]")


def use_card(use: Use, content: Content, on_open: Callable[[str], None] | None = None) -> None:
    """A bordered card: name, category, status, summary, timing, who treats it."""
    with st.container(border=True):
        st.markdown(f"#### {md(text_in(use.name))}")
        st.caption(f"{CATEGORY_LABELS[use.category]} use")
        status_badge(use, content)
        st.markdown(md(text_in(use.summary)))
        timing = use.timing
        st.markdown(f"**Starts working:** {md(span_text(timing.onset))} · **Lasts:** {md(span_text(timing.duration))}")
        if use.treated_by:
            st.markdown(f"**Who treats it:** {md(text_in(use.treated_by))}")
        if use.offered_at:
            st.markdown(":material/storefront: **Offered at this clinic**")
        if on_open:
            st.button("Read more", key=f"open-{use.id}", on_click=on_open, args=(use.id,),
                      help=f"Open the full explanation of {text_in(use.name)}")


def use_detail(use: Use, content: Content) -> None:
    """The full explanation of one use, with an "About this information" panel."""
    st.header(md(text_in(use.name)), anchor="use-detail")
    status_badge(use, content)
    status = use.status
    for text in (status.population, status.note):
        if text:
            st.caption(md(text_in(text)))
    st.markdown(md(text_in(use.summary)))
    st.subheader("What it treats and how it helps")
    st.markdown(md(text_in(use.explanation)))
    st.subheader("What to expect")
    st.markdown(md(text_in(use.what_to_expect)))
    timing = use.timing
    st.table(
        {
            "Starts working": [span_text(timing.onset)],
            "Strongest": [span_text(timing.peak)],
            "Lasts": [span_text(timing.duration)],
            "Repeat every": [span_text(timing.retreatment)],
        }
    )
    if timing.note:
        st.caption(md(text_in(timing.note)))
    if use.side_effects:
        st.subheader("Common side effects")
        st.markdown("\n".join(f"- {md(text_in(effect))}" for effect in use.side_effects))
    st.subheader("How strong is the evidence?")
    st.markdown(md(text_in(use.evidence)))
    if use.treated_by:
        st.markdown(f"**Who treats it:** {md(text_in(use.treated_by))}")
    with st.expander("About this information", expanded=True, icon=":material/menu_book:"):
        sources_list(content, use.sources)
        st.caption(f"Reviewed on {use.reviewed_on:%d %B %Y}.")


def chart_block(chart: Chart, content: Content, **plotly_options) -> object:
    """The figure, its plain caption, its sources and a table with the same information."""
    event = st.plotly_chart(chart.figure, alt=chart.alt_text, config={"displaylogo": False}, **plotly_options)
    st.caption(chart.caption)
    if chart.source_ids:
        titles = "; ".join(md(content.sources[s].title) for s in chart.source_ids[:6])
        more = len(chart.source_ids) - 6
        st.caption(f"Sources: {titles}" + (f" and {more} more (listed below)" if more > 0 else ""))
    with st.expander("Show the same information as a table"):
        st.dataframe(chart.table, hide_index=True)
    return event


def sources_caption(content: Content, source_ids: Iterable[str]) -> None:
    """A short "Sources:" line with links, under a statement."""
    links = "; ".join(source_line(content.sources[s]) for s in dict.fromkeys(source_ids))
    st.markdown(f":small[Sources: {links}]")


def safety_section(heading: str, items, content: Content, kind: str = "plain") -> None:
    """A heading and its items, each with its sources; warnings in an alert box."""
    if not items:
        return
    st.header(heading)
    lines = []
    for item in items:
        line = f"- **{md(text_in(item.text))}**"
        if item.detail:
            line += f" {md(text_in(item.detail))}"
        lines.append(line)
    body = "\n".join(lines)
    if kind == "warning":
        st.warning(body, icon=":material/warning:")
    elif kind == "error":
        st.error(body, icon=":material/emergency:")
    else:
        st.markdown(body)
    views_sources = [s for item in items for s in item.sources]
    with st.expander("Sources for this section"):
        sources_list(content, views_sources)
