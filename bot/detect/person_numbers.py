"""ID: a long number standing alone in a text that already identifies a person.

Forms, slips and letters print reference numbers with no label of their own ("Please quote
4417-2209-88 on any reply about ...", "Her case number with the carrier is 0112-4458109", "your
reference number, 448120"). The recognizers read a value as an ID by its label or by a shape
nothing else has (letters and digits, 7+ digits alone); a 6-digit number or digits in dashed
groups they leave alone, since in a clean post those are counts, codes and ranges. Once a text
has a direct identifier of someone (a patient's name, an ID, an address), such a number beside
it is that person's "any other unique number" (Safe Harbor item 18), unless it reads as a
quantity (a unit after it, money before it), a date or time, a range of years or clock times,
or a drug code. Run after the recognizers, on their merged findings; a number inside a
finding is left to it.
"""

from __future__ import annotations

import regex as re

from bot.detect.types import Finding, Kind
from bot.detect.verdict import is_direct

# Digits, in up to five groups joined by "-" or "/" ("448120", "4417-2209-88", "2024-118734"),
# and perhaps a check code of letters last ("85/93587/HV").
_NUMBER = re.compile(
    r"(?<![\w$€£¥.,:/#+\-])\d{1,24}(?:[-/]\d{1,10}){0,4}(?:[-/](?-i:[A-Z]{1,3}))?(?![\w%°]|[.,]\d|[-/:]\w)"
)
_UNIT_AFTER = re.compile(
    r"\s?(?:mg|mcg|µg|ug|g|kg|ml|mL|l|L|cc|units?|iu|IU|meq|mmol|mm|cm|km|mi|miles|lbs?|oz|ft|in|"
    r"min|mins|minutes|h|hr|hrs|hours|days?|wks?|weeks?|mo|months?|yrs?|years?|cells|copies|steps|"
    r"kcal|cal|x|times|pages|tabs?|caps?|doses?|bottles?|people|patients|pts|beds|%)\b",
    re.IGNORECASE,
)
_MONEY_BEFORE = re.compile(r"(?:\$|usd|eur|gbp|€|£)\s?$", re.IGNORECASE)
_CODE_BEFORE = re.compile(
    r"\b(?:ndc|cpt|hcpcs|icd(?:-?10)?|loinc|snomed|rev(?:enue)?\s+code)\W{0,3}$", re.I
)
_YEARS = re.compile(r"(?:19|20)\d{2}[-/](?:19|20)\d{2}")
_CLOCK_RANGE = re.compile(r"(?:[01]\d|2[0-4])[0-5]\d-(?:[01]\d|2[0-4])[0-5]\d")
_DATE = re.compile(
    r"\d{1,2}[-/]\d{1,2}[-/](?:\d{2}|\d{4})|(?:19|20)\d{2}[-/]\d{1,2}[-/]\d{1,2}"
    r"|(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
)
SCORE = 0.6
RECOGNIZER = "PersonNumbers"


def _identifying(findings: list[Finding]) -> bool:
    """A patient (or relative) is named or numbered here: not just a colleague or a place."""
    return any(is_direct(f) and f.kind in (Kind.NAME, Kind.ID, Kind.LOCATION) for f in findings)


def _a_number(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    groups = [
        g for g in re.split(r"[-/]", value) if g.isdigit()
    ]  # "85/93587/HV": a check code last
    total = sum(len(g) for g in groups)
    if len(groups) == 1 and total < 6:
        return False  # "1870", "8210": sizes, counts, codes
    lettered = not value[-1].isdigit()
    if len(groups) > 1 and (total < (7 if lettered else 8) or min(len(g) for g in groups) < 2):
        return False  # "120/80", "2-3", "10-12-4": readings and ranges
    if _YEARS.fullmatch(value) or _CLOCK_RANGE.fullmatch(value) or _DATE.fullmatch(value):
        return False
    if _UNIT_AFTER.match(text, end):
        return False
    before = text[max(0, start - 12) : start]
    return not (_MONEY_BEFORE.search(before) or _CODE_BEFORE.search(before))


def person_numbers(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` plus an ID for each long unlabelled number, when someone is identified."""
    if not _identifying(findings):
        return findings
    added = []
    for m in _NUMBER.finditer(text):
        start, end = m.span()
        if any(f.start < end and start < f.end for f in findings):
            continue
        if _a_number(text, start, end):
            added.append(Finding(start, end, Kind.ID, SCORE, RECOGNIZER, "UNIQUE"))
    return sorted([*findings, *added], key=lambda f: (f.start, f.end)) if added else findings
