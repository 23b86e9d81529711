"""The consultation's agenda on a page: each step drawn from the content and the chosen uses.

A step is one idea, made for a wall screen as much as for a laptop: its picture across the width (so that its
labels read at 22 px or more on a 1920 px screen, 3 m away), its words under it, long lists as their short labels
with every item in full one click away.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from babel.numbers import format_currency

from ..consultation import Step, cost_estimate, money_range, step_kind
from ..decisions import box_summary
from ..i18n import LOCALES
from ..models import Content, SafetyItem, Use
from ..presenting import category_label, item_text, items_for_uses, span_text
from . import content_cache, decision_view
from . import language as lang
from .chart_view import chart_block, row_table
from .location_view import location_card
from .markdown import md, safety_item, span_units
from .safety_view import safety_section
from .sources_view import sources_control
from .use_view import status_badge

LONG_LIST = 6  # a safety list longer than this shows its items' short labels, each in full one click away


def _under(picture: Callable[[], None]):
    """The picture across the width (drawn now), then a container for the words (returned, to fill).

    Beside words, in three fifths of the width, the charts' smallest labels came to 11-18 px on a 1920 px screen."""
    picture()
    return st.container()


def _concerns(content: Content, uses: list[Use], place: str) -> None:
    language = lang.language()
    areas = tuple(dict.fromkeys(area for use in uses for area in use.areas))
    with _under(lambda: chart_block(content_cache.chart("chosen_areas", areas), content)):
        st.markdown("\n".join(f"- **{md(lang.text(u.name))}** ({md(category_label(u.category, language).lower())})"
                              for u in uses))


def _options(content: Content, uses: list[Use], place: str) -> None:
    use_ids = tuple(use.id for use in uses)
    approved = any(a.use in use_ids for p in content.products.values() for a in p.approvals)
    with _under(lambda: chart_block(content_cache.chart("approvals_for", use_ids), content)) if approved \
            else st.container():
        for use in uses:
            st.markdown(f"## {md(lang.text(use.name))}")
            status_badge(use, content)
            st.markdown(md(lang.text(use.summary)))
            if use.treated_by:  # the one long text of the step: one click away on the wall screen
                with st.expander(lang.tr("views.who_treats")):
                    st.markdown(md(lang.text(use.treated_by)))
            sources_control(content, use.sources, [lang.text(use.summary), lang.text(use.treated_by)])


def _numbers(content: Content, uses: list[Use], place: str) -> None:
    """Each fact box of the use: its icon arrays, then how to read them and when it was measured, the trials'
    details one click away (or, without a box, the evidence in words)."""
    language = lang.language()
    for use in uses:
        boxes = content.fact_boxes_for(use.id)
        if not boxes:
            decision_view.fact_boxes_block(use, content)
        for box in boxes:
            chart = content_cache.chart("fact_box", (box.id,))
            intro, trials, when, *about = box_summary(box, content, language)
            st.subheader(md(chart.title), anchor=f"facts-{box.id}")
            chart_block(chart, content)
            words = st.container()
            words.markdown(f"{md(intro)}\n\n**{md(when)}**")
            with words.expander(lang.tr("consultation.about_trials")):
                st.markdown("\n\n".join(md(line) for line in (trials, *about)))


def _choices(content: Content, uses: list[Use], place: str) -> None:
    for use in uses:
        decision_view.options_block(use, content, side_by_side=True)


def _timeline(content: Content, uses: list[Use], place: str) -> None:
    """The chart of the effect over time, then each use's known stages in words (only what is known)."""
    timed = [use for use in uses if use.timing.stages]
    chart = content_cache.chart("effect_timeline", tuple(use.id for use in uses))
    with _under(lambda: chart_block(chart, content)):
        for use in timed:
            stages = "\n".join(f"- **{lang.tr('views.' + stage)}:** {md(span_text(span, lang.language()))}"
                               for stage, span in use.timing.stages)
            note = f"\n\n{md(lang.text(use.timing.note))}" if use.timing.note else ""
            st.markdown(f"**{md(lang.text(use.name))}**\n\n{stages}{note}")
            sources_control(content, use.cites.get("timing", use.sources))


def _short_list(section: str, content: Content, use_ids: list[str]) -> None:
    """A long safety list as its items' short labels in two columns, every item in full one click away."""
    items: list[SafetyItem] = items_for_uses(getattr(content.safety, section), use_ids)
    language = lang.language()
    labels = [md(lang.text(item.label) if item.label else item_text(item, language)) for item in items]
    half = -(-len(labels) // 2)
    for column, part in zip(st.columns(2, gap="large"), (labels[:half], labels[half:]), strict=True):
        column.markdown("\n".join(f"- **{label}**" for label in part))
    with st.expander(lang.tr("consultation.in_full")):
        st.markdown("\n".join(safety_item(item, language) for item in items))
    sources_control(content, (s for item in items for s in item.sources),
                    [lang.text(text) for item in items for text in (item.text, item.detail)])


def _safety(section: str) -> Callable[[Content, list[Use], str], None]:
    """The step of one safety section, without a heading (the step's title names it); a long list short."""
    def draw(content: Content, uses: list[Use], place: str) -> None:
        use_ids = [use.id for use in uses]
        if len(items_for_uses(getattr(content.safety, section), use_ids)) > LONG_LIST:
            _short_list(section, content, use_ids)
        else:
            safety_section(section, content, heading=False, use_ids=use_ids)
    return draw


def _side_effects(content: Content, uses: list[Use], place: str) -> None:
    """The chosen uses' own side effects, one list a use side by side; the general list one click away."""
    affected = [use for use in uses if use.side_effects]
    for column, use in zip(st.columns(max(len(affected), 1), gap="large"), affected, strict=False):
        with column:
            effects = [lang.text(effect) for effect in use.side_effects]
            st.markdown(f"**{md(lang.text(use.name))}**\n\n" + "\n".join(f"- {md(effect)}" for effect in effects))
            sources_control(content, use.cites.get("side_effects", use.sources), effects)
    use_ids = [use.id for use in uses]
    if not items_for_uses(content.safety.common_side_effects, use_ids):
        return
    if affected:
        with st.expander(lang.tr("safety.common_side_effects")):
            safety_section("common_side_effects", content, heading=False, use_ids=use_ids)
    else:
        safety_section("common_side_effects", content, heading=False, use_ids=use_ids)


def _red_flags(content: Content, uses: list[Use], place: str) -> None:
    chart_block(content_cache.chart("red_flags_card"), content)


def cost_table(content: Content, uses: list[Use]) -> None:
    """Label dose times the clinic's price, shown only when the clinic sets a price."""
    price = content.clinic.price_per_unit_usd
    language = lang.language()
    rows = []
    for use in uses:
        estimate = cost_estimate(use, price)
        if estimate:
            yearly = (money_range(estimate.per_year_low, estimate.per_year_high, language)
                      if estimate.per_year_low is not None else lang.tr("cost.no_interval"))
            rows.append([lang.text(use.name), span_units(estimate.units_low, estimate.units_high),
                         money_range(estimate.per_treatment_low, estimate.per_treatment_high, language), yearly])
    if not rows:
        return
    row_table([lang.tr(f"cost.{column}") for column in ("use", "dose", "per_treatment", "per_year")], rows)
    st.caption(md(lang.tr("cost.caption", price=format_currency(price, "USD", locale=LOCALES[language]))))
    sources_control(content, [s for use in uses if use.label_dose for s in use.label_dose.sources])


def _clinic(content: Content, uses: list[Use], place: str) -> None:
    """The sites drawn across the width, their cards under it, a card a column."""
    locations = content.clinic.locations
    chart_block(content_cache.chart("locations_sketch"), content)
    for column, location in zip(st.columns(len(locations), gap="large"), locations, strict=True):
        with column:
            location_card(location, content)


# Each kind of step of ``consultation.agenda`` and what draws it, from the content, the step's uses and the place on
# the page (a page that shows a step twice needs a unique key for its chart).
AGENDA_STEPS: dict[str, Callable[[Content, list[Use], str], None]] = {
    "concerns": _concerns,
    "options": _options,
    "numbers": _numbers,
    "choices": _choices,
    "timeline": _timeline,
    "boxed_warning": _safety("boxed_warning"),
    "do_not_treat": _safety("do_not_treat"),
    "tell_your_doctor": _safety("tell_your_doctor"),
    "aftercare": _safety("aftercare"),
    "side_effects": _side_effects,
    "red_flags": _red_flags,
    "questions": _safety("questions_to_ask"),
    "cost": lambda content, uses, _: cost_table(content, uses),
    "clinic": _clinic,
}


def agenda_step(step: Step | str, content: Content, uses: list[Use], place: str = "agenda") -> None:
    """One step of the consultation agenda (a step or its key), from the content and the chosen uses (only its own
    use, for a step about one); ``place`` tells apart the places one page shows the same step."""
    kind, use_id = step_kind(step.key if isinstance(step, Step) else step)
    if use_id:
        uses = [use for use in uses if use.id == use_id]
    AGENDA_STEPS[kind](content, uses, place)
