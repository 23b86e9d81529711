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
from .models import DAYS_PER_UNIT, HistoryEvent, SourcedText, Use, text_in
from .presenting import span_text
from .svg import GREY_LIGHT, GRID, INK, MUTED, RULE, SAND, TEAL, TEAL_LIGHT, Drawing, text_width

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
# The project's own drawings, in the 0-100 coordinates of areas.yaml (x to the right, y upward).
FACE_PATHS = (
    # head, from the chin round the jaw angles, cheeks and crown
    "M50,17 C40,17 30,21 24,29 C19,36 17,47 17,60 C17,82 31,98 50,98 C69,98 83,82 83,60 C83,47 81,36 76,29 "
    "C70,21 60,17 50,17 Z",
    "M17,62 C13,62 12,54 16,51 M83,62 C87,62 88,54 84,51",  # ears
    "M27,70 C32,73 40,73 45,70 M55,70 C60,73 68,73 73,70",  # eyebrows
    "M28,62 C32,66 40,66 44,62 C40,59 32,59 28,62 Z M56,62 C60,66 68,66 72,62 C68,59 60,59 56,62 Z",  # eyes
    "M50,62 L47,45 C49,43 51,43 53,45",  # nose
    "M40,34 C45,37 55,37 60,34 C55,30 45,30 40,34",  # lips
    "M40,19 L38,0 M60,19 L62,0",  # neck
)
BODY_PATHS = (
    "M50,100 C45,100 43,96 43,93 C43,89 46,87 50,87 C54,87 57,89 57,93 C57,96 55,100 50,100 Z",  # head
    "M46,87 L46,82 M54,87 L54,82",  # neck
    # shoulders, torso and hips
    "M46,82 L34,80 C31,79 30,76 30,72 L31,52 L33,42 L67,42 L69,52 L70,72 C70,76 69,79 66,80 L54,82",
    "M30,74 L20,56 L14,40 M70,74 L80,56 L86,40",  # arms
    "M36,42 L38,22 L38,3 M49,40 L47,22 L44,3 M51,40 L53,22 L56,3 M64,42 L62,22 L62,3",  # legs
    "M38,3 L44,3 M56,3 L62,3",  # feet
)
FIGURE_PX = 2.6  # pixels a unit of the 0-100 drawing coordinates
MARKER_RADIUS = 11


def area_numbers(content: Content) -> dict[str, int]:
    """Each area's number on the drawing and in its list: 1, 2, ... in the order of areas.yaml."""
    return {area_id: number for number, area_id in enumerate(content.areas, start=1)}


def area_map(content: Content, selected: Sequence[str] = ()) -> Chart:
    """The face and the body, drawn side by side, with each treatment area as a numbered point; a chosen area's
    point is larger, in another color and ringed twice."""
    counts = {a: sum(a in use.areas for use in content.uses.values()) for a in content.areas}
    numbers = area_numbers(content)
    size = 100 * FIGURE_PX
    drawing = _titled(2 * size + 40, size + 60, "Where treatments are given")
    for column, (figure_name, label, paths) in enumerate((("face", "Face and neck", FACE_PATHS),
                                                          ("body", "Body", BODY_PATHS))):
        left, top = column * (size + 40), 40
        drawing.text(left + size / 2, top + 4, label, size=TEXT_SIZE, anchor="middle", fill=MUTED)
        transform = f"translate({left},{top + 10 + size}) scale({FIGURE_PX},{-FIGURE_PX})"
        drawing.elements.append(f'<g transform="{transform}" fill="none" stroke="{RULE}" stroke-width="0.9" '
                                f'stroke-linecap="round" stroke-linejoin="round">')
        for d in paths:
            drawing.path(d)
        drawing.elements.append("</g>")
        for area in (a for a in content.areas.values() if a.figure == figure_name):
            x, y = left + area.x * FIGURE_PX, top + 10 + (100 - area.y) * FIGURE_PX
            chosen = area.id in selected
            if chosen:
                drawing.circle(x, y, MARKER_RADIUS + 5, fill="none", stroke=SAND, stroke_width=2)
            drawing.circle(x, y, MARKER_RADIUS + (2 if chosen else 0), fill=SAND if chosen else TEAL,
                           stroke="white", stroke_width=2)
            drawing.text(x, y + 4.5, str(numbers[area.id]), size=SMALL_SIZE, anchor="middle", weight="bold",
                         fill="white")
    names = [text_in(a.name) for a in content.areas.values()]
    table = pd.DataFrame({"Number": list(numbers.values()), "Area": names,
                          "Uses": [counts[a] for a in content.areas],
                          "Selected": ["yes" if a in selected else "" for a in content.areas]})
    chosen_names = [text_in(content.areas[a].name) for a in content.areas if a in selected]
    return Chart(
        svg=drawing.svg(),
        title="Where treatments are given",
        caption="A drawing of the face and the body. Each numbered point is a treatment area; choose areas by "
        "their numbers below to show only the uses for them. A chosen area's point is larger and ringed.",
        source_ids=(),
        alt_text="Treatment areas: " + ", ".join(f"{n}. {name} ({c} uses)" for n, name, c in zip(
            numbers.values(), names, table["Uses"], strict=True)) + "."
        + (f" Chosen: {', '.join(chosen_names)}." if chosen_names else ""),
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


MECHANISM_BOX, MECHANISM_GAP, MECHANISM_HEIGHT = 150, 34, 150


def mechanism_diagram(steps: Sequence[SourcedText]) -> Chart:
    """The mechanism as numbered boxes joined by arrows, left to right."""
    titles = [text_in(step.title) or f"Step {n}" for n, step in enumerate(steps, start=1)]
    width = len(titles) * MECHANISM_BOX + (len(titles) - 1) * MECHANISM_GAP
    drawing = _titled(width, MECHANISM_HEIGHT + 40, "From nerve signal to a softer muscle, step by step")
    for number, title in enumerate(titles):
        left = number * (MECHANISM_BOX + MECHANISM_GAP)
        drawing.rect(left, 40, MECHANISM_BOX, MECHANISM_HEIGHT, rx=10, fill="#EEF4F3", stroke=TEAL, stroke_width=2)
        drawing.text(left + MECHANISM_BOX / 2, 68, str(number + 1), size=TITLE_SIZE, anchor="middle", weight="bold",
                     fill=TEAL)
        for line_number, line in enumerate(_wrap(title, 17)):
            drawing.text(left + MECHANISM_BOX / 2, 96 + line_number * 19, line, size=TEXT_SIZE, anchor="middle")
        if number:
            x = left - MECHANISM_GAP
            drawing.line(x + 4, 40 + MECHANISM_HEIGHT / 2, left - 8, 40 + MECHANISM_HEIGHT / 2, stroke=MUTED,
                         stroke_width=2)
            drawing.path(f"M{left - 4},{40 + MECHANISM_HEIGHT / 2} l-9,-6 l0,12 Z", fill=MUTED)
    table = pd.DataFrame({"Step": range(1, len(titles) + 1), "What happens": titles})
    return Chart(
        svg=drawing.svg(),
        title="From nerve signal to a softer muscle, step by step",
        caption="Read the boxes left to right; each step is explained below with its sources.",
        source_ids=_unique(s for step in steps for s in step.sources),
        alt_text=" Then: ".join(f"Step {n}: {t}." for n, t in enumerate(titles, start=1)),
        table=table,
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
