"""The language a run speaks: settled from the address, kept in the session, switched at the top of the page; the
page marked as speaking it, Streamlit's own words included."""

from __future__ import annotations

import json
from contextvars import ContextVar

import streamlit as st

from ..i18n import language_name, language_of_locale, supported, t
from ..models import DEFAULT_LANGUAGE, LANGUAGES, LocalText, text_in
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
    """At the top of the page, right-aligned, a small button per language the page is not in, named in that language
    ("Español" on an English page) for a reader who does not read this one; the page, its filters and the open use
    stay.

    In the page, not the sidebar: on a phone the sidebar is collapsed, so a switch there is out of sight, and after a
    tap in it the open sidebar stayed over the page (walkthrough 2026-12, problems 14 and 25). A button, not a
    link: a link would load the whole app again.
    """
    with st.container(horizontal=True, horizontal_alignment="right", key="language-switch"):
        for other in LANGUAGES:
            if other != language():
                st.button(language_name(other), key=f"language-{other}", icon=":material/translate:", type="tertiary",
                          help=t("frame.switch_to", other), on_click=_switch_language, args=(other,))


# Streamlit's page says lang="en" whatever it shows, and its own words (the skip link, the labels a screen reader
# reads, the "page not found" box) are English; a screen reader then reads Spanish with English sounds (WCAG 3.1.1).
# The script sets the page's language and shows Streamlit's words in it: each label Streamlit writes (kept in
# data-botox-native) is shown as the catalogue words it, again whenever Streamlit writes it anew (a mutation
# observer, at most once a frame); the switch to another language is marked as speaking that one (WCAG 3.1.2).
# Its text is static per language: the catalogue's words (frame.streamlit.*, the English ones being Streamlit's
# own), never anything from a visitor or from data/. The proxy's Content-Security-Policy allows exactly these
# scripts by their hashes (deploy/nginx/security-headers.inc, deploy/kubernetes/botox-explorer.yaml;
# tests/test_deploy_files.py).
STREAMLIT_WORDS = ("skip", "home", "sidebar", "pages", "expand", "collapse", "menu", "heading_link", "close",
                   "not_found", "not_found_detail", "help")
_LABELS_JS = """\
(() => {
const d = document, w = window;
d.documentElement.lang = %(language)s;
w.botoxWords = %(words)s;
w.botoxHelpFor = %(help_for)s;
if (w.botoxLabels) return w.botoxLabels();
const show = native => w.botoxWords[native] ?? (native.startsWith(%(native_help_for)s)
  ? w.botoxHelpFor + native.slice(%(native_help_for_length)d) : native);
const relabel = (node, read, write) => {
  const now = read(node);
  if (now !== node.dataset.botoxShown) node.dataset.botoxNative = now;
  const shown = show(node.dataset.botoxNative);
  node.dataset.botoxShown = shown;
  if (shown !== now) write(node, shown);
};
w.botoxLabels = () => {
  %(switches)s.forEach(([selector, language]) => d.querySelectorAll(selector)
    .forEach(node => { node.lang = language; }));
  d.querySelectorAll("[aria-label]").forEach(node => relabel(node, n => n.getAttribute("aria-label"),
    (n, shown) => n.setAttribute("aria-label", shown)));
  d.querySelectorAll('[data-testid="stSkipToContent"], [role="dialog"] h2, [role="dialog"] h2 + div > div')
    .forEach(node => node.firstChild?.nodeType === 3 && relabel(node, n => n.firstChild.nodeValue,
      (n, shown) => { n.firstChild.nodeValue = shown; }));
};
let queued = false;
new MutationObserver(() => {
  if (!queued) { queued = true; requestAnimationFrame(() => { queued = false; w.botoxLabels(); }); }
}).observe(d.body, {subtree: true, childList: true, characterData: true, attributeFilter: ["aria-label"]});
w.botoxLabels();
})();"""


def _js(value: object) -> str:
    """A value as a JavaScript literal that cannot end the script element."""
    return json.dumps(value, ensure_ascii=True).replace("<", "\\u003c")


def page_language_script(page_language: str) -> str:
    """The script that marks the page as ``page_language`` and puts Streamlit's words in it (static per language)."""
    assert page_language in LANGUAGES
    words = {t(f"frame.streamlit.{key}", DEFAULT_LANGUAGE): t(f"frame.streamlit.{key}", page_language)
             for key in STREAMLIT_WORDS}
    native_help_for = t("frame.streamlit.help_for", DEFAULT_LANGUAGE)
    return _LABELS_JS % {"language": _js(page_language), "words": _js({k: v for k, v in words.items() if k != v}),
                         "help_for": _js(t("frame.streamlit.help_for", page_language)),
                         "native_help_for": _js(native_help_for), "native_help_for_length": len(native_help_for),
                         "switches": _js([[f".st-key-language-{other}", other] for other in LANGUAGES])}


def mark_page_language() -> None:
    """Set the page's ``lang`` attribute to this run's language (an invisible element in the sidebar)."""
    st.sidebar.html(f"<script>{page_language_script(language())}</script>", unsafe_allow_javascript=True)


def text(local: LocalText | None) -> str:
    """A patient text in this run's language."""
    return text_in(local, language())


def tr(key: str, /, count: float | None = None, **values: object) -> str:
    """The interface text ``key`` in this run's language."""
    return t(key, language(), count=count, **values)
