"""What patients and staff do: filter and read, follow a shared link, run a consultation, use only a keyboard."""

from __future__ import annotations

import io
import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from botox_explorer.models import text_in
from botox_explorer.presenting import short_name
from botox_explorer.ui.explorer import PAGE_SIZE

from .helpers import (
    assert_healthy,
    clicker_next,
    focus_ring,
    open_page,
    registered_page_count,
    reminder_alert,
    rerun,
    text_shown,
    url_has,
    url_lacks,
    wait_settled,
)

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _content(real_content):
    """The tests below read the real content as CONTENT, loaded once by a fixture (not at collection)."""
    global CONTENT
    CONTENT = real_content


def use_id_named(name: str) -> str:
    return next(use_id for use_id, use in CONTENT.uses.items() if text_in(use.name) == name)


CARD_CAPTION = re.compile(r"^(Cosmetic|Medical|Psychological) use$")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def card_captions(page):
    """The "<Category> use" line of every card shown (the detail view has none)."""
    return page.locator('[data-testid="stMarkdownContainer"] p').filter(has_text=CARD_CAPTION)


def expected_cards(count: int) -> int:
    """Cards shown for ``count`` matching uses: the explorer shows a page of them, then "Show more uses"."""
    return min(count, PAGE_SIZE)


def assert_shown_count(page, count: int) -> None:
    expect(page.get_by_text(f"{count} of {len(CONTENT.uses)} uses shown", exact=True)).to_be_visible()


def category_pill(page, label: str):
    group = page.locator('[data-testid="stButtonGroup"]').filter(
        has=page.locator('[data-testid="stWidgetLabel"]', has_text="Category")
    )
    return group.get_by_role("button", name=label, exact=True)


def detail(page):
    """The open detail of a use: the bordered box that holds the #use-detail header."""
    return page.locator('[data-testid="stVerticalBlock"]').filter(has=page.locator("h2#use-detail")).last


# --- a. filter and open ---------------------------------------------------------------------------------------


def test_patient_filters_to_medical_uses_and_opens_one(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/explore")
    assert_shown_count(view, len(CONTENT.uses))
    expect(card_captions(view)).to_have_count(expected_cards(len(CONTENT.uses)))

    medical = category_pill(view, "Medical")
    rerun(view, medical.click, until=url_has("category", "medical"))
    expect(medical).to_have_attribute("aria-pressed", "true")
    captions = card_captions(view)
    medical_count = sum(1 for use in CONTENT.uses.values() if use.category == "medical")
    assert 0 < medical_count < len(CONTENT.uses)
    assert_shown_count(view, medical_count)
    expect(captions).to_have_count(expected_cards(medical_count))
    assert set(captions.all_inner_texts()) == {"Medical use"}
    assert query(view)["category"] == ["medical"]

    first_card_name = view.locator('[data-testid="stMarkdownContainer"] h3').first.inner_text().strip()
    rerun(view, lambda: view.get_by_role("button", name="Read more").first.click(),
          until=text_shown("h2#use-detail", first_card_name))
    header = view.locator("h2#use-detail")
    expect(header).to_be_visible()
    expect(header).to_have_text(first_card_name)
    expect(view.get_by_role("heading", name="How strong is the evidence?")).to_be_visible()
    params = query(view)
    assert params["category"] == ["medical"]
    assert params["use"] == [use_id_named(first_card_name)]
    assert_healthy(view)


# --- b. a shared link -----------------------------------------------------------------------------------------

DEEP_LINK = "/explore?category=psychological&use=depression"


def assert_deep_link_view(view) -> None:
    assert_healthy(view)
    assert view.locator('[role="dialog"]').count() == 0, "a dialog (Page not found?) is open"
    # the frame: logo and the sidebar navigation with every page
    expect(view.locator('[data-testid="stSidebarLogo"]')).to_be_visible()
    links = view.locator('[data-testid="stSidebarNav"] a[data-testid="stSidebarNavLink"]')
    expect(links).to_have_count(registered_page_count())
    expect(view.locator('[data-testid="stSidebarNav"] a[aria-current="page"]')).to_contain_text("Explore uses")
    expect(reminder_alert(view)).to_have_count(1)
    # the view: the detail of the use, and only psychological cards
    expect(view.locator("h2#use-detail")).to_have_text(text_in(CONTENT.uses["depression"].name))
    expect(view.get_by_role("heading", name="How strong is the evidence?")).to_be_visible()
    psychological = sum(1 for use in CONTENT.uses.values() if use.category == "psychological")
    captions = card_captions(view)
    assert_shown_count(view, psychological)
    expect(captions).to_have_count(expected_cards(psychological))
    assert set(captions.all_inner_texts()) == {"Psychological use"}
    expect(category_pill(view, "Psychological")).to_have_attribute("aria-pressed", "true")
    params = query(view)
    assert params.get("category") == ["psychological"] and params.get("use") == ["depression"], view.url


def test_deep_link_reproduces_the_view(app_server, page):
    view = page("desktop")
    open_page(view, app_server, DEEP_LINK)
    assert_deep_link_view(view)


def test_deep_link_as_the_first_request_to_a_fresh_server(fresh_server, page):
    base_url = fresh_server()  # only the health check has reached it
    view = page("desktop")
    open_page(view, base_url, DEEP_LINK, timeout=60_000)
    assert_deep_link_view(view)


def test_a_deep_link_asks_its_own_server_at_once_and_nobody_else(app_server, page):
    """No probe of /explore/_stcore/health first (the launcher's page says where the server is), and no
    request leaves the clinic's server (the tab icon is served locally, not fetched from Google)."""
    view = page("desktop")
    requested: list[str] = []
    view.on("request", lambda request: requested.append(request.url))
    open_page(view, app_server, DEEP_LINK)
    assert_deep_link_view(view)
    assert f"{app_server}/_stcore/health" in requested
    assert [url for url in requested if "/explore/_stcore/" in url] == []
    elsewhere = [url for url in requested if urlsplit(url).scheme in ("http", "https") and
                 not url.startswith(app_server)]
    assert elsewhere == []


# --- c. a consultation ----------------------------------------------------------------------------------------

CONCERNS = ["chronic-migraine", "underarm-sweating"]
FIRST_NAME = "Zephyrine"
# Every address the page has had: Streamlit changes it with history.pushState / replaceState.
_RECORD_URLS_JS = """
window.__urls = [location.href];
for (const name of ['pushState', 'replaceState']) {
  const original = history[name].bind(history);
  history[name] = (state, title, url) => {
    const result = original(state, title, url);
    window.__urls.push(location.href);
    return result;
  };
}
"""


def choose_concern(view, use_id: str) -> None:
    """Tap the concern's chip in its category's group (medical concerns here)."""
    chip = view.locator('[data-testid="stButtonGroup"]').filter(
        has=view.locator('[data-testid="stWidgetLabel"]', has_text="Medical concerns")
    ).get_by_role("button", name=short_name(CONTENT.uses[use_id]), exact=True)
    chosen = "(new URLSearchParams(location.search).get('topics') || '').split(',')"
    rerun(view, chip.click, until=f"{chosen}.includes({json.dumps(use_id)})")
    expect(chip).to_have_attribute("aria-pressed", "true")


def step_title(view) -> str:
    return view.locator("h1").first.inner_text().strip()


def test_staff_present_a_consultation_and_hand_over_the_pdf(app_server, page):
    view = page("desktop")
    view.add_init_script(_RECORD_URLS_JS)
    open_page(view, app_server, "/consultation")
    for use_id in CONCERNS:
        choose_concern(view, use_id)
    assert query(view).get("topics") == [",".join(CONCERNS)]

    rerun(view, lambda: view.get_by_role("button", name="Present to the patient").click(),
          until=url_has("present", "1"))
    step = view.locator('[data-testid="stCaptionContainer"]').filter(has_text=re.compile(r"^Step \d+ of \d+"))
    expect(step).to_contain_text("Step 1 of")
    first_title = step_title(view)
    expect(view.get_by_role("button", name="Previous")).to_be_disabled()

    # the Present button is gone: the keys go to the page, as in the consultation room
    clicker_next(view, 2)
    expect(step).to_contain_text("Step 2 of")
    second_title = step_title(view)
    assert second_title and second_title != first_title
    rerun(view, lambda: view.keyboard.press("PageUp"), until=url_has("step", "1"))
    expect(step).to_contain_text("Step 1 of")
    assert step_title(view) == first_title

    rerun(view, lambda: view.get_by_role("button", name="End presentation").click(), until=url_lacks("present"))
    expect(view.locator("h1").first).to_have_text("Consultation")

    name_field = view.get_by_label("Patient's first name (optional, printed only in the PDF)")
    name_field.fill(FIRST_NAME)
    name_field.press("Enter")
    addressed = view.get_by_role("button", name=f"Download the summary for {FIRST_NAME} (PDF)")
    expect(addressed).to_be_visible()
    wait_settled(view)
    with view.expect_download() as download_info:
        addressed.click()
    download = download_info.value
    data = download.path().read_bytes()
    assert data.startswith(b"%PDF"), data[:20]
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
    for name in [*(text_in(CONTENT.uses[use_id].name) for use_id in CONCERNS), FIRST_NAME]:
        assert " ".join(name.split()) in text, f"{name!r} is not in the PDF's text"

    wait_settled(view)
    urls = view.evaluate("() => window.__urls")
    assert len(urls) > 1
    assert not [url for url in [*urls, view.url] if FIRST_NAME.lower() in url.lower()], urls
    assert_healthy(view)


# --- d. the keyboard alone ------------------------------------------------------------------------------------

_FOCUSED_JS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const group = element.closest('[data-testid="stButtonGroup"]');
  const label = group && group.querySelector('[data-testid="stWidgetLabel"]');
  const owner = element.closest('[data-testid]');
  return {
    tag: element.tagName.toLowerCase(),
    testid: element.getAttribute('data-testid'),
    owner: owner ? owner.getAttribute('data-testid') : null,
    text: (element.innerText || element.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ').slice(0, 60),
    group: label ? label.innerText.trim() : null,
  };
}"""
MAX_TABS = 200

# Streamlit's own controls that show focus without an outline or box-shadow (matched by the data-testid of the
# focused element or of its closest element that has one). Never add the project's own markup here.
FRAMEWORK_FOCUS_STYLES = {
    # The sidebar navigation links only get a faint background tint on focus (rgba(151,190,177,0.15)):
    # weak, and reported in docs/accessibility.md.
    "stSidebarNavLink": "background tint",
    # Streamlit makes its scrolling <main> focusable (tabindex=0) so the keyboard can scroll it; no indicator.
    "stMain": "scroll container",
    # BaseWeb inputs (multiselect, text input) show focus as a primary-colored border on their wrapper.
    "stMultiSelectTagsContainer": "border color",
    "stTextInputField": "border color",
}


def tab_until(view, wanted, seen: list[str], missing_ring: list[str]) -> dict:
    """Press Tab until ``wanted(focused)`` holds; check that every stop shows focus."""
    for _ in range(MAX_TABS):
        view.keyboard.press("Tab")
        focused = view.evaluate(_FOCUSED_JS)
        if focused is None:
            continue
        stop = f"{focused['tag']}[{focused['testid'] or focused['owner']}] {focused['text']!r}"
        seen.append(stop)
        framework_style = FRAMEWORK_FOCUS_STYLES.get(focused["testid"] or focused["owner"])
        if focus_ring(view) is None and framework_style is None:
            missing_ring.append(stop)
        if wanted(focused):
            return focused
    pytest.fail(f"not reached with {MAX_TABS} Tab presses; focus went through:\n" + "\n".join(seen))


def test_the_explorer_works_with_the_keyboard_alone(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/explore")
    seen: list[str] = []
    missing_ring: list[str] = []

    first = tab_until(view, lambda f: f["group"] == "Category", seen, missing_ring)
    assert first["text"] == "Cosmetic"
    # the pills are one tab stop; the arrow keys move between them
    view.keyboard.press("ArrowRight")
    pill_text = view.evaluate("() => document.activeElement.innerText.trim()")
    assert pill_text == "Medical"
    assert focus_ring(view) is not None, "focus not visible on the Medical pill"
    rerun(view, lambda: view.keyboard.press("Space"), until=url_has("category", pill_text.lower()))
    pill = category_pill(view, pill_text)
    expect(pill).to_have_attribute("aria-pressed", "true")
    assert query(view).get("category") == [pill_text.lower()]
    assert set(card_captions(view).all_inner_texts()) == {f"{pill_text} use"}

    # focus stays on the pill after the rerun; go on from there to the first card's button
    card = tab_until(view, lambda f: f["text"] == "Read more", seen, missing_ring)
    assert card["tag"] == "button"
    rerun(view, lambda: view.keyboard.press("Enter"), until=url_has("use"))
    expect(view.locator("h2#use-detail")).to_be_visible()
    expect(view.get_by_role("heading", name="How strong is the evidence?")).to_be_visible()
    assert "use" in query(view)
    assert not missing_ring, "focus not visible on:\n" + "\n".join(missing_ring)
    assert_healthy(view)
