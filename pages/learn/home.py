"""Home: what the treatment is, and every use by category."""

import streamlit as st

from botox_explorer import frame
from botox_explorer.models import CATEGORIES, text_in
from botox_explorer.presenting import CATEGORY_LABELS, md, status_label

content = frame.content()
site = content.site

st.title(text_in(site.title))
st.write(text_in(site.tagline))
for paragraph in site.intro:
    st.write(text_in(paragraph.text))

for category in CATEGORIES:
    uses = [use for use in content.uses.values() if use.category == category]
    st.subheader(f"{CATEGORY_LABELS[category]} uses ({len(uses)})", anchor=category)
    for use in uses:
        st.markdown(f"**{md(text_in(use.name))}**: {md(status_label(use, content))}")
