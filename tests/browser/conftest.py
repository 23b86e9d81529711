"""Browser-test fixtures: a real Streamlit server, Debian's Chromium and a new page in it.

Fixtures
- ``app_server`` (session): base URL (``http://127.0.0.1:PORT``) of one server shared by the session.
- ``fresh_server`` (function): a factory; ``fresh_server()`` starts a NEW server and returns its base URL,
  for tests about the very first request a server receives. Stopped when the test ends.
- ``browser`` (session): Chromium from ``/usr/bin/chromium`` (skipped when missing, failed when ``CI`` is set).
- ``page`` (function): a factory; ``page("desktop")`` / ``page("phone")`` / ``page((w, h))`` returns a page in
  a new context. ``page.console_errors`` lists the console errors and uncaught exceptions seen so far.

Helpers (import from ``.helpers``): ``wait_settled``, ``open_page``, ``assert_healthy``, ``screenshot``,
``full_height``, ``rerun`` (with ``url_has``, ``url_lacks``, ``text_shown``), ``reminder_alert``, ``focus_ring``.
Server control (``.server``): ``start_server``, ``SERVER_START_TIMEOUT``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from devtools.server import StreamlitServer, log_tail

from .helpers import (
    MAP_ERROR_AFTER_BLOCKED_TILES,
    VIEWPORTS,
    is_blocked_external_request,
    is_external,
    launched_chromium,
)
from .server import start_server

# --- the Streamlit server -------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a Streamlit server shared by the whole session."""
    server = start_server(tmp_path_factory.mktemp("streamlit-logs"))
    try:
        yield server.url
        if not server.alive:
            pytest.fail(f"Streamlit died during the tests; last lines of its log:\n{log_tail(server.log_path)}")
    finally:
        server.stop()


@pytest.fixture
def fresh_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[], str]]:
    """Factory: each call starts a NEW server (nothing has requested anything yet) and returns its base URL."""
    servers: list[StreamlitServer] = []

    def start() -> str:
        servers.append(start_server(tmp_path_factory.mktemp("streamlit-fresh-logs")))
        return servers[-1].url

    try:
        yield start
    finally:
        for server in servers:
            server.stop()


# --- the browser ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser(playwright_driver):
    with launched_chromium(playwright_driver) as chromium:
        yield chromium


@pytest.fixture
def page(browser):
    """Factory: ``page("desktop" | "phone" | (width, height), **context_options)`` -> a Playwright page in a new
    context (``ignore_https_errors=True`` for a certificate made by a test).

    The page carries ``console_errors``: a list of the console errors and uncaught page errors seen so far,
    without those caused by blocked external requests (kept apart in ``page.ignored_errors``).
    """
    contexts = []

    def new_page(viewport: str | tuple[int, int] = "desktop", **context_options):
        width, height = VIEWPORTS[viewport] if isinstance(viewport, str) else viewport
        context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1,
                                      **context_options)
        contexts.append(context)
        new = context.new_page()
        errors: list[str] = []
        ignored: list[str] = []
        new.console_errors = errors
        new.ignored_errors = ignored

        def on_request_failed(request) -> None:
            if is_external(request.url):
                ignored.append(f"requestfailed: {request.url} ({request.failure})")

        def on_console(message) -> None:
            if message.type != "error":
                return
            text = f"console: {message.text}"
            (ignored if is_blocked_external_request(message.text) else errors).append(text)

        def on_page_error(error) -> None:
            text = f"pageerror: {error}"
            blocked_before = bool(ignored)
            (ignored if blocked_before and str(error).strip() == MAP_ERROR_AFTER_BLOCKED_TILES else errors).append(text)

        new.on("requestfailed", on_request_failed)
        new.on("console", on_console)
        new.on("pageerror", on_page_error)
        return new

    yield new_page
    for context in contexts:
        context.close()

