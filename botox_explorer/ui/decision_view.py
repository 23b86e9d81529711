"""Help with a decision on a page: key points, fact boxes, the other options, and the private worksheet."""

from __future__ import annotations

import streamlit as st

from ..citations import Citations
from ..decisions import LEANINGS, Worksheet, alternatives_for, box_summary, key_points
from ..models import Content, Use
from . import content_cache
from . import language as lang
from .chart_view import chart_block
from .markdown import cited, md
from .sources_view import footnoted

WORKSHEET = "decision_worksheet"  # the session's worksheet; never bound to the address, a file or the log


def key_points_block(use: Use, content: Content, citations: Citations) -> None:
    """Three short lines, each with the numbers of its own sources in the page's list (``citations``)."""
    language = lang.language()
    st.markdown(f"**{lang.tr('decisions.key_points')}**\n\n" + "\n\n".join(
        cited(f"**{md(note.lead)}:** {md(note.text)}", citations(note.source_ids), language)
        for note in key_points(use, content, language)))


def fact_boxes_block(use: Use, content: Content) -> None:
    """Each fact box of the use (one per product with trial numbers); where there is none, the evidence in words."""
    boxes = content.fact_boxes_for(use.id)
    if not boxes:
        st.subheader(lang.tr("decisions.no_numbers_title"))
        footnoted(content, [(md(lang.tr("decisions.no_numbers")) + "\n\n" + md(lang.text(use.evidence)),
                             use.cites.get("evidence", use.sources))])
        return
    for box in boxes:
        chart = content_cache.chart("fact_box", (box.id,))
        st.subheader(md(chart.title), anchor=f"facts-{box.id}")
        st.markdown("\n\n".join(md(line) for line in box_summary(box, content, lang.language())))
        chart_block(chart, content)


def options_block(use: Use, content: Content, side_by_side: bool = False) -> None:
    """Benefits, Risks, Alternatives, Nothing?: the other options (none endorsed), doing nothing, and stopping;
    ``side_by_side`` puts the other options beside doing nothing and stopping (a wide screen's one view)."""
    choices = content.choices.get(use.id)
    if choices is None:
        return
    st.subheader(lang.tr("decisions.options_title"), anchor="options")
    st.markdown(md(lang.tr("decisions.options_intro")))
    alternatives = alternatives_for(use, content)
    others = [(f"**{md(lang.text(a.name))}.** {md(lang.text(a.what))} "
               f"*{lang.tr('decisions.alternative_status')}:* {md(lang.text(a.status))}", a.sources)
              for a in alternatives]
    nothing = [(f"**{lang.tr(key)}:** {md(lang.text(getattr(choices, field)))}", choices.sources)
               for key, field in (("decisions.without_treatment", "without_treatment"),
                                  ("decisions.after_stopping", "after_stopping"))]
    left, right = st.columns(2, gap="large") if side_by_side else (st.container(), st.container())
    with left:
        st.markdown(f"**{lang.tr('decisions.alternatives')}**")
        if not alternatives:
            st.markdown(lang.tr("decisions.alternatives_none"))
        if not side_by_side:  # one block and one "Sources" control for it all: fewer elements on a phone
            others += nothing
        footnoted(content, others)
        if alternatives:
            st.caption(lang.tr("decisions.not_endorsed"))
    if side_by_side:
        with right:
            footnoted(content, nothing)


def current_worksheet() -> Worksheet:
    return st.session_state.get(WORKSHEET, Worksheet())


def _keep(place: str) -> None:
    """Widget callback: copy the widgets of ``place`` into the session's one worksheet."""
    state = st.session_state
    state[WORKSHEET] = Worksheet(tuple(state.get(f"{place}-matters") or ()), state.get(f"{place}-leaning"),
                                 tuple(state.get(f"{place}-sure") or ()))


def worksheet(content: Content, place: str, use: Use | None = None) -> None:
    """The decision worksheet: what matters, the reasons people give (for a use), the SURE questions, the leaning
    and that deciding can wait. Its widgets start from the session's worksheet, so it follows the visitor from a
    use to Before your visit; nothing of it leaves the session but the notes and summary the visitor takes.

    Three chip groups, the component the visit checklist already loads: a first visit pays for no new widget.
    """
    aid, kept = content.decision_aid, current_worksheet()
    text = lang.text
    st.markdown(md(text(aid.intro.text)))
    _seed(place, kept)
    matters = {item.id: text(item.text) for item in aid.matters}
    st.pills(lang.tr("decisions.worksheet.matters"), list(matters), selection_mode="multi", key=f"{place}-matters",
             format_func=matters.get, on_change=_keep, args=(place,), wrap=True)
    choices = content.choices.get(use.id) if use else None
    if choices and (choices.reasons_for or choices.reasons_against):
        left, right = st.columns(2)
        for column, key, reasons in ((left, "reasons_for", choices.reasons_for),
                                     (right, "reasons_against", choices.reasons_against)):
            column.markdown(f"**{lang.tr('decisions.' + key)}**\n" + "\n".join(f"- {md(text(r))}" for r in reasons))
    if aid.sure_note.title:
        st.markdown(f"**{md(text(aid.sure_note.title))}**")
    questions = {item.id: text(item.text) for item in aid.sure}
    st.pills(lang.tr("decisions.worksheet.sure_prompt"), list(questions), selection_mode="multi",
             key=f"{place}-sure", format_func=questions.get, on_change=_keep, args=(place,), wrap=True)
    footnoted(content, [(md(text(aid.sure_note.text)), aid.sure_note.sources)])
    st.pills(lang.tr("decisions.worksheet.leaning"), LEANINGS, key=f"{place}-leaning", on_change=_keep, args=(place,),
             format_func=lambda leaning: lang.tr(f"decisions.worksheet.leaning_options.{leaning}"), wrap=True)
    footnoted(content, [(md(text(aid.decide_later.text)), aid.decide_later.sources)])
    st.caption(lang.tr("decisions.worksheet.private"))


def _seed(place: str, kept: Worksheet) -> None:
    """Give the widgets of ``place`` the session's worksheet when they are not on screen yet."""
    state = st.session_state
    state.setdefault(f"{place}-matters", list(kept.matters))
    state.setdefault(f"{place}-sure", list(kept.sure_no))
    state.setdefault(f"{place}-leaning", kept.leaning)
