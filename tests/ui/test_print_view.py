"""What the pages print: the stylesheet, the visit list and the consultation's summary, which must say what the
take-home PDF says, part for part."""

import base64
import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from botox_explorer.content import load_content
from botox_explorer.decisions import Worksheet
from botox_explorer.i18n import t
from botox_explorer.icon_array import shares
from botox_explorer.models import text_in
from botox_explorer.summary_pdf import SAFETY_GROUPS, latin1, summary_pdf, summary_pictures
from botox_explorer.ui.markdown import md
from botox_explorer.ui.print_view import PRINT_COPY, PRINT_CSS, summary_markdown, visit_markdown
from botox_explorer.visit import checklist, visit_list

ON = dt.date(2026, 12, 7)
USES = ["frown-lines", "chronic-migraine"]
IMAGE = re.compile(r"^!\[(.*)\]\(data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$", flags=re.MULTILINE)
WORKSHEET = Worksheet(("needles",), "later", ("understand",))


def test_the_stylesheet_is_static_css_that_prints_the_print_copy_alone():
    assert f".st-key-{PRINT_COPY}" in PRINT_CSS and "@media print" in PRINT_CSS
    assert "<script" not in PRINT_CSS.casefold() and "url(" not in PRINT_CSS
    for chrome in ("stSidebar", "stHeader", "stPopoverBody"):
        assert f'[data-testid="{chrome}"]' in PRINT_CSS


def plain(line: str) -> str:
    """A markdown line as the reader sees it: no heading marks, bullets, bold, colour directives or escapes."""
    line = re.sub(r"^(#+|-) ", "", line)
    line = re.sub(r"^(?::small\[)?:gray\[(.*?)\]{1,2}$", r"\1", line).replace("**", "")
    return " ".join(re.sub(r"\\(.)", r"\1", line).split())


_PDF_TEXTS: dict[tuple[int, str], str] = {}


def pdf_text(content, language: str) -> str:
    """The take-home PDF's text for the same choices, on one line, without the pages' footers (built once)."""
    if (id(content), language) not in _PDF_TEXTS:
        _PDF_TEXTS[id(content), language] = _read_pdf(content, language)
    return _PDF_TEXTS[id(content), language]


def _read_pdf(content, language: str) -> str:
    """The PDF built and read."""
    data = summary_pdf(content, USES, on=ON, language=language, worksheet=WORKSHEET)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages)
    footer = re.escape(t("pdf.footer", language, page="PAGE", pages="PAGES")).replace("PAGES", r"\d+")
    return re.sub(footer.replace("PAGE", r"\d+") + " ", "", text)  # a page's footer can fall inside a paragraph


def compared_lines(markdown: str) -> list[str]:
    """The lines of the printed summary to find in the PDF: all but the table's rows, the sources (their numbers
    and titles are compared apart) and the pictures (compared apart: the same drawings)."""
    return [plain(line) for line in markdown.splitlines()
            if line.strip() and not line.startswith(("|", "- \\[", "### " + "Sources", "### Fuentes", "!["))]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_line_of_the_printed_summary_is_in_the_take_home_pdf(real_content, language):
    uses = [real_content.uses[u] for u in USES]
    markdown = summary_markdown(real_content, uses, ON, language, WORKSHEET)
    in_pdf = pdf_text(real_content, language)
    missing = [line for line in compared_lines(markdown) if " ".join(latin1(line).split()) not in in_pdf]
    assert missing == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_printed_summary_has_the_pdfs_sections_in_its_order(real_content, language):
    uses = [real_content.uses[u] for u in USES]
    headings = [plain(line) for line in summary_markdown(real_content, uses, ON, language, WORKSHEET).splitlines()
                if line.startswith("#")]
    boxes = [t("decisions.box_title", language, product=real_content.products[box.product].brand)
             for use in USES for box in real_content.fact_boxes_for(use)]
    assert boxes  # the fact boxes are part of what must agree
    expected = [t("pdf.title", language), *(text_in(u.name, language) for u in uses),
                t("decisions.worksheet.notes_heading", language), t("pdf.safety", language),
                t("pdf.where", language), t("pdf.sources", language)]
    assert [h for h in headings if h not in boxes] == expected
    in_pdf, position = pdf_text(real_content, language), 0
    for heading in headings:
        position = in_pdf.index(latin1(heading), position)  # raises when the PDF lacks it or has it earlier


def test_the_printed_summary_numbers_the_sources_as_the_pdf_and_leaves_out_the_name(real_content):
    markdown = summary_markdown(real_content, [real_content.uses[u] for u in USES], ON, "en", WORKSHEET)
    listed = re.findall(r"^- \\\[(\d+)\\\] \[(.+?)\]\(", markdown, flags=re.MULTILINE)
    in_pdf = pdf_text(real_content, "en")
    assert [int(n) for n, _ in listed] == list(range(1, len(listed) + 1))
    for number, title in listed:
        assert f"[{number}] {latin1(plain(title))}" in in_pdf
    for group in SAFETY_GROUPS:
        assert f"**{t(f'pdf.{group}', 'en')}**" in markdown


def test_the_visit_list_prints_the_chosen_items_under_their_headings_escaped(real_content):
    tell, ask = checklist(real_content)
    listed = visit_markdown(real_content, visit_list(real_content, {"tell": [tell.items[0].id],
                                                                   "ask": [ask.items[0].id]}, ON), "en")
    assert listed.startswith("## My questions for the visit \\(December 7, 2026\\)\n")
    assert "#### What applies to me\n\n- " in listed and "#### Questions I want to ask\n\n- " in listed
    assert plain(listed.split("#### Questions I want to ask\n\n")[1].splitlines()[0]) == ask.items[0].text["en"]
    assert f"**{' '.join(real_content.site.reminder['en'].split()).replace('.', chr(92) + '.')}**" in listed
    assert "Nothing chosen yet" not in listed


def test_an_empty_visit_list_says_how_to_fill_it(real_content):
    listed = visit_markdown(real_content, visit_list(real_content, {}, ON, "es"), "es")
    assert "Todavía no eligió nada" in listed and "####" not in listed


def test_the_printed_visit_list_reads_line_for_line_in_spanish(content_dir):
    content = load_content(content_dir)
    chosen = visit_list(content, {"ask": ["which-product"]}, dt.date(2026, 11, 30), "es", Worksheet(("needles",)))
    assert visit_markdown(content, chosen, "es") == (
        "## Mis preguntas para la visita \\(30 de noviembre de 2026\\)\n\n"
        "#### Preguntas que quiero hacer\n\n- Which product will you use?\n\n"
        "#### Mi hoja de trabajo para decidir\n\n- Lo que me importa\\: Needles\\.\n\n"
        "**Talk to a qualified medical professional\\.**\n\n"
        "De dónde vienen estos puntos\\:\n\n"
        "- [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)\n"
        "- [Test label](https://example.org/label) (Test maker, 2020)"
    )
    nothing = visit_markdown(content, visit_list(content, {}, dt.date(2026, 11, 30), "es"), "es")
    assert nothing == (
        "## Mis preguntas para la visita \\(30 de noviembre de 2026\\)\n\n"
        "Todavía no eligió nada\\: elija en la página lo que se aplica a usted y luego descargue de nuevo\\.\n\n"
        "**Talk to a qualified medical professional\\.**\n"
    )


def test_an_empty_printed_summary_has_its_date_site_nothing_chosen_and_the_reminder_twice(real_content):
    markdown = summary_markdown(real_content, [], ON, "es")
    reminder = f"**{' '.join(real_content.site.reminder['es'].split())}**"
    parts = [plain(part) for part in markdown.split("\n\n")]
    assert parts[:4] == ["Resumen de su consulta", "7 de diciembre de 2026 - Botox Explorer", plain(reminder),
                         "No se eligió ningún tratamiento para este resumen."]
    assert parts[-1] == plain(reminder)


def test_the_printed_summary_holds_every_part_of_a_use(real_content):
    uses = [real_content.uses[u] for u in USES]
    printed = " ".join(re.sub(r"\\(.)", r"\1", summary_markdown(real_content, uses, ON, "en", WORKSHEET)).split())
    for use in uses:
        expected = [use.treated_by["en"], use.what_to_expect["en"], *(effect["en"] for effect in use.side_effects)]
        if use.timing.note:
            expected.append(use.timing.note["en"])
        if not use.timing.stages:
            expected.append(t("views.no_timing", "en"))
        choices = real_content.choices[use.id]
        expected += [choices.without_treatment["en"], choices.after_stopping["en"],
                     *(real_content.alternatives[a].name["en"] for a in choices.alternatives)]
        expected += [outcome.measure["en"] for box in real_content.fact_boxes_for(use.id) for _, outcome in shares(box)]
        for text in expected:
            assert " ".join(text.split()) in printed, (use.id, text)
    assert printed.count(":small[:gray[Sources: [") >= 2 * len(uses)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_printed_summary_holds_the_warnings_that_apply_and_the_general_ones(real_content, language):
    def printed(use_ids):
        markdown = summary_markdown(real_content, [real_content.uses[u] for u in use_ids], ON, language)
        return " ".join(plain(line) for line in markdown.splitlines())

    limited = [item for item in real_content.safety.do_not_treat if item.applies_to]
    general = [item for item in real_content.safety.do_not_treat if not item.applies_to]
    assert limited and general
    for item in limited:
        shown = " ".join(text_in(item.text, language).split())
        assert shown not in printed(["crows-feet"]), item.id
        assert shown in printed(item.applies_to[:1]), item.id
    for item in general:
        assert " ".join(text_in(item.text, language).split()) in printed(["crows-feet"]), item.id


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_printed_summary_shows_the_pdfs_pictures_with_their_text_alternatives(real_content, language):
    uses = [real_content.uses[u] for u in USES]
    markdown = summary_markdown(real_content, uses, ON, language, WORKSHEET)
    shown = [(alt, base64.b64decode(data).decode()) for alt, data in IMAGE.findall(markdown)]
    pictures = summary_pictures(real_content, uses, language)
    assert [(md(" ".join(alt.split())), svg) for picture in pictures for svg, alt in picture.drawings] == shown
    assert len(shown) == 3  # the face (frown lines), the body (head and neck, migraine), the effect over time
    assert markdown.index("data:image/svg") < markdown.index(text_in(uses[0].name, language))
