"""The dashboard's Streamlit layer: the run's language, the shared caches, the page chrome, a view module per kind
of block (sources, charts, uses, safety, locations, the consultation's agenda), the explorer's and the
consultation's state in the address, and the launcher. Its markdown builders (``markdown``) are plain Python, and
everything else in the package never imports Streamlit."""
