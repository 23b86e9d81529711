"""The "Before your visit" checklist: what to tell the injector and what to ask, and the patient's own notes.

The choices are the patient's: the page keeps them only on screen (never in the address, a file on the server
or a log), and the notes are built here from the chosen items, for the patient to download or print.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .content import Content
from .models import SafetyItem, text_in


@dataclass(frozen=True)
class ChecklistSection:
    key: str
    heading: str
    prompt: str
    items: tuple[SafetyItem, ...]


def checklist(content: Content) -> list[ChecklistSection]:
    """The checklist's sections, from safety.yaml: what to tell the injector, then what to ask."""
    safety = content.safety
    sections = [
        ChecklistSection("tell", "Tell your injector", "Choose what applies to you",
                         (*safety.do_not_treat, *safety.tell_your_doctor)),
        ChecklistSection("ask", "Ask your injector", "Choose the questions you want to ask",
                         tuple(safety.questions_to_ask)),
    ]
    return [section for section in sections if section.items]


def widget_key(section: ChecklistSection) -> str:
    """The on-screen key of a section's chips (session only; never bound to the address)."""
    return f"visit-{section.key}"


def chosen_items(section: ChecklistSection, chosen_ids: Sequence[str]) -> list[SafetyItem]:
    """The section's chosen items, in the section's order (unknown ids are left out)."""
    chosen = set(chosen_ids)
    return [item for item in section.items if item.id in chosen]


NOTES_WIDTH = 90


def visit_notes(content: Content, chosen: Mapping[str, Sequence[str]], on: dt.date) -> str:
    """The patient's notes for the visit as plain text: the chosen items of each section (``chosen`` maps a
    section's key to its chosen item ids), with the page's reminder and where each point comes from."""
    lines = [f"My questions for the visit ({on.day} {on:%B %Y})", ""]
    cited: dict[str, None] = {}
    for section in checklist(content):
        items = chosen_items(section, chosen.get(section.key, ()))
        if not items:
            continue
        lines.append(section.heading + ":")
        for item in items:
            lines += textwrap.wrap(text_in(item.text), NOTES_WIDTH, initial_indent="[ ] ", subsequent_indent="    ")
            cited.update(dict.fromkeys(item.sources))
        lines.append("")
    if not cited:
        lines += ["Nothing chosen yet: choose what applies to you on the page, then download again.", ""]
    lines += textwrap.wrap(text_in(content.site.reminder), NOTES_WIDTH)
    if cited:
        lines += ["", "Where these points come from:"]
        lines += [f"- {content.sources[s].title} ({content.sources[s].publisher}): {content.sources[s].link}"
                  for s in cited]
    return "\n".join(lines) + "\n"
