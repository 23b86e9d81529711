"""Safety on a phone, as AppTest sees it: what to do if something goes wrong comes first, jump links reach every
section, Home and How it works lead there, and each common belief says its verdict in words."""

import re

import pytest

from botox_explorer.i18n import t
from botox_explorer.models import text_in
from botox_explorer.presenting import SAFETY_SECTIONS, myth_verdict
from botox_explorer.ui.markdown import md

from .helpers import open_page

LINK = re.compile(r"\[(?P<text>[^\]]+)\]\(#(?P<anchor>[a-z-]+)\)")


def open_in(page: str, language: str):
    """``page`` opened in ``language``, as by its address."""
    return open_page(page, lang=language)


@pytest.mark.parametrize("language", ["en", "es"])
def test_safety_opens_with_the_help_box_the_red_flags_911_and_whom_to_call(real_content, language):
    app = open_in("safety", language)
    first = [node for node in app.main if node.type in ("title", "header", "error", "markdown", "warning")][:3]
    assert [node.type for node in first] == ["title", "header", "error"]
    assert first[1].value == t("safety.help_now", language) and first[1].proto.anchor == "get-help-now"
    lines = [f"- **{md(text_in(item.label, language))}**" for item in real_content.safety.red_flags]
    assert first[2].value.split("\n\n")[1] == "\n".join(lines)
    assert "911" in first[2].value.split("\n\n")[1].splitlines()[0]
    assert first[2].value.endswith(md(t("presenting.contact.unset", language)))


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_jump_links_follow_the_help_box_and_reach_every_section_heading(real_content, language):
    app = open_in("safety", language)
    headers = {node.proto.anchor: node.value for node in app.main if node.type == "header"}
    [links] = [m.value for m in app.markdown if m.value.startswith(f"**{t('safety.on_this_page', language)}**")]
    found = [(m["text"], m["anchor"]) for m in LINK.finditer(links)]
    assert [anchor for _, anchor in found] == [section.replace("_", "-") for section, _ in SAFETY_SECTIONS
                                               if getattr(real_content.safety, section)]
    assert all(headers[anchor] == text.replace("\\", "") for text, anchor in found)


@pytest.mark.parametrize(("language", "label", "title"), [("en", "Is it safe?", "Safety"),
                                                          ("es", "¿Es seguro?", "Seguridad")])
def test_homes_safety_entry_opens_safety(real_content, language, label, title):
    app = open_in("home", language)
    [entry] = [b for b in app.button if b.label == label]
    entry.click().run()
    assert [node.value for node in app.title] == [title]


@pytest.mark.parametrize(("language", "title"), [("en", "Safety"), ("es", "Seguridad")])
def test_how_it_works_leads_to_safety(real_content, language, title):
    app = open_in("how", language)
    [to_safety] = [b for b in app.button if b.label == t("page.how_it_works.to_safety", language)]
    to_safety.click().run()
    assert [node.value for node in app.title] == [title]


@pytest.mark.parametrize(("language", "words"), [("en", {"Not true", "Misleading", "Partly true", "True"}),
                                                 ("es", {"No es cierto", "Engañoso", "En parte cierto", "Cierto"})])
def test_each_belief_says_its_verdict_in_words_beside_its_icon(real_content, language, words):
    app = open_in("how", language)
    beliefs = [e.label for e in app.expander if e.label.startswith("**")]
    assert beliefs == [f"**{md(myth_verdict(m.verdict, language))}:** {md(text_in(m.belief, language))}"
                       for m in real_content.myths]
    assert {myth_verdict(m.verdict, language) for m in real_content.myths} == words
