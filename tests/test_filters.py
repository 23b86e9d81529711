import pytest

from botox_explorer.content import load_content
from botox_explorer.filters import Filters, ParsedLink, apply_filters, link_params, normalize_query, parse_link
from botox_explorer.search import SearchIndex
from botox_explorer.tables import uses_frame
from tests.helpers import english_left

AREAS = ("forehead", "bladder")
USES = ("lines", "bladder-test", "mood")


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


@pytest.fixture
def frame(content):
    return uses_frame(content)


@pytest.fixture
def index(content):
    return SearchIndex.from_content(content)


def test_no_filter_shows_everything(frame, index):
    assert list(apply_filters(frame, Filters(), index)["id"]) == list(USES)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(categories=("medical",)), ["bladder-test"]),
        (Filters(categories=("cosmetic", "psychological")), ["lines", "mood"]),
        (Filters(statuses=("approved", "investigational")), ["lines", "mood"]),
        (Filters(areas=("forehead",)), ["lines", "mood"]),
        (Filters(areas=("bladder",)), ["bladder-test"]),
        (Filters(areas=("bladder", "forehead")), ["lines", "bladder-test", "mood"]),
        (Filters(categories=("medical", "psychological"), areas=("forehead", "bladder")), ["bladder-test", "mood"]),
        (Filters(statuses=("off-label",)), ["bladder-test"]),
        (Filters(offered_only=True), ["lines"]),
        (Filters(query="TEST  Bladder"), ["bladder-test"]),
        (Filters(query="forehead lines"), ["lines"]),
        (Filters(categories=("medical",), statuses=("approved",)), []),
    ],
)
def test_filters_combine(frame, index, filters, expected):
    assert list(apply_filters(frame, filters, index)["id"]) == expected


def test_search_text_is_literal_not_a_pattern(frame, index):
    assert apply_filters(frame, Filters(query=".*"), index).empty
    assert apply_filters(frame, Filters(query="("), index).empty


def test_link_round_trip():
    filters = Filters(categories=("medical",), statuses=("off-label",), areas=("bladder",), offered_only=True,
                      query="leaks", open_use="bladder-test")
    parsed = parse_link(link_params(filters), AREAS, USES)
    assert parsed.filters == filters
    assert parsed.notices == ()


def test_empty_filters_make_an_empty_link():
    assert link_params(Filters()) == {}


def test_unknown_values_are_dropped_with_notices():
    parsed = parse_link(
        {"category": ["medical", "beauty", "medical"], "area": ["elbow"], "use": ["nope"], "offered": ["yes"]},
        AREAS, USES,
    )
    assert parsed.filters == Filters(categories=("medical",))
    assert parsed.notices == (
        "This link asked for a kind of use that we do not have, so we left it out.",
        "This link asked for a body area that we do not have, so we left it out.",
        "This link asked for a clinic filter that we do not have, so we left it out.",
        "This link asked for a use that we do not have, so we left it out.",
    )



def test_oversized_and_control_characters_are_tamed():
    parsed = parse_link({"q": ["a\x00b\u202e " + "x" * 500], "status": ["approved"] * 10_000}, AREAS, USES)
    assert len(parsed.filters.query) <= 100
    assert "\x00" not in parsed.filters.query
    assert parsed.filters.statuses == ("approved",)
    assert "Your search was very long, so we kept its first 100 characters." in parsed.notices


def test_normalize_query():
    assert normalize_query("  Crow's   FEET\t") == "crow's feet"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(categories=("cosmetic",), areas=("forehead",)), ["lines"]),
        (Filters(categories=("medical",), offered_only=True), []),
        (Filters(categories=("medical",), query="test"), ["bladder-test"]),
        (Filters(statuses=("investigational",), query="test"), ["mood"]),
        (Filters(query="test bladder lines"), []),
    ],
)
def test_every_filter_narrows_what_the_others_left(frame, index, filters, expected):
    assert list(apply_filters(frame, filters, index)["id"]) == expected


def test_repeated_keys_take_the_first_value():
    parsed = parse_link({"offered": ["1", "1"], "q": ["first", "second"], "use": ["lines", "nope"]}, AREAS, USES)
    assert parsed.filters == Filters(offered_only=True, query="first", open_use="lines")
    assert parsed.notices == ()


def test_each_unknown_part_is_named_once_in_a_visitors_words():
    parsed = parse_link({"status": ["approved", "sort-of"], "area": ["elbow", "knee"]}, AREAS, USES)
    assert parsed.notices == ("This link asked for a status that we do not have, so we left it out.",
                              "This link asked for a body area that we do not have, so we left it out.")


def test_a_search_of_exactly_the_longest_length_is_kept_whole():
    parsed = parse_link({"q": ["x" * 100]}, AREAS, USES)
    assert parsed.filters.query == "x" * 100
    assert parsed.notices == ()


def test_the_notices_read_in_spanish_and_name_no_parameter():
    parsed = parse_link({"category": ["beauty"], "area": ["elbow", "knee"], "offered": ["yes"], "q": ["x" * 101],
                         "topics": ["lines,nope"]}, AREAS, USES, language="es")
    assert parsed.filters == Filters(query="x" * 100, topics=("lines",))
    assert parsed.notices == (
        "Este enlace pedía un tipo de uso que no tenemos; esa parte se dejó fuera.",
        "Este enlace pedía una zona del cuerpo que no tenemos; esa parte se dejó fuera.",
        "Este enlace pedía un filtro de la clínica que no tenemos; esa parte se dejó fuera.",
        "Su búsqueda era muy larga; usamos sus primeros 100 caracteres.",
        "Este enlace pedía un tema que no tenemos; esa parte se dejó fuera.",
    )
    assert not any(name in " ".join(parsed.notices) for name in ("'", "category", "topics", "offered"))
    assert english_left(" ".join(parsed.notices), "filters") == []


def test_an_unknown_language_gives_the_english_notices():
    assert parse_link({"area": ["elbow"]}, AREAS, USES, language="xx").notices == (
        "This link asked for a body area that we do not have, so we left it out.",)


def test_a_search_lists_the_best_match_first_not_in_the_tables_order(real_content):
    index = SearchIndex.from_content(real_content)
    found = apply_filters(uses_frame(real_content), Filters(query="wrinkles"), index)
    assert list(found["id"]) == ["frown-lines", "crows-feet", "forehead-lines"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(topics=("mood", "lines")), ["lines", "mood"]),
        (Filters(topics=("lines",), categories=("medical",)), []),
        (Filters(topics=("bladder-test", "mood"), areas=("forehead",)), ["mood"]),
    ],
)
def test_a_links_topics_show_only_those_uses(frame, index, filters, expected):
    assert list(apply_filters(frame, filters, index)["id"]) == expected


def test_a_link_with_topics_round_trips_in_the_short_form():
    filters = Filters(topics=("mood", "lines"))
    assert link_params(filters) == {"topics": ["mood,lines"]}
    assert parse_link(link_params(filters), AREAS, USES) == ParsedLink(filters)


def test_a_links_values_come_back_in_the_sites_order_so_one_view_has_one_link():
    parsed = parse_link({"area": ["bladder", "forehead"], "category": ["medical", "cosmetic"]}, AREAS, USES)
    assert parsed.filters == Filters(categories=("cosmetic", "medical"), areas=("forehead", "bladder"))
    assert link_params(parsed.filters) == {"category": ["cosmetic", "medical"], "area": ["forehead", "bladder"]}
