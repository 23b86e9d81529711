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
from ..consultation import cost_estimate, money_range
from ..content import Content
from ..i18n import LOCALES, format_date
from ..illustrations import read_drawing
from ..models import GlossaryTerm, HistoryEvent, Location, Source, SourcedText, Use
from ..presenting import (
    STATUS_COLORS,
    STATUS_ICONS,
    approval_lines,
    approval_source_ids,
    category_label,
    location_details,
    markdown_table,
    md,
    review_text,
    safe_link,
    span_text,
    status_label,
)
from ..svg import image_markdown
from . import content_cache, glossary_words
from . import language as lang


def source_line(source: Source) -> str:
    """``[Title](link) (Publisher, year)``; the title stays plain text when its link is not a web address."""
    year = f", {source.year}" if source.year else ""
    link = safe_link(source.link)
    title = f"[{md(source.title)}]({link})" if link else md(source.title)
    return f"{title} ({md(source.publisher)}{md(year)})"


def sources_markdown(content: Content, source_ids: Iterable[str]) -> str:
    """A numbered list of sources, with links, as markdown."""
    ids = list(dict.fromkeys(source_ids))
    return "\n".join(f"{n}. {source_line(content.sources[s])}" for n, s in enumerate(ids, start=1))


def status_badge(use: Use, content: Content) -> None:
    st.markdown(status_text(use, content))


def status_text(use: Use, content: Content) -> str:
    """The status as a colored label that wraps on a phone (an ``st.badge`` would be cut short)."""
    kind = use.status.kind
    return f":{STATUS_COLORS[kind]}-background[{STATUS_ICONS[kind]} {md(status_label(use, content, lang.language()))}]"


def reviewed_note(records: Iterable) -> None:
    """The review date of what the page shows, as a small line (nothing when it shows no records)."""
    text = review_text(records, lang.language())
    if text:
        st.caption(md(text))


def use_card(use: Use, content: Content, on_open: Callable[[str], None] | None = None) -> None:
    """A bordered card: name, category, status, summary, timing, who treats it (one block of text)."""
    timing = use.timing
    language = lang.language()
    lines = [
        f"### {md(lang.text(use.name))}",
        f":gray[{md(lang.tr('views.category_use', category=category_label(use.category, language)))}]",
        status_text(use, content),
        md(lang.text(use.summary)),
        f"**{lang.tr('views.starts')}:** {md(span_text(timing.onset, language))} · "
        f"**{lang.tr('views.lasts')}:** {md(span_text(timing.duration, language))}",
    ]
    if use.treated_by:
        lines.append(f"**{lang.tr('views.who_treats')}:** {md(lang.text(use.treated_by))}")
    if use.offered_at:
        lines.append(f":material/storefront: **{lang.tr('views.offered_here')}**")
    card_sources = lang.tr("views.card_sources", count=len(use.sources), date=format_date(use.reviewed_on, language))
    lines.append(f":small[:gray[{md(card_sources)}]]")
    words = glossary_words.words_to_explain([lang.text(use.summary), lang.text(use.treated_by)])
    with st.container(border=True):
        st.markdown("\n\n".join(lines))
        # A card stays light (a page shows eight): its sources are one click away under Read more.
        row = st.container(horizontal=True, gap="small", vertical_alignment="center") if words else nullcontext()
        with row:
            if on_open:
                st.button(lang.tr("views.read_more"), key=f"open-{use.id}", on_click=on_open, args=(use.id,),
                          help=lang.tr("views.read_more_help", name=lang.text(use.name)))
            notes_control(content, [], words)


def event_text(event: HistoryEvent) -> str:
    """A history event as markdown: year and title, then the text."""
    return f"**{event.year}: {md(lang.text(event.title))}**  \n{md(lang.text(event.text))}"


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
        st.markdown(f"**{lang.tr('views.who_treats')}:** {md(lang.text(use.treated_by))}")
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


def titled_text(text: SourcedText) -> str:
    """Markdown for a short text with its title in bold, if it has one."""
    title = f"**{md(lang.text(text.title))}**  \n" if text.title else ""
    return title + md(lang.text(text.text))


def sources_control(content: Content, source_ids: Iterable[str], texts: Iterable[str] = ()) -> None:
    """Under a section, one compact control that opens in place: the plain meaning of the glossary words that
    first appear on the page in ``texts``, and the section's numbered sources. It does not bury the text a patient
    reads, and its lists are drawn only when opened. One control, not two: each costs a first visit time."""
    notes_control(content, list(dict.fromkeys(source_ids)), glossary_words.words_to_explain(list(texts)))


def notes_control(content: Content, ids: list[str], words: list[GlossaryTerm]) -> None:
    """The control itself: "Sources (n) · Meaning of: ..." (either part alone), nothing when both are empty."""
    if not words and not ids:
        return
    sources = [lang.tr("notes.sources", count=len(ids))] if ids else []
    label = " · ".join(sources + ([words_label(words)] if words else []))
    icon = ":material/menu_book:" if ids else ":material/lightbulb:"
    with st.popover(label, icon=icon, type="tertiary"):
        parts = ([f"**{lang.tr('notes.words_mean')}**\n\n" + "\n\n".join(word_meaning(w, content) for w in words)]
                 if words else [])
        parts += [f"**{lang.tr('notes.sources_heading')}**\n\n{sources_markdown(content, ids)}"] if ids else []
        st.markdown("\n\n".join(parts))


def footnoted(content: Content, entries: list[tuple[str, Iterable[str]]], texts: Iterable[str] = ()) -> None:
    """Many short entries, each a markdown text and its sources, as one block: each entry ends with the numbers
    of its sources, and one "Sources (n)" control lists them all (one element, not one an entry); the meaning of
    the glossary words new on the page in ``texts`` opens beside it."""
    numbers: dict[str, int] = {}
    blocks = []
    for text, source_ids in entries:
        cited = [numbers.setdefault(s, len(numbers) + 1) for s in dict.fromkeys(source_ids)]
        cites = lang.tr("notes.cites", numbers=", ".join(map(str, cited)))
        blocks.append(text + (f"  \n:small[:gray[{cites}]]" if cited else ""))
    st.markdown("\n\n".join(blocks))
    sources_control(content, list(numbers), texts)


WORDS_IN_LABEL = 3  # a longer list is cut off on a phone


def words_label(words: list[GlossaryTerm]) -> str:
    """``Meaning of: ptosis, units and 4 more``: the control names the words it explains."""
    names = [lang.text(word.term) for word in words]
    shown, more = names[:WORDS_IN_LABEL], len(names) - WORDS_IN_LABEL
    listed = ", ".join(shown)
    if more > 0:
        listed = lang.tr("notes.and_more", count=more, words=listed)
    return lang.tr("notes.meaning_of", words=listed)


def word_meaning(word: GlossaryTerm, content: Content) -> str:
    """A glossary word in bold, its plain meaning, and its sources in small type."""
    sources = "; ".join(source_line(content.sources[s]) for s in word.sources)
    return (f"**{md(lang.text(word.term))}:** {md(lang.text(word.meaning))}  \n"
            f":small[{lang.tr('notes.sources_of_word')}: {sources}]")


def safety_section(heading_key: str, items, content: Content, kind: str = "plain") -> None:
    """A heading (its key in the catalogue's ``safety`` section), its items and their sources; warnings in an
    alert box. Few elements: pages show eight."""
    if not items:
        return
    heading = lang.tr(f"safety.{heading_key}")
    lines = []
    for item in items:
        line = f"- **{md(lang.text(item.text))}**"
        if item.detail:
            line += f" {md(lang.text(item.detail))}"
        lines.append(line)
    body = "\n".join(lines)
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
                    st.markdown(f"**{lang.tr('views.who_treats')}:** {md(lang.text(use.treated_by))}")
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
            lang.tr("cost.dose"): span_units(estimate.units_low, estimate.units_high),
            lang.tr("cost.per_treatment"): money_range(estimate.per_treatment_low, estimate.per_treatment_high,
                                                        language),
            lang.tr("cost.per_year"): yearly,
        })
    if not rows:
        return
    row_table(pd.DataFrame(rows))
    st.caption(md(lang.tr("cost.caption", price=format_currency(price, "USD", locale=LOCALES[language]))))
    sources_control(content, [s for use in uses if use.label_dose for s in use.label_dose.sources])


def span_units(low: float, high: float) -> str:
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


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
