import json

import pytest

from botox_explorer import charts
from botox_explorer.content import load_content
from tests.helpers import assert_matches_snapshot


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def every_chart(content) -> dict[str, charts.Chart]:
    return {
        "area_map": charts.area_map(content, ("forehead",)),
        "effect_timeline": charts.effect_timeline(list(content.uses.values()), content),
        "history_timeline": charts.history_timeline(content.history),
        "approvals_chart": charts.approvals_chart(content),
        "statistics_chart": charts.statistics_chart(content),
        "locations_map": charts.locations_map(content),
        "mechanism_diagram": charts.mechanism_diagram(content.site.mechanism),
    }


def test_every_chart_has_title_caption_alt_text_and_table(content):
    for name, chart in every_chart(content).items():
        assert chart.figure.layout.title.text == chart.title, name
        assert chart.caption and chart.alt_text, name
        assert not chart.table.empty, name


@pytest.mark.parametrize("name", ["area_map", "effect_timeline", "history_timeline", "approvals_chart",
                                  "statistics_chart", "locations_map", "mechanism_diagram"])
def test_each_chart_draws_what_its_reviewed_snapshot_shows(content, name):
    """The whole figure, caption, sources, alt text and table for the test content, as reviewed."""
    chart = every_chart(content)[name]
    figure = json.loads(chart.figure.to_json())
    del figure["layout"]["template"]  # plotly's own default theme, not ours
    drawn = {
        "figure": figure,
        "title": chart.title,
        "caption": chart.caption,
        "sources": list(chart.source_ids),
        "alt_text": chart.alt_text,
        "table": chart.table.astype(str).to_dict(orient="split"),
    }
    assert_matches_snapshot(f"chart-{name}.json", json.dumps(drawn, indent=1, sort_keys=True, ensure_ascii=False))


def test_area_map_points_carry_area_ids_and_mark_the_selection(content):
    chart = charts.area_map(content, ("forehead",))
    face, body = chart.figure.data
    assert list(face.customdata) == ["forehead"] and list(body.customdata) == ["bladder"]
    assert face.marker.symbol[0] == "star" and body.marker.symbol[0] == "circle"
    assert "Forehead (2 uses)" in chart.alt_text  # lines and mood
    assert list(chart.table["Selected"]) == ["yes", ""]
    unselected = charts.area_map(content)
    assert [trace.marker.symbol[0] for trace in unselected.figure.data] == ["circle", "circle"]


def test_selection_maps_to_known_area_ids():
    event = {"selection": {"points": [{"customdata": "forehead"}, {"customdata": ["bladder"]},
                                      {"customdata": "elbow"}, {"customdata": "forehead"}, "junk",
                                      {"customdata": []}, {"customdata": 3}]}}
    assert charts.areas_from_selection(event, ["forehead", "bladder"]) == ("forehead", "bladder")
    assert charts.areas_from_selection(None, ["forehead"]) == ()
    assert charts.areas_from_selection({"selection": None}, ["forehead"]) == ()
    assert charts.areas_from_selection({"selection": {"points": None}}, ["forehead"]) == ()


def test_effect_timeline_draws_only_uses_with_numbers(content):
    chart = charts.effect_timeline(list(content.uses.values()), content)
    drawn = {bar.y[0] for bar in chart.figure.data if bar.y and bar.y[0]}
    assert drawn == {"Test lines"}
    assert "not established in our sources for: Test bladder, Test mood." in chart.caption
    assert chart.source_ids == ("label-a",)
    assert list(chart.table["Lasts"]) == ["3-4 months"]
    assert chart.alt_text == "Test lines: starts in 2-3 days, lasts 3-4 months."


def test_effect_timeline_bands_run_from_onset_to_wearing_off(content):
    chart = charts.effect_timeline([content.uses["lines"]], content)
    bands = {bar.name: (bar.base[0], round(bar.base[0] + bar.x[0], 1)) for bar in chart.figure.data if bar.x}
    # onset 2-3 days, lasts 3-4 months (30.4 days a month), in weeks
    assert bands == {"Starts working": (0.3, 0.4), "Full effect": (0.4, 13.0), "Wears off": (13.0, 17.3)}


def test_an_effect_timeline_without_timed_uses_says_so(content):
    chart = charts.effect_timeline([content.uses["mood"]], content)
    assert chart.table.empty
    assert chart.caption == "Timing is not established in our sources for: Test mood."
    assert chart.alt_text == "No timing is established for the uses shown."


def test_statistics_chart_marks_rounded_counts_and_cites(content):
    chart = charts.statistics_chart(content)
    [series] = chart.figure.data
    assert list(series.marker.symbol) == ["circle-open", "circle"]
    assert list(series.y) == [3.8, 4.0]
    assert chart.source_ids == ("paper-b",)
    assert chart.alt_text == "Test society 2005: 3,800,000; Test society 2006: 4,000,000."


def test_history_timeline_keeps_event_ids_for_selection(content):
    chart = charts.history_timeline(content.history)
    assert list(chart.figure.data[0].customdata) == ["first"]
    assert chart.alt_text == "1 events from 1989 to 1989."
    assert charts.history_timeline(()).alt_text == "No events shown."


def test_approvals_chart_marks_type_b_products_with_a_diamond(content):
    type_b = content.products["prod-a"].model_copy(update={"id": "prod-b", "brand": "BTOX", "serotype": "B"})
    with_b = type(content)(**{**content.__dict__, "products": {**content.products, "prod-b": type_b}})
    chart = charts.approvals_chart(with_b)
    [trace] = chart.figure.data
    assert list(trace.y) == ["TESTOX", None, "BTOX", None]
    assert list(trace.marker.symbol) == ["circle", "circle", "diamond", "diamond"]
    assert chart.alt_text == "2 approvals of 2 products since 2002."


def test_locations_map_says_when_pins_are_town_centers(content):
    chart = charts.locations_map(content)
    assert "Pins mark the town centers" in chart.caption
    assert chart.alt_text == "Test spa in Testville, California."


def test_mechanism_diagram_numbers_the_steps(content):
    chart = charts.mechanism_diagram(content.site.mechanism)
    assert chart.alt_text == "Step 1: Signal. Then: Step 2: Block. Then: Step 3: Regrow."
    assert list(chart.table["What happens"]) == ["Signal", "Block", "Regrow"]


def test_hostile_content_is_escaped_in_figures(content):
    hostile_area = content.areas["forehead"].model_copy(update={"name": {"en": "<b onclick=x>Brow</b>"}})
    areas = {**content.areas, "forehead": hostile_area}
    tampered = type(content)(**{**content.__dict__, "areas": areas})
    chart = charts.area_map(tampered)
    assert "<b onclick" not in str(chart.figure.data[0].text)
    assert "&lt;b onclick=x&gt;" in chart.figure.data[0].text[0]
