"""The consultation's agenda on a page: each step drawn from the content and the chosen uses."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from babel.numbers import format_currency

from ..consultation import cost_estimate, money_range
from ..i18n import LOCALES
from ..models import Content, Use
from ..presenting import category_label
from . import decision_view
from . import language as lang
from .chart_view import effect_chart, row_table
from .location_view import locations_summary
from .markdown import md, span_units, who_treats
from .safety_view import safety_section
from .sources_view import sources_control
from .use_view import status_badge


def _concerns(content: Content, uses: list[Use], place: str) -> None:
    language = lang.language()
    st.markdown("\n".join(f"- **{md(lang.text(u.name))}** ({md(category_label(u.category, language).lower())})"
                          for u in uses))


def _options(content: Content, uses: list[Use], place: str) -> None:
    for use in uses:
        with st.container(border=True):
            st.markdown(f"## {md(lang.text(use.name))}")
            status_badge(use, content)
            st.markdown(md(lang.text(use.summary)))
            if use.treated_by:
                st.markdown(who_treats(use, lang.language()))
            sources_control(content, use.sources, [lang.text(use.summary), lang.text(use.treated_by)])


def _numbers(content: Content, uses: list[Use], place: str) -> None:
    for use in uses:
        with st.container(border=True):
            st.markdown(f"## {md(lang.text(use.name))}")
            decision_view.fact_boxes_block(use, content)


def _choices(content: Content, uses: list[Use], place: str) -> None:
    for use in uses:
        with st.container(border=True):
            st.markdown(f"## {md(lang.text(use.name))}")
            decision_view.options_block(use, content)


def _timeline(content: Content, uses: list[Use], place: str) -> None:
    effect_chart(content, [u.id for u in uses], key=f"{place}-timeline")


def _risks(content: Content, uses: list[Use], place: str) -> None:
    for section in ("boxed_warning", "do_not_treat", "tell_your_doctor"):
        safety_section(section, content)


def _aftercare(content: Content, uses: list[Use], place: str) -> None:
    for use in uses:
        if use.side_effects:
            effects = ", ".join(lang.text(effect) for effect in use.side_effects)
            st.markdown(f"**{md(lang.text(use.name))}:** {md(effects)}")
            sources_control(content, use.sources, [effects])
    for section in ("aftercare", "common_side_effects", "red_flags"):
        safety_section(section, content)


def _questions(content: Content, uses: list[Use], place: str) -> None:
    safety_section("questions_to_ask", content)


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
    locations_summary(content)


# Each step of ``consultation.agenda`` and what draws it, from the content, the chosen uses and the place on the
# page (a page that shows a step twice needs a unique key for its chart).
AGENDA_STEPS: dict[str, Callable[[Content, list[Use], str], None]] = {
    "concerns": _concerns,
    "options": _options,
    "numbers": _numbers,
    "choices": _choices,
    "timeline": _timeline,
    "risks": _risks,
    "aftercare": _aftercare,
    "questions": _questions,
    "cost": lambda content, uses, _: cost_table(content, uses),
    "clinic": _clinic,
}


def agenda_step(step_key: str, content: Content, uses: list[Use], place: str = "agenda") -> None:
    """One step of the consultation agenda, from the content and the chosen uses; ``place`` tells apart the places
    one page shows the same step."""
    AGENDA_STEPS[step_key](content, uses, place)
