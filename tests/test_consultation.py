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


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def test_url_round_trip(content):
    consultation = Consultation(uses=("lines",), areas=("bladder",), presenting=True, step=2)
    params = consultation_params(consultation)
    assert params == {"concern": ["lines"], "area": ["bladder"], "present": ["1"], "step": ["3"]}
    assert parse_consultation(params, content).consultation == consultation


@pytest.mark.parametrize("step", ["0", "-1", "abc", "999", "1e3", ""])
def test_bad_step_starts_at_the_first(content, step):
    parsed = parse_consultation({"concern": ["lines"], "present": ["1"], "step": [step]}, content)
    assert parsed.consultation.step == 0
    assert parsed.notices == ("started at the first step",)


def test_unknown_concerns_are_dropped(content):
    parsed = parse_consultation({"concern": ["lines", "<script>"], "area": ["moon"]}, content)
    assert parsed.consultation.uses == ("lines",)
    assert parsed.consultation.areas == ()
    assert len(parsed.notices) == 2


def test_chosen_uses_join_concerns_and_areas_in_content_order(content):
    consultation = Consultation(uses=("mood",), areas=("bladder",))
    assert [u.id for u in chosen_uses(consultation, content)] == ["bladder-test", "mood"]


def test_agenda_has_a_cost_step_only_with_a_price(content):
    uses = list(content.uses.values())
    keys = [step.key for step in agenda(content, uses)]
    assert "cost" not in keys
    priced = content.clinic.model_copy(update={"price_per_unit_usd": 12.0})
    with_price = type(content)(**{**content.__dict__, "clinic": priced})
    keys = [step.key for step in agenda(with_price, uses)]
    assert keys == ["concerns", "options", "timeline", "risks", "aftercare", "questions", "cost", "clinic"]


def test_clamp_keeps_the_step_on_the_agenda(content):
    steps = agenda(content, list(content.uses.values()))
    assert clamp(Consultation(step=40), steps).step == len(steps) - 1


def test_cost_estimate_sums(content):
    use = content.uses["lines"]  # label dose 20 units, no retreatment interval
    assert cost_estimate(use, None) is None
    assert cost_estimate(content.uses["mood"], 12.0) is None
    estimate = cost_estimate(use, 12.0)
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
