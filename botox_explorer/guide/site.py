"""Where each page of the guide lives and how pages point at each other, at the dashboard and at search engines:
files, relative links, canonical and alternate addresses, JSON-LD, the sitemap and robots.txt.

English pages sit at the guide's root (``history.html``), each other language in a folder of its own
(``es/history.html``). Links between pages are relative, so the guide works wherever it is served; canonical
addresses and the sitemap need the guide's public address (``base_url``), which is a clinic setting: without it,
canonical links are relative and no sitemap is written (a sitemap must list full addresses).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..models import DEFAULT_LANGUAGE, Source
from ..presenting import safe_link
from ..routes import GUIDE_FOLDER, language_file
from .model import GuidePage

SCHEMA_CONTEXT = "https://schema.org"


@dataclass(frozen=True)
class SiteOptions:
    """``base_url``: the guide's public address (``https://clinic.example/guide/``), or None when unknown.
    ``dashboard_url``: the dashboard's address, full or relative to the guide's root (beside it: ``../``)."""

    base_url: str | None = None
    dashboard_url: str = "../"

    def __post_init__(self) -> None:
        """Both addresses name folders: they end with a slash, so a page's name can follow."""
        if self.base_url and not self.base_url.endswith("/"):
            object.__setattr__(self, "base_url", self.base_url + "/")
        if not self.dashboard_url.endswith("/"):
            object.__setattr__(self, "dashboard_url", self.dashboard_url + "/")


def guide_address(public_url: object | None) -> str | None:
    """The guide's public address when the dashboard's is set (the clinic's ``public_url``): its ``guide/``."""
    return f"{str(public_url).rstrip('/')}/{GUIDE_FOLDER}/" if public_url else None


def relative(from_file: str, to_file: str) -> str:
    """The link from one file of the guide to another."""
    return posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")


def root_of(file: str) -> str:
    """The way up from a file to the guide's root: ``""``, ``"../"``, ``"../../"``."""
    return "../" * file.count("/")


def address(options: SiteOptions, from_file: str, to_file: str) -> str:
    """The address a page gives for another (or itself): full when the public address is known, else relative."""
    return urljoin(options.base_url, to_file) if options.base_url else relative(from_file, to_file)


def dashboard_link(options: SiteOptions, file: str, page: GuidePage) -> str:
    """The same view in the dashboard: below a full address or a path of the same host as given, below a relative
    one from the guide's root."""
    target = page.dashboard
    if urlsplit(options.dashboard_url).scheme or options.dashboard_url.startswith("/"):
        return urljoin(options.dashboard_url, target)
    return root_of(file) + options.dashboard_url + target


def alternates(options: SiteOptions, page: GuidePage, languages: list[str]) -> list[tuple[str, str]]:
    """(hreflang, address) of the page in every language, and English as the default for any other."""
    file = language_file(page.path, page.language)
    found = [(language, address(options, file, language_file(page.path, language))) for language in languages]
    return [*found, ("x-default", address(options, file, language_file(page.path, DEFAULT_LANGUAGE)))]


def citation(source: Source) -> dict:
    """A source as a schema.org CreativeWork."""
    work = {"@type": "CreativeWork", "name": source.title, "creditText": source.publisher}
    if link := safe_link(source.link):
        work["url"] = link
    if source.year:
        work["datePublished"] = str(source.year)
    return work


def json_ld(page: GuidePage, canonical: str, start: str, site_title: str) -> dict:
    """The page as a schema.org MedicalWebPage for patients: its review date and the works it cites."""
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "MedicalWebPage",
        "name": page.title,
        "description": page.description,
        "url": canonical,
        "inLanguage": page.language,
        "audience": {"@type": "MedicalAudience", "audienceType": "Patient"},
        "isPartOf": {"@type": "WebSite", "name": site_title, "url": start},
        "citation": [citation(source) for source in page.sources],
    }
    if page.reviewed_on:
        data["lastReviewed"] = page.reviewed_on.isoformat()
    return data


def robots(options: SiteOptions) -> str:
    """Every page may be read; the sitemap is named when the guide's address is known."""
    lines = ["User-agent: *", "Allow: /"]
    if options.base_url:
        lines.append(f"Sitemap: {urljoin(options.base_url, 'sitemap.xml')}")
    return "\n".join(lines) + "\n"
