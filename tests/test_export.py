import csv
import io
import json

import pytest

from botox_explorer.content import load_content
from botox_explorer.export import export_uses
from botox_explorer.tables import uses_frame


@pytest.fixture
def frame(content_dir):
    return uses_frame(load_content(content_dir))


def test_json_and_csv_hold_the_same_rows(frame):
    from_json = json.loads(export_uses(frame, "json"))
    from_csv = list(csv.DictReader(io.StringIO(export_uses(frame, "csv"))))
    assert [r["id"] for r in from_json] == [r["id"] for r in from_csv]
    assert from_csv[0]["products"] == "TESTOX"


def test_export_follows_the_filtered_frame(frame):
    only_medical = frame[frame["category"] == "medical"]
    assert [r["id"] for r in json.loads(export_uses(only_medical, "json"))] == ["bladder-test"]


def test_csv_defuses_spreadsheet_formulas(frame):
    hostile = frame.copy()
    hostile.loc[0, "name"] = "=HYPERLINK(\"http://evil\")"
    row = next(csv.DictReader(io.StringIO(export_uses(hostile, "csv"))))
    assert row["name"].startswith("'=")


def test_unknown_format(frame):
    with pytest.raises(ValueError):
        export_uses(frame, "xml")
