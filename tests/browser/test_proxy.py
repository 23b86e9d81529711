"""The deploy configuration for real: two replicas behind Debian's nginx on loopback, visited in Chromium.

Shows that pages work through the proxy under its Content-Security-Policy (no violation), that a session stays
on its replica, that static files arrive compressed and cached, that the security headers are sent, that one
client cannot open unlimited connections, and that new visitors are served after a replica stops.
"""

from __future__ import annotations

import contextlib
import csv
import io
import secrets
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from devtools.proxy import NGINX, NginxProxy, ProxyError
from devtools.server import StreamlitServer

from .helpers import assert_healthy, open_page, require_tool, rerun, url_has
from .server import SERVER_START_TIMEOUT

pytestmark = pytest.mark.browser

# Records every Content-Security-Policy violation the page reports (the browser fires this event for each one).
RECORD_CSP_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""
PAGES = ["/", "/explore?category=medical&use=chronic-migraine", "/how_it_works", "/history", "/safety",
         "/locations", "/consultation?topics=frown-lines&present=1&step=3"]


@pytest.fixture(scope="module")
def replicas(tmp_path_factory):
    require_tool(NGINX, "nginx")
    folder = tmp_path_factory.mktemp("replicas")
    servers = [StreamlitServer(folder / f"replica-{n}.log") for n in (1, 2)]
    for server in servers:
        server.start(SERVER_START_TIMEOUT)
    yield servers
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def proxy(replicas, tmp_path_factory):
    nginx = NginxProxy(tmp_path_factory.mktemp("nginx"), [server.port for server in replicas])
    try:
        nginx.start()
    except ProxyError as error:
        pytest.fail(str(error))
    yield nginx
    nginx.stop()

# The page's chips, not the language switch (a button).
MAIN_PILLS = '[data-testid="stMain"] [data-testid="stButtonGroup"]'


def csp_violations(page) -> list[str]:
    return page.evaluate("() => window.__cspViolations")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_works_through_the_proxy_with_no_policy_violation(proxy, page, path):
    view = page("desktop")
    view.add_init_script(RECORD_CSP_VIOLATIONS_JS)
    open_page(view, proxy.url, path)
    assert_healthy(view)
    assert csp_violations(view) == []
    assert not [e for e in view.console_errors + view.ignored_errors if "Content Security Policy" in e]


def test_read_more_brings_the_detail_into_view_under_the_policy(proxy, page):
    """The script that scrolls to an opened use and focuses it is allowed by its hash, and does its work."""
    view = page("phone")
    view.add_init_script(RECORD_CSP_VIOLATIONS_JS)
    open_page(view, proxy.url, "/explore")
    button = view.locator(".st-key-open-depression button").filter(visible=True)
    button.scroll_into_view_if_needed()
    rerun(view, button.click, until="document.activeElement && document.activeElement.id === 'use-detail'")
    expect(view.locator("h2#use-detail")).to_be_in_viewport()
    assert csp_violations(view) == []


def test_security_headers_are_sent(proxy):
    headers = requests.get(f"{proxy.url}/explore", timeout=10).headers
    policy = headers["Content-Security-Policy"]
    for directive in ("script-src 'self' 'wasm-unsafe-eval' 'sha256-", "frame-ancestors 'none'", "object-src 'none'"):
        assert directive in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Frame-Options"] == "DENY"


def test_static_files_arrive_compressed_and_are_cached(proxy):
    index = requests.get(proxy.url, timeout=10).text
    script = next(part for part in index.split('"') if part.startswith("./static/js/index."))
    url = proxy.url + script[1:]
    first = requests.get(url, headers={"Accept-Encoding": "gzip"}, timeout=10)
    again = requests.get(url, headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert first.headers["Content-Encoding"] == "gzip"
    assert first.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert again.headers["X-Cache-Status"] == "HIT"


def test_the_guide_is_served_through_the_proxy_with_its_pictures_cached(proxy, page):
    start = requests.get(f"{proxy.url}/guide/", timeout=10)
    assert start.history[0].status_code == 301 and start.url == f"{proxy.url}/guide/index.html"
    assert "Content-Security-Policy" in start.headers and "<h1>Botox Explorer</h1>" in start.text
    assert requests.get(f"{proxy.url}/guide/es", timeout=10).url == f"{proxy.url}/guide/es/index.html"
    stylesheet = next(part for part in start.text.split('"') if part.startswith("assets/guide-"))
    url = f"{proxy.url}/guide/{stylesheet}"
    first = requests.get(url, headers={"Accept-Encoding": "gzip"}, timeout=10)
    again = requests.get(url, headers={"Accept-Encoding": "gzip"}, timeout=10)
    assert first.headers["Content-Encoding"] == "gzip"
    assert first.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert again.headers["X-Cache-Status"] == "HIT"
    view = page("phone")
    view.add_init_script(RECORD_CSP_VIOLATIONS_JS)
    view.goto(f"{proxy.url}/guide/es/history.html")
    expect(view.get_by_role("heading", level=1)).to_have_text("Historia")
    assert view.evaluate("() => [...document.images].every(image => image.complete && image.naturalWidth > 0)")
    assert csp_violations(view) == []
    assert requests.get(f"{proxy.url}/robots.txt", timeout=10).text.startswith("User-agent: *")


def test_a_session_stays_on_its_replica(proxy, page):
    """Each visitor's filters, rerun and download (served by the replica that holds the session) work, for
    enough visitors that both replicas hold sessions (routing keys are random: at least 6 visitors, more until
    both replicas are busy, at most 20)."""
    views = []
    while len(views) < 6 or (len(views) < 20 and 0 in replica_connections(proxy)):
        view = page("desktop")
        open_page(view, proxy.url, "/explore")
        views.append(view)
    routes = {next(c["value"] for c in view.context.cookies() if c["name"] == "botox_route") for view in views}
    assert len(routes) == len(views), "each visitor has a routing key of its own"
    busy = replica_connections(proxy)
    assert all(count > 0 for count in busy), f"connections per replica: {busy}"
    for view in views:
        pill = view.locator(MAIN_PILLS).first.get_by_role("button", name="Medical", exact=True)
        rerun(view, pill.click, until=url_has("category", "medical"))
        expect(pill).to_have_attribute("aria-pressed", "true")
        with view.expect_download() as download:
            view.get_by_role("button", name="Download CSV").click()
        rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
        assert rows and {row["category"] for row in rows} == {"medical"}
        assert_healthy(view)


def replica_connections(proxy: NginxProxy) -> list[int]:
    """Open TCP connections to each replica's port (from /proc/net/tcp: state 01 is ESTABLISHED)."""
    lines = [line.split() for line in Path("/proc/net/tcp").read_text().splitlines()[1:]]
    return [sum(1 for fields in lines if fields[2] == f"0100007F:{port:04X}" and fields[3] == "01")
            for port in proxy.upstream_ports]


def test_one_client_cannot_open_unlimited_sessions(proxy):
    opened, refused = 0, []
    with contextlib.ExitStack() as connections:
        for _ in range(25):
            try:
                connections.enter_context(connect(f"ws://127.0.0.1:{proxy.port}/_stcore/stream",
                                                  subprotocols=["streamlit"], open_timeout=10))
                opened += 1
            except InvalidStatus as error:
                refused.append(error.response.status_code)
    assert (opened, refused) == (20, [429] * 5)


def test_no_query_string_or_address_in_the_proxy_log(proxy):
    requests.get(f"{proxy.url}/consultation?topics=depression&present=1", timeout=10)
    log = proxy.access_log()
    assert '"GET /consultation"' in log
    assert "depression" not in log and "127.0.0.1" not in log


def test_new_visitors_are_served_after_a_replica_stops(replicas, proxy, page):
    """Visitors whose routing key led to the stopped replica are sent to the other one, and new visitors are
    served. Sixteen keys: the chance that none of them hashes to the stopped replica is 1 in 65,536."""
    replicas[0].stop()
    routes = [secrets.token_hex(16) for _ in range(16)]
    statuses = [requests.get(f"{proxy.url}/explore", cookies={"botox_route": route}, timeout=10).status_code
                for route in routes]
    assert statuses == [200] * len(routes)
    for _ in range(2):
        view = page("desktop")
        open_page(view, proxy.url, "/explore")
        assert_healthy(view)
