"""The dashboard's markdown (Streamlit's dialect: ``:color[...]``, ``:material/...:`` icons), built from the content in
the language given: plain functions, testable without a page.

Every value from ``data/`` goes through ``md()``, so content shows as text and never as markup.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable

from ..i18n import format_date, t
from ..models import Content, GlossaryTerm, HistoryEvent, SafetyItem, Source, SourcedText, Use, text_in
from ..presenting import Note, safe_link, span_text, status_label

CATEGORY_ICONS = {"cosmetic": ":material/face_retouching_natural:", "medical": ":material/stethoscope:",
                  "psychological": ":material/psychology:"}
STATUS_COLORS = {"approved": "green", "off-label": "orange", "investigational": "violet", "not-effective": "gray"}
STATUS_ICONS = {
    "approved": ":material/verified:",
    "off-label": ":material/info:",
    "investigational": ":material/science:",
    "not-effective": ":material/block:",
}
MYTH_ICONS = {
    "false": ":material/cancel:",
    "misleading": ":material/error:",
    "partly-true": ":material/contrast:",
    "true": ":material/check_circle:",
}

MARKDOWN_SPECIALS = set("\\`*_{}[]()#+-.!|<>~$:=")
_ESCAPES = str.maketrans({char: "\\" + char for char in MARKDOWN_SPECIALS})


def md(text: str) -> str:
    """``text`` escaped for ``st.markdown``: content shows as written, never as markup,
    links, images, color directives or HTML."""
    return text.translate(_ESCAPES)


def image_markdown(svg: str, alt: str) -> str:
    """Markdown that shows the picture, with ``alt`` as its text alternative (escaped for markdown)."""
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f"![{md(' '.join(alt.split()))}](data:image/svg+xml;base64,{encoded})"


def markdown_table(header: list[str], rows: list[list[object]]) -> str:
    """A markdown table of escaped cells (a cell's line breaks become spaces).

    Drawn by the markdown code every page already loads: an ``st.table`` made a first visit fetch
    and start a dozen more scripts (the Arrow reader, date and number formatters).
    """
    def line(cells) -> str:
        return "| " + " | ".join(md(" ".join(str(cell).split())) for cell in cells) + " |"

    return "\n".join([line(header), "| " + " | ".join("---" for _ in header) + " |", *map(line, rows)])


def markdown_rows(rows: list[dict[str, str]]) -> str:
    """Rows as a list, one line per row: its first value in bold, then ``label: value`` pairs.

    For rows too wide for a phone as a table (a markdown table would make the page scroll sideways).
    """
    lines = []
    for row in rows:
        first, *rest = row.items()
        pairs = " · ".join(f"{md(label)}: {md(value)}" for label, value in rest)
        lines.append(f"- **{md(first[1])}**" + (f" · {pairs}" if pairs else ""))
    return "\n".join(lines)


def source_line(source: Source) -> str:
    """``[Title](link) (Publisher, year)``; the title stays plain text when its link is not a web address."""
    year = f", {source.year}" if source.year else ""
    link = safe_link(source.link)
    title = f"[{md(source.title)}]({link})" if link else md(source.title)
    return f"{title} ({md(source.publisher)}{md(year)})"


def sources_markdown(content: Content, source_ids: Iterable[str]) -> str:
    """A numbered list of sources, with links, as markdown."""
    ids = list(dict.fromkeys(source_ids))
    return "\n".join(f"{n}. {source_line(content.sources[s])}" for n, s in enumerate(ids, start=1))


def cited(text: str, numbers: Iterable[int], language: str) -> str:
    """A markdown text followed, in small type on a line of its own, by the numbers of its sources (if any)."""
    listed = ", ".join(map(str, numbers))
    return text + (f"  \n:small[:gray[{t('notes.cites', language, numbers=listed)}]]" if listed else "")


def status_text(use: Use, content: Content, language: str) -> str:
    """The status as a colored label that wraps on a phone (an ``st.badge`` would be cut short)."""
    kind = use.status.kind
    return f":{STATUS_COLORS[kind]}-background[{STATUS_ICONS[kind]} {md(status_label(use, content, language))}]"


def who_treats(use: Use, language: str) -> str:
    """``**Who treats it:** A neurologist``."""
    return f"**{t('views.who_treats', language)}:** {md(text_in(use.treated_by, language))}"


def use_card_text(use: Use, content: Content, language: str) -> str:
    """A use's card: name, category, status, summary, timing, who treats it, whether it is offered here, and how
    many sources it has and when they were checked."""
    timing = use.timing
    lines = [
        f"### {md(text_in(use.name, language))}",
        f":gray[{md(t(f'views.category_use.{use.category}', language))}]",
        status_text(use, content, language),
        md(text_in(use.summary, language)),
    ]
    known = [f"**{t('views.' + key, language)}:** {md(span_text(span, language))}"
             for key, span in timing.stages if key in ("starts", "strongest", "lasts")]
    if known:
        lines.append(" · ".join(known))
    if use.treated_by:
        lines.append(who_treats(use, language))
    if use.offered_at:
        lines.append(f":material/storefront: **{t('views.offered_here', language)}**")
    card_sources = t("views.card_sources", language, count=len(use.sources),
                     date=format_date(use.reviewed_on, language))
    lines.append(f":small[:gray[{md(card_sources)}]]")
    return "\n\n".join(lines)


def event_text(event: HistoryEvent, language: str) -> str:
    """A history event as markdown: year and title, then the text."""
    return f"**{event.year}: {md(text_in(event.title, language))}**  \n{md(text_in(event.text, language))}"


def titled_text(text: SourcedText, language: str) -> str:
    """Markdown for a short text with its title in bold, if it has one."""
    title = f"**{md(text_in(text.title, language))}**  \n" if text.title else ""
    return title + md(text_in(text.text, language))


def note_item(note: Note) -> str:
    """A note as a list item, its lead (if any) in bold."""
    return f"- **{md(note.lead)}** {md(note.text)}" if note.lead else f"- {md(note.text)}"


def safety_item(item: SafetyItem, language: str) -> str:
    """A safety item as a list item: its text in bold, then its detail (``presenting.item_text``'s order)."""
    detail = text_in(item.detail, language)
    return f"- **{md(text_in(item.text, language))}**" + (f" {md(detail)}" if detail else "")


WORDS_IN_LABEL = 3  # a longer list is cut off on a phone


def words_label(words: list[GlossaryTerm], language: str) -> str:
    """``Meaning of: ptosis, units and 4 more``: the control names the words it explains."""
    names = [text_in(word.term, language) for word in words]
    shown, more = names[:WORDS_IN_LABEL], len(names) - WORDS_IN_LABEL
    listed = ", ".join(shown)
    if more > 0:
        listed = t("notes.and_more", language, count=more, words=listed)
    return t("notes.meaning_of", language, words=listed)


def word_meaning(word: GlossaryTerm, content: Content, language: str) -> str:
    """A glossary word in bold, its plain meaning, and its sources in small type."""
    sources = "; ".join(source_line(content.sources[s]) for s in word.sources)
    return (f"**{md(text_in(word.term, language))}:** {md(text_in(word.meaning, language))}  \n"
            f":small[{t('notes.sources_of_word', language)}: {sources}]")


def notes_label(source_count: int, words: list[GlossaryTerm], language: str) -> str:
    """The label of a section's notes: ``Sources (n) · Meaning of: ...``, either part alone."""
    sources = [t("notes.sources", language, count=source_count)] if source_count else []
    return " · ".join(sources + ([words_label(words, language)] if words else []))


def notes_text(content: Content, source_ids: list[str], words: list[GlossaryTerm], language: str) -> str:
    """What a section's notes open on: the meaning of its words, then its numbered sources."""
    parts = ([f"**{t('notes.words_mean', language)}**\n\n" + "\n\n".join(word_meaning(w, content, language)
                                                                          for w in words)] if words else [])
    parts += [f"**{t('notes.sources_heading', language)}**\n\n{sources_markdown(content, source_ids)}"
              ] if source_ids else []
    return "\n\n".join(parts)


def span_units(low: float, high: float) -> str:
    """A dose in units: ``20`` or ``20-40``."""
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"
