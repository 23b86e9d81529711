import pytest

from botox_explorer import charts
from botox_explorer.content import load_content


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def test_every_chart_has_title_caption_alt_text_and_table(content):
    built = [
        charts.area_map(content, ("forehead",)),
        charts.effect_timeline(list(content.uses.values()), content),
        charts.history_timeline(content.history),
        charts.approvals_chart(content),
        charts.statistics_chart(content),
        charts.locations_map(content),
        charts.mechanism_diagram(content.site.mechanism),
    ]
    for chart in built:
        assert chart.figure.layout.title.text == chart.title
        assert chart.caption and chart.alt_text
        assert not chart.table.empty


def test_area_map_points_carry_area_ids_and_mark_the_selection(content):
    chart = charts.area_map(content, ("forehead",))
    face, body = chart.figure.data
    assert list(face.customdata) == ["forehead"] and list(body.customdata) == ["bladder"]
    assert face.marker.symbol[0] == "star" and body.marker.symbol[0] == "circle"
    assert "Forehead (2 uses)" in chart.alt_text  # lines and mood


def test_selection_maps_to_known_area_ids():
    event = {"selection": {"points": [{"customdata": "forehead"}, {"customdata": ["bladder"]},
                                      {"customdata": "elbow"}, {"customdata": "forehead"}, "junk"]}}
    assert charts.areas_from_selection(event, ["forehead", "bladder"]) == ("forehead", "bladder")
    assert charts.areas_from_selection(None, ["forehead"]) == ()
    assert charts.areas_from_selection({"selection": None}, ["forehead"]) == ()


def test_effect_timeline_draws_only_uses_with_numbers(content):
    chart = charts.effect_timeline(list(content.uses.values()), content)
    drawn = {bar.y[0] for bar in chart.figure.data if bar.y and bar.y[0]}
    assert drawn == {"Test lines"}
    assert "not established in our sources for: Test bladder, Test mood." in chart.caption
    assert chart.source_ids == ("label-a",)
    assert list(chart.table["Lasts"]) == ["3-4 months"]


def test_statistics_chart_marks_rounded_counts_and_cites(content):
    chart = charts.statistics_chart(content)
    [series] = chart.figure.data
    assert list(series.marker.symbol) == ["circle-open", "circle"]
    assert chart.source_ids == ("paper-b",)


def test_history_timeline_keeps_event_ids_for_selection(content):
    chart = charts.history_timeline(content.history)
    assert list(chart.figure.data[0].customdata) == ["first"]
    assert chart.alt_text == "1 events from 1989 to 1989."


def test_hostile_content_is_escaped_in_figures(content):
    hostile_area = content.areas["forehead"].model_copy(update={"name": {"en": "<b onclick=x>Brow</b>"}})
    areas = {**content.areas, "forehead": hostile_area}
    tampered = type(content)(**{**content.__dict__, "areas": areas})
    chart = charts.area_map(tampered)
    assert "<b onclick" not in str(chart.figure.data[0].text)
    assert "&lt;b onclick=x&gt;" in chart.figure.data[0].text[0]
