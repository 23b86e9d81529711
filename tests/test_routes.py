"""Every address the project builds, from the one module that declares them."""

import ast
import re
from pathlib import Path

import pytest

from botox_explorer import routes
from botox_explorer.routes import (
    GUIDE_TOPICS,
    PAGES,
    Param,
    dashboard_view,
    guide_file,
    guide_link,
    hand_off_address,
    language_file,
    location_anchor,
    page_address,
    query,
    use_file,
    with_language,
)

ROOT = Path(__file__).resolve().parents[1]


def test_each_page_is_its_script_in_its_section_folder():
    assert [page.script for page in PAGES] == [
        "pages/learn/home.py", "pages/learn/explore.py", "pages/learn/how_it_works.py", "pages/learn/history.py",
        "pages/learn/safety.py", "pages/learn/glossary.py", "pages/visit/before_your_visit.py",
        "pages/visit/locations.py", "pages/consult/consultation.py"]
    assert all((ROOT / page.script).is_file() for page in PAGES)


def test_home_is_the_root_and_every_other_page_its_name():
    assert [page.address for page in PAGES] == ["", "explore", "how_it_works", "history", "safety", "glossary",
                                                "before_your_visit", "locations", "consultation"]


def test_a_page_address_carries_its_query_in_order():
    assert page_address("explore") == "explore"
    assert page_address("home", {"lang": ["es"]}) == "?lang=es"
    assert page_address("explore", {"category": ["cosmetic", "medical"], "q": ["crow's feet"]}) == (
        "explore?category=cosmetic&category=medical&q=crow%27s%20feet")
    with pytest.raises(KeyError):
        page_address("nowhere")


def test_a_query_keeps_commas_and_escapes_the_rest():
    assert query({"topics": ["a,b"], "q": ["x&y=1"]}) == "topics=a,b&q=x%26y%3D1"
    assert query({}) == ""


def test_the_language_comes_last_and_replaces_one_given():
    assert with_language({"use": ["x"], "lang": ["en"]}, "es") == {"use": ["x"], "lang": ["es"]}
    assert list(with_language({"use": ("x",)}, "en")) == ["use", "lang"]


def test_english_guide_pages_sit_at_the_root_and_spanish_ones_in_their_folder():
    assert language_file("uses/achalasia.html", "en") == "uses/achalasia.html"
    assert language_file("uses/achalasia.html", "es") == "es/uses/achalasia.html"
    assert use_file("achalasia") == "uses/achalasia.html"
    assert location_anchor("del-mar") == "locations.html#del-mar"


def test_each_dashboard_page_has_its_guide_page():
    assert {page.name: guide_file(page.name) for page in PAGES} == {
        "home": "index.html", "explore": "index.html", "how_it_works": "how-it-works.html",
        "history": "history.html", "safety": "safety.html", "glossary": "glossary.html",
        "before_your_visit": "before-your-visit.html", "locations": "locations.html",
        "consultation": "index.html"}
    assert guide_file("explore", "achalasia") == "uses/achalasia.html"


def test_a_dashboard_page_links_to_its_guide_page_in_its_language():
    assert guide_link("safety", "en") == "guide/safety.html"
    assert guide_link("explore", "es", "achalasia") == "guide/es/uses/achalasia.html"


def test_a_guide_page_links_to_the_same_view_of_the_dashboard_in_its_language():
    assert dashboard_view("index.html", "en") == "?lang=en"
    assert dashboard_view("products.html", "es") == "history?lang=es"
    assert dashboard_view("uses/achalasia.html", "es", "achalasia") == "explore?use=achalasia&lang=es"


def test_every_guide_topic_is_a_distinct_file_of_a_dashboard_page():
    files = [topic.file for topic in GUIDE_TOPICS]
    assert len(set(files)) == len(files) == len({topic.name for topic in GUIDE_TOPICS})
    assert {topic.dashboard_page for topic in GUIDE_TOPICS} <= {page.name for page in PAGES}


def test_parameter_names_are_distinct():
    names = [value for key, value in vars(Param).items() if not key.startswith("_")]
    assert len(names) == len(set(names)) == 11


PACKAGE_FILES = sorted(p for p in (ROOT / "botox_explorer").rglob("*.py") if p.name != "routes.py")
DECLARED = {page.name for page in PAGES if page.name != "home"} | {
    value for key, value in vars(Param).items() if not key.startswith("_")} | {
    topic.file for topic in GUIDE_TOPICS} | {routes.GUIDE_FOLDER, routes.GUIDE_START}
# Names that are also ordinary words of the code (a catalogue section, a content field, an asset's name).
PLAIN_WORDS = {"history", "safety", "glossary", "locations", "use", "area", "status", "category", "step",
               "consultation", "q", "guide"}
# A file named like a page that is not one: (module, name, what it is).
NOT_ADDRESSES = {("guide/build.py", "page.html"),  # the guide's template
                 ("ui/launch.py", "index.html")}  # Streamlit's own page


def string_constants(path: Path) -> set[str]:
    """The strings a module spells out in its code (docstrings and catalogue keys are not addresses)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef) and node.body
                  and isinstance(node.body[0], ast.Expr)}
    return {node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings}


@pytest.mark.parametrize("path", PACKAGE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_but_routes_spells_out_a_page_parameter_or_guide_file(path):
    module = str(path.relative_to(ROOT / "botox_explorer"))
    strings = {value for value in string_constants(path) if (module, value) not in NOT_ADDRESSES}
    spelled = {value for value in strings if value in DECLARED - PLAIN_WORDS or re.fullmatch(r"[a-z_-]+\.html", value)}
    assert not spelled, f"{path.relative_to(ROOT)} spells out {sorted(spelled)}: use botox_explorer.routes"


def test_the_hand_off_opens_the_guides_page_of_the_topics_in_the_consultations_language():
    assert hand_off_address("https://c.example", ["frown-lines", "crows-feet"], "en") == (
        "https://c.example/guide/topics.html?topics=frown-lines,crows-feet")
    assert hand_off_address("https://c.example/app", ["frown-lines"], "es") == (
        "https://c.example/app/guide/es/topics.html?topics=frown-lines")
    assert hand_off_address("https://c.example", ["a&b=c d"], "en").endswith("?topics=a%26b%3Dc%20d")
