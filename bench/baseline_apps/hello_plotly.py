"""Baseline for first-render timings of pages with charts: a hello world that draws one plotly chart."""

import plotly.graph_objects as go
import streamlit as st

st.title("Hello")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2])))
