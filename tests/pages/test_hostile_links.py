"""Every page, opened by a link with hostile or broken query parameters: no exception, at most a gentle notice,
and nothing from the link shown as markup."""

import pytest

from .helpers import PAGES, open_page, texts

LONG = "x" * 20_000
HOSTILE_VALUES = [
    LONG,
    "\x00\x07\x1b[31m",
    "\u202eevil\u202c \u200f\u05e9\u05dc\u05d5\u05dd",  # right-to-left override and Hebrew
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "**bold** :red[x] $x$ <b>",
    "",
    "nope",
    "../../etc/passwd",
]
PARAMETERS = ["category", "status", "area", "offered", "q", "use", "topics", "concern", "present", "step", "lang",
              "section", "utm_source"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_a_hostile_value_in_every_parameter(page, value):
    app = open_page(page, **{name: value for name in PARAMETERS})
    assert app.title
    assert_nothing_reflected_as_markup(app)


@pytest.mark.parametrize("page", PAGES)
def test_repeated_and_empty_keys(page):
    app = open_page(page, category=["medical", "medical", "", "<b>"], topics=["", "frown-lines", "frown-lines"],
                    step=["2", "x"], use=["", ""], q=["a", "b"])
    assert app.title
    assert_nothing_reflected_as_markup(app)


def assert_nothing_reflected_as_markup(app) -> None:
    """Nothing the link carried reaches the page unescaped (markdown is the only way markup could get in)."""
    shown = "\n".join(m.value for m in app.markdown) + texts(app)
    for fragment in ("<script", "<b>", "](javascript", "**bold**", ":red[x]", "\u202e", "\x00"):
        assert fragment not in shown, fragment
