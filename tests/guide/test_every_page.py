"""Every page of the guide built from data/: valid HTML, no broken link, what search engines and readers need in
its head, its sources, the reminder, its way into the dashboard, and a size a slow phone loads at once."""

import datetime as dt
import posixpath
import re

import pytest

from botox_explorer.models import DEFAULT_LANGUAGE
from botox_explorer.models import text_in as text_in_language
from tests.helpers import registered_page_scripts

from .helpers import BASE_URL, OUT_OF_THE_WEB, dashboard_view, parse_errors, target, text_of

PAGE_LIMIT = 60 * 1024
DESCRIPTION_LIMIT = 160
BUILDS = ["pages", "relative_pages"]  # with and without the guide's public address


def test_the_guide_has_every_page_in_every_language(pages, real_content):
    paths = ["index.html", *(f"uses/{use_id}.html" for use_id in real_content.uses), *(
        "how-it-works.html", "history.html", "products.html", "safety.html", "before-your-visit.html",
        "glossary.html", "locations.html")]
    expected = {path if language == DEFAULT_LANGUAGE else f"{language}/{path}"
                for language in real_content.site.languages for path in paths}
    assert set(pages) == expected
    assert {"en", "es"} <= set(real_content.site.languages)


def test_every_page_parses_as_html_without_a_single_error(site):
    errors = parse_errors(site)
    assert not errors, errors


@pytest.mark.parametrize("build", BUILDS)
def test_no_link_between_pages_is_broken(build, request):
    pages = request.getfixturevalue(build)
    files = request.getfixturevalue("site" if build == "pages" else "relative_site")
    broken = []
    for page in pages.values():
        for link in page.links:
            file, fragment = target(page.file, link)
            if file is None:
                assert link.split(":", 1)[0] in OUT_OF_THE_WEB, f"{page.file} links to {link!r}"
            elif file.startswith(".."):
                continue  # out of the guide's folder: the dashboard (test_the_only_links_out_of_the_guide...)
            elif file not in files:
                broken.append(f"{page.file}: {link} (no {file})")
            elif fragment and fragment not in pages[file].ids:
                broken.append(f"{page.file}: {link} (no id {fragment!r} in {file})")
    assert not broken, broken


def test_no_id_appears_twice_on_a_page(pages):
    for page in pages.values():
        ids = [e.get("id") for e in page.tree.iter() if e.get("id")]
        assert len(ids) == len(set(ids)), (page.file, sorted({i for i in ids if ids.count(i) > 1}))


@pytest.mark.parametrize("build", BUILDS)
def test_the_only_links_out_of_the_guide_are_to_the_pages_dashboard_view(build, request):
    for page in request.getfixturevalue(build).values():
        out = {link for link in page.links if (target(page.file, link)[0] or "").startswith("..")}
        assert out == {"../" * (page.file.count("/") + 1) + dashboard_view(page)}, page.file


def test_every_page_links_to_its_view_in_the_dashboard(relative_pages):
    for page in relative_pages.values():
        expected = "../" * (page.file.count("/") + 1) + dashboard_view(page)
        assert page.to_dashboard == [expected, expected], page.file  # under the title, and at the end
    spanish = relative_pages["es/uses/chronic-migraine.html"]
    assert "Abrir esto en el tablero interactivo" in spanish.body_text
    assert spanish.to_dashboard[0] == "../../../explore?use=chronic-migraine&lang=es"


def test_every_dashboard_view_the_guide_links_to_is_a_page_of_the_dashboard(pages):
    dashboard_pages = {posixpath.basename(script).removesuffix(".py") for script in registered_page_scripts()}
    views = {dashboard_view(page).split("?")[0] for page in pages.values()}
    assert views - {""} <= dashboard_pages
    assert "home" in dashboard_pages  # the default page, at the dashboard's root: ""


def test_every_page_has_a_title_and_a_short_description(pages):
    for page in pages.values():
        [title] = page.all("title")
        assert text_of(title), page.file
        [description] = [m.get("content") for m in page.all("meta") if m.get("name") == "description"]
        assert 0 < len(description.strip()) <= DESCRIPTION_LIMIT, (page.file, description)


def test_every_page_says_its_language(pages):
    for page in pages.values():
        assert page.tree.get("lang") == page.language, page.file
        assert page.json_ld["inLanguage"] == page.language, page.file


def test_every_page_names_its_canonical_address_and_its_other_languages(pages):
    for page in pages.values():
        [canonical] = [link.get("href") for link in page.all("link") if link.get("rel") == "canonical"]
        assert canonical == BASE_URL + page.file
        alternates = {link.get("hreflang"): link.get("href") for link in page.all("link")
                      if link.get("rel") == "alternate"}
        assert set(alternates) == {"en", "es", "x-default"}, page.file
        assert alternates[page.language] == canonical
        assert alternates["x-default"] == alternates["en"] == BASE_URL + page.path
        for language, address in alternates.items():
            other = pages[target(page.file, address)[0]]
            assert other.language == (language if language != "x-default" else "en")
            assert other.path == page.path
            back = {link.get("hreflang"): link.get("href") for link in other.all("link") if link.get("hreflang")}
            assert back[page.language] == canonical, f"{other.file} does not lead back to {page.file}"


def test_the_spanish_and_english_pages_point_at_each_other(pages):
    english, spanish = pages["uses/chronic-migraine.html"], pages["es/uses/chronic-migraine.html"]
    assert f'hreflang="es" href="{BASE_URL}es/uses/chronic-migraine.html"' in english.raw
    assert f'hreflang="en" href="{BASE_URL}uses/chronic-migraine.html"' in spanish.raw


def test_every_page_describes_itself_as_a_medical_page_with_its_review_date(pages):
    for page in pages.values():
        data = page.json_ld
        assert data["@type"] == "MedicalWebPage", page.file
        assert data["@context"] == "https://schema.org"
        assert data["url"] == BASE_URL + page.file
        assert dt.date.fromisoformat(data["lastReviewed"]) <= dt.date.today(), page.file
        assert data["name"] == text_of(page.one("h1")), page.file


def test_every_page_cites_the_works_it_lists(pages):
    for page in pages.values():
        citations = page.json_ld["citation"]
        assert len(citations) == len(page.sources), page.file
        for citation, item in zip(citations, page.sources, strict=True):
            assert citation["@type"] == "CreativeWork"
            assert text_of(item).startswith(citation["name"]), page.file


def test_every_page_has_sources_and_lists_every_one_it_cites(pages):
    without = [page.file for page in pages.values() if not page.sources]
    assert not without, f"pages without sources: {without}"
    for page in pages.values():
        cited = {number for marker in markers(page) for number in cited_numbers(marker)}
        assert cited, f"{page.file} cites no source in its text"
        assert cited == set(range(1, len(page.sources) + 1)), page.file  # each listed source is cited, 1 to n
        assert [item.get("id") for item in page.sources] == [f"source-{n}" for n in range(1, len(cited) + 1)]


def test_citation_markers_say_their_numbers_in_runs_and_link_to_the_first_and_last_of_each(pages):
    for page in pages.values():
        for span in page.all("span"):
            if span.get("class") == "cites":
                marker = text_of(span)
                assert re.fullmatch(r"\[(Sources|Fuentes) \d+([–,]\d+)?(, \d+([–,]\d+)?)*\]", marker), marker
                ends = [int(n) for n in re.findall(r"\d+", marker)]
                assert [a.get("href") for a in span.iter("a")] == [f"#source-{n}" for n in ends], page.file


def markers(page) -> list[str]:
    """The citation markers of a page's text: "[Sources 1–3, 5]"."""
    return [text_of(span) for span in page.all("span") if span.get("class") == "cites"]


def cited_numbers(marker: str) -> set[int]:
    """The source numbers a marker stands for: "[Sources 1–3, 5,6]" as {1, 2, 3, 5, 6}."""
    numbers = set()
    for first, sign, last in re.findall(r"(\d+)(?:([–,])(\d+))?", marker):
        numbers |= set(range(int(first), int(last or first) + 1)) if sign != "," else {int(first), int(last)}
    return numbers


def test_cited_numbers_read_a_marker():
    assert cited_numbers("[Sources 1–3, 5, 7,8]") == {1, 2, 3, 5, 7, 8}


def test_every_page_reminds_the_reader_to_ask_a_qualified_professional(pages, real_content):
    for page in pages.values():
        reminder = text_in_language(real_content.site.reminder, page.language)
        assert reminder in page.body_text, page.file
        assert "qualified medical professional" in reminder or "profesional médico calificado" in reminder


def test_every_page_weighs_less_than_60_kb(site):
    sizes = {file: len(data) for file, data in site.items() if file.endswith(".html")}
    biggest = max(sizes, key=sizes.get)
    assert sizes[biggest] < PAGE_LIMIT, f"{biggest} weighs {sizes[biggest]} bytes"


def test_every_picture_has_a_text_alternative_and_a_size(pages):
    pictures = [(page.file, img) for page in pages.values() for img in page.all("img")]
    assert pictures
    for file, img in pictures:
        assert img.get("alt", "").strip(), (file, img.get("src"))
        assert float(img.get("width")) > 0 and float(img.get("height")) > 0, (file, img.get("src"))


def test_pages_carry_no_script_but_their_structured_data(pages):
    for page in pages.values():
        assert [s.get("type") for s in page.all("script")] == ["application/ld+json"], page.file
        assert not [(e.tag, name) for e in page.tree.iter() for name in e.attrib if name.startswith("on")]
        assert not page.all("form") and not page.all("iframe"), page.file


def test_no_page_shows_a_missing_value(pages):
    """A heading, a lead or a description the builder did not get shows as "None" (Jinja2 prints it): none may.
    (Prose may say "None", as a word: "None is approved...".)"""
    for page in pages.values():
        named = [text_of(e) for tag in ("title", "h1", "h2", "strong", "summary", "a") for e in page.all(tag)]
        named += [page.one("meta", name="description").get("content")]
        named += [e.get(name) for e in page.tree.iter() for name in ("alt", "aria-label") if e.get(name)]
        assert not [text for text in named if "None" in text.split()], page.file
