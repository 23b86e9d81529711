import json
import xml.etree.ElementTree as ElementTree

import pytest

from botox_explorer import charts
from botox_explorer.content import load_content
from tests.helpers import assert_matches_snapshot

SVG = "{http://www.w3.org/2000/svg}"


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


def drawing(chart: charts.Chart) -> ElementTree.Element:
    """The chart's SVG picture, parsed (it must be well-formed XML)."""
    return ElementTree.fromstring(chart.svg)


def test_every_chart_has_title_caption_alt_text_and_table(content):
    for name, chart in every_chart(content).items():
        assert chart.caption and chart.alt_text, name
        assert not chart.table.empty, name
        if chart.svg:
            assert drawing(chart).find(f"{SVG}title").text == chart.title, name
        else:
            assert chart.figure.layout.title.text == chart.title, name


@pytest.mark.parametrize("name", ["area_map", "effect_timeline", "history_timeline", "approvals_chart",
                                  "statistics_chart", "locations_map", "mechanism_diagram"])
def test_each_chart_draws_what_its_reviewed_snapshot_shows(content, name):
    """The whole picture (or the map's figure), caption, sources, alt text and table, as reviewed."""
    chart = every_chart(content)[name]
    drawn = {"title": chart.title, "caption": chart.caption, "sources": list(chart.source_ids),
             "alt_text": chart.alt_text, "table": chart.table.astype(str).to_dict(orient="split")}
    if chart.figure is not None:
        figure = json.loads(chart.figure.to_json())
        del figure["layout"]["template"]  # plotly's own default theme, not ours
        drawn["figure"] = figure
    summary = json.dumps(drawn, indent=1, sort_keys=True, ensure_ascii=False)
    assert_matches_snapshot(f"chart-{name}.json", summary)
    if chart.svg:
        assert_matches_snapshot(f"chart-{name}.svg", chart.svg.replace("><", ">\n<") + "\n")


def test_area_map_numbers_each_area_and_marks_the_chosen_ones(content):
    chart = charts.area_map(content, ("forehead",))
    labels = [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert [t for t in labels if t.isdigit()] == ["1", "2"] and "Face and neck" in labels and "Body" in labels
    circles = [c.attrib for c in drawing(chart).iter(f"{SVG}circle")]
    assert [c["fill"] for c in circles] == ["none", charts.SAND, charts.TEAL]  # ring, chosen point, other point
    assert "1. Forehead (2 uses)" in chart.alt_text and chart.alt_text.endswith("Chosen: Forehead.")
    assert list(chart.table["Selected"]) == ["yes", ""]
    unchosen = [c.attrib["fill"] for c in drawing(charts.area_map(content)).iter(f"{SVG}circle")]
    assert unchosen == [charts.TEAL, charts.TEAL]


def test_effect_timeline_draws_only_uses_with_numbers(content):
    chart = charts.effect_timeline(list(content.uses.values()), content)
    assert "Test lines" in [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert "not established in our sources for: Test bladder, Test mood." in chart.caption
    assert chart.source_ids == ("label-a",)
    assert list(chart.table["Lasts"]) == ["3-4 months"]
    assert chart.alt_text == "Test lines: starts in 2-3 days, lasts 3-4 months."
    bars = [r.attrib["fill"] for r in drawing(chart).iter(f"{SVG}rect")][4:]  # after the panel and the legend
    assert bars == [color for _, color in charts.EFFECT_BANDS]


def test_effect_timeline_bands_run_from_onset_to_wearing_off(content):
    bands = charts._effect_bands(content.uses["lines"])
    weeks = {label: (charts._weeks(start), charts._weeks(stop)) for label, (start, stop) in bands.items()}
    # onset 2-3 days, lasts 3-4 months (30.4 days a month)
    assert weeks == {"Starts working": (0.3, 0.4), "Full effect": (0.4, 13.0), "Wears off": (13.0, 17.4)}


def test_an_effect_timeline_without_timed_uses_says_so(content):
    chart = charts.effect_timeline([content.uses["mood"]], content)
    assert chart.svg is None and chart.table.empty
    assert chart.caption == "Timing is not established in our sources for: Test mood."
    assert chart.alt_text == "No timing is established for the uses shown."


def test_statistics_chart_marks_rounded_counts_hollow_and_cites(content):
    chart = charts.statistics_chart(content)
    marks = [p.attrib["fill"] for p in drawing(chart).iter(f"{SVG}circle")]
    assert marks[:2] == ["white", charts.TEAL]  # 2005 rounded, 2006 exact
    assert chart.source_ids == ("paper-b",)
    assert chart.alt_text == "Test society 2005: 3,800,000; Test society 2006: 4,000,000."


def test_history_timeline_gives_each_kind_its_own_shape(content):
    chart = charts.history_timeline(content.history)
    assert chart.alt_text == "1 events from 1989 to 1989."
    assert "Medical approval" in [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert len(list(drawing(chart).iter(f"{SVG}path"))) == 1  # a square, the medical approvals' shape
    assert charts.history_timeline(()).alt_text == "No events shown."


def test_approvals_chart_marks_type_b_products_with_a_diamond(content):
    type_b = content.products["prod-a"].model_copy(update={"id": "prod-b", "brand": "BTOX", "serotype": "B"})
    with_b = type(content)(**{**content.__dict__, "products": {**content.products, "prod-b": type_b}})
    chart = charts.approvals_chart(with_b)
    assert len(list(drawing(chart).iter(f"{SVG}circle"))) == 1 and len(list(drawing(chart).iter(f"{SVG}path"))) == 1
    assert chart.alt_text == "2 approvals of 2 products since 2002."
    assert list(chart.table["Product"]) == ["TESTOX", "BTOX"]


def test_locations_map_is_the_clinics_choice_of_tiles_without_labels(content):
    chart = charts.locations_map(content)
    assert chart.figure.layout.map.style == "open-street-map"
    assert chart.figure.data[0].mode == "markers"  # labels on the map would fetch fonts from a third party
    assert "Pins mark the town centers" in chart.caption
    assert chart.alt_text == "Test spa in Testville, California."


def test_mechanism_diagram_numbers_the_steps(content):
    chart = charts.mechanism_diagram(content.site.mechanism)
    assert chart.alt_text == "Step 1: Signal. Then: Step 2: Block. Then: Step 3: Regrow."
    assert list(chart.table["What happens"]) == ["Signal", "Block", "Regrow"]


def test_long_names_are_shortened_at_a_word():
    assert charts._shorten("Uncontrolled eyelid closing (blepharospasm)", 34) == "Uncontrolled eyelid closing..."
    assert charts._shorten("Short", 34) == "Short"


def test_hostile_content_is_escaped_in_pictures(content):
    hostile = "<b onclick=x>Brow</b> & \"quoted\""
    area = content.areas["forehead"].model_copy(update={"name": {"en": hostile}})
    use = content.uses["lines"].model_copy(update={"name": {"en": hostile}})
    tampered = type(content)(**{**content.__dict__, "areas": {**content.areas, "forehead": area},
                                "uses": {**content.uses, "lines": use}})
    for chart in (charts.area_map(tampered), charts.effect_timeline([use], tampered)):
        tree = drawing(chart)  # still well-formed
        assert not list(tree.iter(f"{SVG}b")) and "<b onclick" not in chart.svg
    assert "&lt;b onclick=x&gt;Brow&lt;/b&gt; &amp; &quot;quoted&quot;" in charts.effect_timeline([use], tampered).svg
