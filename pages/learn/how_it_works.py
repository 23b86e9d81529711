"""How it works: the mechanism in three pictures and in plain steps, relax or paralyze, myths and facts."""

import streamlit as st

from botox_explorer.illustrations import MECHANISM_DRAWINGS
from botox_explorer.presenting import myth_verdict
from botox_explorer.routes import PAGES_BY_NAME, SAFETY
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.chart_view import illustration
from botox_explorer.ui.markdown import MYTH_ICONS, md
from botox_explorer.ui.sources_view import reviewed_note, sources_control

content = content_cache.content()
site = content.site
text = lang.text

st.title(lang.tr("page.how_it_works.title"))
st.markdown(lang.tr("page.how_it_works.intro"))
for column, drawing in zip(st.columns(3), MECHANISM_DRAWINGS, strict=True):
    with column, st.container(border=True):
        illustration(content, drawing)

st.header(lang.tr("page.how_it_works.steps"))
for number, step in enumerate(site.mechanism, start=1):
    with st.container(border=True):
        st.markdown(f"**{number}. {md(text(step.title))}**\n\n{md(text(step.text))}")
        sources_control(content, step.sources, [text(step.text)])
# The steps say the safety page explains what to watch for: a way there, not only the words.
if st.button(lang.tr("page.how_it_works.to_safety"), icon=":material/health_and_safety:"):
    st.switch_page(PAGES_BY_NAME[SAFETY].script)

st.header(lang.tr("page.how_it_works.relax_or_paralyze"))
st.markdown(md(text(site.relax_or_paralyze.text)))
sources_control(content, site.relax_or_paralyze.sources, [text(site.relax_or_paralyze.text)])

st.header(lang.tr("page.how_it_works.beliefs"))
for myth in content.myths:
    verdict = myth_verdict(myth.verdict, lang.language())
    # The verdict in words beside its icon, on the closed expander: an icon alone says nothing to most readers.
    with st.expander(f"**{md(verdict)}:** {md(text(myth.belief))}", icon=MYTH_ICONS[myth.verdict]):
        from_article = (f"\n\n:gray[{lang.tr('page.how_it_works.from_article')}]" if myth.from_clinic_article
                        else "")
        st.markdown(f"{md(text(myth.fact))}{from_article}")
        sources_control(content, myth.sources, [text(myth.belief), text(myth.fact)])
reviewed_note([*site.mechanism, site.relax_or_paralyze, *content.myths])
