from botox_explorer.content import load_content
from botox_explorer.tables import uses_frame


def test_one_row_a_use_with_filterable_columns(content_dir):
    frame = uses_frame(load_content(content_dir))
    assert list(frame["id"]) == ["lines", "bladder-test", "mood"]
    assert list(frame["category"]) == ["cosmetic", "medical", "psychological"]
    assert frame.loc[0, "products"] == ("TESTOX",)
    assert bool(frame.loc[0, "offered_at_clinic"]) is True
    assert "forehead" in frame.loc[0, "search_text"]
    assert frame["first_us_approval"].isna().tolist() == [False, True, True]
