"""A chart on a page: its picture, caption, the same information as a table, and its sources."""

import re

from streamlit.testing.v1 import AppTest

from .helpers import shown

PICTURE = re.compile(r"!\[(?P<alt>.*)\]\(data:image/svg\+xml;base64,[A-Za-z0-9+/=]+\)")
LABEL = "[Test label](https://example.org/label) (Test maker, 2020)"


def effect(use_ids):
    from botox_explorer.ui.chart_view import effect_chart
    from botox_explorer.ui.content_cache import content

    effect_chart(content(), use_ids)


def drawing(illustration_id):
    from botox_explorer.ui.chart_view import illustration
    from botox_explorer.ui.content_cache import content

    illustration(content(), illustration_id)


def test_the_effect_chart_is_a_picture_its_caption_a_table_and_its_sources(minimal_content):
    [picture, *rest] = shown(AppTest.from_function(effect, args=(["lines", "mood"],)).run())
    assert PICTURE.fullmatch(picture[1])["alt"] == "Test lines\\: starts working 2\\-3 days; lasts 3\\-4 months\\."
    assert rest == [
        ("caption", "Each bar runs from the injection \\(week 0\\) and shows only what the labels and studies cited "
                    "say\\: when the effect starts, when it is at its fullest, how long it works and when it wears "
                    "off\\. Times vary from person to person\\. Our sources give no timing for\\: Test mood\\."),
        ("expander", "Show the same information as a table"),
        ("markdown", "| Use | Starts working | Strongest | Lasts | Repeat every |\n| --- | --- | --- | --- | --- |\n"
                     "| Test lines | 2\\-3 days | — | 3\\-4 months | — |"),
        ("popover", "Sources (1)"),
        ("markdown", f"**Sources**\n\n1. {LABEL}"),
    ]


def test_the_effect_chart_of_uses_without_timing_is_only_its_caption(minimal_content):
    assert shown(AppTest.from_function(effect, args=(["mood", "bladder-test"],)).run()) == [
        ("markdown", "Our sources give no timing for\\: Test mood, Test bladder\\."),
    ]


def test_a_drawing_shows_with_its_text_alternative_and_a_caption_with_its_sources(minimal_content):
    [(kind, text), *rest] = shown(AppTest.from_function(drawing, args=("mechanism-signal",)).run())
    picture, caption = text.split("\n\n")
    assert (kind, PICTURE.fullmatch(picture)["alt"], caption) == (
        "markdown", "Test drawing mechanism\\-signal\\.", "Test caption\\.")
    assert rest == [("popover", "Sources (1)"),
                    ("markdown", "**Sources**\n\n1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)")]
    [(_, alone)] = shown(AppTest.from_function(drawing, args=("face",)).run())
    assert PICTURE.fullmatch(alone)["alt"] == "Test drawing face\\."
