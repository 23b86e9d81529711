"""The page chrome every page shares: the sidebar's note, the reminder with its guide link, the presenter's style."""

from __future__ import annotations

import streamlit as st

from .. import routes
from ..models import Content
from ..presenting import privacy_text
from ..routes import EXPLORE, HOME, PRESENTING, Param
from .language import language, text, tr
from .markdown import md


def reminder(site_content: Content, dashboard_page: str) -> None:
    """The consult-a-professional reminder every page carries and, in the same box, a link to the same topic in the
    guide (the plain pages at /guide/), except on the presenter's screen.

    One element, not two: each element costs a first visit time (docs/performance.md, "Issue 13").
    """
    body = md(text(site_content.site.reminder))
    if st.query_params.get(Param.PRESENT) != PRESENTING:
        body += f"\n\n:material/article: [{tr('frame.simple_page')}]({guide_link(site_content, dashboard_page)})"
    st.info(body, icon=":material/medical_services:")


def guide_link(site_content: Content, dashboard_page: str) -> str:
    """The same topic in the guide, relative to a dashboard page, in this run's language: on the explorer, the open
    use's own page."""
    use_id = st.query_params.get(Param.USE) if dashboard_page == EXPLORE else None
    return routes.guide_link(dashboard_page or HOME, language(), use_id if use_id in site_content.uses else None)


def sidebar_note(site_content: Content) -> None:
    """What the dashboard is, and what it keeps about a visitor, under the navigation."""
    st.sidebar.caption(text(site_content.site.tagline))
    with st.sidebar.expander(tr("frame.privacy"), icon=":material/lock:"):
        st.caption(md(privacy_text(site_content, language())))


PRESENTER_CSS = """
<style>
  [data-testid="stMainBlockContainer"] { max-width: 1100px; }
  [data-testid="stMainBlockContainer"] p, [data-testid="stMainBlockContainer"] li { font-size: 1.5rem; }
  [data-testid="stHeader"], [data-testid="stSidebar"] { display: none; }
</style>
"""


def presenter_style() -> None:
    """Large type and no chrome for the consultation-room screen (static CSS, no content in it)."""
    st.html(PRESENTER_CSS)
