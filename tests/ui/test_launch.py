"""The launcher's own index page: it tells Streamlit's page where the server is on a deep link."""

from pathlib import Path

from streamlit.web.server.starlette import starlette_app

from botox_explorer.content import DATA_DIR
from botox_explorer.ui.launch import (
    SCRIPT_NAME,
    add_guide,
    add_hand_off,
    index_with_page_script,
    page_names,
    page_script,
    static_folder,
)
from tests.helpers import registered_page_scripts

INDEX = ('<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <title>Streamlit</title>\n    <script>\n'
         '      window.prerenderReady = false\n    </script>\n    <script type="module" src="./static/js/index.js">'
         '</script>\n  </head>\n</html>\n')


def test_page_names_are_the_addresses_of_the_nine_pages():
    assert page_names() == ["before_your_visit", "consultation", "explore", "glossary", "history", "home",
                            "how_it_works", "locations", "safety"]


def test_page_names_leave_out_names_unsafe_in_a_script(tmp_path):
    (tmp_path / "section").mkdir()
    for name in ("explore", 'x"];alert(1);', "Upper"):
        (tmp_path / "section" / f"{name}.py").write_text("")
    assert page_names(tmp_path) == ["explore"]


def test_the_page_loads_our_script_first_and_has_no_inline_script():
    html = index_with_page_script(INDEX)
    head = html.split("<head>", 1)[1]
    assert head.lstrip().startswith(f'<script src="./{SCRIPT_NAME}"></script>')
    assert "<script>" not in html, "an inline script would need 'unsafe-inline' in the Content-Security-Policy"
    assert head.index(SCRIPT_NAME) < head.index("index.js")


def test_the_script_names_the_pages_and_sets_the_prerender_flag():
    script = page_script(["explore", "history"])
    assert 'new Set(["explore", "history"])' in script
    assert script.startswith("// Botox Explorer") and "window.prerenderReady = false;" in script


def test_static_folder_links_streamlit_files_and_writes_its_own_index(tmp_path):
    source, target = tmp_path / "static", tmp_path / "served"
    (source / "static" / "js").mkdir(parents=True)
    (source / "static" / "js" / "index.js").write_text("// bundle")
    (source / "favicon.png").write_bytes(b"png")
    (source / "index.html").write_text(INDEX)
    target.mkdir()
    static_folder(source, target, ["explore"])
    assert (target / "static").is_symlink() and (target / "static" / "js" / "index.js").read_text() == "// bundle"
    assert (target / "favicon.png").is_symlink()
    assert not (target / "index.html").is_symlink()
    assert SCRIPT_NAME in (target / "index.html").read_text()
    assert SCRIPT_NAME not in (source / "index.html").read_text()
    assert 'new Set(["explore"])' in (target / SCRIPT_NAME).read_text()


def test_page_names_are_exactly_the_addresses_of_the_registered_pages():
    """st.Page names a page's address after its file: the launcher must know every one, and only those."""
    registered = {Path(script).stem for script in registered_page_scripts()}
    assert registered and set(page_names()) == registered



def test_the_guide_is_built_from_the_content_with_robots_txt_at_the_root(tmp_path):
    assert add_guide(tmp_path, DATA_DIR)
    assert "<h1>Botox Explorer</h1>" in (tmp_path / "guide" / "index.html").read_text()
    assert (tmp_path / "guide" / "es" / "index.html").is_file()
    assert (tmp_path / "robots.txt").read_text().startswith("User-agent: *")


def test_a_guide_built_beforehand_is_served_as_it_is(tmp_path):
    built, served = tmp_path / "built", tmp_path / "served"
    (built / "es").mkdir(parents=True)
    (built / "index.html").write_text("built beforehand")
    (built / "robots.txt").write_text("User-agent: *\n")
    served.mkdir()
    assert add_guide(served, tmp_path / "no-content-needed", str(built))
    assert (served / "guide" / "index.html").read_text() == "built beforehand"
    assert (served / "robots.txt").read_text() == "User-agent: *\n"


def test_broken_content_gives_no_guide_and_the_server_still_starts(tmp_path, content_dir, capsys):
    uses = content_dir / "uses.yaml"
    uses.write_text(uses.read_text().replace("category: cosmetic", "category: beauty"))
    served = tmp_path / "served"
    served.mkdir()
    assert not add_guide(served, content_dir)
    assert list(served.iterdir()) == []
    assert "No guide at /guide/: the content has 1 problem(s)" in capsys.readouterr().err


def test_the_hand_off_is_answered_ahead_of_streamlits_routes_and_below_its_base_path(monkeypatch):
    monkeypatch.setattr(starlette_app, "create_streamlit_routes", lambda runtime: ["streamlit's routes"])
    monkeypatch.setattr(starlette_app.config, "get_option", {"server.baseUrlPath": "clinic"}.get)
    assert add_hand_off(DATA_DIR)
    routes = starlette_app.create_streamlit_routes(None)
    assert [route.path for route in routes[:-1]] == ["/clinic/guide/topics.html", "/clinic/guide/summary.pdf",
                                                     "/clinic/guide/es/topics.html", "/clinic/guide/es/summary.pdf"]
    assert routes[-1] == "streamlit's routes"


def test_broken_content_gives_no_hand_off(monkeypatch, content_dir):
    uses = content_dir / "uses.yaml"
    uses.write_text(uses.read_text().replace("category: cosmetic", "category: beauty"))
    monkeypatch.setattr(starlette_app, "create_streamlit_routes", lambda runtime: ["streamlit's routes"])
    assert not add_hand_off(content_dir)
    assert starlette_app.create_streamlit_routes(None) == ["streamlit's routes"]
