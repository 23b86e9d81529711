import csv
import io
import json
import subprocess
import sys

from botox_explorer.content.__main__ import main


def test_check_passes_with_a_count_per_file(content_dir, capsys):
    assert main(["check", str(content_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "sources.yaml: 2 records", "areas.yaml: 2 records", "uses.yaml: 3 records", "history.yaml: 1 records",
        "products.yaml: 1 records", "myths.yaml: 1 records", "safety.yaml: 3 records", "statistics.yaml: 2 records",
        "clinic.yaml: 1 records", "site.yaml: 5 records", f"content OK in {content_dir}",
    ]


def test_check_fails_with_one_line_a_problem(content_dir, capsys):
    uses = content_dir / "uses.yaml"
    uses.write_text(uses.read_text().replace("category: cosmetic", "category: beauty"))
    (content_dir / "myths.yaml").write_text("")
    assert main(["check", str(content_dir)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0].startswith("uses.yaml, record 'lines', field 'category'")
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
