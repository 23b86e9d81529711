"""What a page prints: a print stylesheet that prints only the page's print copy, and that copy as markdown.

The print copy is a keyed container, hidden on the screen and alone on paper: the navigation, the header, the
chips, the buttons and any open popover are left out. The stylesheet is static CSS (no script, no content).
The copy's markdown is built by plain functions (no Streamlit): the visit list from ``visit.visit_list``, the
consultation's summary from the same parts, in the same order and with the same source numbers as the take-home
PDF (``summary_pdf``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

import streamlit as st

from ..decisions import (
    Worksheet,
    alternatives_for,
    box_source_ids,
    box_summary,
    fact_table,
    key_points,
    row_notes,
    worksheet_lines,
)
from ..i18n import format_date, t
from ..icon_array import shares
from ..models import Content, FactBox, Outcome, Use, text_in
from ..presenting import (
    CONTACT_AFTER,
    approval_lines,
    approval_source_ids,
    contact_text,
    item_text,
    location_details,
    span_text,
    status_label,
)
from ..summary_pdf import SAFETY_GROUPS, Picture, safety_groups, summary_numbers, summary_pictures
from ..visit import VisitList
from .markdown import image_markdown, markdown_table, md, source_line

PRINT_COPY = "print-copy"  # the container's key; Streamlit gives it the class st-key-print-copy
PRINT_CSS = """
<style>
  .st-key-print-copy, [data-testid="stLayoutWrapper"]:has(> .st-key-print-copy) { display: none; }
  @page { margin: 15mm; }
  @media print {
    [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
    [data-testid="stPopoverBody"], [data-baseweb="popover"] { display: none !important; }
    [data-testid="stMainBlockContainer"]:has(.st-key-print-copy) > [data-testid="stVerticalBlock"]
      > :not(.st-key-print-copy):not(:has(> .st-key-print-copy)) { display: none !important; }
    .st-key-print-copy, [data-testid="stLayoutWrapper"]:has(> .st-key-print-copy) { display: block !important; }
    [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: none !important; }
    .st-key-print-copy h2, .st-key-print-copy h3, .st-key-print-copy h4 { break-after: avoid; }
    .st-key-print-copy li { break-inside: avoid; }
  }
</style>
"""


def print_style() -> None:
    """The print stylesheet: on paper, the page's print copy alone (static CSS, no content in it)."""
    st.html(PRINT_CSS)


@contextmanager
def print_copy() -> Iterator[None]:
    """A container hidden on the screen and printed alone; one a page."""
    with st.container(key=PRINT_COPY):
        yield


# --- the visit list ----------------------------------------------------------------------------------------------


def visit_markdown(content: Content, notes: VisitList, language: str) -> str:
    """The patient's visit list as markdown: the chosen items under their headings, the worksheet, the reminder
    and the sources; it wraps to the width of the screen or the paper."""
    lines = [f"## {md(notes.title)}", ""]
    for heading, items in notes.sections:
        lines += [f"#### {md(heading)}", "", *(f"- {md(item)}" for item in items), ""]
    if notes.worksheet:
        lines += [f"#### {md(t('decisions.worksheet.notes_heading', language))}", "",
                  *(f"- {md(line)}" for line in notes.worksheet), ""]
    if notes.empty:
        lines += [md(t("visit.nothing_chosen", language)), ""]
    lines += [f"**{md(notes.reminder)}**", ""]
    if notes.source_ids:
        lines += [md(t("visit.sources", language)), "",
                  *(f"- {source_line(content.sources[s])}" for s in notes.source_ids)]
    return "\n".join(lines)


# --- the consultation's summary ----------------------------------------------------------------------------------


def summary_markdown(content: Content, uses: Sequence[Use], on: dt.date, language: str,
                     worksheet: Worksheet | None = None) -> str:
    """The consultation's summary as markdown, part for part the take-home PDF's (without the patient's name,
    which only the PDF prints)."""
    worksheet = worksheet or Worksheet()
    numbers = summary_numbers(content, uses, worksheet)
    reminder = f"**{md(text_in(content.site.reminder, language))}**"
    parts = [f"## {md(t('pdf.title', language))}",
             f":gray[{md(format_date(on, language))} \\- {md(text_in(content.site.title, language))}]", reminder]
    parts += [_picture_part(picture, numbers, language) for picture in summary_pictures(content, uses, language)]
    parts += [_use_part(content, use, numbers, language) for use in uses] or [md(t("pdf.nothing_chosen", language))]
    parts += [_worksheet_part(content, worksheet, numbers, language),
              _safety_part(content, [use.id for use in uses], numbers, language),
              _locations_part(content, language), _sources_part(content, numbers, language), reminder]
    return "\n\n".join(part for part in parts if part)


def _cites(source_ids: Iterable[str], numbers: dict[str, int], language: str) -> str:
    """``Sources: [1], [3]`` as the PDF writes it, escaped."""
    listed = ", ".join(f"[{numbers[s]}]" for s in dict.fromkeys(source_ids) if s in numbers)
    return md(t("pdf.cites", language, numbers=listed))


def _bullets(lines: Iterable[str]) -> str:
    """Escaped lines as a markdown list."""
    return "\n".join(f"- {md(line)}" for line in lines)


def _labelled(label: str, text: str) -> str:
    """``**Label:** text``, escaped."""
    return f"**{md(label)}:** {md(text)}"


def _picture_part(picture: Picture, numbers: dict[str, int], language: str) -> str:
    """A picture as the PDF gives it: its title (when the drawing has none), its drawings with their text
    alternatives, its caption and its sources."""
    parts = [f"**{md(picture.title)}**"] if picture.title else []
    parts += [image_markdown(svg, alt) for svg, alt in picture.drawings]
    parts.append(md(picture.caption))
    if picture.source_ids:
        parts.append(f":small[:gray[{_cites(picture.source_ids, numbers, language)}]]")
    return "\n\n".join(parts)


def _use_part(content: Content, use: Use, numbers: dict[str, int], language: str) -> str:
    """A use as the PDF gives it: status, approvals, key points, what to expect, timeline, side effects, the
    numbers and the other options."""
    parts = [f"### {md(text_in(use.name, language))}",
             _labelled(t("pdf.category", language), t(f"category.{use.category}", language)),
             _labelled(t("pdf.status", language), status_label(use, content, language))]
    approvals = approval_lines(use, content, language)
    if approvals:
        parts += [f"**{md(t('pdf.approved_in_us', language))}**", _bullets(approvals)]
    if use.treated_by:
        parts.append(_labelled(t("pdf.who_treats", language), text_in(use.treated_by, language)))
    parts += [f"**{md(t('decisions.key_points', language))}**",
              "\n".join(f"- {md(f'{note.lead}: {note.text}')} {_cites(note.source_ids, numbers, language)}"
                        for note in key_points(use, content, language)),
              _labelled(t("pdf.what_to_expect", language), text_in(use.what_to_expect, language)),
              _timeline(use, language)]
    if use.side_effects:
        parts += [f"**{md(t('pdf.side_effects', language))}**",
                  _bullets(text_in(effect, language) for effect in use.side_effects)]
    parts.append(f":small[:gray[{_cites([*use.sources, *approval_source_ids(use, content)], numbers, language)}]]")
    parts += [_fact_box(content, box, numbers, language) for box in content.fact_boxes_for(use.id)]
    parts.append(_options(content, use, numbers, language))
    return "\n\n".join(part for part in parts if part)


def _timeline(use: Use, language: str) -> str:
    """The expected timeline: each known stage, or that the sources give none, and the timing's note."""
    stages = [f"- {_labelled(t(f'pdf.{key}', language), span_text(span, language))}" for key, span in use.timing.stages]
    lines = [f"**{md(t('pdf.timeline', language))}**", "", *(stages or [md(t("views.no_timing", language))])]
    note = text_in(use.timing.note, language)
    return "\n".join(lines) + (f"\n\n:gray[{md(note)}]" if note else "")


def _fact_box(content: Content, box: FactBox, numbers: dict[str, int], language: str) -> str:
    """A fact box: the trials, its numbers as a table, the icon arrays' numbers in words, its sources."""
    header, rows = fact_table(box, content, language)
    arrays = [_array_line(outcome, header[2:], language) for _, outcome in shares(box)]
    return "\n\n".join([
        f"#### {md(t('decisions.box_title', language, product=content.products[box.product].brand))}",
        "\n\n".join(md(line) for line in box_summary(box, content, language)), markdown_table(header, rows),
        *(f":small[:gray[{md(note)}]]" for note in row_notes(box, content, language)), *arrays,
        f":small[:gray[{_cites(box_source_ids(box, content), numbers, language)}]]"])


def _array_line(outcome: Outcome, names: Sequence[str], language: str) -> str:
    """An icon array's numbers in words, as the PDF labels its two arrays: the measure, then each group's count."""
    counts = (f"- {md(f'{name}: ' + t('decisions.per_100', language, number=f'{value:g}'))}"
              for name, value in zip(names, (outcome.treated, outcome.placebo), strict=True))
    return "\n".join([f"**{md(text_in(outcome.measure, language))}**", "", *counts])


def _options(content: Content, use: Use, numbers: dict[str, int], language: str) -> str:
    """The other options (none endorsed), what happens without treatment and after stopping."""
    choices = content.choices.get(use.id)
    if choices is None:
        return ""
    parts = [f"**{md(t('decisions.options_title', language))}**", md(t("decisions.options_intro", language))]
    alternatives = alternatives_for(use, content)
    if alternatives:
        parts += ["\n".join(f"- {md(f'{text_in(a.name, language)}: {text_in(a.status, language)}')} "
                            f"{_cites(a.sources, numbers, language)}" for a in alternatives),
                  f":small[:gray[{md(t('decisions.not_endorsed', language))}]]"]
    parts += [f"{_labelled(t(key, language), text_in(getattr(choices, field), language))} "
              f"{_cites(choices.sources, numbers, language)}"
              for key, field in (("decisions.without_treatment", "without_treatment"),
                                 ("decisions.after_stopping", "after_stopping"))]
    return "\n\n".join(parts)


def _worksheet_part(content: Content, worksheet: Worksheet, numbers: dict[str, int], language: str) -> str:
    """The patient's decision worksheet, when filled in, and that deciding can wait."""
    lines = worksheet_lines(content, worksheet, language)
    if not lines:
        return ""
    aid = content.decision_aid
    return "\n\n".join([f"### {md(t('decisions.worksheet.notes_heading', language))}", _bullets(lines),
                        f"{md(text_in(aid.decide_later.text, language))} "
                        f"{_cites(aid.worksheet_sources, numbers, language)}"])


def _safety_part(content: Content, use_ids: Sequence[str], numbers: dict[str, int], language: str) -> str:
    """The safety groups the PDF prints, with the items that apply to the chosen uses and their sources, and whom to
    call after the groups that ask for it."""
    parts = [f"### {md(t('pdf.safety', language))}"]
    groups = safety_groups(content.safety, use_ids, language)
    for group, (title, items) in zip(SAFETY_GROUPS, groups, strict=True):
        if items:
            parts += [f"**{md(title)}**", _bullets(item_text(item, language) for item in items),
                      f":small[:gray[{_cites((s for item in items for s in item.sources), numbers, language)}]]"]
            if group in CONTACT_AFTER:
                parts.append(f"**{md(contact_text(content, language))}**")
    return "\n\n".join(parts)


def _locations_part(content: Content, language: str) -> str:
    """Each site with the details that are set and its booking link."""
    parts = [f"### {md(t('pdf.where', language))}"]
    for location in content.clinic.locations:
        details = location_details(location, language)
        if location.booking_url:
            details.append((t("location.booking", language), str(location.booking_url)))
        parts += [f"**{md(text_in(location.name, language))}**",
                  "\n".join(f"- {_labelled(label, value)}" for label, value in details)]
    return "\n\n".join(parts)


def _sources_part(content: Content, numbers: dict[str, int], language: str) -> str:
    """The sources, numbered as the summary cites them."""
    lines = [f"- \\[{number}\\] {source_line(content.sources[s])}" for s, number in numbers.items()
             if s in content.sources]
    return f"### {md(t('pdf.sources', language))}\n\n" + "\n".join(lines)
