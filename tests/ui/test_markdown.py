"""The dashboard's markdown, built without a page: each text exactly as st.markdown receives it, in English and in
Spanish, with content escaped so it shows as written."""

import base64
from typing import get_args

import pytest

from botox_explorer.content import load_content
from botox_explorer.models import CATEGORIES, STATUS_KINDS, GlossaryTerm, Myth, SafetyItem, SourcedText
from botox_explorer.presenting import Note
from botox_explorer.ui.markdown import (
    CATEGORY_ICONS,
    MYTH_ICONS,
    STATUS_COLORS,
    STATUS_ICONS,
    cited,
    event_text,
    image_markdown,
    markdown_rows,
    markdown_table,
    md,
    note_item,
    notes_label,
    notes_text,
    safety_item,
    source_line,
    sources_markdown,
    span_units,
    status_text,
    titled_text,
    use_card_text,
    word_meaning,
    words_label,
)

SCRIPT = "<script>alert(1)</script>"
LINK = "[x](javascript:alert(1))"
COLOR = ":red[x]"
ESCAPED = {SCRIPT: "\\<script\\>alert\\(1\\)\\</script\\>", LINK: "\\[x\\]\\(javascript\\:alert\\(1\\)\\)",
           COLOR: "\\:red\\[x\\]"}


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def past_checks(record, **texts):
    """``record`` with ``texts`` set past the model's checks (which refuse markup): the markdown escapes it anyway."""
    return record.model_copy(update=texts)


def word(term: str, meaning: str = "A meaning.") -> GlossaryTerm:
    valid = GlossaryTerm(id=term, term={"en": term, "es": term.upper()}, sources=["label-a"],
                         meaning={"en": "A meaning.", "es": "Un significado."}, reviewed_on="2026-01-01")
    return past_checks(valid, meaning={"en": meaning, "es": "Un significado."})


@pytest.mark.parametrize("hostile", [SCRIPT, LINK, COLOR])
def test_md_escapes_html_links_and_color_directives(hostile):
    assert md(hostile) == ESCAPED[hostile]


def test_md_escapes_every_markup_character():
    hostile = "<img src=x onerror=alert(1)> [x](javascript:alert(1)) **b** :red[c] $x$ # h"
    escaped = md(hostile)
    for fragment in ("\\<img", "\\]\\(javascript", "\\*\\*b", "\\:red\\[", "\\$x\\$"):
        assert fragment in escaped
    assert escaped.replace("\\", "") == hostile


def test_every_kind_has_its_icon_and_color():
    assert list(STATUS_COLORS) == list(STATUS_ICONS) == list(STATUS_KINDS)
    assert list(CATEGORY_ICONS) == list(CATEGORIES)
    assert tuple(MYTH_ICONS) == get_args(Myth.model_fields["verdict"].annotation)


def test_a_picture_is_an_image_with_its_text_alternative_escaped_on_one_line():
    picture = image_markdown("<svg>é</svg>", f"Two\n  lines {SCRIPT}")
    encoded = base64.b64encode("<svg>é</svg>".encode()).decode("ascii")
    assert picture == f"![Two lines {ESCAPED[SCRIPT]}](data:image/svg+xml;base64,{encoded})"


def test_markdown_table_escapes_every_cell_and_keeps_one_line_per_row():
    table = markdown_table(["Name", "Note"], [["a | b", f"{SCRIPT}\nsecond line"], [LINK, 3]])
    assert table.splitlines() == [
        "| Name | Note |",
        "| --- | --- |",
        f"| a \\| b | {ESCAPED[SCRIPT]} second line |",
        f"| {ESCAPED[LINK]} | 3 |",
    ]


def test_markdown_rows_put_the_first_value_in_bold_and_escape_every_value():
    rows = [{"Brand": "B*x", "Maker": "<b>M</b>", "Year": "1989"}, {"Brand": COLOR}]
    assert markdown_rows(rows).splitlines() == [
        "- **B\\*x** · Maker: \\<b\\>M\\</b\\> · Year: 1989",
        f"- **{ESCAPED[COLOR]}**",
    ]


def test_a_source_links_its_title_and_names_publisher_and_year(content):
    assert source_line(content.sources["label-a"]) == "[Test label](https://example.org/label) (Test maker, 2020)"
    assert source_line(content.sources["paper-b"]) == "[Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)"


def test_a_source_without_a_web_address_keeps_its_title_as_plain_escaped_text(content):
    hostile = past_checks(content.sources["label-a"], url="javascript:alert(1)", title=SCRIPT, publisher=COLOR,
                          year=None)
    assert source_line(hostile) == f"{ESCAPED[SCRIPT]} ({ESCAPED[COLOR]})"


def test_sources_are_numbered_once_each_in_order_of_citation(content):
    assert sources_markdown(content, ["paper-b", "label-a", "paper-b"]).splitlines() == [
        "1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)",
        "2. [Test label](https://example.org/label) (Test maker, 2020)",
    ]


def test_a_cited_text_ends_with_the_numbers_of_its_sources():
    assert cited("**A** b", (1, 3), "en") == "**A** b  \n:small[:gray[Sources 1, 3]]"
    assert cited("**A** b", (2,), "es") == "**A** b  \n:small[:gray[Fuentes 2]]"
    assert cited("**A** b", (), "en") == "**A** b"


def test_the_status_is_a_colored_label_in_the_language(content):
    assert status_text(content.uses["lines"], content, "en") == (
        ":green-background[:material/verified: FDA\\-approved \\(TESTOX\\); first US approval 2002]")
    assert status_text(content.uses["mood"], content, "es") == (
        ":violet-background[:material/science: En investigación \\(solo en estudios\\)]")


def test_a_card_says_everything_about_a_use_in_english(content):
    assert use_card_text(content.uses["lines"], content, "en").split("\n\n") == [
        "### Test lines",
        ":gray[Cosmetic use]",
        ":green-background[:material/verified: FDA\\-approved \\(TESTOX\\); first US approval 2002]",
        "Softens test lines\\.",
        "**Starts working:** 2\\-3 days · **Lasts:** 3\\-4 months",
        ":material/storefront: **Offered at this clinic**",
        ":small[:gray[1 source, listed under Read more · reviewed January 1, 2026]]",
    ]


def test_a_card_reads_in_spanish_and_escapes_the_content(content):
    use = past_checks(content.uses["bladder-test"], name={"en": "Test bladder", "es": SCRIPT},
                      treated_by={"en": "A urologist", "es": COLOR})
    assert use_card_text(use, content, "es").split("\n\n") == [
        f"### {ESCAPED[SCRIPT]}",
        ":gray[Uso médico]",
        ":orange-background[:material/info: Uso no aprobado \\(off\\-label\\)]",
        "Calms a test bladder\\.",
        f"**Quién lo trata:** {ESCAPED[COLOR]}",
        ":small[:gray[1 fuente, en Leer más · revisado el 1 de enero de 2026]]",
    ]


def test_an_event_gives_its_year_and_title_then_its_text(content):
    [event] = content.history
    assert event_text(event, "en") == "**1989: First approval**  \nTest text\\."
    spanish = past_checks(event, title={"en": "x", "es": LINK}, text={"en": "y", "es": "Texto."})
    assert event_text(spanish, "es") == f"**1989: {ESCAPED[LINK]}**  \nTexto\\."


def test_a_titled_text_leads_with_its_title_in_bold():
    valid = SourcedText(id="t", title={"en": "Title", "es": "Título"}, text={"en": "Text.", "es": "Texto."},
                        sources=["label-a"], reviewed_on="2026-01-01")
    text = past_checks(valid, text={"en": COLOR, "es": "Texto."})
    assert titled_text(text, "en") == f"**Title**  \n{ESCAPED[COLOR]}"
    assert titled_text(text, "es") == "**Título**  \nTexto\\."
    assert titled_text(text.model_copy(update={"title": None}), "es") == "Texto\\."


def test_a_note_leads_with_its_lead_in_bold_when_it_has_one():
    assert note_item(Note("ASPS", "counts procedures.", ())) == "- **ASPS** counts procedures\\."
    assert note_item(Note("", SCRIPT, ())) == f"- {ESCAPED[SCRIPT]}"


def test_a_safety_item_is_its_text_in_bold_then_its_detail():
    valid = SafetyItem(id="x", text={"en": "Allergy.", "es": "Alergia."}, detail={"en": "Detail.", "es": "Detalle."},
                       sources=["label-a"], reviewed_on="2026-01-01")
    item = past_checks(valid, detail={"en": LINK, "es": "Detalle."})
    assert safety_item(item, "en") == f"- **Allergy\\.** {ESCAPED[LINK]}"
    assert safety_item(item, "es") == "- **Alergia\\.** Detalle\\."
    assert safety_item(past_checks(item, detail=None, text={"en": SCRIPT}), "es") == (
        f"- **{ESCAPED[SCRIPT]}**")


def test_the_words_label_names_three_words_then_counts_the_rest():
    assert words_label([word("ptosis")], "en") == "Meaning of: ptosis"
    assert words_label([word("a"), word("b"), word("c")], "en") == "Meaning of: a, b, c"
    assert words_label([word(w) for w in "abcde"], "en") == "Meaning of: a, b, c and 2 more"
    assert words_label([word(w) for w in "abcd"], "es") == "Qué significa: A, B, C y 1 más"


def test_a_word_meaning_gives_the_word_its_meaning_and_its_sources(content):
    assert word_meaning(word("units", SCRIPT), content, "en") == (
        f"**units:** {ESCAPED[SCRIPT]}  \n"
        ":small[Sources: [Test label](https://example.org/label) (Test maker, 2020)]")
    assert word_meaning(word("units"), content, "es") == (
        "**UNITS:** Un significado\\.  \n"
        ":small[Fuentes: [Test label](https://example.org/label) (Test maker, 2020)]")


def test_the_notes_label_names_sources_and_words_either_alone():
    assert notes_label(2, [word("units")], "en") == "Sources (2) · Meaning of: units"
    assert notes_label(2, [], "es") == "Fuentes (2)"
    assert notes_label(0, [word("units")], "es") == "Qué significa: UNITS"
    assert notes_label(0, [], "en") == ""


def test_the_notes_open_on_the_words_then_the_numbered_sources(content):
    assert notes_text(content, ["paper-b"], [word("units")], "en") == (
        "**What the words mean**\n\n"
        "**units:** A meaning\\.  \n:small[Sources: [Test label](https://example.org/label) (Test maker, 2020)]\n\n"
        "**Sources**\n\n1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)")
    assert notes_text(content, ["label-a"], [], "es") == (
        "**Fuentes**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)")
    assert notes_text(content, [], [], "es") == ""


def test_a_dose_in_units_is_one_number_or_a_range():
    assert span_units(20, 20) == "20"
    assert span_units(20.0, 42.5) == "20-42.5"
