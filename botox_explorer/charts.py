"""Plotly figures, each with its title, caption, sources and a text alternative.

Color never carries meaning alone: every mark also has a label, a symbol or a
position that says the same thing.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from .content import Content
from .models import DAYS_PER_UNIT, HistoryEvent, SourcedText, Use, text_in
from .presenting import span_text

FONT = {"family": "Source Sans Pro, sans-serif", "size": 14, "color": "#1B2A2F"}
TEAL, SAND, SLATE = "#1F6F78", "#C98B4B", "#5B6770"
EVENT_KIND_LABELS = {
    "discovery": "Discovery",
    "research": "Research",
    "medical-approval": "Medical approval",
    "cosmetic-approval": "Cosmetic approval",
    "new-product": "New product",
    "regulation": "Regulation",
}
EVENT_KIND_SYMBOLS = {
    "discovery": "star", "research": "circle", "medical-approval": "square",
    "cosmetic-approval": "diamond", "new-product": "triangle-up", "regulation": "x",
}


@dataclass(frozen=True)
class Chart:
    """A figure and everything a reader needs around it."""

    figure: go.Figure
    title: str
    caption: str
    source_ids: tuple[str, ...]
    alt_text: str
    table: pd.DataFrame


def _layout(figure: go.Figure, title: str, height: int) -> go.Figure:
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        font=FONT,
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font_size": 14},
    )
    return figure


def _label(text: dict[str, str]) -> str:
    """Content text for a place where plotly reads HTML-like markup: escaped."""
    return html.escape(text_in(text))


def _unique(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


# --- Treatment-area map -------------------------------------------------------------------------

FACE_OUTLINE = [
    {"type": "circle", "x0": 18, "x1": 82, "y0": 14, "y1": 98},  # head
    {"type": "circle", "x0": 28, "x1": 44, "y0": 58, "y1": 68},  # left eye
    {"type": "circle", "x0": 56, "x1": 72, "y0": 58, "y1": 68},  # right eye
    {"type": "line", "x0": 50, "x1": 46, "y0": 60, "y1": 46},  # nose
    {"type": "line", "x0": 38, "x1": 62, "y0": 32, "y1": 32},  # mouth
    {"type": "rect", "x0": 40, "x1": 60, "y0": 0, "y1": 14},  # neck
]
BODY_OUTLINE = [
    {"type": "circle", "x0": 42, "x1": 58, "y0": 88, "y1": 100},  # head
    {"type": "rect", "x0": 36, "x1": 64, "y0": 40, "y1": 80},  # trunk
    {"type": "line", "x0": 36, "x1": 16, "y0": 78, "y1": 40},  # left arm
    {"type": "line", "x0": 64, "x1": 84, "y0": 78, "y1": 40},  # right arm
    {"type": "line", "x0": 42, "x1": 40, "y0": 40, "y1": 2},  # left leg
    {"type": "line", "x0": 58, "x1": 60, "y0": 40, "y1": 2},  # right leg
]


def area_map(content: Content, selected: Sequence[str] = ()) -> Chart:
    """A schematic face and body; each area is a clickable point carrying its id and its count of uses."""
    counts = {a: sum(a in use.areas for use in content.uses.values()) for a in content.areas}
    figure = make_subplots(rows=2, cols=1, subplot_titles=("Face and neck", "Body"), vertical_spacing=0.08)
    for row, figure_name, outline in ((1, "face", FACE_OUTLINE), (2, "body", BODY_OUTLINE)):
        areas = [a for a in content.areas.values() if a.figure == figure_name]
        for shape in outline:
            figure.add_shape(**shape, line={"color": "#9AA5AB", "width": 2}, row=row, col=1)
        chosen = [a.id in selected for a in areas]
        figure.add_trace(
            go.Scatter(
                x=[a.x for a in areas],
                y=[a.y for a in areas],
                mode="markers+text",
                text=[_label(a.name) for a in areas],
                textposition=["middle left" if a.x < 45 else "middle right" for a in areas],
                textfont={"size": 12},
                cliponaxis=False,
                customdata=[a.id for a in areas],
                hovertemplate="%{text}: %{hovertext}<extra></extra>",
                hovertext=[f"{counts.get(a.id, 0)} uses" for a in areas],
                marker={
                    "size": [20 if c else 14 for c in chosen],
                    "color": [SAND if c else TEAL for c in chosen],
                    "symbol": ["star" if c else "circle" for c in chosen],
                    "line": {"color": "white", "width": 2},
                },
                name=figure_name,
                showlegend=False,
            ),
            row=row,
            col=1,
        )
    figure.update_xaxes(range=[-60, 140], visible=False, fixedrange=True)
    figure.update_yaxes(range=[-4, 104], visible=False, fixedrange=True)
    _layout(figure, "Where treatments are given", 760)
    figure.update_layout(clickmode="event+select", dragmode=False)
    names = [text_in(a.name) for a in content.areas.values()]
    table = pd.DataFrame(
        {"Area": names, "Uses": [counts.get(a, 0) for a in content.areas], "Selected": [
            "yes" if a in selected else "" for a in content.areas]}
    )
    return Chart(
        figure=figure,
        title="Where treatments are given",
        caption="A simple drawing of the face and body. Each dot is a treatment area; "
        "select one to show only the uses for that area. A star marks a selected area.",
        source_ids=(),
        alt_text="Treatment areas: "
        + ", ".join(f"{n} ({c} uses)" for n, c in zip(names, table["Uses"], strict=True))
        + ".",
        table=table,
    )


def areas_from_selection(selection: dict | None, area_ids: Iterable[str]) -> tuple[str, ...]:
    """The area ids picked in a plotly selection event; anything unknown is ignored."""
    known = set(area_ids)
    points = ((selection or {}).get("selection") or {}).get("points") or []
    picked = []
    for point in points:
        area = point.get("customdata") if isinstance(point, dict) else None
        if isinstance(area, list | tuple):
            area = area[0] if area else None
        if isinstance(area, str) and area in known and area not in picked:
            picked.append(area)
    return tuple(picked)


# --- Effect over time -------------------------------------------------------------------------

def _weeks(days: float) -> float:
    return round(days / DAYS_PER_UNIT["weeks"], 1)


EFFECT_BANDS = (("Starts working", "#A8D5D0"), ("Full effect", TEAL), ("Wears off", "#D9D9D9"))


def _effect_bands(use: Use) -> dict[str, tuple[float, float]]:
    """Start and stop day of each band of one use's effect; a band of no length is left out."""
    onset_low, onset_high = use.timing.onset.in_days()
    end_low, end_high = use.timing.duration.in_days()
    full_from = use.timing.peak.in_days()[0] if use.timing.peak else onset_high
    bands = {"Starts working": (onset_low, onset_high), "Full effect": (full_from, end_low),
             "Wears off": (end_low, end_high)}
    return {label: (start, stop) for label, (start, stop) in bands.items() if stop > start}


def effect_timeline(uses: Sequence[Use], content: Content) -> Chart:
    """Onset, peak and wear-off of each use with numbers, as bands on a shared week axis.

    One bar trace a band (not a use), so the browser draws three traces however many uses are shown.
    """
    timed = [u for u in uses if u.timing.onset and u.timing.duration]
    figure = go.Figure()
    bands = {use.id: _effect_bands(use) for use in timed}
    for label, color in EFFECT_BANDS:
        drawn = [(text_in(u.name), bands[u.id][label]) for u in reversed(timed) if label in bands[u.id]]
        figure.add_trace(
            go.Bar(
                y=[html.escape(name) for name, _ in drawn],
                x=[_weeks(stop - start) for _, (start, stop) in drawn],
                base=[_weeks(start) for _, (start, _stop) in drawn],
                orientation="h", name=label,
                marker={"color": color, "line": {"color": "#1B2A2F", "width": 0.5}},
                text=[label if stop - start > 20 else "" for _, (start, stop) in drawn],
                textposition="inside", insidetextanchor="middle",
                hovertext=[f"{html.escape(name)}<br>{label}: from week {_weeks(start)} to week {_weeks(stop)}"
                           for name, (start, stop) in drawn],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
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
    figure.update_layout(barmode="overlay", legend={"orientation": "h", "y": -0.2})
    figure.update_xaxes(title="Weeks after the treatment", rangemode="tozero", gridcolor="#E5E9EB")
    _layout(figure, "How the effect builds and wears off", 140 + 48 * max(len(timed), 1))
    missing = [text_in(u.name) for u in uses if u not in timed]
    table = pd.DataFrame(rows, columns=["Use", "Starts working", "Strongest", "Lasts", "Repeat every"])
    sentences = [f"{r['Use']}: starts in {r['Starts working']}, lasts {r['Lasts']}." for r in rows]
    return Chart(
        figure=figure,
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


# --- History ----------------------------------------------------------------------------------

def history_timeline(events: Sequence[HistoryEvent]) -> Chart:
    """Every event as a marker on a year axis, one row a kind of event."""
    figure = go.Figure()
    for kind, label in EVENT_KIND_LABELS.items():
        chosen = [e for e in events if e.kind == kind]
        if not chosen:
            continue
        figure.add_trace(
            go.Scatter(
                x=[e.year + ((e.month or 6) - 0.5) / 12 for e in chosen],
                y=[label] * len(chosen),
                mode="markers",
                marker={"size": 14, "symbol": EVENT_KIND_SYMBOLS[kind], "color": TEAL,
                        "line": {"color": "white", "width": 1}},
                customdata=[e.id for e in chosen],
                hovertext=[f"{e.year}: {_label(e.title)}" for e in chosen],
                hovertemplate="%{hovertext}<extra></extra>",
                name=label,
            )
        )
    figure.update_xaxes(title="Year", gridcolor="#E5E9EB", dtick=20)
    figure.update_layout(showlegend=False, clickmode="event+select")
    _layout(figure, "Two centuries of botulinum toxin", 380)
    table = pd.DataFrame(
        [{"Year": e.year, "Kind": EVENT_KIND_LABELS[e.kind], "Event": text_in(e.title)} for e in events],
        columns=["Year", "Kind", "Event"],
    )
    first, last = (events[0], events[-1]) if events else (None, None)
    return Chart(
        figure=figure,
        title="Two centuries of botulinum toxin",
        caption="Each mark is a dated event, one row for each kind of event. "
        "Hover or select a mark for its details and sources below.",
        source_ids=_unique(s for e in events for s in e.sources),
        alt_text=(f"{len(events)} events from {first.year} to {last.year}." if first else "No events shown."),
        table=table,
    )


def approvals_chart(content: Content) -> Chart:
    """Each product's US approvals by year: one row a brand."""
    products = [p for p in content.products.values() if p.approvals]
    rows = [
        {"Product": p.brand, "Year": a.year, "Approved for": text_in(a.text), "Type": p.serotype}
        for p in products
        for a in p.approvals
    ]
    # One trace for all products (a gap between them), so the browser draws one however many brands there are.
    x, y, hover, symbols = [], [], [], []
    for product in products:
        product_rows = [r for r in rows if r["Product"] == product.brand]
        x += [r["Year"] for r in product_rows] + [None]
        y += [html.escape(product.brand)] * len(product_rows) + [None]
        hover += [html.escape(f"{r['Product']}, {r['Year']}: {r['Approved for']}") for r in product_rows] + [""]
        symbols += ["diamond" if product.serotype == "B" else "circle"] * (len(product_rows) + 1)
    figure = go.Figure(
        go.Scatter(
            x=x, y=y, mode="markers+lines", connectgaps=False, hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>", showlegend=False, line={"color": "#A8D5D0"},
            marker={"size": 12, "symbol": symbols, "color": TEAL},
        )
    )
    rows = [{key: value for key, value in row.items() if key != "Type"} for row in rows]
    figure.update_xaxes(title="Year of US approval", gridcolor="#E5E9EB", dtick=5)
    figure.update_yaxes(autorange="reversed")
    _layout(figure, "US approvals by product", 120 + 40 * max(len(products), 1))
    first = min((r["Year"] for r in rows), default=None)
    return Chart(
        figure=figure,
        title="US approvals by product",
        caption="Each mark is a US approval of a product for a use, on the year it was given. "
        "A diamond marks a type B toxin; circles are type A.",
        source_ids=_unique(s for p in products for s in p.sources),
        alt_text=f"{len(rows)} approvals of {len(products)} products since {first}." if first else "No approvals.",
        table=pd.DataFrame(rows, columns=["Product", "Year", "Approved for"]),
    )


def statistics_chart(content: Content) -> Chart:
    """US procedure counts by year, one line a reporting society; rounded counts are hollow."""
    figure = go.Figure()
    rows = []
    symbols = ("circle", "square", "diamond")
    for number, series in enumerate(content.statistics.series):
        name = text_in(series.name)
        points = sorted(series.points, key=lambda p: p.year)
        figure.add_trace(
            go.Scatter(
                x=[p.year for p in points], y=[p.count / 1e6 for p in points], mode="markers+lines",
                name=html.escape(name), hovertext=[f"{html.escape(name)}<br>{p.year}: {p.count:,}" for p in points],
                marker={"size": 10, "symbol": [symbols[number % 3] + ("-open" if p.approximate else "")
                                                for p in points]},
                line={"dash": "dot" if number else "solid"},
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
        rows += [{"Series": name, "Year": p.year, "Procedures": f"{p.count:,}",
                  "Rounded": "yes" if p.approximate else ""} for p in points]
    figure.update_yaxes(title="Procedures (millions)", rangemode="tozero", gridcolor="#E5E9EB")
    figure.update_xaxes(title="Year", gridcolor="#E5E9EB")
    figure.update_layout(legend={"orientation": "h", "y": -0.25})
    _layout(figure, "Botulinum toxin procedures in the US, by year", 420)
    source_ids = [s for series in content.statistics.series for p in series.points for s in p.sources]
    return Chart(
        figure=figure,
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
            mode="markers", text=[_label(loc.name) for loc in locations],
            marker={"size": 16, "color": TEAL}, hovertemplate="%{text}<extra></extra>",
        )
    )
    center_lat = sum(loc.latitude for loc in locations) / len(locations)
    center_lon = sum(loc.longitude for loc in locations) / len(locations)
    figure.update_layout(map={"style": content.clinic.map_tiles, "center": {"lat": center_lat, "lon": center_lon},
                              "zoom": 10.5})
    _layout(figure, "Where the clinic is", 420)
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


def mechanism_diagram(steps: Sequence[SourcedText]) -> Chart:
    """The mechanism as numbered boxes joined by arrows, left to right (stacked on a phone by wrapping)."""
    figure = go.Figure()
    titles = [text_in(step.title) or f"Step {n}" for n, step in enumerate(steps, start=1)]
    for number, title in enumerate(titles):
        left = number * 22
        figure.add_shape(type="rect", x0=left, x1=left + 18, y0=8, y1=92, fillcolor="#EEF4F3",
                         line={"color": TEAL, "width": 2})
        figure.add_annotation(x=left + 9, y=50, text=f"<b>{number + 1}</b><br>{_wrap(title, 12)}",
                              showarrow=False, font={"size": 12})
        if number:
            figure.add_annotation(x=left, y=50, ax=left - 4, ay=50, xref="x", yref="y", axref="x", ayref="y",
                                  showarrow=True, arrowhead=2, arrowwidth=2, arrowcolor=SLATE, text="")
    figure.update_xaxes(visible=False, range=[-2, 22 * len(titles)], fixedrange=True)
    figure.update_yaxes(visible=False, range=[0, 100], fixedrange=True)
    _layout(figure, "From nerve signal to a softer muscle, step by step", 260)
    table = pd.DataFrame({"Step": range(1, len(titles) + 1), "What happens": titles})
    return Chart(
        figure=figure,
        title="From nerve signal to a softer muscle, step by step",
        caption="Read the boxes left to right; each step is explained below with its sources.",
        source_ids=_unique(s for step in steps for s in step.sources),
        alt_text=" Then: ".join(f"Step {n}: {t}." for n, t in enumerate(titles, start=1)),
        table=table,
    )


def _wrap(text: str, width: int) -> str:
    """Break a short title into lines for a box (plotly annotations do not wrap by themselves)."""
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(html.escape(part) for part in lines)
