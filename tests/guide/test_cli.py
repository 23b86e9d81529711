"""python -m botox_explorer.guide build: the guide from data/, a clear refusal on broken content or a foreign folder."""

import pytest

from botox_explorer.guide.__main__ import main
from botox_explorer.guide.build import MARKER
from tests.helpers import append_to, replace_in


def test_builds_the_guide_from_the_project_data(tmp_path, capsys, real_content):
    output = tmp_path / "guide"
    assert main(["build", "--output", str(output)]) == 0
    out = capsys.readouterr().out
    pages = 2 * (1 + len(real_content.uses) + 7)
    others = sum(1 for path in output.rglob("*") if path.is_file() and path.suffix != ".html") - 1  # the marker
    assert out.splitlines() == [
        f"wrote {pages} pages (en, es) and {others} other files to {output}",
        "no public address is set (public_url in data/clinic.yaml, or --base-url): canonical links are relative and "
        "no sitemap.xml was written"]
    assert len(list(output.rglob("*.html"))) == pages
    for file in ("index.html", "es/index.html", "uses/chronic-migraine.html", "es/locations.html", "robots.txt",
                 MARKER):
        assert (output / file).is_file(), file
    assert not (output / "sitemap.xml").exists()
    assert 'href="../../explore?use=chronic-migraine&amp;lang=en"' in (
        output / "uses" / "chronic-migraine.html").read_text()


def test_a_public_address_adds_the_sitemap_and_full_canonical_links(content_dir, tmp_path, capsys):
    output = tmp_path / "guide"
    arguments = ["build", "--output", str(output), "--data-dir", str(content_dir)]
    assert main([*arguments, "--base-url", "https://clinic.example/guide", "--dashboard-url",
                 "https://clinic.example/"]) == 0
    assert "no public address" not in capsys.readouterr().out
    page = (output / "uses" / "lines.html").read_text()
    assert '<link rel="canonical" href="https://clinic.example/guide/uses/lines.html">' in page
    assert 'href="https://clinic.example/explore?use=lines&amp;lang=en"' in page
    assert "<loc>https://clinic.example/guide/uses/lines.html</loc>" in (output / "sitemap.xml").read_text()


def test_the_clinics_public_address_gives_the_guides(content_dir, tmp_path):
    append_to(content_dir, "clinic.yaml", "public_url: https://clinic.example/\n")
    assert main(["build", "--output", str(tmp_path / "guide"), "--data-dir", str(content_dir)]) == 0
    assert "Sitemap: https://clinic.example/guide/sitemap.xml" in (tmp_path / "guide" / "robots.txt").read_text()


def test_broken_content_names_the_file_the_record_and_the_field_and_writes_nothing(content_dir, tmp_path, capsys):
    replace_in(content_dir, "uses.yaml", "category: cosmetic", "category: beauty")
    output = tmp_path / "guide"
    assert main(["build", "--output", str(output), "--data-dir", str(content_dir)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("uses.yaml, record 'lines', field 'category': ")
    assert lines[-1] == f"1 problem(s) in {content_dir}: no guide written"
    assert not output.exists()


def test_refuses_a_folder_of_other_files(content_dir, tmp_path, capsys):
    output = tmp_path / "site"
    output.mkdir()
    (output / "mine.txt").write_text("keep me")
    assert main(["build", "--output", str(output), "--data-dir", str(content_dir)]) == 1
    assert capsys.readouterr().err == f"{output} holds other files: choose an empty or new folder\n"
    assert [path.name for path in output.iterdir()] == ["mine.txt"]
    assert (output / "mine.txt").read_text() == "keep me"


def test_builds_again_over_its_own_guide(content_dir, tmp_path):
    output = tmp_path / "guide"
    assert main(["build", "--output", str(output), "--data-dir", str(content_dir)]) == 0
    (output / "uses" / "gone.html").write_text("a page of an earlier build")
    assert main(["build", "--output", str(output), "--data-dir", str(content_dir)]) == 0
    assert not (output / "uses" / "gone.html").exists()


@pytest.mark.parametrize("arguments", [[], ["build"], ["publish", "--output", "x"]])
def test_a_wrong_command_line_exits_with_usage(arguments, capsys):
    with pytest.raises(SystemExit) as exited:
        main(arguments)
    assert exited.value.code == 2
    assert "usage: python -m botox_explorer.guide" in capsys.readouterr().err
