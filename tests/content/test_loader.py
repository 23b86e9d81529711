import datetime as dt

import pytest

from botox_explorer.content import ContentError, load_content
from botox_explorer.content.registry import record_counts
from tests.helpers import append_to, problems_after, problems_of, replace_in


def test_minimal_content_loads(content_dir):
    content = load_content(content_dir)
    assert list(content.uses) == ["lines", "bladder-test", "mood"]
    assert [(a.product.id, a.approval.year) for a in content.approvals_for("lines")] == [("prod-a", 2002)]
    assert content.products["prod-a"].first_us_approval == 2002
    assert record_counts(content)["uses.yaml"] == 3


def test_unknown_category_names_file_record_and_field(content_dir):
    problems = problems_after(content_dir, "uses.yaml", "category: cosmetic", "category: beauty")
    assert problems == [
        "uses.yaml, record 'lines', field 'category': Input should be 'cosmetic', 'medical' or "
        "'psychological'; got 'beauty'"
    ]


def test_unknown_source_id(content_dir):
    problems = problems_after(content_dir, "uses.yaml", "sources: [paper-b]", "sources: [nowhere]")
    assert "uses.yaml, record 'bladder-test', field 'sources': cites unknown source 'nowhere'" in problems


def test_missing_sources(content_dir):
    problems = problems_after(content_dir, "history.yaml", "  sources: [label-a]\n", "")
    assert problems == ["history.yaml, record 'first', field 'sources': Field required"]


def test_source_never_cited(content_dir):
    uncited = (
        "- {id: lonely, title: T, publisher: P, year: 2020, kind: news, url: 'https://example.org', "
        "accessed: 2026-01-01}\n"
    )
    append_to(content_dir, "sources.yaml", uncited)
    assert problems_of(content_dir) == ["sources.yaml, record 'lonely', field 'id': is not cited by any record"]


def test_duplicate_id(content_dir):
    problems = problems_after(content_dir, "uses.yaml", "- id: mood", "- id: lines")
    assert "uses.yaml, record 'lines', field 'id': is used by more than one record" in problems


def test_wrong_type(content_dir):
    problems = problems_after(content_dir, "statistics.yaml", "count: 4000000", "count: many")
    assert problems == [
        "statistics.yaml, record 'society', field 'points[1].count': "
        "Input should be a valid integer, unable to parse string as an integer"
    ]


def test_reversed_range(content_dir):
    problems = problems_after(
        content_dir, "uses.yaml", "{low: 3, high: 4, unit: months}", "{low: 4, high: 3, unit: months}"
    )
    assert problems == ["uses.yaml, record 'lines', field 'timing.duration': low (4.0) is above high (3.0)"]


def test_implausible_year(content_dir):
    problems = problems_after(content_dir, "history.yaml", "year: 1989", "year: 2989")
    assert len(problems) == 1
    assert "record 'first', field 'year'" in problems[0]
    assert "2989" in problems[0]


def test_unknown_field_is_a_typo(content_dir):
    problems = problems_after(content_dir, "myths.yaml", "verdict:", "verdikt:")
    assert "myths.yaml, record 'myth-one', field 'verdikt': is not a known field (check its spelling)" in problems


def test_file_that_is_not_a_list(content_dir):
    problems = problems_after(content_dir, "history.yaml", "- id: first", "id: first\nx:")
    assert len(problems) == 1
    assert problems[0].startswith("history.yaml")


def test_mapping_file_given_a_list(content_dir):
    (content_dir / "clinic.yaml").write_text("- one\n- two\n")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    assert [str(p) for p in caught.value.problems] == ["clinic.yaml: must be a mapping of fields, not a list"]


def test_nested_record_in_mapping_file_is_named(content_dir):
    problems = problems_after(content_dir, "safety.yaml", "text: {en: Trouble swallowing.}", "text: {en: ''}")
    assert problems == ["safety.yaml, record 'swallowing', field 'text': needs a non-empty 'en' text"]


def test_medical_use_must_say_who_treats_it(content_dir):
    problems = problems_after(content_dir, "uses.yaml", "  treated_by: {en: A urologist}\n", "")
    assert problems == ["uses.yaml, record 'bladder-test': a medical use must say who treats it (treated_by)"]


def test_every_problem_in_every_file_is_reported(content_dir):
    (content_dir / "areas.yaml").write_text("- {id: Bad Id, name: {en: x}, figure: face, x: 1, y: 1}\n")
    (content_dir / "myths.yaml").write_text("")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    files = {problem.file for problem in caught.value.problems}
    assert files == {"areas.yaml", "myths.yaml"}


def test_counts_name_every_file(content_dir):
    assert record_counts(load_content(content_dir)) == {
        "sources.yaml": 2, "areas.yaml": 2, "uses.yaml": 3, "history.yaml": 1, "products.yaml": 1,
        "myths.yaml": 1, "safety.yaml": 4, "statistics.yaml": 1, "clinic.yaml": 1, "site.yaml": 5,
        "glossary.yaml": 1, "illustrations.yaml": 6, "fact_boxes.yaml": 1, "alternatives.yaml": 1,
        "choices.yaml": 3, "decision_aid.yaml": 9, "search_words.yaml": 2,
    }


def test_a_problem_in_a_list_item_of_a_record_names_its_position(content_dir):
    problems = problems_after(content_dir, "products.yaml", "text: {en: Test lines}", "txt: {en: Test lines}")
    assert problems == [
        "products.yaml, record 'prod-a', field 'approvals[0].text': Field required",
        "products.yaml, record 'prod-a', field 'approvals[0].txt': is not a known field (check its spelling)",
    ]


def test_a_record_that_is_not_a_mapping_is_named_by_position(content_dir):
    with open(content_dir / "myths.yaml", "a", encoding="utf-8") as myths:
        myths.write("- just a sentence\n")
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    assert [str(p) for p in caught.value.problems] == ["myths.yaml, record '#2': must be a mapping of fields"]


def test_history_is_sorted_by_year_and_month(content_dir):
    with open(content_dir / "history.yaml", "a", encoding="utf-8") as history:
        history.write("- {id: late, year: 1989, month: 12, kind: research, title: {en: L}, text: {en: L}, "
                      "sources: [label-a], reviewed_on: 2026-01-01}\n"
                      "- {id: early, year: 1989, month: 2, kind: research, title: {en: E}, text: {en: E}, "
                      "sources: [label-a], reviewed_on: 2026-01-01}\n"
                      "- {id: older, year: 1950, kind: research, title: {en: O}, text: {en: O}, sources: [label-a], "
                      "reviewed_on: 2026-01-01}\n")
    assert [e.id for e in load_content(content_dir).history] == ["older", "first", "early", "late"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{es: Líneas}", "needs a non-empty 'en' text"),
        ("{en: '  '}", "needs a non-empty 'en' text"),
        ("{en: Lines, es-mx: Líneas}", "'es-mx' is not a language code such as 'en' or 'es'"),
        ("{en: Lines, spanish: Líneas}", "'spanish' is not a language code such as 'en' or 'es'"),
    ],
)
def test_a_text_needs_english_and_language_codes(content_dir, text, problem):
    problems = problems_after(content_dir, "uses.yaml", "name: {en: Test lines}", f"name: {text}")
    assert problems == [f"uses.yaml, record 'lines', field 'name': {problem}"]


def test_language_codes_with_a_region_are_accepted(content_dir):
    replace_in(content_dir, "uses.yaml", "name: {en: Test lines}", "name: {en: Test lines, es-MX: Líneas}")
    assert load_content(content_dir).uses["lines"].name["es-MX"] == "Líneas"


@pytest.mark.parametrize("year", [1800, dt.date.today().year])
def test_years_from_1800_to_this_year_are_plausible(content_dir, year):
    replace_in(content_dir, "history.yaml", "year: 1989", f"year: {year}")
    assert load_content(content_dir).history[0].year == year


@pytest.mark.parametrize("year", [1799, dt.date.today().year + 1])
def test_years_outside_are_not(content_dir, year):
    problems = problems_after(content_dir, "history.yaml", "year: 1989", f"year: {year}")
    assert problems == [f"history.yaml, record 'first', field 'year': year {year} is not between 1800 and this year"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("'<script>alert(1)</script>'", "'<s'"),
        ("'Read <b>this</b>'", "'<b'"),
        ("'see [x](javascript:alert(1))'", "'javascript:'"),
        ("'an <!-- comment -->'", "'<!'"),
        ("'DATA:text/html,x'", "'DATA:'"),
    ],
)
def test_markup_or_a_script_address_in_a_text_is_refused_by_name(content_dir, text, found):
    summary = "summary: {en: Softens test lines.}"
    problems = problems_after(content_dir, "uses.yaml", summary, f"summary: {{en: {text}}}")
    assert problems == [f"uses.yaml, record 'lines', field 'summary': the 'en' text holds markup or a script address "
                        f"({found}); write plain text"]


def test_comparisons_and_words_ending_in_a_colon_are_plain_text(content_dir):
    replace_in(content_dir, "uses.yaml", "summary: {en: Softens test lines.}",
               "summary: {en: 'Grade < 3 in 90% of people; metadata: none'}")
    assert load_content(content_dir).uses["lines"].summary["en"].startswith("Grade < 3")


def test_markup_in_a_plain_field_such_as_a_source_title_is_refused(content_dir):
    problems = problems_after(content_dir, "sources.yaml", "title: Test label", "title: '<img src=x onerror=alert(1)>'")
    assert problems == ["sources.yaml, record 'label-a', field 'title': the text holds markup or a script address "
                        "('<i'); write plain text"]
