"""What each page of the guide says, against the content it comes from: every text, with its lead in bold and the
numbers of its sources, in each language."""

from __future__ import annotations

import re

import pytest

from botox_explorer.i18n import t
from botox_explorer.illustrations import MECHANISM_DRAWINGS
from botox_explorer.models import text_in
from botox_explorer.presenting import (
    approval_lines,
    category_summary,
    key_figures,
    myth_verdict,
    products_table,
    span_text,
    status_label,
)
from botox_explorer.routes import GUIDE_TOPICS

from .helpers import text_of

LANGUAGES = ("en", "es")


def one_line(text: str) -> str:
    return " ".join(text.split())


def lines(page) -> list[str]:
    """The page's paragraphs, list items and captions as a reader sees them."""
    return [text_of(e) for tag in ("p", "li", "figcaption") for e in page.all(tag)]


def cited_line(page, lead: str, text: str) -> str:
    """The one line that says exactly ``lead`` and ``text`` (as the page joins them), then its source numbers."""
    lead, text = one_line(lead), one_line(text)
    said = f"{lead}{'' if not (lead and text) else ' ' if lead[-1] in '.?!:;¿¡' else ': '}{text}"
    found = [line for line in lines(page) if line.rsplit(" [", 1)[0] == said]
    assert found, f"{page.file}: no line {said[:80]!r}"
    assert found[0].endswith("]") and " [" in found[0], f"{page.file}: {found[0][:80]!r} cites no source"
    return found[0]


def cited_ids(page, line: str) -> set[str]:
    """The ids of the sources a line cites ("[1-3, 5]"), by their place in the page's list."""
    titles = [text_of(item.find("a")) for item in page.sources]
    numbers = set()
    for first, last in re.findall(r"(\d+)(?:–(\d+))?", line.rsplit(" [", 1)[1]):
        numbers.update(range(int(first), int(last or first) + 1))
    return {titles[number - 1] for number in numbers}


def section_items(page, heading: str) -> list[str]:
    """The list items of the section under ``heading``."""
    [section] = [s for s in page.all("section") if text_of(s.find("h2")) == heading]
    return [text_of(li) for li in section.iter("li")]


def headings(page) -> list[str]:
    return [text_of(h) for h in page.all("h2")]


def page_in(pages, language: str, path: str):
    return pages[path if language == "en" else f"{language}/{path}"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_start_page_leads_to_every_use_by_kind_with_the_key_figures(pages, real_content, language):
    page = page_in(pages, language, "index.html")
    assert text_of(page.one("p", **{"class": "lead"})) == one_line(text_in(real_content.site.tagline, language))
    assert headings(page)[0] == t("page.home.what_it_is", language)
    for category in ("cosmetic", "medical", "psychological"):
        heading = t(f"page.home.category_uses.{category}", language)
        uses = [use for use in real_content.uses.values() if use.category == category]
        assert section_items(page, heading) == [text_in(use.name, language) for use in uses]
        summary = category_summary(real_content, category, language)
        approvals = {real_content.sources[s].title for use in uses
                     for a in real_content.approvals_for(use.id) for s in a.approval.sources}
        if approvals:
            assert cited_ids(page, cited_line(page, "", summary)) == approvals
        else:
            assert summary in lines(page)
    links = {text_of(a): a.get("href") for a in page.all("a")}
    for use in real_content.uses.values():
        assert links[text_in(use.name, language)] == f"uses/{use.id}.html"
    figures = section_items(page, t("page.home.key_figures", language))
    assert [figure.rsplit(" [", 1)[0] for figure in figures] == [
        f"{figure.lead}: {figure.text}" for figure in key_figures(real_content, language)]
    assert section_items(page, t("guide.more_pages", language)) == [
        t(topic.title_key, language) for topic in GUIDE_TOPICS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_how_it_works_shows_the_three_pictures_the_steps_and_every_belief_checked(pages, real_content, language):
    page = page_in(pages, language, "how-it-works.html")
    intro = t("page.how_it_works.intro", language)
    assert text_of(page.one("p", **{"class": "lead"})) == intro
    description = page.one("meta", name="description").get("content")
    assert description.startswith(f"{intro} {text_in(real_content.site.mechanism[0].text, language)[:40]}")
    assert headings(page)[0] == t("guide.in_pictures", language)
    images = page.all("img")
    for drawing_id in MECHANISM_DRAWINGS:
        drawing = real_content.illustrations[drawing_id]
        assert [img for img in images if img.get("alt") == text_in(drawing.alt, language)
                and f"/{drawing_id}-" in img.get("src")], drawing_id
        assert any(text_of(c).startswith(one_line(text_in(drawing.caption, language)) + " [")
                   for c in page.all("figcaption")), drawing_id
    relax = real_content.site.relax_or_paralyze
    cited_line(page, text_in(relax.title, language), text_in(relax.text, language))
    for heading in ("page.how_it_works.steps", "page.how_it_works.relax_or_paralyze", "page.how_it_works.beliefs"):
        assert t(heading, language) in headings(page)
    for myth in real_content.myths:
        verdict = myth_verdict(myth.verdict, language)
        note = f" {t('page.how_it_works.from_article', language)}" if myth.from_clinic_article else ""
        cited_line(page, text_in(myth.belief, language), f"{verdict}. {one_line(text_in(myth.fact, language))}{note}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_history_tells_every_event_and_the_numbers_with_their_caveats(pages, real_content, language):
    page = page_in(pages, language, "history.html")
    for event in real_content.history:
        told = f"{text_in(event.title, language)}. {one_line(text_in(event.text, language))}"
        cited_line(page, str(event.year), told)
    for series in real_content.statistics.series:
        said = (f"{t('page.history.counts', language)} {text_in(series.measure, language)}. "
                f"{text_in(series.method_note, language)}")
        cited_line(page, text_in(series.name, language), said)
    for note in real_content.statistics.notes:
        cited_line(page, "", text_in(note.text, language))
    assert len(page.all("figure")) == 2 and t("page.history.about_numbers", language) in lines(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_products_page_compares_every_product_with_its_notes(pages, real_content, language):
    page = page_in(pages, language, "products.html")
    for product in real_content.products.values():
        cited_line(page, product.brand, " ".join(one_line(text_in(note, language)) for note in product.notes))
    rows = products_table(real_content, language)
    table = page.one("div", **{"aria-label": t("page.history.products", language)}).find("table")
    header = [text_of(th) for th in table.iter("th") if th.get("scope") == "col"]
    assert header == list(dict.fromkeys(column for row in rows for column in row))
    assert [text_of(th) for th in table.iter("th") if th.get("scope") == "row"] == [row[header[0]] for row in rows]
    assert page.all("figure") and t("page.history.product_notes", language) in headings(page)
    table_sources = {real_content.sources[s].title for product in real_content.products.values()
                     for s in (*product.sources, *(s for a in product.approvals for s in a.sources))}
    assert cited_ids(page, cited_line(page, t("notes.sources_heading", language), "")) == table_sources


@pytest.mark.parametrize("language", LANGUAGES)
def test_safety_and_the_visit_list_every_point_with_its_details(pages, real_content, language):
    safety = page_in(pages, language, "safety.html")
    visit = page_in(pages, language, "before-your-visit.html")
    assert any(item.applies_to for _, items in real_content.safety for item in items)  # shown here whatever the use
    for field, items in real_content.safety:
        assert t(f"safety.{field}", language) in headings(safety)
        for item in items:
            detail = f" {text_in(item.detail, language)}" if item.detail else ""
            cited_line(safety, "", text_in(item.text, language) + detail)
    for item in [*real_content.safety.do_not_treat, *real_content.safety.questions_to_ask]:
        detail = f" {text_in(item.detail, language)}" if item.detail else ""
        cited_line(visit, text_in(item.label, language), text_in(item.text, language) + detail)
    warning = safety.one("section", id="boxed-warning")
    assert warning.get("class") == "warning" and safety.one("section", id="red-flags").get("class") == "danger"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_use_page_gives_its_status_explanation_timing_evidence_and_who_treats_it(pages, real_content, language):
    use = real_content.uses["chronic-migraine"]
    page = page_in(pages, language, "uses/chronic-migraine.html")
    assert text_of(page.one("p", **{"class": "lead"})).startswith(one_line(text_in(use.summary, language)) + " [")
    said = [use.status.note, use.explanation, use.what_to_expect, use.evidence, use.treated_by, *use.side_effects]
    for text in said:
        cited_line(page, "", text_in(text, language))
    cited_line(page, "", status_label(use, real_content, language))
    for line in approval_lines(use, real_content, language):
        cited_line(page, "", line)
    for key, span in use.timing.stages:
        cited_line(page, t(f"views.{key}", language), span_text(span, language))
    for heading in ("views.what_it_treats", "views.what_to_expect", "views.side_effects", "views.evidence",
                    "views.who_treats"):
        assert t(heading, language) in headings(page)


def test_a_use_offered_here_names_its_site_and_links_to_it(pages, real_content):
    use = next(use for use in real_content.uses.values() if use.offered_at)
    page = pages[f"uses/{use.id}.html"]
    site = next(location for location in real_content.clinic.locations if location.id == use.offered_at[0])
    links = {text_of(a): a.get("href") for a in page.all("a")}
    assert links[text_in(site.name)] == f"../locations.html#{site.id}"
    assert t("views.offered_here", "en") in headings(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_glossary_explains_every_word_with_its_other_forms(pages, real_content, language):
    page = page_in(pages, language, "glossary.html")
    for term in real_content.glossary.values():
        also = term.also.get(language, [])
        forms = f" {t('page.glossary.also', language)}: {', '.join(also)}." if also else ""
        cited_line(page, text_in(term.term, language), text_in(term.meaning, language) + forms)
