"""AppTest helpers: run the app as a visitor would, on a page, with a URL."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PAGES = {
    "home": "pages/learn/home.py",
    "explore": "pages/learn/explore.py",
    "how": "pages/learn/how_it_works.py",
    "history": "pages/learn/history.py",
    "safety": "pages/learn/safety.py",
    "glossary": "pages/learn/glossary.py",
    "visit": "pages/visit/before_your_visit.py",
    "locations": "pages/visit/locations.py",
    "consultation": "pages/consult/consultation.py",
}


def open_page(page: str, **query: str | list[str]) -> AppTest:
    """The app opened on ``page`` as by a URL with ``query`` parameters."""
    app = AppTest.from_file(APP, default_timeout=60)
    for name, value in query.items():
        app.query_params[name] = value
    app.switch_page(PAGES[page])
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def popovers(app: AppTest) -> list[tuple[str, str]]:
    """Every popover on the page (label, and the markdown and text it opens), in page order."""
    found = []

    def walk(node) -> None:
        if getattr(node, "type", None) == "popover":
            inside = [child.value for child in _descendants(node)
                      if getattr(child, "type", None) in ("markdown", "text")]
            found.append((node.proto.popover.label, "\n".join(inside)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    return found


def _descendants(node):
    for child in getattr(node, "children", {}).values():
        yield child
        yield from _descendants(child)


def texts(app: AppTest) -> str:
    """Everything a visitor reads on the page, as one string."""
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning",
                                   "error", "success", "text") for e in getattr(app, kind)]
    parts += [e.label for e in app.expander]
    return "\n".join(str(p) for p in parts)


CHART_IMAGE = re.compile(r"!\[(?P<alt>.*?)\]\(data:image/svg\+xml;base64,(?P<svg>[A-Za-z0-9+/=]+)\)", re.DOTALL)


def picture_title(markdown: str) -> str:
    """The title of the first picture in a markdown text ("" when it shows none)."""
    match = CHART_IMAGE.search(markdown)
    if not match:
        return ""
    svg = base64.b64decode(match["svg"]).decode("utf-8")
    return html.unescape(re.search(r"<title>(.*?)</title>", svg).group(1))


def charts(app: AppTest) -> dict[str, str]:
    """Every chart on the page, by its title: its text alternative (pictures and the map's figure alike)."""
    found = {}
    for element in app.markdown:
        for match in CHART_IMAGE.finditer(element.value):
            found[picture_title(match[0])] = match["alt"].replace("\\", "")
    for chart in app.get("plotly_chart"):
        found[json.loads(chart.proto.spec)["layout"]["title"]["text"]] = chart.proto.alt
    return found


def chart_alts(app: AppTest) -> dict[str, str]:
    return charts(app)
