"""What a view shows, read from an AppTest run."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

ALERTS = ("error", "warning", "info", "success")


def shown(app: AppTest) -> list[tuple[str, str]]:
    """Every element of the page in order, as (kind, what it says): an alert's icon before its text, a button's
    label, a popover's or an expander's label (their contents follow)."""
    assert not app.exception, [e.value for e in app.exception]
    seen = []
    for node in app.main:
        if node.type == "popover":
            seen.append(("popover", node.proto.popover.label))
        elif node.type == "expander":
            seen.append(("expander", node.label))
        elif node.type in ("button", "link_button"):
            seen.append((node.type, node.label if node.type == "button" else node.proto.label))
        elif node.type in ALERTS:
            seen.append((node.type, f"{node.icon} {node.value}"))
        elif not isinstance(node, Block) and hasattr(node, "value"):
            seen.append((node.type, node.value))
    return seen
