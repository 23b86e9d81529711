"""The table of content files, and the generic walk every loop over the content reads."""

import dataclasses
import re
from pathlib import Path

import pytest

from botox_explorer.content.registry import CONTENT_FILES, FILES, ContentFile, held, is_text, records, walk
from botox_explorer.models import Content, Safety, SafetyItem, Source
from tests.test_routes import string_constants

ROOT = Path(__file__).resolve().parents[2]


def test_every_file_of_data_is_in_the_table_once():
    assert sorted(file.name for file in CONTENT_FILES) == sorted(p.name for p in (ROOT / "data").glob("*.yaml"))


def test_every_field_of_content_is_one_file_but_the_derived_approvals():
    assert [file.field for file in CONTENT_FILES] == [
        f.name for f in dataclasses.fields(Content) if f.name != "approvals"]
    assert FILES["uses"] == "uses.yaml"


def test_only_the_bibliography_and_the_search_words_hold_no_patient_text():
    assert [file.name for file in CONTENT_FILES if not file.patient_text] == ["sources.yaml", "search_words.yaml"]


def _source(source_id: str) -> Source:
    return Source.model_validate({"id": source_id, "kind": "label", "title": "T", "publisher": "P",
                                  "accessed": "2026-01-01", "pmid": "12345"})


def test_a_list_is_kept_by_id_or_in_order_and_a_mapping_as_it_is():
    first, second = _source("a"), _source("b")
    assert held([first, second], ContentFile("x.yaml", "x", Source, "by-id")) == {"a": first, "b": second}
    assert held([first, second], ContentFile("x.yaml", "x", Source, "in-order")) == (first, second)
    assert held(first, ContentFile("x.yaml", "x", Source, "mapping")) is first
    assert not ContentFile("x.yaml", "x", Source, "mapping").is_list
    assert ContentFile("x.yaml", "x", Source, "in-order").is_list


def _item(item_id: str) -> SafetyItem:
    return SafetyItem.model_validate({"id": item_id, "sources": ["s"], "reviewed_on": "2026-01-01",
                                      "text": {"en": "Text", "es": "Texto"}})


def test_the_walk_names_each_value_from_its_nearest_record():
    safety = Safety(**{name: [] for name in Safety.model_fields} | {"red_flags": [_item("a"), _item("b")]})
    found = {(record, field): value for record, field, value in walk(safety)}
    assert found[("b", "red_flags.text")] == {"en": "Text", "es": "Texto"}
    assert found[("a", "red_flags.sources[0]")] == "s"
    assert found[(None, "")] is safety
    assert ("a", "red_flags[0].text") not in found


def test_a_text_is_a_mapping_of_languages_to_strings():
    assert is_text({"en": "a", "es": "b"})
    assert not is_text({"es": "b"})
    assert not is_text({"en": ["a"]})
    assert not is_text(["en"])


def test_records_are_every_model_with_an_id_nested_ones_included(real_content):
    found = [(file.name, record.id) for file, record in records(real_content)]
    assert ("safety.yaml", real_content.safety.red_flags[0].id) in found
    assert ("clinic.yaml", real_content.clinic.locations[0].id) in found
    assert len(found) == len(set(found))
    assert [name for name, _ in found] == sorted((name for name, _ in found), key=list(FILES.values()).index)


@pytest.mark.parametrize("path", sorted(p for p in (ROOT / "botox_explorer").rglob("*.py")
                                         if p.name != "registry.py"), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_but_the_registry_names_a_content_file(path):
    named = {value for value in string_constants(path) if re.fullmatch(r"[a-z_]+\.yaml", value)}
    assert not named & set(FILES.values()), f"{path.relative_to(ROOT)} names {sorted(named)}: use content.registry"
