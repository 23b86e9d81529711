"""Glossary: the medical words the pages use, in plain words, with their sources; searchable."""

import streamlit as st

from botox_explorer.glossary import search
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.markdown import md
from botox_explorer.ui.sources_view import footnoted, reviewed_note


def word_entry(term) -> str:
    also = term.also.get(lang.language(), [])
    also_line = f"  \n:gray[{lang.tr('page.glossary.also')}: {md(', '.join(also))}]" if also else ""
    return f"#### {md(lang.text(term.term))}\n\n{md(lang.text(term.meaning))}" + also_line


content = content_cache.content()

st.title(lang.tr("page.glossary.title"))
st.markdown(lang.tr("page.glossary.intro"))
# The search box sits in a popover: a text box's own scripts (some twenty) then load when a visitor opens it,
# not on every first visit (the page met the first-render goal only this way).
with st.popover(lang.tr("page.glossary.search"), icon=":material/search:"):
    st.text_input(lang.tr("page.glossary.search"), key="glossary_query", max_chars=60,
                  placeholder=lang.tr("page.glossary.placeholder"))
query = st.session_state.get("glossary_query", "")
if query:
    st.markdown(f"{lang.tr('page.glossary.words_with')}: **{md(query)}**")
found = search(content.glossary, query, lang.language())
st.caption(lang.tr("page.glossary.shown", count=len(found), total=len(content.glossary)))
if not found:
    st.info(lang.tr("page.glossary.none"), icon=":material/search_off:")
# One block, each word with the numbers of its sources, and one "Sources (n)" control: a page of 28 cards with a
# control each took half again as long as a plain page to show.
footnoted(content, [(word_entry(term), term.sources) for term in found])
reviewed_note(found)
