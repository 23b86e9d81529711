"""Finding the glossary's words in a page's texts, and searching the glossary.

A page offers a word's plain meaning where the word first appears on it: the page passes its texts in reading
order, with the words it has already explained, and gets back the words new in each text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .models import DEFAULT_LANGUAGE, GlossaryTerm, text_in

REMEMBERED_TEXTS = 4096


class GlossaryIndex:
    """The glossary's words as one whole-word pattern, built once: longest form first, so "boxed warning" is found
    as itself and not as "warning"; a hyphen joins words, so "label" is not found in "off-label". The words of a
    text are remembered (a page's texts are the same on every rerun)."""

    def __init__(self, glossary: Mapping[str, GlossaryTerm], language: str = DEFAULT_LANGUAGE) -> None:
        self.terms = dict(glossary)
        self.owners = {form.casefold(): term.id for term in glossary.values() for form in term.forms(language)}
        alternatives = "|".join(re.escape(form) for form in sorted(self.owners, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE) if self.owners else None
        self._found: dict[str, tuple[str, ...]] = {}

    def terms_in(self, text: str) -> tuple[str, ...]:
        """The ids of the glossary's words in ``text``, in the order they first appear there."""
        if text not in self._found:
            if len(self._found) >= REMEMBERED_TEXTS:  # texts built from a visitor's choices (a chart caption)
                self._found.clear()
            matches = self.pattern.finditer(text) if self.pattern else ()
            self._found[text] = tuple(dict.fromkeys(self.owners[m.group(0).casefold()] for m in matches))
        return self._found[text]

    def new_terms(self, texts: Iterable[str], explained: Iterable[str] = ()) -> list[str]:
        """The words in ``texts`` not yet ``explained`` on the page, in reading order, each once."""
        done = set(explained)
        found: list[str] = []
        for text in texts:
            for term_id in self.terms_in(text):
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
