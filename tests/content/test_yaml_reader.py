from pathlib import Path

import pytest
import yaml

from botox_explorer.content.problems import ContentError
from botox_explorer.content.yaml_reader import MAX_FILE_BYTES, _syntax_problem, read_yaml


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
    assert problem_of(path) == "uses.yaml:3:5: invalid YAML: expected ',' or ']', but got ':'"


@pytest.mark.parametrize(("text", "where"), [("- id: one\n\tname: x\n", "2:1"), ("- a\n-\tb: [\n", "2:2")])
def test_tab_indentation_is_explained(tmp_path, text, where):
    path = tmp_path / "areas.yaml"
    path.write_text(text)
    assert problem_of(path) == (f"areas.yaml:{where}: invalid YAML: found character '\\t' that cannot start any "
                                "token (indent with spaces, not tabs)")


def test_a_syntax_error_without_a_place_or_a_message_still_reads_well():
    problem = _syntax_problem("uses.yaml", yaml.MarkedYAMLError())
    assert str(problem) == "uses.yaml: invalid YAML: is not valid YAML"
    assert (problem.line, problem.column) == (None, None)


def test_empty_file(tmp_path):
    path = tmp_path / "myths.yaml"
    path.write_text("# nothing yet\n")
    assert problem_of(path) == "myths.yaml: is empty"


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "uses.yaml"
    path.write_text("#" * (MAX_FILE_BYTES + 1))
    assert problem_of(path) == "uses.yaml: is 4096 KiB, above the 4096 KiB limit"
    path.write_text("#" * MAX_FILE_BYTES)
    assert problem_of(path) == "uses.yaml: is empty"


def test_alias_bomb_is_refused(tmp_path):
    bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    path = tmp_path / "clinic.yaml"
    path.write_text("\n".join(bomb))
    assert problem_of(path) == ("clinic.yaml:2:8: invalid YAML: uses a YAML alias (*name); aliases are not "
                                "allowed in content files")


def test_python_tags_are_not_constructed(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text("- !!python/object/apply:os.system ['echo hacked']\n")
    assert problem_of(path) == ("sources.yaml:1:3: invalid YAML: could not determine a constructor for the tag "
                                "'tag:yaml.org,2002:python/object/apply:os.system'")


def test_missing_file(tmp_path):
    assert problem_of(tmp_path / "history.yaml") == "history.yaml: cannot be read (No such file or directory)"


def test_not_utf8(tmp_path):
    path = tmp_path / "history.yaml"
    path.write_bytes(b"- id: caf\xe9\n")
    assert problem_of(path) == "history.yaml: is not UTF-8 text"
