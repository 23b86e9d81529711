"""A use on a page: its card with "Read more", and its full explanation in reading order."""

from streamlit.testing.v1 import AppTest

from tests.helpers import replace_in

from .helpers import shown

CARD = ("### Test lines\n\n:gray[Cosmetic use]\n\n"
        ":green-background[:material/verified: FDA\\-approved \\(TESTOX\\); first US approval 2002]\n\n"
        "Softens test lines\\.\n\n**Starts working:** 2\\-3 days · **Lasts:** 3\\-4 months\n\n"
        ":material/storefront: **Offered at this clinic**\n\n"
        ":small[:gray[1 source, listed under Read more · reviewed January 1, 2026]]")


def card(with_button):
    import streamlit as st

    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.use_view import use_card

    use_card(content().uses["lines"], content(), on_open=(lambda use_id: st.session_state.update(opened=use_id))
             if with_button else None)


def detail(use_id):
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.use_view import use_detail

    use_detail(content().uses[use_id], content())


def test_a_card_says_it_all_and_read_more_opens_its_use(minimal_content):
    app = AppTest.from_function(card, args=(True,)).run()
    assert shown(app) == [("markdown", CARD), ("button", "Read more")]
    app.button[0].click().run()
    assert app.session_state["opened"] == "lines"
    assert shown(AppTest.from_function(card, args=(False,)).run()) == [("markdown", CARD)]


def test_the_detail_explains_a_use_in_reading_order_with_its_sources(minimal_content):
    seen = shown(AppTest.from_function(detail, args=("bladder-test",)).run())
    cites = "  \n:small[:gray[Sources 1]]"
    assert seen[:15] == [
        ("header", "Test bladder"),
        ("markdown", ":orange-background[:material/info: Off\\-label]"),
        ("caption", "This page tells you what it is, how well it works in numbers, its risks and your other options, "
                    "to help you decide with your clinician."),
        ("markdown", "**Key points**\n\n**What it is:** Calms a test bladder\\." + cites + "\n\n**How well it works:** "
                     "No placebo\\-controlled numbers for this use\\: Off\\-label\\." + cites),
        ("subheader", "What it treats and how it helps"),
        ("markdown", "Test explanation\\." + cites),
        ("subheader", "What to expect"),
        ("markdown", "Test expectations\\." + cites),
        ("markdown", "Our sources do not say when it starts working or how long it lasts\\." + cites),
        ("subheader", "How strong is the evidence?"),
        ("markdown", "Test evidence\\." + cites),
        ("markdown", "**Who treats it:** A urologist" + cites),
        ("caption", "Reviewed on January 1, 2026\\."),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)"),
    ]
    headings = [text for kind, text in seen[15:] if kind in ("subheader", "expander")]
    assert headings == ["No trial numbers to show", "Your choices", "Help me decide"]
    assert not any("out of 100" in str(text) for _, text in seen)  # no number for a use without trial numbers


def test_a_part_cites_only_its_own_sources(minimal_content):
    replace_in(minimal_content, "uses.yaml", "\n  sources: [label-a]",
               "\n  cites: {explanation: [paper-b], timing: [label-a]}\n  sources: [label-a, paper-b]")
    texts = [text for _, text in shown(AppTest.from_function(detail, args=("lines",)).run())]
    explanation = next(t for t in texts if str(t).startswith("Test explanation"))
    timing = next(t for t in texts if str(t).startswith("**Starts working:**"))
    assert explanation.endswith(":small[:gray[Sources 2]]")  # the paper, numbered after the label of the approval
    assert timing.endswith(":small[:gray[Sources 1]]")


def test_the_detail_of_an_approved_use_lists_its_approvals_and_their_sources(minimal_content):
    replace_in(minimal_content, "uses.yaml", "\n  sources: [label-a]", "\n  sources: [paper-b]")
    seen = shown(AppTest.from_function(detail, args=("lines",)).run())
    approvals = "**Approved in the US:**\n- TESTOX, April 2002\\: Adults  \n:small[:gray[Sources 1]]"
    assert seen[3] == ("markdown", approvals)
    at = seen.index(("caption", "Reviewed on January 1, 2026\\."))
    assert seen[at + 1:at + 3] == [
        ("popover", "Sources (2)"),
        ("markdown", "**Sources**\n\n1. [Test label](https://example.org/label) (Test maker, 2020)\n"
                     "2. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)"),
    ]
