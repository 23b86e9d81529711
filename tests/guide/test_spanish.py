"""The Spanish pages speak Spanish: no word of the English interface is left on them."""

import re

import pytest

from botox_explorer import i18n
from botox_explorer.guide.build import build_site
from botox_explorer.guide.site import SiteOptions
from tests.helpers import english_left

from .helpers import built_once, text_of

# Names said in English in Spanish text too: the products' brands (BOTOX Cosmetic), and these.
PROPER_NAMES = ("Medical Board",)
SHORTEST = 4  # shorter texts ("FDA", "US") may stand in either language


class Recording(dict):
    """A catalogue that notes every key a page looks up."""

    def __init__(self, entries: dict, seen: set[str]) -> None:
        super().__init__(entries)
        self.seen = seen

    def __getitem__(self, key: str):
        self.seen.add(key)
        return super().__getitem__(key)


@pytest.fixture(scope=built_once)
def interface_keys(real_content) -> set[str]:
    """The catalogue keys the guide's pages use: every guide.* and nav.* key, and each key looked up in a build."""
    seen: set[str] = set()
    catalogue = i18n.catalogue
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(i18n, "catalogue", lambda language: Recording(catalogue(language), seen))
        build_site(real_content, SiteOptions())
    return seen | {key for key in catalogue("en") if key.startswith(("guide.", "nav."))}


def shown(page, real_content) -> str:
    """What a reader of the page gets in the interface's words: its text but the titles of the works it cites (each
    in its own language) and proper names."""
    text = page.read_aloud
    for item in page.sources:
        text = text.replace(text_of(item), " ")
    names = sorted([*PROPER_NAMES, *(product.brand for product in real_content.products.values())], key=len,
                   reverse=True)
    return re.sub("|".join(map(re.escape, names)), " ", text, flags=re.IGNORECASE)


def english_words(text: str, keys: set[str]) -> list[str]:
    return [fragment for fragment in english_left(text, *keys) if len(fragment) >= SHORTEST]


def test_the_guide_looks_up_its_own_words_and_the_dashboards(interface_keys):
    assert {"guide.open_in_dashboard", "nav.safety", "notes.sources_heading", "views.what_it_treats"} <= interface_keys


def test_no_spanish_page_holds_a_word_of_the_english_interface(pages, interface_keys, real_content):
    spanish = [page for page in pages.values() if page.language == "es"]
    assert len(spanish) == len(pages) / 2
    left = {page.file: english_words(shown(page, real_content), interface_keys) for page in spanish}
    assert not {file: texts for file, texts in left.items() if texts}


def test_english_words_would_be_found(pages, interface_keys, real_content):
    """The check above reads the pages' words: an English heading left on a Spanish page is found."""
    page = pages["es/safety.html"]
    english = i18n.t("guide.open_in_dashboard", "en")
    assert english_words(shown(page, real_content) + f" {english} ", interface_keys) == [english]
