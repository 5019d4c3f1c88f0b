"""AGE in words: "ninety-two years old", "aged seventy-one", "she turned ninety", "her 100th".

Letters and e-mails spell ages that chat would type as digits; `spelled_age` also reads them
back for `redact.age_range`. Split from `ages` (digits), whose cues it shares (`age_cues`).
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.age_cues import NAME_WORD, READINGS, persons_age
from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, set_subtype

_UNITS_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_WORDS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_UNIT = "|".join(_UNITS_WORDS)
_BELOW_HUNDRED = rf"(?:(?:{'|'.join(_TENS_WORDS)})(?:[\s-]?(?:{_UNIT}))?|{'|'.join(_TEENS_WORDS)})"
# 1-99 in words: also a room's or a bed's number ("in room fourteen", `rooms`)
SPELLED_BELOW_HUNDRED = rf"(?:{_BELOW_HUNDRED}|{_UNIT})"
SPELLED_AGE = (
    rf"(?:(?:a|one)[\s-]hundred(?:(?:\s+and)?[\s-]+(?:{_BELOW_HUNDRED}|{_UNIT}))?|{_BELOW_HUNDRED})"
)


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_SPELLED_JOINERS = re.compile(r"[\s-]+")


def spelled_number(words: str) -> int | None:
    """ "ninety-two" -> 92, "a hundred and one" -> 101; None for what is no number to 199."""
    total = 0
    for word in _SPELLED_JOINERS.split(words.lower()):
        if word in {"a", "and"}:
            continue
        if word == "one" and total == 0 and "hundred" in words.lower():
            continue
        if word == "hundred":
            total += 100
        elif word in _TENS_WORDS:
            total += 20 + 10 * _TENS_WORDS.index(word)
        elif word in _TEENS_WORDS:
            total += 10 + _TEENS_WORDS.index(word)
        elif word in _UNITS_WORDS:
            total += 1 + _UNITS_WORDS.index(word)
        else:
            return None
    return total


# 90-199 in words ("ninety-four", "a hundred and two")
_OVER_89 = (
    rf"(?:ninety(?:[\s-]?(?:{_UNIT}))?|(?:a|one)[\s-]hundred"
    rf"(?:(?:\s+and)?[\s-]+(?:{_BELOW_HUNDRED}|{_UNIT}))?)"
)
_SPELLED_HEAD = re.compile(
    rf"(?:aged?\s+)?({SPELLED_AGE}|\w+tieth|(?:one\s+)?hundredth)\b", re.IGNORECASE
)


# The units' ordinals as their cardinals ("ninety-third" is "ninety-three")
_ORDINAL_UNITS = {"first": "one", "second": "two", "third": "three", "fifth": "five",
                  "eighth": "eight", "ninth": "nine", "twelfth": "twelve"}  # fmt: skip
_SPELLED_ORDINAL = (
    rf"(?:(?:(?:a|one)[\s-]hundred(?:\s+and)?[\s-]+)?ninety[\s-](?:first|second|third|fifth|eighth|ninth|(?:{_UNIT})th)"
    rf"|(?:a|one)[\s-]hundred(?:\s+and)?[\s-]+(?:first|second|third|fifth|eighth|ninth|(?:{_UNIT})th|tenth)"
    r"|(?:twen|thir|for|fif|six|seven|eigh|nine)tieth|(?:one\s+)?hundredth)"
)


_SPELLED_ORDINAL_IN = re.compile(_SPELLED_ORDINAL, re.IGNORECASE)
_KEPT_JOINERS = re.compile(r"([\s-]+)")
_WORD_OR_AGED_BEFORE = re.compile(r"(\w+)\W*(?:(?:now|nearly|almost|just|aged)\s+)?$")


def spelled_age(value: str) -> int | None:
    """The age a spelled finding gives ("ninety-two years old" -> 92, "ninetieth" -> 90,
    "ninety-third" -> 93)."""
    ordinal = _SPELLED_ORDINAL_IN.match(value)
    if ordinal:
        *head, last = _KEPT_JOINERS.split(ordinal.group().lower())
        if last.endswith("ieth"):
            last = last[:-4] + "y"
        elif last in _ORDINAL_UNITS:
            last = _ORDINAL_UNITS[last]
        elif last.endswith("th"):
            last = last[:-2]
        return spelled_number("".join(head) + last)
    head = _SPELLED_HEAD.match(value)
    if head is None:
        return None
    return spelled_number(head.group(1).lower())


class SpelledAgeRecognizer(ClinicalPatternRecognizer):
    """Ages written in words, as letters and e-mails give them ("ninety-two years old", "aged
    seventy-one", "a sixty-year-old woman", "she turned ninety"). Over 89 a direct identifier,
    like the digits."""

    ENTITY = "AGE"
    SUBTYPE = "AGE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "spelled_age_years_strong",
            rf"\b{SPELLED_AGE}[\s-]+(?:years?|yrs?)[\s-]+old\b",
            0.85,
        ),
        Pattern("spelled_age_of_age_strong", rf"\b{SPELLED_AGE}\s+years?\s+of\s+age\b", 0.85),
        # the label with the words, as the digits' "aged 93" (the redactor keeps it: "aged 90+");
        # "at the age of ninety-five" the words alone
        Pattern(
            "spelled_age_labelled_strong",
            rf"\b(?P<v>(?:aged|age)\s+{SPELLED_AGE})\b|\bage\s+of\s+(?P<v>{SPELLED_AGE})\b",
            0.8,
        ),
        Pattern(
            "spelled_age_over_89_prose_strong",
            r"\b(?:who\s+is|who's|she\s+is|he\s+is|she's|he's|turned|turns|turning|will\s+be"
            rf"|is\s+now)\s+(?P<v>{_OVER_89})\b(?!\s*(?:percent|%|per\s+cent))",
            0.85,
        ),
        Pattern(
            "spelled_age_birthday_strong",
            rf"\b{_SPELLED_ORDINAL}(?=\s+(?:birthday|bday|b-day)\b)",
            0.85,
        ),
        # "in her ninety-third year", "his hundredth": a spelled ordinal after a possessive
        Pattern(
            "spelled_age_possessive_ordinal_strong",
            rf"\b(?:her|his|their)\s+(?P<v>{_SPELLED_ORDINAL})\b(?=\s+(?:year|birthday)\b|\s*[.,;!)]|\s*$)",
            0.85,
        ),
        # "Mrs Hickman is ninety-eight", "Stanley Jones, one hundred and ten, ...": after a
        # person's copula (read by `refine`, as for the digits) or a name between commas
        Pattern(
            "spelled_age_over_89_copula_strong",
            rf"(?<=\w)(?:\s+is|\s+was|'s|’s)(?:\s+(?:now|just|only|nearly|almost))?\s+(?P<v>{_OVER_89})\b"
            r"(?!\s*(?:percent|%|per\s+cent|minutes|miles|metres|meters|pounds|kg))",
            0.85,
        ),
        Pattern(
            "spelled_age_over_89_after_name_strong",
            # the number words whole (atomic: "one hundred and five to your unit" is not "one
            # hundred" before "and"), then anything but a quantity's unit: over 89 such words
            # after a name are the age wherever the clause goes
            rf"(?-i:\b{NAME_WORD}),\s(?:(?:now|nearly|almost|just|aged)\s)?(?P<v>(?>{_OVER_89}))\b"
            r"(?![\s-]*(?:percent|%|per\s+cent|minutes|mins|miles|metres|meters|pounds|kg|mg|ml|units"
            r"|times|days|weeks|hours|years?\s+(?:ago|later|before))\b)",
            0.8,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        age = spelled_age(text[result.start : result.end])
        if age is None or age > 120:
            return None
        name = pattern_name(result)
        if name == "spelled_age_over_89_copula_strong" and not persons_age(text, result.start):
            return None  # "Mrs Hickman is ninety-eight"; not "The wait is ninety minutes"
        word = _WORD_OR_AGED_BEFORE.search(text[max(0, result.start - 30) : result.start])
        if name.endswith("after_name_strong") and word and word.group(1).lower() in READINGS:
            return None  # "Glucose, ninety-five, fasting"
        if age > 89:
            result.score = max(result.score, 0.9)
            return set_subtype(result, "AGE_OVER_89")
        return result
