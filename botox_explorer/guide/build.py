"""Renders the guide's pages with Jinja2 (every value escaped) and writes the site to a folder."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import jinja2

from ..i18n import language_name, t
from ..models import Content, text_in
from ..presenting import review_text, safe_link
from ..routes import GUIDE_START, GUIDE_TOPICS, language_file
from .model import GuidePage
from .pages import guide_pages
from .site import SiteOptions, address, alternates, dashboard_link, json_ld, relative, robots, root_of

ASSETS = Path(__file__).resolve().parents[2] / "assets"
STYLESHEET = Path(__file__).parent / "static" / "guide.css"
MARKER = ".botox-explorer-guide"  # a folder holding this file was written here, and may be written over
# The pages load nothing but their stylesheet and pictures from the guide itself: no script, no form, no frame.
# connect-src 'self' lets a checker such as Lighthouse fetch /robots.txt from the page (no script here can).
POLICY = ("default-src 'none'; img-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; "
          "form-action 'none'")

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("botox_explorer.guide"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


class GuideFolderError(ValueError):
    """The output folder holds files the guide did not write: refused rather than written over."""


@dataclass(frozen=True)
class Asset:
    """A file the pages share, named after its content so browsers may keep it for good."""

    stem: str
    suffix: str
    data: bytes

    @property
    def name(self) -> str:
        return f"{self.stem}-{hashlib.sha256(self.data).hexdigest()[:12]}{self.suffix}"


def shared_assets() -> dict[str, Asset]:
    return {"stylesheet": Asset("guide", ".css", STYLESHEET.read_bytes()),
            "icon": Asset("icon", ".svg", (ASSETS / "icon.svg").read_bytes())}


def navigation(file: str, language: str) -> list[tuple[str, str, bool]]:
    """(title, link, is this page) for the start page and the topic pages, in ``language``."""
    entries = [(GUIDE_START, "nav.home"), *((topic.file, topic.title_key) for topic in GUIDE_TOPICS)]
    return [(t(key, language), relative(file, language_file(path, language)), language_file(path, language) == file)
            for path, key in entries]


def render_page(page: GuidePage, content: Content, options: SiteOptions, assets: dict[str, Asset]) -> str:
    """One page as HTML."""
    languages = list(content.site.languages)
    file = language_file(page.path, page.language)
    other = next((language for language in languages if language != page.language), None)
    canonical = address(options, file, file)
    start = address(options, file, language_file(GUIDE_START, page.language))
    site_title = text_in(content.site.title, page.language)
    return ENVIRONMENT.get_template("page.html").render(
        page=page,
        tr=lambda key: t(key, page.language),
        policy=POLICY,
        site_title=site_title,
        canonical=canonical,
        alternates=alternates(options, page, languages),
        root=root_of(file),
        language_root=relative(file, language_file(GUIDE_START, page.language)).removesuffix(GUIDE_START),
        stylesheet=assets["stylesheet"].name,
        icon=assets["icon"].name,
        structured=json_ld(page, canonical, start, site_title),
        switch=(relative(file, language_file(page.path, other)), other, language_name(other)) if other else None,
        navigation=navigation(file, page.language),
        dashboard=dashboard_link(options, file, page),
        source_link=lambda source: safe_link(source.link),
        reviewed=review_text([page], page.language) if page.reviewed_on else "",
        reminder=text_in(content.site.reminder, page.language),
    )


def sitemap(pages: list[GuidePage], content: Content, options: SiteOptions) -> str:
    """Every page with its language alternates (needs the guide's public address)."""
    entries = [{"loc": address(options, "", language_file(page.path, page.language)),
                "lastmod": page.reviewed_on.isoformat() if page.reviewed_on else "",
                "alternates": alternates(options, page, list(content.site.languages))} for page in pages]
    return ENVIRONMENT.get_template("sitemap.xml").render(entries=entries)


def build_site(content: Content, options: SiteOptions) -> dict[str, bytes]:
    """Every file of the guide, by its path below the guide's root."""
    assets = shared_assets()
    pages = guide_pages(content, content.site.languages)
    files = {f"assets/{asset.name}": asset.data for asset in assets.values()}
    for page in pages:
        files[language_file(page.path, page.language)] = render_page(page, content, options, assets).encode("utf-8")
        files.update({f"assets/{figure.file}": figure.svg.encode("utf-8") for figure in page.figures})
    files["robots.txt"] = robots(options).encode("utf-8")
    if options.base_url:
        files["sitemap.xml"] = sitemap(pages, content, options).encode("utf-8")
    return files


def write_site(files: dict[str, bytes], output: Path) -> None:
    """Writes the files to ``output``, replacing a guide written there before; refuses a folder of other files."""
    if output.exists() and not output.is_dir():
        raise GuideFolderError(f"{output} is a file: choose a folder")
    if output.exists() and any(output.iterdir()):
        if not (output / MARKER).is_file():
            raise GuideFolderError(f"{output} holds other files: choose an empty or new folder")
        for entry in output.iterdir():
            shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
    output.mkdir(parents=True, exist_ok=True)
    (output / MARKER).write_text("Written by python -m botox_explorer.guide build\n", encoding="utf-8")
    for name, data in files.items():
        path = output / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


