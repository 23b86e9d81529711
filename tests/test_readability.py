"""Plain words, measured: the English patient text of data/ reads at grade 7 or below as a whole, and no text
field reads above grade 10 (Flesch-Kincaid grade level, from the maintained textstat package)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import textstat

from botox_explorer.content import DATA_DIR
from botox_explorer.content.loader import LIST_FILES, MAPPING_FILES
from botox_explorer.content.yaml_reader import read_yaml

MIN_WORDS = 20  # shorter texts (names, labels) have too few sentences for a grade to mean anything
WHOLE_GRADE = 7.0
FIELD_GRADE = 10.0
PATIENT_FILES = ("uses.yaml", "safety.yaml", "myths.yaml", "history.yaml", "products.yaml", "site.yaml",
                 "statistics.yaml", "areas.yaml", "clinic.yaml", "glossary.yaml", "illustrations.yaml")


def english_texts(node, where: str = "") -> Iterator[tuple[str, str]]:
    """(place, text) for every language mapping's English text in a parsed content file."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and all(len(key) <= 5 for key in node):
            yield where, node["en"]
            return
        record = f"{where}/{node['id']}" if isinstance(node.get("id"), str) else where
        for key, value in node.items():
            yield from english_texts(value, f"{record}.{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from english_texts(value, f"{where}[{number}]")


@pytest.fixture(scope="module")
def measured() -> list[tuple[float, str, str]]:
    """(grade, place, text) for every English text of MIN_WORDS words or more."""
    textstat.set_lang("en_US")
    found = []
    for name in PATIENT_FILES:
        for where, text in english_texts(read_yaml(DATA_DIR / name), name):
            if len(text.split()) >= MIN_WORDS:
                found.append((textstat.flesch_kincaid_grade(text), where, text))
    return found


def worst(measured, count: int = 10) -> str:
    return "\n".join(f"  grade {grade:4.1f}  {where}" for grade, where, _ in sorted(measured, reverse=True)[:count])


def test_patient_text_reads_at_grade_7_or_below_as_a_whole(measured):
    whole = textstat.flesch_kincaid_grade(" ".join(text for *_, text in measured))
    print(f"\nFlesch-Kincaid grade of all {len(measured)} English texts of {MIN_WORDS}+ words: {whole:.1f}")
    print("hardest fields:\n" + worst(measured))
    assert whole <= WHOLE_GRADE, f"grade {whole:.1f} as a whole; the hardest fields:\n{worst(measured)}"


def test_no_text_field_reads_above_grade_10(measured):
    too_hard = [item for item in measured if item[0] > FIELD_GRADE]
    assert not too_hard, f"{len(too_hard)} fields above grade {FIELD_GRADE:g}:\n{worst(too_hard, len(too_hard))}"


def test_the_measure_tells_plain_from_hard_words():
    """The check can fail: a sentence full of long medical words scores far above a plain one."""
    plain = "The shot makes the muscle weak for a while. The lines look softer. It wears off in a few months."
    hard = ("Botulinum neurotoxin type A inhibits presynaptic acetylcholine exocytosis, producing reversible "
            "chemodenervation of hyperfunctional musculature responsible for dynamic rhytides.")
    assert textstat.flesch_kincaid_grade(plain) < WHOLE_GRADE < FIELD_GRADE < textstat.flesch_kincaid_grade(hard)


def test_every_file_a_patient_reads_is_measured():
    assert set(PATIENT_FILES) == {*LIST_FILES, *MAPPING_FILES} - {"sources.yaml"}
