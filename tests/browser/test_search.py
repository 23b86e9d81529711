"""The search on a 390 px phone: the words patients type find their use, in English and Spanish, and the count of
what was found shows on the first screen below the search box."""

from __future__ import annotations

import functools

import pytest

from botox_explorer.content import load_content
from botox_explorer.i18n import t
from botox_explorer.models import text_in
from botox_explorer.search import SearchIndex

from .helpers import VIEWPORTS, open_page, rerun, text_shown

pytestmark = pytest.mark.browser

EVERYDAY_WORDS = {
    "en": {"crow’s feet": "crows-feet", "crows feet": "crows-feet", "wrinkles": "forehead-lines",
           "TMJ": "bruxism-jaw-pain", "migrane": "chronic-migraine", "sweaty hands": "palm-sole-sweating",
           "bladder leaks": "overactive-bladder", "forhead": "forehead-lines"},
    "es": {"arrugas": "crows-feet", "sudor": "underarm-sweating", "manos sudorosas": "palm-sole-sweating",
           "migraña": "chronic-migraine", "patas de gallo": "crows-feet"},
}


@functools.cache
def content():
    """The content of data/, read by the first test that needs it (not at collection)."""
    return load_content()


@pytest.mark.parametrize("language", ["en", "es"])
def test_everyday_words_find_their_use_with_the_count_in_sight(app_server, page, language):
    phone = page("phone")
    open_page(phone, app_server, f"/explore?lang={language}")
    index = SearchIndex.from_content(content(), language)
    box = phone.get_by_label(t("page.explore.search", language), exact=True)
    for word, use_id in EVERYDAY_WORDS[language].items():
        count = t("page.explore.found", language, count=len(index.rank(word)), query=word)
        box.fill(word)
        rerun(phone, lambda: box.press("Enter"), until=text_shown('[data-testid="stCaptionContainer"]', count))
        name = text_in(content().uses[use_id].name, language)
        assert name in phone.locator("h3").all_inner_texts(), word
        box.scroll_into_view_if_needed()
        box_bottom = box.bounding_box()["y"] + box.bounding_box()["height"]
        caption = phone.get_by_text(count, exact=True).bounding_box()
        assert 0 <= caption["y"] - box_bottom < 150, word  # right under the box
        assert caption["y"] + caption["height"] <= VIEWPORTS["phone"][1], word  # on the screen
