"""The interface's words in each language, read through one function, ``t``.

Each language has one catalogue, the YAML files in ``locales/<language>/`` (one a part of the interface: pages,
charts, texts the package writes): a key (``nav.explore``) maps to a text, or, for a text that counts something,
to its plural forms by CLDR category (``one``, ``many``, ``other``). Babel picks the form a number takes in the
language and formats numbers and dates as the language writes them. Spanish is US
Spanish (``es_US``), as the clinic's patients in San Diego County read it: "30 de noviembre de 2026", "1,234.5".
The patient content's own languages live in ``data/`` (``models.LocalText``); this file is for the interface.
"""

from __future__ import annotations

import datetime as dt
import string
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal

from .models import DEFAULT_LANGUAGE, LANGUAGES

LOCALES = {"en": "en_US", "es": "es_US"}
CATALOGUES = Path(__file__).parent / "locales"

Entry = str | dict[str, str]


def _flatten(tree: dict, prefix: str = "") -> dict[str, Entry]:
    """``{"nav": {"home": "Home"}}`` as ``{"nav.home": "Home"}``; a mapping of plural forms stays one entry."""
    flat: dict[str, Entry] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and "other" not in value:
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(language: str) -> dict[str, Entry]:
    """The catalogue of ``language``, read once per process; a key given by two files is an error."""
    merged: dict[str, Entry] = {}
    for path in sorted((CATALOGUES / language).glob("*.yaml")):
        entries = _flatten(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        if clash := merged.keys() & entries.keys():
            raise ValueError(f"{path}: keys already given by another file: {sorted(clash)}")
        merged.update(entries)
    return merged


def supported(language: str | None) -> str:
    """``language`` when the dashboard speaks it, English otherwise (an unknown or hostile value included)."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def language_of_locale(locale: str | None) -> str:
    """The dashboard's language for a browser's locale (``es-MX`` -> ``es``); English for any other or none."""
    primary = (locale or "").replace("_", "-").split("-", 1)[0].lower()
    return supported(primary)


@lru_cache(maxsize=len(LANGUAGES))
def _locale(language: str) -> Locale:
    """Babel's locale of a language the dashboard speaks (pass it through ``supported``), parsed once per process:
    Locale.parse costs a few µs, and a page asks for plural forms dozens of times a rerun."""
    return Locale.parse(LOCALES[language])


def language_name(language: str) -> str:
    """A language's name in itself, as a switch offers it: "English", "Español"."""
    name = _locale(supported(language)).get_language_name(language)
    return name[:1].upper() + name[1:]


# Numbers and dates are formatted once per value and language: a page formats the same few counts and review dates
# on every rerun, and Babel takes 5-10 µs for each. Bounded, as the values are few.
@lru_cache(maxsize=1024, typed=True)
def format_number(number: float, language: str) -> str:
    return format_decimal(number, locale=LOCALES[supported(language)])


@lru_cache(maxsize=1024)
def format_date(date: dt.date, language: str) -> str:
    """A date as a patient reads it: "November 30, 2026", "30 de noviembre de 2026"."""
    return babel_format_date(date, format="long", locale=LOCALES[supported(language)])


def month_year(year: int, month: int, language: str) -> str:
    """"April 2002", "abril de 2002"."""
    return format_skeleton("yMMMM", dt.date(year, month, 1), locale=LOCALES[supported(language)])


def plural_form(entry: dict[str, str], count: float, language: str) -> str:
    category = _locale(supported(language)).plural_form(count)
    return entry.get(category, entry["other"])


def t(key: str, language: str, /, count: float | None = None, **values: object) -> str:
    """The text ``key`` in ``language``, its placeholders filled; ``count`` picks the plural form and fills
    ``{count}``, formatted for the language. A key missing from a catalogue is a bug, so it raises ``KeyError``."""
    entry = catalogue(supported(language))[key]
    if isinstance(entry, dict):
        if count is None:
            raise TypeError(f"'{key}' has plural forms: pass count")
        entry = plural_form(entry, count, language)
    if count is not None:
        values["count"] = format_number(count, language)
    return entry.format(**values)


def placeholders(entry: Entry) -> set[str]:
    """The names in ``{...}`` an entry fills (all its forms), to check that two catalogues agree."""
    texts = entry.values() if isinstance(entry, dict) else [entry]
    return {name for text in texts for _, name, _, _ in string.Formatter().parse(text) if name}
