"""The presenter on a wall screen and a tablet: every step that plans a picture shows one, with its text alternative,
and no step says "no timing" for a topic whose timing is recorded (problems 2 and 7 of the December walkthrough).

The addresses are built by ``routes.page_address`` and ``consultation_params``, so they follow a renamed parameter.
"""

from __future__ import annotations

import re

import pytest

from botox_explorer.consultation import Consultation, agenda, chosen_uses, consultation_params
from botox_explorer.content import load_content
from botox_explorer.i18n import t
from botox_explorer.routes import CONSULTATION, page_address

from .helpers import assert_healthy, open_page

TOPICS = ("crows-feet", "chronic-migraine")  # timed by its peak and duration; by its retreatment interval only
SCREENS = {"wall": (1920, 1080), "tablet": (1024, 768)}
MAIN = '[data-testid="stMain"]'
# The pictures a reader is shown on the step: drawn, visible, and named for a screen reader.
PICTURES_JS = f"""() => [...document.querySelectorAll('{MAIN} img, {MAIN} svg')].filter(e => {{
    const box = e.getBoundingClientRect();
    const name = (e.getAttribute('alt') || e.getAttribute('aria-label') || '').trim();
    return box.width >= 200 && box.height >= 80 && name && getComputedStyle(e).visibility !== 'hidden';
}}).map(e => (e.getAttribute('alt') || e.getAttribute('aria-label')).trim())"""
UNTIMED = t("chart.effect.untimed", "en", uses="|").split("|")[0]


def presentation():
    """The content, and the steps of the consultation on the two topics."""
    content = load_content()
    return content, agenda(content, chosen_uses(Consultation(uses=TOPICS), content))


def step_address(number: int) -> str:
    """The presenter's address on step ``number`` (from 0), as the page itself writes it."""
    return "/" + page_address(CONSULTATION, consultation_params(Consultation(uses=TOPICS, presenting=True,
                                                                             step=number)))


@pytest.mark.parametrize("screen", list(SCREENS))
def test_each_step_shows_its_planned_picture_and_never_no_timing_beside_a_timing(app_server, page, screen):
    content, steps = presentation()
    assert {step.picture for step in steps} >= {"area_map", "effect_timeline", "red_flags_card", "locations_sketch"}
    timed = [content.uses[u].name["en"] for u in TOPICS if content.uses[u].timing.stages]
    assert len(timed) == 2
    view = page(SCREENS[screen])
    for number, step in enumerate(steps):
        open_page(view, app_server, step_address(number))
        assert_healthy(view)
        assert view.locator("h1").first.inner_text() == step.title
        if step.picture:
            assert view.evaluate(PICTURES_JS), f"step {number + 1} ({step.key}) shows no picture on the {screen}"
        shown = view.locator(MAIN).inner_text()
        assert "not established" not in shown.lower(), step.key
        for name in timed:
            assert not re.search(re.escape(UNTIMED) + r"[^.]*" + re.escape(name), shown), (step.key, name)


def test_the_timeline_step_draws_both_topics_on_the_wall_screen(app_server, page):
    content, steps = presentation()
    view = page(SCREENS["wall"])
    open_page(view, app_server, step_address([step.key for step in steps].index("timeline")))
    [alt] = [alt for alt in view.evaluate(PICTURES_JS) if alt.startswith(content.uses[TOPICS[0]].name["en"])]
    for use in TOPICS:
        assert f"{content.uses[use].name['en']}: " in alt
