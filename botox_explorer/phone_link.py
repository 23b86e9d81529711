"""The link and QR code that take a consultation's topics from the consultation screen to the patient's phone.

The link carries the chosen concerns' ids only: never the patient's name or anything typed on the screen.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from urllib.parse import urlsplit

import segno

from .i18n import supported, t
from .models import DEFAULT_LANGUAGE
from .routes import CONSULTATION, hand_off_address

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1", "0.0.0.0")


def app_base(url: str, page: str = CONSULTATION) -> str:
    """The dashboard's address without the page and query: ``https://host/prefix`` from the consultation page's
    URL (``https://host/prefix/consultation?present=1``) or from a configured public address."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/")
    if path.rsplit("/", 1)[-1] == page:
        path = path.rsplit("/", 1)[0]
    return f"{parts.scheme}://{parts.netloc}{path}"


def phone_link(base: str, use_ids: Sequence[str], language: str = DEFAULT_LANGUAGE) -> str:
    """The guide's page of ``use_ids`` in the consultation's language (``base/guide/es/topics.html?topics=a,b``):
    no script, so it opens on a phone in about a second where the dashboard takes several (docs/performance.md).
    No topic, no link: a code that opens every topic would tell the patient nothing about their visit."""
    if not use_ids:
        raise ValueError("a phone link needs at least one topic")
    return hand_off_address(base, use_ids, supported(language))


def reachable_from_a_phone(base: str) -> bool:
    """True for a web address a phone can open: not this computer's own, not an empty one."""
    parts = urlsplit(base)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.hostname not in LOOPBACK_HOSTS


def qr_svg(link: str, dark: str = "#0B1416", light: str = "#FFFFFF", language: str = DEFAULT_LANGUAGE) -> str:
    """The link as a QR code drawn in SVG (segno), dark on a light square with its quiet zone, so it scans on a
    dark page too; medium error correction keeps it readable on a screen with glare. Its title, in ``language``,
    is what a screen reader says. The quiet zone is segno's default for a QR code, four modules; no XML
    declaration and no classes, as the picture sits inside a page."""
    code = segno.make_qr(link, error="m")
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=8, dark=dark, light=light, xmldecl=False, svgclass=None, lineclass=None,
              title=t("consultation.qr_title", language))
    return buffer.getvalue().decode("utf-8")
