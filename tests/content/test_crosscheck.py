"""Every reference between content files is checked, and a broken one is named by file, record and field."""

import shutil

import pytest

from botox_explorer.content import DATA_DIR, crosscheck, load_content
from botox_explorer.content.__main__ import main
from botox_explorer.content.crosscheck import citations
from tests.helpers import append_to, problems_after, problems_of, replace_in

# (file, text in the fixture, its broken replacement, the problem the loader must report)
BROKEN_REFERENCES = {
    "use area": ("uses.yaml", "areas: [bladder]", "areas: [elbow]",
                 "uses.yaml, record 'bladder-test', field 'areas': names unknown area 'elbow'"),
    "use location": ("uses.yaml", "offered_at: [here]", "offered_at: [there]",
                     "uses.yaml, record 'lines', field 'offered_at': names unknown clinic location 'there'"),
    "label-dose product": ("uses.yaml", "label_dose: {product: prod-a", "label_dose: {product: nope",
                           "uses.yaml, record 'lines', field 'label_dose.product': names unknown product 'nope'"),
    "approval use": ("products.yaml", "use: lines,", "use: wrinkles,",
                     "products.yaml, record 'prod-a', field 'approvals[0].use': names unknown use 'wrinkles'"),
    "approval source": ("products.yaml", "text: {en: Test lines}, sources: [label-a]",
                        "text: {en: Test lines}, sources: [nowhere]",
                        "products.yaml, record 'prod-a', field 'approvals[0].sources': cites unknown source 'nowhere'"),
    "use source": ("uses.yaml", "sources: [paper-b]", "sources: [nowhere]",
                   "uses.yaml, record 'bladder-test', field 'sources': cites unknown source 'nowhere'"),
    "label-dose source": ("uses.yaml", "high: 20, sources: [label-a]", "high: 20, sources: [nowhere]",
                          "uses.yaml, record 'lines', field 'label_dose.sources': cites unknown source 'nowhere'"),
    "history source": ("history.yaml", "sources: [label-a]", "sources: [nowhere]",
                       "history.yaml, record 'first', field 'sources': cites unknown source 'nowhere'"),
    "product source": ("products.yaml", "  sources: [label-a]\n", "  sources: [nowhere]\n",
                       "products.yaml, record 'prod-a', field 'sources': cites unknown source 'nowhere'"),
    "myth source": ("myths.yaml", "sources: [paper-b]", "sources: [nowhere]",
                    "myths.yaml, record 'myth-one', field 'sources': cites unknown source 'nowhere'"),
    "safety source": ("safety.yaml", "Test allergy.}, sources: [label-a]", "Test allergy.}, sources: [nowhere]",
                      "safety.yaml, record 'allergy', field 'do_not_treat.sources': cites unknown source 'nowhere'"),
    "safety item's use": ("safety.yaml", "Test allergy.}, sources: [label-a]",
                          "Test allergy.}, applies_to: [wrinkles], sources: [label-a]",
                          "safety.yaml, record 'allergy', field 'do_not_treat.applies_to': "
                          "names unknown use 'wrinkles'"),
    "statistics source": ("statistics.yaml", "count: 4000000, sources: [paper-b]",
                          "count: 4000000, sources: [nowhere]",
                          "statistics.yaml, record 'society', field 'series.points[1].sources': "
                          "cites unknown source 'nowhere'"),
    "site source": ("site.yaml", "Both words.}, sources: [paper-b]", "Both words.}, sources: [nowhere]",
                    "site.yaml, record 'relax', field 'relax_or_paralyze.sources': cites unknown source 'nowhere'"),
}


@pytest.mark.parametrize(("file", "old", "new", "expected"), BROKEN_REFERENCES.values(), ids=BROKEN_REFERENCES)
def test_a_broken_reference_is_named(content_dir, file, old, new, expected):
    assert expected in problems_after(content_dir, file, old, new)


def test_a_safety_item_naming_its_uses_wrongly_is_named(content_dir):
    problems = problems_after(content_dir, "safety.yaml", "Test allergy.}, sources: [label-a]",
                              "Test allergy.}, applies_to: Bladder only, sources: [label-a]")
    assert problems == ["safety.yaml, record 'allergy', field 'applies_to': Input should be a valid list"]


def test_a_statistics_note_citing_an_unknown_source_is_named(content_dir):
    append_to(content_dir, "statistics.yaml",
              "notes:\n  - {id: caveat, text: {en: A caveat.}, sources: [nowhere], reviewed_on: 2026-01-01}\n")
    assert problems_of(content_dir) == [
        "statistics.yaml, record 'caveat', field 'notes.sources': cites unknown source 'nowhere'"
    ]


def test_a_label_dose_of_a_product_not_approved_for_the_use_is_named(content_dir):
    extra = ("- id: prod-b\n  brand: OTHERTOX\n  generic_name: othertoxinA\n  maker: {en: M}\n  serotype: A\n"
             "  us_status: not-approved\n  sources: [label-a]\n  reviewed_on: 2026-01-01\n")
    append_to(content_dir, "products.yaml", extra)
    problems = problems_after(content_dir, "uses.yaml", "label_dose: {product: prod-a", "label_dose: {product: prod-b")
    assert problems == [
        "uses.yaml, record 'lines', field 'label_dose.product': gives a label dose of 'prod-b', which products.yaml "
        "does not record as approved for this use"
    ]


def test_citations_list_every_citing_field(content_dir):
    fields = {(file, field) for file, _, field, _ in citations(load_content(content_dir))}
    assert fields == {
        ("uses.yaml", "sources"), ("uses.yaml", "label_dose.sources"), ("history.yaml", "sources"),
        ("products.yaml", "sources"), ("products.yaml", "approvals[0].sources"), ("myths.yaml", "sources"),
        ("safety.yaml", "boxed_warning.sources"),
        ("safety.yaml", "do_not_treat.sources"), ("safety.yaml", "red_flags.sources"),
        ("safety.yaml", "questions_to_ask.sources"), ("glossary.yaml", "sources"), ("illustrations.yaml", "sources"),
        ("statistics.yaml", "series.points[0].sources"), ("statistics.yaml", "series.points[1].sources"),
        ("site.yaml", "intro.sources"), ("site.yaml", "mechanism.sources"),
        ("site.yaml", "relax_or_paralyze.sources"), ("fact_boxes.yaml", "sources"),
        ("fact_boxes.yaml", "benefits[0].sources"), ("fact_boxes.yaml", "harms[0].sources"),
        ("alternatives.yaml", "sources"), ("choices.yaml", "sources"), ("decision_aid.yaml", "intro.sources"),
        ("decision_aid.yaml", "sure_note.sources"), ("decision_aid.yaml", "decide_later.sources"),
        ("decision_aid.yaml", "brand_note.sources"),
    }


def test_an_approved_use_that_no_product_records_is_named(content_dir):
    problems = problems_after(content_dir, "products.yaml", "use: lines,", "use: mood,")
    assert "uses.yaml, record 'lines', field 'status.kind': is 'approved', but no product in products.yaml records "\
        "an approval for this use" in problems
    assert "products.yaml, record 'prod-a', field 'approvals[0].use': records an approval for 'mood', whose "\
        "status in uses.yaml is 'investigational'" in problems


def test_a_product_approval_for_a_use_that_is_not_approved_is_named(content_dir):
    problems = problems_after(content_dir, "uses.yaml", "status: {kind: approved}", "status: {kind: off-label}")
    assert problems == [
        "products.yaml, record 'prod-a', field 'approvals[0].use': records an approval for 'lines', whose status "
        "in uses.yaml is 'off-label'",
    ]


def test_a_history_event_takes_its_date_from_the_approval_it_marks(content_dir):
    replace_in(content_dir, "history.yaml", "  year: 1989\n", "  approval: {product: prod-a, use: lines}\n")
    [event] = load_content(content_dir).history
    assert (event.year, event.month) == (2002, 4)


def test_a_history_event_marking_an_unrecorded_approval_is_named(content_dir):
    problems = problems_after(content_dir, "history.yaml", "  year: 1989\n",
                              "  approval: {product: prod-a, use: mood}\n")
    assert problems[0] == ("history.yaml, record 'first', field 'approval': marks an approval of 'prod-a' for 'mood' "
                           "that products.yaml does not record")


def test_a_history_event_with_both_a_year_and_an_approval_is_named(content_dir):
    problems = problems_after(content_dir, "history.yaml", "  year: 1989\n",
                              "  year: 1989\n  approval: {product: prod-a, use: lines}\n")
    assert problems == ["history.yaml, record 'first': give either a year (with an optional month) or the approval "
                        "it marks, not both"]


def test_a_text_missing_a_language_of_the_site_is_named(content_dir):
    replace_in(content_dir, "site.yaml", "title: {en: Test", "languages: [en, es]\ntitle: {en: Test")
    problems = problems_of(content_dir)
    assert "site.yaml, field 'title': has no 'es' text" in problems
    assert "uses.yaml, record 'lines', field 'name': has no 'es' text" in problems
    assert "safety.yaml, record 'allergy', field 'do_not_treat.text': has no 'es' text" in problems
    assert "choices.yaml, record 'lines', field 'without_treatment': has no 'es' text" in problems
    assert "fact_boxes.yaml, record 'lines-prod-a', field 'benefits[0].measure': has no 'es' text" in problems
    assert "decision_aid.yaml, record 'needles', field 'matters.text': has no 'es' text" in problems


def test_the_real_content_names_the_one_text_left_without_spanish(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path / "data")
    replace_in(tmp_path / "data", "uses.yaml", "    es: Líneas del entrecejo, entre las cejas\n", "")
    assert problems_of(tmp_path / "data") == ["uses.yaml, record 'frown-lines', field 'name': has no 'es' text"]


def test_a_site_without_english_is_refused(content_dir):
    problems = problems_after(content_dir, "site.yaml", "title: {en: Test Explorer}",
                              "languages: [es]\ntitle: {en: Test Explorer}")
    assert any("site.yaml" in p and "languages must include 'en'" in p for p in problems)


SECOND_TERM = ("- id: poison\n  term: {en: poison}\n  also: {en: [Toxins]}\n  meaning: {en: Another meaning.}\n"
               "  sources: [label-a]\n  reviewed_on: 2026-01-01\n")


def test_a_word_has_one_meaning_whatever_its_case(content_dir):
    append_to(content_dir, "glossary.yaml", SECOND_TERM)
    assert problems_of(content_dir) == [
        "glossary.yaml, record 'poison', field 'also': 'Toxins' is also a form of 'toxin'"]


def test_a_word_may_repeat_its_own_forms(content_dir):
    replace_in(content_dir, "glossary.yaml", "also: {en: [toxins]}", "also: {en: [toxins, Toxin, toxins]}")
    assert list(load_content(content_dir).glossary) == ["toxin"]


def test_a_drawing_a_page_shows_must_be_listed(content_dir):
    assert problems_after(content_dir, "illustrations.yaml", "- id: home-welcome", "- id: home-other") == [
        "illustrations.yaml: misses the drawing 'home-welcome' a page shows"]


def test_a_listed_drawing_must_be_in_the_assets(content_dir):
    assert problems_after(content_dir, "illustrations.yaml", "file: face.svg", "file: nowhere.svg") == [
        "illustrations.yaml, record 'face', field 'file': names 'nowhere.svg', which is not in assets/illustrations/"]


def test_a_listed_drawing_must_be_a_plain_picture(content_dir, monkeypatch):
    def refuse(file: str) -> str:
        if file == "body.svg":
            raise crosscheck.NotAPlainDrawing("body.svg: <script> is not allowed in a drawing")
        return ""

    monkeypatch.setattr(crosscheck, "read_drawing", refuse)
    assert problems_of(content_dir) == [
        "illustrations.yaml, record 'body', field 'file': names a drawing that is not a plain picture "
        "(body.svg: <script> is not allowed in a drawing)"]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("A physician should examine you first.", "en", {"should"}),
    ("Un médico debe examinarle primero.", "es", {"must"}),
    ("Un médico debería examinarle primero.", "es", {"should"}),
    ("People without a license may not inject it.", "en", {"not"}),
    ("Las personas sin licencia no pueden aplicarla.", "es", {"not"}),
    ("You do not have to decide today.", "en", {"not"}),
    ("No tiene que decidir hoy.", "es", {"not"}),
    ("Its problems are due to a nerve condition.", "en", set()),
    ("Sus problemas se deben a una afección de los nervios.", "es", set()),
    ("What should I do if one happens?", "en", {"should"}),
    ("¿Qué debo hacer si me pasa uno?", "es", {"should"}),
    ("The toxin can spread; it may help.", "en", set()),
    ("La toxina puede propagarse; puede ayudar.", "es", set()),
])
def test_the_words_of_obligation_and_negation_are_read_in_each_language(text, language, expected):
    assert crosscheck.obligations(text, language) == expected


def test_english_and_spanish_that_differ_in_obligation_are_named(content_dir):
    replace_in(content_dir, "site.yaml", "reminder: {en: Talk to a qualified medical professional.}",
               "reminder: {en: You should talk to a qualified medical professional., "
               "es: Debe hablar con un profesional de salud.}")
    assert ("site.yaml, field 'reminder': says 'should' in English but 'must' in Spanish: the two must carry the "
            "same obligation or negation") in problems_of(content_dir)
    replace_in(content_dir, "site.yaml", "es: Debe hablar", "es: Debería hablar")
    assert load_content(content_dir).site.reminder["es"] == "Debería hablar con un profesional de salud."


def test_a_word_list_for_an_unknown_use_is_named(content_dir, capsys):
    replace_in(content_dir, "search_words.yaml", "- id: bladder-test", "- id: wrinkles")
    assert problems_of(content_dir) == [
        "search_words.yaml, record 'wrinkles', field 'id': names unknown use 'wrinkles'"]
    assert main(["check", str(content_dir)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "search_words.yaml, record 'wrinkles', field 'id': names unknown use 'wrinkles'")


def test_a_word_list_without_a_published_language_is_named(content_dir):
    append_to(content_dir, "site.yaml", "languages: [en, es]\n")
    assert "search_words.yaml, record 'lines', field 'words': has no 'es' words" in problems_of(content_dir)


def test_a_word_list_in_an_unknown_language_is_refused(content_dir):
    replace_in(content_dir, "search_words.yaml", "{en: [bladder leaks]}", "{en: [leaks], fr: [fuites]}")
    assert problems_of(content_dir) == [
        "search_words.yaml, record 'bladder-test', field 'words.fr[key]': Input should be 'en' or 'es'; got 'fr'"]
