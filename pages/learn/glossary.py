"""Glossary: the medical words the pages use, in plain words, with their sources; searchable."""

import streamlit as st

from botox_explorer import frame, views
from botox_explorer.glossary import search
from botox_explorer.models import text_in
from botox_explorer.presenting import md

content = frame.content()

st.title("Words explained")
st.markdown("The medical words these pages use, in plain words. Where one of them first appears on a page, "
            "you can open its meaning right there.")
query = st.text_input("Search the words", key="glossary_query", max_chars=60, icon=":material/search:",
                      placeholder="e.g. units, off-label, eyelid")
found = search(content.glossary, query)
st.caption(f"{len(found)} of {len(content.glossary)} words shown.")
if not found:
    st.info("No word matches this search. Try a shorter word.", icon=":material/search_off:")
for term in found:
    with st.container(border=True):
        also = term.also.get("en", [])
        st.markdown(f"### {md(text_in(term.term))}\n\n{md(text_in(term.meaning))}"
                    + (f"\n\n:gray[Also written: {md(', '.join(also))}]" if also else ""))
        views.sources_control(content, term.sources)
views.reviewed_note(found)
