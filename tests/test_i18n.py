"""The interface catalogues: the same keys and placeholders in every language, plural forms Babel needs, and
numbers and dates written as each language writes them."""

import datetime as dt

import pytest
from babel import Locale

from botox_explorer.i18n import (
    LANGUAGES,
    LOCALES,
    catalogue,
    format_date,
    format_number,
    language_name,
    language_of_locale,
    placeholders,
    supported,
    t,
)


@pytest.mark.parametrize("language", LANGUAGES[1:])
def test_every_catalogue_has_the_english_keys_and_placeholders(language):
    english, other = catalogue("en"), catalogue(language)
    assert set(other) == set(english)
    differing = [key for key in english if placeholders(english[key]) != placeholders(other[key])]
    assert not differing, f"placeholders differ in {language}: {differing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_counting_text_has_every_plural_form_its_language_uses(language):
    forms = Locale.parse(LOCALES[language]).plural_form.tags | {"other"}
    counting = {key: entry for key, entry in catalogue(language).items() if isinstance(entry, dict)}
    assert counting, "the catalogue has counting texts"
    assert {key: set(entry) for key, entry in counting.items() if set(entry) != forms} == {}


def test_a_text_reads_in_the_asked_language_with_its_values():
    assert t("nav.explore", "en") == "Explore uses"
    assert t("nav.explore", "es") == "Explorar los usos"
    assert t("notes.meaning_of", "es", words="ptosis") == "Qué significa: ptosis"


def test_a_count_picks_its_form_and_is_written_for_the_language():
    assert t("frame.more_problems", "en", count=1234) == "... and 1,234 more"
    assert t("notes.sources", "es", count=3) == "Fuentes (3)"
    assert t("span.weeks", "en", count=1) == "week" and t("span.weeks", "es", count=2) == "semanas"


def test_an_unknown_or_hostile_language_falls_back_to_english():
    assert supported("es") == "es"
    for value in (None, "", "de", "es<script>", "EN"):
        assert supported(value) == "en"
    assert t("nav.home", "fr") == "Home"


def test_a_counting_text_needs_its_count():
    with pytest.raises(TypeError, match="count"):
        t("span.days", "en")


def test_dates_and_numbers_follow_the_language():
    day = dt.date(2026, 11, 30)
    assert format_date(day, "en") == "November 30, 2026"
    assert format_date(day, "es") == "30 de noviembre de 2026"
    assert format_number(0.5, "es") == "0.5"  # US Spanish keeps the decimal point


def test_a_browser_locale_picks_a_language_the_dashboard_speaks():
    assert [language_of_locale(locale) for locale in ("es-MX", "es", "ES_us", "en-US", "fr-FR", "", None)] == [
        "es", "es", "es", "en", "en", "en", "en"]


def test_each_language_is_named_in_itself():
    assert [language_name(language) for language in LANGUAGES] == ["English", "Español"]
