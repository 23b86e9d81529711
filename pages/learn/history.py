"""History: an interactive timeline, product approvals and comparison, US procedure statistics."""

import streamlit as st

from botox_explorer.charts import EVENT_KINDS, event_kind_label
from botox_explorer.presenting import products_table
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.chart_view import chart_block
from botox_explorer.ui.markdown import event_text, markdown_rows, md
from botox_explorer.ui.sources_view import footnoted, reviewed_note, sources_control

content = content_cache.content()
language = lang.language()
text = lang.text

st.title(lang.tr("page.history.title"))
kinds = st.pills(lang.tr("page.history.kinds"), list(EVENT_KINDS), selection_mode="multi", default=list(EVENT_KINDS),
                 format_func=lambda kind: event_kind_label(kind, language), key="history_kinds")
events = [event for event in content.history if event.kind in kinds]
chart_block(content_cache.chart("history_timeline", tuple(kinds)), content)
with st.expander(lang.tr("page.history.all_events"), icon=":material/event_note:"):
    footnoted(content, [(event_text(event, language), event.sources) for event in events],
                    [text(event.text) for event in events])

st.header(lang.tr("page.history.products"))
chart_block(content_cache.chart("approvals_chart"), content)
st.markdown(markdown_rows(products_table(content, language)))
with st.expander(lang.tr("page.history.product_notes"), icon=":material/info:"):
    product_notes = {product.brand: " ".join(text(note) for note in product.notes)
                     for product in content.products.values()}
    footnoted(content, [(f"**{md(product.brand)}:** {md(product_notes[product.brand])}", product.sources)
                              for product in content.products.values()], product_notes.values())

st.header(lang.tr("page.history.how_many"))
chart_block(content_cache.chart("statistics_chart"), content)
statistics = content.statistics
notes = [f"- **{md(text(series.name))}** {md(lang.tr('page.history.counts'))} {md(text(series.measure))}. "
         f"{md(text(series.method_note))}" for series in statistics.series]
notes += [f"- {md(text(note.text))}" for note in statistics.notes]
with st.container(border=True):
    st.markdown(f"**{lang.tr('page.history.about_numbers')}**\n\n" + "\n".join(notes))
    statistics_sources = [s for series in statistics.series for point in series.points for s in point.sources]
    statistics_texts = [text(t) for series in statistics.series for t in (series.measure, series.method_note)]
    sources_control(content, statistics_sources + [s for note in statistics.notes for s in note.sources],
                          statistics_texts + [text(note.text) for note in statistics.notes])
reviewed_note([*content.history, *content.products.values(), *statistics.series, *statistics.notes])
