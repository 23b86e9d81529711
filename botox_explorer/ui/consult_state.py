"""The consultation's state lives in the URL, so staff can bookmark a deck or open it on
the consultation-room screen. Widgets and buttons write the URL; every run reads it.

The patient's first name is never part of this state: it stays in its widget only.
"""

from __future__ import annotations

import streamlit as st

from ..consultation import Consultation, ParsedConsultation, consultation_params, parse_consultation
from ..models import CATEGORIES, Content
from ..routes import PRESENTING, Param
from . import language as lang
from .url_state import address_params, keep_address

USES_WIDGETS = {category: f"consult_uses_{category}" for category in CATEGORIES}
AREAS_WIDGET = "consult_areas"
NAME_WIDGET = "consult_first_name"
LEFT_PRESENTER = "consult_left_presenter"  # the notices of a presentation that was left, for the next run


def read(content: Content) -> ParsedConsultation:
    """The consultation the address describes, with its notices.

    An address that asks to present what cannot be presented (nothing chosen) is rewritten without it, and the app
    runs again: the frame hid the navigation for a presentation that does not happen. The notices wait for that run.
    """
    parsed = parse_consultation(address_params(), content, language=lang.language())
    if st.query_params.get(Param.PRESENT) == PRESENTING and not parsed.consultation.presenting:
        st.session_state[LEFT_PRESENTER] = parsed.notices
        write(parsed.consultation)
        st.rerun()
    left = st.session_state.pop(LEFT_PRESENTER, ())
    return ParsedConsultation(parsed.consultation, (*left, *parsed.notices))


def write(consultation: Consultation) -> None:
    """Keep the address equal to the consultation (in its language)."""
    keep_address(consultation_params(consultation))


def seed_widgets(consultation: Consultation, content: Content) -> None:
    """Give the pickers (one per category) the URL's values when they are not on screen yet."""
    for category, key in USES_WIDGETS.items():
        st.session_state.setdefault(key, [u for u in consultation.uses if content.uses[u].category == category])
    st.session_state.setdefault(AREAS_WIDGET, list(consultation.areas))


def picked(consultation: Consultation, content: Content) -> Consultation:
    """The consultation with the pickers' current values: the concerns kept in the order staff chose them."""
    chosen = {use for key in USES_WIDGETS.values() for use in st.session_state.get(key) or ()}
    kept = [use for use in consultation.uses if use in chosen]
    added = [use for use in content.uses if use in chosen and use not in kept]
    areas = tuple(st.session_state.get(AREAS_WIDGET, consultation.areas) or ())
    return Consultation(tuple(kept + added), areas, consultation.presenting, consultation.step)


def go_to(consultation: Consultation, *, presenting: bool, step: int = 0) -> None:
    """Button callback: start, move through or end the presentation."""
    write(Consultation(consultation.uses, consultation.areas, presenting, max(step, 0)))
