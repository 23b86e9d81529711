"""A consultation: the concerns staff pick, the agenda built from them, and its URL.

Everything here is pure: the page asks for the state from the URL, the steps to
show and the cost estimate, and lays them out.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from babel.numbers import format_currency

from .filters import known_values, split_values
from .i18n import LOCALES, supported, t
from .models import DAYS_PER_UNIT, DEFAULT_LANGUAGE, Content, Use
from .presenting import items_for_uses, short_name
from .routes import PRESENTING, Param

DAYS_PER_YEAR = 365.0
MAX_STEP = 100  # a step about each chosen use (numbers, other options) makes a long agenda of many uses


@dataclass(frozen=True)
class Consultation:
    """What staff chose; ``step`` counts from 0 and is kept within the agenda by ``clamp``."""

    uses: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    presenting: bool = False
    step: int = 0


@dataclass(frozen=True)
class ParsedConsultation:
    consultation: Consultation
    notices: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Step:
    """One step of the agenda, one idea: a key the page renders, its title, and the picture planned for it.

    ``key`` is the kind of step (``numbers``), or the kind and the one chosen use it is about (``numbers:crows-feet``),
    so a page that renders by key needs nothing else. ``picture`` names the chart the step draws (``area_map``...),
    or is ``None`` for a step of words only; tests check that every planned picture is shown.
    """

    key: str
    title: str
    picture: str | None = None

    @property
    def kind(self) -> str:
        return step_kind(self.key)[0]

    @property
    def use_id(self) -> str | None:
        return step_kind(self.key)[1]


def step_kind(key: str) -> tuple[str, str | None]:
    """``("numbers", "crows-feet")`` for ``numbers:crows-feet``; ``("risks", None)`` for a step about every use."""
    kind, _, use_id = key.partition(":")
    return kind, use_id or None


@dataclass(frozen=True)
class CostEstimate:
    use_id: str
    units_low: float
    units_high: float
    per_treatment_low: float
    per_treatment_high: float
    per_year_low: float | None
    per_year_high: float | None


def parse_consultation(params: Mapping[str, Iterable[str]], content: Content,
                       language: str = DEFAULT_LANGUAGE) -> ParsedConsultation:
    """The consultation a URL describes; unknown values are dropped with a notice in ``language``.

    The chosen uses are ``topics=a,b``, as the phone link writes them; a link made before reads ``concern=a&concern=b``
    and still opens the same consultation (written back as ``topics`` by the page)."""
    notices: list[str] = []
    given = split_values([*params.get(Param.TOPICS, ()), *params.get(Param.CONCERN, ())])
    uses = known_values(given, tuple(content.uses), Param.CONCERN, notices, given_order=True, language=language)
    areas = known_values(params.get(Param.AREA, ()), tuple(content.areas), Param.AREA, notices, language=language)
    presenting = list(params.get(Param.PRESENT, ()))[:1] == [PRESENTING]
    step_text = (list(params.get(Param.STEP, ())) or ["1"])[0]
    step = int(step_text) - 1 if step_text.isdigit() and 0 < int(step_text) <= MAX_STEP else 0
    if presenting and not chosen_uses(Consultation(uses, areas), content):
        # Nothing to present: back to choosing, rather than a deck of empty headings.
        notices.append(t("consultation.nothing_to_present", language))
        return ParsedConsultation(Consultation(uses, areas), tuple(notices))
    if step_text != "1" and step == 0:
        notices.append(t("consultation.started_at_first_step", language))
    return ParsedConsultation(Consultation(uses, areas, presenting, step), tuple(notices))


def consultation_params(consultation: Consultation) -> dict[str, list[str]]:
    """The URL query that reproduces ``consultation`` (steps counted from 1 for people)."""
    params = {Param.TOPICS: [",".join(consultation.uses)] if consultation.uses else [],
              Param.AREA: list(consultation.areas)}
    if consultation.presenting:
        params[Param.PRESENT] = [PRESENTING]
        params[Param.STEP] = [str(consultation.step + 1)]
    return {name: values for name, values in params.items() if values}


def chosen_uses(consultation: Consultation, content: Content) -> list[Use]:
    """The uses picked directly, in the order staff picked them, then the other uses at the picked areas in
    content order; each once."""
    picked = [content.uses[u] for u in dict.fromkeys(consultation.uses) if u in content.uses]
    areas = set(consultation.areas)
    picked_ids = {u.id for u in picked}
    at_areas = [u for u in content.uses.values() if areas.intersection(u.areas) and u.id not in picked_ids]
    return picked + at_areas


# The safety steps, one section of safety.yaml each (the common side effects with the chosen uses' own), in the
# order a consultation takes them: before deciding, then after the treatment.
SAFETY_STEPS = {"boxed_warning": "boxed_warning", "do_not_treat": "do_not_treat",
                "tell_your_doctor": "tell_your_doctor", "aftercare": "aftercare",
                "side_effects": "common_side_effects", "red_flags": "red_flags", "questions": "questions_to_ask"}
STEP_PICTURES = {"concerns": "area_map", "options": "approvals_chart", "numbers": "fact_box",
                 "timeline": "effect_timeline", "red_flags": "red_flags_card", "clinic": "locations_sketch"}


def agenda(content: Content, uses: list[Use], language: str = DEFAULT_LANGUAGE) -> list[Step]:
    """The steps of the consultation for the chosen uses, titled in ``language``: one idea a step, a step about one
    use for each use where the ideas differ (numbers, other options), and no step with nothing to say (with no use
    chosen, only the safety and the clinic's steps)."""
    def step(kind: str, use: Use | None = None, picture: bool = True) -> Step:
        title = t(f"consultation.steps.{kind}", language)
        if use:
            title = t("consultation.step_for", language, step=title, use=short_name(use, language))
        return Step(f"{kind}:{use.id}" if use else kind, title, STEP_PICTURES.get(kind) if picture else None)

    use_ids = {u.id for u in uses}
    steps = [step("concerns"), step("options", picture=any(
        a.use in use_ids for p in content.products.values() for a in p.approvals))] if uses else []
    steps += [step("numbers", u, picture=_counts_people(content, u)) for u in uses]
    steps += [step("choices", u) for u in uses if u.id in content.choices]
    if any(u.timing.stages for u in uses):
        steps.append(step("timeline"))
    safety = content.safety
    for kind, section in SAFETY_STEPS.items():
        if items_for_uses(getattr(safety, section), use_ids) or (kind == "side_effects" and
                                                                   any(u.side_effects for u in uses)):
            steps.append(step(kind))
    if content.clinic.price_per_unit_usd and any(u.label_dose for u in uses):
        steps.append(step("cost"))
    if content.clinic.locations:
        steps.append(step("clinic"))
    return steps


def _counts_people(content: Content, use: Use) -> bool:
    """Whether a fact box of ``use`` counts people per 100, the outcomes its icon arrays draw."""
    return any(outcome.kind == "share" for box in content.fact_boxes_for(use.id)
               for outcome in (*box.benefits, *box.harms))


def clamp(consultation: Consultation, steps: list[Step]) -> Consultation:
    last = max(len(steps) - 1, 0)
    if 0 <= consultation.step <= last:
        return consultation
    return Consultation(consultation.uses, consultation.areas, consultation.presenting, min(consultation.step, last))


def cost_estimate(use: Use, price_per_unit: float | None) -> CostEstimate | None:
    """Units times price for a use whose label gives a dose; per year at the retreatment interval.

    ``None`` when the clinic sets no price or the label gives no dose: no guessed cost is ever shown.
    """
    dose = use.label_dose
    if not price_per_unit or not dose:
        return None
    per_year_low = per_year_high = None
    interval = use.timing.retreatment
    if interval:
        shortest, longest = (value * DAYS_PER_UNIT[interval.unit] for value in (interval.low, interval.high))
        per_year_low = dose.low * price_per_unit * math.floor(DAYS_PER_YEAR / longest)
        per_year_high = dose.high * price_per_unit * math.floor(DAYS_PER_YEAR / shortest)
    return CostEstimate(
        use_id=use.id,
        units_low=dose.low,
        units_high=dose.high,
        per_treatment_low=dose.low * price_per_unit,
        per_treatment_high=dose.high * price_per_unit,
        per_year_low=per_year_low,
        per_year_high=per_year_high,
    )


def money_range(low: float, high: float, language: str = DEFAULT_LANGUAGE) -> str:
    """``$240`` or ``$240-$360``, in whole dollars as ``language`` writes them (US Spanish writes them alike)."""
    def dollars(amount: float) -> str:
        return format_currency(amount, "USD", format="¤#,##0", currency_digits=False,
                               locale=LOCALES[supported(language)])

    return dollars(low) if low == high else f"{dollars(low)}-{dollars(high)}"
