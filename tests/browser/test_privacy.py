"""A whole consultation, with the patient's first name typed and the PDF downloaded, and a visit checklist filled in
and downloaded, leave nothing about the patient on the server's disk or in its log."""

from __future__ import annotations

import datetime as dt
import io
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from devtools.server import StreamlitServer

from .helpers import REPO_ROOT, open_page, rerun, url_has
from .server import SERVER_START_TIMEOUT

pytestmark = pytest.mark.browser

FIRST_NAME = "Quillonette"  # a name no file would hold by chance


def files_holding(text: str, folders: list[Path], since: float) -> list[str]:
    """Files changed since ``since`` under ``folders`` whose bytes contain ``text``."""
    needle = text.encode()
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            try:
                changed = path.is_file() and not path.is_symlink() and path.stat().st_mtime >= since
                if changed and needle in path.read_bytes():
                    found.append(str(path))
            except OSError:
                continue
    return found


def test_a_consultation_writes_nothing_about_the_patient(page, tmp_path):
    home, temp, log = tmp_path / "home", tmp_path / "tmp", tmp_path / "streamlit.log"
    home.mkdir()
    temp.mkdir()
    started = time.time()
    server = StreamlitServer(log, env={"HOME": str(home), "TMPDIR": str(temp)})
    server.start(SERVER_START_TIMEOUT)
    try:
        view = page("desktop")
        open_page(view, server.url, "/consultation")
        chip = view.locator('[data-testid="stButtonGroup"]').filter(
            has=view.locator('[data-testid="stWidgetLabel"]', has_text="Cosmetic concerns")
        ).get_by_role("button", name="Frown lines between the eyebrows", exact=True)
        rerun(view, chip.click, until=url_has("topics", "frown-lines"))
        name_field = view.get_by_label("Patient's first name (optional, printed only in the PDF)")
        name_field.fill(FIRST_NAME)
        name_field.press("Enter")
        button = view.get_by_role("button", name=f"Download the summary for {FIRST_NAME} (PDF)")
        expect(button).to_be_visible()
        with view.expect_download() as download:
            button.click()
        pdf = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
        assert FIRST_NAME in pdf.pages[0].extract_text(), "the name was used for the PDF"
        assert FIRST_NAME not in view.url

        open_page(view, server.url, "/before_your_visit")
        chip = view.get_by_role("button", name="Pregnant or planning to be", exact=True)
        rerun(view, chip.click, until="[...document.querySelectorAll('button')].some(b => "
                                      "b.innerText.includes('Download or print (1 chosen)'))")
        view.get_by_role("button", name="Download or print (1 chosen)").click()
        with view.expect_download() as download:
            view.get_by_role("button", name="Download my questions").click()
        assert "pregnant" in Path(download.value.path()).read_text(encoding="utf-8")
    finally:
        server.stop()
    logged = log.read_text(errors="replace")
    assert FIRST_NAME not in logged and "visit-tell" not in logged and "pregnan" not in logged.casefold()
    assert files_holding(FIRST_NAME, [REPO_ROOT, home, temp], started) == []
    # the download's first line, with today's date (the code holds the words only in pieces)
    notes_heading = f"My questions for the visit ({dt.date.today().day} {dt.date.today():%B %Y})"
    assert files_holding(notes_heading, [REPO_ROOT, home, temp], started) == []
