"""The guide's pages built from the content: one a use and one a topic, in each language; short descriptions."""

from dataclasses import replace

import pytest

from botox_explorer.content import load_content
from botox_explorer.guide.pages import DESCRIPTION_LENGTH, description, guide_pages, locations_page, use_page
from tests.helpers import MINIMAL_CONTENT

TOPICS = ["how-it-works.html", "history.html", "products.html", "safety.html", "before-your-visit.html",
          "glossary.html", "locations.html"]


def test_a_short_text_is_its_own_description():
    assert description("Softens lines.") == "Softens lines."
    assert description("  Softens\n  lines. ") == "Softens lines."
    assert description("x" * DESCRIPTION_LENGTH) == "x" * DESCRIPTION_LENGTH


def test_a_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = "Botulinum toxin relaxes the muscle it is injected into, for about three months, then the nerve regrows."
    cut = description(text, limit=40)
    assert cut == "Botulinum toxin relaxes the muscle it…"
    assert len(cut) <= 40
    assert description(text, limit=60) == "Botulinum toxin relaxes the muscle it is injected into…"  # no comma left


@pytest.mark.parametrize("limit", [20, 57, 58, 59, 100, 155])
def test_a_description_never_passes_its_limit_nor_cuts_a_word(limit):
    text = " ".join(["word"] * 60)
    cut = description(text, limit)
    assert len(cut) <= limit
    assert cut.endswith("word…")


def test_a_single_long_word_is_cut_within_the_limit():
    assert len(description("x" * 200, limit=50)) <= 50


def test_the_guide_has_a_start_page_a_page_a_use_and_the_topic_pages_in_each_language(real_content):
    pages = guide_pages(real_content, ["en", "es"])
    uses = [f"uses/{use_id}.html" for use_id in real_content.uses]
    for language in ("en", "es"):
        paths = [page.path for page in pages if page.language == language]
        assert paths == ["index.html", *uses, *TOPICS]


def test_a_guide_in_english_only(real_content):
    pages = guide_pages(real_content, ["en"])
    assert {page.language for page in pages} == {"en"}
    assert len(pages) == 1 + len(real_content.uses) + len(TOPICS)


def test_a_use_page_says_the_use_in_its_language_with_its_sources_first_cited_first():
    content = load_content(MINIMAL_CONTENT)
    page = use_page(content, content.uses["lines"], "en")
    assert page.title == "Test lines"
    assert page.description == "Softens test lines."
    assert page.dashboard == "explore?use=lines&lang=en"
    assert [source.id for source in page.sources] == ["label-a", "paper-b"]  # the paper: its options
    assert page.lead.cites == (1,)
    assert page.reviewed_on.isoformat() == "2026-01-01"


def test_every_page_is_reviewed_on_the_date_of_its_least_recently_checked_text(real_content):
    for page in guide_pages(real_content, ["en"]):
        assert page.reviewed_on is not None, page.path
    dates = [use.reviewed_on for use in real_content.uses.values()]
    [start] = [page for page in guide_pages(real_content, ["en"]) if page.path == "index.html"]
    assert start.reviewed_on <= min(dates)


def location_lines(page) -> list[str]:
    return [f"{entry.lead}: {entry.text}" for section in page.sections for block in section.blocks
            if hasattr(block, "entries") for entry in block.entries]


def test_a_clinic_detail_shows_only_when_the_clinic_sets_it(real_content):
    shown = location_lines(locations_page(real_content, "en"))
    assert not [line for line in shown if line.split(":")[0] in ("Address", "Phone", "Hours", "Booking")]
    site = real_content.clinic.locations[0].model_copy(update={
        "address": "1 Set Street", "phone": "+1 555 0100", "hours": ["Mon 9-5"],
        "booking_url": "https://clinic.example/book"})
    clinic = real_content.clinic.model_copy(update={"locations": [site, *real_content.clinic.locations[1:]]})
    page = locations_page(replace(real_content, clinic=clinic), "en")
    assert {"Address: 1 Set Street", "Phone: +1 555 0100", "Hours: Mon 9-5"} <= set(location_lines(page))
    assert [block.href for section in page.sections for block in section.blocks
            if block.kind == "link"] == ["https://clinic.example/book"]


def texts_of(page) -> list[str]:
    """Every text of a page's sections, leads first, in reading order."""
    found = []
    for section in page.sections:
        for block in section.blocks:
            entries = block.entries if block.kind == "items" else (block,) if block.kind == "text" else ()
            found += [f"{entry.lead}: {entry.text}" if entry.lead else entry.text for entry in entries]
    return found


def test_a_use_page_leads_with_its_key_points_and_ends_with_the_decision():
    content = load_content(MINIMAL_CONTENT)
    page = use_page(content, content.uses["lines"], "en")
    headings = [section.heading for section in page.sections]
    assert headings[0] == "Key points"
    assert headings.index("TESTOX: benefits and harms in numbers") < headings.index("Your choices") < headings.index(
        "Help with your decision")
    shown = texts_of(page)
    assert "How well it works: Lines rated mild: 80 out of 100 with TESTOX, against 3 out of 100 with placebo." in shown
    assert "Sun care: Protects skin. Status: Over the counter." in shown
    assert "☐ Needles" in shown and "Sure?: ☐ Yes  ☐ No" in shown


def test_a_use_page_without_numbers_says_so_and_shows_none():
    content = load_content(MINIMAL_CONTENT)
    page = use_page(content, content.uses["bladder-test"], "en")
    assert "No trial numbers to show" in [section.heading for section in page.sections]
    assert not any("out of 100" in text for text in texts_of(page))


def test_the_visit_page_has_the_worksheet_to_print():
    from botox_explorer.guide.pages import before_your_visit_page

    content = load_content(MINIMAL_CONTENT)
    page = before_your_visit_page(content, "en")
    [worksheet] = [section for section in page.sections if section.heading == "Help with your decision"]
    assert worksheet.anchor == "decide"
    assert "☐ Needles" in texts_of(page)
