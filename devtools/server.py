"""A Streamlit server on a free loopback port, for the browser tests and the benchmarks.

Start-up waits for the server's own "ready" line (its local URL) on its output, read as it comes by a thread
that also copies everything to the log file: a wait on a condition, with no polling interval.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[1]
READY_MARKER = b"URL: http"  # "URL: ..." with --server.address, "Local URL: ..." without
DASHBOARD = ["-m", "botox_explorer.ui.launch"]


class ServerError(RuntimeError):
    """The server exited or was not ready in time; the message quotes its log."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(log_path: Path, lines: int = 40) -> str:
    try:
        text = log_path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


class StreamlitServer:
    """``target=None`` serves the dashboard as the README's run command does; a path serves that script."""

    def __init__(self, log_path: Path, target: Path | None = None, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        self.target = target
        self.env = {**os.environ, **(env or {}), "PYTHONUNBUFFERED": "1"}
        self.process: subprocess.Popen[bytes] | None = None
        self._ready = threading.Event()

    def start(self, timeout: float = 60.0) -> str:
        script = DASHBOARD if self.target is None else ["-m", "streamlit", "run", str(self.target)]
        command = [
            sys.executable, *script,
            "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
        ]  # fmt: skip
        self.process = subprocess.Popen(
            command, cwd=REPO_ROOT, env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        threading.Thread(target=self._copy_output, daemon=True).start()
        if not self._ready.wait(timeout) or self.process.poll() is not None:
            self.stop()
            raise ServerError(f"Streamlit did not start; last lines of {self.log_path}:\n{log_tail(self.log_path)}")
        response = requests.get(f"{self.url}/_stcore/health", timeout=10)
        if response.text.strip() != "ok":
            raise ServerError(f"Streamlit is up but not healthy: {response.status_code} {response.text[:80]}")
        return self.url

    def _copy_output(self) -> None:
        """Copy the server's output to the log; say "ready" at its URL line, or when it ends (start checks why)."""
        with self.log_path.open("wb") as log:
            for line in self.process.stdout:
                log.write(line)
                log.flush()
                if READY_MARKER in line:
                    self._ready.set()
        self._ready.set()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if not self.alive:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
