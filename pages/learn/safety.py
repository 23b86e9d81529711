"""Safety: the boxed warning, red flags, who should not be treated, side effects, questions."""

import streamlit as st

from botox_explorer.presenting import SAFETY_SECTIONS
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.safety_view import safety_section
from botox_explorer.ui.sources_view import reviewed_note

content = content_cache.content()

st.title(lang.tr("page.safety.title"))
for section, _ in SAFETY_SECTIONS:
    safety_section(section, content)
reviewed_note(content.safety.all_items())
