import re
import xml.etree.ElementTree as ElementTree

import pytest

from botox_explorer.phone_link import app_base, phone_link, qr_svg, reachable_from_a_phone


@pytest.mark.parametrize(("url", "base"), [
    ("https://clinic.example/consultation?present=1&use=a", "https://clinic.example"),
    ("https://clinic.example/guide/consultation", "https://clinic.example/guide"),
    ("https://clinic.example/guide/", "https://clinic.example/guide"),
    ("http://10.0.0.5:8501/", "http://10.0.0.5:8501"),
])
def test_the_base_drops_the_consultation_page_and_its_query(url, base):
    assert app_base(url) == base


def test_the_link_opens_the_guides_page_of_the_topics_only():
    assert phone_link("https://clinic.example", ["frown-lines", "chronic-migraine"]) == (
        "https://clinic.example/guide/topics.html?topics=frown-lines,chronic-migraine")


@pytest.mark.parametrize("no_topics", [[], ()])
def test_no_link_is_made_for_no_topic(no_topics):
    with pytest.raises(ValueError, match="at least one topic"):
        phone_link("https://clinic.example", no_topics)


@pytest.mark.parametrize(("base", "reachable"), [
    ("https://clinic.example", True), ("http://192.168.1.20:8501", True), ("http://localhost:8501", False),
    ("http://127.0.0.1:8501", False), ("http://[::1]:8501", False), ("", False), ("javascript:alert(1)", False),
])
def test_a_phone_cannot_open_this_computers_own_address(base, reachable):
    assert reachable_from_a_phone(base) is reachable


def test_the_qr_code_is_an_svg_that_decodes_to_the_link():
    import zxingcpp
    from PIL import Image, ImageDraw

    link = "https://clinic.example/explore?topics=frown-lines,chronic-migraine"
    svg = qr_svg(link)
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    # draw the code's modules from its path, as a browser would, and read it back
    size = int(root.get("width"))
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    path = next(p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("stroke")).get("d")
    for x0, y, x1 in _runs(path):
        draw.rectangle([x0 * 8, (y - 0.5) * 8, x1 * 8 - 1, (y + 0.5) * 8 - 1], fill=0)
    [result] = zxingcpp.read_barcodes(image)
    assert result.text == link
    assert "name" not in result.text
    assert result.ec_level == "M"  # medium error correction: readable on a screen with glare


def test_the_qr_code_is_dark_on_a_light_square_with_its_quiet_zone_and_a_title():
    import segno

    link = "https://clinic.example/explore?topics=frown-lines"
    root = ElementTree.fromstring(qr_svg(link))
    modules = segno.make(link, error="m", micro=False).symbol_size(scale=1, border=0)[0]
    assert int(root.get("width")) == (modules + 2 * 4) * 8  # 8 px a module, 4 modules of quiet zone each side
    paths = list(root.iter("{http://www.w3.org/2000/svg}path"))
    assert {p.get("fill") for p in paths if p.get("fill")} == {"#fff"}
    assert {p.get("stroke") for p in paths if p.get("stroke")} == {"#0b1416"}
    assert root.find("{http://www.w3.org/2000/svg}title").text == "QR code for the link to these topics"


def test_the_qr_code_is_a_bare_picture_for_inside_a_page():
    svg = qr_svg("https://clinic.example/explore?topics=frown-lines")
    assert svg.startswith("<svg ")
    assert [element.attrib.get("class") for element in ElementTree.fromstring(svg).iter()] == [None] * 5


def test_the_qr_codes_title_reads_in_spanish():
    root = ElementTree.fromstring(qr_svg("https://clinic.example/explore?topics=frown-lines", language="es"))
    assert root.find("{http://www.w3.org/2000/svg}title").text == "Código QR del enlace a estos temas"


def _runs(path: str):
    """The horizontal runs (x from, y, x to) of segno's path ("M4 4.5h7m3 0h1..."), in modules."""
    x = y = 0.0
    for command, a, b in re.findall(r"([Mmh])(-?[\d.]+)(?:\s+(-?[\d.]+))?", path):
        if command == "M":
            x, y = float(a), float(b)
        elif command == "m":
            x, y = x + float(a), y + float(b)
        else:
            yield x, y, x + float(a)
            x += float(a)


@pytest.mark.parametrize(("language", "folder"), [("es", "es/"), ("en", ""), ("xx", ""), ("es&admin=1", "")])
def test_the_link_opens_the_topics_in_the_consultations_language(language, folder):
    assert phone_link("https://clinic.example", ["frown-lines"], language=language) == (
        f"https://clinic.example/guide/{folder}topics.html?topics=frown-lines")
