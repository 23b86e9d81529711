"""Every page on a laptop and on a phone: healthy, charts drawn, the reminder shown, no sideways scrolling."""

from __future__ import annotations

import pytest

from .helpers import assert_healthy, open_page, reminder_alert, screenshot

pytestmark = pytest.mark.browser

# (screenshot name, path) for every page st.navigation registers in app.py.
PAGES = [
    ("home", "/"),
    ("explore", "/explore"),
    ("how_it_works", "/how_it_works"),
    ("history", "/history"),
    ("safety", "/safety"),
    ("glossary", "/glossary"),
    ("before_your_visit", "/before_your_visit"),
    ("locations", "/locations"),
    ("consultation", "/consultation"),
]
# Sub-pixel rounding of Streamlit's layout may add a pixel or two; anything wider scrolls sideways.
OVERFLOW_TOLERANCE_PX = 2

# The widest scrollable thing: the document itself, and Streamlit's own scrolling containers (the app scrolls
# inside [data-testid=stMain], so a too-wide child may widen that container rather than the document).
_OVERFLOW_JS = """() => {
  const widths = {document: document.documentElement.scrollWidth};
  for (const id of ['stAppViewContainer', 'stMain', 'stMainBlockContainer']) {
    const element = document.querySelector(`[data-testid="${id}"]`);
    if (element) widths[id] = element.scrollWidth;
  }
  return widths;
}"""

# Elements whose right edge lies beyond the viewport (for the failure message).
_WIDE_ELEMENTS_JS = """(limit) => {
  const wide = [];
  for (const element of document.querySelectorAll('[data-testid="stMain"] *')) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > limit) {
      const id = element.getAttribute('data-testid') || element.tagName.toLowerCase();
      wide.push(`${id} right=${Math.round(box.right)} width=${Math.round(box.width)}`);
    }
  }
  return wide.slice(0, 15);
}"""


# The charts among the pictures (drawings and the QR code are not charts): a chart is drawn with text, in the
# font the package's Drawing sets; a chart of several pictures (the face and the body) counts once, by its title.
_CHARTS_JS = """() => [...new Set(
  [...document.querySelectorAll('[data-testid="stMain"] img[src^="data:image/svg+xml"]')]
  .map(p => new TextDecoder().decode(Uint8Array.from(atob(p.src.split(',')[1]), c => c.charCodeAt(0))))
  .filter(svg => svg.includes('font-family='))
  .map(svg => svg.match(/<title>([^<:]*)/)[1]))]"""


# Pills and segmented controls whose options do not all fit: Streamlit then keeps them on one row that scrolls
# sideways with no visible scrollbar, so the last options are cut off (fixed with st.pills(..., wrap=True)).
_CLIPPED_OPTION_GROUPS_JS = """() => [...document.querySelectorAll('[data-testid="stButtonGroup"]')]
  .filter(group => [...group.querySelectorAll('*')].some(e => e.scrollWidth > e.clientWidth + 1
                                                            && getComputedStyle(e).overflowX !== 'visible'))
  .map(group => group.innerText.replace(/\\s+/g, ' ').trim())"""


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
@pytest.mark.parametrize(("name", "path"), PAGES, ids=[name for name, _ in PAGES])
def test_page_renders_cleanly(app_server, page, name, path, viewport):
    view = page(viewport)
    open_page(view, app_server, path)  # waits until every chart picture has loaded

    assert_healthy(view)
    assert view.locator("h1").first.is_visible()
    pictures = view.locator('[data-testid="stMain"] img[src^="data:image/svg+xml"]')
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        assert picture.evaluate("p => p.naturalWidth") > 0, f"picture {index} on {path} is not drawn"
        assert (picture.get_attribute("alt") or "").strip(), f"picture {index} on {path} has no text alternative"
    charts = view.evaluate(_CHARTS_JS)
    assert view.locator('[data-testid="stPlotlyChart"]').count() == 0, "a page loads the chart library unasked"
    tables = view.locator('[data-testid="stExpander"]').filter(has_text="Show the same information as a table")
    assert tables.count() >= len(charts), f"a chart on {path} has no table with the same information: {charts}"

    clipped = view.evaluate(_CLIPPED_OPTION_GROUPS_JS)
    assert not clipped, f"options cut off (one scrolling row) on {path}: {clipped}"

    reminder = reminder_alert(view)
    assert reminder.count() == 1, f"the consult-a-professional reminder is missing on {path}"
    reminder.scroll_into_view_if_needed()
    assert reminder.is_visible()

    width = view.viewport_size["width"]
    if viewport == "phone":
        widths = view.evaluate(_OVERFLOW_JS)
        too_wide = {where: value for where, value in widths.items() if value > width + OVERFLOW_TOLERANCE_PX}
        assert not too_wide, (
            f"{path} scrolls sideways at {width} px: {too_wide}; "
            f"elements past the right edge: {view.evaluate(_WIDE_ELEMENTS_JS, width + OVERFLOW_TOLERANCE_PX)}"
        )

    screenshot(view, name)
