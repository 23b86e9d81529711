"""Every page links to the same topic in the guide (the plain pages at /guide/), in the page's language, in the
reminder's box."""

import re

import pytest

from botox_explorer.guide.build import build_site
from botox_explorer.guide.site import SiteOptions

from .helpers import PAGES, open_page

GUIDE_PAGE = {
    "home": "index.html",
    "explore": "index.html",
    "how": "how-it-works.html",
    "history": "history.html",
    "safety": "safety.html",
    "glossary": "glossary.html",
    "visit": "before-your-visit.html",
    "locations": "locations.html",
    "consultation": "index.html",
}
LINK = re.compile(r"\[Read this as a simple page\]\(guide/([^)]+)\)")


def guide_links(app) -> list[str]:
    return [found.group(1) for box in app.info if (found := LINK.search(box.value))]


@pytest.fixture(scope="module")
def guide_files(real_content):
    return build_site(real_content, SiteOptions())


@pytest.mark.parametrize("page", PAGES)
def test_each_page_links_to_its_topic_in_the_guide(page, guide_files):
    [target] = guide_links(open_page(page))
    assert target == GUIDE_PAGE[page]
    assert target in guide_files


def test_an_open_use_links_to_its_own_page_in_the_spanish_guide(guide_files):
    app = open_page("explore", use="chronic-migraine", lang="es")
    [box] = [box.value for box in app.info if "](guide/" in box.value]
    assert box.endswith(":material/article: [Leer esto como una página sencilla](guide/es/uses/chronic-migraine.html)")
    assert "es/uses/chronic-migraine.html" in guide_files


def test_an_unknown_use_links_to_the_start_page():
    assert guide_links(open_page("explore", use="<script>alert(1)</script>")) == ["index.html"]


def test_the_presenters_screen_has_no_guide_link():
    app = open_page("consultation", topics="chronic-migraine", present="1")
    assert not [box.value for box in app.info if "](guide/" in box.value]
