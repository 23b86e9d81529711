import datetime as dt

from botox_explorer.content import load_content
from botox_explorer.content.__main__ import main
from botox_explorer.content.review import is_search_link, report, review
from tests.helpers import replace_in

TODAY = dt.date(2026, 11, 30)


def test_records_older_than_a_year_are_listed_with_their_file(content_dir):
    replace_in(content_dir, "myths.yaml", "reviewed_on: 2026-01-01", "reviewed_on: 2025-11-29")
    found = review(load_content(content_dir), TODAY)
    assert [(r.file, r.record, r.reviewed_on) for r in found.stale] == [
        ("myths.yaml", "myth-one", dt.date(2025, 11, 29))]
    assert review(load_content(content_dir), dt.date(2026, 11, 29)).stale == ()


def test_dated_statements_sources_that_are_not_primary_and_search_links_are_listed(content_dir):
    replace_in(content_dir, "uses.yaml", "  sources: [paper-b]\n  reviewed_on: 2026-01-01",
               "  sources: [paper-b]\n  reviewed_on: 2026-01-01\n  review_note: Depends on a 2016 guideline.")
    replace_in(content_dir, "sources.yaml", "kind: peer-reviewed", "kind: news")
    replace_in(content_dir, "sources.yaml", "url: https://example.org/label",
               "url: https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=testotoxin")
    found = review(load_content(content_dir), TODAY)
    assert found.dated == (("uses.yaml", "bladder-test", "Depends on a 2016 guideline."),)
    assert [s.id for s in found.not_primary] == ["paper-b"]
    assert [s.id for s in found.search_links] == ["label-a"]


def test_the_report_has_a_section_for_each_kind_of_check(content_dir):
    text = report(review(load_content(content_dir), TODAY), TODAY)
    assert text.splitlines() == [
        "# Content review, 2026-11-30", "",
        "## Records last reviewed more than 365 days ago (0)", "", "- none", "",
        "## Statements that depend on a dated event (a guideline, a pending decision, an unconfirmed figure) (0)",
        "", "- none", "",
        "## Sources that are not primary (not a label, regulator, peer-reviewed paper or society) (0)", "", "- none",
        "",
        "## Links that point at search results instead of one fixed document (0)", "", "- none",
    ]


def test_search_links_are_told_from_fixed_documents():
    assert is_search_link("https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=onabotulinumtoxinA")
    assert is_search_link("https://api.fda.gov/drug/label.json?search=openfda.generic_name:%22x%22")
    assert is_search_link("https://example.org/search/results")
    assert not is_search_link("https://api.fda.gov/drug/drugsfda.json?search=application_number:%22BLA761127%22")
    assert not is_search_link("https://dailymed.nlm.nih.gov/dailymed/drugInfo.cfm?setid=485d9b71-6881")
    assert not is_search_link("https://doi.org/10.1000/test.1")


def test_the_review_command_prints_the_report(content_dir, capsys):
    assert main(["review", "--data-dir", str(content_dir), "--today", "2027-06-01"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Content review, 2027-06-01\n")
    assert "## Records last reviewed more than 365 days ago (32)" in out
