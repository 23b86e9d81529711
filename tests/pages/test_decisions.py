"""A use helps a person decide: key points, fact boxes with icon arrays, the other options and doing nothing, and
a worksheet that stays private (never in the address, a file or the log) and reaches the notes and the summary."""

import logging
import re
from pathlib import Path

import pytest

from botox_explorer.decisions import key_points
from tests.pages.helpers import charts, open_page, popovers, texts

ROOT = Path(__file__).resolve().parents[2]


def plain(app) -> str:
    return texts(app).replace("\\", "")


def test_a_use_with_trial_numbers_leads_with_them_and_shows_its_fact_boxes(real_content):
    app = open_page("explore", use="frown-lines")
    page = plain(app)
    box = real_content.fact_boxes_for("frown-lines")[0]
    works = key_points(real_content.uses["frown-lines"], real_content)[1].text
    assert works in page and "out of 100 with BOTOX Cosmetic, against" in works
    for box in real_content.fact_boxes_for("frown-lines"):
        brand = real_content.products[box.product].brand
        assert f"{brand}: benefits and harms in numbers" in page
        drawn = charts(app)
        measure = box.benefits[0].measure["en"]
        assert any(title == measure for title in drawn), sorted(drawn)
    assert real_content.decision_aid.brand_note.text["en"].split(". ")[0] in page  # the numbers are the brand's


def test_each_number_on_the_page_is_the_one_its_box_records(real_content):
    app = open_page("explore", use="chronic-migraine")
    page = plain(app)
    [box] = real_content.fact_boxes_for("chronic-migraine")
    first = box.benefits[0]
    assert f"{abs(first.treated):g} fewer" in page and f"{abs(first.placebo):g} fewer" in page


@pytest.mark.parametrize("use_id", ["depression", "jaw-slimming"])
def test_a_use_without_trial_numbers_shows_no_number(real_content, use_id):
    assert not real_content.fact_boxes_for(use_id)
    app = open_page("explore", use=use_id)
    page = plain(app)
    assert "No trial numbers to show" in page
    assert "No placebo-controlled numbers for this use" in page
    assert not re.search(r"\d out of 100|benefits and harms in numbers", page)


def test_every_use_shows_its_other_options_and_what_happens_without_treatment(real_content):
    app = open_page("explore", use="chronic-migraine")
    page = plain(app)
    choices = real_content.choices["chronic-migraine"]
    assert "What are the Alternatives? What if I do Nothing?" in page
    for alternative in choices.alternatives:
        assert real_content.alternatives[alternative].name["en"] in page
    assert choices.without_treatment["en"].split(".")[0] in page
    assert "These options are listed, not recommended." in page


def test_the_worksheet_stays_private_and_reaches_the_visit_notes(real_content, caplog):
    caplog.set_level(logging.DEBUG)
    before = {path: path.stat().st_mtime for path in ROOT.rglob("*") if path.is_file() and ".venv" not in path.parts}
    app = open_page("explore", use="frown-lines")
    address = dict(app.query_params)
    app.button_group(key="use-matters").set_value(["needles", "yearly-cost"]).run()
    app.button_group(key="use-sure").set_value(["understand"]).run()
    app.button_group(key="use-leaning").set_value("later").run()
    assert dict(app.query_params) == address  # nothing of the worksheet in the address
    app.switch_page("pages/visit/before_your_visit.py").run()
    assert app.button_group(key="visit-matters").value == ["needles", "yearly-cost"]  # it follows the visitor
    [notes] = [" ".join(text.replace("\\", "").split()) for label, text in popovers(app)
               if label.startswith("Download or print")]
    assert "What matters to me: How I feel about needles and injections; What it costs over a whole year." in notes
    assert "I am leaning: I will decide later." in notes
    assert "Questions I answered no: Do I know the benefits and the risks of each choice?" in notes
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "needles" not in logged and "decide later" not in logged
    after = {path: path.stat().st_mtime for path in ROOT.rglob("*") if path.is_file() and ".venv" not in path.parts}
    assert {p for p in after if before.get(p) != after[p]} == set()  # nothing written in the project


def test_the_worksheet_is_in_spanish_with_the_page(real_content):
    app = open_page("visit", lang="es")
    page = plain(app)
    assert "Ayuda para su decisión" in page
    assert "Cuatro preguntas rápidas (la prueba SURE)" in page
    assert "No tiene que decidir hoy." in page


def test_the_consultation_shows_the_numbers_and_the_choices_as_steps(real_content):
    app = open_page("consultation", topics=["chronic-migraine"], present="1", step="3")
    page = plain(app)
    assert "Benefits and harms, in numbers" in page
    assert "BOTOX: benefits and harms in numbers" in page
    app = open_page("consultation", topics=["chronic-migraine"], present="1", step="4")
    assert "Other options, and doing nothing" in plain(app)
    assert real_content.alternatives[real_content.choices["chronic-migraine"].alternatives[0]].name["en"] in plain(app)
