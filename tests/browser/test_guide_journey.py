"""From the guide to the dashboard and back, on a phone: the same topic, in the same language."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from botox_explorer.i18n import t

from .helpers import assert_healthy, open_page, screenshots_dir, wait_settled

pytestmark = pytest.mark.browser


def test_a_guide_page_opens_its_use_in_the_dashboard_in_spanish(app_server, page):
    view = page("phone")
    view.goto(f"{app_server}/guide/es/uses/chronic-migraine.html")
    expect(view.get_by_role("heading", level=1)).to_have_text("Migraña crónica")
    view.screenshot(path=screenshots_dir() / "guide-use-390.png")  # the first screen, as a phone shows it
    view.get_by_role("link", name=t("guide.open_in_dashboard", "es")).first.click()
    wait_settled(view)
    assert parse_qs(urlsplit(view.url).query) == {"use": ["chronic-migraine"], "lang": ["es"]}
    assert urlsplit(view.url).path == "/explore"
    expect(view.locator("#use-detail")).to_have_text("Migraña crónica")
    assert_healthy(view)


def test_the_dashboard_opens_the_same_topic_as_a_simple_page(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/history?lang=es")
    link = view.get_by_role("link", name=t("frame.simple_page", "es"))
    with view.context.expect_page() as opened:
        link.click()
    guide = opened.value
    guide.wait_for_load_state()
    assert urlsplit(guide.url).path == "/guide/es/history.html"
    expect(guide.get_by_role("heading", level=1)).to_have_text("Historia")
    expect(guide.locator("html")).to_have_attribute("lang", "es")
