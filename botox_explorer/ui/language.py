"""The language a run speaks: settled from the address, kept in the session, switched from the sidebar."""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st

from ..i18n import language_name, language_of_locale, supported, t
from ..models import LANGUAGES, LocalText, text_in
from ..routes import Param

# The language is in the address (``lang=es``), so a shared or QR link opens in it; the language is also kept in
# the session, as Streamlit clears the address on a page switch. Not a widget bound with bind="query-params": a
# bound value leaves the address when a page writes its own parameters or another page opens.
LANGUAGE_PARAM = Param.LANGUAGE
LANGUAGE_CHOSEN = "language"

# This run's language, as settle_language chose it. A page asks for it for every text and label (~210 times a rerun
# on Explore), and each st.session_state read goes through Streamlit's proxy, the session's lock and its widget
# lookups: about a tenth of an Explore rerun's instructions. Streamlit runs a session's script in a thread of that
# session, and a thread starts with an empty context, so the value never crosses sessions; settle_language, the
# first call of every run (app.py), sets it, and it is the only writer of LANGUAGE_CHOSEN, so both always agree. A
# view run without settle_language (a test's AppTest.from_function) reads the session as before.
_RUN_LANGUAGE: ContextVar[str | None] = ContextVar("botox_explorer_run_language", default=None)


def settle_language() -> str:
    """Called by app.py before anything is drawn: the address's language when it names one the dashboard speaks,
    else the one chosen earlier in the session, else the browser's; then written back to the address."""
    asked = st.query_params.get(LANGUAGE_PARAM)
    if supported(asked) == asked:
        chosen = asked
    else:
        chosen = st.session_state.get(LANGUAGE_CHOSEN) or language_of_locale(st.context.locale)
    st.session_state[LANGUAGE_CHOSEN] = chosen
    _RUN_LANGUAGE.set(supported(chosen))
    if asked != chosen:
        st.query_params[LANGUAGE_PARAM] = chosen
    return chosen


def language() -> str:
    """The language this run's pages speak."""
    settled = _RUN_LANGUAGE.get()
    return settled if settled is not None else supported(st.session_state.get(LANGUAGE_CHOSEN))


def _switch_language(chosen: str) -> None:
    st.query_params[LANGUAGE_PARAM] = chosen  # settle_language reads it at the start of the run this click starts


def language_switch() -> None:
    """In the sidebar, a button per language the page is not in, named in that language ("Español" on an English
    page) for a reader who does not read this one; the page and its filters stay.

    A button, not a choice of two chips: a chosen chip's color lacks contrast on the dark theme, and a button is
    already on every page.
    """
    for other in LANGUAGES:
        if other != language():
            st.sidebar.button(language_name(other), key=f"language-{other}", icon=":material/translate:",
                              help=t("frame.switch_to", other), on_click=_switch_language, args=(other,))


# Streamlit's page says lang="en" whatever it shows; a screen reader then reads Spanish with English sounds (WCAG
# 3.1.1). The value is one of LANGUAGES, never from a visitor or from data/. The proxy's Content-Security-Policy
# allows exactly these scripts by their hashes (deploy/nginx/security-headers.inc; tests/test_deploy_files.py).
def page_language_script(page_language: str) -> str:
    assert page_language in LANGUAGES
    return f"document.documentElement.lang = {page_language!r};"


def mark_page_language() -> None:
    """Set the page's ``lang`` attribute to this run's language (an invisible element in the sidebar)."""
    st.sidebar.html(f"<script>{page_language_script(language())}</script>", unsafe_allow_javascript=True)


def text(local: LocalText | None) -> str:
    """A patient text in this run's language."""
    return text_in(local, language())


def tr(key: str, /, count: float | None = None, **values: object) -> str:
    """The interface text ``key`` in this run's language."""
    return t(key, language(), count=count, **values)
