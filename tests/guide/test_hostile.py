"""Text from data/ that looks like markup comes out as text: a reader sees it as written, and nothing in it runs.

The content's models refuse markup when they load, so the hostile copies are made after loading
(``model_copy`` does not validate): the guide must hold even when that first check is gone."""

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from botox_explorer.guide.build import build_site
from botox_explorer.guide.site import SiteOptions

from .helpers import BASE_URL, built_once, pages_of, parse_errors, text_of

USE, SOURCE = "frown-lines", "botox-cosmetic-label"  # a use offered at the clinic, and its first source
CHARTED = "strabismus"  # a use drawn in a chart (its effect over time)
NAME = {"en": "<script>alert(1)</script> & \"quotes\" 'x' {{ 7*7 }}",
        "es": "<script>alert(2)</script> & \"comillas\" 'x' {{ 7*7 }}"}
SUMMARY = {"en": 'Softens lines"><script>alert(3)</script> & <b>more</b>',
           "es": 'Suaviza líneas"><script>alert(4)</script> & <b>más</b>'}
TITLE = "</script><img src=x onerror=alert(1)> & {{ 7*7 }}"
EVENT_ATTRIBUTE = re.compile(r"\son\w+\s*=", re.IGNORECASE)


@pytest.fixture(scope=built_once)
def hostile(real_content) -> dict[str, bytes]:
    source = real_content.sources[SOURCE]
    assert source.link.startswith("https://")  # the URL is the link: no DOI or PubMed id before it
    hostile_uses = {use_id: real_content.uses[use_id].model_copy(update={"name": NAME, "summary": SUMMARY})
                    for use_id in (USE, CHARTED)}
    content = replace(
        real_content,
        uses={**real_content.uses, **hostile_uses},
        sources={**real_content.sources, SOURCE: source.model_copy(update={"title": TITLE,
                                                                            "url": "javascript:alert(1)"})})
    return build_site(content, SiteOptions(base_url=BASE_URL))


@pytest.fixture(scope=built_once)
def hostile_pages(hostile):
    return pages_of(hostile)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_use_name_with_markup_reads_exactly_as_written(hostile_pages, language):
    page = hostile_pages[f"{'es/' if language == 'es' else ''}uses/{USE}.html"]
    assert page.language == language
    assert text_of(page.one("h1")) == NAME[language]
    assert text_of(page.one("title")).startswith(f"{NAME[language]} · ")
    assert page.json_ld["name"] == NAME[language]
    assert "49" not in page.one("h1").text
    folder = "es/" if language == "es" else ""
    for listing in ("index.html", "locations.html"):  # a link to the use's page, named by the use
        assert NAME[language] in [text_of(a) for a in hostile_pages[folder + listing].all("a")], listing


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_summary_with_quotes_stays_inside_its_attribute(hostile_pages, language):
    page = hostile_pages[f"{'es/' if language == 'es' else ''}uses/{USE}.html"]
    [description] = [m.get("content") for m in page.all("meta") if m.get("name") == "description"]
    assert description == SUMMARY[language]
    assert text_of(page.one("p", **{"class": "lead"})).startswith(SUMMARY[language])
    assert not page.all("b")


def test_no_hostile_text_becomes_an_element_or_an_event(hostile_pages):
    for page in hostile_pages.values():
        assert [s.get("type") for s in page.all("script")] == ["application/ld+json"], page.file
        assert not [e.tag for e in page.tree.iter() for name in e.attrib if name.startswith("on")], page.file
        root = "../" * page.file.count("/")
        assert all(img.get("src").startswith(f"{root}assets/") for img in page.all("img")), page.file
        for fragment in ("<script>alert", "</script><img", "<img src=x", "<b>"):
            assert fragment not in page.raw, (page.file, fragment)


def test_a_source_title_cannot_end_the_structured_data_script(hostile_pages):
    page = hostile_pages[f"uses/{USE}.html"]
    assert "</script><img" not in page.raw
    assert TITLE in [citation["name"] for citation in page.json_ld["citation"]]
    assert any(text_of(item).startswith(TITLE) for item in page.sources)


def test_a_javascript_address_never_becomes_a_link(hostile_pages):
    page = hostile_pages[f"uses/{USE}.html"]
    [item] = [item for item in page.sources if text_of(item).startswith(TITLE)]
    assert not list(item.iter("a"))
    [citation] = [citation for citation in page.json_ld["citation"] if citation["name"] == TITLE]
    assert "url" not in citation
    for page in hostile_pages.values():
        assert not [link for link in page.links if "javascript" in link.lower()], page.file
        assert "javascript:" not in page.raw, page.file


def test_a_javascript_booking_address_never_becomes_a_link(real_content):
    location = real_content.clinic.locations[0].model_copy(update={"booking_url": "javascript:alert(1)"})
    clinic = real_content.clinic.model_copy(update={"locations": [location, *real_content.clinic.locations[1:]]})
    pages = pages_of(build_site(replace(real_content, clinic=clinic), SiteOptions()))
    for page in pages.values():
        assert not [link for link in page.links if "javascript" in link.lower()], page.file


def test_pages_with_hostile_text_still_parse_without_an_error(hostile):
    errors = parse_errors(hostile)
    assert not errors, errors


def test_pictures_drawn_with_hostile_names_hold_no_script(hostile):
    drawings = {file: data.decode() for file, data in hostile.items() if file.endswith(".svg")}
    [charted] = [file for file, drawing in drawings.items()
                 if file.startswith(f"assets/effect-{CHARTED}-") and "alert(1)" in drawing]  # the English chart
    assert any(text.startswith("<script>alert(1)</script> &") for text in ET.fromstring(drawings[charted]).itertext())
    for file, drawing in drawings.items():
        ET.fromstring(drawing)  # well-formed: nothing in it ended an element early
        assert "<script" not in drawing.lower(), file
        assert not EVENT_ATTRIBUTE.search(drawing), file
