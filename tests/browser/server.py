"""Server control for the browser tests: a Streamlit server started from devtools.server, its log kept by its base
URL so that a failing page check can quote the traceback Streamlit hides from visitors."""

from __future__ import annotations

from pathlib import Path

import pytest

from devtools.server import ServerError, StreamlitServer, log_tail

SERVER_START_TIMEOUT = 60.0

# Each server's log, by its base URL.
_SERVER_LOGS: dict[str, Path] = {}


def start_server(log_dir: Path) -> StreamlitServer:
    """A new server, started, logging to ``log_dir/streamlit.log``; the test fails when it does not start."""
    server = StreamlitServer(log_dir / "streamlit.log")
    try:
        _SERVER_LOGS[server.start(SERVER_START_TIMEOUT)] = server.log_path
    except ServerError as error:
        pytest.fail(str(error))
    return server


def log_of(url: str) -> str:
    """The last lines of the log of the server that served ``url`` (after a line break), or "" for another."""
    log = _SERVER_LOGS.get("/".join(url.split("/")[:3]))
    return f"\nlast lines of the server log {log}:\n{log_tail(log)}" if log else ""
