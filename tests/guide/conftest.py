"""The guide built from data/ once per session (with and without its public address), as files, as pages read
as a browser reads them (helpers.py), and written to a folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from botox_explorer.guide.build import build_site, write_site
from botox_explorer.guide.site import SiteOptions

from .helpers import BASE_URL, Page, built_once, pages_of


@pytest.fixture(scope=built_once)
def site(real_content) -> dict[str, bytes]:
    """Every file of the guide built from data/, its public address known."""
    return build_site(real_content, SiteOptions(base_url=BASE_URL))


@pytest.fixture(scope=built_once)
def pages(site) -> dict[str, Page]:
    return pages_of(site)


@pytest.fixture(scope=built_once)
def relative_site(real_content) -> dict[str, bytes]:
    """The guide built from data/ as data/ sets it: no public address, the dashboard beside it."""
    return build_site(real_content, SiteOptions())


@pytest.fixture(scope=built_once)
def relative_pages(relative_site) -> dict[str, Page]:
    return pages_of(relative_site)


@pytest.fixture(scope=built_once)
def site_folder(site, tmp_path_factory) -> Path:
    """The guide with its public address, written to a folder as the command writes it."""
    folder = tmp_path_factory.mktemp("site") / "guide"
    write_site(site, folder)
    return folder
