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


# The consultation-room screen, read from 3 m: the whole width, type that grows with the screen (the root size is
# 1.6% of the width, so every size Streamlit gives in rem grows with it: 31 px at 1920 px, where its smallest text,
# 0.75 rem, is 23 px), nothing set in a smaller fixed size, no sideways scroll, the buttons' bar kept in sight
# while a step scrolls (on the theme's background, light or dark), the reminder compact, no chrome.
PRESENTER_CSS = """
<style>
  html { font-size: clamp(16px, 1.6vw, 40px); }
  [data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  .st-key-presenter_paging { display: none; }
  [data-testid="stMainBlockContainer"] { max-width: none; padding: 0 3vw 3rem; }
  [data-testid="stMainBlockContainer"] :is(p, li, td, th) { overflow-wrap: break-word; }
  [data-testid="stMainBlockContainer"] :is(p, li, td, th, label, summary, caption, small, code, kbd,
    [data-testid="stCaptionContainer"], [data-testid="stMarkdownContainer"]) { font-size: max(1em, 0.8rem); }
  [data-testid="stMainBlockContainer"] :is(p, li) { font-size: 1.1rem; }
  [data-testid="stMainBlockContainer"] h1 { font-size: 2.2rem; }
  [data-testid="stMainBlockContainer"] h1[tabindex="-1"]:focus { outline: none; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.6rem; }
  [data-testid="stMainBlockContainer"] img { width: 100%; max-height: 85vh; object-fit: contain; }
  [data-testid="stLayoutWrapper"]:has(> .st-key-presenter_bar) {
    position: sticky; top: 0; z-index: 100; padding: 0.4rem 0; background: #FFFFFF; }
  @media (prefers-color-scheme: dark) {
    [data-testid="stLayoutWrapper"]:has(> .st-key-presenter_bar) { background: #0E1719; } }
  .st-key-presenter_bar button { min-height: 0; padding: 0.2rem 0.8rem; }
  .st-key-presenter_bar > * { flex-shrink: 0; }
  [data-testid="stMainBlockContainer"] :is([data-testid="stPopover"], [data-testid="stPopoverButton"]) {
    width: auto !important; max-width: 100%; }
  [data-testid="stPopoverButton"] [data-testid="stMarkdownContainer"] { overflow: visible; }
  [data-testid="stAlert"]:has([data-testid="stAlertContentInfo"]) > div { padding: 0.4rem 0.8rem; }
</style>
"""


def presenter_style() -> None:
    """Large type and no chrome for the consultation-room screen (static CSS, no content in it)."""
    st.html(PRESENTER_CSS)
