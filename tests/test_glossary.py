import datetime as dt

import pytest

from botox_explorer.glossary import GlossaryIndex, search
from botox_explorer.models import GlossaryTerm


def term(term_id: str, word: str, *also: str, meaning: str = "A plain meaning.") -> GlossaryTerm:
    return GlossaryTerm(id=term_id, term={"en": word}, also={"en": list(also)}, meaning={"en": meaning},
                        sources=["label-a"], reviewed_on=dt.date(2026, 1, 1))


def terms_in(text, glossary):
    return list(GlossaryIndex(glossary).terms_in(text))


def new_terms(texts, glossary, explained=()):
    return GlossaryIndex(glossary).new_terms(texts, explained)


GLOSSARY = {t.id: t for t in (
    term("label", "label", meaning="The printed facts about a medicine."),
    term("off-label", "off-label", meaning="Used in a way the FDA has not approved."),
    term("unit", "unit", "units", meaning="How a dose is measured."),
    term("boxed-warning", "boxed warning"),
    term("ptosis", "ptosis", "drooping eyelid", "drooping eyelids"),
)}


def test_words_are_found_whole_in_reading_order_whatever_their_case():
    assert terms_in("Units of each brand differ. A Ptosis can follow.", GLOSSARY) == ["unit", "ptosis"]
    assert terms_in("unitary and ptosisX are not words of the glossary", GLOSSARY) == []


def test_a_hyphen_joins_words_so_off_label_is_not_label():
    assert terms_in("This use is off-label.", GLOSSARY) == ["off-label"]
    assert terms_in("Read the label.", GLOSSARY) == ["label"]


@pytest.mark.parametrize("text", ["a drooping eyelid", "two drooping eyelids", "DROOPING EYELID"])
def test_other_forms_name_the_same_word(text):
    assert terms_in(text, GLOSSARY) == ["ptosis"]


def test_a_longer_form_wins_over_a_word_inside_it():
    glossary = {**GLOSSARY, "warning": term("warning", "warning")}
    assert terms_in("It has a boxed warning.", glossary) == ["boxed-warning"]


def test_only_the_first_mention_on_a_page_is_new():
    texts = ["Doses are in units.", "A unit of one brand; off-label use.", "More units, off-label again."]
    assert new_terms(texts, GLOSSARY) == ["unit", "off-label"]
    assert new_terms(texts[1:], GLOSSARY, explained=["unit"]) == ["off-label"]
    assert new_terms(texts, GLOSSARY, explained=GLOSSARY) == []


def test_search_looks_in_words_other_forms_and_meanings():
    assert [t.id for t in search(GLOSSARY, "eyelid")] == ["ptosis"]
    assert [t.id for t in search(GLOSSARY, "FDA approved")] == ["off-label"]
    assert [t.id for t in search(GLOSSARY, "dose measured")] == ["unit"]
    assert search(GLOSSARY, "nothing like this") == []


def test_an_empty_search_lists_every_word_alphabetically():
    assert [t.id for t in search(GLOSSARY, "  ")] == ["boxed-warning", "label", "off-label", "ptosis", "unit"]


def test_the_index_remembers_a_text_and_forgets_all_when_full(monkeypatch):
    monkeypatch.setattr("botox_explorer.glossary.REMEMBERED_TEXTS", 2)
    index = GlossaryIndex(GLOSSARY)
    index.terms_in("units")
    index.terms_in("ptosis")
    assert len(index._found) == 2
    assert index.terms_in("a label") == ("label",)
    assert list(index._found) == ["a label"]


def test_an_empty_glossary_finds_nothing():
    assert GlossaryIndex({}).terms_in("units and ptosis") == ()
