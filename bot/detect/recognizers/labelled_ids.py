"""ID: any identifier-shaped value after a word that names an identifier.

`ids.IdRecognizer` knows the shapes of record numbers, and each of its labelled patterns takes
one shape after one family of labels. Forms, letters and faxes write every Safe Harbor number
after its label in any shape: letters and digits, dashes, slashes, dots, spaces between
groups ("Claim #: 854-7364349-10", "member 9629 4233 KJ", "certificate no. RTB/600455",
"Group #: GRP-01167S"), or glued to the label ("Acc#AB4471", "chartMRN04857211",
"IDW95473840"). So the value is read by one grammar instead of by shape: after a label and its
"no."/"#"/":", a run of groups of letters and digits, joined by `-/._` or single spaces, that
has digits enough to be a number and not a quantity; a group after a space joins only when it
has a digit or is upper-case letters (a check letter pair, "KJ"). The label is never reported.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    words_after,
    words_before,
    wordset,
)
from bot.detect.recognizers.id_labels import LABEL, SEP, VALUE
from bot.detect.recognizers.lettered_codes import (
    LetteredCodeRecognizer,
    generated_letters,
    generated_secret,
)

# LABEL and VALUE (`id_labels`), the lettered codes and their checks (`lettered_codes`) were
# split out of this module; they are re-exported so that callers' imports stand.
__all__ = [
    "LABEL",
    "VALUE",
    "LabelledIdRecognizer",
    "LetteredCodeRecognizer",
    "generated_letters",
    "generated_secret",
    "mixed_code",
]

# A number mark just before a value: "#", "no.", "nr", "n°", "n.", "Az.", or a label that is a
# number word ("saksnummer", "Ticket-Nr."). After one, four digits are a number ("Claim # 8155").
_MARKED = re.compile(
    r"(?:#|\bno\.?|\bnr\.?|\bn\.?\s?[°º]|\bn\.|\baz\.|nummer|-nr\.?|\bnum\.?|\bnumber)\s*$",
    re.IGNORECASE,
)
_LABEL_WORD = re.compile(LABEL, re.IGNORECASE)  # "Medicare MBI 9EG1-...": "MBI" is a label
# Quantities and codes that follow a label word without being anyone's number.
_UNITS = wordset(
    "mg mcg g kg ml l units u iu meq mmol mm cm min mins h hr hrs hours days d wks weeks mo "
    "months yrs years x times pages tabs caps % am pm"
)
_QUANTITY = re.compile(r"\d+(?:[.,]\d+)?(?:[a-z]{1,5}|%)?", re.IGNORECASE)
_DECIMAL = re.compile(r"\d+[.,]\d{1,2}")
# "ref 3.5-5.0", "ref 135-145": a range of values (small numbers or decimals); "4471-2290" is not
_RANGE = re.compile(
    r"\d{1,3}(?:[.,]\d+)?\s?[-–]\s?\d{1,3}(?:[.,]\d+)?|\d+[.,]\d+\s?[-–]\s?\d+[.,]\d+"
)
# A file, case or claim word just before a value: after one, "75-590" is no range of values.
_FILED = re.compile(
    r"\b(?:file|dossier|fascicolo|case|claim|appeal|sinistro|siniestro|expediente|processo)"
    r"\W*(?:ref(?:erence)?\b\.?\s*)?$",
    re.IGNORECASE,
)
_CODE = re.compile(r"(?:[A-Z]\d{2}(?:\.\d{1,4})?|\d{4,5}-\d{3,4}-\d{1,2})")  # ICD-10, NDC
# The words an NDC's 4-4-2 or 5-3-2 follows; after a payroll's or a claim's word it is theirs.
_DRUG_WORDS = wordset(
    "order orders rx script prescription prescriptions drug drugs med meds medication "
    "medications product item ndc refill refills auth authorization authorisation pa dispensed"
)


# What `refine` asks of a value, compiled once (a module-level `regex` call costs a cache
# look-up through flag enums, about ten times a compiled pattern's match)
_YEAR = re.compile(r"(?:19|20)\d\d")
_JOINERS = re.compile(r"[\s/._-]")
_NEVER_ISSUED_SSN = re.compile(r"(?:000|666)-\d{2}-\d{4}")
_DATE_SHAPE = re.compile(r"\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|(?:19|20)\d{2}-\d{2}-\d{2}")
_PAIR = re.compile(r"(\d+)\s?[-–]\s?(\d+)")


class LabelledIdRecognizer(ClinicalPatternRecognizer):
    """The value after an identifier label, whatever its shape."""

    NEEDS_DIGIT = True
    ENTITY = "ID"
    SUBTYPE = "MRN"
    # looked for backwards first (`BACKWARDS_FIRST`): the last digits, or the label in
    # brackets after the value, end them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {"last_digits_strong", "value_then_label_strong"}
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "label_value_strong",
            rf"\b(?<![/-])(?:{LABEL})(?![a-z])(?:\.(?![ \t]*\n))?{SEP}{VALUE}(?![\w-]|[./]\w)",
            0.85,
        ),
        # The value first and its label after it in brackets, as a note or a ticket writes
        # it ("7165 4965 (wristband barcode)", "63321 (Claim #)", "XT71 8807 (blue badge
        # number)"): the same value grammar, the label up to two words into the brackets.
        Pattern(
            "value_then_label_strong",
            rf"(?<![\w/.-]){VALUE}[ \t]*\((?:(?:the|her|his|their|my|your)[ \t]+)?"
            rf"(?:[\w'-]+[ \t]+){{0,2}}(?:{LABEL})(?![a-z])(?:[ \t]*(?:no\.?|number|id|#|code|serial))*\)",
            0.85,
        ),
        # A vehicle identification number: 17 characters, no I, O or Q (ISO 3779), any mix.
        Pattern(
            "vin_strong",
            r"\b(?:vin|vehicle\s+id(?:entification)?(?:\s+(?:no\.?|number))?)\s*[:#]?\s*"
            r"(?P<v>(?=[A-Z0-9]*\d)(?-i:[A-HJ-NPR-Z0-9]{17}))\b",
            0.9,
        ),
        # The last four of a number, as agents verify a caller by them ("SSN ending in 4471",
        # "card ending 9921", "acct ending -0921", "last 4 digits: 4471", "the last four of her
        # Medicare number are 8812"): part of the identifier, which Safe Harbor removes whole
        Pattern(
            "last_digits_strong",
            rf"(?:\b(?:{LABEL}|phone|mobile|cell|number|no)(?![a-z])\.?(?:\s+(?:number|no\.?|#))?"
            r"\s+(?:ending|ends|that\s+ends)(?:\s+(?:in|with))?"
            r"|\blast\s+(?:4|four|5|five)(?:\s+digits)?(?:\s+(?:of|on)(?:\s+(?:the|his|her|their|my|your))?"
            r"(?:\s+[\w#/-]+){1,2}?)?(?:\s+(?:is|are|was|were))?)"
            r"\s*[:#=-]?\s*(?P<v>(?:[x*•]{2,}[\s-]?)?\d{4,5})\b(?![.,]\d)",
            0.85,
        ),
        # Glued to its label, upper-case label ("chartMRN04857211", "Acc#AB4471", "IDW9547384").
        Pattern(
            "glued_label_value_strong",
            r"(?-i:(?:MRN|Mrn|mrn|ACC|Acc|acc|ACCT|Acct|ID|Id|SSN|DOB)[#:]?(?P<v>(?=[A-Z0-9]*\d)[A-Z0-9]{5,20}))"
            r"(?![\w-])",
            0.85,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if pattern_name(result) == "last_digits_strong":
            # a number's last four; not a year a period ends in ("statement ending 2024")
            year = _YEAR.fullmatch(text[result.start : result.end])
            return (
                None
                if year and "last" not in text[max(0, result.start - 40) : result.start].lower()
                else result
            )
        if pattern_name(result) == "vin_strong":
            return result  # a VIN need not have four digits, a BIC none
        value = text[result.start : result.end]
        digits = sum(c.isdigit() for c in value)
        compact = _JOINERS.sub("", value)
        lettered = any(c.isalpha() for c in compact)
        coded = len(compact) >= 8 and digits >= 1 and compact.isupper()  # "FFSHDE5KZ1I"
        marked = bool(_MARKED.search(text[max(0, result.start - 24) : result.start]))
        if len(compact) == 4 and compact.isdigit() and marked:
            pass  # "Claim # 8155", "Az. 7027", "saksnummer 1870": four digits after a number mark
        elif not mixed_code(value) and (
            (digits < 4 and not (lettered and digits >= 3) and not coded) or len(compact) < 5
        ):
            return None  # "group 2", "case 12", "plan B2"; "Grp YW207" is a number
        groups = value.split()
        if len(groups) > 1 and groups[0].isalpha() and not _LABEL_WORD.fullmatch(groups[0]):
            groups = [groups[0] + groups[1], *groups[2:]]  # "W 07102": its letters apart
        if any(_DECIMAL.fullmatch(g) for g in groups):
            return None  # "group 1.5 2.5 3.5", "lab 140.25": measurements
        # a single digit before a group of letters opens a register's number ("9 P 4786/26"),
        # as a court's or an insurer's file is written; elsewhere it is a count in a row
        single = [
            i
            for i, g in enumerate(groups)
            if len(g) == 1 and g.isdigit() and not (i + 1 < len(groups) and groups[i + 1].isalpha())
        ]
        check_digit = single == [len(groups) - 1] and digits >= 8  # "2123 45670 1"
        # a barcode's number system digit first, as EAN-13 prints it ("5 012345 678900")
        check_digit = check_digit or (single == [0] and digits >= 12)
        if len(groups) > 1 and (digits < 6 or (single and not check_digit)):
            return None  # "group 3 10 15", "visit 2 30": counts in a row, not one number
        quantity = _QUANTITY.fullmatch(value)
        if quantity and not value.isdigit() and value.lstrip("0123456789.,").lower() in _UNITS:
            return None  # "pump 1500mL", "lab 40mg"; "Reference 0083504a" is a number
        after = words_after(text, result.end, 1)
        if after and after[0] in _UNITS:
            return None  # "plan 1000 mg", "order 2000 units"
        if value.isdigit() and len(value) == 4 and _YEAR.fullmatch(value):
            return None  # "member since 2019", "policy 2024": a year
        if _NEVER_ISSUED_SSN.fullmatch(value):
            return None  # an SSN the SSA never issues: a placeholder ("ref 000-12-3456")
        if _RANGE.fullmatch(value) and not (
            (marked or _FILED.search(text[max(0, result.start - 24) : result.start]))
            and _uneven_pair(value)
        ):
            return None  # "ref 3.5-5.0", "order 10-20"; "file ref. 75-590" is a file number
        if _CODE.fullmatch(value) and (
            value[0].isalpha() or _DRUG_WORDS.intersection(words_before(text, result.start, 4))
        ):
            return None  # a diagnosis code; a drug code after an order's or a drug's word
        if _DATE_SHAPE.fullmatch(value):
            return None  # a date after "visit", "order", "lab": the date recognizer's
        return result


def _uneven_pair(value: str) -> bool:
    """Two numbers in a pair that no range writes: of unequal widths ("75-590", "33-662") or the
    second with a leading zero ("16-083"). A range's ends are alike ("10-20", "135-145")."""
    pair = _PAIR.fullmatch(value)
    if not pair:
        return False
    low, high = pair.groups()
    return len(low) >= 2 and (len(low) != len(high) or high.startswith("0"))


def mixed_code(value: str) -> bool:
    """A generated code in dashed groups, each of letters and a digit, in any case ("aw4-ux3x",
    "TD5-HD0R"): two groups or more, three characters each at least."""
    groups = value.split("-")
    return len(groups) >= 2 and all(
        len(g) >= 3
        and g.isalnum()
        and g.isascii()
        and any(c.isdigit() for c in g)
        and any(c.isalpha() for c in g)
        for g in groups
    )
