"""Accessibility: axe-core on every page and the main states; serious and critical violations fail unless
Streamlit itself owns them. See docs/accessibility.md."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .helpers import full_height, open_page, screenshot, wait_settled

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}

# Violations caused by Streamlit's own markup, which the project cannot change: (axe rule id, CSS selector of the
# framework-owned container the offending node sits in or is). Never add the project's own content here.
FRAMEWORK_OWNED = [
    # Streamlit 1.67's sidebar navigation with sections (st.navigation({"Learn": [...]}), 2+ pages) wraps each
    # section's header and <li> items in a <div> directly inside <ul data-testid="stSidebarNavItems">.
    ("list", '[data-testid="stSidebarNavItems"]'),
    # ... and therefore those <li> have no <ul>/<ol> parent.
    ("listitem", '[data-testid="stSidebarNav"]'),
    # st.button(shortcut=...) draws the key as a <kbd> hint in a faded color (on the primary button: #a5c5c9 on
    # #1f6f78, 3.2:1). The button's own label carries the name.
    ("color-contrast", '[data-testid="stButton"] kbd[aria-label^="Shortcut"]'),
    # Plotly's map (MapLibre) draws its "(c) OpenStreetMap contributors" attribution with an un-underlined link.
    ("link-in-text-block", '[data-testid="stPlotlyChart"] .maplibregl-ctrl-attrib'),
]

_INSIDE_JS = """([target, container]) => {
  const node = document.querySelector(target);
  return !!(node && node.closest(container));
}"""

# The page's chips, not the language switch (a button).
MAIN_PILLS = '[data-testid="stMain"] [data-testid="stButtonGroup"]'


def framework_owned(page, rule: str, node: dict) -> bool:
    targets = node["target"]
    if len(targets) != 1 or not isinstance(targets[0], str):  # inside an iframe or a shadow root: not Streamlit's
        return False
    return any(
        rule == allowed_rule and page.evaluate(_INSIDE_JS, [targets[0], container])
        for allowed_rule, container in FRAMEWORK_OWNED
    )


def describe(violation: dict, node: dict) -> str:
    html = " ".join(node["html"].split())[:160]
    return f"{violation['id']} ({violation['impact']}) {', '.join(map(str, node['target']))}: {html}"


def check_with_axe(page, label: str) -> None:
    """Run axe on the page as it is; fail on serious/critical violations the project owns; print the rest."""
    # axe can only check the colors of text it can see: with the viewport as tall as the content, it sees all.
    with full_height(page):
        results = Axe().run(page)
    blocking, allowed, other = [], [], []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            line = describe(violation, node)
            if violation["impact"] not in BLOCKING_IMPACTS:
                other.append(line)
            elif framework_owned(page, violation["id"], node):
                allowed.append(line)
            else:
                blocking.append(line)
    print(f"\naxe on {label} at 1280x800")
    for title, lines in (("blocking", blocking), ("allow-listed (Streamlit)", allowed), ("moderate/minor", other)):
        print(f"  {title}: {len(lines)}")
        for line in lines:
            print(f"    - {line}")
    assert not blocking, f"serious/critical accessibility violations on {label}:\n" + "\n".join(blocking)


PAGES = ["/", "/explore", "/how_it_works", "/history", "/safety", "/glossary", "/before_your_visit", "/locations",
         "/consultation"]
CONSULTATION = "/consultation?topics=chronic-migraine,underarm-sweating"


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(app_server, page, path):
    view = page("desktop")
    open_page(view, app_server, path)
    check_with_axe(view, path)


@pytest.mark.parametrize(
    "path",
    [
        "/explore?category=psychological&use=depression",  # the explorer with a use open
        CONSULTATION,  # the consultation builder with two concerns
        CONSULTATION + "&present=1&step=2",  # the presenter view, second step
    ],
)
def test_state_has_no_serious_accessibility_violations(app_server, page, path):
    view = page("desktop")
    open_page(view, app_server, path)
    check_with_axe(view, path)


def test_history_with_one_kind_has_no_serious_accessibility_violations(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/history")
    pills = view.locator(MAIN_PILLS).first.get_by_role("button")
    labels = pills.all_inner_texts()
    timeline = view.locator('[data-testid="stMain"] img[src^="data:image/svg+xml"]').first
    for label in labels[1:]:  # keep only the first kind
        pill = view.locator(MAIN_PILLS).first.get_by_role("button", name=label.strip())
        before = timeline.get_attribute("alt")
        pill.click()
        # These pills leave the URL alone, so the rerun shows in what it redraws: the timeline's alt text counts
        # the events shown.
        expect(timeline).not_to_have_attribute("alt", before)
        wait_settled(view)
    pressed = view.locator(MAIN_PILLS).first.locator('[aria-pressed="true"]')
    assert pressed.all_inner_texts() == [labels[0]]
    check_with_axe(view, f"/history showing only {labels[0].strip()!r}")


def test_open_word_meanings_and_the_phone_code_have_no_serious_accessibility_violations(app_server, page):
    view = page("desktop")
    open_page(view, app_server, "/how_it_works")
    view.locator('[data-testid="stPopover"] button').filter(has_text="Meaning of:").first.click()
    expect(view.locator('[data-testid="stPopoverBody"]')).to_be_visible()
    check_with_axe(view, "/how_it_works with a word's meaning open")
    open_page(view, app_server, CONSULTATION + "&present=1")
    view.locator('[data-testid="stPopover"] button').filter(has_text="On your phone").click()
    expect(view.locator('[data-testid="stPopoverBody"] img[alt^="QR code"]')).to_be_visible()
    check_with_axe(view, "the presenter view with the phone code open")


# The page's background in the visitor's dark setting: the theme follows the system, so it must be dark.
_BACKGROUND_JS = """() => getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor"""


@pytest.mark.parametrize("path", ["/", "/explore", "/how_it_works", "/consultation"])
def test_in_a_dark_setting_the_pages_are_dark_and_have_no_serious_violations(app_server, page, path):
    view = page("desktop")
    view.emulate_media(color_scheme="dark")
    open_page(view, app_server, path)
    red, green, blue = (int(v) for v in view.evaluate(_BACKGROUND_JS).removeprefix("rgb(").rstrip(")").split(",")[:3])
    assert max(red, green, blue) < 60, f"{path} is not dark in a dark setting: rgb({red}, {green}, {blue})"
    check_with_axe(view, f"{path} (dark)")
    screenshot(view, "dark-" + (path.strip("/") or "home"))
