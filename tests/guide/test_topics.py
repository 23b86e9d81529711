"""The page a consultation's QR code opens (guide/topics.py) and its two answers (ui/hand_off.py): the chosen
topics with their key points and sources, the visit notes and the summary, in English and Spanish; what an address
asks for and we do not have is dropped with a notice, never written back."""

from __future__ import annotations

import io
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader
from starlette.requests import Request

from botox_explorer.guide.build import POLICY
from botox_explorer.guide.site import SiteOptions
from botox_explorer.guide.topics import asked_topics, render_topics
from botox_explorer.i18n import t
from botox_explorer.models import text_in
from botox_explorer.ui.hand_off import hand_off_routes

from .helpers import Page, target, text_of

TOPICS = ("chronic-migraine", "frown-lines")
HOSTILE = ('<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "{{ 7*7 }}", "../../etc/passwd",
           "frown-lines\u202e", "x" * 300)


def page_for(content, values, language, file=None) -> Page:
    asked = asked_topics(values, content, language)
    html = render_topics(content, asked, language, SiteOptions())
    return Page(file or ("es/topics.html" if language == "es" else "topics.html"), html.encode("utf-8"))


def links_named(page: Page, words: str) -> list[str]:
    return [a.get("href") for a in page.all("a") if text_of(a) == words]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_names_each_topic_with_its_key_points_and_their_sources(real_content, language):
    page = page_for(real_content, [",".join(TOPICS)], language)
    assert page.tree.get("lang") == language
    assert text_of(page.one("h1")) == t("guide.topics.title", language)
    headings = [text_of(h) for h in page.all("h2")]
    names = [text_in(real_content.uses[use_id].name, language) for use_id in TOPICS]
    assert [h for h in headings if h in names] == names  # in the order the consultation chose
    lead = text_of(page.one("p", **{"class": "lead"}))
    assert lead.index(names[0]) < lead.index(names[1])  # the first screen names the topics
    for use_id, name in zip(TOPICS, names, strict=True):
        section = page.one("section", id=use_id)
        assert text_in(real_content.uses[use_id].summary, language) in text_of(section)
        cites = [a.get("href") for a in section.iter("a") if a.get("href", "").startswith("#source-")]
        assert cites and all(href.removeprefix("#") in page.ids for href in cites)
        [more] = links_named(page, t("guide.topics.read_more", language, name=name))
        assert target(page.file, more)[0] == f"{'es/' if language == 'es' else ''}uses/{use_id}.html"
    assert len(page.sources) >= 2


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_offers_the_visit_notes_the_summary_and_the_dashboard(real_content, language):
    page = page_for(real_content, [",".join(TOPICS)], language)
    folder = "es/" if language == "es" else ""
    [notes] = links_named(page, t("guide.topics.visit_notes", language))
    assert target(page.file, notes)[0] == f"{folder}before-your-visit.html"
    [summary] = links_named(page, t("guide.topics.summary", language))
    assert summary == "summary.pdf?topics=chronic-migraine,frown-lines"  # beside the page, in its language's folder
    assert set(page.to_dashboard) == {f"{'../' * (1 + bool(folder))}explore?topics=chronic-migraine,frown-lines"
                                      f"&lang={language}"}
    assert t("guide.topics.notice", language) not in page.body_text  # nothing to say about this link
    sections = [section.get("id") for section in page.all("section")]
    assert sections.index("take-home") < sections.index(TOPICS[0])  # near the top on a phone, not after it all


def test_the_page_has_no_script_and_the_guides_policy(real_content):
    page = page_for(real_content, ["frown-lines"], "en")
    assert [s.get("type") for s in page.all("script")] == ["application/ld+json"]
    assert page.one("meta", **{"http-equiv": "Content-Security-Policy"}).get("content") == POLICY


@pytest.mark.parametrize("language", ["en", "es"])
def test_unknown_and_hostile_topics_are_dropped_with_a_notice_and_never_written_back(real_content, language):
    page = page_for(real_content, [",".join(HOSTILE), "frown-lines", "frown-lines"], language)
    assert t("guide.topics.notice", language) in page.body_text
    assert t("filters.unknown", language, what=t("filters.what.topics", language)) in page.body_text
    assert page.one("section", id="frown-lines") is not None
    raw = page.raw
    for value in ("<img", "alert(", "7*7", "passwd", "\u202e", "x" * 300, "<script>alert"):
        assert value not in raw
    [summary] = links_named(page, t("guide.topics.summary", language))
    assert summary == "summary.pdf?topics=frown-lines"  # each topic once, only the known one


@pytest.mark.parametrize("values", [[], [""], [","], ["nothing-we-have"], list(HOSTILE)])
def test_no_known_topic_gives_the_notice_and_the_way_to_every_topic_and_no_summary(real_content, values):
    page = page_for(real_content, values, "es")
    assert t("guide.topics.none", "es") in page.body_text
    assert links_named(page, t("guide.topics.summary", "es")) == []
    assert "es/index.html" in [target(page.file, href)[0] for href in page.links]
    assert [s.get("type") for s in page.all("script")] == ["application/ld+json"]


# --- the answers the launcher adds to Streamlit's server ------------------------------------------------------------
def answer(content, path: str, topics: list[str]):
    """What the route at ``path`` answers to ``?topics=...`` (each value a ``topics`` parameter)."""
    routes = {route.path: route for route in hand_off_routes(content, SiteOptions())}
    query = urlencode([("topics", value) for value in topics]).encode()
    request = Request({"type": "http", "method": "GET", "path": path, "query_string": query, "headers": []})
    return routes[path].endpoint(request)


def test_the_routes_are_the_page_and_the_summary_in_each_language(real_content):
    assert [route.path for route in hand_off_routes(real_content, SiteOptions(), "/clinic/")] == [
        "/clinic/guide/topics.html", "/clinic/guide/summary.pdf",
        "/clinic/guide/es/topics.html", "/clinic/guide/es/summary.pdf"]


def test_the_page_is_served_with_the_guides_policy_and_kept_private(real_content):
    response = answer(real_content, "/guide/es/topics.html", ["frown-lines"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert response.headers["content-security-policy"] == POLICY
    assert response.headers["referrer-policy"] == "no-referrer"  # the address names the patient's topics
    assert response.headers["cache-control"] == "no-store"
    assert t("guide.topics.title", "es") in response.body.decode()


def test_an_address_with_no_known_topic_is_not_found(real_content):
    page = answer(real_content, "/guide/topics.html", ["<script>alert(1)</script>"])
    assert page.status_code == 404 and t("guide.topics.none", "en") in page.body.decode()
    assert "alert(" not in page.body.decode()
    summary = answer(real_content, "/guide/summary.pdf", [])
    assert summary.status_code == 404 and summary.headers["content-type"].startswith("text/plain")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_summary_is_a_pdf_download_of_the_topics_only(real_content, language):
    folder = "es/" if language == "es" else ""
    response = answer(real_content, f"/guide/{folder}summary.pdf", ["chronic-migraine,nothing-we-have"])
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"] == (
        f'attachment; filename="{t("page.consultation.file", language)}"')
    text = " ".join("\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.body)).pages).split())
    assert text_in(real_content.uses["chronic-migraine"].name, language) in text
    assert text_in(real_content.uses["frown-lines"].name, language) not in text
