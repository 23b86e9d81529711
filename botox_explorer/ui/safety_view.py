"""A section of the safety information on a page, set off in an alert box when its tone asks for it."""

from __future__ import annotations

import streamlit as st

from ..models import Content
from ..presenting import CONTACT_AFTER, SAFETY_TONES, contact_text
from . import language as lang
from .markdown import md, safety_item
from .sources_view import sources_control

# How a tone that is set off from the text is shown: the alert box and its icon.
ALERTS = {"warning": (st.warning, ":material/warning:"), "danger": (st.error, ":material/emergency:")}


def safety_section(section: str, content: Content) -> None:
    """The section ``section`` of safety.yaml: its heading, its items and their sources; nothing when it is empty.

    Its heading and items are one element, or two in an alert box: a page shows eight sections.
    """
    items = getattr(content.safety, section)
    if not items:
        return
    heading = lang.tr(f"safety.{section}")
    body = "\n".join(safety_item(item, lang.language()) for item in items)
    if section in CONTACT_AFTER:  # "tell the clinic": with the phone the clinic set, or whom to call instead
        body += f"\n\n**{md(contact_text(content, lang.language()))}**"
    if SAFETY_TONES[section] in ALERTS:
        alert, icon = ALERTS[SAFETY_TONES[section]]
        st.header(heading)
        alert(body, icon=icon)
    else:
        st.markdown(f"## {md(heading)}\n\n{body}")
    sources_control(content, (s for item in items for s in item.sources),
                    [lang.text(text) for item in items for text in (item.text, item.detail)])
