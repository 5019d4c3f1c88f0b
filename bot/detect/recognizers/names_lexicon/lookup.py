"""The gazetteer and the English vocabulary, loaded once and looked up by folded spelling.

The word lists themselves live in `bot/detect/data`; this module knows how a word is looked up
(accents folded, elided prefixes and possessives off, English inflections known).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from bot.detect.data import load_words

_SPECIAL = str.maketrans(
    {"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case ASCII spelling, so "Nguyễn" and "nguyen" look up alike (cached, bounded:
    the same words come back in every message)."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_INFLECTIONS = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("n", ""),
    ("en", ""),
    ("er", ""),
    ("est", ""),
    ("ly", ""),
    ("'s", ""),
    ("ness", ""),
)


@dataclass(frozen=True)
class Lexicon:
    """Word lists loaded once per process."""

    first: frozenset[str]
    last: frozenset[str]
    ambiguous: frozenset[str]
    english: frozenset[str]
    eponyms: frozenset[str]
    eponym_phrases: frozenset[tuple[str, ...]]

    def key(self, word: str) -> str:
        w = word.lower().strip("'’").replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        return w

    def is_name(self, word: str) -> bool:
        k = self.key(word)
        if len(k) < 2:
            return False
        if self._listed(k):
            return True
        # "D'Angelo", "O'Neill": look the name up without its one elided prefix; not
        # recursively ("O'O'O'..." a thousand times deep crashed the scan).
        return len(k) > 4 and k[1] == "'" and self._listed(k[2:])

    def _listed(self, k: str) -> bool:
        return k in self.first or k in self.last or fold(k) in self.first or fold(k) in self.last

    def is_last(self, word: str) -> bool:
        k = self.key(word)
        return k in self.last or fold(k) in self.last

    def is_first(self, word: str) -> bool:
        k = self.key(word)
        if k in self.first or fold(k) in self.first:
            return True
        return len(k) > 4 and k[1] == "'" and (k[2:] in self.first or fold(k[2:]) in self.first)

    def is_ambiguous(self, word: str) -> bool:
        """A name that is also an ordinary English or clinical word ("will", "grace", "ward")."""
        return self.key(word) in self.ambiguous

    def is_english(self, word: str) -> bool:
        """A known English word, inflected forms included ("wants", "called", "seen")."""
        k = self.key(word)
        if k in self.english:
            return True
        for suffix, repl in _INFLECTIONS:
            if (
                k.endswith(suffix)
                and len(k) - len(suffix) >= 2
                and k[: len(k) - len(suffix)] + repl in self.english
            ):
                return True
        return False

    def is_eponym(self, word: str) -> bool:
        k = self.key(word)
        if k in self.eponyms or fold(k) in self.eponyms:
            return True
        return "-" in k and any(p in self.eponyms or fold(p) in self.eponyms for p in k.split("-"))


@cache
def lexicon() -> Lexicon:
    # WordNet's nouns hold people and places as lower-case lemmas ("stevens", "darwin"): those
    # of our names are no English words (scripts/gen_proper_nouns.py)
    english = load_words("english_words.txt") - load_words("proper_nouns.txt")
    # brand and generic drug names are vocabulary too, not unknown names ("Xeljanz approved");
    # scripts/gen_drug_names.py
    english |= load_words("drug_names.txt")
    census = load_words("census_surnames.txt")
    # surnames that are common words and on neither list ("Gold", "Swan"): names only with
    # a name's evidence, as every ambiguous name
    word_surnames = load_words("word_surnames.txt")
    # a Census surname that is also a vocabulary word ("Nasser", "Thrush") needs a name's
    # evidence, as the names Faker's lists share with English do
    ambiguous = (
        load_words("ambiguous_names.txt")
        | load_words("common_words.txt")
        | (census & english)
        | word_surnames
    )
    return Lexicon(
        first=load_words("first_names.txt"),
        # Faker's surnames, and the Census's frequent ones Faker lacks (scripts/gen_surnames.py)
        last=load_words("last_names.txt") | census | word_surnames,
        ambiguous=ambiguous,
        english=english | ambiguous,
        eponyms=frozenset(e for e in load_words("eponyms.txt") if " " not in e),
        eponym_phrases=frozenset(
            tuple(fold(w) for w in e.split()) for e in load_words("eponyms.txt") if " " in e
        ),
    )
