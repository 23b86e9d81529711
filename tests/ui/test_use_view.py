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
    assert shown(AppTest.from_function(detail, args=("bladder-test",)).run()) == [
        ("header", "Test bladder"),
        ("markdown", ":orange-background[:material/info: Off\\-label]"),
        ("markdown", "Calms a test bladder\\."),
        ("subheader", "What it treats and how it helps"),
        ("markdown", "Test explanation\\."),
        ("subheader", "What to expect"),
        ("markdown", "Test expectations\\."),
        ("markdown", "**Starts working:** not established · **Strongest:** not established · "
                     "**Lasts:** not established · **Repeat every:** not established"),
        ("subheader", "How strong is the evidence?"),
        ("markdown", "Test evidence\\."),
        ("markdown", "**Who treats it:** A urologist"),
        ("caption", "Reviewed on January 1, 2026\\."),
        ("popover", "Sources (1)"),
        ("markdown", "**Sources**\n\n1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)"),
    ]


def test_the_detail_of_an_approved_use_lists_its_approvals_and_their_sources(minimal_content):
    replace_in(minimal_content, "uses.yaml", "\n  sources: [label-a]", "\n  sources: [paper-b]")
    seen = shown(AppTest.from_function(detail, args=("lines",)).run())
    assert seen[2] == ("markdown", "**Approved in the US:**\n- TESTOX, April 2002\\: Adults")
    assert seen[-2:] == [
        ("popover", "Sources (2)"),
        ("markdown", "**Sources**\n\n1. [Test paper](https://doi.org/10.1000/test.1) (Doe J, 2012)\n"
                     "2. [Test label](https://example.org/label) (Test maker, 2020)"),
    ]
