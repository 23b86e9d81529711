"""Before your visit: a checklist of what to tell the injector and what to ask, and the patient's notes.

The ticks stay on this screen: no tick box is bound to the address, nothing is written to the server's disk
or log, and the notes are built in the visitor's session only when downloaded.
"""

import datetime as dt

import streamlit as st

from botox_explorer import frame, views
from botox_explorer.models import text_in
from botox_explorer.presenting import md
from botox_explorer.visit import checklist, item_key, visit_notes

content = frame.content()
sections = checklist(content)

st.title("Before your visit")
st.markdown("Tick what applies to you, then download or print your list and bring it to the visit. "
            "Your ticks stay on this screen: they are not saved, sent or put in the page's address.")
for section in sections:
    st.header(section.heading)
    with st.container(border=True):
        for item in section.items:
            st.checkbox(md(text_in(item.text)), key=item_key(section, item),
                        help=text_in(item.detail) if item.detail else None)
    views.sources_control(content, (s for item in section.items for s in item.sources),
                          [text_in(t) for item in section.items for t in (item.text, item.detail)])

ticked = {key for section in sections for item in section.items
          if st.session_state.get(key := item_key(section, item))}
st.header("My questions for the visit")
st.markdown(f"{len(ticked)} point{'s' if len(ticked) != 1 else ''} ticked.")
today = dt.date.today()
st.download_button("Download my questions (text file)", lambda: visit_notes(content, ticked, today),
                   "my-questions-for-the-visit.txt", "text/plain", on_click="ignore", icon=":material/download:")
with st.expander("Print-friendly view", icon=":material/print:"):
    st.text(visit_notes(content, ticked, today))
    st.caption("Use your browser's print command to print this page.")
views.reviewed_note(item for section in sections for item in section.items)
