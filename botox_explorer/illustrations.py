"""The project's own drawings in ``assets/illustrations/``: read, checked to be plain pictures, and placed.

They are our files, but a drawing reaches every visitor's browser, so reading one refuses anything that is not
a plain picture (a script, an event handler, a link to another file).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from functools import lru_cache
from pathlib import Path

ILLUSTRATIONS_DIR = Path(__file__).resolve().parents[1] / "assets" / "illustrations"
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
ElementTree.register_namespace("", SVG_NAMESPACE.strip("{}"))  # written back as plain <path>, not <ns0:path>
# The drawings the pages show, by their id in data/illustrations.yaml (the content check requires each).
WELCOME = "home-welcome"
AREA_DRAWINGS = ("face", "body")  # the body map's two pictures; their headings are in the charts' catalogue
MECHANISM_DRAWINGS = ("mechanism-signal", "mechanism-blocked", "mechanism-recovery")
REQUIRED = (WELCOME, *AREA_DRAWINGS, *MECHANISM_DRAWINGS)
ALLOWED_TAGS = {"svg", "title", "desc", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon",
                "defs", "linearGradient", "radialGradient", "stop", "clipPath"}


class NotAPlainDrawing(ValueError):
    """A drawing holds something a picture does not need."""


@lru_cache(maxsize=64)
def read_drawing(file: str, folder: Path = ILLUSTRATIONS_DIR) -> str:
    """The SVG text of a drawing, after checking it is a plain picture; read once per process (the content check
    reads each at load, so the pages and the body map get it from here)."""
    text = (folder / file).read_text(encoding="utf-8")
    check_plain(text, file)
    return text


def check_plain(svg: str, name: str) -> None:
    root = ElementTree.fromstring(svg)
    for element in root.iter():
        tag = element.tag.removeprefix(SVG_NAMESPACE)
        if tag not in ALLOWED_TAGS:
            raise NotAPlainDrawing(f"{name}: <{tag}> is not allowed in a drawing")
        for attribute, value in element.attrib.items():
            if attribute.lower().startswith("on") or "href" in attribute or re.search(r"url\((?!#)", value):
                raise NotAPlainDrawing(f"{name}: the attribute {attribute}={value!r} is not allowed")


def inner_drawing(svg: str) -> tuple[str, str]:
    """The drawing's viewBox and its content without the outer ``<svg>`` and its ``<title>``, to place it inside
    another picture (a nested ``<svg>`` with that viewBox scales it)."""
    root = ElementTree.fromstring(svg)
    parts = [ElementTree.tostring(child, encoding="unicode") for child in root
             if child.tag != f"{SVG_NAMESPACE}title"]
    return root.get("viewBox", "0 0 100 100"), "".join(parts).replace(' xmlns="http://www.w3.org/2000/svg"', "")
