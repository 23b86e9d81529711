"""deploy/compose.yaml run with podman-compose: two replicas of the image behind nginx with the deploy config as
written, visited in Chromium through the proxy.

Only the images (the stand-ins, devtools/containers.py) and the published port (a free loopback one) are changed,
by an override file. Shows that a visitor never gets an error while the stack starts, that pages work under the
proxy's headers and Content-Security-Policy, that a session stays on its replica, and what a visitor sees when the
replica holding their session stops: the page reconnects to the other one and shows the same step or filters.
"""

from __future__ import annotations

import csv
import io
import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect

from devtools.containers import ContainerError, wait_for
from devtools.proxy import free_port
from tests.browser.conftest import page  # noqa: F401  (the page factory, on this module's browser)
from tests.browser.helpers import assert_healthy, launched_chromium, open_page, rerun, url_has, wait_settled

# The first test's setup builds the images (about 1.5 minutes on an idle machine, 3.5 on a busy one).
pytestmark = [pytest.mark.container, pytest.mark.timeout(600)]

START_TIMEOUT = 150.0  # the proxy waits up to 2 minutes for the replicas
AFTER_FIRST_ANSWER = 20  # requests with new routing keys once the proxy answers: both replicas are asked
RECORD_CSP_VIOLATIONS_JS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', event => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
});
"""
PAGES = ["/", "/explore?category=medical&use=chronic-migraine", "/consultation?topics=frown-lines&present=1&step=3"]
MAIN_PILLS = '[data-testid="stMain"] [data-testid="stButtonGroup"]'
STEP_CAPTION = '[data-testid="stCaptionContainer"]'
# What the visitor sees, every 50 ms from now on, as a list of changes: the connection state, the status widget
# in the corner and any dialog, with the milliseconds since the recording began.
RECORD_WHAT_IS_SEEN_JS = """() => {
  const seen = window.__seen = [];
  const start = performance.now();
  const text = selector => [...document.querySelectorAll(selector)].map(e => e.innerText.trim()).join(' | ');
  let last = '';
  window.__seenTimer = setInterval(() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const now = JSON.stringify([app && app.getAttribute('data-test-connection-state'),
                                text('[data-testid="stStatusWidget"]'), text('[role="dialog"]')]);
    if (now !== last) { seen.push([Math.round(performance.now() - start), ...JSON.parse(now)]); last = now; }
  }, 50);
}"""


@dataclass
class Stack:
    url: str
    replicas: list[str]
    cold_start: list[tuple[float, str]]  # (seconds after ``up`` returned, what a request got), until the first 200
    answered_after: float


@pytest.fixture(scope="module")
def stack(podman, measured):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    podman.compose_down()
    try:
        podman.compose_up(port)
        cold_start, answered_after = first_answers(url)
        replicas = podman.compose_containers("app")
        assert len(replicas) == 2, f"replicas: {replicas}"
        for name in replicas:
            podman.wait_healthy(name)
        measured.append(f"compose up: the proxy's first answer {answered_after:.1f} s after up returned; "
                        f"before it {len(cold_start) - 1} requests found nothing listening")
        yield Stack(url, replicas, cold_start, answered_after)
    except ContainerError as error:
        pytest.fail(str(error), pytrace=False)
    finally:
        podman.compose_down()


def first_answers(url: str) -> tuple[list[tuple[float, str]], float]:
    """Ask for the home page from the moment the stack is up until the proxy answers 200 (a visitor reloading):
    what each request got, and when the first answer came (infinite for none within START_TIMEOUT)."""
    start = time.monotonic()
    outcomes: list[tuple[float, str]] = []

    def answered() -> bool:
        try:
            status = str(requests.get(f"{url}/", timeout=5).status_code)
        except requests.ConnectionError:
            status = "nothing listening"
        outcomes.append((time.monotonic() - start, status))
        return status == "200"

    try:
        wait_for(answered, START_TIMEOUT, "the proxy's first answer", interval=0.1)
    except ContainerError:
        return outcomes, float("inf")
    return outcomes, outcomes[-1][0]


@pytest.fixture(scope="module")
def browser(stack, playwright_driver):
    """Chromium, started once the stack is up: started before, it saw the new container network appear and
    dropped requests with ERR_NETWORK_CHANGED (seen)."""
    with launched_chromium(playwright_driver) as chromium:
        yield chromium


def test_no_visitor_gets_an_error_while_the_stack_starts(stack):
    """Until both replicas answer their health check, nothing listens on the proxy's port (a browser retries or
    says it cannot connect); then every request is answered, whichever replica its routing key picks."""
    errors = [(round(at, 1), got) for at, got in stack.cold_start if got not in ("nothing listening", "200")]
    assert errors == [], f"answers before the first 200: {errors}"
    assert stack.answered_after < START_TIMEOUT, f"the proxy never answered: {stack.cold_start[-5:]}"
    statuses = [requests.get(f"{stack.url}/explore", cookies={"botox_route": secrets.token_hex(16)},
                             timeout=10).status_code for _ in range(AFTER_FIRST_ANSWER)]
    assert statuses == [200] * AFTER_FIRST_ANSWER


@pytest.mark.parametrize("path", PAGES)
def test_pages_work_through_the_proxy_with_no_policy_violation(stack, page, path):  # noqa: F811
    view = page("desktop")
    view.add_init_script(RECORD_CSP_VIOLATIONS_JS)
    open_page(view, stack.url, path)
    assert_healthy(view)
    assert view.evaluate("() => window.__cspViolations") == []


def test_the_guide_is_served_in_both_languages(stack):
    for folder, language in (("/guide/", "en"), ("/guide/es/", "es")):
        response = requests.get(f"{stack.url}{folder}", timeout=10)
        assert response.status_code == 200 and f'<html lang="{language}"' in response.text
        assert response.history and response.history[0].status_code == 301


def test_the_proxy_sends_the_security_headers(stack):
    response = requests.get(f"{stack.url}/explore", timeout=10)
    headers = response.headers
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert (headers["X-Frame-Options"], headers["X-Content-Type-Options"], headers["Referrer-Policy"]) == (
        "DENY", "nosniff", "no-referrer")
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in headers, "HSTS over plain HTTP (only the TLS server sends it)"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("botox_route=") and "HttpOnly" in cookie and "Secure" not in cookie


def test_a_session_stays_on_its_replica(podman, stack, page):  # noqa: F811
    """Each visitor's rerun and downloads (a download is kept by the replica holding the session) work, for
    visitors until both replicas hold sessions (at least 3, at most 10; 3 downloads each: without sticky routing,
    each one would reach the wrong replica half of the time)."""
    views = []
    while len(views) < 3 or (len(views) < 10 and 0 in replica_connections(podman, stack)):
        view = page("desktop")
        open_page(view, stack.url, "/explore")
        views.append(view)
    busy = replica_connections(podman, stack)
    assert all(count > 0 for count in busy), f"connections per replica: {busy}"
    for view in views:
        pill = view.locator(MAIN_PILLS).first.get_by_role("button", name="Medical", exact=True)
        rerun(view, pill.click, until=url_has("category", "medical"))
        for _ in range(3):
            with view.expect_download() as download:
                view.get_by_role("button", name="Download CSV").click()
            assert download.value.failure() is None, f"download failed: {download.value.failure()}"
            rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
            assert rows and {row["category"] for row in rows} == {"medical"}
        assert_healthy(view)


def replica_connections(podman, stack: Stack) -> list[int]:
    """Open connections to each replica's port 8501 from outside it (its /proc/net/tcp: 01 is ESTABLISHED)."""
    counts = []
    for name in stack.replicas:
        lines = [line.split() for line in podman("exec", name, "cat", "/proc/net/tcp").stdout.splitlines()[1:]]
        counts.append(sum(1 for fields in lines if fields[1].endswith(":2135") and fields[3] == "01"
                          and not fields[2].startswith("0100007F")))
    return counts


def test_the_replicas_cannot_write_outside_tmp(podman, stack):
    """compose's read_only: even root in a replica cannot write to its app folder."""
    for name in stack.replicas:
        result = podman("exec", "--user", "0", name, "touch", "/app/written-by-a-test", check=False)
        assert result.returncode != 0 and "Read-only file system" in result.stderr, result.stderr


def test_a_visitor_whose_replica_stops_is_reconnected_to_the_other_with_the_same_view(podman, stack, page,  # noqa: F811
                                                                                      measured):
    """A consultation presented at step 3 and an Explore with filters, both on one replica (one routing key);
    that replica stops (as in an update or a crash of its host): each page reconnects through the proxy to the
    other replica and shows the same step and the same filters, which live in the address. What each visitor saw,
    and for how long, is recorded (printed at the end of the run). Runs last: it leaves one replica."""
    route = secrets.token_hex(16)
    consultation, explore = page("desktop"), page("desktop")
    sent_before = {name: podman.sent_bytes(name) for name in stack.replicas}
    for view, path in ((consultation, "/consultation?topics=frown-lines&present=1&step=3"),
                       (explore, "/explore?category=medical&area=forehead")):
        view.context.add_cookies([{"name": "botox_route", "value": route, "url": stack.url}])
        open_page(view, stack.url, path)
    expect(consultation.locator(STEP_CAPTION).filter(has_text="Step 3 of")).to_be_visible()
    serving, other = serving_replica(podman, stack, sent_before)
    measured.append(f"replica stopped: {serving} (it served both pages), {other} left")

    for view in (consultation, explore):
        view.evaluate(RECORD_WHAT_IS_SEEN_JS)
    stopped_at = time.monotonic()
    podman("stop", "-t", "10", serving)
    measured.append(f"replica stopped: podman stop took {time.monotonic() - stopped_at:.1f} s")
    for name, view in (("consultation", consultation), ("explore", explore)):
        view.wait_for_function("() => window.__seen.some(([, state]) => state !== 'CONNECTED')", timeout=30_000)
        wait_settled(view, timeout=60_000)
        seen = view.evaluate("() => { clearInterval(window.__seenTimer); return window.__seen; }")
        measured.append(f"replica stopped, {name}: settled again {time.monotonic() - stopped_at:.1f} s after the "
                        f"stop began; seen (ms, connection, status widget, dialog): {json.dumps(seen)}")

    expect(consultation.locator(STEP_CAPTION).filter(has_text="Step 3 of")).to_be_visible()
    assert "step=3" in consultation.url and "topics=frown-lines" in consultation.url
    pill = explore.locator(MAIN_PILLS).first.get_by_role("button", name="Medical", exact=True)
    expect(pill).to_have_attribute("aria-pressed", "true")
    assert "category=medical" in explore.url and "area=forehead" in explore.url
    assert podman.healthy(other)
    # The visit goes on, on the replica left. The new session there has not run the page yet (Streamlit does not
    # rerun on reconnecting), so a button's callback is unknown to it: the first click may be lost (seen), and a
    # download may name a file only the stopped replica held.
    next_step = consultation.get_by_role("button", name=re.compile(r"\bNext\b"))
    clicks = 0
    while clicks < 2 and not consultation.locator(STEP_CAPTION).filter(has_text="Step 4 of").count():
        rerun(consultation, next_step.click, until="true")
        clicks += 1
    expect(consultation.locator(STEP_CAPTION).filter(has_text="Step 4 of")).to_be_visible()
    first_download = download_failure(explore)
    measured.append(f"after the switch: Next clicked {clicks} times to reach step 4; the first download: "
                    f"{first_download or 'worked'}")
    for view in (consultation, explore):
        assert not view.locator('[data-testid="stException"]').count()
    gaps = [gap for gap, seen in (("the first click after the switch was lost", clicks > 1),
                                  (f"the first download after the switch failed ({first_download})", first_download))
            if seen]
    if gaps:
        pytest.xfail("; ".join(gaps) + " (docs/deploy.md, a replica lost mid-visit)")


def download_failure(view) -> str | None:
    """Click Download CSV: None when a CSV of medical uses arrives, else what went wrong."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    try:
        with view.expect_download(timeout=5_000) as download:
            view.get_by_role("button", name="Download CSV").click()
    except PlaywrightTimeoutError:
        return "no download within 5 s"
    if failure := download.value.failure():
        return failure
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    return None if rows and {row["category"] for row in rows} == {"medical"} else f"unexpected rows: {rows[:2]}"


def serving_replica(podman, stack: Stack, sent_before: dict[str, int]) -> tuple[str, str]:
    """The replica that served the two pages (the one that sent their bytes) and the other one."""
    sent = {name: podman.sent_bytes(name) - before for name, before in sent_before.items()}
    serving = max(sent, key=sent.get)
    other = next(name for name in sent if name != serving)
    assert sent[other] < sent[serving] / 10, f"bytes sent by each replica while the pages loaded: {sent}"
    return serving, other
