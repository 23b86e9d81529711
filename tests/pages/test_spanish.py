"""No mixed pages: every page and its main states, opened with ``lang=es``, hold no English interface text and no
English content text that has a Spanish version; the same pages open in English with ``lang=en``.

What a page shows is every readable string of its elements (text, labels, options, help, placeholders, the text
alternatives and the words drawn in its charts), compared against the English catalogue and the English content.
Source titles and publishers stay as published, so they are left out of the comparison.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import re

import pytest
from google.protobuf.json_format import MessageToDict
from pydantic import BaseModel

from botox_explorer.i18n import catalogue, placeholders
from botox_explorer.models import LANGUAGES
from botox_explorer.ui.language import page_language_script
from botox_explorer.ui.markdown import md
from tests.helpers import english_left

from .helpers import PAGES, open_page

LANGUAGE_BUTTONS = tuple(f"-language-{language}" for language in LANGUAGES)
# The page's language script holds Streamlit's English words on purpose: it finds them by them, to show others.
LANGUAGE_SCRIPTS = {f"<script>{page_language_script(language)}</script>" for language in LANGUAGES}
READABLE_FIELDS = {"body", "content", "label", "help", "placeholder", "value", "text", "alt", "caption"}
SVG_PICTURE = re.compile(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)")
LINK_TARGET = re.compile(r"\]\((?:https?://[^)\s]*|#[\w-]+)\)")  # a source's web address, a jump link's anchor
SVG_WORDS = re.compile(r"<text[^>]*>([^<]*)<")  # the words drawn (a drawing's own <title> is not shown)


def _strings(value, field: str = ""):
    if isinstance(value, dict):
        for name, inner in value.items():
            yield from _strings(inner, name)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner, field)
    elif isinstance(value, str) and field in READABLE_FIELDS:
        yield value
    elif isinstance(value, str) and field == "spec":  # a plotly figure: its title and its hover texts
        figure = json.loads(value)
        yield from _strings({"text": figure["layout"].get("title", {}).get("text", "")})
        for trace in figure["data"]:
            yield from _strings({"text": trace.get("text", [])})


def shown_strings(app, content) -> list[str]:
    """Every readable string on the page, chart pictures replaced by their words, source titles and publishers
    left out (they stay as published), markdown escapes removed."""
    found: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            element = MessageToDict(proto)
            if str(element.get("id", "")).endswith(LANGUAGE_BUTTONS):
                return  # named in the other language on purpose: "English" on a Spanish page
            if element.get("body") in LANGUAGE_SCRIPTS:
                return
            found.extend(_strings(element))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(app._tree)
    published = sorted({form for source in content.sources.values() for name in (source.title, source.publisher)
                        for form in (name, md(name))}, key=len, reverse=True)
    strings = []
    for text in found:
        text = SVG_PICTURE.sub(lambda m: " | ".join(SVG_WORDS.findall(base64.b64decode(m[1]).decode())), text)
        text = LINK_TARGET.sub("]", text)
        for name in published:
            text = text.replace(name, "")
        strings.append(text.replace("\\", ""))
    return strings


def _local_texts(value):
    """Every patient text (a mapping by language) in the content."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    elif dataclasses.is_dataclass(value):
        value = {field.name: getattr(value, field.name) for field in dataclasses.fields(value)}
    if isinstance(value, dict):
        if "en" in value and set(value) <= set(LANGUAGES) and isinstance(value["en"], str):
            yield value
        else:
            for inner in value.values():
                yield from _local_texts(inner)
    elif isinstance(value, list | tuple):
        for inner in value:
            yield from _local_texts(inner)


def english_content(content) -> set[str]:
    """The English texts whose Spanish differs, whole: a page showing one of them shows English content."""
    return {text["en"] for text in _local_texts(content) if text.get("es") and text["es"] != text["en"]}


def english_interface() -> set[str]:
    """The English catalogue texts without placeholders whose Spanish differs: a label shown as it is."""
    english, spanish = catalogue("en"), catalogue("es")
    return {entry for key, entry in english.items()
            if isinstance(entry, str) and not placeholders(entry) and entry != spanish[key]}


def spanish_reference(content) -> str:
    """All the Spanish the dashboard writes, with the names that stay as they are (brands, the clinic's town and
    county): a word Spanish uses too ("off-label") is not English left."""
    spanish = [form for entry in catalogue("es").values()
               for form in (entry.values() if isinstance(entry, dict) else [entry])]
    spanish += [text["es"] for text in _local_texts(content) if text.get("es")]
    spanish += [product.brand for product in content.products.values()]
    spanish += [place for site in content.clinic.locations for place in (site.town, site.county, site.state)]
    return "\n".join(spanish)


def english_on(app, content) -> list[str]:
    """What the page shows in English: whole labels, catalogue phrases, content texts."""
    strings = shown_strings(app, content)
    page = "\n".join(strings)
    labels = english_interface() & {text.strip() for text in strings}
    reference = spanish_reference(content)
    phrases = [phrase for phrase in english_left(page, "") if not english_left_in(phrase, reference)]
    texts = [text for text in english_content(content)
             if english_left_in(text, page) and not english_left_in(text, reference)]
    return sorted(labels) + phrases + sorted(texts)


def english_left_in(phrase: str, text: str) -> bool:
    """``phrase`` in ``text`` as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


# Each main state of every page: (page, address query, action on the opened page).
def choose_visit_items(app):
    app.button_group(key="visit-tell").set_value(["pregnancy"]).run()
    app.button_group(key="visit-ask").set_value(["which-product"]).run()


def search_glossary(app):
    app.text_input(key="glossary_query").input("unidades").run()


def show_map(app):
    app.toggle(key="show_map").set_value(True).run()


STATES = [
    *((page, {}, None) for page in PAGES),
    ("explore", {"use": "chronic-migraine"}, None),
    ("explore", {"category": "medical", "q": "migraña"}, None),
    ("explore", {"topics": "frown-lines,underarm-sweating"}, None),
    ("explore", {"category": "beauty", "area": "moon"}, None),  # notices about a link's unknown values
    ("explore", {"q": "xyz-nothing"}, None),
    ("glossary", {}, search_glossary),
    ("visit", {}, choose_visit_items),
    ("locations", {}, show_map),
    ("consultation", {"topics": ["frown-lines", "chronic-migraine"], "area": "underarms"}, None),
    ("consultation", {"topics": "nowhere", "step": "x"}, None),
    *(("consultation", {"topics": ["frown-lines", "chronic-migraine"], "present": "1", "step": str(step)}, None)
      for step in range(1, 9)),
]


@pytest.mark.parametrize(("page", "query", "action"), STATES,
                         ids=[f"{page}-{'&'.join(query) or 'plain'}-{n}" for n, (page, query, _) in enumerate(STATES)])
def test_a_page_in_spanish_shows_no_english(page, query, action, real_content):
    app = open_page(page, lang="es", **query)
    if action:
        action(app)
        assert not app.exception, [e.value for e in app.exception]
    assert english_on(app, real_content) == []
    assert any(box.value.startswith(md(real_content.site.reminder["es"])) for box in app.info)


@pytest.mark.parametrize("page", PAGES)
def test_a_page_in_english_stays_english(page, real_content):
    app = open_page(page, lang="en")
    assert any(box.value.startswith(md(real_content.site.reminder["en"])) for box in app.info)
    assert app.query_params["lang"] == "en"


def test_the_check_sees_english_left_on_a_spanish_page(real_content):
    """The comparison itself: an English label, phrase or content text among Spanish ones is reported."""
    spanish = open_page("safety", lang="es")
    english = open_page("safety", lang="en")
    assert english_on(english, real_content)
    assert "Safety" in english_on(english, real_content)
    assert english_on(spanish, real_content) == []


def test_switching_language_keeps_the_page_and_its_filters():
    app = open_page("explore", lang="en", category="medical")
    assert app.button(key="language-es").label == "Español"
    app.button(key="language-es").click().run()
    assert app.title[0].value == "Explorar los usos"
    assert app.button_group(key="f_category").value == ["medical"]
    assert app.query_params["lang"] == "es" and app.query_params["category"] == "medical"
    assert [button.label for button in app.button if (button.key or "").startswith("language-")] == ["English"]


def test_presenting_keeps_the_language_in_the_address():
    app = open_page("consultation", lang="es", topics="frown-lines")
    [present] = [button for button in app.button if button.label == "Presentar al paciente"]
    present.click().run()
    assert app.query_params["lang"] == "es" and app.query_params["present"] == "1"
    assert [button.label for button in app.button][:3] == ["Anterior", "Siguiente", "Terminar la presentación"]


@pytest.mark.parametrize("value", ["de", "<script>alert(1)</script>", ""])
def test_an_unknown_or_hostile_language_gives_english_and_a_clean_address(value):
    app = open_page("home", lang=value)
    assert [button.label for button in app.button][:2] == ["Español", "Explore a concern"]
    assert app.query_params["lang"] == "en"
    scripts = [html.proto.body for html in app.get("html") if "<script>" in html.proto.body]
    assert scripts == [f"<script>{page_language_script('en')}</script>"]
