"""The guide's files: shared assets named after their content, safe drawings, and a folder written safely."""

import hashlib
import re
import xml.etree.ElementTree as ET

import pytest

from botox_explorer.guide.build import MARKER, Asset, GuideFolderError, shared_assets, write_site

FILES = {"index.html": b"<p>start</p>", "uses/lines.html": b"<p>lines</p>", "assets/guide-0.css": b"p {}"}
EVENT_ATTRIBUTE = re.compile(r"\son\w+\s*=", re.IGNORECASE)


def files_in(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_every_shared_file_is_named_after_its_content(site):
    assets = {name: data for name, data in site.items() if name.startswith("assets/")}
    assert {name.rsplit(".", 1)[1] for name in assets} == {"css", "svg"}
    for name, data in assets.items():
        assert name.rsplit(".", 1)[0].endswith("-" + hashlib.sha256(data).hexdigest()[:12]), name


def test_the_same_content_keeps_its_name_and_new_content_gets_a_new_one(site, relative_site):
    assert Asset("guide", ".css", b"p {}").name == Asset("guide", ".css", b"p {}").name
    assert Asset("guide", ".css", b"p {}").name != Asset("guide", ".css", b"p { color: red }").name
    assert re.fullmatch(r"guide-[0-9a-f]{12}\.css", Asset("guide", ".css", b"p {}").name)
    assert [name for name in site if name.startswith("assets/")] == [
        name for name in relative_site if name.startswith("assets/")]  # the guide's address changes no file's name


def test_pages_in_two_languages_share_the_stylesheet_and_the_icon(site):
    shared = {asset.name for asset in shared_assets().values()}
    assert {f"assets/{name}" for name in shared} <= set(site)
    for language_root in ("index.html", "es/index.html"):
        page = site[language_root].decode()
        assert all(name in page for name in shared), language_root


def test_every_drawing_is_a_plain_svg_without_script_or_events(site):
    drawings = {name: data.decode() for name, data in site.items() if name.startswith("assets/") and
                not name.endswith(".css")}
    assert len(drawings) > 4
    for name, drawing in drawings.items():
        assert name.endswith(".svg"), name
        assert ET.fromstring(drawing).tag == "{http://www.w3.org/2000/svg}svg", name
        assert "<script" not in drawing.lower(), name
        assert not EVENT_ATTRIBUTE.search(drawing), name
        assert "javascript:" not in drawing.lower(), name


def test_every_picture_on_a_page_is_one_of_the_drawings(pages, site):
    for page in pages.values():
        for img in page.all("img"):
            file = img.get("src").removeprefix("../" * page.file.count("/"))
            assert file.startswith("assets/") and file.endswith(".svg") and file in site, (page.file, file)


def test_the_folder_holds_every_file_of_the_guide_and_the_marker(site_folder, site):
    assert files_in(site_folder) == {**site, MARKER: (site_folder / MARKER).read_bytes()}


def test_writes_a_new_folder(tmp_path):
    output = tmp_path / "public" / "guide"
    write_site(FILES, output)
    assert files_in(output) == {**FILES, MARKER: (output / MARKER).read_bytes()}


def test_writes_into_an_empty_folder(tmp_path):
    write_site(FILES, tmp_path)
    assert (tmp_path / "uses" / "lines.html").read_bytes() == b"<p>lines</p>"
    assert (tmp_path / MARKER).is_file()


def test_writes_over_a_guide_it_wrote_before_and_removes_stale_files(tmp_path):
    write_site(FILES, tmp_path)
    write_site({"index.html": b"<p>new start</p>", "assets/guide-1.css": b"p { margin: 0 }"}, tmp_path)
    assert set(files_in(tmp_path)) == {"index.html", "assets/guide-1.css", MARKER}
    assert (tmp_path / "index.html").read_bytes() == b"<p>new start</p>"
    assert not (tmp_path / "uses").exists()


def test_refuses_a_folder_of_other_files_and_leaves_them_untouched(tmp_path):
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("keep me")
    (tmp_path / "index.html").write_text("my own page")
    before = files_in(tmp_path)
    with pytest.raises(GuideFolderError, match="holds other files"):
        write_site(FILES, tmp_path)
    assert files_in(tmp_path) == before
    assert not (tmp_path / MARKER).exists()


def test_refuses_a_file_in_place_of_the_folder(tmp_path):
    taken = tmp_path / "guide"
    taken.write_text("a file")
    with pytest.raises(GuideFolderError, match="is a file"):
        write_site({"index.html": b"page"}, taken)
    assert taken.read_text() == "a file"
