"""The "Before your visit" checklist: what to tell the injector and what to ask, and the patient's own notes.

The ticks are the patient's: the page keeps them only on screen (never in the address, a file on the server
or a log), and the notes are built here from the ticked ids, for the patient to download or print.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from dataclasses import dataclass

from .content import Content
from .models import SafetyItem, text_in


@dataclass(frozen=True)
class ChecklistSection:
    key: str
    heading: str
    items: tuple[SafetyItem, ...]


def checklist(content: Content) -> list[ChecklistSection]:
    """The checklist's sections, from safety.yaml: what to tell the injector, then what to ask."""
    safety = content.safety
    sections = [
        ChecklistSection("tell", "Tell your injector", (*safety.do_not_treat, *safety.tell_your_doctor)),
        ChecklistSection("ask", "Ask your injector", tuple(safety.questions_to_ask)),
    ]
    return [section for section in sections if section.items]


def item_key(section: ChecklistSection, item: SafetyItem) -> str:
    """The on-screen key of a tick box (session only; never bound to the address)."""
    return f"visit-{section.key}-{item.id}"


NOTES_WIDTH = 90


def visit_notes(content: Content, ticked: set[str], on: dt.date) -> str:
    """The patient's notes for the visit as plain text: the ticked items of each section, with the page's
    reminder and where each point comes from. ``ticked`` holds item keys (``item_key``)."""
    lines = [f"My questions for the visit ({on.day} {on:%B %Y})", ""]
    cited: dict[str, None] = {}
    for section in checklist(content):
        chosen = [item for item in section.items if item_key(section, item) in ticked]
        if not chosen:
            continue
        lines.append(section.heading + ":")
        for item in chosen:
            lines += textwrap.wrap(text_in(item.text), NOTES_WIDTH, initial_indent="[ ] ", subsequent_indent="    ")
            cited.update(dict.fromkeys(item.sources))
        lines.append("")
    if not cited:
        lines += ["Nothing ticked yet: tick what applies to you on the page, then download again.", ""]
    lines += textwrap.wrap(text_in(content.site.reminder), NOTES_WIDTH)
    if cited:
        lines += ["", "Where these points come from:"]
        lines += [f"- {content.sources[s].title} ({content.sources[s].publisher}): {content.sources[s].link}"
                  for s in cited]
    return "\n".join(lines) + "\n"
