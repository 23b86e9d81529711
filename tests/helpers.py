"""Helpers shared by the tests: the minimal content, breaking a copy of it and reading what the loader says,
snapshots, the page scripts app.py registers, English left on a Spanish page."""

from __future__ import annotations

import os
import re
from pathlib import Path
from string import Formatter

import pytest

from botox_explorer.content import ContentError, load_content
from botox_explorer.i18n import catalogue
from botox_explorer.routes import PAGES

FIXTURES = Path(__file__).parent / "fixtures"
MINIMAL_CONTENT = FIXTURES / "minimal"  # small valid content; the content_dir fixture gives a writable copy


def replace_in(content_dir: Path, file: str, old: str, new: str) -> None:
    """Replace the first ``old`` by ``new`` in one content file; fails when ``old`` is not there."""
    path = content_dir / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_to(content_dir: Path, file: str, text: str) -> None:
    """Add ``text`` (whole YAML lines) at the end of one content file."""
    with open(content_dir / file, "a", encoding="utf-8") as target:
        target.write(text)


def problems_of(content_dir: Path) -> list[str]:
    """The loader's problems, one line each (the content must be broken)."""
    with pytest.raises(ContentError) as caught:
        load_content(content_dir)
    return [str(problem) for problem in caught.value.problems]


def problems_after(content_dir: Path, file: str, old: str, new: str) -> list[str]:
    """The loader's problems, one line each, after one replacement in ``file``."""
    replace_in(content_dir, file, old, new)
    return problems_of(content_dir)


SNAPSHOTS = Path(__file__).parent / "snapshots"
UPDATE_SNAPSHOTS = "BOTOX_EXPLORER_UPDATE_SNAPSHOTS"


def assert_matches_snapshot(name: str, text: str) -> None:
    """``text`` equals the reviewed snapshot ``tests/snapshots/<name>``.

    After an intended change, run the tests once with BOTOX_EXPLORER_UPDATE_SNAPSHOTS=1, then review the
    snapshot's diff before committing it.
    """
    path = SNAPSHOTS / name
    if os.environ.get(UPDATE_SNAPSHOTS):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}: run the tests with {UPDATE_SNAPSHOTS}=1 once and review it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its snapshot (review, then update with {UPDATE_SNAPSHOTS}=1)"


def registered_page_scripts() -> set[str]:
    """The page scripts app.py registers: one st.Page for each page the routes declare."""
    return {page.script for page in PAGES}


def english_left(text: str, *prefixes: str) -> list[str]:
    """The English catalogue texts under ``prefixes`` (``presenting.figures``) that Spanish words differently and
    that ``text`` still holds: each run of words between placeholders, matched as whole words."""
    english, spanish = catalogue("en"), catalogue("es")

    def fragments(entry) -> set[str]:
        forms = entry.values() if isinstance(entry, dict) else [entry]
        return {literal.strip() for form in forms for literal, *_ in Formatter().parse(form)
                if any(char.isalpha() for char in literal)}

    return [fragment for key, entry in english.items() if key.startswith(prefixes)
            for fragment in fragments(entry) - fragments(spanish[key])
            if re.search(rf"(?<!\w){re.escape(fragment)}(?!\w)", text)]
