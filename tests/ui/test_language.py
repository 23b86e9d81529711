"""The run's language: from the address, else the session, else the browser; kept in the address; switched in the
sidebar."""

from streamlit.testing.v1 import AppTest


def page():
    import streamlit as st

    from botox_explorer.ui.language import language_switch, settle_language, text, tr

    st.text(settle_language())
    language_switch()
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


def test_the_sidebar_offers_the_other_language_by_its_own_name_and_switches_to_it():
    app = open_page(lang="en")
    [switch] = app.sidebar.button
    assert (switch.label, switch.help) == ("Español", "Ver esta página en español")
    switch.click().run()
    assert [t.value for t in app.text] == ["es", "Seguridad", "Hola"]
    assert [b.label for b in app.sidebar.button] == ["English"]
