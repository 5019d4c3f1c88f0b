"""DATE: a holiday's name in a post about no one ("outpatient clinic closed Christmas Day").

A holiday named without its year is a day of the calendar everyone shares: a closure, a rota,
a party ("Boxing Day rota is on the board", "pharmacy shuts early on Christmas Eve"). In a post
about no one, with a closure's or a rota's word beside it (`CLOSURE`: closed, shuts, opens,
rota, party, on call, hours, a bank holiday), it dates nothing of a person's, and each made a
unit's notice a date finding (issue 13, the chat precision pass). Beside a person it is a date
of service like any other ("admitted on Boxing Day", "she fell on Christmas Eve"), so the post
gates of `post_gates` decide, and an arrival or a person's word does too ("came in", "presented",
"arrived", "lady", "gentleman"): the holiday stays a finding. Without a closure's word beside it
("Lady from Leeds presented Boxing Day with SOB") it stays; so does a holiday with its year
("Christmas Day 2024", a full date). The US Fourth is written as an ordinary date ("July 4th",
"Angio July 4") and is never claimed here (review F3: d083db3 let "Came in July 4th from
Dover" go).
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from bot.detect.post_gates import about_someone, identified
from bot.detect.recognizers.date_patterns import HOLIDAY_NAMES
from bot.detect.types import Finding, Kind

# The named days `date_patterns.holiday_medium` finds (one list for both).
HOLIDAY = re.compile(HOLIDAY_NAMES)
# A closure's, a rota's or a party's word, which must stand beside the holiday.
CLOSURE = re.compile(
    r"\b(?:clos(?:ed|es|ing|ure)|shut(?:s|ting)?|opens?|opening|rotas?|part(?:y|ies)"
    r"|on[- ]call|hours|(?:bank|public)\s+holiday)\b",
    re.I,
)
# Someone arriving, or a person's word, puts a person in the post.
ARRIVAL = re.compile(
    r"\b(?:c[ao]me\s+in|presented|presents|arrived|arrives|attended|brought\s+in|lady|ladies"
    r"|gentleman|gent|man|woman|boy|girl)\b",
    re.I,
)
_WORD = re.compile(r"[\w'’-]+")
BESIDE_BEFORE = 5
BESIDE_AFTER = 4


def holiday_spans(text: str, findings: Sequence[Finding]) -> list[tuple[int, int]]:
    """The spans of the DATE findings in `findings` that are a holiday's name alone, in a post
    about no one (module docstring); none when someone is in the post."""
    holidays = [
        f
        for f in findings
        if f.kind is Kind.DATE and HOLIDAY.fullmatch(text[f.start : f.end].strip(" .,;:!?"))
    ]
    if not holidays:
        return []
    others = [f for f in findings if f not in holidays]
    if identified(others) or about_someone(text, others) or ARRIVAL.search(text):
        return []
    return [(f.start, f.end) for f in holidays if _closure_beside(text, f)]


def _closure_beside(text: str, f: Finding) -> bool:
    """A closure's word among the few words either side of the holiday on its line."""
    lo = text.rfind("\n", 0, f.start) + 1
    hi = text.find("\n", f.end)
    before = _WORD.findall(text, lo, f.start)[-BESIDE_BEFORE:]
    after = _WORD.findall(text, f.end, hi if hi >= 0 else len(text))[:BESIDE_AFTER]
    return bool(CLOSURE.search(" ".join(before)) or CLOSURE.search(" ".join(after)))
