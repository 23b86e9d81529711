"""Baseline for first-render timings of pages without a chart: a plain hello world."""

import streamlit as st

st.title("Hello")
st.write("Hello, world.")
