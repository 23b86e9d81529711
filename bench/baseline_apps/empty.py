"""Baseline for rerun timings: an empty Streamlit page (one tiny st.write)."""

import streamlit as st

st.write("")
