"""Home: what the treatment is, the three kinds of use, key figures and where the clinic is."""

import streamlit as st

from botox_explorer.illustrations import WELCOME
from botox_explorer.models import CATEGORIES
from botox_explorer.presenting import category_summary, key_figures
from botox_explorer.routes import EXPLORE, HOW_IT_WORKS, LOCATIONS, PAGES_BY_NAME, SAFETY
from botox_explorer.ui import content_cache
from botox_explorer.ui import language as lang
from botox_explorer.ui.chart_view import illustration
from botox_explorer.ui.markdown import CATEGORY_ICONS, md, sources_markdown, titled_text
from botox_explorer.ui.sources_view import reviewed_note, sources_control

START_POINTS = (
    ("explore", ":material/travel_explore:", PAGES_BY_NAME[EXPLORE].script),
    ("how_it_works", ":material/neurology:", PAGES_BY_NAME[HOW_IT_WORKS].script),
    ("safety", ":material/health_and_safety:", PAGES_BY_NAME[SAFETY].script),
    ("visit", ":material/location_on:", PAGES_BY_NAME[LOCATIONS].script),
)

content = content_cache.content()
site = content.site
language = lang.language()
text = lang.text

# The first screen: what the guide is, in one line, four places to start, and a picture. Buttons, not
# st.page_link: the page-link widget's code alone added a tenth to the first render.
words, picture = st.columns([3, 2], vertical_alignment="center")
with words:
    st.title(text(site.title))
    st.markdown(f"### {md(text(site.tagline))}")
    for start, icon, target in START_POINTS:
        if st.button(lang.tr(f"page.home.start.{start}"), icon=icon, key=f"start-{target}", width="stretch"):
            st.switch_page(target)
with picture:
    illustration(content, WELCOME)

st.header(lang.tr("page.home.what_it_is"))
st.markdown("\n\n".join(titled_text(paragraph, language) for paragraph in site.intro))
sources_control(content, [s for paragraph in site.intro for s in paragraph.sources],
                [text(paragraph.text) for paragraph in site.intro])

st.header(lang.tr("page.home.three_kinds"))
for column, category in zip(st.columns(3), CATEGORIES, strict=True):
    with column, st.container(border=True):
        # A heading, not a button: three more buttons cost a first visit ~0.03x of the goal's 1.3x (21 rounds);
        # "Explore a concern" above opens the explorer, whose first filter is the kind of use.
        names = [text(u.name) for u in content.uses.values() if u.category == category]
        heading = lang.tr(f"page.home.category_uses.{category}")
        st.markdown(f"**{CATEGORY_ICONS[category]} {md(heading)}**\n\n"
                    f":gray[{md(category_summary(content, category, language))}]\n\n"
                    + "\n".join(f"- {md(name)}" for name in names))

st.header(lang.tr("page.home.key_figures"))
figures = key_figures(content, language)
# One markdown list, not st.metric (its own scripts) nor a bordered box a figure: 1.24x vs 1.27x for a first visit
# (21 rounds), and it fits a phone.
st.markdown("\n".join(f"- **{md(figure.lead)}**: {md(figure.text)}" for figure in figures))
# A popover, not an expander: its list (with a link a source) is drawn only when opened.
with st.popover(lang.tr("page.home.figure_sources"), icon=":material/menu_book:"):
    st.markdown("\n\n".join(f"**{md(figure.text)}**\n\n{sources_markdown(content, figure.source_ids)}"
                              for figure in figures))

st.header(lang.tr("page.home.where"))
towns = lang.tr("page.home.and").join(f"{text(loc.name)} ({loc.town})" for loc in content.clinic.locations)
st.markdown(md(towns) + ". " + lang.tr("page.home.where_more"))
reviewed_note([*site.intro, *content.uses.values(), *content.statistics.series])
