"""The "Before your visit" checklist: what to tell the injector and what to ask, and the patient's own notes.

The choices are the patient's: the page keeps them only on screen (never in the address, a file on the server
or a log), and the notes are built here from the chosen items, for the patient to download or print.
"""

from __future__ import annotations

import datetime as dt
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
    notes_heading: str  # a heading for the list that does not repeat its items' "Tell your doctor..."


def checklist(content: Content, language: str = DEFAULT_LANGUAGE) -> list[ChecklistSection]:
    """The checklist's sections, from safety.yaml: what to tell the injector, then what to ask; their heading and
    prompt in ``language``."""
    safety = content.safety
    items_by_key = {"tell": (*safety.do_not_treat, *safety.tell_your_doctor), "ask": tuple(safety.questions_to_ask)}
    return [ChecklistSection(key, t(f"visit.{key}.heading", language), t(f"visit.{key}.prompt", language), items,
                             t(f"visit.{key}.notes_heading", language))
            for key, items in items_by_key.items() if items]


def widget_key(section: ChecklistSection) -> str:
    """The on-screen key of a section's chips (session only; never bound to the address)."""
    return f"visit-{section.key}"


def chosen_items(section: ChecklistSection, chosen_ids: Sequence[str]) -> list[SafetyItem]:
    """The section's chosen items, in the section's order (unknown ids are left out)."""
    chosen = set(chosen_ids)
    return [item for item in section.items if item.id in chosen]


@dataclass(frozen=True)
class VisitList:
    """What the patient takes to the visit, in one language: the chosen items under their list headings, the
    worksheet's sentences, the reminder and the sources of it all (each text whole: a screen or a printer wraps
    it to its own width)."""

    title: str
    sections: tuple[tuple[str, tuple[str, ...]], ...]
    worksheet: tuple[str, ...]
    reminder: str
    source_ids: tuple[str, ...]

    @property
    def empty(self) -> bool:
        """True when nothing is chosen and the worksheet is blank."""
        return not self.sections and not self.worksheet


def visit_list(content: Content, chosen: Mapping[str, Sequence[str]], on: dt.date,
               language: str = DEFAULT_LANGUAGE, worksheet: Worksheet | None = None) -> VisitList:
    """The patient's list for the visit in ``language``: the chosen items of each section (``chosen`` maps a
    section's key to its chosen item ids) and the decision worksheet if filled in."""
    sections, cited = [], {}
    for section in checklist(content, language):
        items = chosen_items(section, chosen.get(section.key, ()))
        if items:
            sections.append((section.notes_heading, tuple(_one_line(text_in(item.text, language)) for item in items)))
            cited.update(dict.fromkeys(s for item in items for s in item.sources))
    decision = tuple(worksheet_lines(content, worksheet or Worksheet(), language))
    if decision:
        cited.update(dict.fromkeys(content.decision_aid.worksheet_sources))
    return VisitList(t("visit.notes_title", language, date=format_date(on, language)), tuple(sections), decision,
                     _one_line(text_in(content.site.reminder, language)), tuple(cited))


def _one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces."""
    return " ".join(text.split())


def visit_notes(content: Content, chosen: Mapping[str, Sequence[str]], on: dt.date,
                language: str = DEFAULT_LANGUAGE, worksheet: Worksheet | None = None) -> str:
    """The patient's list (``visit_list``) as plain text in ``language``, one line an item (no hard wraps), with
    the page's reminder and where each point comes from (the sources' titles as published)."""
    notes = visit_list(content, chosen, on, language, worksheet)
    lines = [notes.title, ""]
    for heading, items in notes.sections:
        lines += [f"{heading}:", *(f"[ ] {item}" for item in items), ""]
    if notes.worksheet:
        lines += [t("decisions.worksheet.notes_heading", language) + ":", *(f"- {line}" for line in notes.worksheet),
                  ""]
    if notes.empty:
        lines += [t("visit.nothing_chosen", language), ""]
    lines.append(notes.reminder)
    if notes.source_ids:
        lines += ["", t("visit.sources", language)]
        lines += [f"- {content.sources[s].title} ({content.sources[s].publisher}): {content.sources[s].link}"
                  for s in notes.source_ids]
    return "\n".join(lines) + "\n"
