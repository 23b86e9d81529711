"""What only a browser shows of the patient's journey: the body map's names laid out at a laptop's and a phone's
width, the drawings with their text alternatives, the visit checklist's ticks kept out of every address, a word's
meaning opened in place, and the presenter's QR code read back by a QR reader."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from botox_explorer.models import text_in

from .helpers import assert_healthy, open_page, record_addresses, rerun, screenshot, url_has

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _content(real_content):
    global CONTENT
    CONTENT = real_content


# Draws a body-map picture into the page at the width its <img> is shown, and measures every name's box, the
# drawing's box and the picture's own box, in screen pixels.
_MEASURE_MAP_JS = """(img) => {
  const svgText = new TextDecoder().decode(Uint8Array.from(atob(img.src.split(',')[1]), c => c.charCodeAt(0)));
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:0;top:0;';
  holder.innerHTML = svgText;
  const svg = holder.querySelector('svg');
  const shown = img.getBoundingClientRect();
  svg.setAttribute('width', shown.width);
  svg.setAttribute('height', shown.height);
  document.body.appendChild(holder);
  const box = e => { const r = e.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right,
                                                                   bottom: r.bottom}; };
  const fontSize = parseFloat(svg.querySelector('g.label text').getAttribute('font-size'));
  const result = {
    picture: box(svg),
    drawing: box(svg.querySelector('svg.figure')),
    labels: [...svg.querySelectorAll('g.label')].map(g => ({name: g.textContent, ...box(g)})),
    fontPx: fontSize * shown.width / parseFloat(svg.getAttribute('viewBox').split(' ')[2]),
  };
  holder.remove();
  return result;
}"""


def overlap(a: dict, b: dict) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_the_body_map_names_overlap_neither_each_other_nor_the_drawing(app_server, page, viewport):
    view = page(viewport)
    open_page(view, app_server, "/explore")
    maps = view.locator('img[alt^="Face and neck:"], img[alt^="Body:"]')
    expect(maps).to_have_count(2)
    names = 0
    for index in range(2):
        measured = maps.nth(index).evaluate(_MEASURE_MAP_JS)
        labels = measured["labels"]
        names += len(labels)
        clashes = [(a["name"], b["name"]) for i, a in enumerate(labels) for b in labels[i + 1:] if overlap(a, b)]
        assert not clashes, f"names overlap at {viewport}: {clashes}"
        on_drawing = [label["name"] for label in labels if overlap(label, measured["drawing"])]
        assert not on_drawing, f"names on the drawing at {viewport}: {on_drawing}"
        picture = measured["picture"]
        outside = [label["name"] for label in labels if label["left"] < picture["left"] - 0.5
                   or label["right"] > picture["right"] + 0.5 or label["bottom"] > picture["bottom"] + 0.5]
        assert not outside, f"names cut off at {viewport}: {outside}"
        assert measured["fontPx"] >= 10, f"names too small to read at {viewport}: {measured['fontPx']:.1f} px"
    assert names == len(CONTENT.areas)
    assert_healthy(view)


def test_the_drawings_load_with_their_text_alternatives(app_server, page):
    view = page("desktop")
    for path, drawing_ids in (("/", ["home-welcome"]),
                              ("/how_it_works", ["mechanism-signal", "mechanism-blocked", "mechanism-recovery"])):
        open_page(view, app_server, path)
        for drawing_id in drawing_ids:
            alt = " ".join(text_in(CONTENT.illustrations[drawing_id].alt).split())
            picture = view.locator(f'img[alt="{alt}"]')
            expect(picture).to_have_count(1)
            assert picture.evaluate("p => p.complete && p.naturalWidth > 0"), f"{drawing_id} is not drawn"
        assert_healthy(view)


def test_a_words_meaning_opens_in_place(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/how_it_works")
    address = view.url
    meaning = text_in(CONTENT.glossary["acetylcholine"].meaning)
    control = view.locator('[data-testid="stPopover"] button').filter(has_text="acetylcholine")
    expect(control).to_have_count(1)
    expect(view.get_by_text(meaning)).to_have_count(0)
    control.click()
    expect(view.locator('[data-testid="stPopoverBody"]').get_by_text(meaning, exact=False)).to_be_visible()
    assert view.url == address
    assert_healthy(view)


def test_the_visit_checklist_keeps_choices_out_of_every_address_and_downloads_them(app_server, page):
    view = page("desktop")
    addresses = record_addresses(view)
    open_page(view, app_server, "/before_your_visit")
    chosen = {"tell": CONTENT.safety.tell_your_doctor[0], "ask": CONTENT.safety.questions_to_ask[0]}
    for count, item in enumerate(chosen.values(), start=1):
        chip = view.locator('[data-testid="stButtonGroup"]').get_by_role("button", name=text_in(item.label), exact=True)
        rerun(view, chip.click, until=f"[...document.querySelectorAll('button')].some(b => "
                                      f"b.innerText.includes('Download or print ({count} chosen)'))")
        addresses.append(view.evaluate("location.href"))
    view.get_by_role("button", name="Download or print (2 chosen)").click()
    with view.expect_download() as download:
        view.get_by_role("button", name="Download my questions").click()
    notes = " ".join(Path(download.value.path()).read_text(encoding="utf-8").split())
    for item in chosen.values():
        assert " ".join(text_in(item.text).split()[:6]) in notes
    untouched = CONTENT.safety.questions_to_ask[1]
    assert " ".join(text_in(untouched.text).split()[:6]) not in notes
    leaked = [url for url in addresses for item in chosen.values() if item.id in url or "visit-" in url]
    assert not leaked, f"a choice reached an address: {leaked}"
    assert all(urlsplit(url).query in ("", "lang=en") for url in addresses if "/before_your_visit" in url)
    view.keyboard.press("Escape")
    screenshot(view, "before_your_visit-chosen")
    assert_healthy(view)


def test_the_presenters_qr_code_opens_the_chosen_topics_and_carries_no_name(app_server, page):
    import zxingcpp
    from PIL import Image

    view = page("desktop")
    open_page(view, app_server, "/consultation?topics=frown-lines,chronic-migraine")
    view.get_by_label("Patient's first name (optional, printed only in the PDF)").fill("Zelda")
    view.keyboard.press("Tab")
    rerun(view, lambda: view.get_by_role("button", name="Present to the patient").click(),
          until=url_has("present", "1"))
    view.locator('[data-testid="stPopover"] button').filter(has_text="On your phone").click()
    code = view.locator('[data-testid="stPopoverBody"] img[alt^="QR code"]')
    expect(code).to_be_visible()
    view.wait_for_function("p => p.complete && p.naturalWidth > 0", arg=code.element_handle())
    [found] = zxingcpp.read_barcodes(Image.open(io.BytesIO(code.screenshot())))
    link = found.text
    assert "zelda" not in link.casefold()
    parts = urlsplit(link)
    assert parts.path == "/guide/topics.html" and parse_qs(parts.query) == {"topics": ["frown-lines,chronic-migraine"]}
    screenshot(view, "consultation-qr")

    phone = page("phone")
    phone.goto(link)
    for use_id in ("frown-lines", "chronic-migraine"):
        expect(phone.get_by_role("heading", level=2, name=text_in(CONTENT.uses[use_id].name))).to_be_visible()
    assert phone.console_errors == []
