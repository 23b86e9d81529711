"""Tests of the guide (botox_explorer/guide/): which file covers what.

- test_build.py        build.py: shared assets named after their content, safe drawings, writing the folder safely
- test_cli.py          __main__.py: the command, its refusals on broken content or a foreign folder
- test_model.py        model.py (and citations.py): citation numbers and their runs, leads, pictures
- test_pages.py        pages.py: which pages there are, descriptions, review dates, clinic details shown when set
- test_page_content.py pages.py: what each page says against the content, its leads and source numbers
- test_every_page.py   pages.py through build.py: every built page valid, linked, described, cited, light
- test_page_chrome.py  templates/page.html: each page's frame (title, policy, languages, navigation, review date)
- test_site.py         site.py: file places, relative and full addresses, sitemap, robots.txt, structured data
- test_hostile.py      build.py's escaping and presenting.safe_link: markup-like content reads as text, never runs
- test_spanish.py      the Spanish pages hold no word of the English interface
- test_topics.py       topics.py and ui/hand_off.py: the hand-off's page and summary, hostile ids, both languages

conftest.py builds the guide from data/ once per session; helpers.py reads a built page as a browser does.
"""
