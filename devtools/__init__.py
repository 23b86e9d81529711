"""Tools shared by the browser tests and the benchmarks: start the dashboard (``server``), put nginx in front of it
(``proxy``), and tell when a page has settled in a browser (``settled``). Not part of the dashboard."""
