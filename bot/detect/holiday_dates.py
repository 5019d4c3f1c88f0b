"""DATE: a holiday's name in a post about no one ("outpatient clinic closed Christmas Day").

A holiday named without its year is a day of the calendar everyone shares: a closure, a rota,
a party ("Boxing Day rota is on the board", "pharmacy shuts early on Christmas Eve", "closes at
6 pm on July 4th"). Alone in a post about no one it dates nothing of a person's, and each made a
unit's notice a date finding (issue 13, the chat precision pass). Beside a person it is a date
of service like any other ("admitted on Boxing Day", "she fell on Christmas Eve"), so the post
gates of `org_phones` decide: where anyone is identified or only mentioned (a patient's,
relative's or personal word, an age, a room), the holiday stays a finding. A holiday with its
year ("Christmas Day 2024") is a full date and stays too.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex as re

from bot.detect.org_phones import about_someone, identified
from bot.detect.types import Finding, Kind

# The named days `date_patterns.holiday_medium` finds, and the US Fourth by its date.
HOLIDAY = re.compile(
    r"(?:Christmas|Xmas)\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year'?s?\s+(?:Day|Eve)"
    r"|Easter\s+(?:Sunday|Monday)|Good\s+Friday|St\.?\s+Patrick'?s\s+Day|Anzac\s+Day"
    r"|Waitangi\s+Day|Canada\s+Day|Australia\s+Day|Thanksgiving\s+Day|Independence\s+Day"
    r"|July\s+4(?:th)?|(?:the\s+)?(?:4th|Fourth)\s+of\s+July"
)


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
    if identified(others) or about_someone(text, others):
        return []
    return [(f.start, f.end) for f in holidays]
