"""Before your visit: what to tell the injector and what to ask, chosen as chips, and the patient's notes.

The choices stay on this screen: no chip is bound to the address, nothing is written to the server's disk or
log, and the notes are built in the visitor's session only when downloaded. Chips, not a tick box an item: one
widget a section, where 27 tick boxes took a first visit about a sixth longer to show.
"""

import datetime as dt

import streamlit as st

from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.decision_view import current_worksheet, worksheet
from botox_explorer.ui.markdown import md, safety_item
from botox_explorer.ui.print_view import print_copy, print_style, visit_markdown
from botox_explorer.ui.sources_view import reviewed_note, sources_control
from botox_explorer.visit import checklist, chosen_items, visit_list, visit_notes, widget_key

content = content_cache.content()
language = lang.language()
text = lang.text
sections = checklist(content, language)

st.title(lang.tr("page.before_your_visit.title"))
st.markdown(lang.tr("page.before_your_visit.intro"))
chosen = {}
for section in sections:
    st.header(section.heading)
    labels = {item.id: text(item.label) for item in section.items}
    chosen[section.key] = st.pills(section.prompt, list(labels), selection_mode="multi", key=widget_key(section),
                                   format_func=labels.get, wrap=True) or []
    items = chosen_items(section, chosen[section.key])
    if items:
        st.markdown("\n".join(safety_item(item, language) for item in items))
    with st.popover(lang.tr("page.before_your_visit.each_point"), icon=":material/info:", type="tertiary"):
        st.markdown("\n".join(f"- **{md(text(item.label))}:** {md(text(item.text))}" for item in section.items))
    sources_control(content, (s for item in section.items for s in item.sources),
                    [text(t) for item in items for t in (item.text, item.detail)])

st.header(lang.tr("decisions.worksheet.title"), anchor="decide")
with st.popover(lang.tr("decisions.worksheet.open"), icon=":material/balance:"):
    worksheet(content, "visit")
count = sum(len(ids) for ids in chosen.values())
st.header(lang.tr("page.before_your_visit.my_questions"))
today = dt.date.today()
decision = current_worksheet()
listed = visit_markdown(content, visit_list(content, chosen, today, language, decision), language)
# In a popover: the download button's scripts then load when the visitor opens it, not on a first visit.
with st.popover(lang.tr("page.before_your_visit.download_or_print", count=count), icon=":material/download:",
                type="primary"):
    st.download_button(lang.tr("page.before_your_visit.download"), visit_notes(content, chosen, today, language,
                       decision), lang.tr("page.before_your_visit.file"), "text/plain", on_click="ignore",
                       icon=":material/download:")
    st.markdown(listed)
    st.caption(lang.tr("page.before_your_visit.print"))
reviewed_note(item for section in sections for item in section.items)
print_style()
with print_copy():
    st.markdown(listed)
