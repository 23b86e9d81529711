import datetime as dt

import pytest

from botox_explorer.content import load_content
from botox_explorer.visit import checklist, item_key, visit_notes

DAY = dt.date(2026, 11, 30)


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def test_the_checklist_tells_then_asks_from_the_safety_content(content):
    sections = checklist(content)
    assert [s.heading for s in sections] == ["Tell your injector", "Ask your injector"]
    assert [i.id for i in sections[0].items] == ["allergy"]  # do_not_treat, then tell_your_doctor (empty here)
    assert [i.id for i in sections[1].items] == ["which-product"]


def test_the_notes_hold_the_ticked_items_with_their_sources_and_the_reminder(content):
    _, ask = checklist(content)
    notes = visit_notes(content, {item_key(ask, ask.items[0])}, DAY)
    assert notes.startswith("My questions for the visit (30 November 2026)\n")
    assert "Ask your injector:\n[ ] Which product will you use?" in notes
    assert "Tell your injector" not in notes and "Test allergy" not in notes
    assert "- Test paper (Doe J): https://doi.org/10.1000/test.1" in notes
    assert "Test label" not in notes  # only the ticked items' sources
    assert content.site.reminder["en"].split()[0] in notes


def test_notes_with_nothing_ticked_say_how_to_fill_them(content):
    notes = visit_notes(content, set(), DAY)
    assert "Nothing ticked yet" in notes and "Where these points come from" not in notes


def test_a_long_item_wraps_under_its_tick_box(content_dir):
    long_text = " ".join(["word"] * 40)
    path = content_dir / "safety.yaml"
    path.write_text(path.read_text().replace("Test allergy.", long_text))
    content = load_content(content_dir)
    tell, _ = checklist(content)
    lines = visit_notes(content, {item_key(tell, tell.items[0])}, DAY).splitlines()
    item_lines = [line for line in lines if "word" in line]
    assert len(item_lines) >= 2 and item_lines[0].startswith("[ ] word")
    assert all(line.startswith("    word") for line in item_lines[1:])
    assert max(len(line) for line in lines if "word" in line) <= 90
