"""The consultation's agenda: a renderer per step, and what each step shows for the chosen uses."""

import pytest
from streamlit.testing.v1 import AppTest

from botox_explorer.consultation import agenda
from botox_explorer.content import load_content
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


def test_every_step_of_the_agenda_has_its_renderer(priced):
    content = load_content(priced)
    assert [s.key for s in agenda(content, list(content.uses.values()))] == list(AGENDA_STEPS)


@pytest.mark.parametrize(("language", "listed"), [
    ("en", "- **Test bladder** (medical)\n- **Test lines** (cosmetic)"),
    ("es", "- **Test bladder** (médico)\n- **Test lines** (cosmético)"),
])
def test_the_concerns_are_listed_in_the_chosen_order_with_their_kind(minimal_content, language, listed):
    assert run_step("concerns", ["bladder-test", "lines"], language) == [("markdown", listed)]


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


def test_the_aftercare_gives_each_use_side_effects_then_the_safety_sections(minimal_content):
    uses = minimal_content / "uses.yaml"
    uses.write_text(uses.read_text().replace("  evidence: {en: Test evidence.}\n  timing:",
                                             "  evidence: {en: Test evidence.}\n"
                                             "  side_effects: [{en: Headache}, {en: Bruising}]\n  timing:", 1))
    assert run_step("aftercare", ["lines"]) == [
        ("markdown", "**Test lines:** Headache, Bruising"),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)"),
        ("header", "Get urgent medical care if you notice"),
        ("error", ":material/emergency: - **Trouble swallowing\\.**\n\n"
                  "**To tell the clinic, call the office where you were treated\\.**"),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)"),
    ]


def test_the_clinic_step_shows_every_site(minimal_content):
    assert run_step("clinic", []) == [
        ("markdown", "## Test spa"),
        ("markdown", "**Kind:** Medical spa"),
        ("markdown", "**Town:** Testville, Test County, California"),
        ("markdown", "**Services:** Skin care"),
        ("markdown", "**Treatments offered here:** Test lines"),
    ]
