"""Safety: the boxed warning, who should not be treated, side effects, red flags, questions."""

import streamlit as st

from botox_explorer.ui import content_cache, views
from botox_explorer.ui import language as lang

content = content_cache.content()
safety = content.safety

st.title(lang.tr("page.safety.title"))
views.safety_section("boxed_warning", safety.boxed_warning, content, kind="warning")
views.safety_section("red_flags", safety.red_flags, content, kind="error")
views.safety_section("do_not_treat", safety.do_not_treat, content)
views.safety_section("tell_your_doctor", safety.tell_your_doctor, content)
views.safety_section("common_side_effects", safety.common_side_effects, content)
views.safety_section("aftercare", safety.aftercare, content)
views.safety_section("interactions", safety.interactions, content)
views.safety_section("questions_to_ask", safety.questions_to_ask, content)
views.safety_section("who_may_inject", safety.who_may_inject, content)
views.reviewed_note(item for _, items in safety for item in items)
