"""The take-home consultation summary: a printable PDF built in memory.

Everything printed comes from the content, except the optional first name the
patient types. The PDF uses fpdf2's core Helvetica font, which only knows
latin-1, so every string goes through ``latin1`` before it is written.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Sequence

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from .content import Content
from .models import Location, Safety, SafetyItem, Source, Use, text_in
from .presenting import (
    CATEGORY_LABELS,
    MONTHS,
    approval_lines,
    approval_source_ids,
    location_details,
    span_text,
    status_label,
)

NAME_MAX_CHARS = 40
MARGIN_MM = 20
LINE_MM = 5.5
INDENT_MM = 5
RULE_GREY = 190
MUTED_GREY = 90
# Typographic characters outside latin-1 that have a readable ASCII spelling.
TRANSLITERATIONS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u2026": "...", "\u2022": "-", "\u2023": "-", "\u2043": "-", "\u00a0": " ",
    "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u2007": " ",
    "\u2265": ">=", "\u2264": "<=", "\u2260": "!=", "\u2248": "~", "\u2192": "->", "\u2190": "<-",
    "\u2194": "<->", "\u21d2": "=>", "\u2122": "(TM)", "\u2120": "(SM)",
    "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\t": " ",
})


def latin1(text: str) -> str:
    """``text`` as the core fonts can write it: typographic characters spelled in
    ASCII, control characters dropped, anything else outside latin-1 as '?'."""
    text = text.translate(TRANSLITERATIONS)
    kept = "".join(c for c in text if c == "\n" or unicodedata.category(c) not in ("Cc", "Cf"))
    return kept.encode("latin-1", errors="replace").decode("latin-1")


def clean_first_name(name: str) -> str:
    """The typed name as the PDF prints it: no control or direction-changing characters, only what its font can
    write (see ``unprintable``), at most 40 characters."""
    kept = "".join(c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp") and _printable(c))
    return " ".join(kept.split())[:NAME_MAX_CHARS].strip()


def unprintable(name: str) -> str:
    """The characters of a typed name the PDF's font cannot write (emoji, Arabic, Chinese...), each once."""
    visible = (c for c in name if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp", "Zs"))
    return "".join(dict.fromkeys(c for c in visible if not _printable(c)))


def _printable(char: str) -> bool:
    """True when the core font writes the character (latin-1, or a typographic mark spelled in ASCII)."""
    return char == "?" or "?" not in latin1(char)


def date_text(day: dt.date) -> str:
    """``25 November 2026``, whatever the machine's locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


class _SummaryPDF(FPDF):
    """US Letter pages whose footer carries the page number."""

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(MUTED_GREY)
        self.cell(0, 8, f"Consultation summary - page {self.page_no()} of {{nb}}", align=Align.C)
        self.set_text_color(0)


def summary_pdf(content: Content, use_ids: Sequence[str], *, first_name: str = "", on: dt.date) -> bytes:
    """The consultation summary for the chosen uses, in their order; unknown ids are skipped."""
    uses = [content.uses[use_id] for use_id in dict.fromkeys(use_ids) if use_id in content.uses]
    safety = content.safety
    safety_items = [item for _, items in safety_groups(safety) for item in items]
    numbers = _source_numbers([*([*use.sources, *approval_source_ids(use, content)] for use in uses),
                               *(item.sources for item in safety_items)])
    pdf = _new_pdf(on)
    _title(pdf, content, clean_first_name(first_name), on)
    for use in uses:
        _use_section(pdf, content, use, numbers)
    if not uses:
        _paragraph(pdf, "No treatment was chosen for this summary.")
    _safety_section(pdf, content, numbers)
    _locations_section(pdf, content.clinic.locations)
    _sources_section(pdf, content.sources, numbers)
    _closing(pdf, text_in(content.site.reminder))
    return bytes(pdf.output())


def _closing(pdf: FPDF, reminder: str) -> None:
    """A rule and the reminder, kept together on the last page."""
    pdf.set_font("Helvetica", "B", 11)
    _room_for(pdf, _height(pdf, pdf.epw, LINE_MM, reminder) + 8)
    _rule(pdf)
    _paragraph(pdf, reminder, style="B")


def _new_pdf(on: dt.date) -> FPDF:
    pdf = _SummaryPDF(format="letter", unit="mm")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.set_title("Your consultation summary")
    # A fixed creation date makes the same summary the same bytes.
    pdf.set_creation_date(dt.datetime(on.year, on.month, on.day, tzinfo=dt.UTC))
    pdf.add_page()
    return pdf


def _source_numbers(source_lists: Iterable[Sequence[str]]) -> dict[str, int]:
    """Each cited source id numbered 1, 2, ... in order of first citation."""
    numbers: dict[str, int] = {}
    for sources in source_lists:
        for source_id in sources:
            numbers.setdefault(source_id, len(numbers) + 1)
    return numbers


# --- writing helpers -------------------------------------------------------------


def _room_for(pdf: FPDF, height: float) -> None:
    """Starts a new page unless ``height`` more millimetres fit on this one, so a short
    block (a bullet, a source, a subheading and its first line) is never split."""
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()


def _height(pdf: FPDF, width: float, line: float, text: str) -> float:
    """How tall ``text`` would be in the current font, without writing it."""
    return pdf.multi_cell(width, line, latin1(text), align=Align.L, dry_run=True, output="HEIGHT")


def _paragraph(pdf: FPDF, text: str, *, style: str = "", size: float = 11, indent: float = 0,
               grey: bool = False, keep: float = 0) -> None:
    """A left-aligned block that wraps inside the margins (long words and links break too);
    with ``keep`` it stays on one page together with that much room below it."""
    pdf.set_font("Helvetica", style, size)
    if keep:
        _room_for(pdf, _height(pdf, pdf.epw - indent, size * 0.5, text) + keep)
    pdf.set_text_color(MUTED_GREY if grey else 0)
    pdf.set_x(pdf.l_margin + indent)
    pdf.multi_cell(pdf.epw - indent, size * 0.5, latin1(text), align=Align.L,
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)


def _labelled(pdf: FPDF, label: str, text: str, *, indent: float = 0) -> None:
    """``Label: text`` with the label in bold, wrapping back to the indent."""
    margin = pdf.l_margin
    pdf.set_left_margin(margin + indent)
    pdf.set_x(margin + indent)
    pdf.set_font("Helvetica", "B", 11)
    pdf.write(LINE_MM, latin1(f"{label}: "))
    pdf.set_font("Helvetica", "", 11)
    pdf.write(LINE_MM, latin1(text))
    pdf.ln(LINE_MM)
    pdf.set_left_margin(margin)
    pdf.set_x(margin)


def _bullets(pdf: FPDF, items: Iterable[str], *, indent: float = INDENT_MM) -> None:
    for item in items:
        pdf.set_font("Helvetica", "", 11)
        _room_for(pdf, _height(pdf, pdf.epw - indent - INDENT_MM, LINE_MM, item))
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(INDENT_MM, LINE_MM, "-")
        pdf.multi_cell(pdf.epw - indent - INDENT_MM, LINE_MM, latin1(item), align=Align.L,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _heading(pdf: FPDF, text: str, *, size: float = 15) -> None:
    """A bold heading, moved to the next page if it would sit alone at the bottom."""
    _room_for(pdf, 35)
    pdf.ln(2)
    _paragraph(pdf, text, style="B", size=size)
    pdf.ln(1)


def _rule(pdf: FPDF) -> None:
    pdf.ln(3)
    pdf.set_draw_color(RULE_GREY)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)


def _cites(sources: Iterable[str], numbers: dict[str, int]) -> str:
    return "Sources: " + ", ".join(f"[{numbers[s]}]" for s in dict.fromkeys(sources) if s in numbers)


# --- sections --------------------------------------------------------------------


def _title(pdf: FPDF, content: Content, name: str, on: dt.date) -> None:
    title = "Your consultation summary" + (f", {name}" if name else "")
    _paragraph(pdf, title, style="B", size=20)
    pdf.ln(1)
    _paragraph(pdf, f"{date_text(on)} - {text_in(content.site.title)}", grey=True)
    pdf.ln(3)
    _paragraph(pdf, text_in(content.site.reminder), style="B")
    _rule(pdf)


def _use_section(pdf: FPDF, content: Content, use: Use, numbers: dict[str, int]) -> None:
    _heading(pdf, text_in(use.name))
    _labelled(pdf, "Category", CATEGORY_LABELS[use.category])
    _labelled(pdf, "Status", status_label(use, content))
    approvals = approval_lines(use, content)
    if approvals:
        _paragraph(pdf, "Approved in the US", style="B", keep=2 * LINE_MM)
        _bullets(pdf, approvals)
    if use.treated_by:
        _labelled(pdf, "Who treats it", text_in(use.treated_by))
    pdf.ln(2)
    _paragraph(pdf, text_in(use.summary))
    pdf.ln(2)
    _labelled(pdf, "What to expect", text_in(use.what_to_expect))
    pdf.ln(2)
    _timeline(pdf, use)
    if use.side_effects:
        _paragraph(pdf, "Common side effects", style="B", keep=2 * LINE_MM)
        _bullets(pdf, (text_in(effect) for effect in use.side_effects))
    pdf.ln(1)
    _paragraph(pdf, _cites([*use.sources, *approval_source_ids(use, content)], numbers), size=9, grey=True)
    _rule(pdf)


def _timeline(pdf: FPDF, use: Use) -> None:
    timing = use.timing
    note = text_in(timing.note)
    pdf.set_font("Helvetica", "", 11)
    _room_for(pdf, 5 * LINE_MM + (_height(pdf, pdf.epw - INDENT_MM, LINE_MM, note) if note else 0))
    _paragraph(pdf, "Expected timeline", style="B")
    rows = (("Starts working", timing.onset), ("Strongest", timing.peak), ("Lasts", timing.duration),
            ("Repeat every", timing.retreatment))
    for label, span in rows:
        _labelled(pdf, label, span_text(span), indent=INDENT_MM)
    if note:
        _paragraph(pdf, note, indent=INDENT_MM, grey=True)
    pdf.ln(2)


def safety_groups(safety: Safety) -> tuple[tuple[str, Sequence[SafetyItem]], ...]:
    """The safety groups the summary prints, in order, with their headings."""
    return (("The FDA's boxed warning", safety.boxed_warning),
            ("Get urgent medical help if you notice", safety.red_flags),
            ("Taking care of yourself afterwards", safety.aftercare),
            ("Who should not be treated", safety.do_not_treat),
            ("Tell your clinician first if", safety.tell_your_doctor),
            ("Questions to ask your clinician", safety.questions_to_ask))


def _safety_section(pdf: FPDF, content: Content, numbers: dict[str, int]) -> None:
    _heading(pdf, "Safety")
    for title, items in safety_groups(content.safety):
        if items:
            _safety_group(pdf, title, items, numbers)
    _rule(pdf)


def _safety_group(pdf: FPDF, title: str, items: Sequence[SafetyItem], numbers: dict[str, int]) -> None:
    _paragraph(pdf, title, style="B", keep=2 * LINE_MM)
    _bullets(pdf, (_item_text(item) for item in items))
    _paragraph(pdf, _cites((s for item in items for s in item.sources), numbers), size=9, grey=True)
    pdf.ln(2)


def _item_text(item: SafetyItem) -> str:
    detail = text_in(item.detail)
    return f"{text_in(item.text)} {detail}" if detail else text_in(item.text)


def _locations_section(pdf: FPDF, locations: Sequence[Location]) -> None:
    _heading(pdf, "Where the clinic is")
    for location in locations:
        _location(pdf, location)
    _rule(pdf)


def _location(pdf: FPDF, location: Location) -> None:
    """Name, then the details the web pages show (only those that are set), and the booking link."""
    _paragraph(pdf, text_in(location.name), style="B", keep=3 * LINE_MM)
    details = location_details(location)
    if location.booking_url:
        details.append(("Booking", str(location.booking_url)))
    for label, value in details:
        _labelled(pdf, label, value, indent=INDENT_MM)
    pdf.ln(3)


def _sources_section(pdf: FPDF, sources: dict[str, Source], numbers: dict[str, int]) -> None:
    _heading(pdf, "Sources")
    for source_id, number in numbers.items():
        source = sources.get(source_id)
        if source is not None:
            _source(pdf, number, source)


def _source(pdf: FPDF, number: int, source: Source) -> None:
    """``[n] Title. Publisher, year.`` and the link on its own line."""
    year = f", {source.year}" if source.year else ""
    pdf.set_font("Helvetica", "", 10)
    width = pdf.epw - 10
    _room_for(pdf, _height(pdf, width, 5, f"{source.title}. {source.publisher}{year}.")
              + _height(pdf, width, 5, source.link))
    pdf.cell(10, 5, f"[{number}]")
    pdf.multi_cell(width, 5, latin1(f"{source.title}. {source.publisher}{year}."), align=Align.L,
                   new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_text_color(MUTED_GREY)
    pdf.multi_cell(width, 5, latin1(source.link), align=Align.L, link=source.link,
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(0)
    pdf.ln(1.5)
