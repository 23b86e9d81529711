"""What a person weighs before choosing: a use's fact boxes read as plain numbers, its options, its key points.

Every number comes from a fact box (``data/fact_boxes.yaml``), as its source gives it: counted per 100 people with
the product against per 100 with placebo, or a mean change said as one. Nothing is computed from it but its words.
The dashboard, the guide, the consultation and the take-home PDF all read these functions.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import format_number, t
from .models import DEFAULT_LANGUAGE, Alternative, Content, FactBox, Outcome, Use, text_in
from .presenting import Note, status_label


def brand(box: FactBox, content: Content) -> str:
    return content.products[box.product].brand


def number_text(outcome: Outcome, value: float, language: str = DEFAULT_LANGUAGE) -> str:
    """``80 out of 100`` for a share; ``9 fewer headache days a month`` for a mean change (as the source signs it)."""
    if outcome.kind == "share":
        return t("decisions.per_100", language, number=format_number(value, language))
    unit = text_in(outcome.unit, language)
    if value == 0:
        return t("decisions.no_change", language, unit=unit)
    return t("decisions.fewer" if value < 0 else "decisions.more", language, number=format_number(abs(value), language),
             unit=unit)


def outcome_sentence(outcome: Outcome, box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """One line a patient can compare: the measure, the product's number against placebo's, same denominator."""
    key = "decisions.sentence_share" if outcome.kind == "share" else "decisions.sentence_change"
    return t(key, language, measure=text_in(outcome.measure, language), product=brand(box, content),
             treated=number_text(outcome, outcome.treated, language),
             placebo=number_text(outcome, outcome.placebo, language))


@dataclass(frozen=True)
class FactRow:
    """A line of a fact box as a page shows it."""

    part: str  # "benefits" or "harms"
    measure: str
    treated: str
    placebo: str
    detail: str  # who and when, where the row differs from the box
    source_ids: tuple[str, ...]


def fact_rows(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> list[FactRow]:
    """Every benefit, then every harm, each with its numbers in words and its own sources."""
    rows = []
    for part in ("benefits", "harms"):
        for outcome in getattr(box, part):
            rows.append(FactRow(part, text_in(outcome.measure, language),
                                number_text(outcome, outcome.treated, language),
                                number_text(outcome, outcome.placebo, language),
                                _row_detail(outcome, box, content, language), tuple(outcome.sources)))
    return rows


def _row_detail(outcome: Outcome, box: FactBox, content: Content, language: str) -> str:
    parts = []
    if outcome.treated_people and outcome.placebo_people:
        parts.append(t("decisions.rows_people", language, product=brand(box, content),
                       treated=format_number(outcome.treated_people, language),
                       placebo=format_number(outcome.placebo_people, language)))
    if outcome.time_point:
        parts.append(t("decisions.when", language, when=text_in(outcome.time_point, language)))
    return " ".join(parts)


def fact_table(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> tuple[list[str], list[list[str]]]:
    """The fact box as a table: what was measured, the product's number, placebo's (Harding Center form). A row
    measured in another group or at another time is marked (a), (b)... and said in ``row_notes``: headings stay
    short."""
    header = ["", t("decisions.measure", language),
              t("decisions.with_product", language, product=brand(box, content)), t("decisions.with_placebo", language)]
    rows = fact_rows(box, content, language)
    marks = _row_marks(rows)
    return header, [[t(f"decisions.{row.part}", language),
                     row.measure + (f" ({marks[row.detail]})" if row.detail else ""), row.treated, row.placebo]
                    for row in rows]


def row_notes(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """What the marked rows of a fact box count, and when, once a mark: ``(a) Counted in 665 people...``."""
    return [f"({mark}) {detail}" for detail, mark in _row_marks(fact_rows(box, content, language)).items()]


def _row_marks(rows: list[FactRow]) -> dict[str, str]:
    """A letter for each group and time that differs from the box's (a row's detail), in the order rows meet it."""
    letters: dict[str, str] = {}
    for row in rows:
        if row.detail:
            letters.setdefault(row.detail, "abcdefghijklmnopqrstuvwxyz"[len(letters)])
    return letters


def box_summary(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """What a reader needs around the numbers: the trials, who was in them, when it was measured, where the numbers
    come from, that they are the brand's own (``decision_aid.yaml``, cited with the box: ``box_source_ids``)."""
    product = brand(box, content)
    lines = [t("decisions.box_intro", language, product=product),
             f"{text_in(box.trials, language)} {trial_size(box, content, language)}",
             t("decisions.when", language, when=text_in(box.time_point, language)),
             origin_text(box, content, language),
             text_in(content.decision_aid.brand_note.text, language)]
    return lines + ([text_in(box.note, language)] if box.note else [])


def box_source_ids(box: FactBox, content: Content) -> tuple[str, ...]:
    """What a fact box's summary and numbers rest on: the box's sources, then those of the note on brands."""
    return tuple(dict.fromkeys([*box.source_ids, *content.decision_aid.brand_note.sources]))


def trial_size(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """How many people the trials counted: per group where the source gives it, else everyone randomized."""
    if box.treated and box.placebo:
        return t("decisions.people", language, product=brand(box, content),
                 treated=format_number(box.treated, language), placebo=format_number(box.placebo, language))
    return t("decisions.enrolled", language, count=box.enrolled)


def origin_text(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> str:
    """Which kind of source the numbers were read in: the label, the trial's publication, the maker's page."""
    kinds = dict.fromkeys(content.sources[source_id].kind for source_id in box.sources)
    return t("decisions.origin", language, kinds="; ".join(t(f"decisions.origin_kind.{k}", language) for k in kinds))


def key_points(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> list[Note]:
    """Three short lines at the top of a use: what it is, how well it works in numbers, its main risk, each with
    its own sources."""
    def cited(part: str) -> tuple[str, ...]:
        return tuple(use.cites.get(part, use.sources))

    points = [Note(t("decisions.key_what", language), text_in(use.summary, language), cited("summary"))]
    box = next(iter(content.fact_boxes_for(use.id)), None)
    if box:
        benefit = box.benefits[0]
        points.append(Note(t("decisions.key_works", language), outcome_sentence(benefit, box, content, language),
                           tuple(benefit.sources)))
    else:
        points.append(Note(t("decisions.key_works", language), t(
            "decisions.no_numbers_short", language, status=status_label(use, content, language)), cited("evidence")))
    if box and box.harms:
        harm = box.harms[0]
        points.append(Note(t("decisions.key_risk", language), outcome_sentence(harm, box, content, language),
                           tuple(harm.sources)))
    elif use.side_effects:
        points.append(Note(t("decisions.key_risk", language), text_in(use.side_effects[0], language),
                           cited("side_effects")))
    return points


def alternatives_for(use: Use, content: Content) -> list[Alternative]:
    """The other options recorded for a use, in the order its choices name them."""
    choices = content.choices.get(use.id)
    return [content.alternatives[a] for a in choices.alternatives] if choices else []


LEANINGS = ("unsure", "toward", "against", "later")


@dataclass(frozen=True)
class Worksheet:
    """What a person ticked on the decision worksheet: kept on screen only, then in their notes and summary."""

    matters: tuple[str, ...] = ()
    leaning: str | None = None
    sure_no: tuple[str, ...] = ()  # the SURE questions answered "no"

    @property
    def empty(self) -> bool:
        return not (self.matters or self.leaning or self.sure_no)


def worksheet_lines(content: Content, worksheet: Worksheet, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The worksheet as plain sentences for the visit notes and the take-home summary (none when nothing is
    ticked); unknown ids are left out."""
    aid = content.decision_aid
    if worksheet.empty:
        return []
    lines = []
    matters = [text_in(item.text, language) for item in aid.matters if item.id in worksheet.matters]
    if matters:
        lines.append(t("decisions.worksheet.matters_chosen", language, items="; ".join(matters)))
    if worksheet.leaning in LEANINGS:
        lines.append(t("decisions.worksheet.leaning_chosen", language,
                       leaning=t(f"decisions.worksheet.leaning_options.{worksheet.leaning}", language)))
    unsure = [text_in(item.text, language) for item in aid.sure if item.id in worksheet.sure_no]
    if unsure:
        lines += [t("decisions.worksheet.sure_chosen", language, items=" ".join(unsure)),
                  text_in(aid.sure_note.text, language)]
    return lines
