"""The consultation's steps as the presenter shows them: each planned picture with its text alternative and its
table, and no "no timing" beside a recorded timing."""

import re

from botox_explorer.consultation import Consultation, agenda, chosen_uses, consultation_params
from botox_explorer.i18n import t

from .helpers import CHART_IMAGE, open_page, texts

TOPICS = ("crows-feet", "chronic-migraine")  # a cosmetic use timed by its peak and duration, a medical one by its
# retreatment interval only
AS_TABLE = t("views.as_table", "en")
UNTIMED = t("chart.effect.untimed", "en", uses="|").split("|")[0]


def presented(step: int, uses=TOPICS, language: str = "en"):
    """The presenter on ``step`` (from 0) of the consultation on ``uses``, opened by its address."""
    query = consultation_params(Consultation(uses=uses, presenting=True, step=step))
    if language != "en":
        query["lang"] = language
    return open_page("consultation", **query)


def pictures(app) -> list[str]:
    """The text alternative of every picture the page shows."""
    return [match["alt"] for element in app.markdown for match in CHART_IMAGE.finditer(element.value)]


def steps_of(content, uses=TOPICS, language="en"):
    return agenda(content, chosen_uses(Consultation(uses=uses), content), language)


def test_the_two_topics_have_a_picture_on_every_step_that_plans_one(real_content):
    assert {step.picture for step in steps_of(real_content)} >= {
        "area_map", "approvals_chart", "fact_box", "effect_timeline", "red_flags_card", "locations_sketch"}


def test_each_step_shows_its_planned_picture_with_its_alt_and_table(real_content):
    """Step by step, as the clicker walks them: the title, the planned picture (alt text and table), and never
    "no timing" for a topic whose timing is recorded."""
    timed = [use for use in chosen_uses(Consultation(uses=TOPICS), real_content) if use.timing.stages]
    assert len(timed) == 2
    for number, step in enumerate(steps_of(real_content)):
        app = presented(number)
        assert [title.value for title in app.title] == [step.title]
        shown = pictures(app)
        if step.picture:
            assert shown and all(alt.strip() for alt in shown), f"{step.key}: no picture with a text alternative"
            assert AS_TABLE in [expander.label for expander in app.expander], f"{step.key}: no table"
        page = texts(app).replace("\\", "")
        assert "not established" not in page.lower(), step.key
        for use in timed:  # "Our sources give no timing for: <uses>", this use among them
            assert not re.search(re.escape(UNTIMED) + r"[^.]*" + re.escape(use.name["en"]), page), step.key


def test_the_timeline_step_draws_both_topics(real_content):
    number = [step.key for step in steps_of(real_content)].index("timeline")
    [alt] = pictures(presented(number))
    for use_id in TOPICS:
        assert f"{real_content.uses[use_id].name['en']}: " in alt.replace("\\", "")
    assert "repeat every 12 weeks" in alt


def test_the_red_flags_card_says_911_where_the_data_does(real_content):
    number = [step.key for step in steps_of(real_content)].index("red_flags")
    [alt] = pictures(presented(number))
    for item in real_content.safety.red_flags:
        assert item.label["en"] in alt.replace("\\", "")
    assert "911" in alt and any("911" in item.label["en"] for item in real_content.safety.red_flags)


def test_the_concerns_step_highlights_the_chosen_areas(real_content):
    alts = [alt.replace("\\", "") for alt in pictures(presented(0))]
    chosen = [real_content.areas[area].name["en"] for use in TOPICS for area in real_content.uses[use].areas]
    assert all(any(name in alt and "Chosen" in alt for alt in alts) for name in chosen)


def test_the_steps_read_in_spanish(real_content):
    number = [step.key for step in steps_of(real_content)].index("red_flags")
    app = presented(number, language="es")
    assert [title.value for title in app.title] == [t("consultation.steps.red_flags", "es")]
    [alt] = pictures(app)
    assert alt.replace("\\", "").startswith(t("safety.help_now", "es"))
