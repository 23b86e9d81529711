"""A safety section as a visitor sees it: its heading, its items, an alert box for the tones set off, its sources."""

from streamlit.testing.v1 import AppTest

from botox_explorer.presenting import SAFETY_TONES
from tests.helpers import replace_in

from .helpers import shown

SOURCES = "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)"


def every_section():
    from botox_explorer.presenting import SAFETY_SECTIONS
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.safety_view import safety_section

    for section, _ in SAFETY_SECTIONS:
        safety_section(section, content())


def test_a_warning_is_a_warning_box_and_a_danger_an_error_box_in_the_sections_order(minimal_content):
    assert shown(AppTest.from_function(every_section).run()) == [
        ("header", "Boxed warning"),
        ("warning", ":material/warning: - **Test warning\\.**"),
        ("popover", "Sources (1)"), ("markdown", SOURCES),
        ("header", "Get urgent medical care if you notice"),
        ("error", ":material/emergency: - **Trouble swallowing\\.**\n\n"
                  "**To tell the clinic, call the office where you were treated\\.**"),
        ("popover", "Sources (1)"), ("markdown", SOURCES),
        ("header", "Who should not be treated"), ("markdown", "- **Test allergy\\.**"),
        ("popover", "Sources (1)"), ("markdown", SOURCES),
        ("header", "Questions to ask before treatment"), ("markdown", "- **Which product will you use?**"),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)"),
    ]


def test_the_tone_comes_from_the_shared_list(minimal_content, monkeypatch):
    monkeypatch.setitem(SAFETY_TONES, "do_not_treat", "danger")
    monkeypatch.setitem(SAFETY_TONES, "boxed_warning", "plain")
    seen = shown(AppTest.from_function(every_section).run())
    assert seen[0:2] == [("header", "Boxed warning"), ("markdown", "- **Test warning\\.**")]
    assert ("error", ":material/emergency: - **Test allergy\\.**") in seen
    assert ("header", "Who should not be treated") in seen


def test_a_section_reads_in_spanish_with_its_item_and_detail(minimal_content):
    replace_in(minimal_content, "safety.yaml", "text: {en: Test allergy.}",
               "text: {en: Test allergy., es: Alergia.}, detail: {en: To the toxin., es: A la toxina.}")
    app = AppTest.from_function(every_section)
    app.session_state["language"] = "es"
    seen = shown(app.run())
    assert seen[0:2] == [("header", "Advertencia en recuadro"), ("warning", ":material/warning: - **Test warning\\.**")]
    assert seen[4:6] == [("header", "Busque atención médica urgente si nota"),
                         ("error", ":material/emergency: - **Trouble swallowing\\.**\n\n**Para avisar a la clínica, "
                                   "llame a la oficina donde le dieron el tratamiento\\.**")]
    assert seen[8:11] == [("header", "Quién no debe recibir el tratamiento"),
                          ("markdown", "- **Alergia\\.** A la toxina\\."), ("popover", "Fuentes (1)")]


def anchors(app: AppTest) -> list[str]:
    """The anchors of the page's headings, in order."""
    return [node.proto.anchor for node in app.main if node.type == "header"]


def help_box_and_links():
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.safety_view import help_now_box, jump_links

    help_now_box(content())
    jump_links(content())


def test_the_help_box_lists_each_red_flag_by_its_label_then_whom_to_call_then_links_each_section(minimal_content):
    app = AppTest.from_function(help_box_and_links).run()
    assert shown(app) == [
        ("header", "Get help now"),
        ("error", ":material/emergency: Get urgent medical care if you notice:\n\n- **Trouble swallowing**\n\n"
                  "To tell the clinic, call the office where you were treated\\."),
        ("popover", "Sources (1)"), ("markdown", SOURCES),
        ("markdown", "**On this page**\n\n- [Boxed warning](#boxed-warning)\n"
                     "- [Get urgent medical care if you notice](#red-flags)\n"
                     "- [Who should not be treated](#do-not-treat)\n"
                     "- [Questions to ask before treatment](#questions-to-ask)"),
    ]
    assert anchors(app) == ["get-help-now"]


def test_each_section_heading_carries_the_anchor_its_jump_link_points_to(minimal_content):
    assert anchors(AppTest.from_function(every_section).run()) == [
        "boxed-warning", "red-flags", "do-not-treat", "questions-to-ask"]


def test_no_help_box_without_red_flags(minimal_content):
    replace_in(minimal_content, "safety.yaml", "red_flags: [{id: swallowing, label: {en: Trouble swallowing}, "
               "text: {en: Trouble swallowing.}, sources: [label-a], reviewed_on: 2026-01-01}]", "red_flags: []")
    assert [kind for kind, _ in shown(AppTest.from_function(help_box_and_links).run())] == ["markdown"]
