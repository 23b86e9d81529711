"""Where a section's information comes from: its sources, the meaning of its medical words, the review date."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from ..citations import Citations
from ..models import Content, GlossaryTerm
from ..presenting import review_text
from . import language as lang
from .glossary_words import words_to_explain
from .markdown import cited, md, notes_label, notes_text


def sources_control(content: Content, source_ids: Iterable[str], texts: Iterable[str] = ()) -> None:
    """Under a section, one compact control that opens in place on the section's numbered sources and the plain
    meaning of the glossary words that first appear on the page in ``texts``.

    It does not bury the text a patient reads, and its lists are drawn only when opened. One control, not two:
    each element costs a first visit time.
    """
    notes_control(content, list(dict.fromkeys(source_ids)), words_to_explain(list(texts)))


def notes_control(content: Content, ids: list[str], words: list[GlossaryTerm]) -> None:
    """The control itself: "Sources (n) · Meaning of: ..." (either part alone), nothing when both are empty."""
    if not words and not ids:
        return
    language = lang.language()
    icon = ":material/menu_book:" if ids else ":material/lightbulb:"
    with st.popover(notes_label(len(ids), words, language), icon=icon, type="tertiary"):
        st.markdown(notes_text(content, ids, words, language))


def footnoted(content: Content, entries: list[tuple[str, Iterable[str]]], texts: Iterable[str] = ()) -> None:
    """Many short entries, each a markdown text and its sources, as one block ending each entry with the numbers
    of its sources, and one "Sources (n)" control for them all; the meaning of the glossary words new on the page
    in ``texts`` opens beside it.

    One element, not one per entry: a page of many entries with a control each is slow to show.
    """
    citations, language = Citations(), lang.language()
    st.markdown("\n\n".join(cited(text, citations(source_ids), language) for text, source_ids in entries))
    sources_control(content, list(citations.numbers), texts)


def reviewed_note(records: Iterable) -> None:
    """The review date of what the page shows, as a small line (nothing when it shows no records)."""
    text = review_text(records, lang.language())
    if text:
        st.caption(md(text))
