"""Safety: what to do if something goes wrong first, jump links, then the boxed warning, red flags, who should not be
treated, side effects, questions."""

import streamlit as st

from botox_explorer.presenting import shown_safety_sections
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.safety_view import help_now_box, jump_links, safety_section
from botox_explorer.ui.sources_view import reviewed_note

content = content_cache.content()

st.title(lang.tr("page.safety.title"))
help_now_box(content)
jump_links(content)
for section in shown_safety_sections(content.safety):
    safety_section(section, content)
reviewed_note(content.safety.all_items())
