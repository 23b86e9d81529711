"""The charts, each with its title, caption, sources, a text alternative and a table with the same information.

Every chart but the map is an SVG picture drawn here (``svg.py``): a visitor's browser shows it without a chart
library, and the server sends the same cached string on every rerun. The map of the clinic's sites needs map
tiles, so it is a plotly figure, drawn only when the visitor asks for it.

Color never carries meaning alone: every mark also has a label, a shape or a position that says the same thing.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from . import svg
from .content import Content
from .illustrations import AREA_DRAWINGS, inner_drawing, read_drawing
from .models import DAYS_PER_UNIT, HistoryEvent, Use, text_in
from .presenting import span_text
from .svg import GREY_LIGHT, GRID, INK, MUTED, SAND, TEAL, TEAL_LIGHT, Drawing, text_width

EVENT_KIND_LABELS = {
    "discovery": "Discovery",
    "research": "Research",
    "medical-approval": "Medical approval",
    "cosmetic-approval": "Cosmetic approval",
    "new-product": "New product",
    "regulation": "Regulation",
}
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


def place_labels(areas: Sequence, numbers: dict[str, int], top: float, bottom: float) -> list[AreaLabel]:
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
            lines = tuple(_wrap(f"{numbers[area.id]}. {text_in(area.name)}", LABEL_CHARS))
            wanted = point[1] - LABEL_SIZE / 2 - 2
            floor = column[-1].top + column[-1].height + LABEL_SPACING if column else top
            column.append(AreaLabel(area.id, side, lines, max(wanted, floor), point))
        overflow = (column[-1].top + column[-1].height - bottom) if column else 0
        if overflow > 0:
            column = [AreaLabel(label.area_id, label.side, label.lines, label.top - overflow, label.point)
                      for label in column]
        labels += column
    return labels


def area_figure(content: Content, figure: str, heading: str, selected: Sequence[str]) -> str:
    """One drawing (the face or the body) with its areas as numbered points and their names beside it."""
    numbers = area_numbers(content)
    areas = [a for a in content.areas.values() if a.figure == figure]
    top = 40
    width = 2 * (LABEL_COLUMN + LABEL_GAP) + FIGURE_SIZE
    labels = place_labels(areas, numbers, top, top + FIGURE_SIZE)
    height = max([top + FIGURE_SIZE, *(label.top + label.height for label in labels)]) + 6
    drawing = Drawing(width, height, f"Where treatments are given: {heading.lower()}")
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
        drawing.text(x, y + 4, str(numbers[label.area_id]), size=SMALL_SIZE - 1, anchor="middle", weight="bold",
                     fill="white")
        text_x, text_anchor = (edge, "end") if label.side == "left" else (edge, "start")
        drawing.elements.append(f'<g class="label" data-area="{html.escape(label.area_id)}">')
        for number, line in enumerate(label.lines):
            drawing.text(text_x, label.top + LABEL_SIZE + number * LABEL_LINE, line, size=LABEL_SIZE,
                         anchor=text_anchor, weight="bold" if chosen else None)
        drawing.elements.append("</g>")
    return drawing.svg()


def area_map(content: Content, selected: Sequence[str] = ()) -> Chart:
    """The face and the body, each a drawing with its treatment areas as numbered, named points; a chosen area's
    point is larger, in another color and ringed, and its name is in bold."""
    counts = {a: sum(a in use.areas for use in content.uses.values()) for a in content.areas}
    numbers = area_numbers(content)
    names = {a.id: text_in(a.name) for a in content.areas.values()}
    panels = []
    for figure, heading in AREA_DRAWINGS:
        shown = [a for a in content.areas.values() if a.figure == figure]
        if shown:
            alt = f"{heading}: " + ", ".join(f"{numbers[a.id]}. {names[a.id]} ({counts[a.id]} uses)" for a in shown)
            chosen_here = [names[a.id] for a in shown if a.id in selected]
            alt += "." + (f" Chosen: {', '.join(chosen_here)}." if chosen_here else "")
            panels.append((area_figure(content, figure, heading, selected), alt))
    table = pd.DataFrame({"Number": list(numbers.values()), "Area": list(names.values()),
                          "Uses": [counts[a] for a in content.areas],
                          "Selected": ["yes" if a in selected else "" for a in content.areas]})
    chosen_names = [names[a] for a in content.areas if a in selected]
    return Chart(
        panels=tuple(panels),
        title="Where treatments are given",
        caption="Drawings of the face and the body. Each numbered point is a treatment area; choose areas by "
        "their names below to show only the uses for them. A chosen area's point is larger and ringed.",
        source_ids=(),
        alt_text="Treatment areas: " + ", ".join(f"{numbers[a]}. {names[a]} ({counts[a]} uses)" for a in names)
        + "." + (f" Chosen: {', '.join(chosen_names)}." if chosen_names else ""),
        table=table,
    )


# --- Effect over time -------------------------------------------------------------------------------------------

def _weeks(days: float) -> float:
    return round(days / DAYS_PER_UNIT["weeks"], 1)


EFFECT_BANDS = (("Starts working", TEAL_LIGHT), ("Full effect", TEAL), ("Wears off", GREY_LIGHT))


def _effect_bands(use: Use) -> dict[str, tuple[float, float]]:
    """Start and stop day of each band of one use's effect; a band of no length is left out."""
    onset_low, onset_high = use.timing.onset.in_days()
    end_low, end_high = use.timing.duration.in_days()
    full_from = use.timing.peak.in_days()[0] if use.timing.peak else onset_high
    bands = {"Starts working": (onset_low, onset_high), "Full effect": (full_from, end_low),
             "Wears off": (end_low, end_high)}
    return {label: (start, stop) for label, (start, stop) in bands.items() if stop > start}


EFFECT_WIDTH, EFFECT_ROW, EFFECT_LABEL_MAX = 720, 34, 34  # pixels, pixels, characters of a use's name a row


def effect_timeline(uses: Sequence[Use], content: Content) -> Chart:
    """Onset, full effect and wearing off of each use with numbers, as bands on a shared week axis."""
    timed = [u for u in uses if u.timing.onset and u.timing.duration]
    bands = {use.id: _effect_bands(use) for use in timed}
    last_week = max((_weeks(stop) for b in bands.values() for _, stop in b.values()), default=1)
    axis_end = max(4, -(-last_week // 4) * 4)
    names = [_shorten(text_in(u.name), EFFECT_LABEL_MAX) for u in timed]
    label_width = max((text_width(n, TEXT_SIZE) for n in names), default=0) + 12
    left, right, top = label_width, EFFECT_WIDTH - 10, 70
    bottom = top + EFFECT_ROW * len(timed)
    drawing = _titled(EFFECT_WIDTH, bottom + 50, "How the effect builds and wears off")
    _legend(drawing, 0, 44, EFFECT_BANDS)
    for week in range(0, int(axis_end) + 1, 4 if axis_end <= 40 else 8):
        x = _scale(week, 0, axis_end, left, right)
        drawing.line(x, top - 4, x, bottom, stroke=GRID, stroke_width=1)
        drawing.text(x, bottom + 18, str(week), size=SMALL_SIZE, anchor="middle", fill=MUTED)
    drawing.text((left + right) / 2, bottom + 38, "Weeks after the treatment", size=SMALL_SIZE, anchor="middle",
                 fill=MUTED)
    for row, (use, name) in enumerate(zip(timed, names, strict=True)):
        y = top + row * EFFECT_ROW
        drawing.text(left - 10, y + EFFECT_ROW / 2 + 5, name, size=TEXT_SIZE, anchor="end")
        for label, color in EFFECT_BANDS:
            if label in bands[use.id]:
                start, stop = bands[use.id][label]
                x0, x1 = (_scale(_weeks(day), 0, axis_end, left, right) for day in (start, stop))
                drawing.rect(x0, y + 6, max(x1 - x0, 1.5), EFFECT_ROW - 12, fill=color, stroke=INK,
                             stroke_width=0.5)
    rows = [
        {
            "Use": text_in(use.name),
            "Starts working": span_text(use.timing.onset),
            "Strongest": span_text(use.timing.peak),
            "Lasts": span_text(use.timing.duration),
            "Repeat every": span_text(use.timing.retreatment),
        }
        for use in timed
    ]
    missing = [text_in(u.name) for u in uses if u not in timed]
    table = pd.DataFrame(rows, columns=["Use", "Starts working", "Strongest", "Lasts", "Repeat every"])
    sentences = [f"{r['Use']}: starts in {r['Starts working']}, lasts {r['Lasts']}." for r in rows]
    return Chart(
        svg=drawing.svg() if timed else None,
        title="How the effect builds and wears off",
        caption=(
            "Each bar runs from the injection (week 0): when the effect starts, while it is full, and when it "
            "wears off. Times vary from person to person; they come from the labels and studies cited. "
            if timed
            else ""
        )
        + (f"Timing is not established in our sources for: {', '.join(missing)}." if missing else ""),
        source_ids=_unique(s for u in timed for s in u.sources),
        alt_text=" ".join(sentences) or "No timing is established for the uses shown.",
        table=table,
    )


def _legend(drawing: Drawing, x: float, y: float, entries: Sequence[tuple[str, str]]) -> None:
    for label, color in entries:
        drawing.rect(x, y - 11, 14, 14, fill=color, stroke=INK, stroke_width=0.5)
        drawing.text(x + 20, y, label, size=SMALL_SIZE)
        x += 20 + text_width(label, SMALL_SIZE) + 18


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word to at most ``limit`` characters, with "..." when cut."""
    if len(text) <= limit:
        return text
    return text[: limit - 3].rsplit(" ", 1)[0].rstrip(",;:(") + "..."


# --- History ----------------------------------------------------------------------------------------------------

HISTORY_WIDTH, HISTORY_ROW = 720, 40


def history_timeline(events: Sequence[HistoryEvent]) -> Chart:
    """Every event as a mark on a year axis, one row a kind of event (each kind its own shape)."""
    kinds = [kind for kind in EVENT_KIND_LABELS if any(e.kind == kind for e in events)]
    left = max((text_width(EVENT_KIND_LABELS[k], TEXT_SIZE) for k in kinds), default=0) + 16
    right, top = HISTORY_WIDTH - 16, 44
    bottom = top + HISTORY_ROW * max(len(kinds), 1)
    drawing = _titled(HISTORY_WIDTH, bottom + 30, "Two centuries of botulinum toxin")
    if events:
        first, last = events[0].year, events[-1].year
        low, high = first - 5, last + 5
        _year_axis(drawing, left, right, bottom, top, low, high, 20 if high - low > 60 else 5)
        for row, kind in enumerate(kinds):
            y = top + row * HISTORY_ROW + HISTORY_ROW / 2
            drawing.text(left - 12, y + 5, EVENT_KIND_LABELS[kind], size=TEXT_SIZE, anchor="end")
            for event in (e for e in events if e.kind == kind):
                x = _scale(event.year + ((event.month or 6) - 0.5) / 12, low, high, left, right)
                drawing.marker(x, y, EVENT_KIND_SHAPES[kind], 13, TEAL)
    table = pd.DataFrame(
        [{"Year": e.year, "Kind": EVENT_KIND_LABELS[e.kind], "Event": text_in(e.title)} for e in events],
        columns=["Year", "Kind", "Event"],
    )
    first_event, last_event = (events[0], events[-1]) if events else (None, None)
    return Chart(
        svg=drawing.svg(),
        title="Two centuries of botulinum toxin",
        caption="Each mark is a dated event, one row and one shape for each kind of event. The events are "
        "listed below, with their sources.",
        source_ids=_unique(s for e in events for s in e.sources),
        alt_text=(f"{len(events)} events from {first_event.year} to {last_event.year}." if first_event
                  else "No events shown."),
        table=table,
    )


APPROVALS_WIDTH, APPROVALS_ROW = 720, 34


def approvals_chart(content: Content) -> Chart:
    """Each product's US approvals by year: one row a brand; a diamond marks a type B toxin."""
    products = [p for p in content.products.values() if p.approvals]
    rows = [{"Product": p.brand, "Year": a.year, "Approved for": text_in(a.text)}
            for p in products for a in p.approvals]
    left = max((text_width(p.brand, TEXT_SIZE) for p in products), default=0) + 16
    right, top = APPROVALS_WIDTH - 16, 40
    bottom = top + APPROVALS_ROW * max(len(products), 1)
    drawing = _titled(APPROVALS_WIDTH, bottom + 44, "US approvals by product")
    years = [r["Year"] for r in rows]
    if years:
        low, high = min(years) - 1, max(years) + 1
        _year_axis(drawing, left, right, bottom, top, low, high, 5)
        drawing.text((left + right) / 2, bottom + 38, "Year of US approval", size=SMALL_SIZE, anchor="middle",
                     fill=MUTED)
        for row, product in enumerate(products):
            y = top + row * APPROVALS_ROW + APPROVALS_ROW / 2
            drawing.text(left - 12, y + 5, product.brand, size=TEXT_SIZE, anchor="end")
            xs = [_scale(a.year + ((a.month or 6) - 0.5) / 12, low, high, left, right) for a in product.approvals]
            drawing.line(min(xs), y, max(xs), y, stroke=TEAL_LIGHT, stroke_width=2)
            for x in xs:
                drawing.marker(x, y, "diamond" if product.serotype == "B" else "circle", 12, TEAL)
    first = min(years, default=None)
    return Chart(
        svg=drawing.svg(),
        title="US approvals by product",
        caption="Each mark is a US approval of a product for a use, placed at its date. A diamond marks a type B "
        "toxin; circles are type A.",
        source_ids=_unique(s for p in products for s in [*p.sources, *(x for a in p.approvals for x in a.sources)]),
        alt_text=f"{len(rows)} approvals of {len(products)} products since {first}." if first else "No approvals.",
        table=pd.DataFrame(rows, columns=["Product", "Year", "Approved for"]),
    )


STATISTICS_WIDTH, STATISTICS_HEIGHT = 720, 360
SERIES_SHAPES = ("circle", "square", "diamond")


def statistics_chart(content: Content) -> Chart:
    """US procedure counts by year, one line a reporting society; rounded counts are hollow marks."""
    series_list = content.statistics.series
    points = [(s, p) for s in series_list for p in s.points]
    left, right, top, bottom = 56, STATISTICS_WIDTH - 16, 44 + 20 * len(series_list) + 28, STATISTICS_HEIGHT - 50
    drawing = _titled(STATISTICS_WIDTH, STATISTICS_HEIGHT, "Botulinum toxin procedures in the US, by year")
    years = [p.year for _, p in points]
    low, high = min(years) - 1, max(years) + 1
    peak = max(p.count for _, p in points) / 1e6
    top_value = max(2, -(-peak // 2) * 2)
    for value in range(0, int(top_value) + 1, 2):
        y = _scale(value, 0, top_value, bottom, top)
        drawing.line(left, y, right, y, stroke=GRID, stroke_width=1)
        drawing.text(left - 8, y + 4, str(value), size=SMALL_SIZE, anchor="end", fill=MUTED)
    drawing.text(left - 8, top - 12, "Millions", size=SMALL_SIZE, anchor="end", fill=MUTED)
    _year_axis(drawing, left, right, bottom, top, low, high, 5)
    rows = []
    for number, series in enumerate(series_list):
        name = text_in(series.name)
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
        rows += [{"Series": name, "Year": p.year, "Procedures": f"{p.count:,}",
                  "Rounded": "yes" if p.approximate else ""} for p in ordered]
    source_ids = [s for series in series_list for p in series.points for s in p.sources]
    return Chart(
        svg=drawing.svg(),
        title="Botulinum toxin procedures in the US, by year",
        caption="Each line is one society's yearly count. Read the notes below on what is counted and why the "
        "years are not fully comparable. Hollow marks are rounded figures.",
        source_ids=_unique(source_ids),
        alt_text="; ".join(f"{r['Series']} {r['Year']}: {r['Procedures']}" for r in rows) + ".",
        table=pd.DataFrame(rows, columns=["Series", "Year", "Procedures", "Rounded"]),
    )


def locations_map(content: Content) -> Chart:
    """The clinic's sites on the map tiles the clinic chose (no token needed).

    Markers only: the map library would fetch fonts from a third party to write labels on the map, and the
    location cards beside it already name each site.
    """
    locations = content.clinic.locations
    figure = go.Figure(
        go.Scattermap(
            lat=[loc.latitude for loc in locations], lon=[loc.longitude for loc in locations],
            mode="markers", text=[html.escape(text_in(loc.name)) for loc in locations],
            marker={"size": 16, "color": TEAL}, hovertemplate="%{text}<extra></extra>",
        )
    )
    center_lat = sum(loc.latitude for loc in locations) / len(locations)
    center_lon = sum(loc.longitude for loc in locations) / len(locations)
    figure.update_layout(map={"style": content.clinic.map_tiles, "center": {"lat": center_lat, "lon": center_lon},
                              "zoom": 10.5})
    figure.update_layout(title={"text": "Where the clinic is", "x": 0, "xanchor": "left"},
                         font={"family": svg.FONT, "size": 14, "color": INK}, height=420,
                         margin={"l": 10, "r": 10, "t": 60, "b": 10})
    precise = all(loc.coordinates_are == "street-address" for loc in locations)
    return Chart(
        figure=figure,
        title="Where the clinic is",
        caption="The clinic's sites in San Diego County. "
        + ("" if precise else "Pins mark the town centers, not street addresses."),
        source_ids=(),
        alt_text="; ".join(f"{text_in(loc.name)} in {loc.town}, {loc.state}" for loc in locations) + ".",
        table=pd.DataFrame([{"Site": text_in(loc.name), "Town": loc.town, "County": loc.county}
                            for loc in locations]),
    )


def _wrap(text: str, width: int) -> list[str]:
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
