"""Decision aids from the content: numbers said as the source gives them, the icon arrays filled exactly as the
numbers say, the key points citing their own sources, and the worksheet written only from what was ticked."""

import json
import re

import pytest

from botox_explorer.content import load_content
from botox_explorer.decisions import (
    Worksheet,
    box_source_ids,
    box_summary,
    fact_rows,
    fact_table,
    key_points,
    number_text,
    outcome_sentence,
    row_notes,
    worksheet_lines,
)
from botox_explorer.icon_array import CELL, fact_box_chart, filled_figures, icon_array
from botox_explorer.models import Outcome
from botox_explorer.presenting import Note
from botox_explorer.svg import GREY_LIGHT, SAND, TEAL
from tests.helpers import append_to, assert_matches_snapshot, replace_in


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def change(treated: float, placebo: float) -> Outcome:
    return Outcome.model_validate({"measure": {"en": "Headache days", "es": "Días con dolor"}, "kind": "mean-change",
                                   "treated": treated, "placebo": placebo, "sources": ["label-a"],
                                   "unit": {"en": "headache days a month", "es": "días de dolor al mes"}})


def test_a_share_is_said_per_100_with_the_same_denominator_for_both_groups(content):
    box = content.fact_boxes["lines-prod-a"]
    assert outcome_sentence(box.benefits[0], box, content) == (
        "Lines rated mild: 80 out of 100 with TESTOX, against 3 out of 100 with placebo.")
    assert outcome_sentence(box.harms[0], box, content, "es") == (
        "Drooping eyelid: 2.6 de cada 100 con TESTOX, frente a 0 de cada 100 con placebo.")


def test_a_mean_change_is_said_as_one_with_its_sign_and_unit():
    assert number_text(change(-9.0, -6.7), -9.0) == "9 fewer headache days a month"
    assert number_text(change(-9.0, -6.7), -6.7, "es") == "6.7 días de dolor al mes menos"
    assert number_text(change(1.5, 0), 1.5) == "1.5 more headache days a month"
    assert number_text(change(1.5, 0), 0) == "no change in headache days a month"


def test_the_table_has_each_row_with_its_own_group_when_it_differs(content):
    box = content.fact_boxes["lines-prod-a"]
    header, rows = fact_table(box, content)
    assert header == ["", "What was measured", "With TESTOX", "With placebo"]
    assert rows == [["Benefits", "Lines rated mild", "80 out of 100", "3 out of 100"],
                    ["Harms", "Drooping eyelid (a)", "2.6 out of 100", "0 out of 100"]]
    assert row_notes(box, content) == ["(a) Counted in 900 people given TESTOX and 300 given placebo."]
    assert [row.source_ids for row in fact_rows(box, content)] == [("label-a",), ("label-a",)]


def test_the_box_says_its_trials_its_size_its_time_and_that_its_numbers_are_its_brands(content):
    lines = box_summary(content.fact_boxes["lines-prod-a"], content)
    assert "Two test trials. 400 people got TESTOX and 130 got placebo." in lines
    assert "Measured: Day 30." in lines
    assert "Where these numbers come from: the FDA label of the product." in lines
    assert lines[-1] == "These numbers are this brand's alone."  # the decision aid's note, cited with the box
    assert box_source_ids(content.fact_boxes["lines-prod-a"], content) == ("label-a",)


def test_a_box_with_only_a_total_says_so(content_dir):
    replace_in(content_dir, "fact_boxes.yaml", "  treated: 400\n  placebo: 130\n", "  enrolled: 530\n")
    content = load_content(content_dir)
    assert "530 people took part in all; the source does not give the number in each group." in " ".join(
        box_summary(content.fact_boxes["lines-prod-a"], content))


def test_key_points_give_what_it_is_its_numbers_and_its_main_harm_each_with_its_sources(content):
    points = key_points(content.uses["lines"], content)
    assert [(p.lead, p.source_ids) for p in points] == [
        ("What it is", ("label-a",)), ("How well it works", ("label-a",)), ("Main risk", ("label-a",))]
    assert "80 out of 100 with TESTOX, against 3 out of 100" in points[1].text
    assert "2.6 out of 100 with TESTOX" in points[2].text


def test_a_use_without_trial_numbers_shows_no_number(content):
    points = key_points(content.uses["bladder-test"], content)
    assert points[1].text.startswith("No placebo-controlled numbers for this use")
    assert not any(re.search(r"\d+ out of 100", p.text) for p in points)


def test_a_part_cites_its_own_sources_when_the_use_names_them(content_dir):
    replace_in(content_dir, "uses.yaml", "  sources: [paper-b]\n  reviewed_on: 2026-01-01\n- id: mood",
               "  cites: {summary: [paper-b]}\n  sources: [paper-b]\n  reviewed_on: 2026-01-01\n- id: mood")
    content = load_content(content_dir)
    assert key_points(content.uses["bladder-test"], content)[0].source_ids == ("paper-b",)


@pytest.mark.parametrize("value", [0, 2.6, 3, 50.5, 99.9, 100])
def test_the_figures_filled_add_up_to_the_number_shown(value):
    fills = filled_figures(value)
    assert len(fills) == 100
    assert sum(fills) == pytest.approx(value)
    assert fills == sorted(fills, reverse=True)  # filled from the first figure on, the partial one last


def drawn_fill(svg: str, left_edge: float, right_edge: float, color: str) -> float:
    """How many figures ``svg`` fills with ``color`` between two x positions: whole ones (not in a clip group),
    plus the clipped part of the partial one."""
    whole = [float(x) for x in re.findall(rf'<use href="#person" x="([\d.]+)"[^>]*fill="{color}"/>(?!</g>)', svg)]
    parts = re.findall(r'<clipPath id="[^"]+"><rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
    count = sum(left_edge <= x < right_edge for x in whole)
    return count + sum(float(w) / CELL for x, w in parts if left_edge <= float(x) < right_edge)


def test_the_icon_array_fills_exactly_the_number_shown_product_beside_placebo(content):
    box = content.fact_boxes["lines-prod-a"]
    for part, outcome, color in (("benefits", box.benefits[0], TEAL), ("harms", box.harms[0], SAND)):
        svg, alt = icon_array(outcome, part, box, content)
        assert drawn_fill(svg, 0, 140, color) == pytest.approx(outcome.treated)
        assert drawn_fill(svg, 140, 1000, color) == pytest.approx(outcome.placebo)
        assert svg.count('<use href="#person"') == 200 + len(re.findall("<clipPath", svg))
        assert f"{outcome.treated:g} of 100 are filled" in alt
    assert GREY_LIGHT in svg


def test_a_fact_box_chart_draws_its_first_share_of_benefit_and_of_harm_and_tables_all(content):
    chart = fact_box_chart(content.fact_boxes["lines-prod-a"], content, "es")
    assert chart.title == "TESTOX: beneficios y daños en números"
    assert len(chart.panels) == 2 and chart.svg is None
    assert chart.source_ids == ("label-a",)
    assert list(chart.table.iloc[0]) == ["Beneficios", "Lines rated mild", "80 de cada 100", "3 de cada 100"]


def test_a_mean_change_is_tabled_but_not_drawn_as_people(content_dir):
    replace_in(content_dir, "fact_boxes.yaml", "    - {measure: {en: Lines rated mild}, treated: 80, placebo: 3,",
               "    - {measure: {en: Days}, kind: mean-change, unit: {en: days a month}, treated: -9, placebo: -6.7,")
    content = load_content(content_dir)
    chart = fact_box_chart(content.fact_boxes["lines-prod-a"], content)
    assert [alt for _, alt in chart.panels] == [
        "Two groups of 100 figures. With TESTOX, 2.6 of 100 are filled; with placebo, 0 of 100 are filled. "
        "Drooping eyelid."]
    assert list(chart.table.iloc[0])[2:] == ["9 fewer days a month", "6.7 fewer days a month"]


def test_a_hostile_measure_is_text_in_the_picture(content_dir):
    replace_in(content_dir, "fact_boxes.yaml", "{en: Lines rated mild}", '{en: "Lines & \\"quotes\\""}')
    content = load_content(content_dir)
    svg, _ = icon_array(content.fact_boxes["lines-prod-a"].benefits[0], "benefits",
                        content.fact_boxes["lines-prod-a"], content)
    assert "Lines &amp; &quot;quotes&quot;" in svg or "Lines &amp; \"quotes\"" in svg


def test_the_worksheet_writes_only_what_was_ticked_and_known(content):
    assert worksheet_lines(content, Worksheet()) == []
    lines = worksheet_lines(content, Worksheet(("needles", "unknown"), "later", ("s", "unknown")))
    assert lines == ["What matters to me: Needles.", "I am leaning: I will decide later.",
                     "Questions I answered no: Sure?", "Any no means talk more."]
    assert worksheet_lines(content, Worksheet(leaning="<script>")) == []


def test_every_use_in_the_content_gets_its_options_and_alternatives(content_dir):
    append_to(content_dir, "alternatives.yaml", "- {id: diary, name: {en: Diary}, what: {en: Notes.}, "
              "status: {en: Free.}, sources: [paper-b], reviewed_on: 2026-01-01}\n")
    replace_in(content_dir, "choices.yaml", "alternatives: [sun-care]", "alternatives: [diary, sun-care]")
    content = load_content(content_dir)
    from botox_explorer.decisions import alternatives_for
    assert [a.id for a in alternatives_for(content.uses["lines"], content)] == ["diary", "sun-care"]
    assert alternatives_for(content.uses["mood"], content) == []


def test_rows_of_the_same_group_and_time_share_one_mark(content_dir):
    replace_in(content_dir, "fact_boxes.yaml", "  sources: [label-a]\n  reviewed_on",
               "    - {measure: {en: Headache}, treated: 5, placebo: 4, treated_people: 900, placebo_people: 300,"
               " sources: [label-a]}\n    - {measure: {en: Bruise}, treated: 1, placebo: 1, treated_people: 50,"
               " placebo_people: 40, sources: [label-a]}\n  sources: [label-a]\n  reviewed_on")
    content = load_content(content_dir)
    box = content.fact_boxes["lines-prod-a"]
    assert [row[1] for row in fact_table(box, content)[1]] == [
        "Lines rated mild", "Drooping eyelid (a)", "Headache (a)", "Bruise (b)"]
    assert row_notes(box, content) == ["(a) Counted in 900 people given TESTOX and 300 given placebo.",
                                       "(b) Counted in 50 people given TESTOX and 40 given placebo."]


LONG_MEASURE = ("Lineas del entrecejo que el medico del estudio conto como mejoradas al fruncir el ceno con fuerza, "
                "cuatro semanas despues de una sola sesion de tratamiento en la clinica")


def test_a_fact_box_is_drawn_in_spanish_as_its_reviewed_snapshot(content_dir):
    replace_in(content_dir, "fact_boxes.yaml", "{measure: {en: Lines rated mild}",
               f"{{measure: {{en: Lines rated mild, es: '{LONG_MEASURE}'}}")
    replace_in(content_dir, "fact_boxes.yaml", "{en: Drooping eyelid}", "{en: Drooping eyelid, es: Párpado caído}")
    content = load_content(content_dir)
    chart = fact_box_chart(content.fact_boxes["lines-prod-a"], content, "es")
    drawn = {"title": chart.title, "caption": chart.caption, "alt": [alt for _, alt in chart.panels],
             "table": chart.table.to_dict(orient="split")}
    assert_matches_snapshot("fact-box-es.json", json.dumps(drawn, indent=1, ensure_ascii=False))
    for number, (svg, _) in enumerate(chart.panels):
        assert_matches_snapshot(f"fact-box-es-{number}.svg", svg.replace("><", ">\n<"))


def test_a_long_measure_takes_three_lines_at_most_and_is_cut_at_a_word():
    from botox_explorer.icon_array import CHAR_PIXELS, TITLE_LINES, WIDTH, _title_lines

    lines = _title_lines(LONG_MEASURE * 2)
    assert len(lines) == TITLE_LINES and lines[-1].endswith("...")
    assert all(len(line) <= WIDTH / CHAR_PIXELS for line in lines)
    assert " ".join(lines[:-1]) == " ".join(LONG_MEASURE.split()[:len(" ".join(lines[:-1]).split())])
    assert _title_lines("Headache") == ["Headache"]
    assert _title_lines(LONG_MEASURE)[0] == "Lineas del entrecejo que el medico del"


def test_key_points_speak_the_language_asked_and_cite_each_part_by_its_own_sources(content):
    use = content.uses["bladder-test"].model_copy(update={
        "summary": {"en": "Calms a test bladder.", "es": "Calma una vejiga de prueba."},
        "side_effects": [{"en": "Sore", "es": "Dolor"}],
        "sources": ["paper-b", "label-a"],
        "cites": {"summary": ["label-a"], "evidence": ["paper-b"], "side_effects": ["label-a", "paper-b"]}})
    assert key_points(use, content, "es") == [
        Note("Qué es", "Calma una vejiga de prueba.", ("label-a",)),
        Note("Qué tan bien funciona", "No hay números de estudios con placebo para este uso: Uso no aprobado "
             "(off-label).", ("paper-b",)),
        Note("Riesgo principal", "Dolor", ("label-a", "paper-b"))]
    box_use = content.uses["lines"]
    spanish = key_points(box_use, content, "es")
    assert [note.lead for note in spanish] == ["Qué es", "Qué tan bien funciona", "Riesgo principal"]
    assert spanish[1].text.endswith("80 de cada 100 con TESTOX, frente a 3 de cada 100 con placebo.")
    assert spanish[2].text.endswith("2.6 de cada 100 con TESTOX, frente a 0 de cada 100 con placebo.")


def test_the_worksheet_is_written_in_the_language_asked(content):
    aid = content.decision_aid
    spanish = aid.model_copy(update={
        "matters": [item.model_copy(update={"text": {"en": "Needles", "es": "Agujas"}}) for item in aid.matters]
        + [aid.matters[0].model_copy(update={"id": "cost", "text": {"en": "Cost", "es": "Costo"}})],
        "sure": [item.model_copy(update={"text": {**item.text, "es": f"¿{item.id}?"}}) for item in aid.sure],
        "sure_note": aid.sure_note.model_copy(update={"text": {"en": "Talk more.", "es": "Hable más."}})})
    content = type(content)(**{**content.__dict__, "decision_aid": spanish})
    lines = worksheet_lines(content, Worksheet(("needles", "cost"), "toward", ("s", "u")), "es")
    assert lines == ["Lo que me importa: Agujas; Costo.", "Me inclino: A hacerme el tratamiento.",
                     "Preguntas que contesté con no: ¿s? ¿u?", "Hable más."]
