"""Before your visit: what to tell the injector and what to ask, chosen as chips, and the patient's notes.

The choices stay on this screen: no chip is bound to the address, nothing is written to the server's disk or
log, and the notes are built in the visitor's session only when downloaded. Chips, not a tick box an item: one
widget a section, where 27 tick boxes took a first visit about a sixth longer to show.
"""

import datetime as dt

import streamlit as st

from botox_explorer.models import text_in
from botox_explorer.presenting import md
from botox_explorer.ui import frame, views
from botox_explorer.visit import checklist, chosen_items, visit_notes, widget_key

content = frame.content()
sections = checklist(content)

st.title("Before your visit")
st.markdown("Choose what applies to you, then download or print your list and bring it to the visit. "
            "Your choices stay on this screen: they are not saved, sent or put in the page's address.")
chosen = {}
for section in sections:
    st.header(section.heading)
    labels = {item.id: text_in(item.label) for item in section.items}
    chosen[section.key] = st.pills(section.prompt, list(labels), selection_mode="multi", key=widget_key(section),
                                   format_func=labels.get, wrap=True) or []
    items = chosen_items(section, chosen[section.key])
    if items:
        st.markdown("\n".join(f"- **{md(text_in(item.text))}**"
                              + (f" {md(text_in(item.detail))}" if item.detail else "") for item in items))
    with st.popover("What each point means", icon=":material/info:", type="tertiary"):
        st.markdown("\n".join(f"- **{md(text_in(item.label))}:** {md(text_in(item.text))}" for item in section.items))
    views.sources_control(content, (s for item in section.items for s in item.sources),
                          [text_in(t) for item in items for t in (item.text, item.detail)])

count = sum(len(ids) for ids in chosen.values())
st.header("My questions for the visit")
today = dt.date.today()
# In a popover: the download button's scripts then load when the visitor opens it, not on a first visit.
with st.popover(f"Download or print ({count} chosen)", icon=":material/download:", type="primary"):
    st.download_button("Download my questions (text file)", lambda: visit_notes(content, chosen, today),
                       "my-questions-for-the-visit.txt", "text/plain", on_click="ignore", icon=":material/download:")
    st.text(visit_notes(content, chosen, today))
    st.caption("To print, use your browser's print command while this list is open.")
views.reviewed_note(item for section in sections for item in section.items)
