"""English and Spanish: the address names the language, else the browser's; the switch at the top of every page
keeps the view, in sight on a phone; Streamlit's own words (the skip link, screen-reader labels) follow the page."""

from __future__ import annotations

import functools
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from botox_explorer.content import load_content
from botox_explorer.i18n import t
from botox_explorer.models import text_in
from botox_explorer.presenting import short_name

from .helpers import (
    IGNORED_CONSOLE_TEXT,
    VIEWPORTS,
    assert_healthy,
    clicker_next,
    open_page,
    rerun,
    text_shown,
    url_has,
    wait_settled,
)

pytestmark = pytest.mark.browser


@functools.cache
def content():
    """The content of data/, read by the first test that needs it (not at collection)."""
    return load_content()


def es(key: str, **values: object) -> str:
    """The interface text ``key`` in Spanish, as the catalogue words it."""
    return t(key, "es", **values)


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def nav_link(view, title: str):
    return view.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]').filter(
        has=view.get_by_text(title, exact=True))


def language_button(view, name: str):
    """The page's button to another language, named in that language ("English", "Español")."""
    return view.locator('[data-testid="stMain"]').get_by_role("button", name=name, exact=True)


def reminder(view, language: str):
    """The consult-a-professional reminder, as data/site.yaml words it in ``language``."""
    words = " ".join(text_in(content().site.reminder, language).split()[:6])
    return view.locator('[data-testid="stAlert"]').filter(has_text=words)


def assert_spanish_frame(view) -> None:
    """The sidebar navigation, the way back to English and the reminder are in Spanish; the English reminder is gone."""
    for key in ("home", "explore", "how_it_works", "safety", "consultation"):
        expect(nav_link(view, es(f"nav.{key}")).first).to_be_visible()
    expect(nav_link(view, "How it works")).to_have_count(0)
    expect(language_button(view, "English")).to_be_visible()  # the way back, named in its own language
    expect(language_button(view, "Español")).to_have_count(0)
    expect(reminder(view, "es")).to_have_count(1)
    expect(reminder(view, "en")).to_have_count(0)


# --- the address names the language ---------------------------------------------------------------------------


def test_home_in_spanish_from_the_address(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/?lang=es")
    assert es("nav.how_it_works") == "Cómo funciona"
    expect(nav_link(view, "Cómo funciona")).to_have_count(1)
    assert_spanish_frame(view)
    for section in ("learn", "visit"):
        expect(view.locator('[data-testid="stNavSectionHeader"]').filter(has_text=es(f"nav.{section}"))
               ).to_have_count(1)
    # the title area: the name (the same in both), the Spanish tagline, the three places to start
    expect(view.locator("h1").first).to_have_text(text_in(content().site.title, "es"))
    tagline = " ".join(text_in(content().site.tagline, "es").split()[:5])
    expect(view.locator("h3").filter(has_text=tagline)).to_have_count(1)
    for start in ("explore", "how_it_works", "visit"):
        expect(view.get_by_role("button", name=es(f"page.home.start.{start}"), exact=True)).to_be_visible()
    expect(view.get_by_role("button", name="Explore a concern")).to_have_count(0)
    expect(view.get_by_role("heading", name=es("page.home.three_kinds"))).to_be_visible()
    assert query(view).get("lang") == ["es"]
    expect(view.locator("html")).to_have_attribute("lang", "es")  # a screen reader reads it as Spanish
    assert_healthy(view)


# --- the browser's language -----------------------------------------------------------------------------------


@pytest.fixture
def spanish_browser_page(browser):
    """A page in a context whose browser language (navigator.language) is Mexican Spanish."""
    width, height = VIEWPORTS["desktop"]
    context = browser.new_context(locale="es-MX", viewport={"width": width, "height": height})
    view = context.new_page()
    view.console_errors = []  # as the ``page`` factory keeps them, for assert_healthy

    def on_console(message) -> None:
        if message.type == "error" and not any(text in message.text for text in IGNORED_CONSOLE_TEXT):
            view.console_errors.append(f"console: {message.text}")

    view.on("console", on_console)
    view.on("pageerror", lambda error: view.console_errors.append(f"pageerror: {error}"))
    yield view
    context.close()


def test_a_spanish_browser_gets_spanish_and_the_address_says_so(app_server, spanish_browser_page):
    view = spanish_browser_page
    assert view.evaluate("() => navigator.language") == "es-MX"
    open_page(view, app_server, "/")
    view.wait_for_function(f"() => {url_has('lang', 'es')}")
    assert_spanish_frame(view)
    expect(view.get_by_role("button", name=es("page.home.start.explore"), exact=True)).to_be_visible()
    assert query(view).get("lang") == ["es"]
    assert_healthy(view)


# --- the switch keeps the view; the session keeps the language --------------------------------------------------


def category_pill(view, label: str):
    return view.locator('[data-testid="stMain"] [data-testid="stButtonGroup"]').get_by_role(
        "button", name=label, exact=True)


def test_switching_to_spanish_keeps_the_page_and_its_filters(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/explore?category=medical&lang=en")
    expect(view.locator("h1").first).to_have_text(t("page.explore.title", "en"))
    expect(category_pill(view, "Medical")).to_have_attribute("aria-pressed", "true")

    rerun(view, language_button(view, "Español").click, until=url_has("lang", "es"))
    expect(view.locator("h1").first).to_have_text(es("page.explore.title"))
    expect(category_pill(view, es("category.medical"))).to_have_attribute("aria-pressed", "true")
    expect(category_pill(view, es("category.cosmetic"))).to_have_attribute("aria-pressed", "false")
    assert_spanish_frame(view)
    params = query(view)
    assert params.get("category") == ["medical"] and params.get("lang") == ["es"], view.url
    assert_healthy(view)


def test_the_language_survives_a_page_switch(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/?lang=es")
    safety = es("nav.safety")
    rerun(view, nav_link(view, safety).click, until=text_shown("h1", safety))
    view.wait_for_function(f"() => location.pathname.endsWith('/safety') && {url_has('lang', 'es')}")
    expect(view.get_by_role("heading", name=es("safety.do_not_treat"))).to_be_visible()
    expect(view.get_by_role("heading", name="Who should not be treated")).to_have_count(0)
    assert_spanish_frame(view)
    assert query(view).get("lang") == ["es"]
    assert_healthy(view)


# --- on a phone: the switch in sight, the sidebar closed, Streamlit's words in the page's language ------------------

PHONE_HEIGHT = VIEWPORTS["phone"][1]
# Streamlit's words, by where they are: (what, its English, the catalogue key of what a Spanish page shows)
STREAMLIT_LABELS = (
    ('[data-testid="stExpandSidebarButton"]', "Expand sidebar", "expand"),
    ('[data-testid="stMainMenuButton"]', "Main menu", "menu"),
    ('[data-testid="stSidebar"]', "Sidebar", "sidebar"),
    ('[data-testid="stSidebarNav"]', "App pages", "pages"),
)


def assert_in_first_screen(view, locator) -> None:
    """Visible, whole, within the phone's first screen (no scrolling, no menu opened)."""
    expect(locator).to_be_in_viewport(ratio=1)
    box = locator.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE_HEIGHT, box


def assert_sidebar_closed(view) -> None:
    """The side menu is collapsed: its open button says so and the menu is out of sight."""
    expect(view.locator('[data-testid="stExpandSidebarButton"]')).to_have_attribute("aria-expanded", "false")
    expect(view.locator('[data-testid="stSidebar"]')).not_to_be_in_viewport()


def assert_streamlit_words(view, language: str) -> None:
    """The page's language, the skip link and Streamlit's labels are in ``language``."""
    expect(view.locator("html")).to_have_attribute("lang", language)
    expect(view.locator('[data-testid="stSkipToContent"]')).to_have_text(t("frame.streamlit.skip", language))
    for selector, english, key in STREAMLIT_LABELS:
        assert t(f"frame.streamlit.{key}", "en") == english  # the catalogue names Streamlit's own words
        expect(view.locator(selector).first).to_have_attribute("aria-label", t(f"frame.streamlit.{key}", language))


@pytest.mark.parametrize("path, kept", [
    ("/", {}),
    ("/explore", {"category": ["medical"], "status": ["approved"]}),
])
def test_on_a_phone_the_switch_is_in_sight_and_keeps_the_page_its_filters_and_the_closed_menu(
        app_server, page, path, kept):
    view = page("phone")
    address = "&".join(f"{name}={values[0]}" for name, values in kept.items())
    open_page(view, app_server, f"{path}?{address}&lang=en" if address else f"{path}?lang=en")
    assert_sidebar_closed(view)
    assert_streamlit_words(view, "en")
    switch = language_button(view, "Español")
    assert_in_first_screen(view, switch)
    expect(view.locator(".st-key-language-es")).to_have_attribute("lang", "es")  # read with Spanish sounds

    rerun(view, switch.click, until=url_has("lang", "es"))
    assert_sidebar_closed(view)  # the page shows; no menu left open over it
    assert urlsplit(view.url).path.rstrip("/") == path.rstrip("/")
    assert query(view) == {**kept, "lang": ["es"]}, view.url
    title = es("page.explore.title") if path == "/explore" else text_in(content().site.title, "es")
    expect(view.locator("h1").first).to_have_text(title)
    assert_streamlit_words(view, "es")
    assert_in_first_screen(view, language_button(view, "English"))
    expect(view.locator(".st-key-language-en")).to_have_attribute("lang", "en")
    assert_healthy(view)


def test_back_in_english_streamlits_words_are_english_again(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/explore?lang=es")
    assert_streamlit_words(view, "es")
    logo_link = view.locator('[data-testid="stToolbar"] [data-testid="stLogoLink"]')  # home, on every page but Home
    expect(logo_link).to_have_attribute("aria-label", es("frame.streamlit.home"))
    rerun(view, language_button(view, "English").click, until=url_has("lang", "en"))
    expect(view.locator("h1").first).to_have_text(t("page.explore.title", "en"))
    assert_streamlit_words(view, "en")
    expect(logo_link).to_have_attribute("aria-label", "Navigate to home page")
    assert_healthy(view)


def test_a_help_label_names_its_control_in_spanish(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/locations?lang=es")
    show_map = es("page.locations.show_map")
    expect(view.get_by_text(show_map, exact=True)).to_be_visible()
    expect(view.locator(f'[aria-label="{es("frame.streamlit.help_for")}{show_map}"]')).to_have_count(1)
    expect(view.locator('[aria-label^="Help"]')).to_have_count(0)


def test_an_unknown_page_says_so_in_spanish(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/no-such-page?lang=es")
    dialog = view.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text(es("frame.streamlit.not_found"))
    expect(dialog).to_contain_text(es("frame.streamlit.not_found_detail"))
    expect(dialog.get_by_role("button", name=es("frame.streamlit.close"), exact=True)).to_be_visible()
    expect(dialog).not_to_contain_text("Running the app")


# --- the consultation in Spanish ----------------------------------------------------------------------------------

CONCERN = "frown-lines"


def test_presenting_in_spanish_keeps_the_language_from_step_to_step(app_server, page):
    assert CONCERN in content().uses
    view = page("desktop")
    open_page(view, app_server, f"/consultation?topics={CONCERN}&present=1&step=1&lang=es")
    expect(view.get_by_role("button", name=es("page.consultation.next"))).to_be_enabled()
    expect(view.get_by_role("button", name=es("page.consultation.previous"))).to_be_disabled()
    expect(view.get_by_role("button", name=es("page.consultation.end"))).to_be_visible()
    expect(language_button(view, "English")).to_have_count(0)  # not on the screen the patient watches
    expect(view.locator("h1").first).to_have_text(es("consultation.steps.concerns"))
    expect(view.locator('[data-testid="stCaptionContainer"]').filter(has_text="Paso 1 de")).to_have_count(1)

    options = es("consultation.steps.options")
    clicker_next(view, 2)
    expect(view.locator("h1").first).to_have_text(options)
    expect(view.locator('[data-testid="stCaptionContainer"]').filter(has_text="Paso 2 de")).to_have_count(1)
    params = query(view)
    assert params.get("lang") == ["es"] and params.get("topics") == [CONCERN], view.url
    assert_healthy(view)


def test_the_take_home_pdf_is_in_spanish(app_server, page):
    view = page("desktop")
    open_page(view, app_server, f"/consultation?topics={CONCERN}&lang=es")
    chip = view.get_by_role("button", name=short_name(content().uses[CONCERN], "es"), exact=True)
    expect(chip).to_have_attribute("aria-pressed", "true")
    button = view.get_by_role("button", name=es("page.consultation.download"))
    expect(button).to_be_visible()
    wait_settled(view)
    with view.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename == es("page.consultation.file")
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF"), data[:20]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
    assert es("pdf.title") == "Resumen de su consulta"
    for words in (es("pdf.title"), es("pdf.what_to_expect"), text_in(content().uses[CONCERN].name, "es")):
        assert " ".join(words.split()) in text, f"{words!r} is not in the PDF's text: {text[:400]!r}"
    assert "What to expect" not in text
    assert_healthy(view)
