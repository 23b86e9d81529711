"""How it works: the mechanism in three pictures and in plain steps, relax or paralyze, myths and facts."""

import streamlit as st

from botox_explorer.illustrations import MECHANISM_DRAWINGS
from botox_explorer.models import text_in
from botox_explorer.presenting import MYTH_VERDICTS, md
from botox_explorer.ui import frame, views

content = frame.content()
site = content.site

st.title("How it works")
st.markdown("What happens between a nerve and a muscle, in three pictures.")
for column, drawing in zip(st.columns(3), MECHANISM_DRAWINGS, strict=True):
    with column, st.container(border=True):
        views.illustration(content, drawing)

st.header("Step by step")
for number, step in enumerate(site.mechanism, start=1):
    with st.container(border=True):
        st.markdown(f"**{number}. {md(text_in(step.title))}**\n\n{md(text_in(step.text))}")
        views.sources_control(content, step.sources, [text_in(step.text)])

st.header("Does it relax or paralyze the muscle?")
st.markdown(md(text_in(site.relax_or_paralyze.text)))
views.sources_control(content, site.relax_or_paralyze.sources, [text_in(site.relax_or_paralyze.text)])

st.header("Common beliefs, and what the sources say")
for myth in content.myths:
    verdict, icon = MYTH_VERDICTS[myth.verdict]
    with st.expander(md(text_in(myth.belief)), icon=icon):
        from_article = ("\n\n:gray[This belief appeared in the clinic's earlier article; here it is checked "
                        "against the sources.]" if myth.from_clinic_article else "")
        st.markdown(f"**{verdict}.** {md(text_in(myth.fact))}{from_article}")
        views.sources_control(content, myth.sources, [text_in(myth.belief), text_in(myth.fact)])
views.reviewed_note([*site.mechanism, site.relax_or_paralyze, *content.myths])
