"""A fact box drawn as icon arrays: 100 figures with the product beside 100 with placebo, one figure a person.

A figure is filled for each person per 100 the outcome happened to, exactly the number the box shows: a number with
a decimal (2.6) fills two figures and six tenths of the third, so the picture never rounds what the source says.
One figure is defined once in the picture and reused, so a pair of arrays stays a few kilobytes on a phone.
"""

from __future__ import annotations

import math

import pandas as pd

from .charts import Chart, shorten, wrap_words
from .decisions import box_source_ids, brand, fact_table, number_text, row_notes
from .i18n import format_number, t
from .models import DEFAULT_LANGUAGE, Content, FactBox, Outcome, text_in
from .svg import GREY_LIGHT, MUTED, SAND, TEAL, Drawing, number

CELL, COLUMNS, GAP = 14, 10, 34  # pixels a figure takes, figures a row, pixels between the two arrays
ARRAY = CELL * COLUMNS
HEAD = 54  # pixels above the arrays: the measure's first line and the two groups' names
LINE, TITLE_LINES, CHAR_PIXELS = 18, 3, 7.5  # a title line's height, the most lines, about a character's width
WIDTH = 2 * ARRAY + GAP
FIGURE = ('<symbol id="person" viewBox="0 0 14 14"><circle cx="7" cy="3.2" r="2.6"/>'
          '<path d="M2.6,13.4 L2.6,9 Q2.6,6.6 5,6.6 L9,6.6 Q11.4,6.6 11.4,9 L11.4,13.4 Z"/></symbol>')
FILLS = {"benefits": TEAL, "harms": SAND}


def filled_figures(per_100: float) -> list[float]:
    """How much of each of the 100 figures is filled, in reading order: 1 for whole ones, a fraction for the last."""
    whole = math.floor(per_100)
    part = per_100 - whole
    return [1.0] * whole + ([round(part, 6)] if part > 0 else []) + [0.0] * (100 - whole - (part > 0))


def icon_array(outcome: Outcome, part: str, box: FactBox, content: Content,
               language: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """One outcome as two arrays of 100 figures, product beside placebo: the SVG picture and its text alternative."""
    measure, product = text_in(outcome.measure, language), brand(box, content)
    title = _title_lines(measure)
    top = LINE * (len(title) - 1)  # the arrays move down by each extra line of the title
    drawing = Drawing(WIDTH, HEAD + top + ARRAY, measure)
    drawing.elements.append(f"<defs>{FIGURE}</defs>")
    for row, line in enumerate(title):
        drawing.text(0, 16 + LINE * row, line, size=14, weight="bold")
    for left, name, value in ((0, t("decisions.with_product", language, product=product), outcome.treated),
                              (ARRAY + GAP, t("decisions.with_placebo", language), outcome.placebo)):
        drawing.text(left, top + 36, shorten(name, int(ARRAY / CHAR_PIXELS)), size=12, fill=MUTED)
        drawing.text(left, top + 50, number_text(outcome, value, language), size=12, weight="bold")
        _array(drawing, left, top + HEAD, filled_figures(value), FILLS[part])
    alt = t("decisions.array_alt", language, product=product, measure=measure,
            treated=format_number(outcome.treated, language), placebo=format_number(outcome.placebo, language))
    return drawing.svg(), alt


def _array(drawing: Drawing, left: float, top: float, fills: list[float], color: str) -> None:
    for index, fill in enumerate(fills):
        x, y = left + (index % COLUMNS) * CELL, top + (index // COLUMNS) * CELL
        figure = f'<use href="#person" x="{number(x)}" y="{number(y)}" width="{CELL}" height="{CELL}"'
        drawing.elements.append(f'{figure} fill="{GREY_LIGHT if fill < 1 else color}"/>')
        if 0 < fill < 1:  # the part of a person the source's decimal counts, clipped from the left
            clip = f"part-{int(left)}-{index}"
            drawing.elements.append(f'<clipPath id="{clip}"><rect x="{number(x)}" y="{number(y)}" '
                                    f'width="{number(CELL * fill)}" height="{CELL}"/></clipPath>'
                                    f'<g clip-path="url(#{clip})">{figure} fill="{color}"/></g>')


def _title_lines(text: str) -> list[str]:
    """The measure in at most three lines across the picture, the last shortened if it is longer still."""
    limit = int(WIDTH / CHAR_PIXELS)
    lines = wrap_words(text, limit)
    return lines if len(lines) <= TITLE_LINES else [*lines[:TITLE_LINES - 1], shorten(
        " ".join(lines[TITLE_LINES - 1:]), limit)]


def shares(box: FactBox) -> list[tuple[str, Outcome]]:
    """The outcomes an icon array draws: the first benefit and the first harm counted per 100 (a mean change is
    not a count of people)."""
    found = []
    for part in ("benefits", "harms"):
        first = next((o for o in getattr(box, part) if o.kind == "share"), None)
        if first:
            found.append((part, first))
    return found


def fact_box_chart(box: FactBox, content: Content, language: str = DEFAULT_LANGUAGE) -> Chart:
    """The fact box: icon arrays for its main benefit and main harm, a caption, its sources and its whole table."""
    header, rows = fact_table(box, content, language)
    pictures = tuple(icon_array(outcome, part, box, content, language) for part, outcome in shares(box))
    caption = " ".join([t("decisions.array_caption", language), *row_notes(box, content, language)])
    return Chart(
        title=t("decisions.box_title", language, product=brand(box, content)),
        caption=caption,
        source_ids=box_source_ids(box, content),
        alt_text=" ".join(alt for _, alt in pictures),
        table=pd.DataFrame(rows, columns=header),
        panels=pictures,
    )

