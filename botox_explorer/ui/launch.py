"""Starts the dashboard: ``python -m botox_explorer.ui.launch [streamlit options]``.

Two adjustments to Streamlit 1.67, made before its server starts:

- **No legacy multipage mode.** Streamlit still looks for a ``pages/`` folder beside the
  main script and, until the first script run has called ``st.navigation``, treats the app
  as a legacy multipage app. The very first request to a fresh server then asks that legacy
  navigation for the page in the URL and shows "Page not found" for any deep link, although
  ``app.py`` goes on to draw the right page. Our ``pages/`` holds only section folders for
  ``st.navigation``, so the legacy detection is switched off.
- **No failed probe on a deep link.** Opened at ``/explore``, Streamlit's web page first
  looks for its server at ``/explore/_stcore/health``, gets a 404, waits 100 ms and then
  finds it one level up. The page served here says where the server is when the last part
  of the address is one of our pages (``window.__streamlit.BACKEND_BASE_URL``, the setting
  Streamlit's page reads for this), so a shared link opens a tenth of a second sooner. Any
  other address is left to Streamlit's own search. The script is a file of its own, so a
  Content-Security-Policy can forbid inline scripts.

It also serves the guide, the same content as plain pages (``botox_explorer.guide``), at ``/guide/``, and
the guide's ``robots.txt`` at the site's root: built here from the content at start, or one built beforehand
(the container's) named by ``BOTOX_EXPLORER_GUIDE``; and beside it the page a consultation's QR code opens, made
when asked (``hand_off.py``), as a route of Streamlit's server ahead of its static files.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from pathlib import Path

from streamlit import config, file_util
from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli
from streamlit.web.server.starlette import starlette_app

from ..content import ContentError, configured_data_dir, load_content
from ..guide.build import build_site, write_site
from ..guide.site import GUIDE_FOLDER, SiteOptions, guide_address
from .hand_off import hand_off_routes

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
PAGES_DIR = ROOT / "pages"

SCRIPT_NAME = "botox-explorer.js"
# Served as a file, not inline, so a Content-Security-Policy can allow scripts from this server only
# ("script-src 'self'"). It also does what Streamlit's one inline script did (window.prerenderReady).
PAGE_SCRIPT = """// Botox Explorer's launcher: set before Streamlit's own scripts run.
window.prerenderReady = false;
(() => {
  const pages = new Set(%s);
  const path = window.location.pathname.replace(/\\/+$/, "");
  const last = path.slice(path.lastIndexOf("/") + 1);
  if (!pages.has(last)) return;
  const base = window.location.origin + path.slice(0, path.length - last.length);
  window.__streamlit = Object.assign({}, window.__streamlit, { BACKEND_BASE_URL: base });
})();
"""
GUIDE_VARIABLE = "BOTOX_EXPLORER_GUIDE"  # a guide built beforehand, to serve instead of building one at start
STREAMLIT_INLINE_SCRIPT = re.compile(r"\s*<script>\s*window\.prerenderReady = false\s*</script>")


def page_names(pages_dir: Path = PAGES_DIR) -> list[str]:
    """The last part of each page's address: ``st.Page`` names a page after its file."""
    names = sorted({script.stem for script in pages_dir.rglob("*.py")})
    return [name for name in names if re.fullmatch(r"[a-z0-9_]+", name)]


def page_script(names: list[str]) -> str:
    """The launcher's script: Streamlit's prerender flag, and where the server is on a page's address."""
    return PAGE_SCRIPT % json.dumps(names)


def index_with_page_script(index_html: str) -> str:
    """Streamlit's index.html with its inline script replaced by ours, loaded from a file, first in the head."""
    without_inline = STREAMLIT_INLINE_SCRIPT.sub("", index_html, count=1)
    tag = f'<script src="./{SCRIPT_NAME}"></script>'
    return without_inline.replace("<head>", f"<head>\n    {tag}", 1)


def static_folder(source: Path, target: Path, names: list[str]) -> Path:
    """``target`` filled with links to Streamlit's web files, our own index.html and the launcher's script."""
    for entry in source.iterdir():
        if entry.name != "index.html":
            (target / entry.name).symlink_to(entry)
    html = (source / "index.html").read_text(encoding="utf-8")
    (target / "index.html").write_text(index_with_page_script(html), encoding="utf-8")
    (target / SCRIPT_NAME).write_text(page_script(names), encoding="utf-8")
    return target


def add_guide(target: Path, data_dir: Path, built: str | None = None) -> bool:
    """The guide in ``target/guide`` and its robots.txt at ``target``'s root: a guide built beforehand is linked,
    otherwise one is built from the content. Broken content gives no guide (the dashboard says what is wrong)."""
    folder = target / GUIDE_FOLDER
    if built:
        folder.symlink_to(Path(built).resolve(), target_is_directory=True)
    else:
        try:
            content = load_content(data_dir)
        except ContentError as error:
            print(f"No guide at /{GUIDE_FOLDER}/: the content has {len(error.problems)} problem(s)", file=sys.stderr)
            return False
        write_site(build_site(content, SiteOptions(guide_address(content.clinic.public_url))), folder)
    (target / "robots.txt").symlink_to(folder / "robots.txt")
    return True


def add_hand_off(data_dir: Path) -> bool:
    """The hand-off's routes ahead of Streamlit's own (which end with its static files, the guide among them);
    broken content gives none, as it gives no guide."""
    try:
        content = load_content(data_dir)
    except ContentError:
        return False
    streamlit_routes = starlette_app.create_streamlit_routes
    options = SiteOptions(guide_address(content.clinic.public_url))

    def routes(runtime):
        base_path = config.get_option("server.baseUrlPath")
        return [*hand_off_routes(content, options, base_path), *streamlit_routes(runtime)]

    starlette_app.create_streamlit_routes = routes
    return True


def main(options: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    with tempfile.TemporaryDirectory(prefix="botox-explorer-web-") as folder:
        served = static_folder(Path(file_util.get_static_dir()), Path(folder), page_names())
        add_guide(served, configured_data_dir(), os.environ.get(GUIDE_VARIABLE))
        add_hand_off(configured_data_dir())
        file_util.get_static_dir = lambda: str(served)
        sys.argv = ["streamlit", "run", str(APP), *options]
        return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
