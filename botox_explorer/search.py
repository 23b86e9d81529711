"""Search that forgives: the uses a patient's words lead to, best match first.

A query and the uses' texts are folded the same way (no accents, no apostrophes of any kind, folded case, a plural's
last "s" dropped), so "Crow’s feet", "crows feet" and "CROW'S FEET" lead to the same use. Each word of the query
must be found in a use (all of them, as the other filters are AND-ed), exactly, as the start of a word, or as a
word a small typo away (rapidfuzz's ratio). A word found in the use's name or in the everyday words patients use
for it (``data/search_words.yaml``) counts more than one found in its text; a glossary word the use's text holds
leads to it by any of the word's forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

from .models import DEFAULT_LANGUAGE, Content, Use, text_in

MAX_QUERY_LENGTH = 100
MAX_WORDS = 12
APOSTROPHES = str.maketrans("", "", "'’‘`´ʼ′")
NOT_A_LETTER = re.compile(r"[\W_]+")
MARKUP_CHARACTERS = re.compile(r"[<>\[\]()*_`:$\\|~#{}=]+")
TYPO_SIMILARITY = 85  # rapidfuzz's ratio (0-100) from which a word is taken as a typo of another
SUGGESTION_SIMILARITY = 60  # looser: the nearest uses for a query that finds nothing
SHORTEST_LOOSE_WORD = 4  # shorter words are found whole only ("tmj", "arm")
PREFIX_SCORE = 0.9
NAME_WEIGHT = WORDS_WEIGHT = 3.0
GLOSSARY_WEIGHT = 2.0
TEXT_WEIGHT = 1.0

Field = tuple[str, float]  # a text and how much a word found in it counts


def fold(text: str) -> str:
    """Text as searched: printable, no accents, no apostrophes, folded case, letters and digits split by spaces."""
    printable = "".join(char if char.isprintable() else " " for char in text)
    decomposed = unicodedata.normalize("NFKD", printable.translate(APOSTROPHES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(NOT_A_LETTER.sub(" ", bare.casefold()).split())


def shown_query(query: str) -> str:
    """The query as a page repeats it: printable, bounded, without the characters markup is made of."""
    printable = "".join(char if char.isprintable() else " " for char in query[:MAX_QUERY_LENGTH])
    return " ".join(MARKUP_CHARACTERS.sub(" ", printable).split())


def stem(word: str) -> str:
    """A word without a plural's last "s" ("wrinkles", "arrugas"); short words and "ss" endings stay."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def terms(text: str) -> list[str]:
    """The folded, stemmed words of ``text``."""
    return [stem(word) for word in fold(text).split()]


def use_fields(use: Use, content: Content, language: str = DEFAULT_LANGUAGE) -> list[Field]:
    """The texts a use is found by, each with its weight: name, patient words, glossary forms, then its text."""
    body = " ".join([text_in(use.summary, language), text_in(use.explanation, language),
                     *(text_in(content.areas[area].name, language) for area in use.areas)])
    own = content.search_words.get(use.id)
    words = own.words.get(language, []) if own else []
    fields = [(text_in(use.name, language), NAME_WEIGHT), *((word, WORDS_WEIGHT) for word in words)]
    fields += [(form, GLOSSARY_WEIGHT) for form in glossary_forms(content, f"{fields[0][0]} {body}", language)]
    return [*fields, (body, TEXT_WEIGHT)]


def glossary_forms(content: Content, text: str, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Every form of each glossary word ``text`` holds in one of its forms."""
    held = f" {' '.join(terms(text))} "
    found = []
    for term in content.glossary.values():
        forms = term.forms(language)
        if any(f" {' '.join(terms(form))} " in held for form in forms):
            found += forms
    return found


class SearchIndex:
    """The uses' words, folded once (build one a language): each word with the uses it leads to and its weight."""

    def __init__(self, documents: Mapping[str, Iterable[Field]]) -> None:
        self.position = {use_id: number for number, use_id in enumerate(documents)}
        self.vocabulary: dict[str, dict[str, float]] = {}
        self.phrases: dict[str, list[Field]] = {}
        for use_id, fields in documents.items():
            for text, weight in fields:
                words = terms(text)
                self.phrases.setdefault(use_id, []).append((f" {' '.join(words)} ", weight))
                for word in words:
                    weights = self.vocabulary.setdefault(word, {})
                    weights[use_id] = max(weight, weights.get(use_id, 0.0))
        self.words = list(self.vocabulary)

    @classmethod
    def from_content(cls, content: Content, language: str = DEFAULT_LANGUAGE) -> SearchIndex:
        """The index of every use in ``language``, in the order of uses.yaml."""
        return cls({use.id: use_fields(use, content, language) for use in content.uses.values()})

    def word_scores(self, word: str, similarity: int = TYPO_SIMILARITY) -> dict[str, float]:
        """How well each use holds ``word``: its best weight, times 1 for the word itself, less for a start of a
        word or a near miss; uses that do not hold it are left out."""
        found = {word: 1.0} if word in self.vocabulary else {}
        if len(word) >= SHORTEST_LOOSE_WORD:
            near = process.extract(word, self.words, scorer=fuzz.ratio, score_cutoff=similarity, limit=None)
            for known, score, _ in near:
                found.setdefault(known, score / 100)
            for known in self.words:
                if known.startswith(word):
                    found[known] = max(found.get(known, 0.0), PREFIX_SCORE)
        scores: dict[str, float] = {}
        for known, closeness in found.items():
            for use_id, weight in self.vocabulary[known].items():
                scores[use_id] = max(scores.get(use_id, 0.0), closeness * weight)
        return scores

    def rank(self, query: str) -> list[str]:
        """The uses that hold every word of ``query``, best first (ties in file order); none for a query without
        words."""
        words = query_terms(query)
        totals = dict.fromkeys(self.position if words else (), 0.0)
        for word in words:
            scores = self.word_scores(word)
            totals = {use_id: total + scores[use_id] for use_id, total in totals.items() if use_id in scores}
        phrase = f" {' '.join(words)} "
        for use_id in totals:
            totals[use_id] += max((weight for text, weight in self.phrases[use_id] if phrase in text), default=0.0)
        return self._best_first(totals)

    def nearest(self, query: str, limit: int = 3) -> list[str]:
        """Up to ``limit`` uses for a query that finds nothing: the uses holding most of its words, loosely."""
        totals: dict[str, float] = {}
        for word in query_terms(query):
            for use_id, score in self.word_scores(word, SUGGESTION_SIMILARITY).items():
                totals[use_id] = totals.get(use_id, 0.0) + score
        return self._best_first(totals)[:limit]

    def _best_first(self, totals: Mapping[str, float]) -> list[str]:
        """Use ids by falling score, ties in file order."""
        return sorted(totals, key=lambda use_id: (-totals[use_id], self.position[use_id]))


def query_terms(query: str) -> list[str]:
    """The query's words as searched: bounded in length and number, each once, in the order typed."""
    return list(dict.fromkeys(terms(query[:MAX_QUERY_LENGTH])))[:MAX_WORDS]
