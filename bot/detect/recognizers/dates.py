"""DATE: absolute dates in every common chat format, and DOBs (relative dates of service are
`relative_dates`, re-exported here).

Subtypes drive the verdict: `DOB` and `FULL_DATE` (day, month and year) are direct
identifiers; `SERVICE_DATE` (a day without a year, or "yesterday", "on Tuesday") is a
quasi-identifier. Fractions that look like dates (murmur grades, strength, pain scores,
"Norco 5/325", "BP 120/80") are dropped by range checks and by the words around them.
"""

from __future__ import annotations

from typing import Any, ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
    wordset,
)
from bot.detect.recognizers.date_checks import (
    WEEKDAY_WORD,
    a_version,
    dotted_day_ok,
    misspelt_month,
    month_day_ok,
    on_history_line,
    spelled_month_ok,
)
from bot.detect.recognizers.date_cues import (
    DATE_CUES,
    DOB_CUES,
    HISTORY_CUES,
    NOT_DATE_AFTER,
    NOT_DATE_BEFORE,
    OXYGEN,
    POSITIVE_CUES,
    STAY_CUES,
    WEEK_CUES,
)
from bot.detect.recognizers.date_extent import (
    TIME_AFTER,
    WEEKDAY_PAREN,
    join_ranges,
    with_day_and_time,
)
from bot.detect.recognizers.date_patterns import DATE_PATTERNS
from bot.detect.recognizers.date_words import DAY_WORD, FOREIGN_MONTH, MONTH
from bot.detect.recognizers.relative_dates import RelativeDateRecognizer

__all__ = ["ClinicalDateRecognizer", "RelativeDateRecognizer"]

_FRACTION = re.compile(r"(\d{1,2})/(\d{1,2})$")
# A month in another language that is no word of English or of chat ("mars", "mai", "mei",
# "mart" and "mayo" are), so a day before it is enough ("Last contact 24 juni", "Date: 12
# junho", "8 luty"); see `foreign_day_month_bare_medium`
_AMBIGUOUS_MONTH = wordset("mars mai maj mei mart marts mayo march may mar")
_ENTRY_COLON = re.compile(r":(?:\s|$)")  # "10/10: critical K": a dated entry, not a ratio
# Patterns of a month and a year alone ("March 2025", "3/2025", "2025年3月"), not a day's
# ("day_month_year" patterns carry their weekday and time like any full date)
_MONTH_AND_YEAR = re.compile(r"(?:foreign_|cjk_)?month_year")
_WRITTEN_WHOLE = frozenset({"compact_day_mon_year_strong", "compact_timestamp_strong"})
# A score out of ten is written as a date is ("pain 7/10", "rated it 3/10 at 0330")
_DATE_PREPOSITIONS = frozenset({"since", "on", "from", "until", "till", "by", "of", "starting"})
_SCALE_BEFORE = re.compile(r"\b(?:pain|score|scale|rated|rates|rating|nrs|vas)\b", re.IGNORECASE)
_SHIFT_AFTER = re.compile(r"\s+shifts?\b", re.IGNORECASE)
_DAY_ORDINAL = re.compile(rf"{DAY_WORD},?\s+\d(?:st|nd|rd|th)", re.IGNORECASE)


# What `refine` asks of a match, compiled once: the `regex` module's own call per use looks its
# cache up through flag enums, about ten times a compiled pattern's search (issue 13).
_MONTH_IN = re.compile(MONTH, re.IGNORECASE)
_FOREIGN_MONTH_IN = re.compile(rf"{FOREIGN_MONTH}", re.IGNORECASE)
_CENTURY_YEAR = re.compile(r"(?:19|20)\d{2}")
_DIGITS = re.compile(r"\d+")
_RANGE_DASH = re.compile(r"\s?[-–—]\s?")
_MAYO = re.compile(r"(?-i:Mayo)")
_MODAL_MAY = re.compile(r"may\s*\d{1,2}", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?:19|20)\d{2}|'\d{2}|[/.-]\d{2}$")


class ClinicalDateRecognizer(ClinicalPatternRecognizer):
    """Absolute dates (numeric, ISO, month names) and DOBs."""

    # `analyze` joins ranges of the matches, nothing without one
    SKIP_WHEN_IDLE: ClassVar[bool] = True

    ENTITY = "DATE"
    SUBTYPE = "SERVICE_DATE"
    # looked for backwards first (`BACKWARDS_FIRST`): a year or a date's last digits end them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {
            "cjk_date_strong",
            "compact_day_mon_year_strong",
            "foreign_abbr_day_month_year_strong",
            "foreign_day_month_year_strong",
            "foreign_month_year_medium",
            "month_year_medium",
            "spaced_dob_weak",
            "spaced_numeric_year_medium",
        }
    )
    PATTERNS: ClassVar[list[Pattern]] = DATE_PATTERNS
    CONTEXT: ClassVar[list[str]] = sorted(POSITIVE_CUES)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        return join_ranges(text, super().analyze(text, entities, nlp_artifacts, regex_flags))

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        refined = self._refine(text, result)
        if refined is None or _MONTH_AND_YEAR.match(pattern_name(refined)):
            return refined  # a month and year has no weekday or time of its own
        return with_day_and_time(text, refined)

    def _refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if _SHIFT_AFTER.match(text, result.end) and _DAY_ORDINAL.fullmatch(value):
            return None  # "Tue/Thu/Sat 2nd shift": the second shift, not Saturday the 2nd
        if name in _WRITTEN_WHOLE:
            return set_subtype(result, "FULL_DATE")  # "04OCT25", "20260304T1400Z": all three parts
        if "." in value and not _MONTH_IN.search(value) and a_version(text, result):
            return None  # "Firmware 4.2.17", "v3.2.1": a release, not a date
        if name == "misspelt_month_medium":
            if not misspelt_month(value):
                return None
            full = _CENTURY_YEAR.search(value) is not None
            return with_day_and_time(text, set_subtype(result, "FULL_DATE")) if full else result
        if name == "spaced_numeric_full_strong":
            return set_subtype(result, "FULL_DATE")
        if name == "roman_month_strong":
            before = words_before(text, result.start, 2)
            dob = any(w.rstrip(":#-") in DOB_CUES for w in before)
            return set_subtype(result, "DOB" if dob else "FULL_DATE")
        if name in {"day_range_month_strong", "month_day_range_strong"}:
            if any(int(d) > 31 or int(d) == 0 for d in _DIGITS.findall(value)[:2]):
                return None
            full = _CENTURY_YEAR.search(value) is not None
            return set_subtype(result, "FULL_DATE") if full else result
        if name == "dotted_day_month_medium" and not dotted_day_ok(text, result):
            return None
        if name == "month_part_medium":
            month = _MONTH_IN.search(value.split("-")[-1].split()[-1])
            return result if month and month.group()[:1].isupper() else None
        if name in {"weekday_day_medium", "foreign_day_month_medium"}:
            return result
        if name == "foreign_day_month_bare_medium":
            word = _FOREIGN_MONTH_IN.search(value)
            if word is None or word.group().lower() in _AMBIGUOUS_MONTH:
                return None
            return result
        if name == "spaced_numeric_year_medium":
            first, second = (int(x) for x in value.split()[:2])
            if not month_day_ok(first, second):
                return None
            before = words_before(text, result.start, 2)
            lead = text[max(0, result.start - 3) : result.start].rstrip(" \t")
            if not (
                lead[-1:] in {":", ",", ";", "(", ""}
                or lead.endswith("\n")
                or any(
                    w.rstrip(":#-") in DATE_CUES or w in POSITIVE_CUES or w.startswith("dat")
                    for w in before
                )
            ):
                return None  # "sets of 3 4 2020 reps": numbers, unless a field or a cue dates them
            if any(w.rstrip(":#-") in DOB_CUES for w in before):
                return set_subtype(result, "DOB")
            return set_subtype(result, "FULL_DATE")
        if name in {"foreign_dashed_date_strong"}:
            return set_subtype(result, "FULL_DATE")
        if name == "birth_year_medium":
            return set_subtype(result, "DOB")
        if name == "numeric_range_strong":
            ends = [_DIGITS.findall(end)[:2] for end in _RANGE_DASH.split(value)]
            if not all(month_day_ok(int(a), int(b)) for a, b in ends):
                return None
            return set_subtype(result, "FULL_DATE") if value.count("/") >= 4 else result
        before = words_before(text, result.start, 2)
        after = words_after(text, result.end, 1)
        is_dob = (
            any(w.rstrip(":#-") in DOB_CUES for w in before)
            or "date of birth" in text[max(0, result.start - 20) : result.start].lower()
        )
        digits = _DIGITS.findall(value)
        if pattern_name(result) == "spelled_day_medium" and not spelled_month_ok(value):
            return None  # "the second may be", "first march in": a verb or a noun
        if pattern_name(result).startswith("month_year_numeric"):
            in_history = any(w in HISTORY_CUES for w in before[-1:]) or on_history_line(
                text, result.start
            )
            if (len(digits[-1]) == 2 or "-" in value) and not (is_dob or in_history):
                return (
                    None  # "3/80", "1-2000" alone may be a ratio or a range; "in 3/80" is a month
                )
            return set_subtype(result, "DOB") if is_dob else result
        if pattern_name(result).startswith("foreign_"):
            if _MAYO.search(value):
                return None  # "the Mayo 2021 guidelines": the clinic; Spanish writes "mayo"
            if is_dob:
                return set_subtype(result, "DOB")
            full = pattern_name(result) in {
                "foreign_day_month_year_strong",
                "foreign_abbr_day_month_year_strong",
            }
            return with_day_and_time(text, set_subtype(result, "FULL_DATE")) if full else result
        fraction = _FRACTION.match(value)
        if fraction:
            a, b = int(fraction.group(1)), int(fraction.group(2))
            if not month_day_ok(a, b):
                return None
            # "the week of 8/12", "wk beg 10/3", "w/c 10/3"; "week 2/3" is a count
            week_of = before[-2:] == ["week", "of"] or bool(before and before[-1] in WEEK_CUES)
            if (any(w in NOT_DATE_BEFORE for w in before) and not week_of) or (
                after and after[0] in NOT_DATE_AFTER
            ):
                return None
            if before[-1:] == ["sat"] and before[-2:-1] and before[-2] in OXYGEN:
                return None  # "O2 sat 9/10"; "Sat 3/4" is a Saturday
            if text[result.end : result.end + 1] in {"%", "'"}:
                return None
            if (
                b == 10
                and not any(w in DATE_CUES or w in _DATE_PREPOSITIONS for w in before)
                and _SCALE_BEFORE.search(text, max(0, result.start - 80), result.start)
            ):
                return None  # "pain 7/10 at 0300, ... 3/10 at 0330": a score out of ten
            strong = (
                is_dob
                or any(w in DATE_CUES for w in before)
                or (bool(before) and before[-1] in STAY_CUES)
                or WEEKDAY_WORD.fullmatch(before[-1] if before else "") is not None
                or WEEKDAY_PAREN.search(text, max(0, result.start - 14), result.start) is not None
                or TIME_AFTER.match(text, result.end) is not None
                or _ENTRY_COLON.match(text, result.end) is not None
            )
            if (a == b or value in {"1/2", "1/3", "1/4", "2/3"}) and not strong:
                return None
        elif len(digits) >= 3 and "-" not in value[:3] and not _CENTURY_YEAR.match(value):
            if not month_day_ok(int(digits[0]), int(digits[1])):
                return None
            if any(w in NOT_DATE_BEFORE for w in before[-1:]):
                return None
        modal_may = _MODAL_MAY.fullmatch(value) is not None
        if modal_may and not (value.startswith("May") or any(w in POSITIVE_CUES for w in before)):
            return None  # "may 2": a modal verb before a number unless it reads as a date
        if pattern_name(result) == "md_hyphen_weak":
            if not (is_dob or any(w in DATE_CUES for w in before)):
                return None  # "2-3 days", "5-10": a range unless a date cue says otherwise
            result.score = 0.6
        if result.score < 0.35 and not is_dob:  # compact yyyymmdd only counts as a DOB
            return None
        has_year = bool(_HAS_YEAR.search(value)) and len(digits) >= 2
        if is_dob:
            result.score = max(result.score, 0.9)
            return set_subtype(result, "DOB")
        if has_year and (len(digits) >= 3 or _MONTH_IN.search(value)) and len(digits) >= 2:
            return with_day_and_time(text, set_subtype(result, "FULL_DATE"))
        return result
