"""A use's decision aids as views: the fact box with its arrays, the options, and the worksheet kept in the
session (and only there) from one place on the screen to another."""

from streamlit.testing.v1 import AppTest

from .helpers import shown


def boxes(use_id):
    from botox_explorer.ui import decision_view
    from botox_explorer.ui.content_cache import content

    decision_view.fact_boxes_block(content().uses[use_id], content())


def options(use_id):
    from botox_explorer.ui import decision_view
    from botox_explorer.ui.content_cache import content

    decision_view.options_block(content().uses[use_id], content())


def two_worksheets():
    import streamlit as st

    from botox_explorer.ui import decision_view
    from botox_explorer.ui.content_cache import content

    decision_view.worksheet(content(), st.session_state.get("place", "first"), content().uses["lines"])
    st.text(repr(decision_view.current_worksheet()))


def test_a_fact_box_shows_its_title_its_context_its_two_arrays_and_its_table(minimal_content):
    seen = shown(AppTest.from_function(boxes, args=("lines",)).run())
    assert seen[0] == ("subheader", "TESTOX\\: benefits and harms in numbers")
    assert "400 people got TESTOX and 130 got placebo\\." in seen[1][1]
    pictures = [text for kind, text in seen if kind == "markdown" and text.startswith("![")]
    assert len(pictures) == 2 and "80 of 100 are filled" in pictures[0] and "2\\.6 of 100" in pictures[1]
    assert ("expander", "Show the same information as a table") in seen
    assert any("\\(a\\) Counted in 900 people given TESTOX and 300 given placebo" in str(text) for _, text in seen)


def test_a_use_without_a_fact_box_shows_its_evidence_in_words_and_no_number(minimal_content):
    seen = shown(AppTest.from_function(boxes, args=("bladder-test",)).run())
    assert seen[0] == ("subheader", "No trial numbers to show")
    assert "Test evidence\\." in seen[1][1]
    assert not any("out of 100" in str(text) for _, text in seen)


def test_the_options_name_each_alternative_with_its_status_and_doing_nothing(minimal_content):
    seen = shown(AppTest.from_function(options, args=("lines",)).run())
    assert seen[0] == ("subheader", "Your choices")
    text = "\n".join(str(t) for _, t in seen)
    assert "**Sun care.** Protects skin\\. *Status:* Over the counter\\." in text
    assert "**If you do nothing:** Lines stay\\." in text
    assert "**If you stop, or when it wears off:** Lines return" in text
    assert "These options are listed, not recommended." in text


def test_the_worksheet_keeps_its_choices_in_the_session_and_follows_the_visitor(minimal_content):
    app = AppTest.from_function(two_worksheets).run()
    app.button_group(key="first-matters").set_value(["needles"]).run()
    app.button_group(key="first-sure").set_value(["s"]).run()
    app.button_group(key="first-leaning").set_value("later").run()
    assert app.text[0].value == "Worksheet(matters=('needles',), leaning='later', sure_no=('s',))"
    app.session_state["place"] = "second"  # the same worksheet drawn somewhere else starts from the choices
    app.run()
    assert app.button_group(key="second-matters").value == ["needles"]
    assert app.button_group(key="second-leaning").value == "later"
    assert app.button_group(key="second-sure").value == ["s"]
    assert dict(app.query_params) == {}
