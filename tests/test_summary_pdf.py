"""The take-home consultation summary PDF, read back as text."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import warnings
from pathlib import Path
from typing import NamedTuple

import pytest
from pypdf import PdfReader

from botox_explorer.content import load_content
from botox_explorer.decisions import Worksheet
from botox_explorer.i18n import catalogue, t
from botox_explorer.models import Safety, SafetyItem, text_in
from botox_explorer.summary_pdf import clean_first_name, latin1, summary_pdf, unprintable
from tests.helpers import assert_matches_snapshot

ON = dt.date(2026, 11, 25)
HOSTILE_NAME = "<script>\x00\u202e☃ Zoë — “x”" + "a" * 500


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text: str) -> str:
    """The text with line breaks and runs of spaces made single spaces, for phrases that wrap."""
    return " ".join(text.split())


@pytest.fixture
def content(content_dir: Path):
    return load_content(content_dir)


def test_is_a_letter_pdf_with_the_chosen_uses(content) -> None:
    data = summary_pdf(content, ["lines", "bladder-test"], first_name="Ana", on=ON)
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (612, 792)
    text = flat(pdf_text(data))
    assert "Your consultation summary, Ana" in text
    assert "November 25, 2026" in text
    assert "Test lines" in text and "Test bladder" in text
    assert text.index("Test lines") < text.index("Test bladder")
    assert "Test mood" not in text


def test_shows_each_uses_details(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["lines", "bladder-test"], on=ON)))
    assert "Cosmetic" in text and "Medical" in text
    assert "FDA-approved (TESTOX); first US approval 2002" in text and "Off-label" in text
    assert "Softens test lines." in text and "Test expectations." in text
    assert "2-3 days" in text and "3-4 months" in text and "not established" not in text
    assert "Our sources do not say when it starts working or how long it lasts." in text  # the bladder's timing
    assert "A urologist" in text


def test_a_use_with_trial_numbers_prints_its_fact_box_its_key_points_and_its_options(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["lines", "bladder-test"], on=ON)))
    assert "TESTOX: benefits and harms in numbers" in text
    assert "How well it works: Lines rated mild: 80 out of 100 with TESTOX, against 3 out of 100 with placebo." in text
    assert "400 people got TESTOX and 130 got placebo." in text and "Measured: Day 30." in text
    assert "Lines rated mild 80 out of 100 3 out of 100" in text  # the table row
    assert "With TESTOX: 80 out of 100" in text and "With placebo: 3 out of 100" in text  # the icon arrays' heads
    assert "Sun care: Over the counter." in text and "If you do nothing: Lines stay." in text
    assert text.count("benefits and harms in numbers") == 1  # the bladder has no numbers to print


def test_the_worksheet_is_printed_only_when_filled_in(content) -> None:
    empty = flat(pdf_text(summary_pdf(content, ["lines"], on=ON)))
    assert "My decision worksheet" not in empty
    filled = flat(pdf_text(summary_pdf(content, ["lines"], on=ON, worksheet=Worksheet(("needles",), "later", ("s",)))))
    assert "My decision worksheet" in filled
    assert "What matters to me: Needles." in filled and "I am leaning: I will decide later." in filled
    assert "Questions I answered no: Sure?" in filled and "Decide later." in filled


def test_the_icon_arrays_fill_exactly_the_numbers_printed(content, monkeypatch) -> None:
    from botox_explorer import summary_pdf as module

    drawn = []
    monkeypatch.setattr(module, "_figure", lambda pdf, x, y, fill, color: drawn.append((x, fill, color)))
    summary_pdf(content, ["lines"], on=ON)
    by_color = {}
    for x, fill, color in drawn:
        side = "product" if x < module.MARGIN_MM + module.FIGURE_MM * 10 else "placebo"
        by_color[(color, side)] = by_color.get((color, side), 0) + fill
    benefit, harm = module.PDF_FILLS["benefits"], module.PDF_FILLS["harms"]
    assert by_color == pytest.approx({(benefit, "product"): 80, (benefit, "placebo"): 3,
                                      (harm, "product"): 2.6, (harm, "placebo"): 0})


def test_shows_safety_location_and_sources(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["bladder-test"], on=ON)))
    assert "Trouble swallowing." in text
    assert "Test allergy." in text
    assert "Test spa" in text and "Testville" in text
    assert "Test paper" in text and "https://doi.org/10.1000/test.1" in text
    assert "Test label" in text  # cited by the safety items
    assert "Doe J, 2012" in text


def test_reminder_near_the_top_and_again_at_the_end(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["lines"], on=ON)))
    reminder = "Talk to a qualified medical professional."
    assert text.count(reminder) == 2
    assert text.index(reminder) < text.index("Test lines")


def test_every_page_says_its_number_and_the_total(content) -> None:
    reader = PdfReader(io.BytesIO(summary_pdf(full_safety(content), ["lines", "bladder-test"], on=ON)))
    total = len(reader.pages)
    assert total > 1
    for number, page in enumerate(reader.pages, start=1):
        assert f"Consultation summary - page {number} of {total}" in page.extract_text()


def full_safety(content):
    """The content with an item in every safety group, each citing its own source."""
    def item(group: str):
        return SafetyItem(id=group.replace("_", "-"), text={"en": f"Item of {group}."}, sources=["paper-b"],
                          reviewed_on=dt.date(2026, 1, 1))

    groups = {group: [item(group)] for group, _ in content.safety}
    return type(content)(**{**content.__dict__, "safety": Safety(**groups)})


def test_holds_every_safety_group_the_patient_needs_with_its_heading(content) -> None:
    text = flat(pdf_text(summary_pdf(full_safety(content), ["lines"], on=ON)))
    for heading, group in (("The FDA's boxed warning", "boxed_warning"),
                           ("Get help now", "red_flags"),
                           ("Taking care of yourself afterwards", "aftercare"),
                           ("Who should not be treated", "do_not_treat"),
                           ("Tell your clinician first if", "tell_your_doctor"),
                           ("Medicines that can interact", "interactions"),
                           ("Questions to ask your clinician", "questions_to_ask")):
        assert f"{heading} - Item of {group}." in text


def test_holds_each_uses_side_effects(content) -> None:
    use = content.uses["lines"]
    with_effects = use.model_copy(update={"side_effects": [{"en": "Test headache"}, {"en": "Test bruise"}]})
    changed = type(content)(**{**content.__dict__, "uses": {**content.uses, "lines": with_effects}})
    text = flat(pdf_text(summary_pdf(changed, ["lines"], on=ON)))
    assert "Common side effects - Test headache - Test bruise" in text


def test_cited_numbers_and_the_numbered_list_match(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["bladder-test", "lines"], on=ON)))
    body, sources = text.split(" Sources [1] ", 1)
    cited = {int(n) for group in re.findall(r"Sources: ((?:\[\d+\](?:, )?)+)", body)
             for n in re.findall(r"\d+", group)}
    listed = [int(n) for n in re.findall(r"\[(\d+)\] ", "[1] " + sources)]
    assert listed == list(range(1, len(listed) + 1))
    assert cited == set(listed) == {1, 2}
    # the effect-over-time picture comes first and cites the label of the timed use (lines), so the label is [1];
    # then bladder-test, the first use, cites paper-b, which is [2]
    assert sources.startswith("Test label. Test maker, 2020.")
    assert "[2] Test paper. Doe J, 2012." in sources


def test_the_same_summary_is_the_same_bytes(content) -> None:
    first = summary_pdf(content, ["lines", "mood"], first_name="Ana", on=ON)
    assert summary_pdf(content, ["lines", "mood"], first_name="Ana", on=ON) == first
    assert summary_pdf(content, ["lines", "mood"], first_name="Ana", on=ON + dt.timedelta(days=1)) != first


def test_no_name_when_none_given(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["lines"], on=ON)))
    assert "Your consultation summary" in text
    assert "Your consultation summary," not in text


def test_unknown_ids_are_skipped(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["nope", "lines"], on=ON)))
    assert "Test lines" in text and "nope" not in text


def test_writes_no_file(content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workdir = tmp_path / "cwd"
    workdir.mkdir()
    monkeypatch.chdir(workdir)
    summary_pdf(content, ["lines"], first_name="Ana", on=ON)
    assert os.listdir(workdir) == []


def test_hostile_name_does_not_raise_and_is_shortened(content) -> None:
    text = flat(pdf_text(summary_pdf(content, ["lines"], first_name=HOSTILE_NAME, on=ON)))
    assert "Zoë" in text
    assert "a" * 41 not in text.replace(" ", "")
    assert "\u202e" not in text and "\x00" not in text


def test_clean_first_name() -> None:
    cleaned = clean_first_name(HOSTILE_NAME)
    assert len(cleaned) <= 40
    assert cleaned.startswith("<script> Zoë")  # the snowman is left out: the font cannot write it
    assert clean_first_name("  \x07\n ") == ""


def test_latin1_transliterates_and_replaces() -> None:
    assert latin1("“a” ‘b’ – c … d\u00a0e • ≥ ≤ →") == "\"a\" 'b' - c ... d e - >= <= ->"
    assert latin1("Zoë ☃ 日本") == "Zoë ? ??"
    latin1("\ud800 \U0001f600").encode("latin-1")  # lone surrogates and emoji never raise


def test_hostile_content_does_not_raise(content) -> None:
    use = content.uses["lines"]
    hostile = use.model_copy(update={"summary": {"en": "日本語 ☃ \U0001f600 — “quoted” " + "x" * 400}})
    changed = type(content)(**{**content.__dict__, "uses": {**content.uses, "lines": hostile}})
    text = flat(pdf_text(summary_pdf(changed, ["lines"], on=ON)))
    assert '"quoted"' in text


def test_location_phone_shown_only_when_set(content_dir: Path) -> None:
    without = flat(pdf_text(summary_pdf(load_content(content_dir), ["lines"], on=ON)))
    assert "Phone" not in without and "None" not in without
    clinic = content_dir / "clinic.yaml"
    clinic.write_text(clinic.read_text() + "    phone: (555) 010-0199\n")
    with_phone = flat(pdf_text(summary_pdf(load_content(content_dir), ["lines"], on=ON)))
    assert "Phone: (555) 010-0199" in with_phone


def test_the_spanish_summary_holds_the_spanish_topic_names_and_headings(real_content) -> None:
    chosen = ["frown-lines", "chronic-migraine"]
    text = flat(pdf_text(summary_pdf(real_content, chosen, first_name="Ana", on=ON, language="es")))
    for use_id in chosen:
        use = real_content.uses[use_id]
        assert flat(text_in(use.name, "es")) in text
        assert flat(text_in(use.name, "en")) not in text
    for heading in ("Resumen de su consulta, Ana", "25 de noviembre de 2026", "Qué esperar", "Dónde está la clínica",
                    "Fuentes", "página 1 de"):
        assert heading in text
    assert flat(text_in(real_content.site.reminder, "es")) in text


def test_the_spanish_summary_has_no_english_interface_words(real_content) -> None:
    text = flat(pdf_text(summary_pdf(real_content, ["frown-lines", "chronic-migraine"], on=ON, language="es")))
    text = text[:text.rindex("Fuentes [1]")]  # the references keep their titles as published
    english = catalogue("en")
    left = [english[key] for key in english if key.startswith("pdf.") and isinstance(english[key], str)
            and english[key].split("{")[0].strip() and english[key].split("{")[0].strip() in text]
    assert left == []


def test_an_unknown_language_gives_the_english_summary(real_content) -> None:
    text = flat(pdf_text(summary_pdf(real_content, ["frown-lines"], on=ON, language="xx")))
    assert "Your consultation summary" in text and "What to expect" in text


def test_real_content_renders(real_content) -> None:
    data = summary_pdf(real_content, list(real_content.uses)[:3], first_name="Ana", on=ON)
    text = flat(pdf_text(data))
    assert "Ana" in text and "None" not in text


DRAWING_OPERATORS = {b"g": "grey", b"G": "line grey", b"rg": "color", b"w": "line width", b"m": "move", b"l": "line"}


def layout(data: bytes) -> str:
    """Every run of text as placed (page, x and y in points, font, size, text) and every color and line drawn
    before it, one a line."""
    lines = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        def text(text, _cm, tm, font, size, number=number):
            if text.strip():
                lines.append(f"p{number} x={tm[4]:.1f} y={tm[5]:.1f} {(font or {}).get('/BaseFont')} {size:g} {text!r}")

        def drawing(operator, operands, _cm, _tm, number=number):
            if operator in DRAWING_OPERATORS:
                values = " ".join(f"{float(value):.2f}" for value in operands)
                lines.append(f"p{number} {DRAWING_OPERATORS[operator]} {values}")

        page.extract_text(visitor_text=text, visitor_operand_before=drawing)
    return "\n".join(lines) + "\n"


def test_the_summary_is_laid_out_as_its_reviewed_snapshot(content) -> None:
    """Placement, fonts and wrapping of a two-use summary with every safety group, as reviewed."""
    use = content.uses["lines"]
    long_use = use.model_copy(update={
        "side_effects": [{"en": "Test headache"}],
        "summary": {"en": "A long test summary that wraps over several lines of the page. " * 6},
        "timing": use.timing.model_copy(update={"note": {"en": "A timing note."}}),
    })
    changed = full_safety(type(content)(**{**content.__dict__, "uses": {**content.uses, "lines": long_use}}))
    data = summary_pdf(changed, ["lines", "bladder-test"], first_name="Ana", on=ON)
    assert_matches_snapshot("summary-pdf-layout.txt", layout(data))


def test_the_file_says_what_it_is_and_when_it_was_made(content) -> None:
    metadata = PdfReader(io.BytesIO(summary_pdf(content, ["lines"], on=ON))).metadata
    assert metadata.title == "Your consultation summary"
    assert metadata.creation_date == dt.datetime(2026, 11, 25, tzinfo=dt.UTC)


def test_a_summary_without_treatments_says_so(content) -> None:
    text = flat(pdf_text(summary_pdf(content, [], on=ON)))
    assert "No treatment was chosen for this summary." in text
    assert "Test lines" not in text
    assert_matches_snapshot("summary-pdf-empty-layout.txt", layout(summary_pdf(content, [], on=ON)))


@pytest.mark.parametrize(
    ("typed", "printed", "left_out"),
    [("Zoë", "Zoë", ""), ("Ana 😀", "Ana", "😀"), ("محمد Ali", "Ali", "محد"), ("Li 李", "Li", "李"),
     ("José—María", "José—María", ""), ("\u202eNoor\u202c", "Noor", "")],
)
def test_a_name_the_font_cannot_write_is_left_out_and_said(content, typed, printed, left_out) -> None:
    assert clean_first_name(typed) == printed
    assert unprintable(typed) == left_out
    text = flat(pdf_text(summary_pdf(content, ["lines"], first_name=typed, on=ON)))
    assert "?" not in text.split(" - ")[0]
    assert text.startswith("Your consultation summary" + (f", {latin1(printed)}" if printed else ""))


# --- what the patient reads: type sizes, pictures, the warnings that apply, the sections named ---------------------

REAL_CHOICE = ["crows-feet", "chronic-migraine"]  # the walkthrough's consultation (issue 21)


class Run(NamedTuple):
    page: int
    size: float  # on paper, in points: the font size times the scale of the picture it is drawn in
    in_picture: bool
    bold: bool
    text: str


def runs(data: bytes) -> list[Run]:
    """Every run of text the PDF draws, in order. A picture's text is drawn under the picture's scale (its ``cm``);
    the page's own text under none."""
    found = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        def text(text, cm, tm, font, size, number=number):
            if text.strip():
                scale = (abs(cm[0] * cm[3] - cm[1] * cm[2]) * abs(tm[0] * tm[3] - tm[1] * tm[2])) ** 0.5
                bold = "Bold" in (font or {}).get("/BaseFont", "")
                found.append(Run(number, size * scale, cm[:4] != [1, 0, 0, 1], bold, text.strip()))

        page.extract_text(visitor_text=text)
    return found


def small_print(data: bytes, language: str) -> list[Run]:
    """The page's own text under 11 pt, except what may be 10 pt: the page footers, the lines of source numbers and
    the list of sources (all that follows its heading)."""
    page_runs = [r for r in runs(data) if not r.in_picture]
    heading = next(i for i, r in enumerate(page_runs) if r.bold and r.text == t("pdf.sources", language))
    footer = t("pdf.footer", language, page=0, pages=0).split("0")[0]
    cites = re.compile(rf"^(?:{re.escape(t('pdf.cites', language, numbers=''))})?\[\d+\]")
    return [r for r in page_runs[:heading] if r.size < 11 and not r.text.startswith(footer)
            and not cites.match(r.text)] + [r for r in page_runs if r.size < 10]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_patients_text_is_11_pt_or_more_and_the_sources_10(real_content, language) -> None:
    data = summary_pdf(real_content, REAL_CHOICE, on=ON, language=language, worksheet=Worksheet(("needles",)))
    assert small_print(data, language) == []
    page_runs = [r for r in runs(data) if not r.in_picture]
    assert min(r.size for r in page_runs) == 10  # the sources: said in the report, not hidden
    assert min(r.size for r in runs(data) if r.in_picture) >= 7.5  # a picture's smallest labels (the numbers)


def test_the_chosen_areas_are_drawn_ringed_and_named_in_bold(content) -> None:
    pictured = [r for r in runs(summary_pdf(content, ["lines"], on=ON)) if r.in_picture]
    assert Run(1, pytest.approx(14 * 110 / 440 / 25.4 * 72, rel=0.05), True, True, "1. Forehead") in pictured
    assert not any("Bladder" in r.text for r in pictured)  # the body's drawing has no chosen area: not drawn
    both = [r for r in runs(summary_pdf(content, ["lines", "bladder-test"], on=ON)) if r.in_picture]
    assert {(r.text, r.bold) for r in both} >= {("1. Forehead", True), ("2. Bladder", True), ("Body", True)}


def test_the_effect_over_time_is_drawn_for_the_timed_uses_with_its_caption_and_sources(content) -> None:
    data = summary_pdf(content, ["lines", "bladder-test"], on=ON)
    pictured = {r.text for r in runs(data) if r.in_picture}
    assert {"How the effect builds and wears off", "Test lines"} <= pictured and "Test bladder" not in pictured
    text = flat(pdf_text(data))
    assert "Each bar runs from the injection (week 0)" in text
    assert "Our sources give no timing for: Test bladder. Sources: [1] " in text  # the label of lines' timing


def test_without_a_timed_use_the_effect_picture_is_only_its_title_and_why(content) -> None:
    data = summary_pdf(content, ["bladder-test"], on=ON)
    assert "How the effect builds and wears off" not in {r.text for r in runs(data) if r.in_picture}
    assert "How the effect builds and wears off Our sources give no timing for: Test bladder." in flat(pdf_text(data))


def test_the_packages_pictures_are_drawn_by_fpdf2_without_a_skipped_part(real_content) -> None:
    from botox_explorer.charts import area_figure
    from botox_explorer.summary_pdf import pdf_svg

    svg = pdf_svg(area_figure(real_content, "face", ["around-eyes"]))
    assert b"<svg" in svg and svg.count(b"<svg") == 1 and b"<title" not in svg
    assert b'<g class="figure" transform="translate(118,40) scale(1.8,1.8) translate(0,0)">' in svg
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fpdf2 warns for every SVG part it cannot draw
        summary_pdf(real_content, [*REAL_CHOICE, "neurogenic-bladder"], on=ON, language="es")


def with_item_for(content, use_id: str):
    """The content with a "who should not be treated" item that applies to ``use_id`` only."""
    item = SafetyItem(id="only-one-use", text={"en": "Only for one use."}, sources=["paper-b"],
                      reviewed_on=dt.date(2026, 1, 1), applies_to=[use_id])
    safety = content.safety.model_copy(update={"do_not_treat": [*content.safety.do_not_treat, item]})
    return type(content)(**{**content.__dict__, "safety": safety})


def test_a_warning_for_some_uses_is_printed_only_when_one_of_them_is_chosen(content) -> None:
    changed = with_item_for(content, "bladder-test")
    for chosen, printed in ((["lines"], False), (["lines", "bladder-test"], True), ([], False)):
        text = flat(pdf_text(summary_pdf(changed, chosen, on=ON)))
        assert ("Only for one use." in text) is printed, chosen
        assert "Test allergy." in text and "Trouble swallowing." in text  # the general ones, always


def test_the_real_consultation_leaves_out_the_bladders_warnings(real_content) -> None:
    bladder = [item for item in real_content.safety.do_not_treat if "neurogenic-bladder" in item.applies_to]
    assert len(bladder) == 2
    for language in ("en", "es"):
        text = flat(pdf_text(summary_pdf(real_content, REAL_CHOICE, on=ON, language=language)))
        with_bladder = flat(pdf_text(summary_pdf(real_content, ["overactive-bladder"], on=ON, language=language)))
        for item in bladder:
            assert flat(latin1(text_in(item.text, language))) not in text
            assert flat(latin1(text_in(item.text, language))) in with_bladder


SEE_SECTION = re.compile(r'\b(?:See|Vea) "([^"]+)"')


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_section_the_pdf_names_is_a_heading_in_it(real_content, language) -> None:
    for chosen in (REAL_CHOICE, list(real_content.uses)):
        data = summary_pdf(real_content, chosen, on=ON, language=language)
        headings = {r.text for r in runs(data) if r.bold and not r.in_picture}
        named = set(SEE_SECTION.findall(flat(pdf_text(data))))
        assert named and named <= headings, named - headings


def test_hostile_names_in_the_pictures_are_drawn_as_text(content) -> None:
    area = content.areas["forehead"].model_copy(update={"name": {"en": "<b>Fore</b> ☃ “head”"}})
    use = content.uses["lines"].model_copy(update={"name": {"en": "<script>x</script> \U0001f600"}})
    changed = type(content)(**{**content.__dict__, "areas": {**content.areas, "forehead": area},
                               "uses": {**content.uses, "lines": use}})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pictured = " ".join(r.text for r in runs(summary_pdf(changed, ["lines"], on=ON)) if r.in_picture)
    assert '1. <b>Fore</b> ? "head"' in pictured and "<script>x</script> ?" in pictured
