"""Safety on a 390 x 844 phone, in English and Spanish: the first screen says how to get help, a jump link brings its
section into view, and Home's safety entry opens Safety."""

from __future__ import annotations

import functools

import pytest
from playwright.sync_api import expect

from botox_explorer.content import load_content
from botox_explorer.i18n import t
from botox_explorer.models import text_in

from .helpers import assert_healthy, open_page

pytestmark = pytest.mark.browser
LANGUAGES = ("en", "es")


@functools.cache
def content():
    """The content of data/, read by the first test that needs it (not at collection)."""
    return load_content()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_first_screen_shows_the_help_box_with_911_and_every_red_flag(app_server, page, language):
    view = page("phone")
    open_page(view, app_server, f"/safety?lang={language}")
    expect(view.locator("#get-help-now")).to_be_in_viewport(ratio=1)
    box = view.locator('[data-testid="stAlert"]').filter(has_text="911").first
    for item in content().safety.red_flags:
        line = box.get_by_text(text_in(item.label, language), exact=True)
        expect(line).to_be_in_viewport(ratio=1)  # on the first screen, without scrolling
    expect(box.get_by_text("911", exact=False).first).to_be_in_viewport(ratio=1)
    assert view.evaluate("() => document.querySelector('[data-testid=\"stMain\"]')?.scrollTop ?? 0") == 0
    assert_healthy(view)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_jump_link_brings_its_section_into_view(app_server, page, language):
    view = page("phone")
    open_page(view, app_server, f"/safety?lang={language}")
    heading = view.locator("#who-may-inject")
    expect(heading).not_to_be_in_viewport()
    view.get_by_role("link", name=t("safety.who_may_inject", language), exact=True).click()
    expect(heading).to_be_in_viewport()
    assert_healthy(view)


@pytest.mark.parametrize("language", LANGUAGES)
def test_homes_safety_entry_opens_safety(app_server, page, language):
    view = page("phone")
    open_page(view, app_server, f"/?lang={language}")
    view.get_by_role("button", name=t("page.home.start.safety", language), exact=True).click()
    expect(view.locator("h1").first).to_have_text(t("page.safety.title", language))
    expect(view.locator("#get-help-now")).to_be_in_viewport()
    assert_healthy(view)
