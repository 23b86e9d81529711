from botox_explorer.content import load_content
from botox_explorer.models import Span
from botox_explorer.presenting import (
    key_figures,
    location_details,
    markdown_rows,
    markdown_table,
    md,
    short_name,
    span_text,
    status_label,
)


def test_md_escapes_every_markup_character():
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) **b** :red[c] $x$ # h"
    escaped = md(hostile)
    for fragment in ("\\<img", "\\]\\(javascript", "\\*\\*b", "\\:red\\[", "\\$x\\$"):
        assert fragment in escaped
    assert escaped.replace("\\", "") == hostile


def test_span_text():
    assert span_text(None) == "not established"
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
    figures = {f.label: f for f in key_figures(load_content(content_dir))}
    assert figures["First US approval"].value == "2002"
    assert figures["Uses with an FDA approval"].value == "1"
    assert figures["US procedures in 2006"].value == "4.0 million"
    assert all(f.source_ids for f in figures.values())


def test_markdown_table_escapes_every_cell_and_keeps_one_line_a_row():
    table = markdown_table(["Name", "Note"], [["a | b", "<script>alert(1)</script>\nsecond line"], ["[x](y)", 3]])
    lines = table.splitlines()
    assert lines[0] == "| Name | Note |"
    assert lines[1] == "| --- | --- |"
    assert lines[2] == "| a \\| b | \\<script\\>alert\\(1\\)\\</script\\> second line |"
    assert lines[3] == "| \\[x\\]\\(y\\) | 3 |"
    assert len(lines) == 4


def test_markdown_rows_put_the_first_value_in_bold_and_escape_every_value():
    rows = [{"Brand": "B*x", "Maker": "<b>M</b>", "Year": "1989"}, {"Brand": "Solo"}]
    assert markdown_rows(rows).splitlines() == [
        "- **B\\*x** · Maker: \\<b\\>M\\</b\\> · Year: 1989",
        "- **Solo**",
    ]


def test_short_names_drop_the_bracketed_term_and_still_tell_every_use_apart():
    content = load_content()
    names = [short_name(use) for use in content.uses.values()]
    assert short_name(content.uses["underarm-sweating"]) == "Severe underarm sweating"
    assert len(set(names)) == len(names)
    assert all("(" not in name for name in names)
