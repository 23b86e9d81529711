"""The hand-off for real: the address a consultation's QR code carries, opened on a phone through the deploy's nginx
in front of the launcher. The patient sees the topics in their language, the visit notes open, the summary downloads
as a PDF of those topics, and the page runs nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import requests
from playwright.sync_api import expect
from pypdf import PdfReader

from botox_explorer.content import load_content
from botox_explorer.guide.build import POLICY
from botox_explorer.i18n import t
from botox_explorer.models import text_in
from botox_explorer.phone_link import phone_link
from devtools.proxy import NGINX, NginxProxy, ProxyError
from devtools.server import StreamlitServer

from .helpers import require_tool
from .server import SERVER_START_TIMEOUT
from .test_proxy import RECORD_CSP_VIOLATIONS_JS, csp_violations

pytestmark = pytest.mark.browser

TOPICS = ["chronic-migraine", "frown-lines"]


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    """The launcher behind the deploy's nginx, as compose runs them (one replica is enough here)."""
    require_tool(NGINX, "nginx")
    folder = tmp_path_factory.mktemp("hand-off")
    server = StreamlitServer(folder / "server.log")
    server.start(SERVER_START_TIMEOUT)
    nginx = NginxProxy(folder / "nginx", [server.port])
    try:
        nginx.start()
    except ProxyError as error:
        server.stop()
        pytest.fail(str(error))
    yield nginx
    nginx.stop()
    server.stop()


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_qr_codes_address_opens_the_topics_on_a_phone_with_the_notes_and_the_summary(proxy, page, language):
    content = load_content()
    view = page("phone")
    view.add_init_script(RECORD_CSP_VIOLATIONS_JS)
    link = phone_link(proxy.url, TOPICS, language)
    view.goto(link)
    expect(view.get_by_role("heading", level=1)).to_have_text(t("guide.topics.title", language))
    for use_id in TOPICS:
        expect(view.get_by_role("heading", level=2, name=text_in(content.uses[use_id].name, language))).to_be_visible()
    assert view.evaluate("() => [...document.scripts].filter(s => s.type !== 'application/ld+json').length") == 0
    assert view.evaluate("() => document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")

    with view.expect_download() as download:
        view.get_by_role("link", name=t("guide.topics.summary", language)).click()
    assert download.value.suggested_filename == t("page.consultation.file", language)
    data = Path(download.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())
    assert all(text_in(content.uses[use_id].name, language) in text for use_id in TOPICS)

    view.get_by_role("link", name=t("guide.topics.visit_notes", language)).click()
    expect(view.get_by_role("heading", level=1)).to_have_text(t("nav.before_your_visit", language))
    assert view.url == f"{proxy.url}/guide/{'es/' if language == 'es' else ''}before-your-visit.html"
    assert csp_violations(view) == [] and view.console_errors == []


def test_the_hand_off_keeps_the_guides_policy_and_its_address_out_of_the_log(proxy):
    response = requests.get(phone_link(proxy.url, ["frown-lines"], "en"), timeout=10)
    assert response.status_code == 200
    # The page's own headers and the proxy's (the same values): a browser enforces both policies.
    assert POLICY in response.headers["Content-Security-Policy"]
    assert {value.strip() for value in response.headers["Referrer-Policy"].split(",")} == {"no-referrer"}
    assert response.headers["Cache-Control"] == "no-store"
    unknown = requests.get(f"{proxy.url}/guide/topics.html?topics=%3Cscript%3E", timeout=10)
    assert unknown.status_code == 404 and "<script>" not in unknown.text
    log = proxy.access_log()
    assert '"GET /guide/topics.html"' in log and "frown-lines" not in log
