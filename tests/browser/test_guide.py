"""The guide (botox_explorer.guide), as the launcher serves it at /guide/: plain pages, checked in Chromium.

axe on a sample of pages (desktop, phone, dark, with the tables in <details> open); on a phone: no sideways
scrolling, readable text, no script, no console error, no Content-Security-Policy violation; every picture drawn;
on paper: no navigation and no dashboard button, but the reminder.

The guide is static: a page is ready at its ``load`` event (which waits for its pictures), with no Streamlit
settling. Directory addresses (``/guide/``) redirect in a loop under Streamlit's server, so every address names
its file.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .test_accessibility import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

GUIDE = "/guide/"
# English start page, a Spanish use page, the page with figures and tables in <details>, the page of warnings,
# the longest list, a Spanish page of steps, and the page a consultation's QR code opens (made when asked).
SAMPLE = [
    "index.html",
    "es/uses/chronic-migraine.html",
    "history.html",
    "safety.html",
    "glossary.html",
    "es/before-your-visit.html",
    "es/topics.html?topics=chronic-migraine,frown-lines",
]
# Pages with figures besides history.html, for the pictures' check.
WITH_FIGURES = ["how-it-works.html", "uses/blepharospasm.html", "es/history.html"]
# What a guide page may request, all from the same server: itself, its stylesheet and its pictures (and its icon).
ALLOWED_RESOURCES = {"document", "stylesheet", "image"}
# Rendering a phone's page may round a pixel; anything wider scrolls sideways.
OVERFLOW_TOLERANCE_PX = 1
MIN_BODY_FONT_PX = 16
# Set by an init script (Playwright adds it through the DevTools protocol, so the page's CSP does not block it).
_RECORD_CSP_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => window.__cspViolations.push(
  `${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`));
"""
_TWO_FRAMES_JS = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
_PICTURES_JS = """() => [...document.images].map(img => ({
  src: img.getAttribute('src'), alt: img.getAttribute('alt'), complete: img.complete, width: img.naturalWidth}))"""
_BACKGROUND_JS = "() => getComputedStyle(document.body).backgroundColor"


def guide_url(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + GUIDE + path


def open_guide(view, base_url: str, path: str) -> None:
    """Go to the guide's page ``path`` and wait for its load event (the stylesheet and every picture)."""
    response = view.goto(guide_url(base_url, path), wait_until="load")
    assert response is not None and response.status == 200, f"{path}: {response and response.status}"
    assert "text/html" in response.headers.get("content-type", ""), f"{path} is not served as a page"


def rgb(css_color: str) -> tuple[int, ...]:
    inside = css_color[css_color.index("(") + 1 : css_color.index(")")]
    return tuple(round(float(part)) for part in inside.replace("/", ",").split(",")[:3])


def check_guide_with_axe(view, label: str) -> None:
    """axe on the page as it is; fail on any serious or critical violation (the guide allows no exception)."""
    viewport = dict(view.viewport_size)
    # axe checks the colors of the text it can see: with the viewport as tall as the page, it sees all of it.
    height = view.evaluate("() => Math.ceil(document.documentElement.scrollHeight)")
    if height > viewport["height"]:
        view.set_viewport_size({"width": viewport["width"], "height": height})
        view.evaluate(_TWO_FRAMES_JS)
    try:
        results = Axe().run(view)
    finally:
        view.set_viewport_size(viewport)
    blocking, other = [], []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            (blocking if violation["impact"] in BLOCKING_IMPACTS else other).append(describe(violation, node))
    print(f"\naxe on the guide's {label} at {viewport['width']}x{viewport['height']}")
    for title, lines in (("blocking", blocking), ("moderate/minor", other)):
        print(f"  {title}: {len(lines)}")
        for line in lines:
            print(f"    - {line}")
    assert results.response["passes"], f"axe checked nothing on {label}"
    assert not blocking, f"serious/critical accessibility violations on the guide's {label}:\n" + "\n".join(blocking)


# --- 1. axe ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE)
def test_guide_page_has_no_serious_accessibility_violations(app_server, page, path):
    view = page("desktop")
    open_guide(view, app_server, path)
    check_guide_with_axe(view, path)


def test_guide_history_with_its_tables_open_has_no_serious_accessibility_violations(app_server, page):
    view = page("desktop")
    open_guide(view, app_server, "history.html")
    summaries = view.locator("details > summary")
    assert summaries.count() >= 2, "history.html should hold its figures' tables in <details>"
    for index in range(summaries.count()):
        summaries.nth(index).click()
    expect(view.locator("details:not([open])")).to_have_count(0)
    for index in range(summaries.count()):
        expect(view.locator("details table").nth(index)).to_be_visible()
    check_guide_with_axe(view, "history.html with its tables open")


@pytest.mark.parametrize("path", ["es/uses/chronic-migraine.html", "history.html", "topics.html?topics=frown-lines"])
def test_guide_page_on_a_phone_has_no_serious_accessibility_violations(app_server, page, path):
    view = page("phone")
    open_guide(view, app_server, path)
    check_guide_with_axe(view, path)


@pytest.mark.parametrize("path", ["index.html", "safety.html"])
def test_guide_page_in_a_dark_setting_is_dark_and_has_no_serious_accessibility_violations(app_server, page, path):
    view = page("desktop")
    view.emulate_media(color_scheme="dark")
    open_guide(view, app_server, path)
    assert max(rgb(view.evaluate(_BACKGROUND_JS))) < 60, f"{path} is not dark in a dark setting"
    check_guide_with_axe(view, f"{path} (dark)")


# --- 2. on a phone: fits, readable, no script, no error -------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE)
def test_guide_page_on_a_phone_fits_reads_and_runs_nothing(app_server, page, path):
    view = page("phone")
    view.add_init_script(_RECORD_CSP_VIOLATIONS_JS)
    csp_messages: list[str] = []
    view.on(
        "console",
        lambda message: csp_messages.append(message.text) if "Content Security Policy" in message.text else None,
    )
    requests = []
    view.on("request", lambda request: requests.append(request))  # Playwright takes no built-in method
    failed: list[str] = []
    view.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
    view.on(
        "response",
        lambda response: failed.append(f"{response.url} ({response.status})") if response.status >= 400 else None,
    )
    open_guide(view, app_server, path)

    assert view.evaluate("() => document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content"), (
        f"{path} carries no Content-Security-Policy"
    )
    width = view.evaluate("() => document.scrollingElement.scrollWidth")
    client = view.evaluate("() => document.scrollingElement.clientWidth")
    assert width <= client + OVERFLOW_TOLERANCE_PX, f"{path} scrolls sideways on a phone: {width} > {client} px"
    font_size = float(view.evaluate("() => getComputedStyle(document.body).fontSize").removesuffix("px"))
    assert font_size >= MIN_BODY_FONT_PX, f"{path}: the body's text is {font_size}px on a phone"

    origin = app_server.rstrip("/")
    # Chromium fetches the page's icon (its <link rel=icon>) as a request of type "other".
    icon = view.evaluate("() => document.querySelector('link[rel=icon]')?.href")
    unexpected = [
        f"{request.resource_type} {request.url}"
        for request in requests
        if not request.url.startswith(origin + "/")
        or (request.resource_type not in ALLOWED_RESOURCES and request.url != icon)
    ]
    assert unexpected == [], f"{path} requested more than its page, stylesheet and pictures: {unexpected}"
    assert [request.resource_type for request in requests].count("stylesheet") == 1
    # A data block (the structured data for search engines) is the only kind of <script> a guide page may hold.
    runnable = view.evaluate(
        "() => [...document.scripts].filter(s => s.type !== 'application/ld+json').map(s => s.outerHTML.slice(0, 80))"
    )
    assert runnable == [], f"{path} holds scripts: {runnable}"
    assert failed == [], f"{path}: requests that failed: {failed}"
    assert view.console_errors == [] and view.ignored_errors == [], (
        f"{path}: console errors: {view.console_errors + view.ignored_errors}"
    )
    violations = view.evaluate("() => window.__cspViolations")
    assert violations == [] and csp_messages == [], f"{path}: CSP violations: {violations + csp_messages}"


# --- 3. pictures ----------------------------------------------------------------------------------------------


def test_every_picture_on_the_guide_pages_is_drawn(app_server, page):
    view = page("desktop")
    seen = 0
    for path in SAMPLE + WITH_FIGURES:
        open_guide(view, app_server, path)
        pictures = view.evaluate(_PICTURES_JS)
        broken = [p["src"] for p in pictures if not (p["complete"] and p["width"] > 0)]
        assert broken == [], f"pictures on {path} not drawn: {broken}"
        unnamed = [p["src"] for p in pictures if not (p["alt"] or "").strip()]
        assert unnamed == [], f"pictures on {path} without a text alternative: {unnamed}"
        seen += len(pictures)
    assert seen >= 5, f"only {seen} pictures on the sample pages: the figures are missing"


# --- 4. on paper ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["uses/chronic-migraine.html", "es/safety.html"])
def test_guide_page_on_paper_shows_the_reminder_without_navigation_or_dashboard_button(app_server, page, path):
    view = page("desktop")
    open_guide(view, app_server, path)
    navigation = view.locator("header nav")
    dashboard = view.locator("main .dashboard a, footer a")
    reminder = view.locator("footer .reminder")
    expect(navigation).to_be_visible()
    assert dashboard.count() == 2, "a page has a dashboard button under its title and a dashboard link in its footer"
    for index in range(dashboard.count()):
        expect(dashboard.nth(index)).to_be_visible()
    expect(reminder).to_be_visible()

    view.emulate_media(media="print")
    expect(navigation).to_be_hidden()
    for index in range(dashboard.count()):
        expect(dashboard.nth(index)).to_be_hidden()
    expect(reminder).to_be_visible()
    expect(reminder).not_to_have_text("")
    expect(view.locator("h1")).to_be_visible()


def test_guide_history_on_paper_prints_its_figures_tables(app_server, page):
    view = page("desktop")
    open_guide(view, app_server, "history.html")
    tables = view.locator("details .table")
    assert tables.count() >= 2
    view.emulate_media(media="print")
    for index in range(tables.count()):
        expect(tables.nth(index)).to_be_visible(timeout=1000)
