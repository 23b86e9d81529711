"""Driving and checking a page of the dashboard in Chromium: the browser's settings, the console errors that count,
waiting until a page has settled or a rerun has shown its result, the checks every page passes, focus, screenshots.

The fixtures (the servers, the browser, a new page) are in conftest.py; starting a server is in server.py.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from devtools.settled import RERUN_SEEN_JS, SETTLED_JS, WATCH_RUN_JS
from tests.helpers import registered_page_scripts

from .server import log_of

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots go to a temporary folder; to refresh the ones in the docs, run the browser tests with
# BOTOX_EXPLORER_SCREENSHOTS=docs/screenshots.
SCREENSHOTS_VARIABLE = "BOTOX_EXPLORER_SCREENSHOTS"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
SETTLE_TIMEOUT_MS = 30_000
# Console messages caused by external requests the test machine blocks (map tiles, web fonts).
IGNORED_CONSOLE_TEXT = ("net::ERR", "Failed to load resource")
# Plotly's map (MapLibre) reports a blocked tile as "AJAXError: Failed to fetch (0): https://tile...png".
EXTERNAL_FETCH_FAILED = re.compile(r"Failed to fetch.*https?://(?!127\.0\.0\.1|localhost)")
# ... and then raises this uncaught error; ignored only after an external request has failed on the page.
MAP_ERROR_AFTER_BLOCKED_TILES = "Map error."


def require_tool(path: Path, package: str) -> None:
    """Skip a test whose tool is missing, and fail it under CI, where scripts/install-debian-packages.sh installs
    it: a CI run that skipped the browser or the proxy would pass without testing them."""
    if path.exists():
        return
    message = f"{path} is missing: install Debian's {package} (bash scripts/install-debian-packages.sh)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextmanager
def launched_chromium(playwright) -> Iterator[object]:
    """Debian's Chromium, headless, with the flags this closed network needs, from the run's Playwright driver
    (the ``playwright_driver`` fixture); closed after use."""
    require_tool(CHROMIUM, "chromium")
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
    try:
        yield chromium
    finally:
        chromium.close()


# Where Streamlit's main section is scrolled to, and how much of it there is.
MAIN_POSITION_JS = """() => {
  const box = document.querySelector('[data-testid="stMain"]');
  return {top: box.scrollTop, height: box.clientHeight, full: box.scrollHeight};
}"""


def clicker_next(page, step: int) -> None:
    """Page Down, as a clicker sends it, until the presenter shows ``step``: a step taller than the screen is paged
    through first (each press waits for the page to scroll, the last for the rerun that shows ``step``)."""
    while (shown := page.evaluate(MAIN_POSITION_JS))["top"] + shown["height"] < shown["full"] - 2:
        page.keyboard.press("PageDown")
        page.wait_for_function(f"() => ({MAIN_POSITION_JS})().top > {shown['top']}", timeout=SETTLE_TIMEOUT_MS)
    rerun(page, lambda: page.keyboard.press("PageDown"), until=url_has("step", str(step)))


# --- the browser's console ------------------------------------------------------------------------------------


def is_blocked_external_request(text: str) -> bool:
    """A console message caused by an external request the test machine blocks (map tiles, web fonts)."""
    return any(fragment in text for fragment in IGNORED_CONSOLE_TEXT) or bool(EXTERNAL_FETCH_FAILED.search(text))


def is_external(url: str) -> bool:
    """An address on another host than this machine."""
    host = url.split("/")[2].split(":")[0] if "://" in url else ""
    return host not in ("", "127.0.0.1", "localhost")


# --- waiting and checking -------------------------------------------------------------------------------------


def wait_settled(page, timeout: float = SETTLE_TIMEOUT_MS) -> None:
    """Wait until the app is connected, its script run is over, no skeleton is left and every chart is drawn."""
    page.wait_for_function(SETTLED_JS, timeout=timeout, polling="raf")


def rerun(page, action: Callable[[], object], until: str, timeout: float = SETTLE_TIMEOUT_MS) -> None:
    """Do ``action`` (a click, a key press...) that makes the app rerun, then wait until the run has happened,
    ``until`` (a JavaScript expression for what the action shows) holds and the page has settled.

    Unlike a bare ``wait_settled``, this cannot return before the rerun has started, nor after a rerun that did
    not show what the action should have. When ``until`` is false before the action, its turning true is the sign
    that the rerun happened: a quick run on a busy machine can go from "running" to "notRunning" within one React
    render, and then the script-state attribute never changes (a chip click on Before your visit was lost so)."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    shown_before = page.evaluate(f"() => Boolean({until})")
    page.evaluate(WATCH_RUN_JS)
    action()
    seen = f"({RERUN_SEEN_JS})() && " if shown_before else ""
    condition = f"() => {seen}Boolean({until}) && ({SETTLED_JS})()"
    try:
        page.wait_for_function(condition, timeout=timeout, polling="raf")
    except PlaywrightTimeoutError:
        pytest.fail(f"after the action, not seen within {timeout / 1000:g} s: a rerun that shows {until}; "
                    f"page state: {page.evaluate(_STATE_JS)}")


def record_addresses(page) -> list[str]:
    """Every address the page goes to or asks for from now on (a choice must reach none of them)."""
    addresses: list[str] = []
    page.on("framenavigated", lambda frame: addresses.append(frame.url))
    page.on("request", lambda request: addresses.append(request.url))
    return addresses


def url_has(name: str, value: str | None = None) -> str:
    """A condition for ``rerun``: the address has the query parameter ``name`` (with ``value``, if given)."""
    params = f"new URLSearchParams(location.search).getAll({json.dumps(name)})"
    return f"{params}.includes({json.dumps(value)})" if value is not None else f"{params}.length > 0"


def url_lacks(name: str) -> str:
    """A condition for ``rerun``: the address has no query parameter ``name``."""
    return f"!new URLSearchParams(location.search).has({json.dumps(name)})"


def text_shown(selector: str, text: str) -> str:
    """A condition for ``rerun``: an element matching ``selector`` shows exactly ``text`` (spaces trimmed)."""
    return (f"[...document.querySelectorAll({json.dumps(selector)})]"
            f".some(e => e.innerText.trim() === {json.dumps(text)})")


# What the page looks like, for a failure message.
_STATE_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  const active = document.activeElement;
  return {
    url: location.href,
    scriptState: app && app.getAttribute('data-test-script-state'),
    connection: app && app.getAttribute('data-test-connection-state'),
    focused: active ? `${active.tagName.toLowerCase()}[${active.getAttribute('data-testid')}]` : null,
    buttons: [...document.querySelectorAll('button')].slice(0, 12)
      .map(b => b.innerText.replace(/\\s+/g, ' ').trim() + (b.disabled ? ' (disabled)' : '')),
  };
}"""


def open_page(page, base_url: str, path: str = "/", timeout: float = SETTLE_TIMEOUT_MS) -> None:
    """Go to ``base_url + path`` and wait until the page has settled."""
    page.goto(base_url.rstrip("/") + "/" + path.lstrip("/"))
    wait_settled(page, timeout=timeout)


def assert_healthy(page) -> None:
    """No Streamlit exception box, no console error, and a page title (h1)."""
    exceptions = page.locator('[data-testid="stException"]')
    if exceptions.count():
        pytest.fail(f"the page shows an exception: {exceptions.first.inner_text()}{log_of(page.url)}")
    assert page.console_errors == [], f"console errors: {page.console_errors}"
    if page.locator("h1").count() == 0:
        alerts = page.locator('[data-testid="stAlert"]').all_inner_texts()
        pytest.fail(f"the page has no h1; its alerts: {alerts}")


def registered_page_count() -> int:
    """How many pages the entry point registers: the navigation links to each."""
    scripts = registered_page_scripts()
    assert scripts, "no page script named in app.py: update registered_page_scripts() to the new layout"
    return len(scripts)


@functools.cache
def reminder_start() -> str:
    """The first words of the consult-a-professional reminder, as data/site.yaml words it."""
    from botox_explorer.content import load_content
    from botox_explorer.models import text_in

    words = text_in(load_content().site.reminder).split()
    return " ".join(words[:6])


def reminder_alert(page):
    """The locator of the reminder every page carries: an info alert that starts with the reminder's words."""
    return page.locator('[data-testid="stAlert"]:has([data-testid="stAlertContentInfo"])').filter(
        has_text=reminder_start()
    )


# The focus indicator of the focused element (or of the nearest ancestor that draws it, up to 3 levels, as
# Streamlit's BaseWeb widgets draw the ring on a wrapper): 'outline' / 'box-shadow' values, or null.
_FOCUS_RING_JS = """() => {
  let element = document.activeElement;
  if (!element || element === document.body) return null;
  for (let level = 0; element && level < 4; level += 1, element = element.parentElement) {
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow && style.boxShadow !== 'none';
    if (outline || shadow) {
      return {level, tag: element.tagName.toLowerCase(), outline: outline ? style.outline : null,
              boxShadow: shadow ? style.boxShadow : null};
    }
  }
  return null;
}"""


def focus_ring(page) -> dict | None:
    """How the focused element shows focus (outline or box-shadow on it or a close wrapper), or None."""
    return page.evaluate(_FOCUS_RING_JS)


# Streamlit scrolls inside its own container, so the document is only as tall as the viewport and a plain
# full-page screenshot would stop at the fold: measure the content's full height instead.
_CONTENT_HEIGHT_JS = """() => {
  let height = document.documentElement.scrollHeight;
  for (const element of document.querySelectorAll('[data-testid="stApp"] *')) {
    const overflow = getComputedStyle(element).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight) {
      height = Math.max(height, element.getBoundingClientRect().top + window.scrollY + element.scrollHeight);
    }
  }
  return Math.ceil(height);
}"""
_TWO_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


@contextmanager
def full_height(page) -> Iterator[None]:
    """Within the block, the viewport is as tall as the content (nothing scrolls); then it gets its size back."""
    viewport = dict(page.viewport_size)
    height = page.evaluate(_CONTENT_HEIGHT_JS)
    if height > viewport["height"]:
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.evaluate(_TWO_FRAMES_JS)
        wait_settled(page)
    try:
        yield
    finally:
        page.set_viewport_size(viewport)


@functools.cache
def screenshots_dir() -> Path:
    """Where screenshots go: the folder named by BOTOX_EXPLORER_SCREENSHOTS, else a temporary folder."""
    chosen = os.environ.get(SCREENSHOTS_VARIABLE)
    folder = (REPO_ROOT / chosen) if chosen else Path(tempfile.mkdtemp(prefix="botox-explorer-screenshots-"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def screenshot(page, name: str) -> Path:
    """Full-page screenshot to <screenshots_dir()>/<name>-<viewport width>.png; returns its path.

    The viewport grows to the content's height for the shot, then gets its size back.
    """
    path = screenshots_dir() / f"{name}-{page.viewport_size['width']}.png"
    with full_height(page):
        page.screenshot(path=str(path), full_page=True)
    return path
