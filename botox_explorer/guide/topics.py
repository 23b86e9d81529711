"""The page a consultation's QR code opens on the patient's phone: the chosen topics in the guide, in the patient's
language, with their key facts and sources, the visit notes and the take-home summary.

The topics are the address's (``topics.html?topics=a,b``), so the page is made when asked (``ui/hand_off.py``
serves it) from the same template as the rest of the guide: no script, the guide's stylesheet and policy.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..decisions import key_points
from ..filters import known_values, split_values
from ..i18n import t
from ..models import Content
from ..routes import (
    EXPLORE,
    GUIDE_HAND_OFF,
    GUIDE_START,
    GUIDE_SUMMARY,
    TOPIC_FILES,
    Param,
    page_address,
    topics_file,
    use_file,
    with_language,
)
from .build import render_page, shared_assets
from .model import Cited, GuidePage, Items, Link, Section
from .pages import Writer, description
from .site import SiteOptions


@dataclass(frozen=True)
class AskedTopics:
    """The known topics an address asked for, in its order, and the notices about what it asked for and we do not
    have (never the raw values)."""

    use_ids: tuple[str, ...]
    notices: tuple[str, ...]


def asked_topics(values: Iterable[str], content: Content, language: str) -> AskedTopics:
    """The ``topics`` values of an address (``a,b``, or repeated): known uses only, each once; a notice when any
    was dropped, and one when none is left."""
    notices: list[str] = []
    use_ids = known_values(split_values(values), tuple(content.uses), Param.TOPICS, notices, given_order=True,
                           language=language)
    if not use_ids:
        notices = [t("guide.topics.none", language)]
    return AskedTopics(use_ids, tuple(notices))


def topics_page(content: Content, asked: AskedTopics, language: str) -> GuidePage:
    """The topics named, the take-home summary and the visit notes, then each topic's key points with their
    sources and a link to its whole page; without a known topic, the notice and the way to every topic."""
    w = Writer(content, language)
    notice = Section(w.tr("guide.topics.notice"), tuple(Cited(text) for text in asked.notices), tone="warning")
    if asked.use_ids:  # the first screen of a phone: the topics' names, the summary and the notes
        sections = [notice, _take_home(w, asked.use_ids), *(_topic(w, use_id) for use_id in asked.use_ids)]
        names = ", ".join(w.text(content.uses[use_id].name) for use_id in asked.use_ids)
        intro = Cited(w.tr("guide.topics.intro", topics=names))
    else:
        sections = [notice, Section(w.tr("guide.more_pages"), (Items((Cited("", lead=w.tr("nav.home"),
                                                                            href=GUIDE_START),)),))]
        intro = None
    reviewed = min((record.reviewed_on for record in w.records), default=None)
    params = {Param.TOPICS: [",".join(asked.use_ids)]} if asked.use_ids else {}
    return GuidePage(topics_file(asked.use_ids) if asked.use_ids else GUIDE_HAND_OFF, language,
                     w.tr("guide.topics.title"), description(intro.text if intro else w.tr("guide.topics.none")),
                     tuple(section for section in sections if section.blocks), w.cite.sources(content.sources),
                     reviewed, page_address(EXPLORE, with_language(params, language)), intro)


def _topic(w: Writer, use_id: str) -> Section:
    """A topic: its key points, each citing its sources, and its whole page in the guide."""
    use = w.content.uses[use_id]
    w.records.append(use)
    points = tuple(Cited(note.text, w.cite(note.source_ids), lead=note.lead)
                   for note in key_points(use, w.content, w.language))
    more = Cited("", lead=w.tr("guide.topics.read_more", name=w.text(use.name)), href=use_file(use.id))
    return Section(w.text(use.name), (Items(points), Items((more,))), anchor=use.id)


def _take_home(w: Writer, use_ids: tuple[str, ...]) -> Section:
    """The take-home summary of these topics (a PDF with no name in it) and the notes for the visit."""
    return Section(w.tr("guide.topics.take_home"), (
        Link(w.tr("guide.topics.summary"), topics_file(use_ids, GUIDE_SUMMARY)),
        Cited(w.tr("guide.topics.summary_note")),
        Items((Cited(w.tr("guide.topics.visit_notes_text"), lead=w.tr("guide.topics.visit_notes"),
                     href=TOPIC_FILES["before-your-visit"]),)),
    ), anchor="take-home")


def render_topics(content: Content, asked: AskedTopics, language: str, options: SiteOptions) -> str:
    """The page as HTML, with the guide's template, stylesheet and policy."""
    return render_page(topics_page(content, asked, language), content, options, shared_assets())
