"""The city gazetteer as folded token n-grams, shared by the city and name recognizers.

Its own module so that `cities` (which needs the name rules' casing test) and `names_context`
(which needs to know a run of words is a city) both depend on it and not on each other.
"""

from __future__ import annotations

from functools import cache

from bot.detect.data import load_words
from bot.detect.recognizers.names_lexicon import fold

MAX_TOKENS = 4


@cache
def city_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First folded token -> every city's folded token tuple starting with it."""
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in (
        load_words("cities.txt") | load_words("world_cities.txt") | load_words("towns_en.txt")
    ):
        toks = tuple(fold(t) for t in name.replace("-", " - ").split())
        # hyphens are tokens of their own and do not count ("Stoke-on-Trent" is three words)
        if toks and sum(t != "-" for t in toks) <= MAX_TOKENS:
            index.setdefault(toks[0], set()).add(toks)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}
