"""The "Before your visit" checklist: what to tell the injector and what to ask, and the patient's own notes.

The choices are the patient's: the page keeps them only on screen (never in the address, a file on the server
or a log), and the notes are built here from the chosen items, for the patient to download or print.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .decisions import Worksheet, worksheet_lines
from .i18n import format_date, t
from .models import DEFAULT_LANGUAGE, Content, SafetyItem, text_in


@dataclass(frozen=True)
class ChecklistSection:
    key: str
    heading: str
    prompt: str
    items: tuple[SafetyItem, ...]


def checklist(content: Content, language: str = DEFAULT_LANGUAGE) -> list[ChecklistSection]:
    """The checklist's sections, from safety.yaml: what to tell the injector, then what to ask; their heading and
    prompt in ``language``."""
    safety = content.safety
    items_by_key = {"tell": (*safety.do_not_treat, *safety.tell_your_doctor), "ask": tuple(safety.questions_to_ask)}
    return [ChecklistSection(key, t(f"visit.{key}.heading", language), t(f"visit.{key}.prompt", language), items)
            for key, items in items_by_key.items() if items]


def widget_key(section: ChecklistSection) -> str:
    """The on-screen key of a section's chips (session only; never bound to the address)."""
    return f"visit-{section.key}"


def chosen_items(section: ChecklistSection, chosen_ids: Sequence[str]) -> list[SafetyItem]:
    """The section's chosen items, in the section's order (unknown ids are left out)."""
    chosen = set(chosen_ids)
    return [item for item in section.items if item.id in chosen]


NOTES_WIDTH = 90


def visit_notes(content: Content, chosen: Mapping[str, Sequence[str]], on: dt.date,
                language: str = DEFAULT_LANGUAGE, worksheet: Worksheet | None = None) -> str:
    """The patient's notes for the visit as plain text in ``language``: the chosen items of each section
    (``chosen`` maps a section's key to its chosen item ids), the decision worksheet if filled in, with the page's
    reminder and where each point comes from (the sources' titles as published)."""
    lines = [t("visit.notes_title", language, date=format_date(on, language)), ""]
    cited: dict[str, None] = {}
    for section in checklist(content, language):
        items = chosen_items(section, chosen.get(section.key, ()))
        if not items:
            continue
        lines.append(section.heading + ":")
        for item in items:
            lines += textwrap.wrap(text_in(item.text, language), NOTES_WIDTH, initial_indent="[ ] ",
                                   subsequent_indent="    ")
            cited.update(dict.fromkeys(item.sources))
        lines.append("")
    decision = worksheet_lines(content, worksheet or Worksheet(), language)
    if decision:
        lines.append(t("decisions.worksheet.notes_heading", language) + ":")
        for line in decision:
            lines += textwrap.wrap(line, NOTES_WIDTH, initial_indent="- ", subsequent_indent="  ")
        lines.append("")
        cited.update(dict.fromkeys(content.decision_aid.worksheet_sources))
    if not cited:
        lines += [t("visit.nothing_chosen", language), ""]
    lines += textwrap.wrap(text_in(content.site.reminder, language), NOTES_WIDTH)
    if cited:
        lines += ["", t("visit.sources", language)]
        lines += [f"- {content.sources[s].title} ({content.sources[s].publisher}): {content.sources[s].link}"
                  for s in cited]
    return "\n".join(lines) + "\n"
