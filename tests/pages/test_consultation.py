"""Consultation: choose concerns, present step by step, reload from the URL, the take-home PDF."""

import shutil

import pytest

from botox_explorer.consultation import agenda
from botox_explorer.content import load_content
from botox_explorer.i18n import t
from botox_explorer.presenting import span_text
from botox_explorer.ui.markdown import md

from .helpers import open_page, picture_title, popovers, texts


def button(app, label):
    [found] = [b for b in app.button if b.label == label]
    return found


def test_staff_pick_concerns_present_and_end():
    app = open_page("consultation")
    assert "Choose at least one concern" in texts(app)
    app.button_group(key="consult_uses_cosmetic").set_value(["frown-lines"]).run()
    app.button_group(key="consult_uses_medical").set_value(["chronic-migraine"]).run()
    assert app.query_params["topics"] == "frown-lines,chronic-migraine"
    assert "1. Your concerns" in [e.label for e in app.expander]
    button(app, "Present to the patient").click().run()
    assert [t.value for t in app.title] == ["Your concerns"]
    assert button(app, "Previous").disabled
    button(app, "Next").click().run()
    assert [t.value for t in app.title] == ["Your options"]
    assert app.query_params["step"] == "2"
    button(app, "Previous").click().run()
    assert [t.value for t in app.title] == ["Your concerns"]
    button(app, "End presentation").click().run()
    assert [t.value for t in app.title] == ["Consultation"]
    assert app.button_group(key="consult_uses_cosmetic").value == ["frown-lines"]
    assert app.button_group(key="consult_uses_medical").value == ["chronic-migraine"]


def step_number(content, use_ids, kind) -> int:
    """Where a kind of step comes in the agenda of ``use_ids``, counted from 1 as the address counts."""
    steps = agenda(content, [content.uses[u] for u in use_ids])
    return next(n for n, step in enumerate(steps, start=1) if step.kind == kind)


def test_presenter_view_reloads_from_the_url(real_content):
    number = step_number(real_content, ["underarm-sweating"], "boxed_warning")
    app = open_page("consultation", topics=["underarm-sweating"], present="1", step=str(number))
    assert [t.value for t in app.title] == ["The boxed warning"]
    assert any(f"Step {number} of" in c.value for c in app.caption)
    assert app.warning, "the boxed warning is shown in an alert"


def test_a_link_made_with_concern_opens_the_same_presentation_and_reads_topics_after(real_content):
    number = step_number(real_content, ["underarm-sweating"], "boxed_warning")
    app = open_page("consultation", concern=["underarm-sweating"], present="1", step=str(number))
    assert [t.value for t in app.title] == ["The boxed warning"]
    assert app.query_params["topics"] == "underarm-sweating"
    assert "concern" not in app.query_params
    assert "that we do not have" not in texts(app), "an old link has no unknown value"


@pytest.mark.parametrize("query", [{}, {"topics": "nowhere"}, {"concern": "<b>x</b>"}, {"area": "moon"}])
def test_presenting_nothing_goes_back_to_choosing_with_a_notice(query):
    app = open_page("consultation", present="1", step="3", **query)
    assert [t.value for t in app.title] == ["Consultation"]
    assert t("consultation.nothing_to_present", "en") in texts(app).replace("\\", "")
    assert "present" not in app.query_params and "step" not in app.query_params
    assert not [label for label, _ in popovers(app) if label == "On your phone"]
    assert not [m.value for m in app.markdown if m.value.startswith("![QR code")]
    assert "explore?topics" not in texts(app)


def test_presenting_nothing_says_so_in_spanish():
    app = open_page("consultation", present="1", lang="es")
    assert [t.value for t in app.title] == ["Consulta"]
    assert t("consultation.nothing_to_present", "es") in texts(app).replace("\\", "")
    assert t("consultation.nothing_to_present", "es").startswith("Todavía no había nada que presentar")


def test_last_step_and_out_of_range_step():
    app = open_page("consultation", topics=["depression"], present="1", step="50")
    assert [t.value for t in app.title] == ["Where to find us"]
    assert button(app, "Next").disabled


def test_hostile_link_falls_back():
    app = open_page("consultation", topics=["<img src=x>", "frown-lines"], present="yes", step="-3")
    assert [t.value for t in app.title] == ["Consultation"]
    assert "that we do not have" in texts(app)


def test_areas_add_their_uses_and_the_pdf_button_says_pdf(real_content):
    app = open_page("consultation", area="underarms")
    at_area = [u.name["en"] for u in real_content.uses.values() if "underarms" in u.areas]
    assert at_area
    [concerns] = [e for e in app.expander if e.label == "1. Your concerns"]
    [listed] = [m.value.replace("\\", "") for m in concerns.markdown if m.value.startswith("- **")]
    assert [line.removeprefix("- **").split("**")[0] for line in listed.splitlines()] == at_area
    [download] = app.get("download_button")
    assert "PDF" in download.proto.label


def test_the_agenda_keeps_the_order_staff_chose(real_content):
    app = open_page("consultation")
    app.button_group(key="consult_uses_medical").set_value(["chronic-migraine"]).run()
    app.button_group(key="consult_uses_cosmetic").set_value(["frown-lines"]).run()
    assert app.query_params["topics"] == "chronic-migraine,frown-lines"
    button(app, "Present to the patient").click().run()
    button(app, "Next").click().run()
    assert [t.value for t in app.title] == ["Your options"]
    options = [m.value.removeprefix("## ").replace("\\", "") for m in app.markdown if m.value.startswith("## ")]
    assert options == [real_content.uses[u].name["en"] for u in ("chronic-migraine", "frown-lines")]


def test_first_name_never_reaches_the_url():
    app = open_page("consultation", topics="frown-lines")
    app.text_input(key="consult_first_name").input("Maria").run()
    assert "Maria" not in str(app.query_params)
    [download] = app.get("download_button")
    assert download.proto.label == "Download the summary for Maria (PDF)"


def test_hostile_first_name_is_shown_as_text():
    app = open_page("consultation", topics="frown-lines")
    app.text_input(key="consult_first_name").input("[x](javascript:alert(1)) <b>").run()
    assert not app.exception
    [download] = app.get("download_button")
    assert "\\[x\\]\\(javascript" in download.proto.label


def test_cost_appears_only_with_a_price(monkeypatch, content_dir, tmp_path):
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    app = open_page("consultation", topics="lines")
    assert "What it may cost" not in texts(app)
    priced = tmp_path / "priced"
    shutil.copytree(content_dir, priced)
    clinic = priced / "clinic.yaml"
    clinic.write_text("price_per_unit_usd: 12\n" + clinic.read_text())
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(priced))
    app = open_page("consultation", topics="lines", present="1",
                    step=str(step_number(load_content(priced), ["lines"], "cost")))
    assert [t.value for t in app.title] == ["What it may cost"]
    assert "| Use | Label dose \\(units\\) | Per treatment | Per year |" in texts(app)
    assert "| \\$240 |" in texts(app)  # "$" escaped: markdown would read it as maths
    assert "Your injector decides the dose" in texts(app)


def test_the_agenda_draws_the_timeline_and_the_printed_summary_says_it_in_words(real_content):
    app = open_page("consultation", topics=["blepharospasm", "crows-feet"])
    pictures = [m.value for m in app.markdown if m.value.startswith("![")]
    timelines = [p for p in pictures if "How the effect builds and wears off" in picture_title(p)]
    assert len(timelines) == 1 and ("Blepharospasm" in timelines[0] or "eyelid" in timelines[0].lower())
    [printed] = [m.value for m in app.markdown if m.value.startswith("## Your consultation summary")]
    stages = real_content.uses["blepharospasm"].timing.stages
    assert stages
    for stage, span in stages:
        assert f"- **{t(f'pdf.{stage}', 'en')}:** {md(span_text(span))}" in printed


def test_a_name_the_pdf_cannot_print_is_said_on_the_form():
    app = open_page("consultation", topics="frown-lines")
    app.text_input(key="consult_first_name").input("Ana 😀").run()
    assert "The PDF prints names in Latin letters only, so it leaves out: 😀" in [c.value for c in app.caption]
    app.text_input(key="consult_first_name").input("Zoë").run()
    assert not [c.value for c in app.caption if "leaves out" in c.value]


@pytest.mark.parametrize(("topic", "shown"), [("crows-feet", False), ("overactive-bladder", True)])
def test_the_presenter_shows_a_warning_only_to_the_patients_it_applies_to(real_content, topic, shown):
    """The bladder's "do not treat" items (applies_to) are for bladder patients, as in the take-home summary."""
    number = step_number(real_content, [topic], "do_not_treat")
    app = open_page("consultation", topics=[topic], present="1", step=str(number))
    assert [title.value for title in app.title] == [t("consultation.steps.do_not_treat", "en")]
    assert ("urinary tract infection" in texts(app)) is shown
    assert "Dysport only" in texts(app)  # a general item, for everyone
