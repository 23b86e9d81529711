"""The page chrome: the reminder with its link to the same topic in the guide, and the sidebar's note."""

from streamlit.testing.v1 import AppTest

from .helpers import shown

REMINDER = ":material/medical_services: Talk to a qualified medical professional\\."


def chrome(dashboard_page):
    from botox_explorer.ui.content_cache import content
    from botox_explorer.ui.frame import reminder, sidebar_note

    sidebar_note(content())
    reminder(content(), dashboard_page)


def open_chrome(dashboard_page: str, **query: str) -> AppTest:
    app = AppTest.from_function(chrome, args=(dashboard_page,))
    for name, value in query.items():
        app.query_params[name] = value
    return app.run()


def test_the_reminder_links_to_the_open_use_in_the_guide(minimal_content):
    assert shown(open_chrome("explore", use="lines")) == [
        ("info", f"{REMINDER}\n\n:material/article: [Read this as a simple page](guide/uses/lines.html)")]
    assert shown(open_chrome("safety", use="lines")) == [
        ("info", f"{REMINDER}\n\n:material/article: [Read this as a simple page](guide/safety.html)")]


def test_the_presenters_screen_has_the_reminder_without_the_link(minimal_content):
    assert shown(open_chrome("safety", present="1")) == [("info", REMINDER)]


def test_the_sidebar_says_what_the_dashboard_is_and_keeps(minimal_content):
    sidebar = open_chrome("home").sidebar
    assert [(e.type, e.label if e.type == "expander" else e.value) for e in sidebar if e.type != "sidebar"] == [
        ("caption", "A test tagline."), ("expander", "Privacy"),
        ("caption", "Nothing is kept\\. The map provider sees the area\\.")]
