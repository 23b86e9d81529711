"""Debian's nginx on a free loopback port, with the configuration from deploy/nginx/ in front of given replicas.

The deploy configuration is used as written; only the lines that depend on where things run change: the
upstream's server line (compose's "app:8501" becomes the replicas' loopback ports), the listen ports, the access
log (a container's standard output becomes a file the tests read) and, with TLS, the certificate's files.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEPLOY_NGINX = REPO_ROOT / "deploy" / "nginx"
NGINX = Path("/usr/sbin/nginx")
UPSTREAM_LINE = "    server app:8501 max_fails=1 fail_timeout=10s;"
LISTEN_LINE = "    listen 8080;"
ACCESS_LOG_LINE = "    access_log /dev/stdout botox_private;"
MIME_TYPES = Path("/etc/nginx/mime.types")
TLS_LISTEN_LINE = "    listen 443 ssl http2;"
REDIRECT_LISTEN_LINE = "    listen 80;"
LETSENCRYPT = "/etc/letsencrypt/live/explorer.example.org/"
CERTIFICATE_FILES = ("fullchain.pem", "privkey.pem", "chain.pem")

MAIN_CONF = """{user}worker_processes 1;
pid nginx.pid;
error_log error.log warn;
events {{ worker_connections 1024; }}
http {{
    include {mime_types};
    default_type application/octet-stream;
    client_body_temp_path temp/body;
    proxy_temp_path temp/proxy;
    fastcgi_temp_path temp/fastcgi;
    uwsgi_temp_path temp/uwsgi;
    scgi_temp_path temp/scgi;
    include conf.d/*.conf;
}}
"""


class ProxyError(RuntimeError):
    """nginx did not accept the configuration or did not start; the message quotes its error log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def deploy_config(upstream_ports: list[int], port: int, access_log: Path) -> str:
    """deploy/nginx/botox-explorer.conf with the replicas on loopback, the proxy's port and a log file."""
    config = (DEPLOY_NGINX / "botox-explorer.conf").read_text(encoding="utf-8")
    for line in (UPSTREAM_LINE, LISTEN_LINE, ACCESS_LOG_LINE):
        assert line in config, f"deploy config changed ({line.strip()!r}): update devtools/proxy.py"
    servers = "\n".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in upstream_ports)
    return (config.replace(UPSTREAM_LINE, servers).replace(LISTEN_LINE, f"    listen 127.0.0.1:{port};")
            .replace(ACCESS_LOG_LINE, f"    access_log {access_log} botox_private;"))


def tls_config(certificates: Path, https_port: int, http_port: int, access_log: Path) -> str:
    """deploy/nginx/tls.conf on loopback ports, with the certificate files in ``certificates``
    (``fullchain.pem``, ``privkey.pem``, ``chain.pem``)."""
    config = (DEPLOY_NGINX / "tls.conf").read_text(encoding="utf-8")
    for line in (TLS_LISTEN_LINE, REDIRECT_LISTEN_LINE, ACCESS_LOG_LINE, LETSENCRYPT):
        assert line in config, f"TLS config changed ({line.strip()!r}): update devtools/proxy.py"
    return (config.replace(TLS_LISTEN_LINE, f"    listen 127.0.0.1:{https_port} ssl http2;")
            .replace(REDIRECT_LISTEN_LINE, f"    listen 127.0.0.1:{http_port};")
            .replace(ACCESS_LOG_LINE, f"    access_log {access_log} botox_private;")
            .replace(LETSENCRYPT, f"{certificates}/"))


class NginxProxy:
    """``NginxProxy(folder, [8501, 8502]).start()`` -> base URL; ``stop()`` ends it. With ``certificates`` (a folder
    holding ``fullchain.pem``, ``privkey.pem`` and ``chain.pem``), the TLS servers run too: ``https_url`` and the
    redirecting ``http_url``."""

    def __init__(self, folder: Path, upstream_ports: list[int], certificates: Path | None = None):
        self.folder = folder
        self.upstream_ports = upstream_ports
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.certificates = certificates
        self.https_port, self.http_port = (free_port(), free_port()) if certificates else (None, None)
        self.https_url = f"https://127.0.0.1:{self.https_port}"
        self.http_url = f"http://127.0.0.1:{self.http_port}"
        self.started = False

    def _write(self) -> None:
        conf_d = self.folder / "conf.d"
        conf_d.mkdir(parents=True, exist_ok=True)
        (self.folder / "temp").mkdir(exist_ok=True)
        (self.folder / "cache").mkdir(exist_ok=True)  # compose mounts a tmpfs there
        config = deploy_config(self.upstream_ports, self.port, self.folder / "access.log")
        (conf_d / "botox-explorer.conf").write_text(config, encoding="utf-8")
        if self.certificates:
            tls = tls_config(self.certificates, self.https_port, self.http_port, self.folder / "access.log")
            (conf_d / "tls.conf").write_text(tls, encoding="utf-8")
        shutil.copy(DEPLOY_NGINX / "security-headers.inc", conf_d / "security-headers.inc")
        shutil.copy(DEPLOY_NGINX / "botox-explorer-server.inc", conf_d / "botox-explorer-server.inc")
        # As root, nginx's workers would switch to "nobody", who cannot enter a private temporary folder.
        user = "user root;\n" if os.geteuid() == 0 else ""
        (self.folder / "nginx.conf").write_text(MAIN_CONF.format(user=user, mime_types=MIME_TYPES), encoding="utf-8")

    def command(self, *extra: str) -> list[str]:
        return [str(NGINX), "-p", str(self.folder), "-c", str(self.folder / "nginx.conf"),
                "-e", str(self.folder / "error.log"), *extra]

    def check(self) -> None:
        """Raise ProxyError unless nginx accepts the configuration (``nginx -t``)."""
        self._write()
        result = subprocess.run(self.command("-t"), capture_output=True, text=True, check=False)
        if result.returncode:
            raise ProxyError(f"nginx -t failed:\n{result.stderr}")

    def start(self, timeout: float = 20.0) -> str:
        """Start nginx as a daemon: its command returns once the master has opened the port, so the proxy is
        listening when this returns (no waiting loop)."""
        self.check()
        result = subprocess.run(self.command(), capture_output=True, text=True, timeout=timeout, check=False)
        if result.returncode:
            raise ProxyError(f"nginx did not start:\n{result.stderr}\n{self.error_log()}")
        self.started = True
        return self.url

    def access_log(self) -> str:
        path = self.folder / "access.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def error_log(self) -> str:
        path = self.folder / "error.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else "(no error log)"

    def stop(self) -> None:
        """Stop nginx and wait until it has exited (``nginx -s stop`` signals the master named in its pid file)."""
        if not self.started:
            return
        pid_file = self.folder / "nginx.pid"
        pid = int(pid_file.read_text()) if pid_file.exists() else None
        subprocess.run(self.command("-s", "stop"), capture_output=True, check=False, timeout=20)
        if pid:
            wait_for_exit(pid, timeout=20)
        self.started = False


def wait_for_exit(pid: int, timeout: float) -> None:
    """Block until process ``pid`` (not our child) has exited, using a pidfd: a condition, not a polling loop."""
    try:
        descriptor = os.pidfd_open(pid)
    except ProcessLookupError:
        return
    try:
        import select

        select.select([descriptor], [], [], timeout)
    finally:
        os.close(descriptor)
