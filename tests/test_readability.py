"""Plain words, measured with the maintained textstat package: the English patient text of data/ reads at grade 7
or below as a whole and no text field above grade 10 (Flesch-Kincaid grade level); the Spanish reads "bastante
fácil" or easier as a whole (Fernández-Huerta 70 or more, about grade 7) and no field is below 35 ("difícil"),
with the INFLESZ (Szigriszt-Pazos) figure printed beside it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import textstat

from botox_explorer.content import DATA_DIR
from botox_explorer.content.registry import CONTENT_FILES
from botox_explorer.content.yaml_reader import read_yaml

MIN_WORDS = 20  # shorter texts (names, labels) have too few sentences for a grade to mean anything
WHOLE_GRADE = 7.0
FIELD_GRADE = 10.0
PATIENT_FILES = tuple(file.name for file in CONTENT_FILES if file.patient_text)


SPANISH_WHOLE_EASE = 70.0  # Fernández-Huerta: 70-80 "bastante fácil" (about grade 7), 80-90 "fácil"
SPANISH_FIELD_EASE = 35.0


def texts_in(language: str, node, where: str = "") -> Iterator[tuple[str, str]]:
    """(place, text) for every language mapping's text in ``language`` in a parsed content file."""
    if isinstance(node, dict):
        if isinstance(node.get("en"), str) and all(len(key) <= 5 for key in node):
            yield where, node[language]
            return
        record = f"{where}/{node['id']}" if isinstance(node.get("id"), str) else where
        for key, value in node.items():
            yield from texts_in(language, value, f"{record}.{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from texts_in(language, value, f"{where}[{number}]")


def long_texts(language: str) -> list[tuple[str, str]]:
    found = (item for name in PATIENT_FILES for item in texts_in(language, read_yaml(DATA_DIR / name), name))
    return [(where, text) for where, text in found if len(text.split()) >= MIN_WORDS]


@pytest.fixture(scope="module")
def measured() -> list[tuple[float, str, str]]:
    """(grade, place, text) for every English text of MIN_WORDS words or more."""
    textstat.set_lang("en_US")
    return [(textstat.flesch_kincaid_grade(text), where, text) for where, text in long_texts("en")]


def worst(measured, count: int = 10) -> str:
    return "\n".join(f"  grade {grade:4.1f}  {where}" for grade, where, _ in sorted(measured, reverse=True)[:count])


def test_patient_text_reads_at_grade_7_or_below_as_a_whole(measured):
    textstat.set_lang("en_US")
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


@pytest.fixture(scope="module")
def spanish() -> tuple[float, float, list[tuple[float, str, str]]]:
    """Fernández-Huerta and INFLESZ of the whole Spanish text, and (ease, place, text) for every long text."""
    textstat.set_lang("es")
    found = [(textstat.fernandez_huerta(text), where, text) for where, text in long_texts("es")]
    whole = " ".join(text for *_, text in found)
    return textstat.fernandez_huerta(whole), textstat.szigriszt_pazos(whole), found


def test_spanish_patient_text_reads_fairly_easy_as_a_whole(spanish, measured):
    ease, inflesz, found = spanish
    textstat.set_lang("en_US")
    grade = textstat.flesch_kincaid_grade(" ".join(text for *_, text in measured))
    print(f"\nSpanish, {len(found)} texts: Fernández-Huerta {ease:.1f}, INFLESZ {inflesz:.1f}; "
          f"English, {len(measured)} texts: Flesch-Kincaid grade {grade:.1f}")
    hardest = "\n".join(f"  ease {score:5.1f}  {where}" for score, where, _ in sorted(found)[:10])
    print("hardest Spanish fields:\n" + hardest)
    assert ease >= SPANISH_WHOLE_EASE, f"Fernández-Huerta {ease:.1f} as a whole; the hardest:\n{hardest}"


def test_no_spanish_field_reads_as_hard_as_a_textbook(spanish):
    too_hard = [(round(score, 1), where) for score, where, _ in spanish[2] if score < SPANISH_FIELD_EASE]
    assert not too_hard, f"Spanish fields below Fernández-Huerta {SPANISH_FIELD_EASE:g}: {too_hard}"


def test_the_spanish_measure_tells_plain_from_hard_words():
    textstat.set_lang("es")
    plain = "La inyección relaja el músculo por un tiempo. Las líneas se ven más suaves. El efecto dura unos meses."
    hard = ("La neurotoxina botulínica tipo A inhibe la exocitosis presináptica de acetilcolina, produciendo "
            "quimiodenervación reversible de la musculatura hiperfuncional responsable de las arrugas dinámicas.")
    assert textstat.fernandez_huerta(hard) < SPANISH_FIELD_EASE < SPANISH_WHOLE_EASE < textstat.fernandez_huerta(plain)


def test_every_long_text_has_its_spanish_measured(measured, spanish):
    assert len(spanish[2]) >= len(measured) * 0.9, "about as many long texts in Spanish as in English"
