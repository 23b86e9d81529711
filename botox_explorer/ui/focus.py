"""Bringing what a click opened into view: the browser scrolls to it and moves the keyboard's focus there.

Streamlit has no call for either, so a small script does it. The script is the same text on every page (the
proxy's Content-Security-Policy allows it by its hash, deploy/nginx/security-headers.inc); what to bring into view
is read from the element just before it, whose attributes are escaped.
"""

from __future__ import annotations

from html import escape

import streamlit as st

# Waits for the run to end (until then the page still holds what the run replaces, and the place moves), then
# scrolls the target under Streamlit's top bar and focuses it: a heading by its id (made focusable), or the shown
# button inside the element a widget key marks (``st-key-<key>``; Streamlit also draws a hidden copy of a button).
# Streamlit's html element runs a script again only when its text changes, hence ``data-for`` on the mark.
FOCUS_SCRIPT = """(() => {
  const mark = document.currentScript.previousElementSibling;
  const app = document.querySelector('[data-testid="stApp"]');
  const find = () => mark.dataset.heading ? document.getElementById(mark.dataset.heading)
    : [...document.querySelectorAll(".st-key-" + CSS.escape(mark.dataset.button) + " button")]
      .find((button) => button.offsetParent !== null);
  const bring = (frames) => {
    if (app && app.getAttribute("data-test-script-state") !== "notRunning" && frames < 600) {
      requestAnimationFrame(() => bring(frames + 1));
      return;
    }
    const target = find();
    if (!target) return;
    if (mark.dataset.heading) target.tabIndex = -1;
    target.style.scrollMarginTop = "5rem";
    target.scrollIntoView({block: "start"});
    target.focus({preventScroll: true});
  };
  bring(0);
})();"""


def bring_into_view(about: str, *, heading: str | None = None, button: str | None = None) -> None:
    """Once this run has ended, scroll to the heading with the id ``heading`` (or the button with the widget key
    ``button``) and focus it; ``about`` names what changed (a use's id), so that a new change runs the script again.

    Drawn in the sidebar: it is invisible there, and nothing in the main column moves when it comes and goes.
    """
    target = f'data-heading="{escape(heading)}"' if heading else f'data-button="{escape(button or "")}"'
    st.sidebar.html(f'<span hidden data-for="{escape(about)}" {target}></span><script>{FOCUS_SCRIPT}</script>',
                    unsafe_allow_javascript=True)
