"""The image built from the Dockerfile, run as compose runs a replica (read-only root, a tmpfs on /tmp, its limits).

The base is a stand-in (devtools/containers.py): Docker Hub cannot be reached from the build machines, so
``python:3.11.11-slim-bookworm`` is replaced by Debian bookworm's own Python 3.11 (3.11.2) in a venv at
``/opt/venv``, where the official image has CPython 3.11.11 installed in ``/usr/local``. Everything after ``FROM``
is the Dockerfile as written.
"""

from __future__ import annotations

import json
import re

import pytest
import requests

from devtools.containers import APP_IMAGE, wait_for
from devtools.proxy import free_port

# The first test's setup builds the images (about 1.5 minutes on an idle machine, 3.5 on a busy one).
pytestmark = [pytest.mark.container, pytest.mark.timeout(600)]

NAME = "botox-explorer-test-image"
# Tries to create a file in each folder and prints what happened: "ok" or the error's name.
TRY_WRITING = """
import errno, json, sys
results = {}
for folder in sys.argv[1:]:
    try:
        open(f"{folder}/written-by-a-test", "w").close()
        results[folder] = "ok"
    except OSError as error:
        results[folder] = errno.errorcode[error.errno]
print(json.dumps(results))
"""
FOLDERS = ["/", "/app", "/app/guide", "/app/botox_explorer", "/home/explorer", "/var/tmp", "/tmp"]


@pytest.fixture(scope="module")
def replica(podman):
    """The image running alone, published on a loopback port; its base URL once it answers its health check."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    podman.remove(NAME)
    podman.start(NAME, port=port)
    try:
        wait_for(lambda: answers_ok(f"{url}/_stcore/health"), 90, "the container's health endpoint answers ok")
        yield url
    finally:
        podman.remove(NAME)


def answers_ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).text == "ok"
    except requests.ConnectionError:
        return False


def test_the_image_passes_its_own_healthcheck(podman, replica):
    check = json.loads(podman("image", "inspect", "--format", "{{json .Config.Healthcheck}}", APP_IMAGE).stdout)
    assert check and "/_stcore/health" in " ".join(check["Test"]), f"the image's health check: {check}"
    assert podman.healthy(NAME)
    assert podman("inspect", "--format", "{{.State.Health.Status}}", NAME).stdout.strip() == "healthy"


def test_the_dashboard_and_the_guide_are_served(replica):
    explore = requests.get(f"{replica}/explore", timeout=10)
    assert explore.status_code == 200 and '<div id="root">' in explore.text
    guide = requests.get(f"{replica}/guide/index.html", timeout=10)
    assert guide.status_code == 200 and re.search(r'<html lang="en"', guide.text) and "<h1" in guide.text
    spanish = requests.get(f"{replica}/guide/es/index.html", timeout=10)
    assert spanish.status_code == 200 and re.search(r'<html lang="es"', spanish.text) and "<h1" in spanish.text


def test_it_runs_as_the_unprivileged_user(podman, replica):
    assert podman("exec", NAME, "id", "-u").stdout.strip() == "10001"
    status = podman("exec", NAME, "cat", "/proc/1/status").stdout
    assert re.search(r"^Uid:\s+10001\s", status, re.MULTILINE), "the server (PID 1) runs as uid 10001"


def test_nothing_can_be_written_outside_tmp(podman, replica):
    """Not by the app's user, and not even by root in the container: the root file system is read-only."""
    for user in ("10001", "0"):
        result = podman("exec", "--user", user, NAME, "python", "-c", TRY_WRITING, *FOLDERS)
        written = json.loads(result.stdout)
        assert written == {**dict.fromkeys(FOLDERS, "EROFS"), "/tmp": "ok"}, f"as uid {user}: {written}"


def test_the_stand_in_base_differs_from_the_official_one_only_in_pythons_build(podman, replica):
    """The stand-in's Python is Debian's 3.11 (the official image's minor version) in a venv at /opt/venv; the
    official image has 3.11.11 in /usr/local. Same Debian release (bookworm) underneath."""
    script = "import sys; print(sys.version_info[0], sys.version_info[1], sys.prefix)"
    major, minor, prefix = podman("exec", NAME, "python", "-c", script).stdout.split()
    assert (major, minor, prefix) == ("3", "11", "/opt/venv")
    assert "VERSION_CODENAME=bookworm" in podman("exec", NAME, "cat", "/etc/os-release").stdout
