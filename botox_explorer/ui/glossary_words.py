"""The glossary words a page has explained so far in this run: a word's meaning is offered where it first appears."""

from __future__ import annotations

import streamlit as st

from ..content import configured_data_dir
from ..glossary import GlossaryIndex
from ..models import GlossaryTerm
from .content_cache import content
from .language import language

WORDS_EXPLAINED = "_words_explained"


def start_run() -> None:
    """Called by app.py before a page runs: no word is explained yet."""
    st.session_state[WORDS_EXPLAINED] = []


def words_to_explain(texts) -> list[GlossaryTerm]:
    """The glossary words in ``texts`` that this page has not explained yet, now counted as explained."""
    index = glossary_index()
    explained = st.session_state.setdefault(WORDS_EXPLAINED, [])
    found = index.new_terms(texts, explained)
    explained.extend(found)
    return [index.terms[term_id] for term_id in found]


# One index per content folder and language, shared by every session: it only remembers which words a text holds.
# A plain dict, not st.cache_resource: a page asks for it a few dozen times a run, and the cache's lookup cost more
# than the work.
_GLOSSARY_INDEXES: dict[tuple[str, str], GlossaryIndex] = {}


def glossary_index() -> GlossaryIndex:
    """The glossary's word index for the configured content in this run's language."""
    key = (str(configured_data_dir()), language())
    if key not in _GLOSSARY_INDEXES:
        _GLOSSARY_INDEXES[key] = GlossaryIndex(content().glossary, key[1])
    return _GLOSSARY_INDEXES[key]
