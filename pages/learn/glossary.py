"""Glossary: the medical words the pages use, in plain words, with their sources; searchable."""

import streamlit as st

from botox_explorer.glossary import search
from botox_explorer.models import text_in
from botox_explorer.presenting import md
from botox_explorer.ui import frame, views


def word_entry(term) -> str:
    also = term.also.get("en", [])
    return (f"#### {md(text_in(term.term))}\n\n{md(text_in(term.meaning))}"
            + (f"  \n:gray[Also written: {md(', '.join(also))}]" if also else ""))


content = frame.content()

st.title("Words explained")
st.markdown("The medical words these pages use, in plain words. Where one of them first appears on a page, "
            "you can open its meaning right there.")
# The search box sits in a popover: a text box's own scripts (some twenty) then load when a visitor opens it,
# not on every first visit (the page met the first-render goal only this way).
with st.popover("Search the words", icon=":material/search:"):
    st.text_input("Search the words", key="glossary_query", max_chars=60, placeholder="e.g. units, off-label, eyelid")
query = st.session_state.get("glossary_query", "")
if query:
    st.markdown(f"Words with: **{md(query)}**")
found = search(content.glossary, query)
st.caption(f"{len(found)} of {len(content.glossary)} words shown.")
if not found:
    st.info("No word matches this search. Try a shorter word.", icon=":material/search_off:")
# One block, each word with the numbers of its sources, and one "Sources (n)" control: a page of 28 cards with a
# control each took half again as long as a plain page to show.
views.footnoted(content, [(word_entry(term), term.sources) for term in found])
views.reviewed_note(found)
