"""Smoke tests: Home renders cleanly on a laptop and a phone, with the shared frame and the navigation."""

from __future__ import annotations

import pytest

from tests.helpers import registered_page_scripts

from .helpers import assert_healthy, open_page, screenshot, wait_settled

pytestmark = pytest.mark.browser


def registered_page_count() -> int:
    """How many pages the entry point registers (Streamlit shows no navigation for a single page)."""
    scripts = registered_page_scripts()
    assert scripts, "no page script named in app.py: update registered_page_scripts() to the new layout"
    return len(scripts)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_home_is_healthy(app_server, page, viewport):
    home = page(viewport)
    open_page(home, app_server, "/")
    assert_healthy(home)
    screenshot(home, "home")


def test_navigation_at_desktop_width(app_server, page):
    home = page("desktop")
    open_page(home, app_server, "/")
    pages = registered_page_count()
    navigation = home.locator('[data-testid="stSidebarNav"]')
    if pages == 1:
        # Streamlit renders no sidebar navigation for a single page; the check below starts with the second page.
        assert navigation.count() == 0
        return
    assert home.locator('[data-testid="stSidebar"]').is_visible(), "the sidebar is collapsed at desktop width"
    assert navigation.is_visible()
    links = navigation.locator('a[data-testid="stSidebarNavLink"]')
    assert links.count() == pages
    for index in range(pages):
        link = links.nth(index)
        assert link.is_visible()
        assert link.inner_text().strip(), f"navigation link {index} has no text"
    current = navigation.locator('a[aria-current="page"]')
    assert current.count() == 1
    assert "Home" in current.inner_text()
    assert current.get_attribute("href").rstrip("/") == app_server


def test_deep_link_to_home_on_a_fresh_server_shows_the_frame(fresh_server, page):
    base_url = fresh_server()  # nothing but the health check has reached this server yet
    home = page("desktop")
    home.goto(f"{base_url}/")
    wait_settled(home, timeout=60_000)
    assert_healthy(home)
    assert home.locator("h1").first.is_visible()
    reminder = home.locator('[data-testid="stAlert"]:has([data-testid="stAlertContentInfo"])')
    assert reminder.count() == 1, "the consult-a-professional reminder is missing"
    assert reminder.is_visible()
    assert reminder.inner_text().strip()
