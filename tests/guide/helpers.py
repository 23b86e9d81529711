"""Ways to read a built page of the guide as a browser does (html5lib's tree, its links, its visible text and its
JSON-LD), where its links go, and the addresses the guide tests build it with. The fixtures are in conftest.py."""

from __future__ import annotations

import json
import os
import posixpath
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import html5lib
import pytest

from botox_explorer.i18n import t
from botox_explorer.models import DEFAULT_LANGUAGE, LANGUAGES

BASE_URL = "https://clinic.example/guide/"
DASHBOARD_URL = "https://clinic.example/"
# The dashboard's page for each topic page of the guide (its url path: the page script's name; home is "").
DASHBOARD_VIEWS = {"index.html": "", "how-it-works.html": "how_it_works", "history.html": "history",
                   "products.html": "history", "safety.html": "safety", "before-your-visit.html": "before_your_visit",
                   "glossary.html": "glossary", "locations.html": "locations"}
OUT_OF_THE_WEB = ("http", "https", "mailto", "tel")  # the schemes a page may link out with


def built_once(fixture_name: str, config: pytest.Config) -> str:
    """The scope of a fixture that builds the guide: once a session, but once a test while mutmut records which
    tests call which function (it runs a mutant against those tests only, and a site built once would count for
    the first test that asked for it). Each mutant's run is a session of its own, so the site is then built once
    with the mutant in it."""
    return "function" if os.environ.get("MUTANT_UNDER_TEST") == "stats" else "session"


def parse(data: bytes, *, strict: bool = False) -> Element:
    """The page's tree as a browser builds it; ``strict``: any parse error raises html5lib's ParseError."""
    return html5lib.HTMLParser(strict=strict, namespaceHTMLElements=False).parse(data.decode("utf-8"))


def parse_errors(files: dict[str, bytes]) -> list[str]:
    """``page: error`` for every page of ``files`` that does not parse without an error."""
    errors = []
    for file, data in files.items():
        if file.endswith(".html"):
            try:
                parse(data, strict=True)
            except html5lib.html5parser.ParseError as error:
                errors.append(f"{file}: {error}")
    return errors


def text_of(element: Element) -> str:
    """The text inside an element, its white space collapsed as a reader sees it."""
    return " ".join("".join(element.itertext()).split())


@dataclass(frozen=True)
class Page:
    """One built page: its file below the guide's root, its bytes and its tree."""

    file: str
    data: bytes

    @cached_property
    def tree(self) -> Element:
        return parse(self.data)

    @property
    def raw(self) -> str:
        return self.data.decode("utf-8")

    @property
    def language(self) -> str:
        first = self.file.split("/", 1)[0]
        return first if first in LANGUAGES and "/" in self.file else DEFAULT_LANGUAGE

    @property
    def path(self) -> str:
        """Its place in its language's folder: ``uses/chronic-migraine.html``."""
        return self.file.removeprefix(f"{self.language}/") if self.language != DEFAULT_LANGUAGE else self.file

    def all(self, tag: str) -> list[Element]:
        return list(self.tree.iter(tag))

    def one(self, tag: str, **attributes: str) -> Element | None:
        found = [e for e in self.tree.iter(tag) if all(e.get(k) == v for k, v in attributes.items())]
        assert len(found) <= 1, f"{self.file}: {len(found)} <{tag}> with {attributes}"
        return found[0] if found else None

    @property
    def body_text(self) -> str:
        return text_of(self.tree.find("body"))

    @property
    def read_aloud(self) -> str:
        """What a reader or a screen reader gets: the title, the body's text, and labels and text alternatives."""
        labels = [e.get(name) for e in self.tree.iter() for name in ("aria-label", "alt") if e.get(name)]
        return " ".join([text_of(self.tree.find("head/title")), self.body_text, *labels])

    @property
    def links(self) -> list[str]:
        return [e.get(name) for e in self.tree.iter() for name in ("href", "src") if e.get(name) is not None]

    @property
    def ids(self) -> set[str]:
        return {e.get("id") for e in self.tree.iter() if e.get("id")}

    @property
    def json_ld(self) -> dict:
        [script] = [s for s in self.all("script") if s.get("type") == "application/ld+json"]
        return json.loads(script.text)

    @property
    def sources(self) -> list[Element]:
        section = self.one("section", id="sources")
        return [] if section is None else section.findall("ol/li")

    @property
    def to_dashboard(self) -> list[str]:
        """Where the page's links that say "Open this in the interactive dashboard" (in its language) go."""
        words = t("guide.open_in_dashboard", self.language)
        return [a.get("href") for a in self.all("a") if text_of(a) == words]


def pages_of(files: dict[str, bytes]) -> dict[str, Page]:
    return {name: Page(name, data) for name, data in files.items() if name.endswith(".html")}


def target(page_file: str, link: str) -> tuple[str | None, str]:
    """Where a link goes: (the file below the guide's root, the fragment). The file is ``None`` for a link to
    another site, and starts with ``..`` for a link out of the guide's folder (to the dashboard)."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        if not link.startswith(BASE_URL):
            return None, parts.fragment
        path, folder = parts.path.removeprefix(urlsplit(BASE_URL).path), ""
    else:
        path, folder = parts.path, posixpath.dirname(page_file)
    file = posixpath.normpath(posixpath.join(folder, path)) if path else page_file
    return file, parts.fragment


def dashboard_view(page: Page) -> str:
    """The view of the dashboard a page leads to, below the dashboard's root, in the page's language."""
    if page.path.startswith("uses/"):
        return f"explore?use={page.path.removeprefix('uses/').removesuffix('.html')}&lang={page.language}"
    return f"{DASHBOARD_VIEWS[page.path]}?lang={page.language}"
