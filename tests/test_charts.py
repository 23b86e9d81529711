import json
import re
import xml.etree.ElementTree as ElementTree

import pytest

from botox_explorer import charts
from botox_explorer.content import load_content
from botox_explorer.i18n import catalogue, t
from botox_explorer.illustrations import AREA_DRAWINGS, REQUIRED
from botox_explorer.models import Span
from tests.helpers import assert_matches_snapshot, replace_in

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def content(content_dir):
    return load_content(content_dir)


def every_chart(content, language: str = "en") -> dict[str, charts.Chart]:
    return {
        "area_map": charts.area_map(content, ("forehead",), language=language),
        "effect_timeline": charts.effect_timeline(list(content.uses.values()), content, language=language),
        "history_timeline": charts.history_timeline(content.history, language=language),
        "approvals_chart": charts.approvals_chart(content, language=language),
        "statistics_chart": charts.statistics_chart(content, language=language),
        "locations_map": charts.locations_map(content, language=language),
        "red_flags_card": charts.red_flags_card(content, language=language),
        "locations_sketch": charts.locations_sketch(content, language=language),
    }


def drawing(chart: charts.Chart) -> ElementTree.Element:
    """The chart's SVG picture, parsed (it must be well-formed XML)."""
    return ElementTree.fromstring(chart.svg)


def panels(chart: charts.Chart) -> list[ElementTree.Element]:
    """Each of the chart's side-by-side pictures, parsed."""
    return [ElementTree.fromstring(svg) for svg, _ in chart.panels]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_chart_has_title_caption_alt_text_and_table(content, language):
    for name, chart in every_chart(content, language).items():
        assert chart.caption and chart.alt_text, name
        assert not chart.table.empty, name
        if chart.svg:
            assert drawing(chart).find(f"{SVG}title").text == chart.title, name
        elif chart.panels:
            assert all(p.find(f"{SVG}title").text.startswith(chart.title) for p in panels(chart)), name
        else:
            assert chart.figure.layout.title.text == chart.title, name


@pytest.mark.parametrize("name", ["area_map", "effect_timeline", "history_timeline", "approvals_chart",
                                  "statistics_chart", "locations_map", "red_flags_card", "locations_sketch"])
def test_each_chart_draws_what_its_reviewed_snapshot_shows(content, name):
    """The whole picture (or the map's figure), caption, sources, alt text and table, as reviewed."""
    chart = every_chart(content)[name]
    drawn = {"title": chart.title, "caption": chart.caption, "sources": list(chart.source_ids),
             "alt_text": chart.alt_text, "table": chart.table.astype(str).to_dict(orient="split")}
    if chart.figure is not None:
        figure = json.loads(chart.figure.to_json())
        del figure["layout"]["template"]  # plotly's own default theme, not ours
        drawn["figure"] = figure
    summary = json.dumps(drawn, indent=1, sort_keys=True, ensure_ascii=False)
    assert_matches_snapshot(f"chart-{name}.json", summary)
    if chart.svg:
        assert_matches_snapshot(f"chart-{name}.svg", chart.svg.replace("><", ">\n<") + "\n")
    for number, (svg, alt) in enumerate(chart.panels, start=1):
        assert_matches_snapshot(f"chart-{name}-{number}.svg", f"<!-- {alt} -->\n" + svg.replace("><", ">\n<") + "\n")


def test_area_map_draws_the_face_and_the_body_with_each_area_numbered_and_named(content):
    chart = charts.area_map(content, ("forehead",))
    face, body = panels(chart)
    for picture, heading, number, name in ((face, "Face and neck", "1", "1. Forehead"),
                                           (body, "Body", "2", "2. Bladder")):
        texts = [t.text for t in picture.iter(f"{SVG}text")]
        assert heading in texts and number in texts and name in texts
        assert picture.find(f".//{SVG}svg[@class='figure']") is not None  # the drawing from assets/illustrations
    assert [c.attrib["fill"] for c in face.iter(f"{SVG}circle") if c.attrib.get("r") in ("11", "14")] == [
        "none", charts.SAND]  # the chosen point, ringed
    assert [label.get("font-weight") for label in face.iter(f"{SVG}text") if label.text == "1. Forehead"] == ["bold"]
    assert chart.panels[0][1] == "Face and neck: 1. Forehead (2 uses). Chosen: Forehead."
    assert chart.panels[1][1] == "Body: 2. Bladder (1 use)."
    assert "1. Forehead (2 uses)" in chart.alt_text and chart.alt_text.endswith("Chosen: Forehead.")
    assert list(chart.table["Selected"]) == ["yes", ""]
    unchosen = [c.attrib["fill"] for p in panels(charts.area_map(content)) for c in p.iter(f"{SVG}circle")
                if c.attrib["fill"] != "#F4F8F7"]
    assert charts.SAND not in unchosen and "none" not in unchosen


class Spot:
    def __init__(self, area_id, x, y):
        self.id, self.x, self.y, self.name = area_id, x, y, {"en": area_id.replace("-", " ")}


def boxes_overlap(a, b) -> bool:
    return a.side == b.side and a.top < b.top + b.height and b.top < a.top + a.height


def test_names_go_beside_the_drawing_on_the_side_of_their_point_and_never_overlap():
    spots = [Spot("left-eye", 20, 66), Spot("left-cheek", 22, 64), Spot("right-eye", 80, 66),
             Spot("middle-a", 50, 70), Spot("middle-b", 50, 69), Spot("middle-c", 50, 68)]
    numbers = {spot.id: n for n, spot in enumerate(spots, start=1)}
    labels = {label.area_id: label for label in charts.place_labels(spots, numbers, top=0, bottom=180)}
    assert labels["left-eye"].side == "left" and labels["right-eye"].side == "right"
    assert sorted(label.side for label in labels.values()) == ["left"] * 3 + ["right"] * 3  # the middle balances
    assert not [(a.area_id, b.area_id) for a in labels.values() for b in labels.values()
                if a is not b and boxes_overlap(a, b)]
    assert labels["left-eye"].top < labels["left-cheek"].top  # reading order follows the points
    assert all(label.lines[0].startswith(f"{numbers[label.area_id]}. ") for label in labels.values())


def test_a_crowded_column_moves_up_to_stay_within_the_drawing():
    spots = [Spot(f"low-{n}", 10, 2) for n in range(5)]
    labels = charts.place_labels(spots, {s.id: n for n, s in enumerate(spots)}, top=0, bottom=180)
    assert labels[-1].top + labels[-1].height == 180
    assert labels[0].top >= 0


def test_effect_timeline_draws_only_uses_with_numbers(content):
    chart = charts.effect_timeline(list(content.uses.values()), content)
    assert "Test lines" in [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert "Our sources give no timing for: Test bladder, Test mood." in chart.caption
    assert chart.source_ids == ("label-a",)
    assert list(chart.table["Lasts"]) == ["3-4 months"]
    assert list(chart.table["Strongest"]) == ["—"]
    assert chart.alt_text == "Test lines: starts working 2-3 days; lasts 3-4 months."
    bars = [r.attrib["fill"] for r in drawing(chart).iter(f"{SVG}rect")][4:]  # after the panel and the legend
    assert bars == [color for band, color in charts.EFFECT_BANDS if band != "peaks"]  # no peak recorded


def test_a_use_with_a_peak_and_a_duration_but_no_onset_is_drawn_with_what_is_known(content_dir):
    replace_in(content_dir, "uses.yaml", "    onset: {low: 2, high: 3, unit: days}\n",
               "    peak: {low: 3, high: 14, unit: days}\n")
    content = load_content(content_dir)
    chart = charts.effect_timeline([content.uses["lines"]], content)
    assert chart.svg and chart.alt_text == "Test lines: strongest 3-14 days; lasts 3-4 months."
    weeks = {band: (charts._weeks(start), charts._weeks(stop))
             for band, (start, stop) in charts._effect_bands(content.uses["lines"]).items()}
    assert weeks == {"peaks": (0.4, 2.0), "working": (2.0, 13.0), "wears_off": (13.0, 17.4)}
    legend = [t.text for t in drawing(chart).iter(f"{SVG}text")][1:4]
    assert legend == ["Reaches full effect", "Working", "Wears off"]


def test_a_use_with_only_a_duration_works_from_the_injection(content_dir):
    replace_in(content_dir, "uses.yaml", "    onset: {low: 2, high: 3, unit: days}\n", "")
    content = load_content(content_dir)
    bands = charts._effect_bands(content.uses["lines"])
    assert {band: (charts._weeks(a), charts._weeks(b)) for band, (a, b) in bands.items()} == {
        "working": (0.0, 13.0), "wears_off": (13.0, 17.4)}


def test_effect_timeline_bands_run_from_onset_to_wearing_off(content):
    bands = charts._effect_bands(content.uses["lines"])
    weeks = {band: (charts._weeks(start), charts._weeks(stop)) for band, (start, stop) in bands.items()}
    # onset 2-3 days, lasts 3-4 months (30.4 days a month)
    assert weeks == {"starts": (0.3, 0.4), "working": (0.4, 13.0), "wears_off": (13.0, 17.4)}


def test_an_effect_timeline_without_timed_uses_says_so(content):
    chart = charts.effect_timeline([content.uses["mood"]], content)
    assert chart.svg is None and chart.table.empty
    assert chart.caption == "Our sources give no timing for: Test mood."
    assert chart.alt_text == "Our sources give no timing for the uses shown."


def test_statistics_chart_marks_rounded_counts_hollow_and_cites(content):
    chart = charts.statistics_chart(content)
    marks = [p.attrib["fill"] for p in drawing(chart).iter(f"{SVG}circle")]
    assert marks[:2] == ["white", charts.TEAL]  # 2005 rounded, 2006 exact
    assert chart.source_ids == ("paper-b",)
    assert chart.alt_text == "Test society 2005: 3,800,000; Test society 2006: 4,000,000."


def test_history_timeline_gives_each_kind_its_own_shape(content):
    chart = charts.history_timeline(content.history)
    assert chart.alt_text == "1 event from 1989 to 1989."
    assert "Medical approval" in [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert len(list(drawing(chart).iter(f"{SVG}path"))) == 1  # a square, the medical approvals' shape
    assert charts.history_timeline(()).alt_text == "No events shown."


def test_approvals_chart_marks_type_b_products_with_a_diamond(content):
    type_b = content.products["prod-a"].model_copy(update={"id": "prod-b", "brand": "BTOX", "serotype": "B"})
    with_b = type(content)(**{**content.__dict__, "products": {**content.products, "prod-b": type_b}})
    chart = charts.approvals_chart(with_b)
    assert len(list(drawing(chart).iter(f"{SVG}circle"))) == 1 and len(list(drawing(chart).iter(f"{SVG}path"))) == 1
    assert chart.alt_text == "2 approvals of 2 products since 2002."
    assert list(chart.table["Product"]) == ["TESTOX", "BTOX"]


def test_locations_map_is_the_clinics_choice_of_tiles_without_labels(content):
    chart = charts.locations_map(content)
    assert chart.figure.layout.map.style == "open-street-map"
    assert chart.figure.data[0].mode == "markers"  # labels on the map would fetch fonts from a third party
    assert "Pins mark the town centers" in chart.caption
    assert chart.alt_text == "Test spa in Testville, California."


def test_hostile_content_is_escaped_in_the_consultations_pictures(content):
    hostile = "<b onclick=x>Spa</b> & \"quoted\""
    flag = content.safety.red_flags[0].model_copy(update={"label": {"en": hostile}})
    site = content.clinic.locations[0].model_copy(update={"name": {"en": hostile}, "town": hostile})
    tampered = type(content)(**{
        **content.__dict__, "safety": content.safety.model_copy(update={"red_flags": [flag]}),
        "clinic": content.clinic.model_copy(update={"locations": [site]})})
    for chart in (charts.red_flags_card(tampered), charts.locations_sketch(tampered)):
        tree = ElementTree.fromstring(chart.svg)  # still well-formed
        assert not list(tree.iter(f"{SVG}b")) and "<b onclick" not in chart.svg
        assert "&lt;b onclick=x&gt;Spa&lt;/b&gt; &amp; &quot;quoted&quot;" in chart.svg


def test_long_names_are_shortened_at_a_word():
    assert charts.shorten("Uncontrolled eyelid closing (blepharospasm)", 34) == "Uncontrolled eyelid closing..."
    assert charts.shorten("Short", 34) == "Short"


def test_hostile_content_is_escaped_in_pictures(content):
    hostile = "<b onclick=x>Brow</b> & \"quoted\""
    area = content.areas["forehead"].model_copy(update={"name": {"en": hostile}})
    use = content.uses["lines"].model_copy(update={"name": {"en": hostile}})
    tampered = type(content)(**{**content.__dict__, "areas": {**content.areas, "forehead": area},
                                "uses": {**content.uses, "lines": use}})
    for svg in (charts.area_map(tampered).panels[0][0], charts.effect_timeline([use], tampered).svg):
        tree = ElementTree.fromstring(svg)  # still well-formed
        assert not list(tree.iter(f"{SVG}b")) and "<b onclick" not in svg
    assert "&lt;b onclick=x&gt;Brow&lt;/b&gt; &amp; &quot;quoted&quot;" in charts.effect_timeline([use], tampered).svg


# --- In Spanish -------------------------------------------------------------------------------------------------

@pytest.fixture
def spanish_content(content):
    """The minimal content with Spanish names for an area, a use, an event and a site (the rest is English only,
    so a chart falls back to the English content there)."""
    def with_spanish(record, field, spanish):
        return record.model_copy(update={field: {**getattr(record, field), "es": spanish}})

    clinic = content.clinic.model_copy(update={"locations": [
        with_spanish(content.clinic.locations[0], "name", "Spa de prueba")]})
    return type(content)(**{
        **content.__dict__,
        "areas": {**content.areas, "forehead": with_spanish(content.areas["forehead"], "name", "Frente")},
        "uses": {**content.uses, "lines": with_spanish(content.uses["lines"], "name", "Líneas de prueba")},
        "history": [with_spanish(content.history[0], "title", "Primera aprobación")],
        "clinic": clinic,
    })


SPANISH = {  # builder: its title, the start of its caption, its table's columns, its text alternative
    "area_map": ("Dónde se aplican los tratamientos", "Dibujos de la cara y del cuerpo.",
                 ["Número", "Zona", "Usos", "Elegida"],
                 "Zonas de tratamiento: 1. Frente (2 usos), 2. Bladder (1 uso). Zona elegida: Frente."),
    "effect_timeline": ("Cómo empieza y se pasa el efecto", "Cada barra empieza en la inyección (semana 0)",
                        ["Uso", "Empieza a hacer efecto", "Efecto máximo", "Dura", "Repetir cada"],
                        "Líneas de prueba: empieza a hacer efecto 2-3 días; dura 3-4 meses."),
    "history_timeline": ("Dos siglos de toxina botulínica", "Cada marca es un hecho con fecha",
                         ["Año", "Tipo", "Hecho"], "1 hecho de 1989 a 1989."),
    "approvals_chart": ("Aprobaciones en EE. UU. por producto", "Cada marca es una aprobación en EE. UU.",
                        ["Producto", "Año", "Aprobado para"], "1 aprobación de 1 producto desde 2002."),
    "statistics_chart": ("Procedimientos con toxina botulínica en EE. UU., por año", "Cada línea es el conteo anual",
                         ["Conteo", "Año", "Procedimientos", "Redondeado"],
                         "Test society 2005: 3,800,000; Test society 2006: 4,000,000."),
    "locations_map": ("Dónde está la clínica", "Las ubicaciones de la clínica en el condado de San Diego.",
                      ["Ubicación", "Ciudad", "Condado"], "Spa de prueba en Testville, California."),
    "red_flags_card": ("Busque ayuda de inmediato", "Las señales que la página de Seguridad muestra",
                       ["Señal", "Qué hacer"], None),
    "locations_sketch": ("Dónde está la clínica", "Cada marcador con número es una de las ubicaciones",
                         ["Número", "Ubicación", "Ciudad", "Condado"], "1. Spa de prueba en Testville, California."),
}


def shown_texts(chart: charts.Chart) -> list[str]:
    """Every text a reader meets in a chart but its table: title, caption, text alternatives and the pictures'
    words (the map: its title and hover texts)."""
    pictures = [chart.svg] if chart.svg else [svg for svg, _ in chart.panels]
    words = [element.text for picture in pictures for element in ElementTree.fromstring(picture).iter()
             if element.tag in (f"{SVG}text", f"{SVG}title")]
    figure = [chart.figure.layout.title.text, *chart.figure.data[0].text] if chart.figure is not None else []
    return [chart.title, chart.caption, chart.alt_text, *(alt for _, alt in chart.panels), *words, *figure]


def english_only_phrases() -> list[str]:
    """The words of the charts' English catalogue that its Spanish does not share, each text cut at its
    placeholders ("{count} uses" gives "uses")."""
    english, spanish = catalogue("en"), catalogue("es")
    texts = [text for key, entry in english.items() if key.startswith("chart.") and entry != spanish[key]
             for text in (entry.values() if isinstance(entry, dict) else [entry])]
    phrases = {part.strip(" .,:;()") for text in texts for part in re.split(r"\{\w*\}", text)}
    return sorted(phrase for phrase in phrases if re.search(r"[A-Za-z]{2}", phrase))


def english_in(text: str) -> list[str]:
    return [phrase for phrase in english_only_phrases() if re.search(rf"\b{re.escape(phrase)}\b", text)]


@pytest.mark.parametrize("name", list(SPANISH))
def test_each_chart_in_spanish_has_its_spanish_title_caption_columns_and_alt_text(spanish_content, name):
    title, caption_start, columns, alt_text = SPANISH[name]
    chart = every_chart(spanish_content, "es")[name]
    assert chart.title == title
    assert chart.caption.startswith(caption_start)
    assert list(chart.table.columns) == columns
    assert alt_text is None or chart.alt_text == alt_text


def test_every_chart_text_is_translated():
    """A Spanish text copied from the English would hide from the test below, which looks for the texts that
    differ."""
    english, spanish = catalogue("en"), catalogue("es")
    assert [key for key in english if key.startswith("chart.") and english[key] == spanish[key]] == []


@pytest.mark.parametrize("name", list(SPANISH))
def test_no_english_word_of_the_charts_is_left_in_spanish(spanish_content, name):
    chart = every_chart(spanish_content, "es")[name]
    assert english_only_phrases()
    assert {text: english_in(text) for text in shown_texts(chart) if english_in(text)} == {}
    english_words = set(english_only_phrases())
    cells = [*chart.table.columns, *chart.table.astype(str).to_numpy().ravel()]
    assert [cell for cell in cells if cell in english_words] == []


def test_the_spanish_pictures_name_the_drawings_bands_kinds_and_axes(spanish_content):
    charts_es = every_chart(spanish_content, "es")
    face, body = [[t.text for t in picture.iter(f"{SVG}text")] for picture in panels(charts_es["area_map"])]
    assert {"Cara y cuello", "1. Frente"} <= set(face) and "Cuerpo" in body
    assert charts_es["area_map"].panels[0][1] == "Cara y cuello: 1. Frente (2 usos). Zona elegida: Frente."
    assert list(charts_es["area_map"].table["Elegida"]) == ["sí", ""]
    assert {"Empieza a hacer efecto", "Hace efecto", "Se pasa", "Semanas después del tratamiento",
            "Líneas de prueba"} <= {t.text for t in drawing(charts_es["effect_timeline"]).iter(f"{SVG}text")}
    assert "Nuestras fuentes no indican los tiempos para: Test bladder, Test mood." in charts_es[
        "effect_timeline"].caption
    assert list(charts_es["history_timeline"].table.iloc[0]) == [1989, "Aprobación médica", "Primera aprobación"]
    assert "Año de aprobación en EE. UU." in [t.text for t in drawing(charts_es["approvals_chart"]).iter(f"{SVG}text")]
    assert "Millones" in [t.text for t in drawing(charts_es["statistics_chart"]).iter(f"{SVG}text")]
    assert list(charts_es["statistics_chart"].table["Redondeado"]) == ["sí", ""]
    assert charts_es["locations_map"].figure.layout.title.text == "Dónde está la clínica"


def test_a_use_known_only_by_its_interval_is_drawn_as_its_next_treatment(content):
    """Chronic migraine's label gives only "every 12 weeks": the chart draws that, never "no timing"."""
    mood = content.uses["mood"]
    repeated = mood.model_copy(update={"timing": mood.timing.model_copy(
        update={"retreatment": Span(low=12, high=12, unit="weeks")})})
    chart = charts.effect_timeline([content.uses["lines"], repeated], content)
    texts = [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert {"Test mood", "Next treatment"} <= set(texts)
    assert "no timing" not in chart.caption and "next treatment" in chart.caption
    assert list(chart.table["Repeat every"]) == ["—", "12 weeks"]
    assert chart.alt_text.endswith("Test mood: repeat every 12 weeks.")
    diamonds = [p for p in drawing(chart).iter(f"{SVG}path") if p.attrib["fill"] == charts.INK]
    assert len(diamonds) == 2  # the legend's and the row's
    assert "Test mood" in charts.effect_timeline([content.uses["lines"], mood], content).caption  # untimed: said


def test_the_effect_timeline_cites_what_the_timing_rests_on(content):
    lines = content.uses["lines"]
    cited = lines.model_copy(update={"cites": {"timing": ["paper-b"]}, "sources": ["label-a", "paper-b"]})
    assert charts.effect_timeline([cited], content).source_ids == ("paper-b",)
    assert charts.effect_timeline([lines], content).source_ids == ("label-a",)  # no part cited: the use's sources


def test_the_approvals_can_be_limited_to_the_chosen_uses(content):
    chosen = charts.approvals_chart(content, use_ids=("lines",))
    assert list(chosen.table["Approved for"]) == ["Test lines"]
    assert "2002" in [t.text for t in drawing(chosen).iter(f"{SVG}text")]  # each mark says its year
    assert "2002" not in [t.text for t in drawing(charts.approvals_chart(content)).iter(f"{SVG}text")]
    none = charts.approvals_chart(content, use_ids=("mood",))
    assert none.table.empty and none.alt_text == "No approvals."


def test_a_consultation_shows_only_the_drawings_of_the_chosen_areas(content):
    chart = charts.area_map(content, ("forehead",), chosen_drawings_only=True)
    [(_, alt)] = chart.panels
    assert alt == "Face and neck: 1. Forehead (2 uses). Chosen: Forehead."
    assert list(chart.table["Area"]) == ["Forehead"]
    assert chart.alt_text == "Treatment areas: 1. Forehead (2 uses). Chosen: Forehead."
    assert "ringed" in chart.caption and "choose areas" not in chart.caption
    assert [len(charts.area_map(content, (), chosen_drawings_only=only).panels) for only in (True, False)] == [0, 2]


def test_the_red_flags_card_lists_every_red_flag_with_whom_to_call(content):
    chart = charts.red_flags_card(content)
    texts = [t.text for t in drawing(chart).iter(f"{SVG}text")]
    assert "Trouble swallowing" in texts and "Get help now" in texts
    assert "To tell the clinic, call the office where you were treated." in texts
    assert [r.attrib["stroke"] for r in drawing(chart).iter(f"{SVG}rect") if r.get("stroke")] == [charts.RED]
    assert chart.table.to_numpy().tolist() == [["Trouble swallowing", "Trouble swallowing."]]
    assert chart.source_ids == ("label-a",)
    assert chart.alt_text == ("Get help now: Trouble swallowing. "
                              "To tell the clinic, call the office where you were treated.")


def test_the_sites_are_drawn_here_north_up_with_a_scale(content):
    second = content.clinic.locations[0].model_copy(update={
        "id": "there", "name": {"en": "Second site"}, "latitude": content.clinic.locations[0].latitude + 0.05})
    two = type(content)(**{**content.__dict__, "clinic": content.clinic.model_copy(
        update={"locations": [content.clinic.locations[0], second]})})
    chart = charts.locations_sketch(two)
    picture = drawing(chart)
    texts = [t.text for t in picture.iter(f"{SVG}text")]
    assert {"1", "2", "Test spa", "Second site", "N"} <= set(texts) and any(t.endswith(" km") for t in texts)
    pins = {t.text: float(t.attrib["y"]) for t in picture.iter(f"{SVG}text") if t.text in ("1", "2")}
    assert pins["2"] < pins["1"]  # the second site is north of the first: higher on the picture
    assert "http" not in chart.svg.replace("http://www.w3.org/2000/svg", "")  # no tile, no font from elsewhere
    assert list(chart.table["Site"]) == ["Test spa", "Second site"]
    assert chart.alt_text.startswith("1. Test spa in Testville, California; 2. Second site in")


def test_counts_in_the_text_alternatives_take_their_plural_forms(content):
    assert charts.history_timeline(content.history * 2).alt_text == "2 events from 1989 to 1989."
    assert charts.history_timeline(content.history * 2, language="es").alt_text == "2 hechos de 1989 a 1989."
    assert "Zonas elegidas: Forehead, Bladder." in charts.area_map(content, ("forehead", "bladder"),
                                                                   language="es").alt_text


def test_event_kinds_are_named_in_each_language():
    assert charts.event_kind_label("medical-approval", "es") == "Aprobación médica"
    assert charts.event_kind_label("medical-approval") == "Medical approval"
    assert charts.EVENT_KINDS[:2] == ("discovery", "research")


def test_the_body_maps_drawings_are_required_and_have_a_heading_in_each_language():
    assert AREA_DRAWINGS == ("face", "body") and set(AREA_DRAWINGS) <= set(REQUIRED)
    assert [t(f"chart.area.drawing.{figure}", "es") for figure in AREA_DRAWINGS] == ["Cara y cuello", "Cuerpo"]
