"""What only a browser shows of the decision aids: a fact box's icon arrays drawn whole on a phone, inside the
screen, with their text alternatives; the worksheet's ticks kept out of every address and in the downloaded notes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from botox_explorer.content import load_content
from botox_explorer.icon_array import fact_box_chart

from .helpers import assert_healthy, open_page, record_addresses, rerun, screenshot

pytestmark = pytest.mark.browser
CONTENT = load_content()


def test_a_fact_box_draws_its_arrays_within_a_phones_screen(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/explore?use=frown-lines")
    box = CONTENT.fact_boxes_for("frown-lines")[0]
    for _, alt in fact_box_chart(box, CONTENT).panels:
        picture = view.locator(f'img[alt="{" ".join(alt.split())}"]')
        expect(picture).to_have_count(1)
        picture.scroll_into_view_if_needed()
        assert picture.evaluate("p => p.complete && p.naturalWidth > 0"), alt
        frame = picture.bounding_box()
        assert frame["x"] >= 0 and frame["x"] + frame["width"] <= 390, frame  # no sideways scrolling
    assert view.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(view, "fact-box-phone")
    assert_healthy(view)


def test_the_worksheet_stays_out_of_every_address_and_reaches_the_notes(app_server, page):
    view = page("desktop")
    addresses = record_addresses(view)
    open_page(view, app_server, "/before_your_visit")
    view.get_by_role("button", name="Help me decide").click()
    matters = CONTENT.decision_aid.matters[0]
    chip = view.locator('[data-testid="stPopoverBody"] [data-testid="stButtonGroup"]').get_by_role(
        "button", name=matters.text["en"], exact=True)
    rerun(view, chip.click, until="document.querySelector('[data-testid=\"stPopoverBody\"] [aria-pressed=\"true\"]')")
    expect(chip).to_have_attribute("aria-pressed", "true")
    view.keyboard.press("Escape")
    view.get_by_role("button", name="Download or print (0 chosen)").click()
    with view.expect_download() as download:
        view.get_by_role("button", name="Download my questions").click()
    notes = " ".join(Path(download.value.path()).read_text(encoding="utf-8").split())
    assert f"What matters to me: {matters.text['en']}." in notes
    leaked = [url for url in addresses if matters.id in url or "matters" in url or "leaning" in url]
    assert not leaked, f"a choice reached an address: {leaked}"
    assert all(urlsplit(url).query in ("", "lang=en") for url in addresses if "/before_your_visit" in url)
    assert_healthy(view)
