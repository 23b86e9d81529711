import xml.etree.ElementTree as ElementTree

import pytest

from botox_explorer.illustrations import ILLUSTRATIONS_DIR, NotAPlainDrawing, check_plain, inner_drawing, read_drawing

PLAIN = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 160" role="img"><title>A test</title>'
         '<rect width="10" height="10" fill="#F4F8F7"/><g><circle cx="1" cy="1" r="1"/></g></svg>')


def test_every_drawing_in_the_assets_is_a_plain_picture_with_a_title():
    drawings = sorted(ILLUSTRATIONS_DIR.glob("*.svg"))
    assert drawings
    for path in drawings:
        root = ElementTree.fromstring(read_drawing(path.name))
        assert root.find("{http://www.w3.org/2000/svg}title").text.strip(), path.name


@pytest.mark.parametrize("hostile", [
    '<script>alert(1)</script>',
    '<circle r="1" onload="alert(1)"/>',
    '<image href="https://tracker.example/pixel.png"/>',
    '<use xlink:href="#a" xmlns:xlink="http://www.w3.org/1999/xlink"/>',
    '<rect fill="url(https://tracker.example/a)"/>',
    '<foreignObject><p>hi</p></foreignObject>',
])
def test_anything_but_a_plain_picture_is_refused_by_name(hostile):
    with pytest.raises(NotAPlainDrawing, match=r"test\.svg"):
        check_plain(PLAIN.replace("<g>", "<g>" + hostile), "test.svg")


def test_a_gradient_used_in_the_same_picture_is_allowed():
    check_plain(PLAIN.replace('fill="#F4F8F7"', 'fill="url(#shade)"'), "test.svg")


def test_the_inner_drawing_keeps_the_picture_and_drops_the_outer_svg_and_title():
    view_box, inner = inner_drawing(PLAIN)
    assert view_box == "0 0 240 160"
    assert inner == '<rect width="10" height="10" fill="#F4F8F7" /><g><circle cx="1" cy="1" r="1" /></g>'
