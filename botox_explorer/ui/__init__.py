"""The modules that talk to Streamlit: the page frame, the shared views, the explorer's and the consultation's
widget state, and the launcher. Everything else in the package is plain Python that never imports Streamlit."""
