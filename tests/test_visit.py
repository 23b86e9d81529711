import datetime as dt

import pytest

from botox_explorer.content import load_content
from botox_explorer.decisions import Worksheet
from botox_explorer.models import text_in
from botox_explorer.visit import checklist, chosen_items, visit_list, visit_notes
from tests.helpers import english_left, problems_after

DAY = dt.date(2026, 11, 30)


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def test_the_checklist_tells_then_asks_from_the_safety_content(content):
    sections = checklist(content)
    assert [s.heading for s in sections] == ["Tell your injector", "Ask your injector"]
    assert [i.id for i in sections[0].items] == ["allergy"]  # do_not_treat, then tell_your_doctor (empty here)
    assert [i.id for i in sections[1].items] == ["which-product"]


def test_chosen_items_keep_the_sections_order_and_drop_unknown_ids(content):
    tell, _ = checklist(content)
    assert [i.id for i in chosen_items(tell, ["nothing", "allergy"])] == ["allergy"]


def test_the_notes_hold_the_chosen_items_with_their_sources_and_the_reminder(content):
    notes = visit_notes(content, {"ask": ["which-product"]}, DAY)
    assert notes.startswith("My questions for the visit (November 30, 2026)\n")
    assert "\nQuestions I want to ask:\n[ ] Which product will you use?\n" in notes
    assert "What applies to me" not in notes and "Test allergy" not in notes
    assert "- Test paper (Doe J): https://doi.org/10.1000/test.1" in notes
    assert "Test label" not in notes  # only the chosen items' sources
    assert content.site.reminder["en"].split()[0] in notes


def test_notes_with_nothing_chosen_say_how_to_fill_them(content):
    notes = visit_notes(content, {}, DAY)
    assert "Nothing chosen yet" in notes and "Where these points come from" not in notes


def test_a_long_item_stays_one_line_for_the_screen_or_the_printer_to_wrap(content_dir):
    long_text = " ".join(["word"] * 40)
    path = content_dir / "safety.yaml"
    path.write_text(path.read_text().replace("Test allergy.", long_text))
    lines = visit_notes(load_content(content_dir), {"tell": ["allergy"]}, DAY).splitlines()
    assert [line for line in lines if "word" in line] == [f"[ ] {long_text}"]


def test_the_list_headings_do_not_repeat_what_their_items_say(real_content):
    for language in ("en", "es"):
        for section in checklist(real_content, language):
            heading_start = section.notes_heading.split()[0].casefold()
            starts = {text_in(item.text, language).split()[0].casefold().strip("¿") for item in section.items}
            assert heading_start not in starts, (language, section.notes_heading)
            assert section.notes_heading != section.heading


def test_the_visit_list_holds_the_chosen_items_whole_under_their_list_headings(real_content):
    tell, _ = checklist(real_content)
    chosen = {"tell": [tell.items[-1].id, tell.items[0].id], "ask": ["nothing"]}
    listed = visit_list(real_content, chosen, DAY)
    assert listed.sections == (("What applies to me", tuple(" ".join(item.text["en"].split())
                                                            for item in (tell.items[0], tell.items[-1]))),)
    assert all("\n" not in item for _, items in listed.sections for item in items)
    assert listed.source_ids == tuple(dict.fromkeys((*tell.items[0].sources, *tell.items[-1].sources)))
    assert not listed.empty and visit_list(real_content, {}, DAY).empty


def test_a_checklist_item_without_a_label_is_named(content_dir):
    assert problems_after(content_dir, "safety.yaml", "label: {en: Which product}, ", "") == [
        "safety.yaml, record 'which-product', field 'questions_to_ask.label': needs a short label: the visit "
        "checklist shows it as a chip"
    ]


def flat(text: str) -> str:
    """The text with its line breaks and runs of spaces made single spaces, for items that wrap."""
    return " ".join(text.split())


def test_the_checklist_reads_in_spanish(content):
    assert [(s.heading, s.prompt) for s in checklist(content, language="es")] == [
        ("Lo que debe saber la persona que inyecta", "Elija lo que se aplica a usted"),
        ("Pregúntele a la persona que inyecta", "Elija las preguntas que quiere hacer"),
    ]


def test_the_notes_read_in_spanish_with_the_sources_as_published(real_content):
    tell, ask = checklist(real_content, language="es")
    chosen = {"tell": [tell.items[0].id], "ask": [ask.items[0].id]}
    notes = visit_notes(real_content, chosen, DAY, language="es")
    assert notes.startswith("Mis preguntas para la visita (30 de noviembre de 2026)\n")
    assert "\nLo que se aplica a mí:\n[ ] " in notes and "\nPreguntas que quiero hacer:\n[ ] ¿" in notes
    for item in (tell.items[0], ask.items[0]):
        assert flat(item.text["es"]) in flat(notes) and flat(item.text["en"]) not in flat(notes)
    assert flat(real_content.site.reminder["es"]) in flat(notes)
    assert "\nDe dónde vienen estos puntos:\n" in notes
    assert real_content.sources[ask.items[0].sources[0]].title in notes
    assert english_left(notes, "visit") == []


def test_notes_with_nothing_chosen_say_how_to_fill_them_in_spanish(content):
    notes = visit_notes(content, {}, DAY, language="es")
    assert "Todavía no eligió nada: elija en la página lo que se aplica a usted" in notes
    assert english_left(notes, "visit") == []


def test_the_notes_read_line_for_line_with_the_worksheet_and_its_sources(content):
    worksheet = Worksheet(("needles",), "later", ("u",))
    assert visit_notes(content, {"ask": ["which-product"]}, DAY, worksheet=worksheet) == (
        "My questions for the visit (November 30, 2026)\n"
        "\n"
        "Questions I want to ask:\n"
        "[ ] Which product will you use?\n"
        "\n"
        "My decision worksheet:\n"
        "- What matters to me: Needles.\n"
        "- I am leaning: I will decide later.\n"
        "- Questions I answered no: Understand?\n"
        "- Any no means talk more.\n"
        "\n"
        "Talk to a qualified medical professional.\n"
        "\n"
        "Where these points come from:\n"
        "- Test paper (Doe J): https://doi.org/10.1000/test.1\n"
        "- Test label (Test maker): https://example.org/label\n"
    )


def test_empty_notes_read_line_for_line(content):
    assert visit_notes(content, {}, DAY) == (
        "My questions for the visit (November 30, 2026)\n"
        "\n"
        "Nothing chosen yet: choose what applies to you on the page, then download again.\n"
        "\n"
        "Talk to a qualified medical professional.\n"
    )


def test_a_worksheet_alone_fills_the_list_in_spanish_with_its_sources(content):
    worksheet = Worksheet(("needles",))
    listed = visit_list(content, {}, DAY, "es", worksheet)
    assert listed.worksheet == ("Lo que me importa: Needles.",) and not listed.empty
    assert listed.source_ids == content.decision_aid.worksheet_sources
    notes = visit_notes(content, {}, DAY, "es", worksheet)
    assert "\n\nMi hoja de trabajo para decidir:\n- Lo que me importa: Needles.\n\n" in notes
    assert "Todavía no eligió nada" not in notes
