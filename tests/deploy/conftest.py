"""Container-test fixtures: the images built once per run with podman, and what the tests measured.

Fixtures
- ``podman`` (session): a ``devtools.containers.Podman`` after the three images are built (the stand-in Python
  base, the app from the Dockerfile, the stand-in nginx); everything made is removed when the session ends
  (with BOTOX_EXPLORER_REUSE_IMAGES set, images already there are used and kept).
  Skipped when a tool is missing or the user is not root, failed instead when ``CI`` is set (as the browser tests).
- ``measured`` (session): a list of lines (times, what a visitor saw) printed at the end of the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

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


@pytest.fixture(scope="session")
def podman(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Podman]:
    if reason := unavailable():
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    runner = Podman(tmp_path_factory.mktemp("podman"))
    runner.remove_test_containers()
    runner.compose_down()
    reuse = bool(os.environ.get(REUSE_IMAGES))
    if not reuse:
        runner.remove_images()  # an interrupted run's: built again, they would be left behind without a name
    try:
        runner.build_all(reuse=reuse)
    except ContainerError as error:
        runner.remove_images()
        pytest.fail(str(error), pytrace=False)
    MEASURED.append("builds: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in runner.timings.items()))
    try:
        yield runner
    finally:
        runner.remove_test_containers()
        runner.compose_down()
        if not reuse:
            runner.remove_images()


@pytest.fixture(scope="session")
def measured() -> list[str]:
    return MEASURED


def pytest_terminal_summary(terminalreporter) -> None:
    if MEASURED:
        terminalreporter.section("containers: measured")
        for line in MEASURED:
            terminalreporter.write_line(line)
