"""Small SVG drawings built in Python: the charts the pages show as pictures.

A picture costs the visitor's browser nothing to run (no chart library to download and start) and the server
almost nothing to send again (the same string, cached). Every value from the content is escaped here, so
content shows as text. The dashboard shows a drawing as an image with its text alternative
(``ui.markdown.image_markdown``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

FONT = "Source Sans Pro, Helvetica, Arial, sans-serif"
INK, MUTED, RULE, GRID = "#1B2A2F", "#4F5B62", "#9AA5AB", "#E5E9EB"
TEAL, TEAL_LIGHT, SAND, GREY_LIGHT = "#1F6F78", "#A8D5D0", "#C98B4B", "#D9D9D9"
TEAL_MID = "#5E9EA3"
RED = "#B3261E"  # the red flags' card only: urgent, never decoration
PANEL, PANEL_PADDING = "#FFFFFF", 12  # the light card every picture is drawn on, and its margin
CHAR_WIDTH_EM = 0.56  # an average character's width in a sans-serif font, for laying text out


def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is when drawn at ``size`` pixels (for layout, not exact)."""
    return len(text) * size * CHAR_WIDTH_EM


def _attributes(values: dict[str, object]) -> str:
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{escape(str(value))}"'
                   for name, value in values.items() if value is not None)


@dataclass
class Drawing:
    """An SVG picture of ``width`` x ``height`` pixels, built element by element."""

    width: float
    height: float
    title: str
    elements: list[str] = field(default_factory=list)

    def rect(self, x: float, y: float, width: float, height: float, **style: object) -> None:
        box = {"x": number(x), "y": number(y), "width": number(width), "height": number(height)}
        self.elements.append(f"<rect{_attributes({**box, **style})}/>")

    def line(self, x1: float, y1: float, x2: float, y2: float, **style: object) -> None:
        ends = {"x1": number(x1), "y1": number(y1), "x2": number(x2), "y2": number(y2)}
        self.elements.append(f"<line{_attributes({**ends, **style})}/>")

    def circle(self, cx: float, cy: float, r: float, **style: object) -> None:
        self.elements.append(f"<circle{_attributes({'cx': number(cx), 'cy': number(cy), 'r': number(r), **style})}/>")

    def path(self, d: str, **style: object) -> None:
        self.elements.append(f"<path{_attributes({'d': d, **style})}/>")

    def polyline(self, points: list[tuple[float, float]], **style: object) -> None:
        joined = " ".join(f"{number(x)},{number(y)}" for x, y in points)
        self.elements.append(f"<polyline{_attributes({'points': joined, 'fill': 'none', **style})}/>")

    def text(self, x: float, y: float, content: str, *, size: float = 14, anchor: str = "start",
             weight: str | None = None, fill: str = INK) -> None:
        style = {"x": number(x), "y": number(y), "font_size": number(size), "text_anchor": anchor,
                 "font_weight": weight, "fill": fill}
        self.elements.append(f"<text{_attributes(style)}>{escape(content)}</text>")

    def marker(self, x: float, y: float, shape: str, size: float, fill: str, stroke: str = "white") -> None:
        """A mark whose shape, not only its colour, says what it is: circle, square, diamond, triangle, star."""
        r = size / 2
        points = {
            "square": [(x - r, y - r), (x + r, y - r), (x + r, y + r), (x - r, y + r)],
            "diamond": [(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)],
            "triangle": [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)],
            "star": _star(x, y, r * 1.4, r * 0.6),
            "cross": _cross(x, y, r),
        }
        if shape == "circle":
            self.circle(x, y, r, fill=fill, stroke=stroke, stroke_width=1.5)
            return
        d = "M" + " L".join(f"{number(px)},{number(py)}" for px, py in points[shape]) + " Z"
        self.path(d, fill=fill, stroke=stroke, stroke_width=1.5)

    def svg(self) -> str:
        """The picture as an SVG document (its title is also its accessible name), on a light panel of its own:
        dark ink stays readable when the page around it is dark."""
        width, height = self.width + 2 * PANEL_PADDING, self.height + 2 * PANEL_PADDING
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {number(width)} {number(height)}" '
                f'width="{number(width)}" height="{number(height)}" font-family="{FONT}" role="img">')
        panel = f'<rect width="{number(width)}" height="{number(height)}" rx="12" fill="{PANEL}"/>'
        body = f'<g transform="translate({PANEL_PADDING},{PANEL_PADDING})">' + "".join(self.elements) + "</g>"
        return head + f"<title>{escape(self.title)}</title>" + panel + body + "</svg>"


def number(value: float) -> str:
    """A number as short as it reads: 12, 12.5, 0.25."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _star(x: float, y: float, outer: float, inner: float) -> list[tuple[float, float]]:
    import math

    return [(x + (outer if k % 2 == 0 else inner) * math.sin(k * math.pi / 5),
             y - (outer if k % 2 == 0 else inner) * math.cos(k * math.pi / 5)) for k in range(10)]


def _cross(x: float, y: float, r: float) -> list[tuple[float, float]]:
    w = r * 0.4
    return [(x - w, y - r), (x + w, y - r), (x + w, y - w), (x + r, y - w), (x + r, y + w), (x + w, y + w),
            (x + w, y + r), (x - w, y + r), (x - w, y + w), (x - r, y + w), (x - r, y - w), (x - w, y - w)]
