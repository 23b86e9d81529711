"""The safety content says one thing wherever it is read: the eyelid-droop advice in one place a part, cross-references
that name a section the reader has, and a short line for every red flag of the "Get help now" box."""

from __future__ import annotations

import re

import pytest

from botox_explorer.i18n import t
from botox_explorer.models import text_in
from botox_explorer.presenting import SAFETY_SECTIONS
from botox_explorer.summary_pdf import safety_groups
from tests.helpers import problems_after

LANGUAGES = ("en", "es")
# "See "Get help now"." / "Vea "Busque ayuda de inmediato"."
SEE_SECTION = re.compile(r'\b(?:See|Vea) "([^"]+)"')


def item_texts(item, language: str) -> str:
    """An item's text and detail in one language."""
    return f"{text_in(item.text, language)} {text_in(item.detail, language)}"


def sections_with(safety, word: str) -> dict[str, list[str]]:
    """The ids of the items whose English text or detail has ``word``, by section."""
    found = {}
    for section, _ in SAFETY_SECTIONS:
        ids = [item.id for item in getattr(safety, section) if word in item_texts(item, "en").lower()]
        if ids:
            found[section] = ids
    return found


def test_a_red_flag_without_its_short_line_is_named(content_dir):
    assert problems_after(content_dir, "safety.yaml", "label: {en: Trouble swallowing}, ", "") == [
        "safety.yaml, record 'swallowing', field 'red_flags.label': needs a short label: the safety page's "
        "\"Get help now\" box shows it as one line"
    ]


def test_every_red_flag_line_is_one_short_line_and_911_is_among_them(real_content):
    for language in LANGUAGES:
        lines = [text_in(item.label, language) for item in real_content.safety.red_flags]
        assert all(len(line) <= 80 for line in lines), lines
        assert sum("911" in line for line in lines) == 1, lines


def test_an_eyelid_droop_is_a_side_effect_near_the_treated_area_and_a_red_flag_far_from_it(real_content):
    safety = real_content.safety
    assert sections_with(safety, "droop") == {
        "boxed_warning": ["distant-spread"],  # the label's list of the signs of spread
        "tell_your_doctor": ["face-surgery-and-looks"],  # a droop before treatment
        # what it is: near the treated area, not common, temporary; and in one medical use, among its side effects
        "common_side_effects": ["drooping-lid-or-brow", "medical-eyelid-spasm"],
        "red_flags": ["vision-eyelids"],  # far from the treated area
        "aftercare": ["if-droop", "do-not-drive"],  # what to do: call the injector; do not drive
        "questions_to_ask": ["side-effects"],  # a question for the visit: it depends on where the needle goes
    }
    side_effect = next(i for i in safety.common_side_effects if i.id == "drooping-lid-or-brow")
    red_flag = next(i for i in safety.red_flags if i.id == "vision-eyelids")
    what_to_do = next(i for i in safety.aftercare if i.id == "if-droop")
    assert "near where you were treated" in item_texts(side_effect, "en")
    assert "goes away with time" not in item_texts(side_effect, "en")  # no duration the sources do not give
    assert "far from" in item_texts(red_flag, "en") and "far from" in text_in(red_flag.label, "en")
    assert "near where you were treated, call the person who treated you" in item_texts(what_to_do, "en")
    assert "far from where you were treated" in item_texts(what_to_do, "en")
    assert "trouble swallowing, speaking or breathing" in item_texts(what_to_do, "en")


def test_whom_to_call_about_a_droop_is_said_once(real_content):
    said = [item.id for section, _ in SAFETY_SECTIONS for item in getattr(real_content.safety, section)
            if "call the person who treated you" in item_texts(item, "en")]
    assert said == ["if-droop"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_section_an_item_points_to_is_on_the_safety_page(real_content, language):
    headings = {t(f"safety.{section}", language) for section in ("help_now", *dict(SAFETY_SECTIONS))}
    named = {name for section, _ in SAFETY_SECTIONS for item in getattr(real_content.safety, section)
             for name in SEE_SECTION.findall(item_texts(item, language))}
    assert named and named <= headings, named - headings


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_take_home_pdf_names_no_section_it_does_not_print(real_content, language):
    every_use = real_content.uses  # every item the summary may print, whatever is chosen
    groups = [(title, items) for title, items in safety_groups(real_content.safety, every_use, language) if items]
    titles = {title for title, _ in groups}
    named = {name for _, items in groups for item in items for name in SEE_SECTION.findall(item_texts(item, language))}
    assert named and named <= titles, named - titles
