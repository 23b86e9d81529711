"""The presenter on the consultation-room screen (1920x1080) and on a tablet (1024x768), walked as staff walk it
with a clicker: every step opens at its top, Page Down shows the rest of a tall step before the next one, the
buttons stay in reach, the text is large enough to read from across the room and nothing scrolls sideways.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from botox_explorer.i18n import t
from botox_explorer.presenting import span_text
from devtools.settled import SETTLED_JS

from .helpers import MAIN_POSITION_JS, open_page, rerun, url_has, url_lacks, wait_settled

pytestmark = pytest.mark.browser

ROOM, LAPTOP, TABLET = (1920, 1080), (1366, 768), (1024, 768)
TOPICS = ["crows-feet", "chronic-migraine"]
PRESENTATION = f"/consultation?topics={','.join(TOPICS)}&present=1&step=1"
SMALLEST_TEXT_PX = 22  # read from about 3 m on the room's screen
WAIT_MS = 10_000

# The element that scrolls: Streamlit's main section (the document itself stays one screen tall).
SCROLLER_JS = "document.querySelector('[data-testid=\"stMain\"]')"

# Where each of the presenter's buttons is, and whether it is whole in the viewport.
BUTTONS_JS = """() => [...document.querySelectorAll('.st-key-presenter_bar button')].map((button) => {
  const box = button.getBoundingClientRect();
  return {label: button.innerText.replace(/\\s+/g, ' ').trim(), top: box.top, bottom: box.bottom,
          left: box.left, right: box.right,
          inView: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth};
})"""

# Anything wider than the screen: the document, or any element that scrolls sideways.
SIDEWAYS_JS = """() => {
  const wide = [];
  const page = document.scrollingElement;
  if (page.scrollWidth > page.clientWidth) wide.push(`document ${page.scrollWidth} > ${page.clientWidth}`);
  for (const element of document.querySelectorAll('[data-testid="stApp"] *')) {
    const overflow = getComputedStyle(element).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && element.scrollWidth > element.clientWidth + 1) {
      wide.push(`${element.tagName} ${element.getAttribute('data-testid') || element.className} ` +
                `${element.scrollWidth} > ${element.clientWidth}`);
    }
  }
  return wide;
}"""

# Every visible text with its rendered size in CSS pixels: HTML text at its element's font size; SVG text (drawn
# in the page, or in a picture) at its font size times the drawing's scale on screen. A picture (an <img> of an
# SVG) is drawn again, off screen, at the size the page shows it, to measure its text the same way.
TEXT_SIZES_JS = """() => {
  const found = [];
  const shown = (element) => element.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const svgTexts = (svg, where) => {
    for (const text of svg.querySelectorAll('text')) {
      const words = text.textContent.trim();
      const matrix = text.getScreenCTM();
      if (!words || !matrix) continue;
      const scale = Math.hypot(matrix.c, matrix.d);
      found.push({size: parseFloat(getComputedStyle(text).fontSize) * scale, text: words.slice(0, 60), where});
    }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || element.closest('svg, script, style, noscript, title')) continue;
    const box = element.getBoundingClientRect();
    if (!shown(element) || box.width === 0 || box.height === 0) continue;
    found.push({size: parseFloat(getComputedStyle(element).fontSize), text: node.textContent.trim().slice(0, 60),
                where: element.tagName + ' ' + (element.closest('[data-testid]')?.getAttribute('data-testid') || '')});
  }
  for (const svg of document.querySelectorAll('svg')) {
    if (shown(svg) && !svg.closest('[data-presenter-measure]')) svgTexts(svg, 'svg');
  }
  for (const picture of document.querySelectorAll('img[src^="data:image/svg+xml"]')) {
    const box = picture.getBoundingClientRect();
    if (!shown(picture) || box.width === 0) continue;
    const data = picture.src.slice(picture.src.indexOf(',') + 1);
    const source = picture.src.includes(';base64,')
      ? new TextDecoder().decode(Uint8Array.from(atob(data), (c) => c.charCodeAt(0))) : decodeURIComponent(data);
    const copy = document.createElement('div');
    copy.setAttribute('data-presenter-measure', '');
    copy.style.cssText = `position:fixed;left:-30000px;top:0;width:${box.width}px;height:${box.height}px`;
    copy.innerHTML = source;
    const svg = copy.querySelector('svg');
    if (svg) {
      if (!svg.getAttribute('viewBox')) {
        const [width, height] = ['width', 'height'].map((name) => parseFloat(svg.getAttribute(name)));
        svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
      }
      svg.setAttribute('width', '100%');
      svg.setAttribute('height', '100%');
      document.body.append(copy);
      svgTexts(svg, 'picture: ' + picture.alt.slice(0, 40));
      copy.remove();
    }
  }
  return found;
}"""

# Everything the step shows in words: its text, its pictures' text alternatives and titles.
STEP_WORDS_JS = """() => [document.querySelector('[data-testid="stMain"]').innerText,
  ...[...document.querySelectorAll('[data-testid="stMain"] img')].map((picture) => picture.alt),
  ...[...document.querySelectorAll('[data-testid="stMain"] svg text')].map((text) => text.textContent)].join('\\n')"""


def position(view) -> dict:
    return view.evaluate(MAIN_POSITION_JS)


def step_number(view) -> int:
    return int(view.evaluate("() => new URLSearchParams(location.search).get('step')"))


def last_step(view) -> int:
    counter = view.locator('.st-key-presenter_bar [data-testid="stCaptionContainer"]').inner_text()
    return int(counter.split()[-1])


def wait_at_top(view, step: int) -> None:
    """The step has opened at its top: fails when it stays scrolled (a wait, as the reset follows the rerun)."""
    try:
        view.wait_for_function(f"() => {SCROLLER_JS}.scrollTop === 0 && document.scrollingElement.scrollTop === 0",
                               timeout=WAIT_MS, polling="raf")
    except PlaywrightTimeoutError:
        pytest.fail(f"step {step} did not open at its top: {position(view)}")


FOCUSED_JS = "() => [document.activeElement.tagName, document.activeElement.innerText.replace(/\\s+/g, ' ').trim()]"


# Remembers the last element that got the focus (a focus event is what makes a screen reader speak).
FOCUS_WATCH_JS = """document.addEventListener('focusin', (event) => {
  window.lastFocused = [event.target.tagName, event.target.innerText.trim()];
}, true);"""


def wait_title_focused(view, step: int) -> None:
    """With the clicker's keys going to the page, the new step's title gets the focus anew: a screen reader says
    it. (``lastFocused`` is cleared before each step change.) The page holds one title once the step is shown: the
    last step's may linger for a moment while a busy machine redraws."""
    condition = """() => {
      const titles = document.querySelectorAll('[data-testid="stMain"] h1');
      const title = titles[0];
      return titles.length === 1 && document.activeElement === title
        && JSON.stringify(window.lastFocused) === JSON.stringify(["H1", title.innerText.trim()]);
    }"""
    try:
        view.wait_for_function(condition, timeout=WAIT_MS, polling="raf")
    except PlaywrightTimeoutError:
        titles = view.locator('[data-testid="stMain"] h1').all_inner_texts()
        pytest.fail(f"step {step}: the focus is on {view.evaluate(FOCUSED_JS)} (last focused: "
                    f"{view.evaluate('() => window.lastFocused')!r}), not on its title {titles!r}")


def assert_room_for_the_step(view, step: int, smallest_text: float | None) -> None:
    """No sideways scroll, the buttons whole in view and, on the room's screen, no text too small to read."""
    assert view.evaluate(SIDEWAYS_JS) == [], f"step {step} scrolls sideways"
    buttons = view.evaluate(BUTTONS_JS)
    assert [label for label in ("Previous", "Next", "End presentation") if any(label in b["label"] for b in buttons)
            ] == ["Previous", "Next", "End presentation"], buttons
    assert all(b["inView"] for b in buttons), f"step {step}: a button is out of view at {position(view)}: {buttons}"
    if smallest_text:
        small = [text for text in view.evaluate(TEXT_SIZES_JS) if text["size"] < smallest_text - 0.01]
        assert small == [], f"step {step}: text under {smallest_text} px: {json.dumps(small[:10], indent=1)}"


def assert_no_unknown_timing_beside_a_recorded_one(view, step: int, content) -> None:
    """A step that shows a recorded timing never says the timing is "not established"."""
    words = view.evaluate(STEP_WORDS_JS)
    recorded = [span_text(span) for use in TOPICS for _, span in content.uses[use].timing.stages]
    if any(timing in words for timing in recorded):
        assert "not established" not in words.lower(), f"step {step} shows a timing and says 'not established'"


def page_through_step(view, step: int, smallest_text: float | None, content) -> None:
    """Page Down through the step, checking each screen, until its end is in view."""
    while True:
        assert_room_for_the_step(view, step, smallest_text)
        assert_no_unknown_timing_beside_a_recorded_one(view, step, content)
        before = position(view)
        if before["top"] + before["height"] >= before["full"] - 2:
            return
        view.keyboard.press("PageDown")
        view.wait_for_function(f"() => {SCROLLER_JS}.scrollTop > {before['top']} || "
                               f"new URLSearchParams(location.search).get('step') !== '{step}'",
                               timeout=WAIT_MS, polling="raf")
        after = position(view)
        assert step_number(view) == step, f"Page Down left step {step} before its end was shown: {before}"
        bar = view.evaluate("() => document.querySelector('.st-key-presenter_bar').getBoundingClientRect().bottom")
        assert after["top"] - before["top"] <= before["height"] - bar, (
            f"step {step}: Page Down skipped a part of the step: {before} -> {after} under a {bar} px bar")


@contextmanager
def failure_note(note: str) -> Iterator[None]:
    """A failure inside the block also says ``note``, and where the page is then."""
    try:
        yield
    except pytest.fail.Exception as failure:
        pytest.fail(f"{note}: {failure}")


def walk_the_presentation(view, app_server: str, smallest_text: float | None, content) -> None:
    """The whole presentation with the clicker's Page Down, then back through a tall step with Page Up."""
    view.add_init_script(FOCUS_WATCH_JS)
    open_page(view, app_server, PRESENTATION)
    last = last_step(view)
    tall = []
    for step in range(1, last + 1):
        assert step_number(view) == step
        wait_at_top(view, step)
        wait_title_focused(view, step)
        page_through_step(view, step, smallest_text, content)
        if position(view)["top"] > 0:
            tall.append(step)
        if step < last:
            at_end = position(view)
            focused = view.evaluate("() => document.activeElement.innerText || document.activeElement.tagName")
            view.evaluate("() => { window.lastFocused = null; }")
            with failure_note(f"Page Down at the end of step {step} ({at_end}, focus on {focused!r})"):
                rerun(view, lambda: view.keyboard.press("PageDown"), until=url_has("step", str(step + 1)))
    assert tall, "no step was taller than the screen: the paging was not tried"
    back_through(view, tall[-1])


def back_through(view, step: int) -> None:
    """From the end of a tall step, Page Up pages back to its top before it goes to the step before."""
    while (shown := step_number(view)) > step:
        rerun(view, lambda: view.get_by_role("button", name="Previous").click(), until=url_has("step", str(shown - 1)))
    while position(view)["top"] + position(view)["height"] < position(view)["full"] - 2:
        before = position(view)["top"]
        view.keyboard.press("PageDown")
        view.wait_for_function(f"() => {SCROLLER_JS}.scrollTop > {before}", timeout=WAIT_MS, polling="raf")
    while (top := position(view)["top"]) > 0:
        view.keyboard.press("PageUp")
        view.wait_for_function(f"() => {SCROLLER_JS}.scrollTop < {top}", timeout=WAIT_MS, polling="raf")
        assert step_number(view) == step, "Page Up left the step before its top was shown"
    rerun(view, lambda: view.keyboard.press("PageUp"), until=url_has("step", str(step - 1)))
    wait_at_top(view, step - 1)


def test_a_whole_presentation_on_the_rooms_screen(page, app_server, real_content):
    view = page(ROOM)
    walk_the_presentation(view, app_server, SMALLEST_TEXT_PX, real_content)
    assert view.console_errors == []


def test_a_keyboard_users_focus_stays_on_the_button_they_pressed(page, app_server):
    view = page(TABLET)
    open_page(view, app_server, PRESENTATION)
    view.get_by_role("button", name="Next").focus()
    rerun(view, lambda: view.keyboard.press("Enter"), until=url_has("step", "2"))
    wait_at_top(view, 2)
    tag, label = view.evaluate(FOCUSED_JS)
    assert tag == "BUTTON" and label.endswith("Next"), (tag, label)


def test_the_phone_panel_is_large_and_has_no_setup_words_for_the_patient(page, app_server):
    view = page(ROOM)
    open_page(view, app_server, PRESENTATION)
    view.locator('[data-testid="stPopover"] button').filter(has_text="On your phone").click()
    panel = view.locator('[data-testid="stPopoverBody"]')
    panel.get_by_role("img").wait_for()
    wait_settled(view)
    assert "public_url" not in panel.inner_text() and "clinic.yaml" not in panel.inner_text()
    small = [text for text in view.evaluate(TEXT_SIZES_JS) if text["size"] < SMALLEST_TEXT_PX - 0.01]
    assert small == [], f"text under {SMALLEST_TEXT_PX} px with the phone's panel open: {small[:10]}"


@pytest.mark.parametrize("size", [LAPTOP, TABLET], ids=["laptop", "tablet"])
def test_a_whole_presentation_on_a_smaller_screen(page, app_server, real_content, size):
    view = page(size)
    walk_the_presentation(view, app_server, None, real_content)
    assert view.console_errors == []


def test_presenting_nothing_goes_back_to_choosing_with_a_notice(page, app_server):
    view = page(ROOM)
    requested: list[str] = []
    view.on("request", lambda request: requested.append(request.url))
    open_page(view, app_server, "/consultation?present=1&step=3")
    with failure_note("presenting nothing still presents"):
        try:
            view.wait_for_function(f"() => {url_lacks('present')} && ({SETTLED_JS})()", timeout=WAIT_MS, polling="raf")
        except PlaywrightTimeoutError:
            pytest.fail(f"the address stays {view.url}, the title is {view.locator('h1').first.inner_text()!r}")
    assert view.locator("h1").first.inner_text() == "Consultation"
    notice = t("consultation.nothing_to_present", "en")
    assert notice in " ".join(view.locator('[data-testid="stAlert"]').all_inner_texts())
    assert view.locator('img[alt^="QR code"]').count() == 0
    assert view.get_by_text("On your phone").count() == 0
    assert "/explore?topics" not in view.locator("body").inner_text()
    assert not [url for url in requested if "topics=" in url]
