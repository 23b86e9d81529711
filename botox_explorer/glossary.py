"""Finding the glossary's words in a page's texts, and searching the glossary.

A page offers a word's plain meaning where the word first appears on it: the page passes its texts in reading
order, with the words it has already explained, and gets back the words new in each text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache

from .models import DEFAULT_LANGUAGE, GlossaryTerm, text_in


@lru_cache(maxsize=64)
def _matcher(forms: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One whole-word pattern for every (form, term id), longest form first, so "boxed warning" is found as
    itself and not as "warning"; a hyphen joins words, so "label" is not found in "off-label"."""
    owners = {form.casefold(): term_id for form, term_id in forms}
    alternatives = "|".join(re.escape(form) for form in sorted(owners, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), owners


def terms_in(text: str, glossary: Mapping[str, GlossaryTerm], language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The ids of the glossary's words in ``text``, in the order they first appear there."""
    if not glossary:
        return []
    pattern, owners = _matcher(tuple((form, t.id) for t in glossary.values() for form in t.forms(language)))
    return list(dict.fromkeys(owners[match.group(0).casefold()] for match in pattern.finditer(text)))


def new_terms(texts: Iterable[str], glossary: Mapping[str, GlossaryTerm], explained: Iterable[str] = (),
              language: str = DEFAULT_LANGUAGE) -> list[str]:
    """The words in ``texts`` not yet ``explained`` on the page, in reading order, each once."""
    done = set(explained)
    found: list[str] = []
    for text in texts:
        for term_id in terms_in(text, glossary, language):
            if term_id not in done:
                done.add(term_id)
                found.append(term_id)
    return found


def search(glossary: Mapping[str, GlossaryTerm], query: str, language: str = DEFAULT_LANGUAGE
           ) -> list[GlossaryTerm]:
    """The terms whose word, other forms or meaning hold every word of ``query`` (all of them for none),
    sorted by word."""
    words = query.casefold().split()
    matches = [term for term in glossary.values()
               if all(word in " ".join([*term.forms(language), text_in(term.meaning, language)]).casefold()
                      for word in words)]
    return sorted(matches, key=lambda term: text_in(term.term, language).casefold())
