"""History: an interactive timeline, product approvals and comparison, US procedure statistics."""

import streamlit as st

from botox_explorer.charts import EVENT_KIND_LABELS
from botox_explorer.models import text_in
from botox_explorer.presenting import markdown_rows, md, products_table
from botox_explorer.ui import frame, views

content = frame.content()

st.title("History")
kinds = st.pills("Show events of these kinds", list(EVENT_KIND_LABELS), selection_mode="multi",
                 default=list(EVENT_KIND_LABELS), format_func=EVENT_KIND_LABELS.get, key="history_kinds")
events = [event for event in content.history if event.kind in kinds]
views.chart_block(frame.chart("history_timeline", tuple(kinds)), content)
with st.expander("All events, with their sources", icon=":material/event_note:"):
    views.footnoted(content, [(views.event_text(event), event.sources) for event in events],
                    [text_in(event.text) for event in events])

st.header("Products approved in the US")
views.chart_block(frame.chart("approvals_chart"), content)
st.markdown(markdown_rows(products_table(content)))
with st.expander("What you should know about each product", icon=":material/info:"):
    product_notes = {product.brand: " ".join(text_in(note) for note in product.notes)
                     for product in content.products.values()}
    views.footnoted(content, [(f"**{md(product.brand)}:** {md(product_notes[product.brand])}", product.sources)
                              for product in content.products.values()], product_notes.values())

st.header("How many treatments are given?")
views.chart_block(frame.chart("statistics_chart"), content)
statistics = content.statistics
notes = [f"- **{md(text_in(series.name))}** counts {md(text_in(series.measure))}. {md(text_in(series.method_note))}"
         for series in statistics.series] + [f"- {md(text_in(note.text))}" for note in statistics.notes]
with st.container(border=True):
    st.markdown("**What you should know about these numbers**\n\n" + "\n".join(notes))
    statistics_sources = [s for series in statistics.series for point in series.points for s in point.sources]
    statistics_texts = [text_in(text) for series in statistics.series for text in (series.measure, series.method_note)]
    views.sources_control(content, statistics_sources + [s for note in statistics.notes for s in note.sources],
                          statistics_texts + [text_in(note.text) for note in statistics.notes])
views.reviewed_note([*content.history, *content.products.values(), *statistics.series, *statistics.notes])
