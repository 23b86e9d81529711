"""The minimal content as the configured content folder, for the views run by AppTest."""

import pytest

from botox_explorer.content import DATA_DIR_VARIABLE


@pytest.fixture
def minimal_content(monkeypatch, content_dir):
    """The folder of a writable copy of the minimal content, which the views then show."""
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(content_dir))
    return content_dir
