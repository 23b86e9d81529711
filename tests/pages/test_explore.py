"""The explorer, driven as a visitor would: filters, search, the detail view, deep links."""

import csv
import io
import json

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from botox_explorer.decisions import key_points
from botox_explorer.presenting import approval_source_ids
from botox_explorer.ui import explorer
from botox_explorer.ui.explorer import PAGE_SIZE
from botox_explorer.ui.focus import FOCUS_SCRIPT

from .helpers import chart_alts, open_page, popovers, texts


@pytest.fixture(autouse=True)
def _content(real_content):
    """The tests below read the real content as CONTENT, loaded once by a fixture (not at collection)."""
    global CONTENT, TOTAL
    CONTENT, TOTAL = real_content, len(real_content.uses)


def ids_where(**conditions) -> list[str]:
    return [u.id for u in CONTENT.uses.values() if all(getattr_path(u, k) in v for k, v in conditions.items())]


def getattr_path(use, name):
    return use.status.kind if name == "status" else getattr(use, name)


def shown_count(app) -> int:
    [line] = [h.value for h in app.header if "uses shown" in h.value]
    return int(line.split()[0])


def card_titles(app) -> list[str]:
    cards = [m.value for m in app.markdown if m.value.startswith("### ")]
    return [card.split("\n\n")[0].removeprefix("### ").replace("\\", "") for card in cards]


def show_all(app):
    """Press "Show more uses" until every matching card is on the page."""
    while more := [b for b in app.button if b.label.startswith("Show more uses")]:
        more[0].click().run()
    return app


def status_badges(app) -> list[str]:
    return [m.value.replace("\\", "") for m in app.markdown if "-background[" in m.value]


def link(app, name: str) -> list[str]:
    """The values of one URL query parameter as the app set it."""
    value = app.query_params.get(name, [])
    return value if isinstance(value, list) else [value]


@pytest.mark.parametrize("category", ["cosmetic", "medical", "psychological"])
def test_each_category_shows_its_uses_each_with_a_status(category):
    app = open_page("explore")
    assert shown_count(app) == TOTAL
    show_all(app.button_group(key="f_category").set_value([category]).run())
    expected = [CONTENT.uses[i].name["en"] for i in ids_where(category={category})]
    assert sorted(card_titles(app)) == sorted(expected)
    assert shown_count(app) == len(expected)
    assert len(status_badges(app)) == len(expected)
    assert link(app, "category") == [category]


def test_approved_cards_name_the_product_and_year():
    app = open_page("explore", category="cosmetic", status="approved")
    badges = status_badges(app)
    assert badges and all("FDA-approved (BOTOX Cosmetic" in b and "first US approval 20" in b for b in badges)


def test_combined_filters_and_their_link():
    app = open_page("explore")
    app.button_group(key="f_category").set_value(["medical"]).run()
    app.button_group(key="f_status").set_value(["off-label"]).run()
    expected = [CONTENT.uses[i].name["en"] for i in ids_where(category={"medical"}, status={"off-label"})]
    assert sorted(card_titles(app)) == sorted(expected)
    assert link(app, "status") == ["off-label"]


def test_search_finds_sweating_uses():
    app = open_page("explore")
    app.text_input(key="f_query").input("sweat").run()
    titles = " ".join(card_titles(app)).lower()
    assert "underarm" in titles and "palms" in titles
    assert shown_count(app) < TOTAL
    assert link(app, "q") == ["sweat"]


def test_area_and_clinic_filters():
    app = open_page("explore")
    app.button_group(key="f_area").set_value(["bladder"]).run()
    bladder_uses = {u.name["en"] for u in CONTENT.uses.values() if "bladder" in u.areas}
    assert set(card_titles(app)) == bladder_uses
    app.button_group(key="f_area").set_value([]).run()
    app.toggle(key="f_offered").set_value(True).run()
    offered = [u.name["en"] for u in CONTENT.uses.values() if u.offered_at]
    assert sorted(card_titles(app)) == sorted(offered)


def test_read_more_opens_the_detail_and_back_closes_it():
    app = open_page("explore", category="medical")
    app.button(key="open-chronic-migraine").click().run()
    assert app.header[0].value.replace("\\", "") == CONTENT.uses["chronic-migraine"].name["en"]
    label, sources = next((label, text) for label, text in popovers(app) if label.startswith("Sources ("))
    use = CONTENT.uses["chronic-migraine"]
    points = [s for point in key_points(use, CONTENT) for s in point.source_ids]
    cited = {*use.sources, *approval_source_ids(use, CONTENT), *points}
    assert label.startswith(f"Sources ({len(cited)})")
    listed = sources.split("**Sources**\n\n", 1)[1]
    assert listed.count("\n") + 1 == len(cited)
    assert CONTENT.sources["botox-label"].title.replace(".", "") in sources.replace("\\", "").replace(".", "")
    assert link(app, "use") == ["chronic-migraine"]
    [back] = [b for b in app.button if b.label == "Back to all uses"]
    back.click().run()
    assert "use" not in app.query_params


def test_deep_link_reproduces_filters_and_open_use():
    app = open_page("explore", category=["medical", "cosmetic"], status="approved", area="bladder",
                    q="bladder", use="overactive-bladder")
    assert app.button_group(key="f_category").value == ["cosmetic", "medical"]
    assert app.button_group(key="f_status").value == ["approved"]
    assert app.button_group(key="f_area").value == ["bladder"]
    assert app.text_input(key="f_query").value == "bladder"
    assert app.header[0].value.replace("\\", "") == CONTENT.uses["overactive-bladder"].name["en"]
    expected = [CONTENT.uses[i].name["en"] for i in ids_where(category={"medical", "cosmetic"}, status={"approved"})
                if "bladder" in CONTENT.uses[i].areas and "bladder" in CONTENT.uses[i].name["en"].lower()]
    assert expected and sorted(card_titles(app)) == sorted(expected)


@pytest.mark.parametrize(
    "query",
    [
        {"category": ["<script>alert(1)</script>", "medical"]},
        {"status": "approved'; DROP TABLE uses;--", "area": "../../etc/passwd"},
        {"use": "no-such-use", "offered": "yes"},
        {"q": "x" * 5000},
        {"q": "\x00\u202e[link](javascript:alert(1))"},
    ],
)
def test_hostile_or_unknown_link_values_fall_back_gently(query):
    app = open_page("explore", **query)
    page = texts(app)
    assert "uses shown" in page
    assert "javascript:alert" not in "".join(m.value for m in app.markdown if "](" in m.value)
    if "q" not in query:
        assert "that we do not have" in page


def test_unknown_value_is_dropped_and_known_one_kept():
    app = open_page("explore", category=["nonsense", "medical"])
    assert app.button_group(key="f_category").value == ["medical"]
    assert link(app, "category") == ["medical"]


@pytest.fixture
def downloads(monkeypatch):
    """The data behind every download button the app draws, by file name (built when asked, as on a click)."""
    made: dict[str, object] = {}
    register = MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **options):
        made[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name=file_name, **options)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return made


def test_downloads_hold_exactly_the_filtered_uses(downloads):
    app = open_page("explore")
    app.button_group(key="f_category").set_value(["medical"]).run()
    app.button_group(key="f_status").set_value(["approved"]).run()
    expected = ids_where(category={"medical"}, status={"approved"})
    from_csv = list(csv.DictReader(io.StringIO(downloads["botox-explorer-uses.csv"]())))
    from_json = json.loads(downloads["botox-explorer-uses.json"]())
    assert [row["id"] for row in from_csv] == expected
    assert [row["id"] for row in from_json] == expected
    assert {row["category"] for row in from_json} == {"medical"}
    assert {row["status"] for row in from_csv} == {"approved"}
    assert [b.proto.label for b in app.get("download_button")] == ["Download CSV", "Download JSON"]


def test_effect_chart_follows_the_filters():
    app = open_page("explore", category="psychological")
    assert "Our sources give no timing for" in texts(app).replace("\\", "")
    assert "How the effect builds and wears off" not in chart_alts(app)
    app = open_page("explore", category="medical")
    on_first_page = [CONTENT.uses[i] for i in ids_where(category={"medical"})][:PAGE_SIZE]
    timed = [u for u in on_first_page if u.timing.stages]  # a use known only by its retreatment interval too
    assert [u for u in timed if not u.timing.onset], "this test needs a medical use timed without an onset"
    assert [u for u in timed if u.timing.stages[0][0] == "repeat"], "and one known only by its interval"
    alt = chart_alts(app)["How the effect builds and wears off"]
    assert all(f"{u.name['en']}: " in alt for u in timed)
    untimed = [u for u in on_first_page if u not in timed]
    assert not any(f"{u.name['en']}: " in alt for u in untimed)


def test_cards_come_a_page_at_a_time_and_a_new_filter_starts_at_the_first_page():
    app = open_page("explore")
    assert len(card_titles(app)) == PAGE_SIZE
    assert [b.label for b in app.button if b.label.startswith("Show more")] == [
        f"Show more uses ({TOTAL - PAGE_SIZE} more)"
    ]
    show_all(app)
    assert len(card_titles(app)) == TOTAL
    medical = ids_where(category={"medical"})
    assert len(medical) > PAGE_SIZE, "this test needs a filter with more than one page of results"
    app.button_group(key="f_category").set_value(["medical"]).run()
    assert sorted(card_titles(app)) == sorted(CONTENT.uses[i].name["en"] for i in medical[:PAGE_SIZE])
    assert [b.label for b in app.button if b.label.startswith("Show more")] == [
        f"Show more uses ({len(medical) - PAGE_SIZE} more)"
    ]


def test_choosing_an_area_by_its_number_filters_and_marks_it_on_the_drawing():
    app = open_page("explore")
    assert not chart_alts(app)["Where treatments are given: body"].endswith("Chosen: Bladder.")
    app.button_group(key="f_area").set_value(["bladder"]).run()
    assert chart_alts(app)["Where treatments are given: body"].endswith("Chosen: Bladder.")
    assert "Chosen" not in chart_alts(app)["Where treatments are given: face and neck"]
    assert set(card_titles(app)) == {u.name["en"] for u in CONTENT.uses.values() if "bladder" in u.areas}
    assert link(app, "area") == ["bladder"]


def search(app, query: str):
    app.text_input(key="f_query").input(query).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_the_count_of_a_search_shows_under_the_box_and_the_best_match_first():
    app = search(open_page("explore"), "crow’s feet")
    assert [c.value for c in app.caption][:1] == ["1 use matches “crow’s feet”"]
    assert card_titles(app) == ["Crow's feet at the corners of the eyes"]
    app = search(app, "teeth")
    assert app.caption[0].value == "3 uses match “teeth”"
    assert card_titles(app)[0] == "Teeth grinding and jaw pain (TMD)"


def test_a_search_stays_and_with_the_other_filters():
    app = search(open_page("explore", category="medical"), "sweat")
    assert card_titles(app) == ["Severe underarm sweating (axillary hyperhidrosis)", "Sweaty palms and soles"]
    assert app.caption[0].value == "2 uses match “sweat”"


def test_a_search_that_finds_nothing_says_so_and_opens_the_nearest_use():
    app = search(open_page("explore"), "mygrane headake")
    assert [w.value.replace("\\", "") for w in app.warning] == [
        "No use matches “mygrane headake”. Check the spelling, or try other words."]
    assert [i.icon for i in app.info] == [":material/medical_services:"]  # the reminder; no second "no match"
    nearest = [b for b in app.button if b.key and b.key.startswith("nearest_")]
    assert [b.label.replace("\\", "") for b in nearest] == ["Chronic migraine",
                                          "Episodic migraine (fewer than 15 headache days a month)",
                                          "Neck muscle spasms (cervical dystonia)"]
    nearest[0].click().run()
    assert link(app, "use") == ["chronic-migraine"]


def test_a_search_the_other_filters_hide_suggests_its_matches():
    app = search(open_page("explore", category="cosmetic"), "migraine")
    assert card_titles(app) == []
    assert [b.key for b in app.button if b.key and b.key.startswith("nearest_")] == [
        "nearest_chronic-migraine", "nearest_episodic-migraine"]


def test_the_search_reads_spanish_words_and_answers_in_spanish():
    app = search(open_page("explore", lang="es"), "migraña")
    assert app.caption[0].value == "2 usos coinciden con “migraña”"
    app = search(app, "zzzz")
    assert [w.value.replace("\\", "") for w in app.warning] == [
        "Ningún uso coincide con “zzzz”. Revise cómo lo escribió o pruebe otras palabras."]


def test_a_hostile_search_is_shown_as_text():
    app = search(open_page("explore"), "<b>*bold*</b> [x](javascript:y)")
    assert app.warning[0].value.startswith("No use matches “b bold /b x javascript y”")


# --- the browser's Back and Forward, and what a click brings into view ------------------------------------------


def back_to(app, monkeypatch, history: bool = True, **query: str | list[str]):
    """Rerun ``app`` as the browser does after Back or Forward: with the address it goes to (and Streamlit's flag)."""
    monkeypatch.setattr(explorer, "is_history_navigation", lambda: history)
    app.query_params.clear()
    for name, value in query.items():
        app.query_params[name] = value
    return app.run()


def test_back_sets_the_filters_and_the_open_use_from_the_address(monkeypatch):
    app = open_page("explore", category="medical")
    app.button_group(key="f_category").set_value(["cosmetic", "medical"]).run()
    app.button(key="open-frown-lines").click().run()
    assert link(app, "use") == ["frown-lines"]
    back_to(app, monkeypatch, category=["cosmetic", "medical"], lang="en")
    assert app.session_state["open_use"] is None
    assert not any(h.value.startswith("Frown") for h in app.header)
    back_to(app, monkeypatch, category="medical", lang="en")
    assert app.button_group(key="f_category").value == ["medical"]
    assert link(app, "category") == ["medical"] and link(app, "use") == []
    back_to(app, monkeypatch, category=["cosmetic", "medical"], use="frown-lines", lang="en")  # Forward
    assert app.button_group(key="f_category").value == ["cosmetic", "medical"]
    assert app.header[0].value.replace("\\", "") == CONTENT.uses["frown-lines"].name["en"]


def test_a_click_that_arrives_with_an_older_address_is_kept(monkeypatch):
    """The second click was sent before the browser had the address the first one's run wrote."""
    app = open_page("explore", category="medical")
    app.button_group(key="f_category").set_value(["cosmetic", "medical"]).run()
    app.button_group(key="f_category").set_value(["cosmetic", "medical", "psychological"])
    back_to(app, monkeypatch, history=False, category="medical", lang="en")
    assert app.button_group(key="f_category").value == ["cosmetic", "medical", "psychological"]
    assert link(app, "category") == ["cosmetic", "medical", "psychological"]


def focus_marks(app) -> list[str]:
    """What the page asks the browser to bring into view after this run (the marks before the focus script)."""
    return [html.proto.body.split("<script>")[0] for html in app.get("html") if FOCUS_SCRIPT in html.proto.body]


def test_read_more_brings_the_detail_into_view_and_closing_returns_to_the_card():
    app = open_page("explore", use="depression")
    assert focus_marks(app) == []  # landing on a link: the detail is already first
    app.button(key="open-frown-lines").click().run()
    assert focus_marks(app) == ['<span hidden data-for="frown-lines" data-heading="use-detail"></span>']
    app.button_group(key="f_status").set_value(["approved"]).run()
    assert focus_marks(app) == []  # a filter change leaves the view where it is
    [back] = [b for b in app.button if b.label == "Back to all uses"]
    back.click().run()
    assert focus_marks(app) == ['<span hidden data-for="frown-lines" data-button="open-frown-lines"></span>']


def test_a_link_notice_shows_once_in_plain_words():
    app = open_page("explore", area=["elbow", "knee"], use="no-such-use")
    assert [alert.value for alert in app.info if alert.value.startswith("This link")] == [
        "This link asked for a body area that we do not have, so we left it out\\. "
        "This link asked for a use that we do not have, so we left it out\\."]
    assert len(app.toast) == 0


def test_a_qr_link_names_its_topics_and_how_to_see_all():
    app = open_page("explore", topics="crows-feet,chronic-migraine", lang="es")
    names = [CONTENT.uses[use_id].name["es"] for use_id in ("crows-feet", "chronic-migraine")]
    [box] = [m.value.replace("\\", "") for m in app.markdown if "Se muestran los 2 temas" in m.value]
    assert all(name.replace("\\", "") in box for name in names) and "Ver todos los usos" in box
    assert [e.proto.expanded for e in app.expander if e.label.startswith("Zonas")] == [False]
