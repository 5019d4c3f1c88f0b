"""How far a date reaches: its weekday before it and its time and zone after it, and two dates
joined as a range; all are elements of the date (Safe Harbor item 3)."""

from __future__ import annotations

import regex as re
from presidio_analyzer import RecognizerResult

from bot.detect.recognizers.base import get_subtype, set_subtype
from bot.detect.recognizers.date_words import DAY, DAY_WORD, WEEKDAY

# A full date in a letter or an e-mail header carries its weekday before it and its time after
# it ("Tue, 03 Mar 2026 09:14:00 +0100", "Sent: Tuesday, March 3, 2026 9:14 AM"): both are
# elements of the date (Safe Harbor item 3), so the finding covers them.
# Other languages' weekdays, as their mail clients quote them ("Am Di., 3. März 2026 um 10:14
# schrieb", "Le mar. 3 mars 2026 à 10:14", "El jue, 5 mar 2026 a las 9:30"): only before a date.
_FOREIGN_WEEKDAY = (
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo"
    r"|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|domenica"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|segunda-feira|ter[çc]a-feira|quarta-feira|quinta-feira|sexta-feira"
    r"|mandag|tirsdag|onsdag|torsdag|fredag|l[øo]rdag|s[øo]ndag|m[åa]ndag|tisdag|l[öo]rdag|s[öo]ndag"
    r"|poniedzia[łl]ek|wtorek|[śs]roda|czwartek|pi[ąa]tek|sobota|niedziela"
    r"|pond[ěe]l[íi]|[úu]ter[ýy]|st[řr]eda|[čc]tvrtek|p[áa]tek|ned[ěe]le"
    r"|luni|mar[țţt]i|miercuri|joi|vineri|s[âa]mb[ăa]t[ăa]|duminic[ăa]"
    r"|pazartesi|sal[ıi]|[çc]ar[şs]amba|per[şs]embe|cuma|cumartesi|pazar"
    r"|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai"
    r"|h[ée]tf[őo]|kedd|szerda|cs[üu]t[öo]rt[öo]k|p[ée]ntek|szombat|vas[áa]rnap)"
)
# Their abbreviations only with the full stop or comma a client prints ("Di.,", "mar.", "jue,"):
# alone, "do", "so", "mar" and "sam" are words.
_FOREIGN_DAY = (
    r"(?:mo|di|mi|do|fr|sa|so|lun|mar|mer|jeu|ven|sam|dim|mi[ée]|jue|vie|s[áa]b|dom|ma|wo|vr|za|zo"
    r"|seg|ter|qua|qui|sex|tis|tirs|ons|tors|fre|l[øo]r|s[øo]n|pon|wt|czw|pt|sob|ndz|gio)"
    r"(?:\.,?|,)"
)
_WEEKDAY_BEFORE = re.compile(
    rf"(?:\b(?:(?:{WEEKDAY}|{DAY}|{_FOREIGN_WEEKDAY})\.?,?|{_FOREIGN_DAY})\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
# A clock time ("9:14", "09.14:22 PM") and a zone after it: an offset ("+0100", "-05:00"), a
# zone name ("CET", "PST") or Outlook's bracketed zone ("(UTC-05:00)", "(CET)").
_CLOCK = r"(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d(?:[.,]\d{1,6})?)?(?!\d)(?:\s*(?:am|pm|a\.m\.|p\.m\.)(?![a-z]))?"
_ZONE_NAME = r"(?:utc|gmt|[ecmp][sd]t|cet|cest|bst)"
_ZONE = (
    rf"(?:Z\b|\s*[+-][01]\d:?[0-5]\d\b|\s*{_ZONE_NAME}\b"
    rf"|\s*\((?:(?:utc|gmt)(?:\s?[+-]\d{{1,2}}(?::?\d{{2}})?)?|{_ZONE_NAME})\))"
)
TIME_AFTER = re.compile(
    r"(?:\s*(?:@\s*|at\s+)(?:[01]\d|2[0-3])[0-5]\d(?:\s*h(?:rs)?\b|\b)|"
    # "at noon", "at 10." (an hour alone, before punctuation), "um 10 Uhr", "à 10h"
    r"\s*(?:@\s*|at\s+)(?:noon|midday|midnight)\b|"
    r"\s*(?:@\s*|at\s+)(?:1[0-2]|0?[1-9])(?=\s*(?:[.,;!?)](?!\d)|$|\s+o'clock))(?:\s+o'clock)?|"
    r"\s*,?\s*(?:um|à|a\s+las|alle(?:\s+ore)?|om|às|kl\.?|klo|o)\s+(?:[01]?\d|2[0-3])(?:[:.h][0-5]\d)?\s*(?:uhr|h)?(?![\w:])|"
    r"(?:\s*(?:@\s*|at\s+)|,?\s+)(?:1[0-2]|0?[1-9])\s?(?:am|pm|a\.m\.|p\.m\.)(?![a-z])|"
    rf"(?:T|,?\s*(?:at\s+|@\s*)?){_CLOCK}(?:\s?[-–—]\s?{_CLOCK})?{_ZONE}?(?:\s*(?:hrs?|uhr)\b)?)",
    re.IGNORECASE,
)
# "Tuesday (5/5)", "Fri (4/4)": the weekday, then its date in brackets
WEEKDAY_PAREN = re.compile(rf"\b{DAY_WORD}\s?\($", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(rf"\s?\({DAY_WORD}\)", re.IGNORECASE)
# A time written before its date ("13:05 04OCT25", "11:14 AM, Sun 14/6", "1741 on 14/01").
_TIME_BEFORE = re.compile(
    rf"(?:\b{_CLOCK}|\b(?:[01]\d|2[0-3])[0-5]\d(?:h(?:rs)?)?(?=\s+on\s))(?:,?\s+on\s+|,?\s+)$",
    re.IGNORECASE,
)


# Two dates joined as a range ("8/1 through 8/7", "Jan 3 to Jan 7"): one finding, so the
# connective between them is not left standing alone in a redacted copy.
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|through|thru|until|till)\s*", re.IGNORECASE)


_AND = re.compile(r"\s+and\s+")
_CENTURY_YEAR = re.compile(r"(?:19|20)\d{2}")


def join_ranges(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    out: list[RecognizerResult] = []
    for r in sorted(results, key=lambda r: (r.start, -r.end)):
        for prev in reversed(out[-3:]):
            between = _AND.fullmatch(text[prev.end : r.start]) is not None and text[
                max(0, prev.start - 8) : prev.start
            ].lower().endswith("between ")  # "between 28 June and 1 July"
            if prev.end <= r.start and (_RANGE_JOIN.fullmatch(text, prev.end, r.start) or between):
                prev.end = r.end
                prev.score = max(prev.score, r.score)
                if get_subtype(r) in {"FULL_DATE", "DOB"}:
                    set_subtype(prev, get_subtype(r))
                break
        else:
            out.append(r)
    return out


_YEAR_AFTER_TIME = re.compile(r"(?:\s+[+-][01]\d[0-5]\d)?\s+(?:19|20)\d{2}\b(?![/.:-]\d)")


def with_day_and_time(text: str, result: RecognizerResult) -> RecognizerResult:
    day = _WEEKDAY_BEFORE.search(text, max(0, result.start - 20), result.start)
    if day:
        result.start = day.start()
    clock = _TIME_BEFORE.search(text, max(0, result.start - 16), result.start)
    if clock:
        result.start = clock.start()
    time = TIME_AFTER.match(text, result.end)
    if time:
        result.end = time.end()
        year = _YEAR_AFTER_TIME.match(text, result.end)
        if year and not _CENTURY_YEAR.search(text[result.start : time.start()]):
            result.end = year.end()  # "Tue Sep 12 21:34:38 1972": C's ctime() puts it last
    weekday = _WEEKDAY_AFTER.match(text, result.end)
    if weekday:
        result.end = weekday.end()  # "10 March (Tue)"
    return result
