"""DATE: relative dates of service ("yesterday", "last night", "on Tuesday", "two days ago"),
and the standing schedules ("every Monday", "clinics run Monday to Friday") that are none."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    set_subtype,
    words_after,
    words_before,
)
from bot.detect.recognizers.date_words import DAY, DAY_WORD, ORDINAL_WORD, WEEKDAY

_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|a\s+few|few|several|a\s+couple(?:\s+of)?|couple(?:\s+of)?)"
_PART = r"(?:morning|afternoon|evening|eve|night|nite|am|pm|a\.m\.|p\.m\.)"
_WEEKEND = r"(?:week(?:end)?|wknd|wkend|wk)"

RELATIVE = "|".join(
    (
        rf"\b(?:(?:early|late)\s+)?(?:this|yesterday|tomorrow|tmrw|{WEEKDAY})\s+{_PART}(?![a-z])",
        r"\b(?:today|tonight|tonite|yesterday|tomorrow|yday|yest|ystdy|tmrw|tmr|tmw|tdy|2day|2nite)\b",
        rf"\blast\s+(?:night|nite|evening|eve|{_WEEKEND}|month|{WEEKDAY}|{DAY}\b\.?)",
        rf"\b(?:this|next|past|coming|previous|prior)\s+(?:{_WEEKEND}|month|{WEEKDAY}|{DAY}\b\.?)",
        rf"\b{DAY}\.?\s+{_PART}(?![a-z])",  # chat shorthand: "mon am", "fri pm", "tues night"
        r"\b(?:over|on|during|at|through|thru)\s+the\s+(?:weekend|holidays|holiday\s+weekend|long\s+weekend)\b",
        rf"\b(?:{_NUM}|\d{{1,2}}(?=[dhw]))\s*(?:days?|d|nights?|weeks?|wks?|w|months?|mos?|hours?|hrs?|h)\s+ago\b",
        r"\b(?:the\s+)?(?:day|night)\s+before\s+(?:yesterday|last)\b",
        r"\bthe\s+other\s+(?:day|night)\b",
        r"\b(?:a\s+)?(?:week|fortnight)\s+ago\b",
        r"\bthis\s+(?:past|coming)\s+(?:weekend|week|{WEEKDAY})\b".replace("{WEEKDAY}", WEEKDAY),
        r"\b(?:earlier|later)\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week))\b",
        # a week's schedule: "Thurs wk" (a week on Thursday), "Mon gone" (last Monday),
        # "Friday fortnight"
        rf"\b(?:{WEEKDAY}|{DAY}\b\.?)\s+(?:wk|week|gone|fortnight)\b",
        rf"\b{WEEKDAY}s?\b",
        r"\b(?:overnight|o/n)\b",
    )
)


# Words a sentence goes on with after a day of the month ("the 4th but", "the 9th works").
_AFTER_A_DAY = (
    r"but|if|so|then|works?|would|will|is|was|please|instead|same|as|when|we|i|you|he|she|they"
    r"|ok|okay|too|again|at\s+the\s+latest|at\s+\d|in\s+the\s+(?:morning|afternoon|evening)"
    r"|morning|afternoon|evening|night|before|after|latest|earliest|via|by"
)


# A standing schedule names days of the week, not a date: a weekday in the plural, after
# "every"/"each", or in a list of days joined by "/" or "-" or of three or more ("runs Tuesdays",
# "every Monday", "Mon/Wed/Fri", "Monday, Wednesday and Friday"), as a dialysis unit or a clinic
# writes its chairs' days
_DAY_LIST = re.compile(
    rf"\b{DAY_WORD}(?:(?:\s*[/-]\s*{DAY_WORD})+\b|(?:\s*(?:,|&|and|,\s*and)\s*{DAY_WORD}){{2,}}\b)",
    re.IGNORECASE,
)
_PLURAL_DAY = re.compile(rf"(?:{WEEKDAY})s", re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


# A service's opening days and its standing sessions name no date either: a range of weekdays
# in a sentence that says the service runs then ("clinics run Monday to Friday, 08:30-17:00",
# "the courier runs at 10:30 Monday to Friday"), and a weekday before a standing session's noun
# ("the Saturday list", "Saturday pickups only on request"; "seen Monday to Friday" and "Monday
# clinic appointment for Mrs Lee" stay dates)
_DAY_RANGE = re.compile(
    rf"\b{DAY_WORD}\s*(?:to|through|thru|till|until|[-–])\s*{DAY_WORD}(?![\w/])", re.IGNORECASE
)
_OPENING = re.compile(
    r"\b(?:runs?|running|ran|opens?|open|opening|operates?|operating|staffed|available|closed"
    r"|held|hours)\b|\d{1,2}[:.]\d{2}\s*[-–]\s*\d{1,2}[:.]\d{2}",
    re.IGNORECASE,
)
_SESSION = (
    r"(?:list|clinic|session|service|rota|round|theatre|surgery|huddle|mdt|pickup|collection)"
)
_SESSIONS_AFTER = re.compile(rf"\s+(?:{_SESSION}s|deliveries)\b", re.IGNORECASE)
_SESSION_AFTER = re.compile(rf"\s+{_SESSION}\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|our|its)\s+$", re.IGNORECASE)


def _standing(text: str, start: int, end: int) -> bool:
    before = text.rfind(". ", 0, start) + 1
    after = text.find(". ", end)
    sentence = (before, len(text) if after < 0 else after)
    for m in _DAY_RANGE.finditer(text, max(sentence[0], start - 30), min(sentence[1], end + 30)):
        if m.start() <= start and end <= m.end() and _OPENING.search(text, *sentence):
            return True  # "clinics run Monday to Friday, 08:30-17:00"
    if _SESSIONS_AFTER.match(text, end):
        return True  # "Saturday pickups only on request"
    return bool(  # "the Saturday list starts in the spring"
        _SESSION_AFTER.match(text, end) and _THE_BEFORE.search(text, max(0, start - 6), start)
    )


def recurring(text: str, start: int, end: int) -> bool:
    value = text[start:end]
    if _PLURAL_DAY.fullmatch(value) or _EVERY_BEFORE.search(text, max(0, start - 8), start):
        return True
    if _standing(text, start, end):
        return True
    window_start = max(0, start - 40)
    return any(
        m.start() <= start and end <= m.end()
        for m in _DAY_LIST.finditer(text, window_start, min(len(text), end + 40))
    )


class RelativeDateRecognizer(ClinicalPatternRecognizer):
    """Relative dates of service: "yesterday", "last night", "on Tuesday", "two days ago"."""

    ENTITY = "DATE"
    SUBTYPE = "SERVICE_DATE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("relative_date_medium", RELATIVE, 0.6),
        Pattern(
            "ordinal_day_medium",
            r"\b(?:on|since|by|until|from|before|after)\s+(?P<v>the\s+\d{1,2}(?:st|nd|rd|th))\b",
            0.6,
        ),
        # "arrived the 10th but", "moved to the 29th, same time": a day of the month standing
        # alone, where what follows is punctuation or a word a date ends on; "the 5th floor",
        # "the 3rd and 4th ribs" and "the 2nd dose" are not dates.
        Pattern(
            "the_ordinal_medium",
            rf"\bthe\s+\d{{1,2}}(?:st|nd|rd|th)\b(?:\s+of\s+(?:next|this|last|the)\s+month\b|(?=\s*(?:[.,;!?)]|$)|\s+(?:{_AFTER_A_DAY})\b))",
            0.6,
        ),
        Pattern(
            "weekday_abbrev_medium",
            rf"\b(?:on|since|by|until|from|til|till|before|after|for)\s+(?P<v>{DAY}\b\.?)",
            0.6,
        ),
        # "booked Fri", "moved to Tues": a day abbreviation after a verb that books a day
        Pattern(
            "booked_weekday_abbrev_medium",
            rf"\b(?:(?:booked|rebooked|scheduled|rescheduled)(?:\s+(?:to|for))?"
            rf"|(?:moved|pushed|bumped|changed)\s+to)\s+(?P<v>{DAY}\b\.?)",
            0.6,
        ),
        # Letters name a day of the month in words too ("seen in clinic on the ninth", "first
        # seen the twenty-third."): after a date's preposition, where the sentence ends or goes
        # on as after a date ("on the second floor", "on the third attempt" are no dates).
        Pattern(
            "spelled_ordinal_medium",
            rf"\b(?:on|since|by|until|till|from|seen|dated)\s+(?P<v>the\s+{ORDINAL_WORD})\b"
            rf"(?=\s*(?:[.,;!?)]|$)|\s+(?:of\s+(?:next|this|last|the)\s+month|and\s+(?:again\s+)?(?:on\s+)?the\s+{ORDINAL_WORD}|{_AFTER_A_DAY})\b)",
            0.6,
        ),
        # Days of a month named before: "the 3rd to the 7th", "the ninth and the twelfth".
        Pattern(
            "ordinal_range_medium",
            rf"\bthe\s+(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})\s*(?:[-–]|to|and|till|until|through)\s*"
            rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})\b(?!\s+(?:floor|ribs?|doses?|cases?|patients?|times?|attempts?|lines?|cycles?|weeks?|days?|rounds?|items?|grade|degree|stage|place|time|row|one|ones)\b)",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = []

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end].lower()
        if value in {"o/n"} and words_after(text, result.end, 1)[:1] == ["vent"]:
            return None
        if recurring(text, result.start, result.end):
            return None  # "runs Tuesdays", "every Monday", "Mon/Wed/Fri": a schedule, no date
        if value.startswith("sat") and words_before(text, result.start, 1)[-1:] in (
            ["o2"],
            ["spo2"],
        ):
            return None
        return set_subtype(result, "SERVICE_DATE")
