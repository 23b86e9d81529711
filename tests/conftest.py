"""Shared fixtures: a small valid content folder the tests can break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import MINIMAL_CONTENT


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A writable copy of the minimal valid content."""
    target = tmp_path / "data"
    shutil.copytree(MINIMAL_CONTENT, target)
    return target


@pytest.fixture(scope="session")
def real_content():
    """The content of data/, loaded once; a content regression fails the tests that use it, not collection."""
    from botox_explorer.content import load_content

    return load_content()


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright's driver, started once a run: the browser tests and the container tests each launch Chromium from
    it (a second ``sync_playwright`` while the first runs fails with "Sync API inside the asyncio loop")."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright
