"""History, How it works, Safety and Locations: what a visitor sees and can change."""

import shutil

from botox_explorer.ui.markdown import md
from tests.helpers import replace_in

from .helpers import chart_alts, open_page, texts


def test_history_kind_filter_changes_the_timeline(real_content):
    app = open_page("history")
    cosmetic = [e for e in real_content.history if e.kind == "cosmetic-approval"]
    other = [e for e in real_content.history if e.kind == "discovery"]
    assert other and cosmetic
    every_event = texts(app).replace("\\", "")
    assert all(e.title["en"] in every_event for e in other + cosmetic)
    assert f"{len(real_content.history)} events from" in chart_alts(app)["Two centuries of botulinum toxin"]
    app.button_group(key="history_kinds").set_value(["cosmetic-approval"]).run()
    assert chart_alts(app)["Two centuries of botulinum toxin"].startswith(f"{len(cosmetic)} events from")
    shown = texts(app).replace("\\", "")
    assert all(e.title["en"] in shown for e in cosmetic)
    assert not any(e.title["en"] in shown for e in other)


def test_history_shows_every_product_with_its_notes_and_the_statistics_caveats(real_content):
    app = open_page("history")
    [products] = [m.value for m in app.markdown if m.value.startswith("- **") and "Generic name: " in m.value]
    brands = {line.removeprefix("- **").split("**")[0] for line in products.splitlines()}
    assert brands == {md(p.brand) for p in real_content.products.values()}
    page = texts(app).replace("\\", "")
    for product in real_content.products.values():
        assert all(" ".join(note["en"].split()) in page for note in product.notes), product.id
    assert "What you should know about these numbers" in page
    for series in real_content.statistics.series:
        assert series.method_note["en"] in page


def test_how_it_works_explains_steps_and_checks_every_myth(real_content):
    app = open_page("how")
    page = texts(app).replace("\\", "")
    for step in real_content.site.mechanism:
        assert step.title["en"] in page and step.text["en"] in page
    for myth in real_content.myths:
        assert myth.belief["en"] in page and myth.fact["en"] in page


SAFETY_HEADINGS = {
    "boxed_warning": "Boxed warning", "red_flags": "Get urgent medical care if you notice",
    "do_not_treat": "Who should not be treated", "tell_your_doctor": "Tell your doctor first if",
    "common_side_effects": "Common side effects", "aftercare": "Taking care of yourself afterwards",
    "interactions": "Medicines that can interact",
    "questions_to_ask": "Questions to ask before treatment", "who_may_inject": "Who may inject in California",
}


def test_safety_shows_every_section_and_every_item(real_content):
    app = open_page("safety")
    page = texts(app).replace("\\", "")
    for section, items in real_content.safety:
        assert SAFETY_HEADINGS[section] in page
        for item in items:
            assert item.text["en"] in page, item.id
    assert app.error and app.warning, "red flags and the boxed warning stand out as alerts"


def test_locations_show_only_what_is_set(monkeypatch, content_dir, tmp_path):
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    page = texts(open_page("locations"))
    assert "Testville, Test County, California" in page
    assert "Phone" not in page and "Address" not in page and "Hours" not in page
    with_phone = tmp_path / "with-phone"  # another folder: the content is cached by its folder
    shutil.copytree(content_dir, with_phone)
    clinic = with_phone / "clinic.yaml"
    clinic.write_text(clinic.read_text() + "    phone: '+1 555-555-0100'\n")
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(with_phone))
    assert "**Phone:** \\+1 555\\-555\\-0100" in [m.value for m in open_page("locations").markdown]


def test_every_page_says_when_its_content_was_checked(monkeypatch, content_dir):
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    for page in ("home", "explore", "how", "history", "safety", "locations"):
        captions = [c.value for c in open_page(page).caption]
        assert ("Reviewed\\: every statement on this page was checked against its sources on or after January 1, "
                "2026\\.") in captions, page


def test_the_detail_of_a_use_lists_each_approval_from_the_products(real_content):
    app = open_page("explore", use="upper-limb-spasticity")
    [approvals] = [m.value.replace("\\", "") for m in app.markdown if m.value.startswith("**Approved in the US:**")]
    lines = [line for line in approvals.splitlines() if line.startswith("- ")]
    recorded = real_content.approvals_for("upper-limb-spasticity")
    assert len(lines) == len(recorded) > 3
    assert [line.split(",")[0].removeprefix("- ") for line in lines] == [a.product.brand for a in recorded]


def test_every_page_carries_the_privacy_note(real_content):
    for page in ("home", "safety", "consultation"):
        app = open_page(page)
        [privacy] = [e for e in app.sidebar.expander if e.label == "Privacy"]
        assert real_content.site.privacy["en"].split(".")[0] in privacy.caption[0].value


def test_without_map_tiles_the_location_cards_stand_alone(monkeypatch, content_dir):
    replace_in(content_dir, "clinic.yaml", "reviewed_on:", "map_tiles: none\nreviewed_on:")
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    app = open_page("locations")
    assert [t.label for t in app.toggle] == []
    assert "## Test spa" in [m.value for m in app.markdown]


def test_the_map_is_drawn_only_when_asked_for():
    app = open_page("locations")
    assert app.get("plotly_chart") == []
    app.toggle(key="show_map").set_value(True).run()
    assert list(chart_alts(app)) == ["Where the clinic is"]
