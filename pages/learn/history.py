"""History: an interactive timeline, product approvals and comparison, US procedure statistics."""

import streamlit as st

from botox_explorer.charts import EVENT_KINDS, event_kind_label
from botox_explorer.presenting import product_note, products_table, statistics_notes
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.chart_view import chart_block
from botox_explorer.ui.markdown import event_text, markdown_rows, md, note_item
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
    product_notes = {product.id: product_note(product, language) for product in content.products.values()}
    footnoted(content, [(f"**{md(product.brand)}:** {md(product_notes[product.id])}", product.sources)
                        for product in content.products.values()], product_notes.values())

st.header(lang.tr("page.history.how_many"))
chart_block(content_cache.chart("statistics_chart"), content)
statistics = content.statistics
notes = statistics_notes(statistics, language)
with st.container(border=True):
    st.markdown(f"**{lang.tr('page.history.about_numbers')}**\n\n" + "\n".join(map(note_item, notes)))
    sources_control(content, [s for note in notes for s in note.source_ids], [note.text for note in notes])
reviewed_note([*content.history, *content.products.values(), *statistics.series, *statistics.notes])
