"""History, How it works, Safety and Locations: what a visitor sees and can change."""

from botox_explorer.content import load_content
from botox_explorer.presenting import md

from .conftest import open_page, texts

CONTENT = load_content()


def test_history_kind_filter_changes_the_timeline():
    app = open_page("history")
    everything = texts(app)
    assert "Two centuries" in everything or app.get("plotly_chart")
    app.button_group(key="history_kinds").set_value(["cosmetic-approval"]).run()
    shown = texts(app).replace("\\", "")
    cosmetic = [e for e in CONTENT.history if e.kind == "cosmetic-approval"]
    other = [e for e in CONTENT.history if e.kind == "discovery"]
    assert all(e.title["en"] in shown for e in cosmetic)
    assert not any(e.title["en"] in shown for e in other)


def test_history_shows_products_with_the_units_note_and_statistics_caveats():
    app = open_page("history")
    [products] = [m.value for m in app.markdown if m.value.startswith("- **") and "Generic name: " in m.value]
    brands = {line.removeprefix("- **").split("**")[0] for line in products.splitlines()}
    assert brands == {md(p.brand) for p in CONTENT.products.values()}
    page = texts(app).replace("\\", "")
    assert "What you should know about these numbers" in page
    assert "interchangeable" in page.lower() or "units" in page.lower()


def test_how_it_works_explains_steps_and_checks_every_myth():
    app = open_page("how")
    page = texts(app).replace("\\", "")
    for step in CONTENT.site.mechanism:
        assert step.title["en"] in page
    for myth in CONTENT.myths:
        assert myth.belief["en"] in page


def test_safety_shows_every_section_with_its_red_flags():
    app = open_page("safety")
    page = texts(app).replace("\\", "")
    for item in CONTENT.safety.red_flags + CONTENT.safety.boxed_warning:
        assert item.text["en"] in page
    assert "## Who may inject in California" in page


def test_locations_show_only_what_is_set(monkeypatch, content_dir):
    app = open_page("locations")
    page = texts(app)
    for location in CONTENT.clinic.locations:
        assert location.town in page
    if not any(loc.phone for loc in CONTENT.clinic.locations):
        assert "Phone" not in page
    clinic = content_dir / "clinic.yaml"
    clinic.write_text(clinic.read_text() + "    phone: '+1 555 0100'\n")
    monkeypatch.setenv("BOTOX_EXPLORER_DATA_DIR", str(content_dir))
    assert "**Phone:** \\+1 555 0100" in [m.value for m in open_page("locations").markdown]
