"""The consultation's agenda: a renderer per step, and what each step shows for the chosen uses."""

import pytest
from streamlit.testing.v1 import AppTest

from botox_explorer.consultation import agenda
from botox_explorer.ui.consultation_view import AGENDA_STEPS

from .helpers import shown


@pytest.fixture
def priced(minimal_content):
    """The minimal content with a price per unit, so the agenda has its cost step."""
    clinic = minimal_content / "clinic.yaml"
    clinic.write_text("price_per_unit_usd: 12\n" + clinic.read_text())
    return minimal_content


def step(step_key: str, use_ids: list[str]):
    from botox_explorer.ui.consultation_view import agenda_step
    from botox_explorer.ui.content_cache import content

    agenda_step(step_key, content(), [content().uses[u] for u in use_ids])


def run_step(step_key: str, use_ids: list[str], language: str = "en") -> list[tuple[str, str]]:
    app = AppTest.from_function(step, args=(step_key, use_ids))
    app.session_state["language"] = language
    return shown(app.run())


def test_every_step_of_the_agenda_has_its_renderer(real_content):
    """Every kind of step the real content's agenda has, with a price set, and no renderer for a step never made."""
    clinic = real_content.clinic.model_copy(update={"price_per_unit_usd": 12.0})
    priced = type(real_content)(**{**real_content.__dict__, "clinic": clinic})
    assert {s.kind for s in agenda(priced, list(real_content.uses.values()))} == set(AGENDA_STEPS)


@pytest.mark.parametrize(("language", "listed"), [
    ("en", "- **Test bladder** (medical)\n- **Test lines** (cosmetic)"),
    ("es", "- **Test bladder** (médico)\n- **Test lines** (cosmético)"),
])
def test_the_concerns_are_listed_in_the_chosen_order_with_their_kind(minimal_content, language, listed):
    seen = run_step("concerns", ["bladder-test", "lines"], language)
    assert ("markdown", listed) in seen


def test_the_concerns_come_under_the_drawings_of_their_areas_highlighted(minimal_content):
    seen = run_step("concerns", ["bladder-test", "lines"])
    pictures = [text for kind, text in seen if kind == "markdown" and text.startswith("![")]
    assert seen.index(("markdown", pictures[-1])) < max(n for n, (_, text) in enumerate(seen) if "Test lines" in text)
    assert [picture.split("](")[0] for picture in pictures] == [
        "![Face and neck\\: 1\\. Forehead \\(2 uses\\)\\. Chosen\\: Forehead\\.",
        "![Body\\: 2\\. Bladder \\(1 use\\)\\. Chosen\\: Bladder\\."]
    assert ("expander", "Show the same information as a table") in seen


def test_the_cost_is_a_table_of_the_label_dose_times_the_price(priced):
    assert run_step("cost", ["lines", "mood"]) == [
        ("markdown", "| Use | Label dose \\(units\\) | Per treatment | Per year |\n| --- | --- | --- | --- |\n"
                     "| Test lines | 20 | \\$240 | no retreatment interval on the label |"),
        ("caption", "At the clinic's price of \\$12\\.00 a unit, times the dose the product's label gives\\. Your "
                    "injector decides the dose\\."),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)"),
    ]


def test_the_cost_reads_in_spanish(priced):
    [(kind, table), *_] = run_step("cost", ["lines"], "es")
    assert (kind, table.splitlines()) == ("markdown", [
        "| Uso | Dosis de la etiqueta \\(unidades\\) | Por tratamiento | Por año |", "| --- | --- | --- | --- |",
        "| Test lines | 20 | \\$240 | la etiqueta no indica cada cuánto repetir |"])


def test_no_cost_is_shown_without_a_price(minimal_content):
    assert run_step("cost", ["lines"]) == []


def test_the_side_effects_step_lists_each_use_own_one_a_line(minimal_content):
    """One list item a side effect: "Neck pain., Headache." joined by commas read badly on a wall screen."""
    uses = minimal_content / "uses.yaml"
    uses.write_text(uses.read_text().replace("  evidence: {en: Test evidence.}\n  timing:",
                                             "  evidence: {en: Test evidence.}\n"
                                             "  side_effects: [{en: Headache.}, {en: Bruising}]\n  timing:", 1))
    assert run_step("side_effects", ["lines"]) == [
        ("markdown", "**Test lines**\n\n- Headache\\.\n- Bruising"),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)"),
    ]


def test_the_red_flags_are_one_card_with_its_table_and_sources(minimal_content):
    seen = run_step("red_flags", [])
    assert seen[0][1].startswith("![Get help now\\: Trouble swallowing\\. To tell the clinic")
    assert seen[1:] == [
        ("caption", "The signs the Safety page lists under \"Get help now\", one a line, then whom to call\\. The "
                    "table gives each one in full\\."),
        ("expander", "Show the same information as a table"),
        ("markdown", "| Sign | What to do |\n| --- | --- |\n| Trouble swallowing | Trouble swallowing\\. |"),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)"),
    ]


def test_a_long_safety_list_shows_its_labels_each_in_full_one_click_away(minimal_content):
    safety = minimal_content / "safety.yaml"
    items = ", ".join(f"{{id: q{n}, label: {{en: Label {n}}}, text: {{en: \"Question {n} in full?\"}}, "
                      "sources: [label-a], reviewed_on: 2026-01-01}" for n in range(8))
    safety.write_text("\n".join(f"questions_to_ask: [{items}]" if line.startswith("questions_to_ask:") else line
                                for line in safety.read_text().splitlines()) + "\n")
    seen = run_step("questions", [])
    assert seen[:3] == [("markdown", "- **Label 0**\n- **Label 1**\n- **Label 2**\n- **Label 3**"),
                        ("markdown", "- **Label 4**\n- **Label 5**\n- **Label 6**\n- **Label 7**"),
                        ("expander", "Each one in full")]
    assert "- **Question 7 in full?**" in seen[3][1]


def test_the_clinic_step_shows_every_site_under_their_drawing(minimal_content):
    seen = run_step("clinic", [])
    assert seen[0][1].startswith("![1\\. Test spa in Testville, California\\.](data:image/svg+xml;base64,")
    assert ("expander", "Show the same information as a table") in seen
    assert seen[-5:] == [
        ("markdown", "## Test spa"),
        ("markdown", "**Kind:** Medical spa"),
        ("markdown", "**Town:** Testville, Test County, California"),
        ("markdown", "**Services:** Skin care"),
        ("markdown", "**Treatments offered here:** Test lines"),
    ]


def test_the_numbers_step_draws_the_box_then_how_to_read_it(minimal_content):
    seen = run_step("numbers:lines", ["lines", "mood"])
    assert seen[0] == ("subheader", "TESTOX\\: benefits and harms in numbers")
    assert [text.split("](")[0] for kind, text in seen if text.startswith("![")] == [
        "![Two groups of 100 figures\\. With TESTOX, 80 of 100 are filled; with placebo, 3 of 100 are filled\\. "
        "Lines rated mild\\.", "![Two groups of 100 figures\\. With TESTOX, 2\\.6 of 100 are filled; with placebo, "
        "0 of 100 are filled\\. Drooping eyelid\\."]
    assert ("expander", "About these trials") in seen
    assert "Test mood" not in str(seen)  # a step about one use shows that use only


def test_the_other_options_stand_beside_doing_nothing(minimal_content):
    """Two columns on a wide screen: the other options, then doing nothing and stopping, each with its sources."""
    seen = run_step("choices:lines", ["lines"])
    kinds = [kind for kind, _ in seen]
    other = kinds.index("caption")  # the other options end with "listed, not recommended"
    assert any(text.startswith("**Sun care.**") for _, text in seen[:other])
    assert seen[other + 1][1].startswith("**If you do nothing:** Lines stay")
    assert "If you stop" in seen[other + 1][1] and "Sun care" not in seen[other + 1][1]
    assert kinds.count("popover") == 2
