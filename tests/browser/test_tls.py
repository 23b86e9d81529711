"""deploy/nginx/tls.conf, run as written on loopback with a certificate made for the test: HTTP goes to HTTPS,
HSTS and a Secure routing cookie over TLS only, TLS 1.2 and 1.3 with modern ciphers only, websockets over wss://,
and the app itself in Chromium over HTTPS."""

from __future__ import annotations

import os
import shutil
import ssl
import subprocess

import pytest
import requests
from websockets.sync.client import connect

from devtools.proxy import DEPLOY_NGINX, NGINX, NginxProxy
from devtools.server import StreamlitServer

from .helpers import assert_healthy, open_page
from .server import SERVER_START_TIMEOUT

pytestmark = pytest.mark.browser
OPENSSL = shutil.which("openssl")


def make_certificate(folder) -> None:
    """A self-signed certificate for 127.0.0.1, as the files a real one comes in (chain, full chain, key)."""
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "privkey.pem"),
                    "-out", str(folder / "fullchain.pem")], check=True, capture_output=True)
    shutil.copy(folder / "fullchain.pem", folder / "chain.pem")


@pytest.fixture(scope="module")
def tls_proxy(tmp_path_factory):
    missing = [str(tool) for tool, there in ((NGINX, NGINX.exists()), ("openssl", OPENSSL)) if not there]
    if missing:
        message = f"missing: {', '.join(missing)} (bash scripts/install-debian-packages.sh)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    certificates = tmp_path_factory.mktemp("certificates")
    make_certificate(certificates)
    server = StreamlitServer(tmp_path_factory.mktemp("tls-replica") / "replica.log")
    server.start(SERVER_START_TIMEOUT)
    nginx = NginxProxy(tmp_path_factory.mktemp("nginx-tls"), [server.port], certificates=certificates)
    nginx.start()
    yield nginx
    nginx.stop()
    server.stop()


def trusting(proxy: NginxProxy, **versions) -> ssl.SSLContext:
    """A client context that trusts the test's certificate, limited to the TLS versions given."""
    context = ssl.create_default_context(cafile=str(proxy.certificates / "fullchain.pem"))
    for name, version in versions.items():
        setattr(context, name, version)
    return context


def test_http_is_sent_to_https(tls_proxy):
    response = requests.get(f"{tls_proxy.http_url}/explore?lang=es", allow_redirects=False, timeout=10)
    assert response.status_code == 301
    assert response.headers["Location"] == "https://127.0.0.1/explore?lang=es"


def test_https_sends_hsts_and_a_secure_routing_cookie(tls_proxy):
    response = requests.get(f"{tls_proxy.https_url}/explore", verify=str(tls_proxy.certificates / "fullchain.pem"),
                            timeout=10)
    assert response.status_code == 200
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000"
    assert "botox_route=" in response.headers["Set-Cookie"] and "; Secure" in response.headers["Set-Cookie"]
    plain = requests.get(f"{tls_proxy.url}/explore", timeout=10)
    assert "Strict-Transport-Security" not in plain.headers and "Secure" not in plain.headers["Set-Cookie"]


def test_only_tls_1_2_and_1_3_are_named():
    """Read, not tried: this machine's OpenSSL refuses TLS 1.0 and 1.1 whatever nginx says (Debian's openssl.cnf and
    OpenSSL 3's security level), so a handshake could not tell the line's absence; another host's OpenSSL may not."""
    lines = [line.split() for line in (DEPLOY_NGINX / "tls.conf").read_text().splitlines()]
    assert [words for words in lines if words[:1] == ["ssl_protocols"]] == [["ssl_protocols", "TLSv1.2", "TLSv1.3;"]]


def test_tls_1_2_offers_only_forward_secret_aead_ciphers(tls_proxy):
    weak = trusting(tls_proxy, maximum_version=ssl.TLSVersion.TLSv1_2)
    weak.set_ciphers("AES128-SHA:AES256-SHA:AES128-GCM-SHA256")  # no forward secrecy, or no AEAD
    with pytest.raises((ssl.SSLError, ConnectionError)):
        connect(f"wss://127.0.0.1:{tls_proxy.https_port}/_stcore/stream", ssl=weak, open_timeout=10)
    strong = trusting(tls_proxy, maximum_version=ssl.TLSVersion.TLSv1_2)
    with connect(f"wss://127.0.0.1:{tls_proxy.https_port}/_stcore/stream", ssl=strong, subprotocols=["streamlit"],
                 open_timeout=10) as websocket:
        assert websocket.subprotocol == "streamlit"


def test_the_websocket_works_over_wss_with_tls_1_3(tls_proxy):
    context = trusting(tls_proxy, minimum_version=ssl.TLSVersion.TLSv1_3)
    with connect(f"wss://127.0.0.1:{tls_proxy.https_port}/_stcore/stream", ssl=context, subprotocols=["streamlit"],
                 open_timeout=10) as websocket:
        assert websocket.subprotocol == "streamlit"


def test_the_app_works_over_https_in_chromium(tls_proxy, page):
    view = page("phone", ignore_https_errors=True)
    open_page(view, tls_proxy.https_url, "/explore")
    assert view.url.startswith("https://")
    assert_healthy(view)
