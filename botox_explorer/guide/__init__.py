"""The guide: the dashboard's content as plain pages, script-free, in every language the content speaks.

Search engines, link previews and slow phones read these pages at once; each leads into the dashboard for what
is interactive. Built from ``data/`` by ``python -m botox_explorer.guide build --output DIR``.
"""
