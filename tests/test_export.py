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


def test_csv_is_one_plain_line_a_use(frame):
    assert export_uses(frame, "csv").splitlines(keepends=True) == [
        "id,name,category,status,first_us_approval,products,areas,offered_at_clinic,sources\n",
        "lines,Test lines,cosmetic,approved,2002,TESTOX,forehead,True,label-a\n",
        "bladder-test,Test bladder,medical,off-label,,,bladder,False,paper-b\n",
        "mood,Test mood,psychological,investigational,,,forehead,False,paper-b\n",
    ]


def test_json_is_readable_with_lists_as_lists_and_accents_kept(frame):
    accented = frame.copy()
    accented.loc[0, "name"] = "Líneas de expresión"
    text = export_uses(accented.iloc[:1], "json")
    assert text.startswith('[\n  {\n    "id": "lines",\n    "name": "Líneas de expresión",')
    assert json.loads(text) == [{
        "id": "lines", "name": "Líneas de expresión", "category": "cosmetic", "status": "approved",
        "first_us_approval": 2002, "products": ["TESTOX"], "areas": ["forehead"], "offered_at_clinic": True,
        "sources": ["label-a"],
    }]


def test_lists_in_a_csv_cell_are_joined(frame):
    several = frame.copy()
    several.at[0, "areas"] = ("forehead", "bladder")
    row = next(csv.DictReader(io.StringIO(export_uses(several, "csv"))))
    assert row["areas"] == "forehead; bladder"


def test_export_follows_the_filtered_frame(frame):
    only_medical = frame[frame["category"] == "medical"]
    assert [r["id"] for r in json.loads(export_uses(only_medical, "json"))] == ["bladder-test"]


@pytest.mark.parametrize("formula", ['=HYPERLINK("http://evil")', "+1", "-1", "@SUM(A1)", "\tx"])
def test_csv_defuses_spreadsheet_formulas(frame, formula):
    hostile = frame.copy()
    hostile.loc[0, "name"] = formula
    row = next(csv.DictReader(io.StringIO(export_uses(hostile, "csv"), newline="")))
    assert row["name"] == "'" + formula


def test_unknown_format(frame):
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        export_uses(frame, "xml")


def test_a_spanish_list_keeps_the_columns_and_codes_and_names_each_use_in_spanish(real_content):
    english, spanish = (export_uses(uses_frame(real_content, language), "csv") for language in ("en", "es"))
    english_rows, spanish_rows = (list(csv.DictReader(io.StringIO(text))) for text in (english, spanish))
    assert english.splitlines()[0] == spanish.splitlines()[0]
    assert [(row["id"], row["category"], row["status"]) for row in spanish_rows] == [
        (row["id"], row["category"], row["status"]) for row in english_rows]
    assert [row["name"] for row in spanish_rows] == [use.name["es"] for use in real_content.uses.values()]
    assert spanish_rows[0]["name"] != english_rows[0]["name"]
