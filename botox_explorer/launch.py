"""Starts the dashboard: ``python -m botox_explorer.launch [streamlit options]``.

Streamlit 1.67 still looks for a ``pages/`` folder beside the main script and, until
the first script run has called ``st.navigation``, treats the app as a legacy
multipage app. The very first request to a fresh server then asks that legacy
navigation for the page in the URL and shows "Page not found" for any deep link,
although ``app.py`` goes on to draw the right page. Our ``pages/`` holds only
section folders for ``st.navigation``, so the legacy detection is switched off
before the server starts.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

APP = Path(__file__).resolve().parents[1] / "app.py"


def main(options: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(APP), *options]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
