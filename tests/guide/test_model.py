"""What a page says, as plain data: citation numbers and their runs, leads, pictures named after their content."""

import pytest

from botox_explorer.citations import Citations
from botox_explorer.guide.model import Cited, Figure

DRAWING = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 360.5"><title>A</title></svg>'


@pytest.mark.parametrize(("cites", "runs"), [
    ((1, 2, 3, 5), [(1, 3), (5, 5)]),
    ((5, 3, 1, 2, 2), [(1, 3), (5, 5)]),
    ((4,), [(4, 4)]),
    ((1, 3, 5), [(1, 1), (3, 3), (5, 5)]),
    ((7, 8), [(7, 8)]),
    ((), []),
])
def test_source_numbers_read_as_runs(cites, runs):
    assert Cited("text", cites).cite_runs == runs


@pytest.mark.parametrize(("lead", "text", "separator"), [
    ("Botulinum toxin", "a protein", ": "),
    ("Is it a poison?", "In large doses.", " "),
    ("¡Cuidado!", "Texto.", " "),
    ("Warning.", "Text.", " "),
    ("", "Only text.", ""),
    ("Only a lead", "", ""),
])
def test_a_colon_stands_between_lead_and_text_unless_the_lead_ends_a_sentence(lead, text, separator):
    assert Cited(text, lead=lead).separator == separator


def test_sources_are_numbered_in_the_order_the_page_first_cites_them():
    cite = Citations()
    assert cite(["b", "a"]) == (1, 2)
    assert cite(["c", "a", "c"]) == (3, 2)
    assert cite([]) == ()
    assert cite(["a", "b"]) == (2, 1)
    known = {name: f"source {name}" for name in "abcd"}
    assert cite.sources(known) == ("source b", "source a", "source c")


def test_each_writer_numbers_its_own_page_from_one():
    first, second = Citations(), Citations()
    first(["a", "b"])
    assert second(["b"]) == (1,)


def test_a_picture_keeps_its_place_with_the_size_of_its_drawing():
    assert Figure("chart", DRAWING, "alt").size == ("640", "360.5")
    assert Figure("chart", "<svg/>", "alt").size == ("", "")


def test_a_picture_is_named_after_its_content():
    same, again = Figure("chart", DRAWING, "one text"), Figure("chart", DRAWING, "another text")
    changed = Figure("chart", DRAWING.replace(">A<", ">B<"), "one text")
    assert same.file == again.file
    assert same.file != changed.file
    assert same.file.startswith("chart-") and same.file.endswith(".svg")
    assert len(same.file) == len("chart-") + 12 + len(".svg")
