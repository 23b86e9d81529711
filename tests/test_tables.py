from botox_explorer.content import load_content
from botox_explorer.tables import USE_COLUMNS, uses_frame
from tests.helpers import replace_in


def test_one_row_a_use_with_filterable_columns(content_dir):
    frame = uses_frame(load_content(content_dir))
    assert list(frame.columns) == USE_COLUMNS
    assert frame.to_dict(orient="records")[0] == {
        "id": "lines", "name": "Test lines", "category": "cosmetic", "status": "approved",
        "first_us_approval": 2002, "products": ("TESTOX",), "areas": ("forehead",), "offered_at_clinic": True,
        "treated_by": "", "summary": "Softens test lines.", "sources": ("label-a",),
    }
    assert list(frame["id"]) == ["lines", "bladder-test", "mood"]
    assert frame.loc[1, "treated_by"] == "A urologist"
    assert frame["first_us_approval"].isna().tolist() == [False, True, True]


def test_texts_come_in_the_language_asked_for_with_english_as_fallback(content_dir):
    replace_in(content_dir, "uses.yaml", "name: {en: Test lines}", "name: {en: Test lines, es: Líneas de prueba}")
    replace_in(content_dir, "uses.yaml", "summary: {en: Softens test lines.}",
               "summary: {en: Softens test lines., es: Suaviza las líneas.}")
    replace_in(content_dir, "uses.yaml", "treated_by: {en: A urologist}", "treated_by: {en: A urologist, es: Urólogo}")
    frame = uses_frame(load_content(content_dir), "es")
    first = frame.iloc[0]
    assert (first["name"], first["summary"]) == ("Líneas de prueba", "Suaviza las líneas.")
    assert frame.iloc[1]["treated_by"] == "Urólogo"
    assert frame.iloc[2]["name"] == "Test mood"  # no Spanish yet: English
