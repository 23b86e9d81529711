from pathlib import Path

import pytest

from botox_explorer.content.problems import ContentError
from botox_explorer.content.yaml_reader import MAX_FILE_BYTES, read_yaml


def problem_of(path: Path) -> str:
    with pytest.raises(ContentError) as caught:
        read_yaml(path)
    [problem] = caught.value.problems
    return str(problem)


def test_reads_a_list(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("- id: one\n- id: two\n")
    assert read_yaml(path) == [{"id": "one"}, {"id": "two"}]


def test_broken_syntax_names_line_and_column(tmp_path):
    path = tmp_path / "uses.yaml"
    path.write_text("- id: one\n  name: [unclosed\n- id: two\n")
    message = problem_of(path)
    assert message.startswith("uses.yaml:")
    assert "invalid YAML" in message
    assert ":3:" in message or ":2:" in message


def test_tab_indentation_is_explained(tmp_path):
    path = tmp_path / "areas.yaml"
    path.write_text("- id: one\n\tname: x\n")
    message = problem_of(path)
    assert "areas.yaml:2:" in message
    assert "tabs" in message


def test_empty_file(tmp_path):
    path = tmp_path / "myths.yaml"
    path.write_text("# nothing yet\n")
    assert problem_of(path) == "myths.yaml: is empty"


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "uses.yaml"
    path.write_text("#" * (MAX_FILE_BYTES + 1))
    assert "limit" in problem_of(path)


def test_alias_bomb_is_refused(tmp_path):
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    path = tmp_path / "clinic.yaml"
    path.write_text("\n".join(bomb))
    message = problem_of(path)
    assert "alias" in message
    assert "clinic.yaml:2:" in message


def test_python_tags_are_not_constructed(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("- !!python/object/apply:os.system ['echo hacked']\n")
    assert "invalid YAML" in problem_of(path)


def test_missing_file(tmp_path):
    assert "cannot be read" in problem_of(tmp_path / "history.yaml")


def test_not_utf8(tmp_path):
    path = tmp_path / "history.yaml"
    path.write_bytes(b"- id: caf\xe9\n")
    assert "UTF-8" in problem_of(path)
