"""What a search found, right under the search box: the count, or plain words and the nearest uses."""

from __future__ import annotations

import streamlit as st

from ..models import Content
from ..search import SearchIndex, shown_query
from . import explorer
from . import language as lang
from .markdown import md

SUGGESTIONS = 3


def search_status(query: str, found: int, index: SearchIndex, content: Content) -> None:
    """How many uses the search ``query`` leaves; when none, says so and offers the nearest uses to open."""
    shown = shown_query(query)
    if found:
        st.caption(md(lang.tr("page.explore.found", count=found, query=shown)))
        return
    st.warning(md(lang.tr("page.explore.found_none", query=shown)), icon=":material/search_off:")
    nearest = (index.rank(query) or index.nearest(query))[:SUGGESTIONS]
    if nearest:
        st.caption(lang.tr("page.explore.nearest"))
    for use_id in nearest:
        st.button(md(lang.text(content.uses[use_id].name)), key=f"nearest_{use_id}", on_click=explorer.open_use,
                  args=(use_id,), icon=":material/arrow_forward:")
