"""How it works: the mechanism in plain steps, relax or paralyze, and myths and facts."""

import streamlit as st

from botox_explorer import frame, views
from botox_explorer.models import text_in
from botox_explorer.presenting import MYTH_VERDICTS, md

content = frame.content()
site = content.site

st.title("How it works")
views.chart_block(frame.chart("mechanism_diagram"), content)
for number, step in enumerate(site.mechanism, start=1):
    with st.container(border=True):
        st.markdown(f"**{number}. {md(text_in(step.title))}**")
        st.markdown(md(text_in(step.text)))
        views.sources_control(content, step.sources)

st.header("Does it relax or paralyze the muscle?")
st.markdown(md(text_in(site.relax_or_paralyze.text)))
views.sources_control(content, site.relax_or_paralyze.sources)

st.header("Common beliefs, and what the sources say")
for myth in content.myths:
    verdict, icon = MYTH_VERDICTS[myth.verdict]
    with st.expander(md(text_in(myth.belief)), icon=icon):
        st.markdown(f"**{verdict}.** {md(text_in(myth.fact))}")
        if myth.from_clinic_article:
            st.caption("This belief appeared in the clinic's earlier article; here it is checked against the sources.")
        views.sources_control(content, myth.sources)
views.reviewed_note([*site.mechanism, site.relax_or_paralyze, *content.myths])
