"""LOCATION: counties and parishes, a geographic subdivision smaller than a state (Safe Harbor).

"Hunt County", "St. Louis County", "County Cork", "Parish of St. Landry", a form's "County:"
field. Split from `streets.py`: one recognizer per file.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, wordset


class CountyRecognizer(ClinicalPatternRecognizer):
    """Counties and parishes by name: "Hunt County", "St. Louis County", "County Cork". Only
    the name is reported: the word "County" identifies nobody."""

    ENTITY = "LOCATION"
    SUBTYPE = "CITY"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "county_after_strong",
            r"(?-i:\b(?P<v>(?:(?:St\.?|Saint|Fort|Fond\s+du|Prince|King|Queen|De|La|Le|Du|Van|Los|Las|El)\s+)?"
            r"[A-Z][\w'’-]{1,30}(?:\s+[A-Z][\w'’-]{1,30})?)\s+(?P<c>County|Parish|Borough|Township|COUNTY|PARISH|county|parish|Co\.|CO\.|Twp\.?))",
            0.75,
        ),
        Pattern("county_before_strong", r"(?-i:\bCounty[ \t]+(?P<v>[A-Z][a-z]{2,30})\b)", 0.7),
        # "the County of Kanawha", "Parish of St. Landry": all of it, "of" is no word a reader skips
        Pattern(
            "county_of_strong",
            r"(?-i:\b(?:County|Parish|Borough)\s+of\s+(?:St\.\s)?[A-Z][\w'’-]{1,30}(?:[ ][A-Z][\w'’-]{1,30})?)",
            0.75,
        ),
        # a form's own field, to the end of its line ("County: Dutchess", "County: Vargas Co.")
        Pattern(
            "county_field_strong",
            r"\b(?:county|parish)(?:\s+of\s+residence)?\s*:[ \t]*(?P<v>(?-i:(?:St\.\s)?[A-Z][\w'’-]+(?:[ ][A-Z][\w'’.-]+){0,2}))(?=[ \t]*(?:[,;|\n]|$))",
            0.75,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if (
            pattern_name(result) == "county_before_strong"
            and text[result.start : result.end].lower() in _COUNTY_OFFICES
        ):
            return None  # "County Clerk", "County Jail": an office, not a county's name
        if pattern_name(result) == "county_field_strong":
            value = text[result.start : result.end]
            return None if value.lower() in _NOT_COUNTY_FIELD else result
        kept = _KEPT_AFTER.match(text, result.end)
        if kept:
            cue = _COUNTY_CUE.search(text, max(0, result.start - 12), result.start)
            if kept.group().strip().lower().startswith("co") and not cue:
                return None  # "Acme Co.": a company; "of Bannock Co.", ", Yolo Co." a county
            result.end = kept.end()  # "Co.", "Twp" are no words a reader skips: they go too
        words = text[result.start : result.end].split()
        while words and words[0].lower() in _NOT_COUNTY_NAME:
            if len(words) == 1:
                return None  # "The County", "This Parish"
            result.start = text.index(words[1], result.start + len(words[0]))
            words = words[1:]
        return result


_KEPT_AFTER = re.compile(r"\s+(?:Co\.|CO\.|Township|Twp\b\.?|Parish|Borough)")
# "of Bannock Co.", "(Polk Co.)", "75788, Tillamook Co.", "in Bangor, Yolo Co.", "County:
# Vargas Co."; a bare ", Acme Co." after a lower-case word is a company
_COUNTY_CUE = re.compile(
    r"(?:\b(?:of|in|from|lives|resident|near)|\(|\d{5}(?:-\d{4})?,|(?-i:\b[A-Z][a-z]+),|county\s*:)\s*$",
    re.IGNORECASE,
)
_COUNTY_OFFICES = wordset(
    "clerk court courts commissioner commissioners jail hospital health road roads line fair seat "
    "executive council attorney sheriff board office department assessor treasurer recorder "
    "coroner judge probate services"
)
_NOT_COUNTY_FIELD = wordset("unknown none same n/a na other tbd pending")
_NOT_COUNTY_NAME = wordset(
    "the a an this that each every our your their his her its which what same per any no one "
    "another other in at of to from for by and or next home"
)
