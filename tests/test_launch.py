"""The launcher's own index page: it tells Streamlit's page where the server is on a deep link."""

import ast
from pathlib import Path

from botox_explorer.launch import PAGES_DIR, ROOT, index_with_base_url, page_names, static_folder

INDEX = '<!DOCTYPE html>\n<html lang="en">\n  <head>\n    <title>Streamlit</title>\n  </head>\n</html>\n'


def test_page_names_are_the_page_files():
    names = page_names()
    assert {"explore", "history", "consultation", "locations"} <= set(names)
    assert len(names) == len({p.stem for p in PAGES_DIR.rglob("*.py")})


def test_page_names_leave_out_names_unsafe_in_a_script(tmp_path):
    (tmp_path / "section").mkdir()
    for name in ("explore", 'x"];alert(1);', "Upper"):
        (tmp_path / "section" / f"{name}.py").write_text("")
    assert page_names(tmp_path) == ["explore"]


def test_the_script_comes_first_in_the_head_and_names_the_pages():
    html = index_with_base_url(INDEX, ["explore", "history"])
    head = html.split("<head>", 1)[1]
    assert head.lstrip().startswith("<script>")
    assert 'new Set(["explore", "history"])' in head
    assert head.index("</script>") < head.index("<title>")


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
    assert "BACKEND_BASE_URL" in (target / "index.html").read_text()
    assert "BACKEND_BASE_URL" not in (source / "index.html").read_text()


def test_page_names_are_exactly_the_addresses_of_the_registered_pages():
    """st.Page names a page's address after its file: the launcher must know every one, and only those."""
    tree = ast.parse((ROOT / "app.py").read_text())
    registered = {
        Path(node.args[0].value).stem
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "Page" and node.args
    }
    assert registered and set(page_names()) == registered

