"""What a phone prints (Chromium's PDF of the print media): Before your visit gives the chosen list and the reminder
on one or two pages, the consultation its summary only; never the navigation, the chips, the buttons or a popover."""

from __future__ import annotations

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from botox_explorer.content import load_content
from botox_explorer.i18n import t
from botox_explorer.models import text_in

from .helpers import open_page, rerun

pytestmark = pytest.mark.browser
CONTENT = load_content()


def printed(view) -> tuple[str, int]:
    """The page as Chromium prints it: its text on one line and its number of pages."""
    view.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(view.pdf(format="Letter")))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    """The first eight words of a text (enough to tell two items apart), as a PDF's text holds them."""
    return " ".join(text.split()[:8])


@pytest.mark.parametrize("language", ["en", "es"])
def test_before_your_visit_prints_the_chosen_list_and_the_reminder_only(app_server, page, language):
    view = page("phone")
    open_page(view, app_server, f"/before_your_visit?lang={language}")
    safety = CONTENT.safety
    chosen = [safety.tell_your_doctor[0], safety.questions_to_ask[0], safety.questions_to_ask[4]]
    for count, item in enumerate(chosen, start=1):
        chip = view.locator('[data-testid="stButtonGroup"]').get_by_role("button", name=text_in(item.label, language),
                                                                         exact=True)
        label = t("page.before_your_visit.download_or_print", language, count=count)
        rerun(view, chip.click, until=f"[...document.querySelectorAll('button')].some(b => "
                                      f"b.innerText.includes({label!r}))")
    view.get_by_role("button", name=label).click()  # an open popover must not print
    expect(view.locator('[data-testid="stPopoverBody"]')).to_be_visible()
    text, pages = printed(view)
    assert pages <= 2
    for item in chosen:
        assert text.count(flat(text_in(item.text, language))) == 1, item.id
    assert flat(text_in(CONTENT.site.reminder, language)) in text
    unchosen = [safety.tell_your_doctor[1], safety.questions_to_ask[1], *safety.do_not_treat]
    for item in unchosen:
        assert text_in(item.label, language) not in text and flat(text_in(item.text, language)) not in text
    for chrome in (t("nav.explore", language), t("nav.safety", language), t("page.before_your_visit.title", language),
                   t("page.before_your_visit.download", language), t("visit.tell.prompt", language)):
        assert chrome not in text


def test_the_consultation_prints_its_summary_only(app_server, page):
    view = page("phone")
    open_page(view, app_server, "/consultation?topics=frown-lines,chronic-migraine")
    text, _ = printed(view)  # as long as the summary is: what is left out is checked below
    assert text.startswith(f"{t('pdf.title', 'en')} ")
    for use in ("frown-lines", "chronic-migraine"):
        assert text_in(CONTENT.uses[use].name) in text
    for section in ("pdf.safety", "pdf.where", "pdf.sources"):
        assert t(section, "en") in text
    not_chosen = text_in(CONTENT.uses["crows-feet"].name)
    for chrome in (t("page.consultation.present", "en"), t("page.consultation.take_home", "en"), not_chosen,
                   t("page.consultation.areas", "en"), t("consultation.steps.numbers", "en"), t("nav.explore", "en")):
        assert chrome not in text
