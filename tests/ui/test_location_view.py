"""A clinic's site on a page: the details that are set, its booking link, and what it offers."""

from streamlit.testing.v1 import AppTest

from tests.helpers import append_to, replace_in

from .helpers import shown


def sites():
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.location_view import locations_summary

    locations_summary(content())


def test_each_site_shows_only_what_is_set_then_books_and_lists_its_own_treatments(minimal_content):
    replace_in(minimal_content, "clinic.yaml", "    services:",
               "    phone: '+1 555-555-0100'\n    booking_url: https://example.org/book\n    services:")
    append_to(minimal_content, "clinic.yaml", "  - {id: there, name: {en: Other spa}, kind: {en: Clinic}, "
              "town: Otherville, county: Test County, state: California, latitude: 33.1, longitude: -117.1}\n")
    replace_in(minimal_content, "uses.yaml", "  treated_by: {en: A urologist}",
               "  treated_by: {en: A urologist}\n  offered_at: [there]")
    app = AppTest.from_function(sites)
    app.session_state["language"] = "es"
    assert shown(app.run()) == [
        ("markdown", "## Test spa"),
        ("markdown", "**Tipo:** Medical spa"),
        ("markdown", "**Ciudad:** Testville, Test County, California"),
        ("markdown", "**Teléfono:** \\+1 555\\-555\\-0100"),
        ("markdown", "**Servicios:** Skin care"),
        ("link_button", "Pedir una cita"),
        ("markdown", "**Tratamientos que se ofrecen aquí:** Test lines"),
        ("markdown", "## Other spa"),
        ("markdown", "**Tipo:** Clinic"),
        ("markdown", "**Ciudad:** Otherville, Test County, California"),
        ("markdown", "**Tratamientos que se ofrecen aquí:** Test bladder"),
    ]
