import csv
import io
import json
import subprocess
import sys

import pytest

from botox_explorer.content import DATA_DIR, load_content
from botox_explorer.content.__main__ import main
from tests.helpers import replace_in


def test_check_passes_with_a_count_per_file(content_dir, capsys):
    assert main(["check", str(content_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "sources.yaml: 2 records", "areas.yaml: 2 records", "uses.yaml: 3 records", "history.yaml: 1 records",
        "products.yaml: 1 records", "myths.yaml: 1 records", "safety.yaml: 4 records", "statistics.yaml: 1 records",
        "clinic.yaml: 1 records", "site.yaml: 5 records", "decision_aid.yaml: 9 records", "glossary.yaml: 1 records",
        "illustrations.yaml: 6 records", "fact_boxes.yaml: 1 records", "alternatives.yaml: 1 records",
        "choices.yaml: 3 records", "search_words.yaml: 2 records",
        f"content OK in {content_dir}",
    ]


def test_check_fails_with_one_line_a_problem(content_dir, capsys):
    uses = content_dir / "uses.yaml"
    uses.write_text(uses.read_text().replace("category: cosmetic", "category: beauty"))
    (content_dir / "myths.yaml").write_text("")
    assert main(["check", str(content_dir)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == ("uses.yaml, record 'lines', field 'category': Input should be 'cosmetic', 'medical' or "
                        "'psychological'; got 'beauty'")
    assert lines[1] == "myths.yaml: is empty"
    assert lines[2] == f"2 problem(s) in {content_dir}"


def test_export_json(content_dir, capsys):
    assert main(["export", "--format", "json", "--data-dir", str(content_dir)]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0] == {
        "id": "lines", "name": "Test lines", "category": "cosmetic", "status": "approved",
        "first_us_approval": 2002, "products": ["TESTOX"], "areas": ["forehead"],
        "offered_at_clinic": True, "sources": ["label-a"],
    }
    assert records[1]["first_us_approval"] is None


def test_export_csv_to_a_file(content_dir, tmp_path):
    target = tmp_path / "uses.csv"
    assert main(["export", "--format", "csv", "--data-dir", str(content_dir), "--output", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text())))
    assert [row["id"] for row in rows] == ["lines", "bladder-test", "mood"]
    assert rows[2]["status"] == "investigational"


def test_runs_as_a_module_on_the_project_data():
    result = subprocess.run(
        [sys.executable, "-m", "botox_explorer.content", "check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "content OK" in result.stdout


def test_help_names_the_command_and_its_subcommands(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m botox_explorer.content")
    assert "validate the content; exit 1 with one line a problem" in out
    assert "write every use as JSON or CSV" in out


@pytest.mark.parametrize("arguments", [[], ["export", "--format", "xml"], ["publish"]])
def test_a_wrong_command_line_exits_with_usage(arguments, capsys):
    with pytest.raises(SystemExit) as exited:
        main(arguments)
    assert exited.value.code == 2
    assert "usage: python -m botox_explorer.content" in capsys.readouterr().err


def test_check_and_export_read_the_project_data_by_default(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.endswith(f"content OK in {DATA_DIR}\n")
    assert main(["export"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(load_content().uses)


def test_export_writes_utf8(content_dir, tmp_path):
    replace_in(content_dir, "uses.yaml", "name: {en: Test lines}", "name: {en: Líneas}")
    target = tmp_path / "uses.json"
    assert main(["export", "--data-dir", str(content_dir), "--output", str(target)]) == 0
    assert '"name": "Líneas"'.encode() in target.read_bytes()
