"""A content problem never reaches a visitor as an exception: every page shows what to fix instead."""

import pytest

from tests.content.test_crosscheck import BROKEN_REFERENCES
from tests.helpers import replace_in

from .helpers import PAGES, open_page


def assert_content_error_shown(app, expected: str) -> None:
    assert not app.exception
    assert "cannot be shown" in app.error[0].value
    assert expected in app.text[0].value
    assert not app.title, "the page went on after the content error"


@pytest.mark.parametrize(("file", "old", "new", "expected"), BROKEN_REFERENCES.values(), ids=BROKEN_REFERENCES)
def test_each_broken_reference_shows_the_content_error(monkeypatch, content_dir, file, old, new, expected):
    replace_in(content_dir, file, old, new)
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    assert_content_error_shown(open_page("explore"), expected)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_the_content_error(monkeypatch, content_dir, page):
    file, old, new, expected = BROKEN_REFERENCES["label-dose product"]
    replace_in(content_dir, file, old, new)
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    assert_content_error_shown(open_page(page, topics="lines"), expected)
