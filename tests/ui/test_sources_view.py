"""Where a section's information comes from: numbered sources, the meaning of new words, the review date."""

from streamlit.testing.v1 import AppTest

from .helpers import shown

LABEL = "[Test label](https://example.org/label) (Test maker, 2020)"
PAPER = "[Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)"
TOXIN = f"**toxin:** A test meaning\\.  \n:small[Sources: {LABEL}]"


def footnotes(entries, texts):
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.sources_view import footnoted

    footnoted(content(), entries, texts)


def two_sections(texts):
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.sources_view import sources_control

    sources_control(content(), ["label-a", "label-a"], texts)
    sources_control(content(), [], texts)


def review(records):
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.sources_view import reviewed_note

    reviewed_note([content().uses[u] for u in records])


def test_entries_end_with_their_sources_numbered_in_order_of_first_citation(minimal_content):
    entries = [("**A** one", ["paper-b"]), ("**B** two", ["label-a", "paper-b", "label-a"]), ("**C** three", [])]
    assert shown(AppTest.from_function(footnotes, args=(entries, ["A toxin."])).run()) == [
        ("markdown", "**A** one  \n:small[:gray[Sources 1]]\n\n"
                     "**B** two  \n:small[:gray[Sources 2, 1]]\n\n"
                     "**C** three"),
        ("popover", "Sources (2) · Meaning of: toxin"),
        ("markdown", f"**What the words mean**\n\n{TOXIN}\n\n**Sources**\n\n1. {PAPER}\n2. {LABEL}"),
    ]


def test_a_word_is_explained_where_it_first_appears_and_sources_once_each(minimal_content):
    assert shown(AppTest.from_function(two_sections, args=(["Two toxins."],)).run()) == [
        ("popover", "Sources (1) · Meaning of: toxin"),
        ("markdown", f"**What the words mean**\n\n{TOXIN}\n\n**Sources**\n\n1. {LABEL}"),
    ]


def test_the_control_reads_in_spanish(minimal_content):
    app = AppTest.from_function(two_sections, args=(["Una toxin."],))
    app.session_state["language"] = "es"
    assert shown(app.run()) == [
        ("popover", "Fuentes (1) · Qué significa: toxin"),
        ("markdown", "**Qué significan las palabras**\n\n**toxin:** A test meaning\\.  \n"
                     f":small[Fuentes: {LABEL}]\n\n**Fuentes**\n\n1. {LABEL}"),
    ]


def test_the_review_date_is_the_oldest_of_what_the_page_shows(minimal_content):
    uses = minimal_content / "uses.yaml"
    uses.write_text(uses.read_text().replace("reviewed_on: 2026-01-01", "reviewed_on: 2025-12-30", 1))
    assert shown(AppTest.from_function(review, args=(["bladder-test", "lines"],)).run()) == [
        ("caption", "Reviewed\\: every statement on this page was checked against its sources on or after December "
                    "30, 2025\\."),
    ]
    assert shown(AppTest.from_function(review, args=([],)).run()) == []
