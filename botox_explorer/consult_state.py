"""The consultation's state lives in the URL, so staff can bookmark a deck or open it on
the consultation-room screen. Widgets and buttons write the URL; every run reads it.

The patient's first name is never part of this state: it stays in its widget only.
"""

from __future__ import annotations

import streamlit as st

from .consultation import Consultation, ParsedConsultation, consultation_params, parse_consultation
from .content import Content

USES_WIDGET = "consult_uses"
AREAS_WIDGET = "consult_areas"
NAME_WIDGET = "consult_first_name"


def read(content: Content) -> ParsedConsultation:
    params = {name: st.query_params.get_all(name) for name in st.query_params}
    return parse_consultation(params, content)


def write(consultation: Consultation) -> None:
    wanted = consultation_params(consultation)
    current = {name: st.query_params.get_all(name) for name in st.query_params}
    if current != wanted:
        st.query_params.from_dict(wanted)


def seed_widgets(consultation: Consultation) -> None:
    """Give the pickers the URL's values when they are not on screen yet."""
    st.session_state.setdefault(USES_WIDGET, list(consultation.uses))
    st.session_state.setdefault(AREAS_WIDGET, list(consultation.areas))


def picked(consultation: Consultation) -> Consultation:
    """The consultation with the pickers' current values."""
    uses = tuple(st.session_state.get(USES_WIDGET, consultation.uses))
    areas = tuple(st.session_state.get(AREAS_WIDGET, consultation.areas))
    return Consultation(uses, areas, consultation.presenting, consultation.step)


def go_to(consultation: Consultation, *, presenting: bool, step: int = 0) -> None:
    """Button callback: start, move through or end the presentation."""
    write(Consultation(consultation.uses, consultation.areas, presenting, max(step, 0)))
