"""The forgiving search: the words patients type find their use, best match first, and nothing they type breaks it."""

import pytest

from botox_explorer.content import load_content
from botox_explorer.search import SearchIndex, fold, glossary_forms, query_terms, shown_query, stem, terms, use_fields
from tests.helpers import replace_in


@pytest.fixture(scope="module")
def english(real_content_module):
    return SearchIndex.from_content(real_content_module, "en")


@pytest.fixture(scope="module")
def spanish(real_content_module):
    return SearchIndex.from_content(real_content_module, "es")


@pytest.fixture(scope="module")
def real_content_module():
    return load_content()


@pytest.mark.parametrize(("text", "folded"), [
    ("Crow’s FEET", "crows feet"), ("crow‘s feet", "crows feet"), ("crow`s feet", "crows feet"),
    ("crow's feet", "crows feet"), ("Migraña", "migrana"), ("  sudoración\tÍNTIMA ", "sudoracion intima"),
    ("neck-bands (platysma)", "neck bands platysma"), ("a\x00b\u202ec", "a b c"),
])
def test_fold_drops_accents_apostrophes_case_and_punctuation(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(("word", "stemmed"), [
    ("wrinkles", "wrinkle"), ("arrugas", "arruga"), ("feet", "feet"), ("gas", "gas"), ("glass", "glass"),
])
def test_stem_drops_a_plurals_last_s(word, stemmed):
    assert stem(word) == stemmed


ENGLISH = {
    "crow’s feet": "crows-feet", "crow‘s feet": "crows-feet", "crow`s feet": "crows-feet", "crows feet": "crows-feet",
    "crow's feet": "crows-feet", "CROWS FEET": "crows-feet", "forehead wrinkles": "forehead-lines",
    "forhead": "forehead-lines", "TMJ": "bruxism-jaw-pain", "teeth grinding": "bruxism-jaw-pain",
    "teeth": "bruxism-jaw-pain", "migrane": "chronic-migraine", "migraines": "chronic-migraine",
    "migr": "chronic-migraine", "sweaty hands": "palm-sole-sweating", "bladder leaks": "neurogenic-bladder",
    "lazy eye": "strabismus", "hyperhidrosis": "underarm-sweating", "glabellar": "frown-lines",
}
SPANISH = {
    "arrugas": "frown-lines", "arruga": "frown-lines", "arugas": "frown-lines", "sudor": "underarm-sweating",
    "manos sudorosas": "palm-sole-sweating", "migraña": "chronic-migraine", "migrana": "chronic-migraine",
    "MIGRAÑAS": "chronic-migraine", "patas de gallo": "crows-feet", "rechinar dientes": "bruxism-jaw-pain",
    "dolor de cabeza": "chronic-migraine", "escapes de orina": "neurogenic-bladder",
}


@pytest.mark.parametrize(("query", "first"), ENGLISH.items())
def test_english_words_find_their_use_first(english, query, first):
    assert english.rank(query)[0] == first


@pytest.mark.parametrize(("query", "first"), SPANISH.items())
def test_spanish_words_find_their_use_first(spanish, query, first):
    assert spanish.rank(query)[0] == first


@pytest.mark.parametrize(("index", "query", "expected"), [
    ("english", "wrinkles", ["frown-lines", "crows-feet", "forehead-lines"]),
    ("spanish", "arrugas", ["frown-lines", "crows-feet", "forehead-lines"]),
    ("english", "bladder leaks", ["neurogenic-bladder", "overactive-bladder"]),
    ("english", "sweaty hands", ["palm-sole-sweating", "underarm-sweating"]),
    ("spanish", "sudor", ["underarm-sweating", "palm-sole-sweating"]),
    ("english", "migrane", ["chronic-migraine", "episodic-migraine"]),
    ("spanish", "migraña", ["chronic-migraine", "episodic-migraine"]),
    ("english", "TMJ", ["bruxism-jaw-pain"]),
    ("english", "teeth grinding", ["bruxism-jaw-pain"]),
])
def test_a_patient_word_finds_exactly_the_uses_it_describes(request, index, query, expected):
    assert request.getfixturevalue(index).rank(query) == expected


def test_the_best_match_comes_first(english):
    found = english.rank("teeth")
    assert found.index("bruxism-jaw-pain") < found.index("jaw-slimming")


def test_every_word_of_the_query_must_be_found(english):
    assert english.rank("forehead wrinkles") == ["forehead-lines"]
    assert english.rank("crows bladder") == []


def test_a_short_word_is_found_whole_only(english):
    assert english.rank("tm") == []
    assert english.rank("mig") == []


def test_a_word_found_in_the_name_counts_more_than_in_the_text():
    index = SearchIndex({"text": [("about feet", 1.0)], "name": [("feet", 3.0)]})
    assert index.rank("feet") == ["name", "text"]
    assert index.rank("fet") == []


def test_a_typo_counts_less_than_the_word_itself():
    index = SearchIndex({"typo": [("migrain", 3.0)], "exact": [("migraine", 3.0)]})
    assert index.rank("migraine") == ["exact", "typo"]
    assert index.rank("migra") == ["typo", "exact"]


def test_the_whole_phrase_counts_more_than_its_words_apart():
    index = SearchIndex({"apart": [("feet of the crow", 3.0)], "phrase": [("crows feet", 3.0)]})
    assert index.rank("crow feet") == ["phrase", "apart"]


def test_ties_keep_the_files_order():
    index = SearchIndex({"b": [("sweat", 1.0)], "a": [("sweat", 1.0)]})
    assert index.rank("sweat") == ["b", "a"]


@pytest.mark.parametrize("query", [
    "x" * 10_000, "a\x00\x1b\x7f\u202e\ufeff", ".*(", "[", "\\", "(?P<x>", "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "{count} {query}", "%s %d", "'" * 50, "’", "   ", "", "🙂" * 80,
    " ".join(["wrinkles"] * 200),
])
def test_hostile_input_never_raises(english, spanish, query):
    for index in (english, spanish):
        assert set(index.rank(query)) <= set(index.position)
        assert len(index.nearest(query)) <= 3


def test_a_query_without_words_finds_nothing(english):
    assert english.rank(".*(") == []
    assert english.rank("’") == []


def test_query_terms_are_bounded_and_each_once():
    assert query_terms("wrinkles Wrinkle WRINKLES feet") == ["wrinkle", "feet"]
    assert len(query_terms(" ".join(f"w{n}" for n in range(100)))) == 12
    assert query_terms("a" * 99 + " tail") == ["a" * 99]


def test_nearest_suggests_the_closest_uses_for_a_query_that_finds_nothing(english, spanish):
    assert english.rank("mygrane headake") == []
    assert english.nearest("mygrane headake")[:2] == ["chronic-migraine", "episodic-migraine"]
    assert "crows-feet" in english.nearest("crowsfeet")
    assert len(english.nearest("pain", limit=2)) == 2
    assert spanish.nearest("migranya dolor")[0] == "chronic-migraine"
    assert english.nearest("qqqqqq") == []


def test_a_use_is_found_by_its_name_words_glossary_forms_and_text(real_content_module):
    fields = use_fields(real_content_module.uses["underarm-sweating"], real_content_module, "es")
    texts = [text for text, _ in fields]
    assert fields[0] == ("Sudoración intensa de las axilas (hiperhidrosis axilar)", 3.0)
    assert ("sudor", 3.0) in fields and ("hiperhidrosis", 2.0) in fields
    assert fields[-1][1] == 1.0 and "Axilas" in texts[-1]


def test_glossary_forms_are_every_form_of_a_word_the_text_holds(content_dir):
    content = load_content(content_dir)
    assert glossary_forms(content, "A toxin’s dose") == ["toxin", "toxins"]
    assert glossary_forms(content, "Two TOXINS here") == ["toxin", "toxins"]
    assert glossary_forms(content, "detoxing") == []


def test_words_of_the_word_list_lead_to_their_use(content_dir):
    replace_in(content_dir, "search_words.yaml", "{en: [bladder leaks]}", "{en: [sudden urges]}")
    index = SearchIndex.from_content(load_content(content_dir))
    assert index.rank("urges") == ["bladder-test"]
    assert index.rank("leaks") == []
    assert index.rank("crows feet") == ["lines"]


def test_terms_fold_and_stem():
    assert terms("Crow’s Feet wrinkles") == ["crow", "feet", "wrinkle"]


@pytest.mark.parametrize(("query", "shown"), [
    ("crow’s feet", "crow’s feet"), ("migraña", "migraña"), ("<script>alert(1)</script>", "script alert 1 /script"),
    ("**bold** :red[x] $x$", "bold red x x"), ("[a](javascript:b)", "a javascript b"), ("a\u202eb\x00c", "a b c"),
    ("x" * 500, "x" * 100),
])
def test_the_query_is_repeated_without_markup(query, shown):
    assert shown_query(query) == shown


def test_a_word_counts_its_fields_weight_less_for_a_start_of_a_word_or_a_near_miss():
    index = SearchIndex({"exact": [("migraine", 3.0)], "start": [("migrainesque", 3.0)], "near": [("migrain", 1.0)],
                         "near-start": [("migrainey", 2.0)]})
    assert index.word_scores("migraine") == pytest.approx({
        "exact": 3.0,  # the word itself: its field's weight
        "start": 0.9 * 3.0,  # a longer word that starts with it (not a near miss: 80% alike)
        "near": 14 / 15 * 1.0,  # a near miss: its likeness
        "near-start": 16 / 17 * 2.0,  # both: the better of the two
    })


def test_a_typo_finds_every_use_that_holds_a_near_word():
    index = SearchIndex({f"use-{letter}": [(f"migrain{letter}", 3.0)] for letter in "auoyzx"})
    assert index.rank("migraine") == [f"use-{letter}" for letter in "auoyzx"]


def test_a_word_in_a_uses_name_counts_as_the_names_even_when_its_text_holds_it_too():
    index = SearchIndex({"words": [("wrinkle", 2.0)], "name": [("wrinkle", 3.0), ("a wrinkle", 1.0)]})
    assert index.rank("wrinkl") == ["name", "words"]


def test_the_words_found_count_besides_the_phrase():
    index = SearchIndex({"text": [("crow feet", 1.0)], "name-too": [("crow", 3.0), ("crow feet", 1.0)]})
    assert index.rank("crow feet") == ["name-too", "text"]


def test_the_phrase_counts_even_in_a_uses_text():
    index = SearchIndex({"apart": [("feet of the crow", 1.0)], "phrase": [("crow feet", 1.0)]})
    assert index.rank("crow feet") == ["phrase", "apart"]


def test_a_spanish_use_is_found_by_its_spanish_summary_explanation_and_areas(real_content_module):
    use = real_content_module.uses["underarm-sweating"]
    body = " ".join([use.summary["es"], use.explanation["es"],
                     *(real_content_module.areas[area].name["es"] for area in use.areas)])
    assert use_fields(use, real_content_module, "es")[-1] == (body, 1.0)


def test_patient_words_in_english_only_leave_a_spanish_search_working(content_dir):
    index = SearchIndex.from_content(load_content(content_dir), "es")
    assert index.rank("leaks") == []  # the English patient words are not Spanish ones
    assert index.rank("bladder") == ["bladder-test"]  # the name, in English until it has a Spanish one


def test_a_glossary_word_in_a_uses_name_leads_to_it_by_its_other_forms(content_dir):
    replace_in(content_dir, "glossary.yaml", "also: {en: [toxins]}", "also: {en: [neurotoxin]}")
    replace_in(content_dir, "uses.yaml", "name: {en: Test mood}", "name: {en: Toxin and mood}")
    assert SearchIndex.from_content(load_content(content_dir)).rank("neurotoxin") == ["mood"]
