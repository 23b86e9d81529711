"""Where the guide's files live and how they point at each other, at the dashboard and at search engines."""

import posixpath
import xml.etree.ElementTree as ET

import pytest

from botox_explorer.guide.build import build_site
from botox_explorer.guide.pages import use_page
from botox_explorer.guide.site import (
    SiteOptions,
    address,
    alternates,
    citation,
    guide_address,
    json_ld,
    relative,
    robots,
    root_of,
)

from .helpers import BASE_URL, DASHBOARD_URL, built_once, dashboard_view, pages_of, target

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize(("from_file", "to_file", "link"), [
    ("index.html", "history.html", "history.html"),
    ("index.html", "uses/achalasia.html", "uses/achalasia.html"),
    ("uses/achalasia.html", "index.html", "../index.html"),
    ("uses/achalasia.html", "uses/drooling.html", "drooling.html"),
    ("es/uses/achalasia.html", "uses/achalasia.html", "../../uses/achalasia.html"),
    ("uses/achalasia.html", "es/uses/achalasia.html", "../es/uses/achalasia.html"),
    ("es/index.html", "assets/guide.css", "../assets/guide.css"),
    ("history.html", "history.html", "history.html"),
])
def test_relative_links_between_files_of_the_guide(from_file, to_file, link):
    assert relative(from_file, to_file) == link


@pytest.mark.parametrize(("file", "way_up"), [
    ("index.html", ""), ("uses/achalasia.html", "../"), ("es/index.html", "../"), ("es/uses/achalasia.html", "../../"),
])
def test_the_way_up_to_the_guides_root(file, way_up):
    assert root_of(file) == way_up


def test_the_public_address_always_ends_with_a_slash():
    assert SiteOptions("https://clinic.example/guide").base_url == "https://clinic.example/guide/"
    assert SiteOptions(BASE_URL).base_url == BASE_URL
    assert SiteOptions().base_url is None


def test_a_page_links_up_to_the_dashboard_beside_the_guide(relative_pages):
    assert {page.file.count("/") for page in relative_pages.values()} == {0, 1, 2}
    for page in relative_pages.values():
        depth = page.file.count("/")
        assert set(page.to_dashboard) == {"../" * (depth + 1) + dashboard_view(page)}, page.file
    assert relative_pages["uses/achalasia.html"].to_dashboard[0] == "../../explore?use=achalasia&lang=en"
    assert relative_pages["es/index.html"].to_dashboard[0] == "../../?lang=es"


def test_a_dashboard_at_a_full_address_is_linked_in_full(real_content):
    pages = pages_of(build_site(real_content, SiteOptions(dashboard_url=DASHBOARD_URL)))
    for page in pages.values():
        assert set(page.to_dashboard) == {DASHBOARD_URL + dashboard_view(page)}, page.file
        assert not [link for link in page.links if (target(page.file, link)[0] or "").startswith("..")], page.file
    assert pages["es/uses/achalasia.html"].to_dashboard[0] == (
        "https://clinic.example/explore?use=achalasia&lang=es")


@pytest.mark.parametrize(("dashboard_url", "link"), [
    ("/", "/explore?use=achalasia&lang=en"),
    ("/app/", "/app/explore?use=achalasia&lang=en"),
])
def test_a_dashboard_at_a_path_of_the_guides_host_is_linked_by_that_path(real_content, dashboard_url, link):
    pages = pages_of(build_site(real_content, SiteOptions(dashboard_url=dashboard_url)))
    assert pages["uses/achalasia.html"].to_dashboard[0] == link
    assert pages["es/uses/achalasia.html"].to_dashboard[0] == link.replace("lang=en", "lang=es")


def test_canonical_addresses_are_full_with_the_public_address_and_relative_without(pages, relative_pages):
    assert canonical(pages["es/uses/achalasia.html"]) == BASE_URL + "es/uses/achalasia.html"
    for page in relative_pages.values():
        assert canonical(page) == posixpath.basename(page.file), page.file
        assert "://" not in page.json_ld["url"] + page.json_ld["isPartOf"]["url"], page.file


def test_the_sitemap_lists_every_page_once_with_its_other_languages(site, pages):
    urls = ET.fromstring(site["sitemap.xml"]).findall(f"{SITEMAP}url")
    locations = [url.findtext(f"{SITEMAP}loc") for url in urls]
    assert sorted(locations) == sorted(BASE_URL + file for file in pages)
    for url in urls:
        page = pages[url.findtext(f"{SITEMAP}loc").removeprefix(BASE_URL)]
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        assert alternates == {link.get("hreflang"): link.get("href") for link in page.all("link")
                              if link.get("rel") == "alternate"}
        assert set(alternates) == {"en", "es", "x-default"}
        assert url.findtext(f"{SITEMAP}lastmod") == page.json_ld["lastReviewed"]


def test_no_sitemap_without_the_guides_public_address(relative_site):
    assert "sitemap.xml" not in relative_site
    assert relative_site["robots.txt"].decode() == "User-agent: *\nAllow: /\n"


def test_robots_txt_names_the_sitemap_when_there_is_one(site):
    assert site["robots.txt"].decode().splitlines() == [
        "User-agent: *", "Allow: /", "Sitemap: https://clinic.example/guide/sitemap.xml"]
    assert robots(SiteOptions("https://clinic.example/guide")).endswith("Sitemap: https://clinic.example/guide/sitemap.xml\n")


def canonical(page) -> str:
    [href] = [link.get("href") for link in page.all("link") if link.get("rel") == "canonical"]
    return href


# --- the functions themselves, on one page (the tests above read a whole site, built once a session) -----------


@pytest.fixture(scope=built_once)
def migraine(real_content):
    return use_page(real_content, real_content.uses["chronic-migraine"], "es")


def test_the_guides_address_is_the_dashboards_guide_folder():
    assert guide_address("https://clinic.example/") == "https://clinic.example/guide/"
    assert guide_address("https://clinic.example/app") == "https://clinic.example/app/guide/"
    assert guide_address(None) is None


def test_an_address_is_full_with_the_public_address_and_relative_without():
    assert address(SiteOptions(BASE_URL), "es/uses/a.html", "uses/a.html") == f"{BASE_URL}uses/a.html"
    assert address(SiteOptions(), "es/uses/a.html", "uses/a.html") == "../../uses/a.html"


def test_the_alternates_name_every_language_and_english_for_the_others(migraine):
    assert alternates(SiteOptions(BASE_URL), migraine, ["en", "es"]) == [
        ("en", f"{BASE_URL}uses/chronic-migraine.html"), ("es", f"{BASE_URL}es/uses/chronic-migraine.html"),
        ("x-default", f"{BASE_URL}uses/chronic-migraine.html")]


def test_a_source_is_cited_as_a_creative_work_with_its_link_and_year(real_content):
    source = next(s for s in real_content.sources.values() if s.year and s.doi)
    assert citation(source) == {"@type": "CreativeWork", "name": source.title, "creditText": source.publisher,
                                "url": f"https://doi.org/{source.doi}", "datePublished": str(source.year)}
    undated = source.model_copy(update={"year": None, "doi": None, "pmid": None, "url": "javascript:alert(1)"})
    assert citation(undated) == {"@type": "CreativeWork", "name": source.title, "creditText": source.publisher}


def test_the_structured_data_is_a_medical_web_page_for_patients(migraine):
    data = json_ld(migraine, "https://clinic.example/guide/es/uses/chronic-migraine.html",
                   "https://clinic.example/guide/es/index.html", "Botox Explorer")
    assert data == {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": "Migraña crónica",
        "description": migraine.description,
        "url": "https://clinic.example/guide/es/uses/chronic-migraine.html",
        "inLanguage": "es",
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "isPartOf": {"@type": "WebSite", "name": "Botox Explorer", "url": "https://clinic.example/guide/es/index.html"},
        "citation": [citation(source) for source in migraine.sources],
        "lastReviewed": migraine.reviewed_on.isoformat(),
    }
    assert len(data["citation"]) == len(migraine.sources) > 1
