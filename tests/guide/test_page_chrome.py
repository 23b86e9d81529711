"""What every page of the guide carries around its content: the tab's title, its policy, the way to the other
language, the navigation with the current page marked, and the date its content was last checked."""

import pytest

from botox_explorer.content import load_content
from botox_explorer.guide.build import POLICY, build_site
from botox_explorer.guide.site import SiteOptions
from botox_explorer.i18n import format_date, t
from botox_explorer.models import text_in
from botox_explorer.presenting import safe_link
from tests.helpers import MINIMAL_CONTENT

from .helpers import BASE_URL, text_of

OTHER = {"en": ("es", "Español"), "es": ("en", "English")}


def test_the_tab_says_the_page_and_the_guide(pages):
    assert text_of(pages["es/uses/chronic-migraine.html"].one("title")) == "Migraña crónica · Botox Explorer"
    assert text_of(pages["history.html"].one("title")) == "History · Botox Explorer"


def test_every_page_allows_no_script_by_its_own_policy(pages):
    for page in pages.values():
        assert page.one("meta", **{"http-equiv": "Content-Security-Policy"}).get("content") == POLICY, page.file
    assert "script-src" not in POLICY and "default-src 'none'" in POLICY


@pytest.mark.parametrize("file", ["index.html", "es/uses/chronic-migraine.html", "safety.html"])
def test_the_other_language_is_one_link_away_named_in_that_language(pages, file):
    page = pages[file]
    language, name = OTHER[page.language]
    [switch] = [a for a in page.all("a") if a.get("hreflang") == language and a.get("lang") == language]
    assert text_of(switch) == name
    other_file = page.path if language == "en" else f"{language}/{page.path}"
    assert switch.get("href") == ("../" * page.file.count("/")) + other_file


@pytest.mark.parametrize(("file", "current"), [("index.html", "nav.home"), ("es/glossary.html", "nav.glossary"),
                                               ("products.html", "page.history.products")])
def test_the_navigation_marks_the_page_you_are_on(pages, file, current):
    page = pages[file]
    marked = [text_of(a) for a in page.one("nav").iter("a") if a.get("aria-current") == "page"]
    assert marked == [t(current, page.language)]


def test_a_use_page_marks_no_entry_of_the_navigation(pages):
    nav = pages["uses/chronic-migraine.html"].one("nav")
    assert not [a for a in nav.iter("a") if a.get("aria-current")]
    assert len(list(nav.iter("a"))) == 8


def test_every_page_says_when_its_content_was_last_checked(pages, real_content):
    use = real_content.uses["chronic-migraine"]
    for file, language in (("uses/chronic-migraine.html", "en"), ("es/uses/chronic-migraine.html", "es")):
        [line] = [text_of(p) for p in pages[file].all("p") if p.get("class") == "reviewed"]
        assert line == t("presenting.reviewed", language, date=format_date(use.reviewed_on, language))
    assert all(any(p.get("class") == "reviewed" for p in page.all("p")) for page in pages.values())


def test_every_source_is_listed_with_its_link(pages, real_content):
    page = pages["es/uses/chronic-migraine.html"]
    by_title = {source.title: source for source in real_content.sources.values()}
    for item in page.sources:
        [link] = item.iter("a")
        assert link.get("href") == safe_link(by_title[text_of(link)].link)


def test_the_structured_data_names_the_guide_the_page_belongs_to(pages):
    for file, start in (("uses/chronic-migraine.html", "index.html"), ("es/safety.html", "es/index.html")):
        assert pages[file].json_ld["isPartOf"] == {"@type": "WebSite", "name": "Botox Explorer",
                                                   "url": f"{BASE_URL}{start}"}


@pytest.mark.parametrize(("file", "records"), [("index.html", "intro"), ("es/how-it-works.html", "mechanism")])
def test_the_explanations_show_with_their_titles_and_sources(pages, real_content, file, records):
    page = pages[file]
    shown = {text_of(item) for item in [*page.all("p"), *page.all("li")]}
    for record in getattr(real_content.site, records):
        title, text = (" ".join(text_in(value, page.language).split()) for value in (record.title, record.text))
        assert any(line.startswith(title) and f" {text} [" in line for line in shown), (file, record.id)


def test_a_dashboard_address_without_its_last_slash_still_names_a_folder():
    assert SiteOptions(dashboard_url="https://clinic.example/app").dashboard_url == "https://clinic.example/app/"
    assert SiteOptions(dashboard_url="..").dashboard_url == "../"


def test_a_guide_in_one_language_offers_no_other():
    files = build_site(load_content(MINIMAL_CONTENT), SiteOptions())
    assert 'class="language"' not in files["index.html"].decode() and "es/index.html" not in files
