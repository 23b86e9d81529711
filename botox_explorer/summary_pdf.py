"""The take-home consultation summary: a printable PDF built in memory.

Everything printed comes from the content, except the optional first name the
patient types. The PDF uses fpdf2's core Helvetica font, which only knows
latin-1 (Spanish's accents, ñ, ¿ and ¡ included), so every string goes through ``latin1`` before it is written.
The interface's words come from the catalogue of the summary's language (``i18n``).

What a patient reads is 11 pt or more; the source numbers, the list of sources and the page footer are 10 pt. The
pictures are the package's own SVG drawings (the chosen areas, the effect over time), drawn by fpdf2 as vectors
with their text as text (``pdf_svg``); the fact boxes' icon arrays are drawn here. The safety groups hold the items
that apply to the chosen uses (``presenting.items_for_uses``), and every section an item names is printed.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos

from .charts import area_map, effect_timeline
from .citations import Citations
from .decisions import (
    Worksheet,
    alternatives_for,
    box_source_ids,
    box_summary,
    fact_table,
    key_points,
    row_notes,
    worksheet_lines,
)
from .i18n import format_date, supported, t
from .icon_array import COLUMNS, filled_figures, shares
from .illustrations import AREA_DRAWINGS
from .models import DEFAULT_LANGUAGE, Content, FactBox, Location, Outcome, Safety, SafetyItem, Source, Use, text_in
from .presenting import (
    CONTACT_AFTER,
    approval_lines,
    approval_source_ids,
    contact_text,
    item_text,
    items_for_uses,
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
BODY_PT = 11  # every patient text: the issue asks for 11 pt or more
NOTE_PT = 10  # the source numbers, the list of sources and the page footer
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


class _SummaryPDF(FPDF):
    """US Letter pages in one language, whose footer carries the page number."""

    def __init__(self, language: str) -> None:
        super().__init__(format="letter", unit="mm")
        self.language = language

    def t(self, key: str, **values: object) -> str:
        """The interface text ``key`` in the summary's language."""
        return t(key, self.language, **values)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", NOTE_PT)
        self.set_text_color(MUTED_GREY)
        self.cell(0, 8, latin1(self.t("pdf.footer", page=self.page_no(), pages="{nb}")), align=Align.C)
        self.set_text_color(0)


def summary_pdf(content: Content, use_ids: Sequence[str], *, first_name: str = "", on: dt.date,
                language: str = DEFAULT_LANGUAGE, worksheet: Worksheet | None = None) -> bytes:
    """The consultation summary for the chosen uses, in their order and in ``language``, with the patient's
    decision worksheet when they filled it in; unknown ids are skipped."""
    uses = summary_uses(content, use_ids)
    worksheet = worksheet or Worksheet()
    numbers = summary_numbers(content, uses, worksheet)
    pdf = _new_pdf(on, supported(language))
    _title(pdf, content, clean_first_name(first_name), on)
    _pictures(pdf, content, uses, numbers)
    for use in uses:
        _use_section(pdf, content, use, numbers)
    if not uses:
        _paragraph(pdf, pdf.t("pdf.nothing_chosen"))
    _worksheet_section(pdf, content, worksheet, numbers)
    _safety_section(pdf, content, [use.id for use in uses], numbers)
    _locations_section(pdf, content.clinic.locations)
    _sources_section(pdf, content.sources, numbers)
    _closing(pdf, text_in(content.site.reminder, pdf.language))
    return bytes(pdf.output())


def summary_uses(content: Content, use_ids: Sequence[str]) -> list[Use]:
    """The chosen uses the summary covers, in their order, each once; unknown ids are skipped."""
    return [content.uses[use_id] for use_id in dict.fromkeys(use_ids) if use_id in content.uses]


def summary_numbers(content: Content, uses: Sequence[Use], worksheet: Worksheet) -> dict[str, int]:
    """The summary's sources numbered in the order it cites them: the pictures', the uses', the safety groups' (the
    items it prints), the worksheet's."""
    cite = Citations()
    cite(s for picture in summary_pictures(content, uses) for s in picture.source_ids)
    for use in uses:
        cite([*use.sources, *approval_source_ids(use, content), *_decision_sources(use, content)])
    cite(s for _, items in safety_groups(content.safety, [use.id for use in uses]) for item in items
         for s in item.sources)
    if not worksheet.empty:
        cite(content.decision_aid.worksheet_sources)
    return cite.numbers


def _closing(pdf: FPDF, reminder: str) -> None:
    """A rule and the reminder, kept together on the last page."""
    pdf.set_font("Helvetica", "B", BODY_PT)
    _room_for(pdf, _height(pdf, pdf.epw, LINE_MM, reminder) + 8)
    _rule(pdf)
    _paragraph(pdf, reminder, style="B")


def _new_pdf(on: dt.date, language: str) -> _SummaryPDF:
    pdf = _SummaryPDF(language)
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(True, margin=MARGIN_MM)
    pdf.set_title(pdf.t("pdf.title"))
    pdf.set_lang(language)
    # A fixed creation date makes the same summary the same bytes.
    pdf.set_creation_date(dt.datetime(on.year, on.month, on.day, tzinfo=dt.UTC))
    pdf.add_page()
    return pdf


# --- writing helpers -------------------------------------------------------------


def _room_for(pdf: FPDF, height: float) -> None:
    """Starts a new page unless ``height`` more millimetres fit on this one, so a short
    block (a bullet, a source, a subheading and its first line) is never split."""
    if pdf.get_y() + height > pdf.h - pdf.b_margin:
        pdf.add_page()


def _height(pdf: FPDF, width: float, line: float, text: str) -> float:
    """How tall ``text`` would be in the current font, without writing it."""
    return pdf.multi_cell(width, line, latin1(text), align=Align.L, dry_run=True, output="HEIGHT")


def _paragraph(pdf: FPDF, text: str, *, style: str = "", size: float = BODY_PT, indent: float = 0,
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
    pdf.set_font("Helvetica", "B", BODY_PT)
    pdf.write(LINE_MM, latin1(f"{label}: "))
    pdf.set_font("Helvetica", "", BODY_PT)
    pdf.write(LINE_MM, latin1(text))
    pdf.ln(LINE_MM)
    pdf.set_left_margin(margin)
    pdf.set_x(margin)


def _bullets(pdf: FPDF, items: Iterable[str], *, indent: float = INDENT_MM) -> None:
    for item in items:
        pdf.set_font("Helvetica", "", BODY_PT)
        _room_for(pdf, _height(pdf, pdf.epw - indent - INDENT_MM, LINE_MM, item))
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(INDENT_MM, LINE_MM, "-")
        pdf.multi_cell(pdf.epw - indent - INDENT_MM, LINE_MM, latin1(item), align=Align.L,
                       new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _titled_bullets(pdf: FPDF, title: str, items: Sequence[str]) -> None:
    """A bold title and its bullets, the title on the page of the first bullet."""
    _paragraph(pdf, title, style="B", keep=_first_bullet(pdf, items))
    _bullets(pdf, items)


def _first_bullet(pdf: FPDF, items: Sequence[str]) -> float:
    """How tall the first of ``items`` is as a bullet (a bullet is never split)."""
    pdf.set_font("Helvetica", "", BODY_PT)
    return _height(pdf, pdf.epw - 2 * INDENT_MM, LINE_MM, items[0]) if items else LINE_MM


def _heading(pdf: FPDF, text: str, *, size: float = 15, keep: float = 35) -> None:
    """A bold heading, moved to the next page unless ``keep`` mm (what must follow it) fit below it."""
    _room_for(pdf, keep)
    pdf.ln(2)
    _paragraph(pdf, text, style="B", size=size)
    pdf.ln(1)


def _rule(pdf: FPDF) -> None:
    pdf.ln(3)
    pdf.set_draw_color(RULE_GREY)
    pdf.set_line_width(0.3)
    pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
    pdf.ln(4)


def _cites_line(pdf: _SummaryPDF, text: str) -> None:
    """A line of source numbers, in grey and a size smaller than the text it backs."""
    _paragraph(pdf, text, size=NOTE_PT, grey=True)


def _cites(pdf: _SummaryPDF, sources: Iterable[str], numbers: dict[str, int]) -> str:
    cited = ", ".join(f"[{numbers[s]}]" for s in dict.fromkeys(sources) if s in numbers)
    return pdf.t("pdf.cites", numbers=cited)


# --- sections --------------------------------------------------------------------


def _title(pdf: FPDF, content: Content, name: str, on: dt.date) -> None:
    title = pdf.t("pdf.title_named", name=name) if name else pdf.t("pdf.title")
    _paragraph(pdf, title, style="B", size=20)
    pdf.ln(1)
    _paragraph(pdf, f"{format_date(on, pdf.language)} - {text_in(content.site.title, pdf.language)}", grey=True)
    pdf.ln(3)
    _paragraph(pdf, text_in(content.site.reminder, pdf.language), style="B")
    _rule(pdf)


# --- pictures --------------------------------------------------------------------


SVG_NS = "http://www.w3.org/2000/svg"
AREAS_MM = 110  # a drawing of the face or the body, on paper: its names then read at about 10 pt


@dataclass(frozen=True)
class Picture:
    """A picture of the summary: its drawings (SVG and text alternative, one under another), with its title, its
    caption and its sources. A drawing that carries its own title (a chart) leaves ``title`` empty."""

    title: str
    drawings: tuple[tuple[str, str], ...]
    caption: str
    source_ids: tuple[str, ...]
    wide: bool  # drawn across the page (a chart); a drawing of the face or the body is narrower


def summary_pictures(content: Content, uses: Sequence[Use], language: str = DEFAULT_LANGUAGE) -> list[Picture]:
    """The chosen uses' areas, on the drawings that hold them, and their effect over time; none without a use.
    The PDF and the printed summary show these (the fact boxes' icon arrays follow each use)."""
    if not uses:
        return []
    chosen = sorted({area for use in uses for area in use.areas})
    drawn = [f for f in AREA_DRAWINGS if any(area.figure == f for area in content.areas.values())]
    panels = dict(zip(drawn, area_map(content, chosen, language=language).panels, strict=True))
    areas = tuple(panel for figure, panel in panels.items()
                  if any(content.areas[a].figure == figure for a in chosen if a in content.areas))
    effect = effect_timeline(uses, content, language=language)
    # Without a chart (no chosen use has a timing), its title heads the sentence saying why.
    return [Picture(t("chart.area.title", language), areas, t("pdf.areas_caption", language), (), wide=False),
            Picture("" if effect.svg else effect.title, ((effect.svg, effect.alt_text),) if effect.svg else (),
                    effect.caption, effect.source_ids, wide=True)]


def _pictures(pdf: _SummaryPDF, content: Content, uses: Sequence[Use], numbers: dict[str, int]) -> None:
    """The summary's pictures, each kept on one page, then a rule."""
    pictures = summary_pictures(content, uses, pdf.language)
    for picture in pictures:
        cites = _cites(pdf, picture.source_ids, numbers) if picture.source_ids else ""
        _picture(pdf, picture.title, [svg for svg, _ in picture.drawings], picture.caption, cites,
                 width=pdf.epw if picture.wide else AREAS_MM)
    if pictures:
        _rule(pdf)


def _picture(pdf: _SummaryPDF, title: str, svgs: Sequence[str], caption: str, cites: str = "", *,
             width: float) -> None:
    """A picture (drawings ``width`` mm wide, one under another, centred) with its title, its caption and its
    sources, kept on one page."""
    heights = [_svg_height(svg, width) for svg in svgs]
    pdf.set_font("Helvetica", "", BODY_PT)
    _room_for(pdf, 2 * LINE_MM + sum(heights) + _height(pdf, pdf.epw, LINE_MM, caption) + LINE_MM)
    if title:
        _paragraph(pdf, title, style="B", size=13)
    for svg, height in zip(svgs, heights, strict=True):
        pdf.image(io.BytesIO(pdf_svg(svg)), x=pdf.l_margin + (pdf.epw - width) / 2, y=pdf.get_y(), w=width,
                  h=height)
        pdf.set_y(pdf.get_y() + height)
    _paragraph(pdf, caption)
    if cites:
        _cites_line(pdf, cites)
    pdf.ln(2)


def pdf_svg(svg: str) -> bytes:
    """One of the package's SVG pictures as fpdf2 draws it: a nested ``<svg>`` (a drawing placed in a chart), which
    fpdf2 skips, becomes a group scaled to its place; ``<title>`` (not drawn) is dropped; every text is spelled as
    the core font writes it (``latin1``)."""
    ElementTree.register_namespace("", SVG_NS)
    root = ElementTree.fromstring(svg)
    for parent in root.iter():
        for child in list(parent):
            if child.tag == f"{{{SVG_NS}}}title":
                parent.remove(child)
            elif child.tag == f"{{{SVG_NS}}}svg":
                _as_group(child)
    for element in root.iter():
        element.text = latin1(element.text) if element.text else element.text
        element.tail = latin1(element.tail) if element.tail else element.tail
    return ElementTree.tostring(root, encoding="utf-8")


def _as_group(element: ElementTree.Element) -> None:
    """A nested ``<svg x y width height viewBox>`` turned into the ``<g transform>`` that draws it the same."""
    left, top, width, height = (float(element.attrib.pop(name, 0)) for name in ("x", "y", "width", "height"))
    min_x, min_y, view_width, view_height = (float(n) for n in element.attrib.pop("viewBox").split())
    element.tag = f"{{{SVG_NS}}}g"
    element.set("transform", f"translate({left:g},{top:g}) scale({width / view_width:g},{height / view_height:g}) "
                             f"translate({0 - min_x:g},{0 - min_y:g})")


def _svg_height(svg: str, width: float) -> float:
    """How tall a picture is when drawn ``width`` millimetres wide (from its viewBox)."""
    _, _, view_width, view_height = (float(n) for n in ElementTree.fromstring(svg).get("viewBox", "").split())
    return width * view_height / view_width


def _use_section(pdf: FPDF, content: Content, use: Use, numbers: dict[str, int]) -> None:
    language = pdf.language
    _heading(pdf, text_in(use.name, language))
    _labelled(pdf, pdf.t("pdf.category"), pdf.t(f"category.{use.category}"))
    _labelled(pdf, pdf.t("pdf.status"), status_label(use, content, language))
    approvals = approval_lines(use, content, language)
    if approvals:
        _titled_bullets(pdf, pdf.t("pdf.approved_in_us"), approvals)
    if use.treated_by:
        _labelled(pdf, pdf.t("pdf.who_treats"), text_in(use.treated_by, language))
    pdf.ln(2)
    points = [f"{note.lead}: {note.text} {_cites(pdf, note.source_ids, numbers)}"
              for note in key_points(use, content, language)]
    _titled_bullets(pdf, pdf.t("decisions.key_points"), points)
    pdf.ln(2)
    _labelled(pdf, pdf.t("pdf.what_to_expect"), text_in(use.what_to_expect, language))
    pdf.ln(2)
    _timeline(pdf, use)
    if use.side_effects:
        _titled_bullets(pdf, pdf.t("pdf.side_effects"), [text_in(effect, language) for effect in use.side_effects])
    pdf.ln(1)
    _cites_line(pdf, _cites(pdf, [*use.sources, *approval_source_ids(use, content)], numbers))
    for box in content.fact_boxes_for(use.id):
        _fact_box(pdf, content, box, numbers)
    _options(pdf, content, use, numbers)
    _rule(pdf)


def _decision_sources(use: Use, content: Content) -> list[str]:
    """The sources of a use's fact boxes and options, to number with the use's own."""
    choices = content.choices.get(use.id)
    return [*(s for box in content.fact_boxes_for(use.id) for s in box_source_ids(box, content)),
            *(s for a in alternatives_for(use, content) for s in a.sources), *(choices.sources if choices else ())]


def _fact_box(pdf: _SummaryPDF, content: Content, box: FactBox, numbers: dict[str, int]) -> None:
    """A fact box: what the trials were, its numbers as a table, and its main benefit and harm as icon arrays."""
    header, rows = fact_table(box, content, pdf.language)
    _heading(pdf, t("decisions.box_title", pdf.language, product=content.products[box.product].brand), size=13)
    for line in box_summary(box, content, pdf.language):
        _paragraph(pdf, line)
    pdf.ln(1)
    pdf.set_font("Helvetica", "", BODY_PT)
    _room_for(pdf, 3 * 2 * LINE_MM)  # the header and a row or two; a longer table goes on, headed again
    with pdf.table(col_widths=(14, 46, 20, 20), text_align="LEFT", line_height=LINE_MM) as table:
        for row in [header, *rows]:
            table.row([latin1(cell) for cell in row])
    for note in row_notes(box, content, pdf.language):
        _paragraph(pdf, note, grey=True)
    for part, outcome in shares(box):
        _icon_arrays(pdf, part, outcome, header[2:])
    _cites_line(pdf, _cites(pdf, box_source_ids(box, content), numbers))


FIGURE_MM = 3.2  # a figure of the icon array, on paper
PDF_FILLS = {"benefits": (31, 111, 120), "harms": (201, 139, 75)}


def _icon_arrays(pdf: _SummaryPDF, part: str, outcome: Outcome, names: Sequence[str]) -> None:
    """100 figures with the product beside 100 with placebo, filled exactly as the numbers say, each under its
    label (which wraps within its half of the page)."""
    side, half = FIGURE_MM * COLUMNS, pdf.epw / 2
    heads = [latin1(f"{name}: {t('decisions.per_100', pdf.language, number=f'{value:g}')}") for name, value
             in zip(names, (outcome.treated, outcome.placebo), strict=True)]
    pdf.set_font("Helvetica", "", BODY_PT)
    head_height = max(_height(pdf, half - INDENT_MM, LINE_MM, head) for head in heads)
    _room_for(pdf, 2 * LINE_MM + head_height + side + 3)
    _paragraph(pdf, text_in(outcome.measure, pdf.language), style="B")
    top = pdf.get_y()
    for column, (head, value) in enumerate(zip(heads, (outcome.treated, outcome.placebo), strict=True)):
        left = pdf.l_margin + column * half
        pdf.set_font("Helvetica", "", BODY_PT)
        pdf.set_xy(left, top)
        pdf.multi_cell(half - INDENT_MM, LINE_MM, head, align=Align.L)
        for index, fill in enumerate(filled_figures(value)):
            _figure(pdf, left + (index % COLUMNS) * FIGURE_MM, top + head_height + 1 + (index // COLUMNS) * FIGURE_MM,
                    fill, PDF_FILLS[part])
    pdf.set_xy(pdf.l_margin, top + head_height + side + 4)


def _figure(pdf: FPDF, x: float, y: float, fill: float, color: tuple[int, int, int]) -> None:
    """One person: grey, coloured, or coloured from the left for the part a decimal counts."""
    for shade, width in (((217, 217, 217), FIGURE_MM), (color, FIGURE_MM * fill)):
        if width <= 0:
            continue
        pdf.set_fill_color(*shade)
        with pdf.rect_clip(x, y, width, FIGURE_MM):
            pdf.ellipse(x + FIGURE_MM * 0.32, y + 0.1, FIGURE_MM * 0.36, FIGURE_MM * 0.36, style="F")
            pdf.rect(x + FIGURE_MM * 0.2, y + FIGURE_MM * 0.5, FIGURE_MM * 0.6, FIGURE_MM * 0.45, style="F")


def _options(pdf: _SummaryPDF, content: Content, use: Use, numbers: dict[str, int]) -> None:
    """The other options (none endorsed), what happens without treatment and after stopping."""
    choices, language = content.choices.get(use.id), pdf.language
    if choices is None:
        return
    _paragraph(pdf, pdf.t("decisions.options_title"), style="B", keep=3 * LINE_MM)
    _paragraph(pdf, pdf.t("decisions.options_intro"))
    alternatives = alternatives_for(use, content)
    if alternatives:
        _bullets(pdf, (f"{text_in(a.name, language)}: {text_in(a.status, language)} {_cites(pdf, a.sources, numbers)}"
                       for a in alternatives))
        _paragraph(pdf, pdf.t("decisions.not_endorsed"), grey=True)
    for key, field in (("decisions.without_treatment", "without_treatment"),
                       ("decisions.after_stopping", "after_stopping")):
        text = text_in(getattr(choices, field), language)
        _labelled(pdf, pdf.t(key), f"{text} {_cites(pdf, choices.sources, numbers)}")


def _worksheet_section(pdf: _SummaryPDF, content: Content, worksheet: Worksheet, numbers: dict[str, int]) -> None:
    """The patient's decision worksheet, when they filled it in, and that deciding can wait."""
    lines = worksheet_lines(content, worksheet, pdf.language)
    if not lines:
        return
    aid = content.decision_aid
    _heading(pdf, pdf.t("decisions.worksheet.notes_heading"))
    _bullets(pdf, lines)
    _paragraph(pdf, f"{text_in(aid.decide_later.text, pdf.language)} {_cites(pdf, aid.worksheet_sources, numbers)}")
    _rule(pdf)


def _timeline(pdf: _SummaryPDF, use: Use) -> None:
    timing = use.timing
    note = text_in(timing.note, pdf.language)
    pdf.set_font("Helvetica", "", BODY_PT)
    _room_for(pdf, 5 * LINE_MM + (_height(pdf, pdf.epw - INDENT_MM, LINE_MM, note) if note else 0))
    _paragraph(pdf, pdf.t("pdf.timeline"), style="B")
    for key, span in timing.stages:
        _labelled(pdf, pdf.t(f"pdf.{key}"), span_text(span, pdf.language), indent=INDENT_MM)
    if not timing.stages:
        _paragraph(pdf, pdf.t("views.no_timing"), indent=INDENT_MM)
    if note:
        _paragraph(pdf, note, indent=INDENT_MM, grey=True)
    pdf.ln(2)


# "interactions" is here because an item of "tell_your_doctor" points to it: the PDF names no section it lacks.
SAFETY_GROUPS = ("boxed_warning", "red_flags", "aftercare", "do_not_treat", "tell_your_doctor", "interactions",
                 "questions_to_ask")


def safety_groups(safety: Safety, use_ids: Iterable[str], language: str = DEFAULT_LANGUAGE
                  ) -> tuple[tuple[str, Sequence[SafetyItem]], ...]:
    """The safety groups the summary prints, in order, with their headings: in each, the items that apply to the
    chosen uses (``items_for_uses``)."""
    use_ids = tuple(use_ids)
    return tuple((t(f"pdf.{group}", language), items_for_uses(getattr(safety, group), use_ids))
                 for group in SAFETY_GROUPS)


def _safety_section(pdf: _SummaryPDF, content: Content, use_ids: Sequence[str], numbers: dict[str, int]) -> None:
    groups = safety_groups(content.safety, use_ids, pdf.language)
    printed = [item_text(items[0], pdf.language) for _, items in groups if items]
    _heading(pdf, pdf.t("pdf.safety"), keep=3 * LINE_MM + _first_bullet(pdf, printed[:1]))
    for group, (title, items) in zip(SAFETY_GROUPS, groups, strict=True):
        if items:
            _safety_group(pdf, title, items, numbers)
            if group in CONTACT_AFTER:
                _paragraph(pdf, contact_text(content, pdf.language), style="B")
                pdf.ln(2)
    _rule(pdf)


def _safety_group(pdf: _SummaryPDF, title: str, items: Sequence[SafetyItem], numbers: dict[str, int]) -> None:
    _titled_bullets(pdf, title, [item_text(item, pdf.language) for item in items])
    _cites_line(pdf, _cites(pdf, (s for item in items for s in item.sources), numbers))
    pdf.ln(2)


def _locations_section(pdf: _SummaryPDF, locations: Sequence[Location]) -> None:
    _heading(pdf, pdf.t("pdf.where"))
    for location in locations:
        _location(pdf, location)
    _rule(pdf)


def _location(pdf: _SummaryPDF, location: Location) -> None:
    """Name, then the details the web pages show (only those that are set), and the booking link."""
    _paragraph(pdf, text_in(location.name, pdf.language), style="B", keep=3 * LINE_MM)
    details = location_details(location, pdf.language)
    if location.booking_url:
        details.append((pdf.t("location.booking"), str(location.booking_url)))
    for label, value in details:
        _labelled(pdf, label, value, indent=INDENT_MM)
    pdf.ln(3)


def _sources_section(pdf: _SummaryPDF, sources: dict[str, Source], numbers: dict[str, int]) -> None:
    _heading(pdf, pdf.t("pdf.sources"))
    for source_id, number in numbers.items():
        source = sources.get(source_id)
        if source is not None:
            _source(pdf, number, source)


def _source(pdf: FPDF, number: int, source: Source) -> None:
    """``[n] Title. Publisher, year. link``, the link in grey and following the title on its line when it fits
    (a line less a source than a link on a line of its own)."""
    year = f", {source.year}" if source.year else ""
    cited = latin1(f"{source.title}. {source.publisher}{year}. ")
    pdf.set_font("Helvetica", "", NOTE_PT)
    _room_for(pdf, _height(pdf, pdf.epw - 10, 5, cited + source.link))
    margin = pdf.l_margin
    pdf.cell(10, 5, f"[{number}]")
    pdf.set_left_margin(margin + 10)
    pdf.write(5, cited)
    pdf.set_text_color(MUTED_GREY)
    pdf.write(5, latin1(source.link), link=source.link)
    pdf.set_text_color(0)
    pdf.set_left_margin(margin)
    pdf.ln(6.5)
