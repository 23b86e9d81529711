"""Safety: the boxed warning, who should not be treated, side effects, red flags, questions."""

import streamlit as st

from botox_explorer.ui import frame, views

content = frame.content()
safety = content.safety

st.title("Safety")
views.safety_section("Boxed warning", safety.boxed_warning, content, kind="warning")
views.safety_section("Get urgent medical care if you notice", safety.red_flags, content, kind="error")
views.safety_section("Who should not be treated", safety.do_not_treat, content)
views.safety_section("Tell your doctor first if", safety.tell_your_doctor, content)
views.safety_section("Common side effects", safety.common_side_effects, content)
views.safety_section("Taking care of yourself afterwards", safety.aftercare, content)
views.safety_section("Medicines that can interact", safety.interactions, content)
views.safety_section("Questions to ask before treatment", safety.questions_to_ask, content)
views.safety_section("Who may inject in California", safety.who_may_inject, content)
views.reviewed_note(item for _, items in safety for item in items)
