"""A town's name does not end at its particle: the words after it are the town's too.

Spanish and Portuguese towns end in an article or a preposition and more words: "San Carlos
los altos", "Pacheco do Oeste", "Silva dos Dourados", "Villanueva de la Serena". The town
rules and the name rules stop at the particle (a particle and a lower-case word look like a
sentence going on), so the tail leaked. After a town found, the tail is read as part of it:
a plural article and a lower-case word ("los altos", "las lomas": neither word is English), or
a preposition, perhaps with its article, and a capitalised word ("do Oeste", "de la Montaña").
A saint's name read as a person's ("San Esperanza") with such a tail after it is a town.
"""

from __future__ import annotations

import regex as re

from bot.detect.types import Finding, Kind

_TAIL = re.compile(
    r"(?-i:[ ](?:(?:los|las)[ ]\p{Ll}[\p{Ll}\p{M}]{2,}"
    r"|(?:de|del|do|dos|da|das)(?:[ ](?:la|las|los))?[ ]\p{Lu}[\p{Ll}\p{M}'’-]+))"
    r"(?![\p{L}\p{M}\d'’-])"
)
# A saint's name before a town's tail: "San Esperanza los bajos" is a town, not a person
_SAINT_HEAD = re.compile(r"(?-i:(?:San|Santa|Santo|São|Sao|Saint|Sainte)[ ])")


def widen_towns(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings`, each town (and saint-named person) before a particle's tail widened over it."""
    out: list[Finding] = []
    for i, f in enumerate(findings):
        tail = _TAIL.match(text, f.end)
        town = f.kind is Kind.LOCATION and f.subtype == "CITY"
        saint = f.kind is Kind.NAME and _SAINT_HEAD.match(text, f.start) is not None
        if tail is None or not (town or saint):
            out.append(f)
            continue
        if any(g.start < tail.end() and f.end < g.end for j, g in enumerate(findings) if j != i):
            out.append(f)  # the tail is another finding's already
            continue
        out.append(Finding(f.start, tail.end(), Kind.LOCATION, f.score, f.recognizer, "CITY"))
    return out
