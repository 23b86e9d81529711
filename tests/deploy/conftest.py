"""Container-test fixtures: the images built once per run with podman, and what the tests measured.

Fixtures
- ``podman`` (session): a ``devtools.containers.Podman`` after the three images are built (the stand-in Python
  base, the app from the Dockerfile, the stand-in nginx); everything made is removed when the session ends
  (with BOTOX_EXPLORER_REUSE_IMAGES set, images already there are used and kept). The builds start in the
  background as soon as the run knows it holds container tests (``pytest_collection_finish``), so the two minutes
  they take pass while the browser tests run, and the fixture waits for them.
  Skipped when a tool is missing or the user is not root, failed instead when ``CI`` is set (as the browser tests).
- ``measured`` (session): a list of lines (times, what a visitor saw) printed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from devtools.containers import ContainerError, Podman, missing_tools

MEASURED: list[str] = []
# Set (to anything) by a developer re-running these tests: images already built are used and kept.
REUSE_IMAGES = "BOTOX_EXPLORER_REUSE_IMAGES"


def unavailable() -> str | None:
    """Why the container tests cannot run here, or None."""
    if missing := missing_tools():
        return f"missing: {', '.join(missing)} (bash scripts/install-debian-packages.sh; requirements-dev.txt)"
    if os.geteuid() != 0:
        return "the container tests run podman as root (rootless podman was not tried)"
    return None


class Builds(threading.Thread):
    """The images, built in a thread from the end of collection on; ``error`` says why they are not there."""

    def __init__(self) -> None:
        super().__init__(name="container builds", daemon=True)
        self.runner = Podman(Path(tempfile.mkdtemp(prefix="botox-explorer-podman-")))
        self.reuse = bool(os.environ.get(REUSE_IMAGES))
        self.error: ContainerError | None = None

    def run(self) -> None:
        self.runner.remove_test_containers()
        self.runner.compose_down()
        if not self.reuse:
            self.runner.remove_images()  # an interrupted run's: built again, they would be left behind unnamed
        try:
            self.runner.build_all(reuse=self.reuse)
        except ContainerError as error:
            self.runner.remove_images()
            self.error = error


BUILDS: list[Builds] = []


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the builds when the run holds a container test and podman can run here."""
    here = Path(__file__).parent
    if not unavailable() and any(here in item.path.parents for item in session.items):
        BUILDS.append(Builds())
        BUILDS[0].start()


@pytest.fixture(scope="session")
def podman() -> Iterator[Podman]:
    if reason := unavailable():
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    [builds] = BUILDS
    waited = time.monotonic()
    builds.join()
    runner, reuse = builds.runner, builds.reuse
    if builds.error:
        pytest.fail(str(builds.error), pytrace=False)
    MEASURED.append("builds: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in runner.timings.items())
                    + f"; the first container test waited {time.monotonic() - waited:.1f} s for them")
    try:
        yield runner
    finally:
        runner.remove_test_containers()
        runner.compose_down()
        if not reuse:
            runner.remove_images()
        shutil.rmtree(runner.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def measured() -> list[str]:
    return MEASURED


def pytest_terminal_summary(terminalreporter) -> None:
    if MEASURED:
        terminalreporter.section("containers: measured")
        for line in MEASURED:
            terminalreporter.write_line(line)
