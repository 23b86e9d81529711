"""Accessibility: axe-core on every page and the main states, with the browser set to light and to dark; serious and
critical violations fail unless Streamlit itself owns them. A chosen chip looks chosen, and the logo's name reads on
either sidebar. See docs/accessibility.md."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence

import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import expect

from botox_explorer.charts import EVENT_KINDS

from .helpers import full_height, open_page, rerun, screenshot, wait_settled

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
    # Plotly's map (MapLibre) draws its "(c) OpenStreetMap contributors" attribution with an un-underlined link.
    ("link-in-text-block", '[data-testid="stPlotlyChart"] .maplibregl-ctrl-attrib'),
]

_INSIDE_JS = """([target, container]) => {
  const node = document.querySelector(target);
  return !!(node && node.closest(container));
}"""

# The page's chips, not the language switch (a button).
MAIN_PILLS = '[data-testid="stMain"] [data-testid="stButtonGroup"]'
CHOSEN = f'{MAIN_PILLS} [aria-pressed="true"]'


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
# The pages whose dark look docs/screenshots shows (History with all its chips chosen).
DARK_SCREENSHOTS = {"/", "/explore", "/how_it_works", "/history", "/consultation"}
# Every check runs with the browser set to light and to dark: the theme follows the visitor's system setting.
SCHEMES = ["light", "dark"]

# The page's background: the theme follows the system, so in a dark setting it must be dark, in a light one light.
_BACKGROUND_JS = """() => getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor"""


def themed_page(page, scheme: str):
    """A desktop page in a browser set to ``scheme`` ("light" or "dark")."""
    return page("desktop", color_scheme=scheme)


def assert_theme(view, scheme: str, label: str) -> None:
    """The page really shows the ``scheme`` theme (a config with only a light theme made the dark check moot)."""
    red, green, blue = (int(v) for v in view.evaluate(_BACKGROUND_JS).removeprefix("rgb(").rstrip(")").split(",")[:3])
    dark = max(red, green, blue) < 60
    assert dark == (scheme == "dark"), f"{label} is not {scheme} in a {scheme} setting: rgb({red}, {green}, {blue})"


def check_in_theme(view, scheme: str, label: str) -> None:
    """axe on the page as it is, after checking that it shows the theme asked for."""
    assert_theme(view, scheme, label)
    check_with_axe(view, f"{label} ({scheme})")


_DARK_JS = f"""() => Math.max(...({_BACKGROUND_JS})().match(/\\d+/g).slice(0, 3).map(Number)) < 60"""


def check_in_both_themes(view, label: str, dark_screenshot: str | None = None) -> None:
    """axe on the page in the light theme, then again once the browser is set to dark: Streamlit follows the
    system's setting as it changes, so one visit checks both (the page and its state loaded once)."""
    check_in_theme(view, "light", label)
    view.emulate_media(color_scheme="dark")
    view.wait_for_function(_DARK_JS)
    wait_settled(view)
    check_in_theme(view, "dark", label)
    if dark_screenshot:
        screenshot(view, dark_screenshot)


def chosen_chips(view) -> list[str]:
    """The labels of the page's chosen chips."""
    return [label.strip() for label in view.locator(CHOSEN).all_inner_texts()]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_serious_accessibility_violations(app_server, page, path):
    view = themed_page(page, "light")
    open_page(view, app_server, path)
    check_in_both_themes(view, path, "dark-" + (path.strip("/") or "home") if path in DARK_SCREENSHOTS else None)


@pytest.mark.parametrize(
    ("path", "chosen"),
    [
        ("/history", len(EVENT_KINDS)),  # every kind of event chosen, as the page opens
        ("/explore?category=medical&status=approved&area=forehead&area=underarms", 4),  # filters and areas chosen
        ("/explore?category=psychological&use=depression", 1),  # the explorer with a filter chosen and a use open
        ("/explore?q=zzqx", 0),  # a search that finds nothing: its warning box
        (CONSULTATION + "&area=forehead", 3),  # the consultation builder with two concerns and an area chosen
        (CONSULTATION + "&present=1&step=2", 0),  # the presenter view, second step
    ],
)
def test_state_has_no_serious_accessibility_violations(app_server, page, path, chosen):
    view = themed_page(page, "light")
    open_page(view, app_server, path)
    assert len(chosen_chips(view)) == chosen, f"chips chosen on {path}: {chosen_chips(view)}"
    check_in_both_themes(view, path)


def test_history_with_one_kind_has_no_serious_accessibility_violations(app_server, page):
    view = themed_page(page, "light")
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
    assert chosen_chips(view) == [labels[0].strip()]
    check_in_both_themes(view, f"/history showing only {labels[0].strip()!r}")


def test_before_your_visit_with_chips_chosen_has_no_serious_accessibility_violations(app_server, page):
    view = themed_page(page, "light")
    open_page(view, app_server, "/before_your_visit")
    for count in (1, 2):  # the first chip of the first two sections
        chip = view.locator(MAIN_PILLS).nth(count - 1).get_by_role("button").first
        rerun(view, chip.click, until=f"document.querySelectorAll({json.dumps(CHOSEN)}).length === {count}")
    assert len(chosen_chips(view)) == 2
    check_in_both_themes(view, "/before_your_visit with two chips chosen", "dark-before_your_visit-chosen")


def test_open_word_meanings_and_the_phone_code_have_no_serious_accessibility_violations(app_server, page):
    view = themed_page(page, "light")
    open_page(view, app_server, "/how_it_works")
    view.locator('[data-testid="stPopover"] button').filter(has_text="Meaning of:").first.click()
    expect(view.locator('[data-testid="stPopoverBody"]')).to_be_visible()
    check_in_both_themes(view, "/how_it_works with a word's meaning open")
    expect(view.locator('[data-testid="stPopoverBody"]')).to_be_visible()  # checked open in both themes
    view.emulate_media(color_scheme="light")
    open_page(view, app_server, CONSULTATION + "&present=1")
    view.locator('[data-testid="stPopover"] button').filter(has_text="On your phone").click()
    expect(view.locator('[data-testid="stPopoverBody"] img[alt^="QR code"]')).to_be_visible()
    check_in_both_themes(view, "the presenter view with the phone code open")
    expect(view.locator('[data-testid="stPopoverBody"] img[alt^="QR code"]')).to_be_visible()


# The wordmark's part of the logo, as fractions of its box: right of the round symbol, clear of the plate's ends.
WORDMARK_BOX = (0.25, 0.25, 0.9, 0.75)


def relative_luminance(rgb: Sequence[float]) -> float:
    """WCAG 2's relative luminance of an sRGB color."""
    def linear(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(value) for value in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(one: Sequence[float], other: Sequence[float]) -> float:
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_the_logos_wordmark_reads_on_the_sidebar(app_server, page, scheme):
    """The logo as the visitor sees it on the sidebar (its picture over the sidebar's background): in the wordmark's
    part, the ink that stands out most from the most common color (what the letters stand on) reaches 4.5:1."""
    view = themed_page(page, scheme)
    open_page(view, app_server, "/")
    assert_theme(view, scheme, "/")
    logo = view.locator('[data-testid="stSidebar"] img[data-testid="stSidebarLogo"]')
    expect(logo).to_be_visible()
    shot = Image.open(io.BytesIO(logo.screenshot())).convert("RGB")
    left, top, right, bottom = WORDMARK_BOX
    wordmark = shot.crop((round(shot.width * left), round(shot.height * top),
                          round(shot.width * right), round(shot.height * bottom)))
    colors = wordmark.getcolors(wordmark.width * wordmark.height)  # (count, color) for each color
    ground = max(colors)[1]
    ratio = max(contrast_ratio(color, ground) for _, color in colors)
    assert ratio >= 4.5, f"the logo's wordmark is {ratio:.2f}:1 on {ground} on the {scheme} sidebar"


# An element's text color and the color it stands on, as painted: its own background and its ancestors', blended
# down to the first opaque one; and the page's background. [r, g, b] each.
_PAINTED_JS = """(element) => {
  const parse = (c) => { const p = c.match(/[\\d.]+/g).map(Number); return p.length > 3 ? p : [...p, 1]; };
  const over = (top, under) => [0, 1, 2].map(i => top[i] * top[3] + under[i] * (1 - top[3])).concat([1]);
  const layers = [];
  for (let node = element; node; node = node.parentElement) {
    const color = parse(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  const ground = layers.reverse().reduce((under, top) => over(top, under), [255, 255, 255, 1]);
  const text = over(parse(getComputedStyle(element.querySelector('p') || element).color), ground);
  const app = parse(getComputedStyle(document.querySelector('[data-testid="stApp"]')).backgroundColor);
  return {text: text.slice(0, 3), ground: ground.slice(0, 3), page: app.slice(0, 3)};
}"""


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_chosen_chip_is_filled_and_reads_at_rest_and_under_the_pointer(app_server, page, scheme):
    """A chosen chip must look chosen, not disabled: filled (its fill 3:1 from the page, WCAG 1.4.11) where an
    unchosen one is not, with its words at 4.5:1 on the fill, also under the pointer (Streamlit changes its fill)."""
    view = themed_page(page, scheme)
    open_page(view, app_server, "/explore?category=medical")
    assert_theme(view, scheme, "/explore")
    chosen = view.locator(CHOSEN)
    expect(chosen).to_have_count(1)
    unchosen = view.locator(f'{MAIN_PILLS} [aria-pressed="false"]').first
    rest, other = chosen.evaluate(_PAINTED_JS), unchosen.evaluate(_PAINTED_JS)
    assert contrast_ratio(rest["ground"], rest["page"]) >= 3, f"a chosen chip is not filled on {scheme}: {rest}"
    assert contrast_ratio(other["ground"], other["page"]) < 1.5, f"an unchosen chip is filled too on {scheme}: {other}"
    chosen.hover()
    expect(chosen).to_have_attribute("data-hovered", "true")
    hovered = chosen.evaluate(_PAINTED_JS)
    for state, painted in (("at rest", rest), ("under the pointer", hovered)):
        ratio = contrast_ratio(painted["text"], painted["ground"])
        assert ratio >= 4.5, f"a chosen chip's words {state} on {scheme}: {ratio:.2f}:1 ({painted})"
