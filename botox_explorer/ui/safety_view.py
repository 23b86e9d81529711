"""The safety information on a page: the "Get help now" box, jump links, and each section, set off in an alert box
when its tone asks for it."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from ..models import Content
from ..presenting import (
    CONTACT_AFTER,
    HELP_NOW_ANCHOR,
    SAFETY_TONES,
    contact_text,
    items_for_uses,
    section_anchor,
    shown_safety_sections,
)
from . import language as lang
from .markdown import md, safety_item
from .sources_view import sources_control

# How a tone that is set off from the text is shown: the alert box and its icon.
ALERTS = {"warning": (st.warning, ":material/warning:"), "danger": (st.error, ":material/emergency:")}


def help_now_box(content: Content) -> None:
    """What to do if something goes wrong, first: the red flags in one line each (911 among them, as safety.yaml
    says), then whom to call otherwise, and their sources; nothing without red flags."""
    items = content.safety.red_flags
    if not items:
        return
    st.header(lang.tr("safety.help_now"), anchor=HELP_NOW_ANCHOR)
    flags = "\n".join(f"- **{md(lang.text(item.label))}**" for item in items)
    contact = md(contact_text(content, lang.language()))
    st.error(f"{md(lang.tr('safety.red_flags'))}:\n\n{flags}\n\n{contact}", icon=":material/emergency:")
    sources_control(content, (s for item in items for s in item.sources), [lang.text(item.label) for item in items])


def jump_links(content: Content) -> None:
    """Links to each section the page shows, by its heading's anchor."""
    links = "\n".join(f"- [{md(lang.tr(f'safety.{section}'))}](#{section_anchor(section)})"
                      for section in shown_safety_sections(content.safety))
    st.markdown(f"**{md(lang.tr('safety.on_this_page'))}**\n\n{links}")


def safety_section(section: str, content: Content, heading: bool = True,
                   use_ids: Sequence[str] | None = None) -> None:
    """The section ``section`` of safety.yaml: its heading (with the anchor jump links point to; left out where the
    page's title already names it), its items and their sources; nothing when it is empty. With ``use_ids`` (a
    consultation's), only the items that apply to them (``items_for_uses``), as in the take-home summary."""
    items = getattr(content.safety, section)
    if use_ids is not None:
        items = items_for_uses(items, use_ids)
    if not items:
        return
    if heading:
        st.header(lang.tr(f"safety.{section}"), anchor=section_anchor(section))
    body = "\n".join(safety_item(item, lang.language()) for item in items)
    if section in CONTACT_AFTER:  # "tell the clinic": with the phone the clinic set, or whom to call instead
        body += f"\n\n**{md(contact_text(content, lang.language()))}**"
    if SAFETY_TONES[section] in ALERTS:
        alert, icon = ALERTS[SAFETY_TONES[section]]
        alert(body, icon=icon)
    else:
        st.markdown(body)
    sources_control(content, (s for item in items for s in item.sources),
                    [lang.text(text) for item in items for text in (item.text, item.detail)])
