"""Smoke tests: Home renders cleanly on a laptop and a phone, with the shared frame and the navigation."""

from __future__ import annotations

import pytest

from .helpers import assert_healthy, open_page, registered_page_count, screenshot, wait_settled

pytestmark = pytest.mark.browser

# The navigation's links as a visitor reads them (each after its icon), in app.py's order: the English titles.
NAVIGATION = ["Home", "Explore uses", "How it works", "History", "Safety", "Words explained", "Before your visit",
              "Locations", "Consultation"]
TITLE = '[data-testid="stMarkdownContainer"]'  # a link's title (the link also holds its icon's name, aria-hidden)


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_home_is_healthy(app_server, page, viewport):
    home = page(viewport)
    open_page(home, app_server, "/")
    assert_healthy(home)
    screenshot(home, "home")


def test_navigation_at_desktop_width(app_server, page):
    home = page("desktop")
    open_page(home, app_server, "/")
    navigation = home.locator('[data-testid="stSidebarNav"]')
    assert home.locator('[data-testid="stSidebar"]').is_visible(), "the sidebar is collapsed at desktop width"
    assert navigation.is_visible()
    links = navigation.locator('a[data-testid="stSidebarNavLink"]')
    titles = links.locator(TITLE)
    assert [title.strip() for title in titles.all_inner_texts()] == NAVIGATION
    assert links.count() == registered_page_count(), "a page app.py registers is not in the navigation"
    for index in range(links.count()):
        assert links.nth(index).is_visible(), NAVIGATION[index]
    current = navigation.locator('a[aria-current="page"]')
    assert current.count() == 1
    assert current.locator(TITLE).inner_text().strip() == "Home"
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
