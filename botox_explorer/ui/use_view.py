"""A use on a page: its card among others, and its full explanation."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext

import streamlit as st

from ..citations import Citations
from ..i18n import format_date
from ..models import Content, Use
from ..presenting import approval_entries, span_text
from . import decision_view
from . import language as lang
from .explorer import DETAIL_HEADING, card_button
from .glossary_words import words_to_explain
from .markdown import cited, md, status_text, use_card_text, who_treats
from .sources_view import notes_control, sources_control


def status_badge(use: Use, content: Content) -> None:
    """The use's status as a colored label."""
    st.markdown(status_text(use, content, lang.language()))


def use_card(use: Use, content: Content, on_open: Callable[[str], None] | None = None) -> None:
    """A bordered card: name, category, status, summary, timing, who treats it (one block of text)."""
    words = words_to_explain([lang.text(use.summary), lang.text(use.treated_by)])
    with st.container(border=True):
        st.markdown(use_card_text(use, content, lang.language()))
        # A card stays light (a page shows eight): its sources are one click away under Read more.
        row = st.container(horizontal=True, gap="small", vertical_alignment="center") if words else nullcontext()
        with row:
            if on_open:
                st.button(lang.tr("views.read_more"), key=card_button(use.id), on_click=on_open, args=(use.id,),
                          help=lang.tr("views.read_more_help", name=lang.text(use.name)))
            notes_control(content, [], words)


def use_detail(use: Use, content: Content) -> None:
    """The full explanation of one use: key points, each part with the numbers of its own sources, the fact boxes,
    the other options and the decision worksheet, then the numbered sources and the medical words' meaning."""
    language, citations = lang.language(), Citations()

    def part(key: str, text: str) -> str:
        return cited(text, citations(use.cites.get(key, use.sources)), language)

    st.header(md(lang.text(use.name)), anchor=DETAIL_HEADING)
    status_badge(use, content)
    st.caption(lang.tr("decisions.page_aim"))
    approvals = approval_entries(use, content, language)
    if approvals:
        st.markdown(f"**{lang.tr('views.approved_in_us')}:**\n" + "\n".join(
            f"- {cited(md(line), citations(ids), language)}" for line, ids in approvals))
    if use.status.note:
        st.markdown(part("status", md(lang.text(use.status.note))))
    decision_view.key_points_block(use, content, citations)
    st.subheader(lang.tr("views.what_it_treats"))
    st.markdown(part("explanation", md(lang.text(use.explanation))))
    st.subheader(lang.tr("views.what_to_expect"))
    st.markdown(part("what_to_expect", md(lang.text(use.what_to_expect))))
    st.markdown(part("timing", timing_text(use, language)))
    if use.side_effects:
        st.subheader(lang.tr("views.side_effects"))
        st.markdown(part("side_effects", "\n".join(f"- {md(lang.text(effect))}" for effect in use.side_effects)))
    st.subheader(lang.tr("views.evidence"))
    st.markdown(part("evidence", md(lang.text(use.evidence))))
    if use.treated_by:
        st.markdown(part("treated_by", who_treats(use, language)))
    st.caption(md(lang.tr("views.reviewed_on", date=format_date(use.reviewed_on, language))))
    sources_control(content, [*citations.numbers, *use.sources], use_texts(use))
    decision_view.fact_boxes_block(use, content)
    decision_view.options_block(use, content)
    with st.expander(lang.tr("decisions.worksheet.open"), icon=":material/balance:"):
        decision_view.worksheet(content, "use", use)


def timing_text(use: Use, language: str) -> str:
    """The timing the sources give (only what they give), and its note; a plain line when they give none."""
    stages = use.timing.stages
    line = (" · ".join(f"**{lang.tr('views.' + key)}:** {md(span_text(span, language))}" for key, span in stages)
            if stages else md(lang.tr("views.no_timing")))
    note = lang.text(use.timing.note)
    return line + (f"  \n{md(note)}" if note else "")


def use_texts(use: Use) -> list[str]:
    """What the detail of a use says, in reading order (to find the words it should explain)."""
    return [lang.text(text) for text in (use.status.note, use.summary, use.explanation, use.what_to_expect,
                                        use.timing.note, *use.side_effects, use.evidence, use.treated_by)]
