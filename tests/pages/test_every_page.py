"""Every page opens with its heading, the reminder and no exception."""

from pathlib import Path

import pytest

from botox_explorer.presenting import key_figures
from botox_explorer.ui.markdown import md

from .helpers import PAGES, open_page, texts


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_heading_and_reminder(page, real_content):
    app = open_page(page)
    assert app.title, f"{page} has no title"
    assert any(box.value.startswith(md(real_content.site.reminder["en"])) for box in app.info)


def test_page_scripts_live_in_section_folders():
    """A .py directly in pages/ would switch Streamlit to its legacy multipage mode."""
    pages = Path(__file__).resolve().parents[2] / "pages"
    assert not list(pages.glob("*.py"))
    assert all(path.parent.parent == pages for path in pages.glob("*/*.py"))


def test_home_lists_uses_by_category(real_content):
    page = texts(open_page("home"))
    for use in real_content.uses.values():
        assert use.name["en"] in page.replace("\\", "")


def test_broken_content_shows_a_clear_message_not_a_traceback(monkeypatch, content_dir):
    uses = content_dir / "uses.yaml"
    uses.write_text(uses.read_text().replace("category: cosmetic", "category: beauty"))
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    app = open_page("safety")
    assert "cannot be shown" in app.error[0].value
    assert "uses.yaml, record 'lines', field 'category'" in app.text[0].value


def test_home_tiles_count_each_kind_of_use_and_explore_a_concern_opens_the_explorer(real_content):
    app = open_page("home")
    tiles = [m.value for m in app.markdown if "uses**" in m.value]
    medical = [u for u in real_content.uses.values() if u.category == "medical"]
    approved = sum(u.status.kind == "approved" for u in medical)
    assert any("Medical uses**" in t and f"{len(medical)} uses, {approved} FDA\\-approved" in t for t in tiles)
    page = texts(app).replace("\\", "")
    assert all(f"**{f.lead}**: {f.text}" in page for f in key_figures(real_content))  # one line a key figure
    [explore] = [b for b in app.button if b.label == "Explore a concern"]
    explore.click().run()
    assert [t.value for t in app.title] == ["Explore the uses"]
