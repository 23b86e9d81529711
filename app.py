"""Botox Explorer: the entry point builds the shared frame and the navigation."""

import streamlit as st

from botox_explorer import frame

st.set_page_config(page_title="Botox Explorer", page_icon=":material/vaccines:", layout="wide")

PAGES = {
    "Learn": [
        st.Page("pages/learn/home.py", title="Home", icon=":material/home:", default=True),
    ],
}

navigation = st.navigation(PAGES)
content = frame.content()
navigation.run()
frame.reminder(content)
