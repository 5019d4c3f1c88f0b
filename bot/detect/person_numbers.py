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

The same holds for a token of letters and digits with no label ("REF/2054/SU", "eef1a052", a
32-character hash, a UUID, "FFSHDE5KZ1I"): beside a named person it is that person's reference,
token or code, unless its shape is one that names no one. Kept, as a privacy officer would keep
them: quantities with their unit ("1500mL", "40mEq", "5x10cm"), ordinals ("10th"), clinical
codes with few digits ("CD4", "HbA1c", "COVID-19", "L4-L5"), ICD-10 codes ("E11.9"), versions
and the batch, lot, model and release numbers that follow their word ("lot 24K118": a lot is
shared by every patient who got that batch, so it identifies no one; recalls need it).
"""

from __future__ import annotations

from collections.abc import Callable

import regex as re

from bot.detect.recognizers.ids import (
    after_non_identifying_word,
    code_system_after,
    names_a_form,
)
from bot.detect.recognizers.labelled_ids import generated_letters, generated_secret, mixed_code
from bot.detect.types import Finding, Kind
from bot.detect.verdict import is_direct

# Digits, in up to five groups joined by "-" or "/" ("448120", "4417-2209-88", "2024-118734"),
# and perhaps a check code of letters last ("85/93587/HV").
_NUMBER = re.compile(
    r"(?<![\w$€£¥.,:/#+\-])\d{1,24}(?:[-/.]\d{1,10}){0,4}(?:[-/](?-i:[A-Z]{1,3}))?(?![\w%°]|[.,]\d|[-/:.]\w)"
)
# Nine digits in three groups parted by single spaces ("410 412 763", as account and insurance
# numbers are printed), after a comma, a colon, a bracket or a linking word ("merged into 193
# 876 716"); after any other word they are readings in a row ("sugars 180 220 190").
_SPACED_TRIPLETS = re.compile(r"(?<![\w.,/:+\-]|\d )\d{3} \d{3} \d{3}(?![\w/%]| ?\d|[.,]\d)")
# Groups of four digits parted by single spaces ("7731 2723", "7518 1573 9149"), as a card's or
# an account's number is printed and read back; not clock times or years in a row.
_SPACED_QUADS = re.compile(r"(?<![\w.,/:+\-]|\d )\d{4}(?: \d{4}){1,3}(?![\w/%]| ?\d|[.,]\d)")
_LINKING = frozenset({"into", "as", "is", "was", "to", "on", "no", "nr", "number", "with"})
# A token of letters and digits, perhaps in groups joined by "-", "/", "." or "_".
_TOKEN = re.compile(
    r"(?<![\w@/.:#+\-])(?=[\w/.-]*\d)(?=[\w/.-]*[a-z])[a-z0-9]+(?:[-/._][a-z0-9]+){0,5}"
    r"(?![\w@-]|[./]\w)",
    re.IGNORECASE,
)
# Letters alone, mixed case, as a system generates a code ("xVwGHuLaJMbsPSeqxrhY"): no digit,
# so `_TOKEN` does not take it; `generated_letters` tells it from a name or a product's name.
_LETTERS = re.compile(r"(?<![\w@/.:#+\-])[A-Za-z]{8,40}(?![\w@-]|[./]\w)")
# A run with no space that may be a generated secret ("$3L#jwQd_x"), trailing punctuation off.
_SECRET = re.compile(r"(?<!\S)[^\s,;]{8,40}(?<![.,;:!?)])(?=[\s,;.!?)]|$)")
_TOKEN_UNIT = re.compile(
    r"\d+(?:[.,]\d+)?(?:x\d+(?:[.,]\d+)?)*(?:mg|mcg|ug|g|kg|ml|l|cc|meq|mmol|iu|u|units?|mm|cm|m|km"
    r"|mi|ft|in|lbs?|oz|h|hr|hrs|min|mins|s|ms|d|wk|wks|mo|y|yr|yrs|am|pm|x|k|gb|mb|kb|hz|khz|mhz"
    r"|bpm|st|nd|rd|th|f|c)",
    re.IGNORECASE,
)
_INTERVAL = re.compile(r"q\d{1,2}(?:h|hr|hrs|d|wk|min|mins)?", re.IGNORECASE)  # "q4h", "q12hr"
_ICD = re.compile(r"[A-Z]\d{2}(?:\.[0-9A-Z]{1,4})?")
_VERSION = re.compile(r"v\d+(?:\.\d+)*[a-z]?", re.IGNORECASE)
_HEX_RUN = re.compile(r"[0-9a-f]+(?:-[0-9a-f]+)*", re.IGNORECASE)
_VARIANT = re.compile(r"[A-Z]\d{1,4}[A-Z]")  # an amino-acid change: "V600E", "T790M"
_NAMED_NUMBER = re.compile(r"[A-Z]{4,}\d{1,2}")  # "COVID19", "SARS2"
# Antigen, gene and receptor names with their allele or number ("HLA-DR15", "HLA-B27",
# "KIR2DL1", "CYP2C19", "BRCA1", "IL-6", "CD4-CD8"): a type, the same for every carrier
_NOMENCLATURE = re.compile(
    r"(?:HLA|KIR|CYP|BRCA|HER|IL|CD|TNF|EGFR|KRAS|NRAS|JAK|FLT|IDH|APOE|MTHFR|HFE|TP|ALK|ROS|RET|MET"
    r"|HPV|HSV|HHV|EBV|CMV|HTLV|DRB|DQB|DQA|DPB)\d*(?:-|\d|$)"
)
_READING = re.compile(r"[a-z]{1,6}\d+(?:\.\d+)?", re.IGNORECASE)  # "BP140", "T38.5", "Na128"
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


# the splits and shapes below, compiled once (a module-level `regex` call costs a cache look-up)
_NUMBER_JOINERS = re.compile(r"[-/.]")
_TOKEN_JOINERS = re.compile(r"[-/._]")
_LAST_WORD = re.compile(r"([a-z]+)\.?$", re.IGNORECASE)
_TWO_DIGITS = re.compile(r"\d\d")
_DIGIT_LETTER = re.compile(r"\d[a-z]", re.IGNORECASE)


def _a_number(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    groups = [
        g for g in _NUMBER_JOINERS.split(value) if g.isdigit()
    ]  # "85/93587/HV": a check code last
    total = sum(len(g) for g in groups)
    if len(groups) == 1 and total < 6:
        return False  # "1870", "8210": sizes, counts, codes
    lettered = not value[-1].isdigit()
    if value.count(".") == 1 and len(groups) == 2:
        return False  # "1234567.89": a decimal
    # "978-1-5336-2852-7", "461-85089-6": long book and check-digit numbers in groups
    spread = (len(groups) >= 4 and total >= 10) or total >= 9
    if (
        len(groups) > 1
        and not spread
        and (total < (7 if lettered else 8) or min(map(len, groups)) < 2)
    ):
        return False  # "120/80", "2-3", "10-12-4": readings and ranges
    if _YEARS.fullmatch(value) or _CLOCK_RANGE.fullmatch(value) or _DATE.fullmatch(value):
        return False
    if _UNIT_AFTER.match(text, end):
        return False
    before = text[max(0, start - 12) : start]
    return not (
        _MONEY_BEFORE.search(before)
        or _CODE_BEFORE.search(before)
        or after_non_identifying_word(text, start)
        or code_system_after(text, end)
        or names_a_form(text, start, end)
    )


def _no_quantity_money_or_code(text: str, start: int, end: int) -> bool:
    """No unit after the digits, and no money, code system or lot word before them."""
    before = text[max(0, start - 12) : start]
    return not (
        _UNIT_AFTER.match(text, end)
        or _MONEY_BEFORE.search(before)
        or _CODE_BEFORE.search(before)
        or after_non_identifying_word(text, start)
    )


def _spaced_number(text: str, start: int, end: int) -> bool:
    """Three spaced groups of digits that follow punctuation or a linking word, not a reading's
    label, and are no quantity, money or code."""
    lead = text[max(0, start - 16) : start].rstrip()
    word = _LAST_WORD.search(lead)
    if lead and lead[-1] not in ",:;(-–" and not (word and word.group(1).lower() in _LINKING):
        return False  # "sugars 180 220 190": readings in a row
    return _no_quantity_money_or_code(text, start, end)


def _spaced_quads(text: str, start: int, end: int) -> bool:
    """Four-digit groups that are no clock times ("0800 1400"), years ("2019 2020"), quantity,
    money or code."""
    groups = text[start:end].split()
    if all(int(g[:2]) < 24 and int(g[2:]) < 60 for g in groups):
        return False  # "obs at 0800 1200 1600": times of day
    if all(g[:2] in {"19", "20"} for g in groups):
        return False  # "2019 2020 2021": years
    return _no_quantity_money_or_code(text, start, end)


def _a_handle(value: str, groups: list[str]) -> bool:
    """A handle in capitals ("JP48-FAKE", "ORG-HLU785-RIPE"): groups of letters, one with a run
    of two or more digits, seven characters or more. A gene variant ("BRAF-V600E"), a named
    number ("COVID19-PCR"), a strain ("H1N1-FLU") or a reading ("BP140/90") is no handle."""
    mixed = [g for g in groups if _TWO_DIGITS.search(g) and any(c.isalpha() for c in g)]
    return (
        value.isupper()
        and "/" not in value
        and not any(g.isdigit() for g in groups)
        and sum(map(len, groups)) >= 7
        and sum(c.isdigit() for c in value) >= 2
        and bool(mixed)
        and not any(_VARIANT.fullmatch(g) or _NAMED_NUMBER.fullmatch(g) for g in mixed)
        and not _NOMENCLATURE.match(value)
    )


def _a_generated_code(value: str, groups: list[str]) -> bool:
    """A code a system generates in dashed groups of letters and digits, in any case ("za6-dg8m",
    "TD5-HD0R"), with a group that no reading or type is shaped like: a letter after its digit
    ("dg8m"). Vertebrae, antigens, readings and dosing intervals in a pair ("CD4-CD8",
    "T38-HR110", "q4h-q6h") are not."""
    return (
        mixed_code(value)
        and any(_DIGIT_LETTER.search(g) for g in groups)
        and not any(_INTERVAL.fullmatch(g) or _TOKEN_UNIT.fullmatch(g) for g in groups)
        and not _NOMENCLATURE.match(value.upper())
    )


def _a_token(text: str, start: int, end: int) -> bool:
    """A letter-digit token that is someone's reference, not a quantity, code or version.

    A token in one piece `IdRecognizer` has already read by shape; here only the shapes it
    leaves are taken: a hexadecimal run ("eef1a052", a hash) and a long code in capitals
    ("FFSHDE5KZ1I"). A token in groups ("REF/2054/SU", a UUID) needs four digits and no group
    that is a quantity or a reading ("5/325mg", "BP140/90", "100mcg/hr").
    """
    value = text[start:end]
    digits = sum(c.isdigit() for c in value)
    groups = _TOKEN_JOINERS.split(value)
    if _HEX_RUN.fullmatch(value) and len(value) >= 16:
        return not after_non_identifying_word(text, start)  # a UUID, a hash in groups
    if len(groups) == 1:
        coded = len(value) >= 8 and value.isupper() and digits >= 1  # "FFSHDE5KZ1I"
        hexish = len(value) >= 8 and digits >= 3 and _HEX_RUN.fullmatch(value) is not None
        if not (coded or hexish) or value.lower().startswith("0x"):
            return False
    elif _a_handle(value, groups) or _a_generated_code(value, groups):
        pass
    elif digits < 4 or any(_TOKEN_UNIT.fullmatch(g) or _READING.fullmatch(g) for g in groups):
        return False  # "COVID-19", "L4-L5", "5/325mg", "BP140/90": codes and readings
    if _ICD.fullmatch(value) or _VERSION.fullmatch(value) or names_a_form(text, start, end):
        return False
    return not after_non_identifying_word(text, start)


def _a_letters_code(text: str, start: int, end: int) -> bool:
    return generated_letters(text[start:end]) and not after_non_identifying_word(text, start)


def _a_secret(text: str, start: int, end: int) -> bool:
    return generated_secret(text[start:end])


# Each shape of unlabelled value and what makes one someone's, in the order they are tried: a
# value already found, by a recognizer or an earlier shape, is not looked at again.
_SHAPES: tuple[tuple[re.Pattern[str], Callable[[str, int, int], bool]], ...] = (
    (_NUMBER, _a_number),
    (_SPACED_TRIPLETS, _spaced_number),
    (_SPACED_QUADS, _spaced_quads),
    (_TOKEN, _a_token),
    (_LETTERS, _a_letters_code),
    (_SECRET, _a_secret),
)


def person_numbers(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` plus an ID for each long unlabelled number, when someone is identified."""
    if not _identifying(findings):
        return findings
    added: list[Finding] = []
    for shape, identifies in _SHAPES:
        taken = [*findings, *added]
        for m in shape.finditer(text):
            start, end = m.span()
            if any(f.start < end and start < f.end for f in taken):
                continue
            if identifies(text, start, end):
                added.append(Finding(start, end, Kind.ID, SCORE, RECOGNIZER, "UNIQUE"))
    return sorted([*findings, *added], key=lambda f: (f.start, f.end)) if added else findings
