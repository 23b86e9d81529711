"""Every page opens with its heading, the reminder and no exception."""

import pytest

from botox_explorer.content import load_content

from .conftest import PAGES, open_page, texts

REMINDER = load_content().site.reminder["en"]


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_heading_and_reminder(page):
    app = open_page(page)
    assert app.title, f"{page} has no title"
    assert REMINDER in [info.value for info in app.info]


def test_page_scripts_live_in_section_folders():
    """A .py directly in pages/ would switch Streamlit to its legacy multipage mode."""
    from pathlib import Path

    pages = Path(__file__).resolve().parents[2] / "pages"
    assert not list(pages.glob("*.py"))
    assert all(path.parent.parent == pages for path in pages.glob("*/*.py"))


def test_home_lists_uses_by_category():
    content = load_content()
    page = texts(open_page("home"))
    for use in content.uses.values():
        assert use.name["en"] in page.replace("\\", "")


def test_broken_content_shows_a_clear_message_not_a_traceback(monkeypatch, content_dir):
    uses = content_dir / "uses.yaml"
    uses.write_text(uses.read_text().replace("category: cosmetic", "category: beauty"))
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    app = open_page("safety")
    assert "cannot be shown" in app.error[0].value
    assert "uses.yaml, record 'lines', field 'category'" in app.text[0].value


def test_home_category_tiles_open_the_explorer_filtered():
    app = open_page("home")
    [medical] = [b for b in app.button if b.label == "Medical uses"]
    medical.click().run()
    assert [t.value for t in app.title] == ["Explore the uses"]
    assert app.button_group(key="f_category").value == ["medical"]
