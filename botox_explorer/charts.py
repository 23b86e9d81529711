"""The charts, each with its title, caption, sources, a text alternative and a table with the same information.

Every chart but the map is an SVG picture drawn here (``svg.py``): a visitor's browser shows it without a chart
library, and the server sends the same cached string on every rerun. The map of the clinic's sites needs map
tiles, so it is a plotly figure, drawn only when the visitor asks for it.

Color never carries meaning alone: every mark also has a label, a shape or a position that says the same thing.
Every builder speaks the ``language`` it is given: its words come from the catalogue (``locales/*/charts.yaml``),
the content's texts in that language.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import get_args

import pandas as pd
import plotly.graph_objects as go

from . import svg
from .i18n import format_number, t
from .illustrations import AREA_DRAWINGS, inner_drawing, read_drawing
from .models import DAYS_PER_UNIT, DEFAULT_LANGUAGE, Content, HistoryEvent, HistoryKind, Use, text_in
from .presenting import contact_text, item_text, span_text
from .svg import GREY_LIGHT, GRID, INK, MUTED, RED, SAND, TEAL, TEAL_LIGHT, TEAL_MID, Drawing, text_width

EVENT_KINDS: tuple[str, ...] = get_args(HistoryKind)  # the history chart's rows, in this order


def event_kind_label(kind: str, language: str = DEFAULT_LANGUAGE) -> str:
    """"Medical approval", "Aprobación médica": the name of a kind of history event."""
    return t(f"chart.history.kind.{kind}", language)


EVENT_KIND_SHAPES = {
    "discovery": "star", "research": "circle", "medical-approval": "square",
    "cosmetic-approval": "diamond", "new-product": "triangle", "regulation": "cross",
}
TITLE_SIZE, TEXT_SIZE, SMALL_SIZE = 18, 14, 12


@dataclass(frozen=True)
class Chart:
    """A chart and everything a reader needs around it: an SVG picture, or (the map) a plotly figure."""

    title: str
    caption: str
    source_ids: tuple[str, ...]
    alt_text: str
    table: pd.DataFrame
    svg: str | None = None
    figure: go.Figure | None = None
    panels: tuple[tuple[str, str], ...] = ()  # pictures shown side by side (one under the other on a phone): (svg, alt)


def _columns(language: str, *names: str) -> list[str]:
    """A table's column headers in ``language``, by their names in the catalogue's ``chart.column``."""
    return [t(f"chart.column.{name}", language) for name in names]


def _yes(flag: bool, language: str) -> str:
    """A table cell that says yes, or nothing."""
    return t("chart.yes_cell", language) if flag else ""


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _titled(width: float, height: float, title: str) -> Drawing:
    drawing = Drawing(width, height, title)
    drawing.text(0, TITLE_SIZE + 2, title, size=TITLE_SIZE, weight="bold")
    return drawing


def _year_axis(drawing: Drawing, left: float, right: float, bottom: float, top: float, first: int, last: int,
               step: int) -> None:
    """Vertical grid lines and labels every ``step`` years between ``first`` and ``last``."""
    for year in range(first - first % step + (step if first % step else 0), last + 1, step):
        x = _scale(year, first, last, left, right)
        drawing.line(x, top, x, bottom, stroke=GRID, stroke_width=1)
        drawing.text(x, bottom + 18, str(year), size=SMALL_SIZE, anchor="middle", fill=MUTED)


def _scale(value: float, low: float, high: float, start: float, stop: float) -> float:
    return start if high == low else start + (value - low) / (high - low) * (stop - start)


# --- Treatment areas on the face and the body -------------------------------------------------------------------
# The project's own drawings (assets/illustrations/face.svg and body.svg, 0-100 coordinates, y measured upward in
# areas.yaml), each a picture of its own so a phone shows them one under the other at a readable size. Every area
# is a numbered point on the drawing, named in a column beside it and joined to it by a thin line: no name sits
# on the drawing or on another name.
FIGURE_SIZE = 180  # pixels the 0-100 drawing takes
LABEL_COLUMN, LABEL_GAP = 104, 14  # a column of names on each side, and its distance from the drawing
LABEL_SIZE, LABEL_LINE, LABEL_CHARS = 14, 17, 13  # font size, line height (pixels), characters a line
LABEL_SPACING = 8  # at least this much between two names
MARKER_RADIUS = 9


@dataclass(frozen=True)
class AreaLabel:
    """Where an area's name goes: its side, its lines and the top of its box (pixels, within the picture)."""

    area_id: str
    side: str
    lines: tuple[str, ...]
    top: float
    point: tuple[float, float]

    @property
    def height(self) -> float:
        return len(self.lines) * LABEL_LINE


def area_numbers(content: Content) -> dict[str, int]:
    """Each area's number on the drawing and in its list: 1, 2, ... in the order of areas.yaml."""
    return {area_id: number for number, area_id in enumerate(content.areas, start=1)}


def _figure_point(area, top: float) -> tuple[float, float]:
    return (LABEL_COLUMN + LABEL_GAP + area.x * FIGURE_SIZE / 100, top + (100 - area.y) * FIGURE_SIZE / 100)


def place_labels(areas: Sequence, numbers: dict[str, int], top: float, bottom: float,
                 language: str = DEFAULT_LANGUAGE) -> list[AreaLabel]:
    """Names beside the drawing: left of it for points left of the middle, right for points right of it, points
    on the middle to the side with fewer names; on each side from top to bottom, each as near its point's height as
    the names above allow, and moved up together when the column would run past ``bottom``."""
    sides: dict[str, list] = {"left": [a for a in areas if a.x < 50], "right": [a for a in areas if a.x > 50]}
    for area in sorted((a for a in areas if a.x == 50), key=lambda a: -a.y):
        min(sides.values(), key=len).append(area)
    labels = []
    for side, placed in sides.items():
        column: list[AreaLabel] = []
        for area in sorted(placed, key=lambda a: (-a.y, a.x)):
            point = _figure_point(area, top)
            lines = tuple(wrap_words(f"{numbers[area.id]}. {text_in(area.name, language)}", LABEL_CHARS))
            wanted = point[1] - LABEL_SIZE / 2 - 2
            floor = column[-1].top + column[-1].height + LABEL_SPACING if column else top
            column.append(AreaLabel(area.id, side, lines, max(wanted, floor), point))
        overflow = (column[-1].top + column[-1].height - bottom) if column else 0
        if overflow > 0:
            column = [AreaLabel(label.area_id, label.side, label.lines, label.top - overflow, label.point)
                      for label in column]
        labels += column
    return labels


def _drawing_heading(figure: str, language: str) -> str:
    """"Face and neck", "Cuerpo": the heading of one of the body map's drawings."""
    return t(f"chart.area.drawing.{figure}", language)


def area_figure(content: Content, figure: str, selected: Sequence[str] = (), *,
                language: str = DEFAULT_LANGUAGE) -> str:
    """One drawing (the face or the body) with its areas as numbered points and their names beside it."""
    numbers = area_numbers(content)
    areas = [a for a in content.areas.values() if a.figure == figure]
    top = 40
    width = 2 * (LABEL_COLUMN + LABEL_GAP) + FIGURE_SIZE
    labels = place_labels(areas, numbers, top, top + FIGURE_SIZE, language)
    height = max([top + FIGURE_SIZE, *(label.top + label.height for label in labels)]) + 6
    heading = _drawing_heading(figure, language)
    drawing = Drawing(width, height, t("chart.area.drawing_title", language, drawing=heading.lower()))
    drawing.text(width / 2, 16, heading, size=TEXT_SIZE, anchor="middle", weight="bold", fill=MUTED)
    view_box, inner = inner_drawing(read_drawing(content.illustrations[figure].file))
    drawing.elements.append(f'<svg class="figure" x="{LABEL_COLUMN + LABEL_GAP}" y="{top}" width="{FIGURE_SIZE}" '
                            f'height="{FIGURE_SIZE}" viewBox="{view_box}">{inner}</svg>')
    for label in labels:
        chosen = label.area_id in selected
        x, y = label.point
        edge = LABEL_COLUMN if label.side == "left" else width - LABEL_COLUMN
        anchor_y = label.top + LABEL_SIZE / 2 + 2
        drawing.polyline([(edge + (4 if label.side == "left" else -4), anchor_y), (x, y)], stroke=MUTED,
                         stroke_width=1)
        if chosen:
            drawing.circle(x, y, MARKER_RADIUS + 5, fill="none", stroke=SAND, stroke_width=2)
        drawing.circle(x, y, MARKER_RADIUS + (2 if chosen else 0), fill=SAND if chosen else TEAL, stroke="white",
                       stroke_width=2)
        drawing.text(x, y + 4, str(numbers[label.area_id]), size=SMALL_SIZE, anchor="middle", weight="bold",
                     fill="white")
        text_x, text_anchor = (edge, "end") if label.side == "left" else (edge, "start")
        drawing.elements.append(f'<g class="label" data-area="{html.escape(label.area_id)}">')
        for number, line in enumerate(label.lines):
            drawing.text(text_x, label.top + LABEL_SIZE + number * LABEL_LINE, line, size=LABEL_SIZE,
                         anchor=text_anchor, weight="bold" if chosen else None)
        drawing.elements.append("</g>")
    return drawing.svg()


def _areas_alt(area_ids: Sequence[str], numbers: dict[str, int], names: dict[str, str], counts: dict[str, int],
               language: str) -> str:
    """"1. Forehead (2 uses), 2. Bladder (1 use)": the areas in a text alternative."""
    return ", ".join(f"{numbers[a]}. {names[a]} ({t('chart.area.uses', language, count=counts[a])})"
                     for a in area_ids)


def _chosen_alt(chosen_names: Sequence[str], language: str) -> str:
    """" Chosen: Forehead." after a text alternative, or nothing when no area is chosen."""
    if not chosen_names:
        return ""
    return " " + t("chart.area.chosen", language, count=len(chosen_names), names=", ".join(chosen_names))


def area_map(content: Content, selected: Sequence[str] = (), *, language: str = DEFAULT_LANGUAGE,
             chosen_drawings_only: bool = False) -> Chart:
    """The face and the body, each a drawing with its treatment areas as numbered, named points; a chosen area's
    point is larger, in another color and ringed, and its name is in bold. ``chosen_drawings_only`` keeps the
    drawings with a chosen area (a consultation shows the patient's own, larger), and the table their areas."""
    counts = {a: sum(a in use.areas for use in content.uses.values()) for a in content.areas}
    numbers = area_numbers(content)
    names = {a.id: text_in(a.name, language) for a in content.areas.values()}
    figures = [f for f in AREA_DRAWINGS if not chosen_drawings_only
               or any(a.figure == f and a.id in selected for a in content.areas.values())]
    panels, listed = [], []
    for figure in figures:
        shown = [a.id for a in content.areas.values() if a.figure == figure]
        if shown:
            alt = (f"{_drawing_heading(figure, language)}: {_areas_alt(shown, numbers, names, counts, language)}."
                   + _chosen_alt([names[a] for a in shown if a in selected], language))
            panels.append((area_figure(content, figure, selected, language=language), alt))
            listed += shown
    listed = [a for a in content.areas if a in listed]  # numbered order
    table = pd.DataFrame([[numbers[a], names[a], counts[a], _yes(a in selected, language)] for a in listed],
                         columns=_columns(language, "number", "area", "uses", "selected"))
    return Chart(
        panels=tuple(panels),
        title=t("chart.area.title", language),
        caption=t("chart.area.caption_chosen" if chosen_drawings_only else "chart.area.caption", language),
        source_ids=(),
        alt_text=t("chart.area.alt", language, areas=_areas_alt(listed, numbers, names, counts, language))
        + _chosen_alt([names[a] for a in listed if a in selected], language),
        table=table,
    )


# --- Effect over time -------------------------------------------------------------------------------------------

def _weeks(days: float) -> float:
    return round(days / DAYS_PER_UNIT["weeks"], 1)


EFFECT_BANDS = (("starts", TEAL_LIGHT), ("peaks", TEAL_MID), ("working", TEAL), ("wears_off", GREY_LIGHT))


def is_timed(use: Use) -> bool:
    """Whether the sources give any of the effect's timing: when it starts, peaks or wears off, or when the
    treatment is repeated (a use known only by its interval is drawn, never called untimed)."""
    return bool(use.timing.stages)


def _effect_bands(use: Use) -> dict[str, tuple[float, float]]:
    """Start and stop day of each band the sources give, by band; a band of no length is left out.

    Only what is known is drawn: "working" runs from the last known point before it (the end of the time to full
    effect, else of the onset, else the injection) to when the effect starts to wear off.
    """
    timing = use.timing
    bands = {}
    if timing.onset:
        bands["starts"] = timing.onset.in_days()
    if timing.peak:
        bands["peaks"] = timing.peak.in_days()
    if timing.duration:
        end_low, end_high = timing.duration.in_days()
        working_from = max((stop for _, stop in bands.values()), default=0.0)
        bands["working"] = (working_from, end_low)
        bands["wears_off"] = (end_low, end_high)
    return {band: (start, stop) for band, (start, stop) in bands.items() if stop > start}


EFFECT_WIDTH, EFFECT_ROW, EFFECT_LABEL_MAX = 720, 34, 34  # pixels, pixels, characters of a use's name a row


def effect_timeline(uses: Sequence[Use], content: Content, *, language: str = DEFAULT_LANGUAGE) -> Chart:
    """When the effect starts, peaks, works and wears off, for each use whose sources give any of it, as bands on
    a shared week axis."""
    timed = [u for u in uses if is_timed(u)]
    bands = {use.id: _effect_bands(use) for use in timed}
    repeats = {u.id: tuple(_weeks(day) for day in u.timing.retreatment.in_days()) for u in timed
               if u.timing.retreatment}
    last_week = max([_weeks(stop) for b in bands.values() for _, stop in b.values()]
                    + [high for _, high in repeats.values()], default=1)
    axis_end = max(4, -(-last_week // 4) * 4)
    names = [shorten(text_in(u.name, language), EFFECT_LABEL_MAX) for u in timed]
    label_width = max((text_width(n, TEXT_SIZE) for n in names), default=0) + 12
    left, right, top = label_width, EFFECT_WIDTH - 10, 70
    bottom = top + EFFECT_ROW * len(timed)
    title = t("chart.effect.title", language)
    drawing = _titled(EFFECT_WIDTH, bottom + 50, title)
    drawn = {band for use_bands in bands.values() for band in use_bands}
    legend_end = _legend(drawing, 0, 44, [(t(f"chart.effect.band.{band}", language), color)
                                          for band, color in EFFECT_BANDS if band in drawn])
    if repeats:
        drawing.marker(legend_end + 7, 40, "diamond", 11, INK)
        drawing.text(legend_end + 20, 44, t("chart.effect.band.repeat", language), size=SMALL_SIZE)
    for week in range(0, int(axis_end) + 1, 4 if axis_end <= 40 else 8):
        x = _scale(week, 0, axis_end, left, right)
        drawing.line(x, top - 4, x, bottom, stroke=GRID, stroke_width=1)
        drawing.text(x, bottom + 18, str(week), size=SMALL_SIZE, anchor="middle", fill=MUTED)
    drawing.text((left + right) / 2, bottom + 38, t("chart.effect.axis", language), size=SMALL_SIZE,
                 anchor="middle", fill=MUTED)
    for row, (use, name) in enumerate(zip(timed, names, strict=True)):
        y = top + row * EFFECT_ROW
        drawing.text(left - 10, y + EFFECT_ROW / 2 + 5, name, size=TEXT_SIZE, anchor="end")
        for band, color in EFFECT_BANDS:
            if band in bands[use.id]:
                start, stop = bands[use.id][band]
                x0, x1 = (_scale(_weeks(day), 0, axis_end, left, right) for day in (start, stop))
                drawing.rect(x0, y + 6, max(x1 - x0, 1.5), EFFECT_ROW - 12, fill=color, stroke=INK,
                             stroke_width=0.5)
        if use.id in repeats:  # the next treatment: a diamond at each end of its interval, joined for a range
            xs = [_scale(week, 0, axis_end, left, right) for week in repeats[use.id]]
            drawing.line(xs[0], y + EFFECT_ROW / 2, xs[1], y + EFFECT_ROW / 2, stroke=INK, stroke_width=2)
            for x in dict.fromkeys(xs):
                drawing.marker(x, y + EFFECT_ROW / 2, "diamond", 11, INK)
    rows = [[text_in(use.name, language), *(span_text(span, language) for span in (
        use.timing.onset, use.timing.peak, use.timing.duration, use.timing.retreatment))] for use in timed]
    missing = [text_in(u.name, language) for u in uses if u not in timed]
    sentences = [f"{text_in(use.name, language)}: " + "; ".join(  # words only: the same in every language
        f"{t('views.' + key, language).lower()} {span_text(span, language)}" for key, span in use.timing.stages) + "."
        for use in timed]
    return Chart(
        svg=drawing.svg() if timed else None,
        title=title,
        caption=_effect_caption(bool(timed), missing, language, bool(repeats)),
        source_ids=_unique(s for u in timed for s in u.cites.get("timing", u.sources)),  # what the timing rests on
        alt_text=" ".join(sentences) or t("chart.effect.alt_none", language),
        table=pd.DataFrame(rows, columns=_columns(language, "use", "starts", "strongest", "lasts", "repeat")),
    )


def _effect_caption(any_timed: bool, untimed_names: Sequence[str], language: str, any_repeat: bool = False) -> str:
    """How to read the bars and the diamonds (when there are any), then the uses whose timing the sources do not
    give."""
    parts = [t("chart.effect.caption", language)] if any_timed else []
    if any_repeat:
        parts.append(t("chart.effect.repeat_caption", language))
    if untimed_names:
        parts.append(t("chart.effect.untimed", language, uses=", ".join(untimed_names)))
    return " ".join(parts)


def _legend(drawing: Drawing, x: float, y: float, entries: Sequence[tuple[str, str]]) -> float:
    """A swatch and a label for each entry, left to right; where the next entry would go."""
    for label, color in entries:
        drawing.rect(x, y - 11, 14, 14, fill=color, stroke=INK, stroke_width=0.5)
        drawing.text(x + 20, y, label, size=SMALL_SIZE)
        x += 20 + text_width(label, SMALL_SIZE) + 18
    return x


def shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with "..." when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:(") + "..."


# --- History ----------------------------------------------------------------------------------------------------

HISTORY_WIDTH, HISTORY_ROW = 720, 40


def history_timeline(events: Sequence[HistoryEvent], *, language: str = DEFAULT_LANGUAGE) -> Chart:
    """Every event as a mark on a year axis, one row a kind of event (each kind its own shape)."""
    labels = {kind: event_kind_label(kind, language) for kind in EVENT_KINDS if any(e.kind == kind for e in events)}
    left = max((text_width(label, TEXT_SIZE) for label in labels.values()), default=0) + 16
    right, top = HISTORY_WIDTH - 16, 44
    bottom = top + HISTORY_ROW * max(len(labels), 1)
    title = t("chart.history.title", language)
    drawing = _titled(HISTORY_WIDTH, bottom + 30, title)
    if events:
        first, last = events[0].year, events[-1].year
        low, high = first - 5, last + 5
        _year_axis(drawing, left, right, bottom, top, low, high, 20 if high - low > 60 else 5)
        for row, (kind, label) in enumerate(labels.items()):
            y = top + row * HISTORY_ROW + HISTORY_ROW / 2
            drawing.text(left - 12, y + 5, label, size=TEXT_SIZE, anchor="end")
            for event in (e for e in events if e.kind == kind):
                x = _scale(event.year + ((event.month or 6) - 0.5) / 12, low, high, left, right)
                drawing.marker(x, y, EVENT_KIND_SHAPES[kind], 13, TEAL)
    table = pd.DataFrame([[e.year, labels[e.kind], text_in(e.title, language)] for e in events],
                         columns=_columns(language, "year", "kind", "event"))
    return Chart(
        svg=drawing.svg(),
        title=title,
        caption=t("chart.history.caption", language),
        source_ids=_unique(s for e in events for s in e.sources),
        alt_text=(t("chart.history.alt", language, count=len(events), first=events[0].year, last=events[-1].year)
                  if events else t("chart.history.alt_none", language)),
        table=table,
    )


APPROVALS_WIDTH, APPROVALS_ROW = 720, 34


def approvals_chart(content: Content, *, language: str = DEFAULT_LANGUAGE,
                    use_ids: Sequence[str] | None = None) -> Chart:
    """Each product's US approvals by year: one row a brand; a diamond marks a type B toxin. With ``use_ids``, only
    the approvals for those uses (a consultation's concerns), and only the products that have one."""
    approvals = {p.id: [a for a in p.approvals if use_ids is None or a.use in use_ids]
                 for p in content.products.values()}
    products = [p for p in content.products.values() if approvals[p.id]]
    rows = [[p.brand, a.year, text_in(a.text, language)] for p in products for a in approvals[p.id]]
    left = max((text_width(p.brand, TEXT_SIZE) for p in products), default=0) + 16
    right, top = APPROVALS_WIDTH - 16, 40
    bottom = top + APPROVALS_ROW * max(len(products), 1)
    title = t("chart.approvals.title", language)
    drawing = _titled(APPROVALS_WIDTH, bottom + 44, title)
    years = [year for _, year, _ in rows]
    if years:
        low, high = min(years) - 1, max(years) + 1
        _year_axis(drawing, left, right, bottom, top, low, high, 5)
        drawing.text((left + right) / 2, bottom + 38, t("chart.approvals.axis", language), size=SMALL_SIZE,
                     anchor="middle", fill=MUTED)
        for row, product in enumerate(products):
            y = top + row * APPROVALS_ROW + APPROVALS_ROW / 2
            drawing.text(left - 12, y + 5, product.brand, size=TEXT_SIZE, anchor="end")
            xs = [_scale(a.year + ((a.month or 6) - 0.5) / 12, low, high, left, right)
                  for a in approvals[product.id]]
            drawing.line(min(xs), y, max(xs), y, stroke=TEAL_LIGHT, stroke_width=2)
            for x, approval in zip(xs, approvals[product.id], strict=True):
                drawing.marker(x, y, "diamond" if product.serotype == "B" else "circle", 12, TEAL)
                if use_ids is not None:  # the chosen uses' few approvals: each mark says its year
                    drawing.text(x, y - 10, str(approval.year), size=SMALL_SIZE, anchor="middle", fill=MUTED)
    return Chart(
        svg=drawing.svg(),
        title=title,
        caption=t("chart.approvals.caption", language),
        source_ids=_unique(s for p in products
                           for s in [*p.sources, *(x for a in approvals[p.id] for x in a.sources)]),
        alt_text=_approvals_alt(len(rows), len(products), min(years), language) if years
        else t("chart.approvals.alt_none", language),
        table=pd.DataFrame(rows, columns=_columns(language, "product", "year", "approved_for")),
    )


def _approvals_alt(approvals: int, products: int, first_year: int, language: str) -> str:
    """"2 approvals of 2 products since 2002.": two counts, each in its plural form."""
    return t("chart.approvals.alt", language, approvals=t("chart.approvals.approvals", language, count=approvals),
             products=t("chart.approvals.products", language, count=products), year=first_year)


STATISTICS_WIDTH, STATISTICS_HEIGHT = 720, 360
SERIES_SHAPES = ("circle", "square", "diamond")


def statistics_chart(content: Content, *, language: str = DEFAULT_LANGUAGE) -> Chart:
    """US procedure counts by year, one line a reporting society; rounded counts are hollow marks."""
    series_list = content.statistics.series
    points = [(s, p) for s in series_list for p in s.points]
    left, right, top, bottom = 56, STATISTICS_WIDTH - 16, 44 + 20 * len(series_list) + 28, STATISTICS_HEIGHT - 50
    title = t("chart.statistics.title", language)
    drawing = _titled(STATISTICS_WIDTH, STATISTICS_HEIGHT, title)
    years = [p.year for _, p in points]
    low, high = min(years) - 1, max(years) + 1
    peak = max(p.count for _, p in points) / 1e6
    top_value = max(2, -(-peak // 2) * 2)
    for value in range(0, int(top_value) + 1, 2):
        y = _scale(value, 0, top_value, bottom, top)
        drawing.line(left, y, right, y, stroke=GRID, stroke_width=1)
        drawing.text(left - 8, y + 4, str(value), size=SMALL_SIZE, anchor="end", fill=MUTED)
    drawing.text(left - 8, top - 12, t("chart.statistics.axis", language), size=SMALL_SIZE, anchor="end",
                 fill=MUTED)
    _year_axis(drawing, left, right, bottom, top, low, high, 5)
    rows = []
    for number, series in enumerate(series_list):
        name = text_in(series.name, language)
        shape = SERIES_SHAPES[number % 3]
        ordered = sorted(series.points, key=lambda p: p.year)
        xy = [(_scale(p.year, low, high, left, right), _scale(p.count / 1e6, 0, top_value, bottom, top))
              for p in ordered]
        drawing.polyline(xy, stroke=TEAL if number == 0 else SAND, stroke_width=2,
                         stroke_dasharray=None if number == 0 else "5 4")
        for (x, y), point in zip(xy, ordered, strict=True):
            color = TEAL if number == 0 else SAND
            drawing.marker(x, y, shape, 11, "white" if point.approximate else color, stroke=color)
        legend_y = 48 + 20 * number  # one line a series: the societies' names are long
        drawing.marker(6, legend_y, shape, 11, TEAL if number == 0 else SAND)
        drawing.text(18, legend_y + 4, name, size=SMALL_SIZE)
        rows += [[name, p.year, format_number(p.count, language), _yes(p.approximate, language)] for p in ordered]
    source_ids = [s for series in series_list for p in series.points for s in p.sources]
    return Chart(
        svg=drawing.svg(),
        title=title,
        caption=t("chart.statistics.caption", language),
        source_ids=_unique(source_ids),
        alt_text="; ".join(f"{name} {year}: {count}" for name, year, count, _ in rows) + ".",
        table=pd.DataFrame(rows, columns=_columns(language, "series", "year", "procedures", "rounded")),
    )


def locations_map(content: Content, *, language: str = DEFAULT_LANGUAGE) -> Chart:
    """The clinic's sites on the map tiles the clinic chose (no token needed).

    Markers only: the map library would fetch fonts from a third party to write labels on the map, and the
    location cards beside it already name each site.
    """
    locations = content.clinic.locations
    names = [text_in(loc.name, language) for loc in locations]
    title = t("chart.locations.title", language)
    figure = go.Figure(
        go.Scattermap(
            lat=[loc.latitude for loc in locations], lon=[loc.longitude for loc in locations],
            mode="markers", text=[html.escape(name) for name in names],
            marker={"size": 16, "color": TEAL}, hovertemplate="%{text}<extra></extra>",
        )
    )
    center_lat = sum(loc.latitude for loc in locations) / len(locations)
    center_lon = sum(loc.longitude for loc in locations) / len(locations)
    figure.update_layout(map={"style": content.clinic.map_tiles, "center": {"lat": center_lat, "lon": center_lon},
                              "zoom": 10.5})
    figure.update_layout(title={"text": title, "x": 0, "xanchor": "left"},
                         font={"family": svg.FONT, "size": 14, "color": INK}, height=420,
                         margin={"l": 10, "r": 10, "t": 60, "b": 10})
    precise = all(loc.coordinates_are == "street-address" for loc in locations)
    caption = t("chart.locations.caption", language)
    if not precise:
        caption += " " + t("chart.locations.town_centers", language)
    return Chart(
        figure=figure,
        title=title,
        caption=caption,
        source_ids=(),
        alt_text="; ".join(t("chart.locations.alt_site", language, site=name, town=loc.town, state=loc.state)
                           for name, loc in zip(names, locations, strict=True)) + ".",
        table=pd.DataFrame([[name, loc.town, loc.county] for name, loc in zip(names, locations, strict=True)],
                           columns=_columns(language, "site", "town", "county")),
    )


# --- The red flags, as one card ----------------------------------------------------------------------------------
CARD_WIDTH, CARD_SIZE, CARD_LINE, CARD_CHARS = 960, 26, 34, 58  # pixels, font size, line height, characters a line


def red_flags_card(content: Content, *, language: str = DEFAULT_LANGUAGE) -> Chart:
    """The red flags of safety.yaml, one line each (911 where the file says so), set off in a red-framed card, then
    whom to call otherwise: the one picture a patient should remember, large enough for a wall screen."""
    items = content.safety.red_flags
    title = t("safety.help_now", language)
    lines = [wrap_words(text_in(item.label, language) if item.label else item_text(item, language), CARD_CHARS)
             for item in items]
    contact = wrap_words(contact_text(content, language), CARD_CHARS + 8)
    height = 80 + sum(len(flag) * CARD_LINE + 14 for flag in lines) + len(contact) * 28 + 30
    drawing = Drawing(CARD_WIDTH, height, title)
    drawing.rect(3, 3, CARD_WIDTH - 6, height - 6, rx=14, fill="#FFF5F4", stroke=RED, stroke_width=6)
    drawing.text(32, 58, title, size=34, weight="bold", fill=RED)
    y = 80
    for flag in lines:
        drawing.circle(52, y + CARD_SIZE / 2 + 2, 15, fill=RED)
        drawing.text(52, y + CARD_SIZE / 2 + 11, "!", size=24, anchor="middle", weight="bold", fill="white")
        for number, line in enumerate(flag):
            drawing.text(84, y + CARD_SIZE + number * CARD_LINE, line, size=CARD_SIZE, weight="bold")
        y += len(flag) * CARD_LINE + 14
    for number, line in enumerate(contact):
        drawing.text(32, y + 30 + number * 28, line, size=22)
    labels = [" ".join(flag) for flag in lines]
    return Chart(
        svg=drawing.svg(),
        title=title,
        caption=t("chart.red_flags.caption", language),
        source_ids=_unique(s for item in items for s in item.sources),
        alt_text=f"{title}: " + "; ".join(labels) + ". " + contact_text(content, language),
        table=pd.DataFrame([[label, item_text(item, language)] for label, item in zip(labels, items, strict=True)],
                           columns=_columns(language, "sign", "what_to_do")),
    )


# --- The clinic's sites, drawn here ------------------------------------------------------------------------------
SKETCH_WIDTH, SKETCH_HEIGHT, SKETCH_MARGIN, SKETCH_LABEL = 720, 320, 50, 300  # pixels; room for the names
KM_PER_DEGREE = 111.32  # a degree of latitude, or of longitude at the equator


def _projected(locations: Sequence) -> list[tuple[float, float]]:
    """Each site as kilometres east and north of the first (flat at this scale: a few kilometres apart)."""
    first = locations[0]
    shrink = math.cos(math.radians(first.latitude))
    return [((loc.longitude - first.longitude) * KM_PER_DEGREE * shrink,
             (loc.latitude - first.latitude) * KM_PER_DEGREE) for loc in locations]


def _scale_bar_km(km_per_pixel: float) -> float:
    """A round length for the scale bar, about 120 pixels long."""
    wanted = 120 * km_per_pixel
    return next((km for km in (0.5, 1, 2, 5, 10, 20, 50, 100) if km >= wanted * 0.7), 100)


def locations_sketch(content: Content, *, language: str = DEFAULT_LANGUAGE) -> Chart:
    """The clinic's sites as numbered pins placed by their coordinates, north up, with a scale bar and each site's
    name and town beside its pin: drawn here, so no map provider learns who looks (no tiles, no fonts)."""
    locations = content.clinic.locations
    names = [text_in(loc.name, language) for loc in locations]
    title = t("chart.locations.title", language)
    drawing = _titled(SKETCH_WIDTH, SKETCH_HEIGHT, title)
    points = _projected(locations) if locations else []
    xs, ys = [x for x, _ in points], [y for _, y in points]
    span = max(max(xs, default=0) - min(xs, default=0), max(ys, default=0) - min(ys, default=0), 1.0)
    box_w, box_h = SKETCH_WIDTH - 2 * SKETCH_MARGIN - SKETCH_LABEL, SKETCH_HEIGHT - 2 * SKETCH_MARGIN - 40
    km_per_pixel = span / min(box_w, box_h)
    center_x, center_y = (min(xs, default=0) + max(xs, default=0)) / 2, (min(ys, default=0) + max(ys, default=0)) / 2
    middle_x, middle_y = SKETCH_MARGIN + box_w / 2, 40 + SKETCH_MARGIN + box_h / 2
    for number, ((x, y), name, loc) in enumerate(zip(points, names, locations, strict=True), start=1):
        px, py = middle_x + (x - center_x) / km_per_pixel, middle_y - (y - center_y) / km_per_pixel
        drawing.circle(px, py, 14, fill=TEAL, stroke="white", stroke_width=2)
        drawing.text(px, py + 6, str(number), size=16, anchor="middle", weight="bold", fill="white")
        drawing.text(px + 24, py - 2, name, size=18, weight="bold")
        drawing.text(px + 24, py + 20, f"{loc.town}, {loc.state}", size=TEXT_SIZE, fill=MUTED)
    north_x = SKETCH_WIDTH - 30
    drawing.path(f"M{north_x},44 L{north_x + 10},74 L{north_x},68 L{north_x - 10},74 Z", fill=INK)
    drawing.text(north_x, 92, t("chart.locations.north", language), size=TEXT_SIZE, anchor="middle", weight="bold")
    if len(locations) > 1:  # a scale under the title: how far apart the sites are
        bar_km = _scale_bar_km(km_per_pixel)
        bar = bar_km / km_per_pixel
        drawing.polyline([(0, 50), (0, 58), (bar, 58), (bar, 50)], stroke=INK, stroke_width=2)
        drawing.text(bar + 10, 60, t("chart.locations.scale", language, km=f"{bar_km:g}"), size=SMALL_SIZE,
                     fill=MUTED)
    precise = all(loc.coordinates_are == "street-address" for loc in locations)
    caption = t("chart.locations.sketch_caption", language)
    if not precise:
        caption += " " + t("chart.locations.town_centers", language)
    return Chart(
        svg=drawing.svg(),
        title=title,
        caption=caption,
        source_ids=(),
        alt_text="; ".join(f"{number}. " + t("chart.locations.alt_site", language, site=name, town=loc.town,
                                             state=loc.state)
                           for number, (name, loc) in enumerate(zip(names, locations, strict=True), start=1)) + ".",
        table=pd.DataFrame([[number, name, loc.town, loc.county]
                            for number, (name, loc) in enumerate(zip(names, locations, strict=True), start=1)],
                           columns=_columns(language, "number", "site", "town", "county")),
    )


def wrap_words(text: str, width: int) -> list[str]:
    """A short title broken into lines of at most ``width`` characters, at spaces."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return lines
