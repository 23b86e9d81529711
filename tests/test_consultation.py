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
                                                          ("51", 0, (FIRST_STEP,))])
def test_steps_count_from_one_up_to_the_limit(content, step, expected, notices):
    parsed = parse_consultation({"topics": ["lines"], "present": ["1", "1"], "step": [step, "3"]}, content)
    assert parsed.consultation == Consultation(uses=("lines",), presenting=True, step=expected)
    assert parsed.notices == notices


def test_agenda_steps_have_their_titles(content):
    assert [(step.key, step.title) for step in agenda(content, [content.uses["lines"]])] == [
        ("concerns", "Your concerns"), ("options", "Your options"), ("numbers", "Benefits and harms, in numbers"),
        ("choices", "Other options, and doing nothing"), ("timeline", "What to expect, and when"),
        ("risks", "Risks, and who should not be treated"),
        ("aftercare", "After the treatment: what is common, what is urgent"), ("questions", "Questions to ask"),
        ("clinic", "Where to find us"),
    ]


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
    assert [step.key for step in agenda(content, every_use)] == [
        "concerns", "options", "numbers", "choices", "timeline", "risks", "aftercare", "questions", "clinic"]
    assert [step.key for step in agenda(with_price(content, 12.0), every_use)] == [
        "concerns", "options", "numbers", "choices", "timeline", "risks", "aftercare", "questions", "cost", "clinic"]
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
        "Lo que le preocupa", "Sus opciones", "Beneficios y daños, en números", "Otras opciones, y no hacer nada",
        "Qué esperar y cuándo", "Riesgos y quién no debe recibir el tratamiento",
        "Después del tratamiento: qué es común y qué es urgente", "Preguntas para hacer", "Cuánto puede costar",
        "Dónde encontrarnos",
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
