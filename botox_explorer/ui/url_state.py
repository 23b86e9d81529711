"""A page's state in the address: what the address says now, and writing it back only when it changed."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from ..routes import with_language
from .language import language


def address_params() -> dict[str, list[str]]:
    """Every parameter of the address, each with all its values."""
    return {name: st.query_params.get_all(name) for name in st.query_params}


def keep_address(params: dict[str, list[str]]) -> None:
    """Make the address ``params`` in this run's language; an address that already is stays untouched."""
    wanted = with_language(params, language())
    if address_params() != wanted:
        st.query_params.from_dict(wanted)


def is_history_navigation() -> bool:
    """Whether this run was started by the browser's Back or Forward (Streamlit then reruns with that address)."""
    context = get_script_run_ctx()
    return bool(context and context.is_history_navigation)
