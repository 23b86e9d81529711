"""The run's language: from the address, else the session, else the browser; kept in the address; switched at the
top of the page; the page's script marks its language and shows Streamlit's own words in it."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from botox_explorer.i18n import t
from botox_explorer.models import LANGUAGES
from botox_explorer.ui.language import STREAMLIT_WORDS, page_language_script


def page():
    import streamlit as st

    from botox_explorer.ui.language import language_switch, mark_page_language, settle_language, text, tr

    st.text(settle_language())
    language_switch()
    mark_page_language()
    st.text(tr("page.safety.title"))
    st.text(text({"en": "Hello", "es": "Hola"}))


def open_page(session_language: str | None = None, **query: str) -> AppTest:
    app = AppTest.from_function(page)
    for name, value in query.items():
        app.query_params[name] = value
    if session_language:
        app.session_state["language"] = session_language
    return app.run()


def test_the_address_names_the_language():
    app = open_page("en", lang="es")
    assert [t.value for t in app.text] == ["es", "Seguridad", "Hola"]
    assert app.query_params["lang"] == "es"


def test_an_address_without_a_language_it_speaks_keeps_the_session_one_and_is_corrected():
    app = open_page("es", lang="fr")
    assert [t.value for t in app.text] == ["es", "Seguridad", "Hola"]
    assert app.query_params["lang"] == "es"


def test_a_first_visit_without_a_language_gets_english_in_its_address():
    app = open_page()
    assert [t.value for t in app.text] == ["en", "Safety", "Hello"]
    assert app.query_params["lang"] == "en"


def test_the_page_offers_the_other_language_by_its_own_name_at_its_top_and_switches_to_it():
    app = open_page(lang="en", category="medical")
    [switch] = app.button
    assert (switch.label, switch.help, switch.proto.type) == ("Español", "Ver esta página en español", "tertiary")
    assert app.sidebar.button.len == 0  # not behind the collapsed menu on a phone
    switch.click().run()
    assert [t.value for t in app.text] == ["es", "Seguridad", "Hola"]
    assert [b.label for b in app.button] == ["English"]
    assert (app.query_params["lang"], app.query_params["category"]) == ("es", "medical")


def scripts(app: AppTest) -> list[str]:
    """The bodies of the page's HTML elements."""
    return [node.proto.body for node in app.get("html")]


def test_the_page_sends_its_language_script_the_proxy_allows():
    assert scripts(open_page(lang="es")) == [f"<script>{page_language_script('es')}</script>"]
    assert scripts(open_page(lang="en")) == [f"<script>{page_language_script('en')}</script>"]


def words_of(script: str) -> dict[str, str]:
    """The script's table of Streamlit's English words and what the page shows instead."""
    return json.loads(script.split("w.botoxWords = ", 1)[1].split(";\n", 1)[0])


def test_the_spanish_script_shows_each_of_streamlits_words_as_the_catalogue_words_it():
    script = page_language_script("es")
    assert 'd.documentElement.lang = "es";' in script
    assert words_of(script) == {t(f"frame.streamlit.{key}", "en"): t(f"frame.streamlit.{key}", "es")
                                for key in STREAMLIT_WORDS}
    assert words_of(script)["Skip to main content"] == "Ir al contenido principal"
    assert 'w.botoxHelpFor = "Ayuda sobre ";' in script


def test_the_english_script_shows_streamlits_own_words():
    script = page_language_script("en")
    assert 'd.documentElement.lang = "en";' in script
    assert words_of(script) == {} and 'w.botoxHelpFor = "Help for ";' in script


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_script_is_static_and_nothing_in_it_can_end_the_script_element(language):
    script = page_language_script(language)
    assert script == page_language_script(language)
    assert "<" not in script  # a catalogue word with "</script>" is written as \u003c/script>
