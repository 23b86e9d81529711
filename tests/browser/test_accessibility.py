"""Accessibility: axe-core on Home; serious and critical violations fail unless Streamlit itself owns them."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import open_page

pytestmark = pytest.mark.browser

BLOCKING_IMPACTS = {"serious", "critical"}

# Violations caused by Streamlit's own markup, which the project cannot change: (axe rule id, CSS selector of the
# framework-owned container the offending node sits in or is). Never add the project's own content here.
FRAMEWORK_OWNED = [
    # Streamlit 1.67's sidebar navigation with sections (st.navigation({"Learn": [...]}), 2+ pages) wraps each
    # section's header and <li> items in a <div> directly inside <ul data-testid="stSidebarNavItems">.
    ("list", '[data-testid="stSidebarNavItems"]'),
    # ... and therefore those <li> have no <ul>/<ol> parent.
    ("listitem", '[data-testid="stSidebarNav"]'),
]

_INSIDE_JS = """([target, container]) => {
  const node = document.querySelector(target);
  return !!(node && node.closest(container));
}"""


def framework_owned(page, rule: str, node: dict) -> bool:
    targets = node["target"]
    if len(targets) != 1 or not isinstance(targets[0], str):  # inside an iframe or a shadow root: not Streamlit's
        return False
    return any(
        rule == allowed_rule and page.evaluate(_INSIDE_JS, [targets[0], container])
        for allowed_rule, container in FRAMEWORK_OWNED
    )


def describe(violation: dict, node: dict) -> str:
    html = " ".join(node["html"].split())[:160]
    return f"{violation['id']} ({violation['impact']}) {', '.join(map(str, node['target']))}: {html}"


def test_home_has_no_serious_accessibility_violations(app_server, page):
    home = page("desktop")
    open_page(home, app_server, "/")
    results = Axe().run(home)
    blocking, allowed, other = [], [], []
    for violation in results.response["violations"]:
        for node in violation["nodes"]:
            line = describe(violation, node)
            if violation["impact"] not in BLOCKING_IMPACTS:
                other.append(line)
            elif framework_owned(home, violation["id"], node):
                allowed.append(line)
            else:
                blocking.append(line)
    print("\naxe on Home at 1280x800")
    for title, lines in (("blocking", blocking), ("allow-listed (Streamlit)", allowed), ("moderate/minor", other)):
        print(f"  {title}: {len(lines)}")
        for line in lines:
            print(f"    - {line}")
    assert not blocking, "serious/critical accessibility violations:\n" + "\n".join(blocking)
