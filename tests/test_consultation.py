import pytest

from botox_explorer.consultation import (
    Consultation,
    agenda,
    chosen_uses,
    clamp,
    consultation_params,
    cost_estimate,
    money_range,
    parse_consultation,
    step_kind,
)
from botox_explorer.content import load_content
from botox_explorer.models import Span
from tests.helpers import english_left


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


FIRST_STEP = "This link asked for a step we do not have, so we started at the first step."


def test_url_round_trip(content):
    consultation = Consultation(uses=("lines",), areas=("bladder",), presenting=True, step=2)
    params = consultation_params(consultation)
    assert params == {"topics": ["lines"], "area": ["bladder"], "present": ["1"], "step": ["3"]}
    assert parse_consultation(params, content).consultation == consultation


def test_the_concerns_are_written_as_the_phone_link_writes_its_topics(content):
    params = consultation_params(Consultation(uses=("mood", "lines")))
    assert params == {"topics": ["mood,lines"]}
    assert parse_consultation(params, content).consultation == Consultation(uses=("mood", "lines"))


def test_a_link_made_before_with_concern_opens_the_same_consultation(content):
    old = parse_consultation({"concern": ["mood", "lines"], "present": ["1"], "step": ["2"]}, content)
    assert old == parse_consultation({"topics": ["mood,lines"], "present": ["1"], "step": ["2"]}, content)
    assert old.consultation == Consultation(uses=("mood", "lines"), presenting=True, step=1)
    assert old.notices == ()


NOTHING_TO_PRESENT = ("There was nothing to present yet, so we went back to choosing. Choose at least one concern "
                      "or area, then press \"Present to the patient\".")


@pytest.mark.parametrize("params", [{}, {"topics": ["<b>nope</b>"]}, {"area": ["moon"]}, {"topics": [""]}])
def test_presenting_nothing_goes_back_to_choosing_with_a_notice(content, params):
    parsed = parse_consultation({**params, "present": ["1"], "step": ["3"]}, content)
    assert parsed.consultation == Consultation()
    assert parsed.notices[-1] == NOTHING_TO_PRESENT


def test_an_area_alone_is_enough_to_present(content):
    parsed = parse_consultation({"area": ["bladder"], "present": ["1"]}, content)
    assert parsed.consultation == Consultation(areas=("bladder",), presenting=True)
    assert parsed.notices == ()


@pytest.mark.parametrize("step", ["0", "-1", "abc", "999", "1e3", ""])
def test_bad_step_starts_at_the_first(content, step):
    parsed = parse_consultation({"topics": ["lines"], "present": ["1"], "step": [step]}, content)
    assert parsed.consultation.step == 0
    assert parsed.notices == (FIRST_STEP,)


def test_unknown_concerns_are_dropped(content):
    parsed = parse_consultation({"topics": ["lines,<script>"], "area": ["moon"]}, content)
    assert parsed.consultation.uses == ("lines",)
    assert parsed.consultation.areas == ()
    assert parsed.notices == (
        "This link asked for a concern that we do not have, so we left it out.",
        "This link asked for a body area that we do not have, so we left it out.")


@pytest.mark.parametrize(("step", "expected", "notices"), [("1", 0, ()), ("2", 1, ()), ("50", 49, ()),
                                                          ("100", 99, ()), ("101", 0, (FIRST_STEP,))])
def test_steps_count_from_one_up_to_the_limit(content, step, expected, notices):
    parsed = parse_consultation({"topics": ["lines"], "present": ["1", "1"], "step": [step, "3"]}, content)
    assert parsed.consultation == Consultation(uses=("lines",), presenting=True, step=expected)
    assert parsed.notices == notices


def test_agenda_steps_have_their_titles(content):
    assert [(step.key, step.title) for step in agenda(content, [content.uses["lines"]])] == [
        ("concerns", "Your concerns"), ("options", "Your options"),
        ("numbers:lines", "Benefits and harms, in numbers: Test lines"),
        ("choices:lines", "Other options, and doing nothing: Test lines"), ("timeline", "What to expect, and when"),
        ("boxed_warning", "The boxed warning"), ("do_not_treat", "Who should not be treated"),
        ("red_flags", "When to get help right away"), ("questions", "Questions to ask"),
        ("clinic", "Where to find us"),
    ]


def test_each_step_plans_the_picture_it_draws(content):
    steps = {step.key: step.picture for step in agenda(content, [content.uses["lines"], content.uses["mood"]])}
    assert {key: picture for key, picture in steps.items() if picture} == {
        "concerns": "area_map", "options": "approvals_chart", "numbers:lines": "fact_box",
        "timeline": "effect_timeline", "red_flags": "red_flags_card", "clinic": "locations_sketch"}
    assert steps["numbers:mood"] is None  # no fact box: the evidence in words


def test_a_step_about_one_use_says_which(content):
    [numbers] = [step for step in agenda(content, [content.uses["mood"]]) if step.kind == "numbers"]
    assert (numbers.key, numbers.kind, numbers.use_id) == ("numbers:mood", "numbers", "mood")
    assert step_kind("clinic") == ("clinic", None)


def test_no_step_has_nothing_to_say(content):
    """Uses without timing, approvals or a fact box: no timeline, no picture of approvals; empty safety sections
    (tell your doctor, aftercare, common side effects in the minimal content) are left out."""
    steps = agenda(content, [content.uses["mood"]])
    keys = [step.key for step in steps]
    assert "timeline" not in keys and "choices:mood" in keys
    assert not {"tell_your_doctor", "aftercare", "side_effects"} & set(keys)
    assert dict((step.key, step.picture) for step in steps)["options"] is None
    assert len(keys) == len(set(keys))


def test_side_effects_have_a_step_when_a_chosen_use_names_some(content):
    lines = content.uses["lines"]
    with_effects = lines.model_copy(update={"side_effects": [{"en": "Headache"}]})
    assert "side_effects" not in [step.key for step in agenda(content, [lines])]
    assert "side_effects" in [step.key for step in agenda(content, [with_effects])]


def test_a_use_known_only_by_its_interval_has_a_timeline(content):
    mood = content.uses["mood"]
    repeated = mood.model_copy(update={"timing": mood.timing.model_copy(
        update={"retreatment": Span(low=12, high=12, unit="weeks")})})
    assert "timeline" in [step.key for step in agenda(content, [repeated])]


def test_with_nothing_chosen_only_the_steps_for_everyone_are_left(content):
    assert [step.key for step in agenda(content, [])] == [
        "boxed_warning", "do_not_treat", "red_flags", "questions", "clinic"]


def test_chosen_uses_keep_the_order_staff_chose_then_add_the_uses_at_the_areas(content):
    consultation = Consultation(uses=("mood", "lines", "mood"), areas=("forehead", "bladder"))
    assert [u.id for u in chosen_uses(consultation, content)] == ["mood", "lines", "bladder-test"]


def test_the_link_keeps_the_order_of_the_concerns(content):
    parsed = parse_consultation({"topics": ["mood,nope", "lines,mood"]}, content)
    assert parsed.consultation.uses == ("mood", "lines")
    assert parsed.notices == ("This link asked for a concern that we do not have, so we left it out.",)


def with_price(content, price):
    clinic = content.clinic.model_copy(update={"price_per_unit_usd": price})
    return type(content)(**{**content.__dict__, "clinic": clinic})


def test_agenda_has_a_cost_step_only_with_a_price_and_a_label_dose(content):
    every_use = list(content.uses.values())
    without_dose = [content.uses["bladder-test"], content.uses["mood"]]
    assert "cost" not in [step.key for step in agenda(content, every_use)]
    assert [step.key for step in agenda(with_price(content, 12.0), every_use)][-2:] == ["cost", "clinic"]
    assert "cost" not in [step.key for step in agenda(with_price(content, 12.0), without_dose)]


def test_clamp_keeps_the_step_on_the_agenda(content):
    steps = agenda(content, list(content.uses.values()))
    last = len(steps) - 1
    assert clamp(Consultation(uses=("lines",), presenting=True, step=40), steps) == Consultation(
        uses=("lines",), presenting=True, step=last)
    for step in (0, last):
        assert clamp(Consultation(presenting=True, step=step), steps).step == step
    assert clamp(Consultation(step=3), []).step == 0


def test_cost_estimate_sums(content):
    use = content.uses["lines"]  # label dose 20 units, no retreatment interval
    assert cost_estimate(use, None) is None
    assert cost_estimate(content.uses["mood"], 12.0) is None
    estimate = cost_estimate(use, 12.0)
    assert (estimate.use_id, estimate.units_low, estimate.units_high) == ("lines", 20, 20)
    assert (estimate.per_treatment_low, estimate.per_treatment_high) == (240.0, 240.0)
    assert estimate.per_year_low is None
    timed = use.model_copy(update={"timing": use.timing.model_copy(
        update={"retreatment": Span(low=3, high=4, unit="months")})})
    yearly = cost_estimate(timed, 12.0)
    assert yearly.per_year_low == 240.0 * 3  # every 4 months: 3 treatments a year
    assert yearly.per_year_high == 240.0 * 4  # every 3 months: 4 treatments a year


def test_money_range():
    assert money_range(240, 240) == "$240"
    assert money_range(312, 432) == "$312-$432"


def test_agenda_steps_have_their_titles_in_spanish(content):
    steps = agenda(with_price(content, 12.0), [content.uses["lines"]], language="es")
    assert [step.title for step in steps] == [
        "Lo que le preocupa", "Sus opciones", "Beneficios y daños, en números: Test lines",
        "Otras opciones, y no hacer nada: Test lines", "Qué esperar y cuándo", "La advertencia en recuadro",
        "Quién no debe recibir el tratamiento", "Cuándo buscar ayuda de inmediato", "Preguntas para hacer",
        "Cuánto puede costar", "Dónde encontrarnos",
    ]
    assert english_left(" ".join(step.title for step in steps), "consultation.steps") == []


def test_the_notices_of_a_link_read_in_spanish(content):
    parsed = parse_consultation({"topics": ["lines,<script>"], "area": ["moon", "sun"], "step": ["0"]}, content,
                                language="es")
    assert parsed.consultation == Consultation(uses=("lines",))
    assert parsed.notices == ("Este enlace pedía un tema de consulta que no tenemos; esa parte se dejó fuera.",
                              "Este enlace pedía una zona del cuerpo que no tenemos; esa parte se dejó fuera.",
                              "Este enlace pedía un paso que no tenemos; empezamos en el primero.")
    assert english_left(" ".join(parsed.notices), "consultation", "filters") == []


def test_money_range_writes_whole_dollars_in_every_language():
    assert money_range(1240, 1560) == "$1,240-$1,560"
    assert money_range(1240, 1560, language="es") == "$1,240-$1,560"
    assert money_range(240, 240, language="es") == "$240"
