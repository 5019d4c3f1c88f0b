"""Checks a date match passes before it counts: a month/day pair that can be one, a misspelt
month, a history line, a spelled day, a version number, a dotted day."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from bot.detect.recognizers.base import words_before, wordset
from bot.detect.recognizers.date_cues import DATE_CUES, POSITIVE_CUES
from bot.detect.recognizers.date_words import DAY, MONTH, WEEKDAY


def month_day_ok(a: int, b: int) -> bool:
    """True when (a, b) reads as month/day or day/month."""
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


WEEKDAY_WORD = re.compile(rf"{DAY}|{WEEKDAY}", re.IGNORECASE)
# A history ("Hx:", "PMH", "s/p") earlier on the same line: "DVT 5/95" there is a month/year
# even with no "in" before it, since a clause split at the comma hides the "Hx:".
_HISTORY = re.compile(r"\b(?:hx|h/o|history|pmh|psh|pshx|s/p|status\s+post)\b", re.IGNORECASE)


_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without re-editing a substring)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_LETTERS = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[A-Za-z]")
_OF = re.compile(r"\bof\b", re.IGNORECASE)
_MONTH_IN = re.compile(MONTH, re.IGNORECASE)


def misspelt_month(value: str) -> bool:
    """The word in a "misspelt_month_medium" match is a month's (or, before the day, a
    weekday's) name with one edit, or two in a name of eight letters or more, and no word the
    dictionary knows ("Marcy 4", "Junes", "Sunny 5" are not dates)."""
    from bot.detect.recognizers.names_lexicon import lexicon

    words = [w for w in _LETTERS.findall(value) if len(w) >= 5 and w.lower() != "of"]
    if not words:
        return False
    word = words[0].lower()
    names = _MONTH_NAMES + (_WEEKDAY_NAMES if _LETTER.match(value) else [])
    if word in names or lexicon().is_english(word) or lexicon().is_name(word):
        return False
    return any(
        abs(len(word) - len(n)) <= 2 and _edits(word, n) <= (2 if len(n) >= 8 else 1) for n in names
    )


def on_history_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _HISTORY.search(text, max(line_start, start - 120), start) is not None


def spelled_month_ok(value: str) -> bool:
    """ "the third of July" any case; "first March" (no "of") only with the month capitalised."""
    if _OF.search(value) or _MONTH_IN.match(value):
        return True
    month = _MONTH_IN.search(value.split(maxsplit=2)[-1])
    return month is not None and month.group()[:1].isupper()


# A dotted number after a release word is a version ("firmware 4.2.17", "app 3.10.2").
_VERSION_CUES = wordset(
    "firmware fw version ver v release rel build update updated upgrade software app ios android "
    "patch sdk api driver os macos windows chrome"
)
_RANGE_NEXT = re.compile(r"\s?[-–—]\s?\d")


def a_version(text: str, result: RecognizerResult) -> bool:
    glued = text[result.start - 1 : result.start].isalpha() if result.start else False
    return glued or any(w in _VERSION_CUES for w in words_before(text, result.start, 2))


def dotted_day_ok(text: str, result: RecognizerResult) -> bool:
    """ "03.03." (both parts two digits), "1.8." before a range dash or after a date cue; a
    section number ("see 2.1.") stays."""
    day, month = text[result.start : result.end].split(".")[:2]
    before = words_before(text, result.start, 2)
    return (
        (len(day) == 2 and len(month) == 2)
        or _RANGE_NEXT.match(text, result.end) is not None
        or any(w in DATE_CUES or w in POSITIVE_CUES for w in before[-1:])
        or WEEKDAY_WORD.fullmatch(before[-1] if before else "") is not None
    )
