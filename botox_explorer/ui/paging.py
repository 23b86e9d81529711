"""Paging through the presenter with a clicker: each step opens at its top, and Page Down shows the rest of a tall
step before it moves to the next one (Page Up mirrors it).

A clicker sends Page Down and Page Up. Streamlit's button shortcuts always press the button, so a step taller than
the screen was never seen whole; a small script does the paging instead. The script is the same text on every run
(the proxy's Content-Security-Policy allows it by its hash, deploy/nginx/security-headers.inc); the step it belongs
to is read from the element just before it, so that Streamlit runs it again when the step changes.
"""

from __future__ import annotations

import streamlit as st

BAR = "presenter_bar"  # the widget key of the bar that holds the buttons (kept in sight while a step scrolls)
PREVIOUS, NEXT = "presenter_previous", "presenter_next"  # the buttons' widget keys, which the script presses
SCRIPT_BOX = "presenter_paging"  # the widget key of the (hidden) container the script is drawn in

# When the run has ended (until then the page still holds the step the run replaces), scroll to the step's top and,
# when no control has the focus (a clicker's keys go to the page, or to the last step's title, which Streamlit keeps
# for the new one), focus the step's title anew, so that a screen reader says which step is shown; a keyboard user's
# focus on a button stays there.
# Once a page: on Page Down / Page Up, while the presenter's bar is on the page and no text field has the focus,
# scroll one screen (less the bar and a line, so no line is missed) or, when the step's end (its top) is already in
# sight, press Next (Previous). The page scrolls in Streamlit's main section, or in the document on a page that
# grows past it.
PAGING_SCRIPT = """(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const scroller = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    return main && main.scrollHeight > main.clientHeight + 1 ? main : document.scrollingElement;
  };
  const toTop = (frames) => {
    if (app && app.getAttribute("data-test-script-state") !== "notRunning" && frames < 600) {
      requestAnimationFrame(() => toTop(frames + 1));
      return;
    }
    scroller().scrollTop = 0;
    document.scrollingElement.scrollTop = 0;
    const title = document.querySelector('[data-testid="stMain"] h1');
    const active = document.activeElement;
    if (title && (!active || active === document.body || active.tagName === "H1")) {
      title.tabIndex = -1;
      if (active === title) title.blur();
      title.focus({preventScroll: true});
    }
  };
  toTop(0);
  if (window.presenterPaging) return;
  window.presenterPaging = true;
  const shown = (key) => [...document.querySelectorAll(".st-key-" + key + " button")]
    .find((button) => button.offsetParent !== null);
  document.addEventListener("keydown", (event) => {
    const bar = document.querySelector(".st-key-presenter_bar");
    const forward = event.key === "PageDown";
    if (!bar || (!forward && event.key !== "PageUp") || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    event.stopPropagation();
    const box = scroller();
    const left = forward ? box.scrollHeight - box.clientHeight - box.scrollTop : box.scrollTop;
    if (left > 2) {
      const screen = Math.max(box.clientHeight - bar.getBoundingClientRect().height - 48, 100);
      box.scrollTop += forward ? Math.min(screen, left) : -Math.min(screen, left);
      return;
    }
    const button = shown(forward ? "presenter_next" : "presenter_previous");
    if (button && !button.disabled) button.click();
  }, true);
})();"""


def paging(step: int) -> None:
    """Draw the paging script for the presenter on ``step`` (a new step runs it again, which opens it at its top)."""
    with st.container(key=SCRIPT_BOX):
        st.html(f'<span hidden data-step="{int(step)}"></span><script>{PAGING_SCRIPT}</script>',
                unsafe_allow_javascript=True)
