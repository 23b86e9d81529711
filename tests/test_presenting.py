import datetime as dt
from types import SimpleNamespace
from typing import get_args

import pytest

from botox_explorer.content import load_content
from botox_explorer.models import CATEGORIES, STATUS_KINDS, Myth, Safety, SafetyItem, Span, Use
from botox_explorer.presenting import (
    SAFETY_SECTIONS,
    SAFETY_TONES,
    Note,
    approval_lines,
    category_label,
    category_summary,
    item_text,
    items_for_uses,
    key_figures,
    location_details,
    myth_verdict,
    privacy_text,
    product_note,
    products_table,
    review_text,
    safe_link,
    short_name,
    span_text,
    statistics_notes,
    status_filter_label,
    status_label,
)
from tests.helpers import english_left, replace_in

MYTH_VERDICTS = get_args(Myth.model_fields["verdict"].annotation)


def test_span_text():
    assert span_text(None) == "—"  # a table's empty cell: a page lists only the stages the sources give
    assert span_text(Span(low=3, high=4, unit="months")) == "3-4 months"
    assert span_text(Span(low=2, high=2, unit="weeks")) == "2 weeks"
    assert span_text(Span(low=1, high=1, unit="months")) == "1 month"


def test_status_label_names_product_and_year(content_dir):
    content = load_content(content_dir)
    assert status_label(content.uses["lines"], content) == "FDA-approved (TESTOX); first US approval 2002"
    assert status_label(content.uses["mood"], content) == "Investigational (research only)"


def test_location_details_show_only_what_is_set(content_dir):
    [location] = load_content(content_dir).clinic.locations
    labels = [label for label, _ in location_details(location)]
    assert labels == ["Kind", "Town", "Services"]
    with_phone = location.model_copy(update={"phone": "+1 555 0100"})
    assert ("Phone", "+1 555 0100") in location_details(with_phone)


def test_key_figures_carry_sources(content_dir):
    figures = {f.text: f for f in key_figures(load_content(content_dir))}
    assert figures["First US approval"].lead == "2002"
    assert figures["Uses with an FDA approval"].lead == "1"
    assert figures["US procedures in 2006"].lead == "4.0 million"
    assert all(f.source_ids for f in figures.values())


def test_short_names_drop_the_bracketed_term_and_still_tell_every_use_apart(real_content):
    content = real_content
    names = [short_name(use) for use in content.uses.values()]
    assert short_name(content.uses["underarm-sweating"]) == "Severe underarm sweating"
    assert len(set(names)) == len(names)
    assert all("(" not in name for name in names)


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>", "vbscript:x",
     "ftp://example.org/file", "//example.org/no-scheme", "http:/no-host", "mailto:a@example.org", ""],
)
def test_safe_link_refuses_what_is_not_a_web_address(url):
    assert safe_link(url) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a?b=1&c=2#d", "https://example.org/a?b=1&c=2#d"),
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/x)[y](javascript:z)", "https://example.org/x%29%5By%5D%28javascript:z%29"),
        ('https://example.org/"><script>', "https://example.org/%22%3E%3Cscript%3E"),
        ("https://example.org/line\nbreak", "https://example.org/line%0Abreak"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
    ],
)
def test_safe_link_encodes_what_could_end_the_link(url, expected):
    assert safe_link(url) == expected


def test_short_name_cuts_at_the_first_bracket():
    use = Use.model_construct(name={"en": "Drooling (sialorrhea) in adults (and children)"})
    assert short_name(use) == "Drooling"


def test_products_table_has_a_row_a_brand_with_what_it_is_approved_for(content_dir):
    content = load_content(content_dir)
    unapproved = content.products["prod-a"].model_copy(
        update={"id": "prod-b", "brand": "NEWTOX", "maker": {"en": "New maker"}, "serotype": "B",
                "us_status": "not-approved", "approvals": []})
    twice = content.products["prod-a"].model_copy(update={"approvals": [
        *content.products["prod-a"].approvals,
        content.products["prod-a"].approvals[0].model_copy(update={"year": 2010}),
        content.products["prod-a"].approvals[0].model_copy(update={"year": 2011, "text": {"en": "Test bladder"}}),
    ]})
    both = type(content)(**{**content.__dict__, "products": {"prod-a": twice, "prod-b": unapproved}})
    assert products_table(both) == [
        {"Brand": "TESTOX", "Generic name": "testotoxinA", "Maker": "Test maker", "Toxin type": "A",
         "First US approval": "2002", "Approved for": "Test lines; Test bladder"},
        {"Brand": "NEWTOX", "Generic name": "testotoxinA", "Maker": "New maker", "Toxin type": "B",
         "First US approval": "Not approved in the US"},
    ]


def test_location_details_list_every_detail_that_is_set_in_order(content_dir):
    [location] = load_content(content_dir).clinic.locations
    full = location.model_copy(update={"address": "1 Test Road", "phone": "+1 555 0100",
                                       "hours": ["Mon 9-5", "Tue 9-5"], "services": [{"en": "A"}, {"en": "B"}]})
    assert location_details(full) == [
        ("Kind", "Medical spa"), ("Town", "Testville, Test County, California"), ("Address", "1 Test Road"),
        ("Phone", "+1 555 0100"), ("Hours", "Mon 9-5; Tue 9-5"), ("Services", "A, B"),
    ]


def test_key_figures_lead_with_the_first_approvals_and_the_latest_count(content_dir):
    replace_in(content_dir, "uses.yaml", "status: {kind: off-label}", "status: {kind: approved}")
    replace_in(content_dir, "products.yaml", "  notes:", "    - {use: bladder-test, year: 1995, population: "
               "{en: Adults}, text: {en: Test bladder}, sources: [paper-b]}\n  notes:")
    assert [(f.text, f.lead, f.source_ids) for f in key_figures(load_content(content_dir))] == [
        ("First US approval", "1995", ("paper-b",)),
        ("First cosmetic approval", "2002", ("label-a",)),
        ("Uses with an FDA approval", "2", ("label-a", "paper-b")),
        ("US procedures in 2006", "4.0 million", ("paper-b",)),
    ]


def test_status_label_names_every_approved_product_in_the_order_of_approval(content_dir):
    replace_in(content_dir, "products.yaml", "  notes:", "    - {use: lines, year: 1999, population: {en: Adults},"
               " text: {en: Test lines}, sources: [label-a]}\n  notes:")
    with open(content_dir / "products.yaml", "a", encoding="utf-8") as products:
        products.write("- id: prod-b\n  brand: OTHERTOX\n  generic_name: o\n  maker: {en: M}\n  serotype: B\n"
                       "  us_status: approved\n  approvals:\n    - {use: lines, year: 1990, population: {en: Adults},"
                       " text: {en: Lines}, sources: [label-a]}\n  sources: [label-a]\n  reviewed_on: 2026-01-01\n")
    content = load_content(content_dir)
    assert status_label(content.uses["lines"], content) == "FDA-approved (OTHERTOX, TESTOX); first US approval 1990"
    assert approval_lines(content.uses["lines"], content) == [
        "OTHERTOX, 1990: Adults", "TESTOX, 1999: Adults", "TESTOX, April 2002: Adults"]


def test_category_summary_counts_uses_and_approvals(content_dir):
    content = load_content(content_dir)
    assert category_summary(content, "cosmetic") == "1 use, 1 FDA-approved"
    assert category_summary(content, "medical") == "1 use, 0 FDA-approved"


def test_category_summary_counts_in_spanish_with_its_plural_forms(content_dir):
    content = load_content(content_dir)
    assert category_summary(content, "cosmetic", language="es") == "1 uso, 1 aprobado por la FDA"
    assert category_summary(content, "medical", language="es") == "1 uso, 0 aprobados por la FDA"
    two = {**content.uses, "other": content.uses["lines"].model_copy(update={"id": "other"})}
    summary = category_summary(type(content)(**{**content.__dict__, "uses": two}), "cosmetic", language="es")
    assert summary == "2 usos, 2 aprobados por la FDA"
    assert english_left(summary, "presenting.category") == []


def test_the_latest_count_comes_from_the_first_series_when_two_share_a_year(content_dir):
    content = load_content(content_dir)
    [first] = content.statistics.series
    same_year = first.points[1].model_copy(update={"count": 7_000_000})
    second = first.model_copy(update={"id": "other", "points": [same_year]})
    statistics = content.statistics.model_copy(update={"series": [first, second]})
    changed = type(content)(**{**content.__dict__, "statistics": statistics})
    assert key_figures(changed)[-1].lead == "4.0 million"
    swapped = type(content)(**{**content.__dict__, "statistics": statistics.model_copy(
        update={"series": [second, first]})})
    assert key_figures(swapped)[-1].lead == "7.0 million"


def test_the_privacy_note_names_the_map_provider_only_while_a_map_is_shown(content_dir):
    content = load_content(content_dir)
    assert privacy_text(content) == "Nothing is kept. The map provider sees the area."
    no_map = content.clinic.model_copy(update={"map_tiles": "none"})
    assert privacy_text(type(content)(**{**content.__dict__, "clinic": no_map})) == "Nothing is kept."


def test_labels_read_in_spanish():
    assert [category_label(category, "es") for category in CATEGORIES] == ["Cosmético", "Médico", "Psicológico"]
    assert [status_filter_label(kind, "es") for kind in STATUS_KINDS] == [
        "Aprobado por la FDA", "Uso no aprobado (off-label)", "En investigación", "No es eficaz"]
    assert [myth_verdict(verdict, "es") for verdict in MYTH_VERDICTS] == [
        "No es cierto", "Engañoso", "En parte cierto", "Cierto"]
    spanish = " ".join([*(status_filter_label(kind, "es") for kind in STATUS_KINDS),
                        *(myth_verdict(verdict, "es") for verdict in MYTH_VERDICTS)])
    assert english_left(spanish, "presenting.status_filter", "presenting.myth_verdict") == []


def test_labels_read_in_english_by_default():
    assert category_label("medical") == "Medical"
    assert status_filter_label("investigational") == "Investigational"
    assert myth_verdict("true") == "True"


def test_the_review_note_gives_the_oldest_date_in_the_language():
    records = [SimpleNamespace(reviewed_on=dt.date(2026, 12, 1)), SimpleNamespace(reviewed_on=dt.date(2026, 11, 30))]
    assert review_text(records) == ("Reviewed: every statement on this page was checked against its sources on or "
                                    "after November 30, 2026.")
    spanish = review_text(records, language="es")
    assert spanish == ("Revisado: cada dato de esta página se comparó con sus fuentes el 30 de noviembre de 2026 o "
                       "después.")
    assert english_left(spanish, "presenting.reviewed") == []
    assert review_text([], language="es") is None


def test_the_products_table_reads_in_spanish(content_dir):
    content = load_content(content_dir)
    product = content.products["prod-a"]
    approval = product.approvals[0].model_copy(update={"text": {"en": "Test lines", "es": "Líneas de prueba"}})
    unapproved = product.model_copy(update={"id": "prod-b", "brand": "NEWTOX", "us_status": "not-approved",
                                            "approvals": []})
    products = {"prod-a": product.model_copy(update={"approvals": [approval]}), "prod-b": unapproved}
    rows = products_table(type(content)(**{**content.__dict__, "products": products}), language="es")
    assert rows == [
        {"Marca": "TESTOX", "Nombre genérico": "testotoxinA", "Fabricante": "Test maker", "Tipo de toxina": "A",
         "Primera aprobación en EE. UU.": "2002", "Aprobado para": "Líneas de prueba"},
        {"Marca": "NEWTOX", "Nombre genérico": "testotoxinA", "Fabricante": "Test maker", "Tipo de toxina": "A",
         "Primera aprobación en EE. UU.": "No está aprobado en EE. UU."},
    ]
    assert english_left(str(rows), "presenting.products") == []


def test_key_figures_read_in_spanish(content_dir):
    figures = key_figures(load_content(content_dir), language="es")
    assert [(f.text, f.lead) for f in figures] == [
        ("Primera aprobación en EE. UU.", "2002"), ("Primera aprobación para uso cosmético", "2002"),
        ("Usos aprobados por la FDA", "1"), ("Procedimientos en EE. UU. en 2006", "4.0 millones"),
    ]
    assert english_left(" ".join(f"{f.text} {f.lead}" for f in figures), "presenting.figures") == []


def test_short_names_in_spanish_drop_the_bracketed_term_and_still_tell_every_use_apart(real_content):
    names = [short_name(use, language="es") for use in real_content.uses.values()]
    assert short_name(real_content.uses["underarm-sweating"], language="es") == "Sudoración intensa de las axilas"
    assert len(set(names)) == len(names)
    assert all("(" not in name for name in names)
    use = Use.model_construct(name={"en": "Drooling (sialorrhea)", "es": "Babeo (sialorrea) en adultos (y niños)"})
    assert short_name(use, language="es") == "Babeo"


def test_the_privacy_note_reads_in_spanish(content_dir):
    content = load_content(content_dir)
    site = content.site.model_copy(update={
        "privacy": {"en": "Nothing is kept.", "es": "No se guarda nada."},
        "privacy_map": {"en": "The map provider sees the area.", "es": "El proveedor del mapa ve la zona."}})
    spanish = type(content)(**{**content.__dict__, "site": site})
    assert privacy_text(spanish, language="es") == "No se guarda nada. El proveedor del mapa ve la zona."
    assert privacy_text(spanish) == "Nothing is kept. The map provider sees the area."


def _item(text: dict, detail: dict | None = None) -> SafetyItem:
    return SafetyItem.model_validate({"id": "x", "reviewed_on": "2026-12-01", "sources": ["s"], "text": text,
                                      "detail": detail})


def test_a_safety_item_reads_as_its_text_then_its_detail():
    item = _item({"en": "Drooping eyelid.", "es": "Párpado caído."}, {"en": "It passes.", "es": "Pasa."})
    assert item_text(item) == "Drooping eyelid. It passes."
    assert item_text(item, "es") == "Párpado caído. Pasa."
    assert item_text(_item({"en": "Headache.", "es": "Dolor."})) == "Headache."


def test_the_safety_sections_are_every_section_once_with_a_known_tone():
    names = [name for name, _ in SAFETY_SECTIONS]
    assert len(names) == len(set(names)) == len(Safety.model_fields)
    assert set(SAFETY_TONES) == set(Safety.model_fields)
    assert set(SAFETY_TONES.values()) == {"warning", "danger", "plain"}
    assert SAFETY_SECTIONS[:2] == (("boxed_warning", "warning"), ("red_flags", "danger"))


def test_every_safety_item_once_in_file_order(real_content):
    safety = real_content.safety
    assert safety.all_items() == [item for name in Safety.model_fields for item in getattr(safety, name)]
    assert len({item.id for item in safety.all_items()}) == len(safety.all_items())


def test_product_notes_are_joined_in_order(real_content):
    product = next(p for p in real_content.products.values() if len(p.notes) > 1)
    assert product_note(product) == " ".join(note["en"] for note in product.notes)
    assert product_note(product, "es") == " ".join(note["es"] for note in product.notes)


def test_statistics_notes_say_what_each_series_counts_then_the_general_notes(real_content):
    statistics = real_content.statistics
    notes = statistics_notes(statistics, "es")
    series = statistics.series[0]
    assert notes[0] == Note(series.name["es"], f"cuenta: {series.measure['es']}. {series.method_note['es']}",
                            tuple(s for point in series.points for s in point.sources))
    assert len(notes) == len(statistics.series) + len(statistics.notes)
    last = statistics.notes[-1]
    assert notes[-1] == Note("", last.text["es"], tuple(last.sources))


def test_whom_to_call_is_the_office_unless_the_clinic_set_its_phone_or_booking(content_dir):
    from botox_explorer.presenting import contact_text

    content = load_content(content_dir)
    assert contact_text(content) == "To tell the clinic, call the office where you were treated."
    assert contact_text(content, "es") == ("Para avisar a la clínica, llame a la oficina donde le dieron el "
                                           "tratamiento.")
    site = content.clinic.locations[0].model_copy(update={"phone": "(858) 555-0100",
                                                         "booking_url": "https://clinic.example/book"})
    clinic = content.clinic.model_copy(update={"locations": [site, *content.clinic.locations[1:]]})
    content = type(content)(**{**content.__dict__, "clinic": clinic})
    assert contact_text(content) == ("To tell the clinic: Test spa: (858) 555-0100, book online at "
                                     "https://clinic.example/book.")


def test_the_items_for_chosen_uses_are_the_general_ones_and_those_naming_a_chosen_use():
    def item(item_id: str, *uses: str) -> SafetyItem:
        return SafetyItem(id=item_id, text={"en": item_id}, sources=["s"], reviewed_on=dt.date(2026, 1, 1),
                          applies_to=list(uses))

    items = [item("general"), item("bladder", "oab", "ndo"), item("eyes", "crows-feet"), item("later")]
    assert [i.id for i in items_for_uses(items, ["crows-feet", "migraine"])] == ["general", "eyes", "later"]
    assert [i.id for i in items_for_uses(items, iter(["ndo"]))] == ["general", "bladder", "later"]
    assert [i.id for i in items_for_uses(items, [])] == ["general", "later"]
