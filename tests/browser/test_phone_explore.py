"""Explore on a 390 px phone: Read more shows the detail where the patient looks, with focus on it; closing it goes
back to the card; the browser's Back and Forward walk the filters and the opened use, and the page follows."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from .helpers import assert_healthy, open_page, rerun, url_has, url_lacks

DETAIL = "h2#use-detail"
NO_DETAIL = f"!document.querySelector({DETAIL!r})"


def query(view) -> dict[str, list[str]]:
    return parse_qs(urlsplit(view.url).query)


def pill(view, group: str, label: str):
    """The chip ``label`` in the chip group labelled ``group``."""
    chips = view.locator('[data-testid="stButtonGroup"]').filter(
        has=view.locator('[data-testid="stWidgetLabel"]', has_text=group))
    return chips.get_by_role("button", name=label, exact=True)


def read_more(view, use_id: str):
    """The card's Read more button (Streamlit also draws a hidden copy)."""
    return view.locator(f".st-key-open-{use_id} button").filter(visible=True)


def focused_id(view) -> str:
    return view.evaluate("() => document.activeElement && document.activeElement.id")


def test_read_more_brings_the_detail_into_view_with_focus_and_closing_returns_to_the_card(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/explore")
    cards = view.locator('[class*="st-key-open-"]')
    fourth = next(name[len("st-key-open-"):] for name in cards.nth(3).get_attribute("class").split()
                  if name.startswith("st-key-open-"))
    button = read_more(view, fourth)
    assert button.evaluate("b => b.getBoundingClientRect().top") > 844, "the fourth card is below the first screen"
    button.scroll_into_view_if_needed()

    rerun(view, button.click, until=f"document.activeElement && document.activeElement.matches({DETAIL!r})")
    heading = view.locator(DETAIL)
    expect(heading).to_be_in_viewport()
    expect(heading).to_be_focused()
    assert query(view)["use"] == [fourth]

    back = view.get_by_role("button", name="Back to all uses")
    back.scroll_into_view_if_needed()
    rerun(view, back.click, until=f"{NO_DETAIL} && document.activeElement && document.activeElement.closest("
                                  f"'.st-key-open-{fourth}') !== null")
    expect(read_more(view, fourth)).to_be_in_viewport()
    expect(read_more(view, fourth)).to_be_focused()
    assert_healthy(view)


def test_back_and_forward_walk_the_filters_and_the_opened_use(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/explore")
    cosmetic, approved = pill(view, "Category", "Cosmetic"), pill(view, "Status in the US", "FDA-approved")
    rerun(view, cosmetic.click, until=url_has("category", "cosmetic"))
    rerun(view, approved.click, until=url_has("status", "approved"))
    first = view.locator('[class*="st-key-open-"] button').filter(visible=True).first
    rerun(view, first.click, until=url_has("use"))
    opened = query(view)["use"]

    rerun(view, view.go_back, until=f"{url_lacks('use')} && {NO_DETAIL}")
    expect(approved).to_have_attribute("aria-pressed", "true")
    rerun(view, view.go_back, until=url_lacks("status"))
    expect(approved).to_have_attribute("aria-pressed", "false")
    expect(cosmetic).to_have_attribute("aria-pressed", "true")
    rerun(view, view.go_back, until=url_lacks("category"))
    expect(cosmetic).to_have_attribute("aria-pressed", "false")
    assert set(query(view)) == {"lang"}, "the page follows the address; it does not write its old view back"

    rerun(view, view.go_forward, until=url_has("category", "cosmetic"))
    expect(cosmetic).to_have_attribute("aria-pressed", "true")
    rerun(view, view.go_forward, until=url_has("status", "approved"))
    rerun(view, view.go_forward, until=f"{url_has('use')} && !{NO_DETAIL}")
    assert query(view)["use"] == opened
    assert query(view)["category"] == ["cosmetic"] and query(view)["status"] == ["approved"]
    assert_healthy(view)
