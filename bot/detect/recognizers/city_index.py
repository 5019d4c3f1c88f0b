"""The city gazetteer as folded token n-grams, shared by the city and name recognizers.

Its own module so that `cities` (which needs the name rules' casing test) and `names_context`
(which needs to know a run of words is a city) both depend on it and not on each other.
"""

from __future__ import annotations

from functools import cache

from bot.detect.data import load_words
from bot.detect.recognizers.names_lexicon import fold

MAX_TOKENS = 4
# A possessive's mark as the tokenizer splits it off, with either apostrophe
_POSSESSIVE_MARKS = ("'s", "’s")
# Tokens of a city's name that are no words of it: hyphens ("Stoke-on-Trent" is three words)
# and the possessive the tokenizer splits off ("King's Lynn" is two)
NOT_WORDS = frozenset({"-", *_POSSESSIVE_MARKS})


def words_in(toks: tuple[str, ...]) -> int:
    """How many words a city's folded tokens hold."""
    return sum(t not in NOT_WORDS for t in toks)


@cache
def city_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """First folded token -> every city's folded token tuple starting with it."""
    index: dict[str, set[tuple[str, ...]]] = {}
    for name in (
        load_words("cities.txt") | load_words("world_cities.txt") | load_words("towns_en.txt")
    ):
        toks = tuple(fold(t) for t in name.replace("-", " - ").split())
        # hyphens are tokens of their own and do not count ("Stoke-on-Trent" is three words)
        if toks and words_in(toks) <= MAX_TOKENS:
            for variant in (toks, *_written_forms(toks)):
                index.setdefault(variant[0], set()).add(variant)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def listed_town(value: str) -> bool:
    """Whether the whole of `value` is a town of the gazetteer, in any case ("fresno",
    "Stoke-on-Trent"): folded as the index folds its names."""
    toks = tuple(fold(t) for t in value.replace("-", " - ").split())
    return bool(toks) and toks in city_index().get(toks[0], ())


def listed_county(value: str) -> bool:
    """Whether `value` is a British or Irish county or council area (`counties.txt`, in any
    case) or a "-shire" name ("Merionethshire"): the line of an address block between its town
    and postcode, which the town rules would take for English words ("West Midlands")."""
    folded = " ".join(value.split()).lower()
    return folded in load_words("counties.txt") or (
        folded.endswith("shire") and len(folded) >= 8 and " " not in folded
    )


# How an address abbreviates a town's first word, as the tokenizer splits it ("St. Cloud" for
# GeoNames' "Saint Cloud", "Ft. Wayne", "Mt Airy"), and a royal prefix people drop
_ABBREVIATED = {
    "saint": (("st.",), ("st",)),
    "sainte": (("ste.",), ("ste",)),
    "mount": (("mt.",), ("mt",)),
    "fort": (("ft", "."), ("ft",)),
    "royal": ((),),
}


def _written_forms(toks: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The other ways a text's tokens spell a gazetteer town of two words or more: its first
    word abbreviated or dropped (`_ABBREVIATED`: "St. Cloud", "Leamington Spa"), or a
    possessive first word split as the tokenizer splits it, with either apostrophe: "King's
    Lynn" as written, and "Bishops Stortford", which the gazetteer writes without the
    apostrophe that people write."""
    if len(toks) < 2:
        return []
    if toks[0] in _ABBREVIATED:
        return [head + toks[1:] for head in _ABBREVIATED[toks[0]] if head + toks[1:]]
    if toks[0].endswith(_POSSESSIVE_MARKS) and len(toks[0]) >= 4:
        # "King's Lynn" as the tokenizer splits it ("King", "'s", "Lynn"), either apostrophe
        return [(toks[0][:-2], mark, *toks[1:]) for mark in _POSSESSIVE_MARKS]
    if toks[0].endswith("s") and len(toks[0]) >= 5 and toks[1] != "-":
        # the gazetteer drops a possessive's apostrophe that people write ("Bishops Stortford"
        # for "Bishop's Stortford", "Kings Lynn"), which the tokenizer splits off
        return [(toks[0][:-1], mark, *toks[1:]) for mark in _POSSESSIVE_MARKS]
    return []
