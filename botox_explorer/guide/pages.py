"""The guide's pages, built from the content: the same texts, sources and charts as the dashboard's pages, laid
out as sections for a page without script. Every text comes from ``data/`` or the interface's catalogue."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from .. import charts
from ..charts import Chart
from ..citations import Citations
from ..decisions import alternatives_for, box_summary, key_points
from ..i18n import t
from ..icon_array import fact_box_chart
from ..illustrations import MECHANISM_DRAWINGS, read_drawing
from ..models import CATEGORIES, Content, SafetyItem, SourcedText, Use, text_in
from ..presenting import (
    CONTACT_AFTER,
    HELP_NOW_ANCHOR,
    SAFETY_TONES,
    approval_entries,
    approval_source_ids,
    category_summary,
    contact_text,
    item_text,
    key_figures,
    location_details,
    myth_verdict,
    product_note,
    products_table,
    safe_link,
    section_anchor,
    shown_safety_sections,
    span_text,
    statistics_notes,
    status_label,
)
from ..routes import GUIDE_START, GUIDE_TOPICS, TOPIC_FILES, dashboard_view, location_anchor, use_file
from ..visit import checklist
from .model import Block, Cited, Figure, GuidePage, Items, Link, Section, Table

DESCRIPTION_LENGTH = 155  # what a search result shows of a description


def description(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """A meta description: the text, cut at a word before ``limit`` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


class Writer:
    """Builds one page in one language: its texts, and its sources numbered as they are first cited."""

    def __init__(self, content: Content, language: str) -> None:
        self.content = content
        self.language = language
        self.cite = Citations()
        self.records: list = []

    def text(self, local) -> str:
        return text_in(local, self.language)

    def tr(self, key: str, /, count: float | None = None, **values: object) -> str:
        return t(key, self.language, count=count, **values)

    def sourced(self, record: SourcedText) -> Cited:
        self.records.append(record)
        return Cited(self.text(record.text), self.cite(record.sources), lead=self.text(record.title))

    def safety_item(self, item: SafetyItem) -> Cited:
        self.records.append(item)
        return Cited(item_text(item, self.language), self.cite(item.sources))

    def chart(self, stem: str, chart: Chart) -> Figure:
        caption = Cited(chart.caption, self.cite(chart.source_ids))
        header = tuple(map(str, chart.table.columns))
        rows = tuple(tuple(str(cell) for cell in row) for row in chart.table.to_numpy().tolist())
        return Figure(stem, chart.svg or "", chart.alt_text, caption, Table(chart.title, header, rows))

    def page(self, path: str, title: str, summary: str, sections: Iterable[Section], use_id: str | None = None,
             lead: Cited | None = None) -> GuidePage:
        """The page at ``path``, its empty sections left out; a use's page names its use (``use_id``), which the
        dashboard's view of the page opens."""
        sections = tuple(section for section in sections if section.blocks)
        reviewed = min((record.reviewed_on for record in self.records), default=None)
        return GuidePage(path, self.language, title, description(summary), sections,
                         self.cite.sources(self.content.sources), reviewed,
                         dashboard_view(path, self.language, use_id), lead)


def start_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    site = content.site
    what_it_is = Section(w.tr("page.home.what_it_is"), tuple(w.sourced(paragraph) for paragraph in site.intro))
    kinds = [Section(w.tr(f"page.home.category_uses.{category}"),
                     (Cited(category_summary(content, category, language), w.cite(_approval_sources(w, category))),
                      _use_links(w, category)))
             for category in CATEGORIES]
    figures = Items(tuple(Cited(figure.text, w.cite(figure.source_ids), lead=figure.lead)
                          for figure in key_figures(content, language)))
    w.records += [*content.uses.values(), *content.statistics.series]
    topics = Items(tuple(Cited("", lead=w.tr(topic.title_key), href=topic.file) for topic in GUIDE_TOPICS))
    return w.page(GUIDE_START, w.text(site.title), w.text(site.tagline),
                  [what_it_is, *kinds, Section(w.tr("page.home.key_figures"), (figures,)),
                   Section(w.tr("guide.more_pages"), (topics,))], lead=Cited(w.text(site.tagline)))


def _approval_sources(w: Writer, category: str) -> list[str]:
    """The sources of the approvals of a category's uses: what its count of FDA-approved uses rests on."""
    return [s for use in w.content.uses.values() if use.category == category
            for s in approval_source_ids(use, w.content)]


def _use_links(w: Writer, category: str) -> Items:
    """The uses of a category, each a link to its page (which gives its status, explanation and sources)."""
    uses = [use for use in w.content.uses.values() if use.category == category]
    return Items(tuple(Cited("", lead=w.text(use.name), href=use_file(use.id)) for use in uses))


def _status_sources(use: Use, content: Content) -> tuple[str, ...]:
    return approval_source_ids(use, content) or tuple(use.sources)


def use_page(content: Content, use: Use, language: str) -> GuidePage:
    """A use: key points, its status, each part citing its own sources, the fact boxes, the options and the
    decision worksheet to print."""
    w = Writer(content, language)
    w.records.append(use)

    def part(key: str, text: str, lead: str = "") -> Cited:
        return Cited(text, w.cite(use.cites.get(key, use.sources)), lead=lead)

    status_sources = approval_source_ids(use, content) or use.cites.get("status", use.sources)
    status = [Cited(status_label(use, content, language), w.cite(status_sources))]
    status += [Cited(line, w.cite(ids)) for line, ids in approval_entries(use, content, language)]
    if use.status.note:
        status.append(part("status", w.text(use.status.note)))
    points = Items(tuple(Cited(note.text, w.cite(note.source_ids), lead=note.lead)
                         for note in key_points(use, content, language)))
    kind = Cited(w.tr(f"views.category_use.{use.category}"))
    sections = [
        Section(w.tr("decisions.key_points"), (Cited(w.tr("decisions.page_aim")), points)),
        Section(w.tr("guide.status_heading"), (Items((kind, *status)),)),
        Section(w.tr("views.what_it_treats"), (part("explanation", w.text(use.explanation)),)),
        Section(w.tr("views.what_to_expect"), (part("what_to_expect", w.text(use.what_to_expect)),
                                               *_timing_blocks(w, use, part))),
        Section(w.tr("views.side_effects"), (Items(tuple(part("side_effects", w.text(e)) for e in use.side_effects)),)),
        Section(w.tr("views.evidence"), (part("evidence", w.text(use.evidence)),)),
        *_fact_box_sections(w, use),
        _options(w, use),
        _worksheet(w, use),
        Section(w.tr("views.who_treats"), (part("treated_by", w.text(use.treated_by)),) if use.treated_by else ()),
        _offered_at(w, use),
    ]
    return w.page(use_file(use.id), w.text(use.name), w.text(use.summary), sections, use.id,
                  lead=part("summary", w.text(use.summary)))


def _timing_blocks(w: Writer, use: Use, part: Callable[..., Cited]) -> list[Block]:
    """The timing the sources give (only that), its note, and the effect chart when there is a timing to draw."""
    stages = use.timing.stages
    when = [part("timing", span_text(span, w.language), w.tr(f"views.{key}")) for key, span in stages]
    blocks: list[Block] = [Items(tuple(when))] if when else [Cited(w.tr("views.no_timing"))]
    if use.timing.note:
        blocks.append(part("timing", w.text(use.timing.note)))
    timeline = charts.effect_timeline([use], w.content, language=w.language)
    if not timeline.table.empty:
        blocks.append(w.chart(f"effect-{use.id}", timeline))
    return blocks


def _fact_box_sections(w: Writer, use: Use) -> list[Section]:
    """A section a fact box: what the trials were, the icon arrays and the table; the evidence in words (and no
    number) for a use without one."""
    boxes = w.content.fact_boxes_for(use.id)
    if not boxes:
        evidence = Cited(f"{w.tr('decisions.no_numbers')} {w.text(use.evidence)}",
                         w.cite(use.cites.get("evidence", use.sources)))
        return [Section(w.tr("decisions.no_numbers_title"), (evidence,))]
    sections = []
    for box in boxes:
        w.records.append(box)
        chart = fact_box_chart(box, w.content, w.language)
        cites = w.cite(chart.source_ids)
        summary = Cited(" ".join(box_summary(box, w.content, w.language)), cites)
        header = tuple(map(str, chart.table.columns))
        rows = tuple(tuple(str(cell) for cell in row) for row in chart.table.to_numpy().tolist())
        pictures = [Figure(f"facts-{box.id}-{number}", svg, alt) for number, (svg, alt) in enumerate(chart.panels)]
        blocks = (summary, Table(chart.title, header, rows), *pictures, Cited(chart.caption, cites))
        sections.append(Section(chart.title, blocks, anchor=f"facts-{box.id}"))
    return sections


def _options(w: Writer, use: Use) -> Section:
    """Benefits, Risks, Alternatives, Nothing?: the other options, none endorsed, and doing nothing."""
    choices = w.content.choices.get(use.id)
    if choices is None:
        return Section(w.tr("decisions.options_title"), ())
    w.records.append(choices)
    others = [Cited(f"{w.text(a.what)} {w.tr('decisions.alternative_status')}: {w.text(a.status)}",
                    w.cite(a.sources), lead=w.text(a.name)) for a in alternatives_for(use, w.content)]
    w.records += alternatives_for(use, w.content)
    cites = w.cite(choices.sources)
    blocks: list[Block] = [Cited(w.tr("decisions.options_intro"))]
    blocks += [Items(tuple(others)), Cited(w.tr("decisions.not_endorsed"))] if others else [
        Cited(w.tr("decisions.alternatives_none"))]
    blocks.append(Items((Cited(w.text(choices.without_treatment), cites, lead=w.tr("decisions.without_treatment")),
                         Cited(w.text(choices.after_stopping), cites, lead=w.tr("decisions.after_stopping")))))
    return Section(w.tr("decisions.options_title"), tuple(blocks), anchor="options")


def _worksheet(w: Writer, use: Use | None = None) -> Section:
    """The decision worksheet to print and tick by hand (with a use's reasons for and against, on its page): the
    guide keeps nothing a reader chooses."""
    aid, choices = w.content.decision_aid, w.content.choices.get(use.id) if use else None
    blocks: list[Block] = [Cited(w.text(aid.intro.text), w.cite(aid.intro.sources)),
                           Items(tuple(Cited("☐ " + w.text(item.text)) for item in aid.matters))]
    for key, reasons in (("reasons_for", choices.reasons_for if choices else []),
                         ("reasons_against", choices.reasons_against if choices else [])):
        if reasons:
            blocks += [Cited("", lead=w.tr(f"decisions.{key}")), Items(tuple(Cited(w.text(r)) for r in reasons))]
    blocks += [Cited("", lead=w.text(aid.sure_note.title)),
               Items(tuple(Cited(f"☐ {w.tr('decisions.worksheet.answer_yes')}  ☐ "
                                 f"{w.tr('decisions.worksheet.answer_no')}", lead=w.text(item.text))
                           for item in aid.sure)),
               Cited(w.text(aid.sure_note.text), w.cite(aid.sure_note.sources)),
               Cited(w.text(aid.decide_later.text), w.cite(aid.decide_later.sources))]
    return Section(w.tr("decisions.worksheet.title"), tuple(blocks), anchor="decide")


def _offered_at(w: Writer, use: Use) -> Section:
    sites = [location for location in w.content.clinic.locations if location.id in use.offered_at]
    links = tuple(Cited("", lead=w.text(location.name), href=location_anchor(location.id)) for location in sites)
    return Section(w.tr("views.offered_here"), (Items(links),) if links else ())


def how_it_works_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    site = content.site
    pictures = [_drawing(w, drawing_id) for drawing_id in MECHANISM_DRAWINGS]
    steps = Items(tuple(w.sourced(step) for step in site.mechanism))
    beliefs = []
    for myth in content.myths:
        w.records.append(myth)
        verdict = myth_verdict(myth.verdict, language)
        note = f" {w.tr('page.how_it_works.from_article')}" if myth.from_clinic_article else ""
        beliefs.append(Cited(f"{verdict}. {w.text(myth.fact)}{note}", w.cite(myth.sources), lead=w.text(myth.belief)))
    sections = [Section(w.tr("guide.in_pictures"), tuple(pictures)),
                Section(w.tr("page.how_it_works.steps"), (steps,)),
                Section(w.tr("page.how_it_works.relax_or_paralyze"), (w.sourced(site.relax_or_paralyze),)),
                Section(w.tr("page.how_it_works.beliefs"), (Items(tuple(beliefs)),))]
    intro = w.tr("page.how_it_works.intro")
    return w.page(TOPIC_FILES["how-it-works"], w.tr("nav.how_it_works"), f"{intro} {w.text(site.mechanism[0].text)}",
                  sections, lead=Cited(intro))


def _drawing(w: Writer, drawing_id: str) -> Figure:
    drawing = w.content.illustrations[drawing_id]
    w.records.append(drawing)
    caption = Cited(w.text(drawing.caption), w.cite(drawing.sources)) if drawing.caption else None
    return Figure(drawing_id, read_drawing(drawing.file), w.text(drawing.alt), caption)


def history_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    w.records += content.history
    events = Items(tuple(Cited(f"{w.text(event.title)}. {w.text(event.text)}", w.cite(event.sources),
                               lead=str(event.year)) for event in content.history))
    timeline = w.chart("history", charts.history_timeline(content.history, language=language))
    first, last = content.history[0], content.history[-1]
    return w.page(TOPIC_FILES["history"], w.tr("nav.history"),
                  w.tr("guide.history_description", first=first.year, last=last.year),
                  [Section(w.tr("guide.timeline"), (timeline, events)), _statistics(w)])


def products_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    w.records += content.products.values()
    notes = Items(tuple(Cited(product_note(product, language), w.cite(product.sources),
                              lead=product.brand) for product in content.products.values()))
    approvals = w.chart("approvals", charts.approvals_chart(content, language=language))
    return w.page(TOPIC_FILES["products"], w.tr("page.history.products"), w.tr("guide.products_description"),
                  [Section(w.tr("guide.approvals"), (approvals,)),
                   Section(w.tr("guide.comparison"), _product_rows(w)),
                   Section(w.tr("page.history.product_notes"), (notes,))])


def _product_rows(w: Writer) -> tuple[Table, Cited]:
    """The products side by side, then the sources of what the table says: the products' and their approvals'."""
    rows = products_table(w.content, w.language)
    header = tuple(dict.fromkeys(column for row in rows for column in row))
    table = Table(w.tr("page.history.products"), header, tuple(tuple(row.get(c, "") for c in header) for row in rows))
    cites = w.cite(s for product in w.content.products.values()
                   for s in (*product.sources, *(s for a in product.approvals for s in a.sources)))
    return table, Cited("", cites, lead=w.tr("notes.sources_heading"))


def _statistics(w: Writer) -> Section:
    statistics = w.content.statistics
    w.records += [*statistics.series, *statistics.notes]
    notes = [Cited(note.text, w.cite(note.source_ids), lead=note.lead)
             for note in statistics_notes(statistics, w.language)]
    return Section(w.tr("page.history.how_many"), (
        w.chart("statistics", charts.statistics_chart(w.content, language=w.language)),
        Cited("", lead=w.tr("page.history.about_numbers")), Items(tuple(notes))))


def safety_page(content: Content, language: str) -> GuidePage:
    """What to do if something goes wrong first, then links to each section, then the sections."""
    w = Writer(content, language)
    shown = shown_safety_sections(content.safety)
    sections = [Section(w.tr(f"safety.{field}"), (Items(tuple(map(w.safety_item, getattr(content.safety, field)))),
                                                   *([Cited(contact_text(content, language))]
                                                     if field in CONTACT_AFTER else [])),
                        tone=SAFETY_TONES[field], anchor=section_anchor(field))
                for field in shown]
    return w.page(TOPIC_FILES["safety"], w.tr("nav.safety"), w.tr("guide.safety_description"),
                  [_help_now(w), _jump_links(w, shown), *sections])


def _help_now(w: Writer) -> Section:
    """The "Get help now" box: the red flags in one short line (their label) each, then whom to call; empty without
    red flags."""
    items = w.content.safety.red_flags
    blocks = (Cited(w.tr("safety.red_flags") + ":"),
              Items(tuple(Cited(w.text(item.label), w.cite(item.sources)) for item in items)),
              Cited(contact_text(w.content, w.language))) if items else ()
    return Section(w.tr("safety.help_now"), blocks, tone="danger", anchor=HELP_NOW_ANCHOR)


def _jump_links(w: Writer, sections: Sequence[str]) -> Section:
    """A link to each section of the safety page, by its anchor."""
    return Section(w.tr("safety.on_this_page"), (Items(tuple(
        Cited("", lead=w.tr(f"safety.{field}"), href=f"{TOPIC_FILES['safety']}#{section_anchor(field)}")
        for field in sections)),))


def before_your_visit_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    sections = [Section(section.heading, (Cited(section.prompt), Items(tuple(
        replace(w.safety_item(item), lead=w.text(item.label)) for item in section.items))))
        for section in checklist(content, language)]
    make_notes = Section(w.tr("page.before_your_visit.my_questions"),
                         (Cited(w.tr("guide.notes_in_dashboard")),))
    return w.page(TOPIC_FILES["before-your-visit"], w.tr("nav.before_your_visit"), w.tr("guide.visit_description"),
                  [*sections, _worksheet(w), make_notes], lead=Cited(w.tr("guide.visit_intro")))


def glossary_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    w.records += content.glossary.values()
    entries = []
    for term in content.glossary.values():
        also = term.also.get(language, [])
        also_text = f" {w.tr('page.glossary.also')}: {', '.join(also)}." if also else ""
        entries.append(Cited(w.text(term.meaning) + also_text, w.cite(term.sources), lead=w.text(term.term),
                             anchor=term.id))
    return w.page(TOPIC_FILES["glossary"], w.tr("nav.glossary"), w.tr("guide.glossary_description", count=len(entries)),
                  [Section(w.tr("guide.words"), (Items(tuple(entries)),))],
                  lead=Cited(w.tr("guide.glossary_intro")))


def locations_page(content: Content, language: str) -> GuidePage:
    w = Writer(content, language)
    clinic = content.clinic
    w.records.append(clinic)
    sections = [_location(w, location) for location in clinic.locations]
    towns = ", ".join(location.town for location in clinic.locations)
    title = w.text(clinic.name) or w.tr("page.locations.title")
    return w.page(TOPIC_FILES["locations"], title, w.tr("guide.locations_description", towns=towns), sections)


def _location(w: Writer, location) -> Section:
    details = Items(tuple(Cited(value, lead=label) for label, value in location_details(location, w.language)))
    blocks: list[Block] = [details]
    if location.booking_url and (booking := safe_link(str(location.booking_url))):
        blocks.append(Link(w.tr("views.book"), booking))
    offered = [use for use in w.content.uses.values() if location.id in use.offered_at]
    if offered:
        blocks += [Cited("", lead=w.tr("views.offered_at_site")), Items(tuple(
            Cited(status_label(use, w.content, w.language), w.cite(_status_sources(use, w.content)),
                  lead=w.text(use.name), href=use_file(use.id)) for use in offered))]
    return Section(w.text(location.name), tuple(blocks), anchor=location.id)


PageBuilder = Callable[[Content, str], GuidePage]
# The builder of each topic page the routes declare by name (routes.GUIDE_TOPICS: its file, title, dashboard page).
TOPIC_BUILDERS: dict[str, PageBuilder] = {
    "how-it-works": how_it_works_page,
    "history": history_page,
    "products": products_page,
    "safety": safety_page,
    "before-your-visit": before_your_visit_page,
    "glossary": glossary_page,
    "locations": locations_page,
}


def guide_pages(content: Content, languages: Sequence[str]) -> list[GuidePage]:
    """Every page of the guide in every language: the start page, one page a use, and the topic pages."""
    pages = []
    for language in languages:
        pages.append(start_page(content, language))
        pages += [use_page(content, use, language) for use in content.uses.values()]
        pages += [TOPIC_BUILDERS[topic.name](content, language) for topic in GUIDE_TOPICS]
    return pages
