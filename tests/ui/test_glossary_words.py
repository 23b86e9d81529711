"""The glossary words a page explains: each where it first appears in the run, again on the next run."""

from streamlit.testing.v1 import AppTest


def page():
    import streamlit as st

    from botox_explorer.ui.glossary_words import start_run, words_to_explain

    start_run()
    for text in ("No word here.", "Two toxins.", "A toxin again."):
        st.text(repr([word.id for word in words_to_explain([text])]))


def test_a_word_is_explained_once_per_run_and_again_on_the_next(minimal_content):
    app = AppTest.from_function(page).run()
    assert [t.value for t in app.text] == ["[]", "['toxin']", "[]"]
    app.run()
    assert [t.value for t in app.text] == ["[]", "['toxin']", "[]"]
