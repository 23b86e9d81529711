"""Streamlit building blocks the pages share: use cards, sources, charts with their context.

Every value from ``data/`` goes through ``md()`` before it reaches ``st.markdown``,
so content shows as text and never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import nullcontext

import pandas as pd
import streamlit as st
from babel.numbers import format_currency

from ..charts import Chart
from ..citations import Citations
from ..consultation import cost_estimate, money_range
from ..content import Content
from ..i18n import LOCALES, format_date
from ..illustrations import read_drawing
from ..models import GlossaryTerm, Location, Use
from ..presenting import approval_lines, approval_source_ids, category_label, location_details, review_text, span_text
from . import content_cache, glossary_words, markdown
from . import language as lang
from .markdown import image_markdown, markdown_table, md


def status_badge(use: Use, content: Content) -> None:
    st.markdown(markdown.status_text(use, content, lang.language()))


def reviewed_note(records: Iterable) -> None:
    """The review date of what the page shows, as a small line (nothing when it shows no records)."""
    text = review_text(records, lang.language())
    if text:
        st.caption(md(text))


def use_card(use: Use, content: Content, on_open: Callable[[str], None] | None = None) -> None:
    """A bordered card: name, category, status, summary, timing, who treats it (one block of text)."""
    words = glossary_words.words_to_explain([lang.text(use.summary), lang.text(use.treated_by)])
    with st.container(border=True):
        st.markdown(markdown.use_card_text(use, content, lang.language()))
        # A card stays light (a page shows eight): its sources are one click away under Read more.
        row = st.container(horizontal=True, gap="small", vertical_alignment="center") if words else nullcontext()
        with row:
            if on_open:
                st.button(lang.tr("views.read_more"), key=f"open-{use.id}", on_click=on_open, args=(use.id,),
                          help=lang.tr("views.read_more_help", name=lang.text(use.name)))
            notes_control(content, [], words)


def use_detail(use: Use, content: Content) -> None:
    """The full explanation of one use, with an "About this information" panel."""
    st.header(md(lang.text(use.name)), anchor="use-detail")
    status_badge(use, content)
    status = use.status
    language = lang.language()
    approvals = approval_lines(use, content, language)
    if approvals:
        st.markdown(f"**{lang.tr('views.approved_in_us')}:**\n" + "\n".join(f"- {md(line)}" for line in approvals))
    if status.note:
        st.markdown(md(lang.text(status.note)))
    st.markdown(md(lang.text(use.summary)))
    st.subheader(lang.tr("views.what_it_treats"))
    st.markdown(md(lang.text(use.explanation)))
    st.subheader(lang.tr("views.what_to_expect"))
    st.markdown(md(lang.text(use.what_to_expect)))
    timing = use.timing
    st.markdown(" · ".join(f"**{lang.tr('views.' + key)}:** {md(span_text(span, language))}"
                           for key, span in timing.stages))
    if timing.note:
        st.caption(md(lang.text(timing.note)))
    if use.side_effects:
        st.subheader(lang.tr("views.side_effects"))
        st.markdown("\n".join(f"- {md(lang.text(effect))}" for effect in use.side_effects))
    st.subheader(lang.tr("views.evidence"))
    st.markdown(md(lang.text(use.evidence)))
    if use.treated_by:
        st.markdown(markdown.who_treats(use, lang.language()))
    st.caption(md(lang.tr("views.reviewed_on", date=format_date(use.reviewed_on, language))))
    sources_control(content, [*use.sources, *approval_source_ids(use, content)], use_texts(use))


def use_texts(use: Use) -> list[str]:
    """What the detail of a use says, in reading order (to find the words it should explain)."""
    return [lang.text(text) for text in (use.status.note, use.summary, use.explanation, use.what_to_expect,
                                        use.timing.note, *use.side_effects, use.evidence, use.treated_by)]


def row_table(table: pd.DataFrame) -> None:
    """A plain table that screen readers read out (an ``st.dataframe`` is a canvas grid with a large script
    of its own)."""
    st.markdown(markdown_table(list(table.columns), table.to_numpy().tolist()))


def chart_block(chart: Chart, content: Content, **plotly_options) -> None:
    """The chart (its picture, or the map's figure), its plain caption, its sources and a table with the same
    information."""
    if chart.svg:
        st.markdown(image_markdown(chart.svg, chart.alt_text))
    elif chart.panels:
        for column, (picture, alt) in zip(st.columns(len(chart.panels)), chart.panels, strict=True):
            column.markdown(image_markdown(picture, alt))
    elif chart.figure is not None:
        st.plotly_chart(chart.figure, alt=chart.alt_text, config={"displaylogo": False}, **plotly_options)
    st.caption(md(chart.caption))
    with st.expander(lang.tr("views.as_table")):
        row_table(chart.table)
    sources_control(content, chart.source_ids, [chart.caption])


def illustration(content: Content, illustration_id: str) -> None:
    """One of the project's drawings with its text alternative; a drawing that explains, with its caption and
    sources."""
    drawing = content.illustrations[illustration_id]
    picture = image_markdown(read_drawing(drawing.file), lang.text(drawing.alt))
    st.markdown(picture + (f"\n\n{md(lang.text(drawing.caption))}" if drawing.caption else ""))
    if drawing.caption:
        sources_control(content, drawing.sources, [lang.text(drawing.caption)])


def sources_control(content: Content, source_ids: Iterable[str], texts: Iterable[str] = ()) -> None:
    """Under a section, one compact control that opens in place: the plain meaning of the glossary words that
    first appear on the page in ``texts``, and the section's numbered sources. It does not bury the text a patient
    reads, and its lists are drawn only when opened. One control, not two: each costs a first visit time."""
    notes_control(content, list(dict.fromkeys(source_ids)), glossary_words.words_to_explain(list(texts)))


def notes_control(content: Content, ids: list[str], words: list[GlossaryTerm]) -> None:
    """The control itself: "Sources (n) · Meaning of: ..." (either part alone), nothing when both are empty."""
    if not words and not ids:
        return
    icon = ":material/menu_book:" if ids else ":material/lightbulb:"
    with st.popover(markdown.notes_label(len(ids), words, lang.language()), icon=icon, type="tertiary"):
        st.markdown(markdown.notes_text(content, ids, words, lang.language()))


def footnoted(content: Content, entries: list[tuple[str, Iterable[str]]], texts: Iterable[str] = ()) -> None:
    """Many short entries, each a markdown text and its sources, as one block: each entry ends with the numbers
    of its sources, and one "Sources (n)" control lists them all (one element, not one an entry); the meaning of
    the glossary words new on the page in ``texts`` opens beside it."""
    citations, language = Citations(), lang.language()
    st.markdown("\n\n".join(markdown.cited(text, citations(source_ids), language) for text, source_ids in entries))
    sources_control(content, list(citations.numbers), texts)


def safety_section(heading_key: str, items, content: Content, kind: str = "plain") -> None:
    """A heading (its key in the catalogue's ``safety`` section), its items and their sources; warnings in an
    alert box. Few elements: pages show eight."""
    if not items:
        return
    heading = lang.tr(f"safety.{heading_key}")
    body = "\n".join(markdown.safety_item(item, lang.language()) for item in items)
    if kind == "plain":
        st.markdown(f"## {md(heading)}\n\n{body}")
    else:
        st.header(heading)
        alert = st.warning if kind == "warning" else st.error
        alert(body, icon=":material/warning:" if kind == "warning" else ":material/emergency:")
    sources_control(content, (s for item in items for s in item.sources),
                    [lang.text(text) for item in items for text in (item.text, item.detail)])


def agenda_step(step_key: str, content: Content, uses: list[Use], place: str = "agenda") -> None:
    """One step of the consultation agenda, from the content and the chosen uses.

    ``place`` tells apart the places one page shows the same step (its chart needs a unique key).
    """
    safety = content.safety
    if step_key == "concerns":
        language = lang.language()
        st.markdown("\n".join(f"- **{md(lang.text(u.name))}** ({md(category_label(u.category, language).lower())})"
                               for u in uses))
    elif step_key == "options":
        for use in uses:
            with st.container(border=True):
                st.markdown(f"## {md(lang.text(use.name))}")
                status_badge(use, content)
                st.markdown(md(lang.text(use.summary)))
                if use.treated_by:
                    st.markdown(markdown.who_treats(use, lang.language()))
                sources_control(content, use.sources, [lang.text(use.summary), lang.text(use.treated_by)])
    elif step_key == "timeline":
        timeline = content_cache.chart("effect_timeline", tuple(u.id for u in uses))
        if timeline.table.empty:
            st.markdown(md(timeline.caption))
        else:
            chart_block(timeline, content, key=f"{place}-timeline")
    elif step_key == "risks":
        safety_section("boxed_warning", safety.boxed_warning, content, kind="warning")
        safety_section("do_not_treat", safety.do_not_treat, content)
        safety_section("tell_your_doctor", safety.tell_your_doctor, content)
    elif step_key == "aftercare":
        for use in uses:
            if use.side_effects:
                effects = ", ".join(lang.text(effect) for effect in use.side_effects)
                st.markdown(f"**{md(lang.text(use.name))}:** {md(effects)}")
                sources_control(content, use.sources, [effects])
        safety_section("aftercare", safety.aftercare, content)
        safety_section("common_side_effects", safety.common_side_effects, content)
        safety_section("red_flags", safety.red_flags, content, kind="error")
    elif step_key == "questions":
        safety_section("questions_to_ask", safety.questions_to_ask, content)
    elif step_key == "cost":
        cost_table(content, uses)
    elif step_key == "clinic":
        locations_summary(content)


def cost_table(content: Content, uses: list[Use]) -> None:
    """Label dose times the clinic's price, shown only when the clinic sets a price."""
    price = content.clinic.price_per_unit_usd
    language = lang.language()
    rows = []
    for use in uses:
        estimate = cost_estimate(use, price)
        if not estimate:
            continue
        yearly = (money_range(estimate.per_year_low, estimate.per_year_high, language)
                  if estimate.per_year_low is not None else lang.tr("cost.no_interval"))
        rows.append({
            lang.tr("cost.use"): lang.text(use.name),
            lang.tr("cost.dose"): markdown.span_units(estimate.units_low, estimate.units_high),
            lang.tr("cost.per_treatment"): money_range(estimate.per_treatment_low, estimate.per_treatment_high,
                                                        language),
            lang.tr("cost.per_year"): yearly,
        })
    if not rows:
        return
    row_table(pd.DataFrame(rows))
    st.caption(md(lang.tr("cost.caption", price=format_currency(price, "USD", locale=LOCALES[language]))))
    sources_control(content, [s for use in uses if use.label_dose for s in use.label_dose.sources])


def location_card(location: Location, content: Content) -> None:
    """A site: its name, the details that are set, booking, and the treatments offered there."""
    with st.container(border=True):
        st.markdown(f"## {md(lang.text(location.name))}")
        for label, value in location_details(location, lang.language()):
            st.markdown(f"**{md(label)}:** {md(value)}")
        if location.booking_url:
            st.link_button(lang.tr("views.book"), str(location.booking_url), icon=":material/event:")
        offered = [lang.text(u.name) for u in content.uses.values() if location.id in u.offered_at]
        if offered:
            st.markdown(f"**{lang.tr('views.offered_at_site')}:** " + md(", ".join(offered)))


def locations_summary(content: Content) -> None:
    for location in content.clinic.locations:
        location_card(location, content)
