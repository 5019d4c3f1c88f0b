"""DATE: absolute dates in every common chat format, relative dates of service, and DOBs.

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
    get_subtype,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
    wordset,
)

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
# Month names of the other languages letters and forms arrive in (French, German, Spanish,
# Italian, Portuguese, Dutch, Danish, Swedish, Polish), taken only with a day and a year or a year ("3 mars 2026", "am 3.
# März 2026", "3 de marzo de 2026", "maart 2026"): alone, "mars" and "mai" are words.
FOREIGN_MONTH = (
    r"(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
    r"|januar|j[äa]nner|februar|m[äa]rz|maerz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|mar[çc]o|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|januari|februari|maart|mei|augustus|marts|maj|augusti"
    r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[sś]nia|pa[zź]dziernika"
    r"|listopada|grudnia"
    # the same in the nominative (Polish, Czech, Russian forms print it), and Romanian, Czech,
    # Slovak, Turkish, Hungarian, Finnish, Croatian, Catalan, Indonesian, Ukrainian, Greek
    r"|stycze[nń]|luty|marzec|kwiecie[nń]|czerwiec|lipiec|sierpie[nń]|wrzesie[nń]|pa[zź]dziernik|listopad"
    r"|grudzie[nń]"
    r"|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
    r"|leden|ledna|[úu]nor|[úu]nora|b[řr]ezen|b[řr]ezna|duben|dubna|kv[ěe]ten|kv[ěe]tna|[čc]erven|[čc]ervna"
    r"|[čc]ervenec|[čc]ervence|srpen|srpna|z[áa][řr][íi]|[řr][íi]jen|[řr][íi]jna|listopadu|prosinec|prosince"
    r"|janu[áa]ra?|febru[áa]ra?|apr[íi]la?|m[áa]ja|j[úu]na?|j[úu]la?|augusta|septembra|okt[óo]bra|novembra|decembra"
    r"|ocak|[şs]ubat|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k"
    r"|janu[áa]r|febru[áa]r|m[áa]rcius|[áa]prilis|m[áa]jus|j[úu]nius|j[úu]lius|augusztus|szeptember|okt[óo]ber"
    r"|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kes[äa]kuuta|hein[äa]kuuta|elokuuta|syyskuuta"
    r"|lokakuuta|marraskuuta|joulukuuta"
    r"|sije[čc]nja|velja[čc]e|o[žz]ujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|studenoga|prosinca"
    r"|gener|febrer|mar[çc]|maig|juny|juliol|agost|setembre|desembre"
    r"|maret|agustus|desember|feber"
    r"|январь|февраль|апрель|июнь|июль|сентябрь|октябрь|ноябрь|декабрь"
    r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
    r"|ιανουαρίου|φεβρουαρίου|μαρτίου|απριλίου|μαΐου|ιουνίου|ιουλίου|αυγούστου|σεπτεμβρίου|οκτωβρίου"
    r"|νοεμβρίου|δεκεμβρίου"
    # Russian (genitive, as a date writes it) and Hindi month names
    r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    r"|जनवरी|फ़?फरवरी|फ़रवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)(?![\p{L}\p{M}])"
)
_YEAR = r"(?:,?\s*(?:(?:19|20)\d{2}|'\d{2}))"
# Other languages' month abbreviations, as mail clients quote a date ("4 févr. 2025", "4 mrt.
# 2025", "4 de mar. de 2025", "4. Okt. 2025"): taken only between a day and a year, since
# "set", "out", "mai" and "gen" are words.
FOREIGN_MONTH_ABBR = (
    r"(?:janv|f[ée]vr|avr|juil|d[ée]c|mrt|okt|ene|abr|ago|set|sett|out|dic|dez|m[äa]r|mae|mai"
    r"|gen|mag|giu|lug|ott|sty|lut|kwi|cze|lip|sie|wrz|pa[zź]|lis|gru|jan|feb|apr|jun|jul|aug"
    r"|sep|nov|mar|may|oct"
    # Turkish, Romanian, Danish and Norwegian, Czech and Finnish abbreviations
    r"|oca|[şs]ub|nis|haz|tem|a[ğg]u|eyl|eki|kas|ara|ian|iun|iul|noi|des|maa|kv[ěe]|srp|z[áa][řr]|[řr][íi]j|pro"
    r"|tam|hel|huh|tou|kes|hei|elo|syy|lok|jou)(?![\p{L}])"
)
# A month in another language that is no word of English or of chat ("mars", "mai", "mei",
# "mart" and "mayo" are), so a day before it is enough ("Last contact 24 juni", "Date: 12
# junho", "8 luty"); see `foreign_day_month_bare_medium`
_AMBIGUOUS_MONTH = wordset("mars mai maj mei mart marts mayo march may mar")
_ORD = r"(?:st|nd|rd|th)?"
_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|a\s+few|few|several|a\s+couple(?:\s+of)?|couple(?:\s+of)?)"
_DAY = r"(?:mon|tues?|weds?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)"
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A weekday as written, in full or short, perhaps with a full stop ("Tuesday", "Fri.")
_DAY_WORD = rf"(?:{_WEEKDAY}|{_DAY})\.?"
_PART = r"(?:morning|afternoon|evening|eve|night|nite|am|pm|a\.m\.|p\.m\.)"
_WEEKEND = r"(?:week(?:end)?|wknd|wkend|wk)"

RELATIVE = "|".join(
    (
        rf"\b(?:(?:early|late)\s+)?(?:this|yesterday|tomorrow|tmrw|{_WEEKDAY})\s+{_PART}(?![a-z])",
        r"\b(?:today|tonight|tonite|yesterday|tomorrow|yday|yest|ystdy|tmrw|tmr|tmw|tdy|2day|2nite)\b",
        rf"\blast\s+(?:night|nite|evening|eve|{_WEEKEND}|month|{_WEEKDAY}|{_DAY}\b\.?)",
        rf"\b(?:this|next|past|coming|previous|prior)\s+(?:{_WEEKEND}|month|{_WEEKDAY}|{_DAY}\b\.?)",
        rf"\b{_DAY}\.?\s+{_PART}(?![a-z])",  # chat shorthand: "mon am", "fri pm", "tues night"
        r"\b(?:over|on|during|at|through|thru)\s+the\s+(?:weekend|holidays|holiday\s+weekend|long\s+weekend)\b",
        rf"\b(?:{_NUM}|\d{{1,2}}(?=[dhw]))\s*(?:days?|d|nights?|weeks?|wks?|w|months?|mos?|hours?|hrs?|h)\s+ago\b",
        r"\b(?:the\s+)?(?:day|night)\s+before\s+(?:yesterday|last)\b",
        r"\bthe\s+other\s+(?:day|night)\b",
        r"\b(?:a\s+)?(?:week|fortnight)\s+ago\b",
        r"\bthis\s+(?:past|coming)\s+(?:weekend|week|{_WEEKDAY})\b".replace("{_WEEKDAY}", _WEEKDAY),
        r"\b(?:earlier|later)\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week))\b",
        # a week's schedule: "Thurs wk" (a week on Thursday), "Mon gone" (last Monday),
        # "Friday fortnight"
        rf"\b(?:{_WEEKDAY}|{_DAY}\b\.?)\s+(?:wk|week|gone|fortnight)\b",
        rf"\b{_WEEKDAY}s?\b",
        r"\b(?:overnight|o/n)\b",
    )
)

DOB_CUES = frozenset(
    {"dob", "d.o.b", "born", "birthdate", "birthday", "b", "birth", "bday", "b-day", "doB"}
)
# Words around a fraction that make it a grade, score, dose or vital sign rather than a date.
NOT_DATE_BEFORE = frozenset(
    [
        "bp",
        "b/p",
        "pressure",
        "pressures",
        "murmur",
        "grade",
        "gr",
        "strength",
        "str",
        "motor",
        "power",
        "pain",
        "gcs",
        "apgar",
        "apgars",
        "gleason",
        "norco",
        "percocet",
        "vicodin",
        "lortab",
        "hydrocodone",
        "oxycodone",
        "apap",
        "tylenol",
        "tab",
        "tabs",
        "tablet",
        "score",
        "scale",
        "ratio",
        "vent",
        "peep",
        "ac",
        "simv",
        "ps",
        "cpap",
        "bipap",
        "fio2",
        "rass",
        "nihss",
        "ef",
        "lvef",
        "tv",
        "stage",
        "tanner",
        "g",
        "p",
        "x",
        "q",
        "sbp",
        "dbp",
        "map",
        "vitals",
        "vs",
        "sats",
        "hr",
        "rr",
        "mmhg",
        "ratio",
        "i:e",
        "cxr",
        "psi",
        "rate",
        "settings",
        "abg",
        "vbg",
        "ph",
    ]
)
NOT_DATE_AFTER = frozenset(
    [
        "murmur",
        "murmurs",
        "strength",
        "str",
        "pain",
        "mg",
        "mcg",
        "ml",
        "tab",
        "tabs",
        "tablet",
        "tablets",
        "scale",
        "score",
        "bilaterally",
        "bilat",
        "throughout",
        "ue",
        "le",
        "bue",
        "ble",
        "grip",
        "sm",
        "sem",
        "hsm",
        "systolic",
        "diastolic",
        "holosystolic",
        "pansystolic",
        "mmhg",
        "%",
        "criteria",
        "bottles",
        "bottle",
        "cultures",
        "sets",
        "positive",
        "pos",
        "neg",
        "negative",
        "doses",
        "pills",
        "beats",
        "points",
        "of",
        "units",
        "u",
        "iu",
        "in",
        "x",
        "dilated",
        "effaced",
        "station",
        "power",
        "motor",
        "reflexes",
        "dtr",
        "dtrs",
        "murmer",
        "rub",
        "gallop",
        "ratio",
        "on/off",
        "hrs",
        "hours",
        "min",
        "minutes",
        "days",
        "weeks",
        "wk",
        "wks",
        "people",
        "nurses",
    ]
)
POSITIVE_CUES = frozenset(
    [
        "on",
        "since",
        "from",
        "until",
        "till",
        "dob",
        "seen",
        "admitted",
        "adm",
        "admit",
        "dc",
        "d/c",
        "discharged",
        "scheduled",
        "sched",
        "appt",
        "f/u",
        "fu",
        "dated",
        "date",
        "surgery",
        "s/p",
        "sp",
        "started",
        "start",
        "stopped",
        "due",
        "visit",
        "clinic",
        "born",
        "expired",
        "died",
        "ed",
        "er",
        "presented",
        "transferred",
        "last",
        "next",
        "by",
        "before",
        "after",
    ]
)
NOT_DATE_BEFORE = NOT_DATE_BEFORE | wordset("day days d hd pod cycle week wk dose doses")
NOT_DATE_AFTER = NOT_DATE_AFTER | wordset("abx antibiotics antibiotic therapy tx ns ½ nss normal")
POSITIVE_CUES = POSITIVE_CUES | wordset(
    "moved rescheduled postponed pushed changed service dates - meets meeting up due scheduled"
)
DATE_CUES = wordset(
    "collected drawn received resulted reported given dos service "
    "reopens opens closes starts ends begins effective on since until till by due dob born meets meeting up f/u fu scheduled sched appt dated from starting through thru effective before after"
    " w/c w/b w/e beg beginning commencing ending"
)
_FRACTION = re.compile(r"(\d{1,2})/(\d{1,2})$")
# The words a week is named by in letters and rotas: "w/c 4 March", "week commencing 4.3.",
# "wk beg 10/3", "w/e 7/3" (week ending).
_WEEK_CUES = wordset("w/c w/b w/e wc wb beg beginning commencing ending")


def _month_day_ok(a: int, b: int) -> bool:
    """True when (a, b) reads as month/day or day/month."""
    return (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)


_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    r"|thirty[- ]first)"
)
HISTORY_CUES = wordset("in since from until till by of on dx dx'd diagnosed circa c around ~ back")


_ENTRY_COLON = re.compile(r":(?:\s|$)")  # "10/10: critical K": a dated entry, not a ratio
_OXYGEN = wordset("o2 spo2 sao2 pulse ox pox")
_WEEKDAY_WORD = re.compile(rf"{_DAY}|{_WEEKDAY}", re.IGNORECASE)
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


def _misspelt_month(value: str) -> bool:
    """The word in a "misspelt_month_medium" match is a month's (or, before the day, a
    weekday's) name with one edit, or two in a name of eight letters or more, and no word the
    dictionary knows ("Marcy 4", "Junes", "Sunny 5" are not dates)."""
    from bot.detect.recognizers.names_lexicon import lexicon

    words = [w for w in re.findall(r"[A-Za-z]+", value) if len(w) >= 5 and w.lower() != "of"]
    if not words:
        return False
    word = words[0].lower()
    names = _MONTH_NAMES + (_WEEKDAY_NAMES if re.match(r"[A-Za-z]", value) else [])
    if word in names or lexicon().is_english(word) or lexicon().is_name(word):
        return False
    return any(
        abs(len(word) - len(n)) <= 2 and _edits(word, n) <= (2 if len(n) >= 8 else 1) for n in names
    )


def _in_history(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return _HISTORY.search(text, max(line_start, start - 120), start) is not None


def _spelled_month_ok(value: str) -> bool:
    """ "the third of July" any case; "first March" (no "of") only with the month capitalised."""
    if re.search(r"\bof\b", value, re.IGNORECASE) or re.match(MONTH, value, re.IGNORECASE):
        return True
    month = re.search(MONTH, value.split(maxsplit=2)[-1], re.IGNORECASE)
    return month is not None and month.group()[:1].isupper()


# Patterns of a month and a year alone ("March 2025", "3/2025", "2025年3月"), not a day's
# ("day_month_year" patterns carry their weekday and time like any full date)
_MONTH_AND_YEAR = re.compile(r"(?:foreign_|cjk_)?month_year")
_WRITTEN_WHOLE = frozenset({"compact_day_mon_year_strong", "compact_timestamp_strong"})
# A dotted number after a release word is a version ("firmware 4.2.17", "app 3.10.2").
_VERSION_CUES = wordset(
    "firmware fw version ver v release rel build update updated upgrade software app ios android "
    "patch sdk api driver os macos windows chrome"
)
_RANGE_NEXT = re.compile(r"\s?[-–—]\s?\d")


def _a_version(text: str, result: RecognizerResult) -> bool:
    glued = text[result.start - 1 : result.start].isalpha() if result.start else False
    return glued or any(w in _VERSION_CUES for w in words_before(text, result.start, 2))


def _dotted_day_ok(text: str, result: RecognizerResult) -> bool:
    """ "03.03." (both parts two digits), "1.8." before a range dash or after a date cue; a
    section number ("see 2.1.") stays."""
    day, month = text[result.start : result.end].split(".")[:2]
    before = words_before(text, result.start, 2)
    return (
        (len(day) == 2 and len(month) == 2)
        or _RANGE_NEXT.match(text, result.end) is not None
        or any(w in DATE_CUES or w in POSITIVE_CUES for w in before[-1:])
        or _WEEKDAY_WORD.fullmatch(before[-1] if before else "") is not None
    )


# A score out of ten is written as a date is ("pain 7/10", "rated it 3/10 at 0330")
_DATE_PREPOSITIONS = frozenset({"since", "on", "from", "until", "till", "by", "of", "starting"})
_SCALE_BEFORE = re.compile(r"\b(?:pain|score|scale|rated|rates|rating|nrs|vas)\b", re.IGNORECASE)


class ClinicalDateRecognizer(ClinicalPatternRecognizer):
    """Absolute dates (numeric, ISO, month names) and DOBs."""

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
            "spaced_dob_weak",
            "spaced_numeric_year_medium",
        }
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "iso_date_strong",
            r"(?<![\d/.]|\d-)(?:19|20)\d{2}([-/.])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d/-]|\.\d)",
            0.9,
        ),
        Pattern(
            "numeric_full_strong",
            r"(?<![\d/.]|\d-|\d:)\d{1,2}([/.-])\d{1,2}\1(?:(?:19|20)\d{2}|\d{2})(?![\d/-]|\.\d|:\d)",
            0.85,
        ),
        # "1/9/2026-1/13/2026", "3/4–3/9": a range written without spaces; each end is checked
        Pattern(
            "numeric_range_strong",
            r"(?<![\d/.]|\d-|\d:)(?P<a>\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?)\s?[-–—]\s?"
            r"(?P<b>\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?)(?![\d/-]|\.\d|:\d)",
            0.8,
        ),
        Pattern(
            "numeric_partial_medium",
            r"(?<![\d/.+^x]|\d:)\d{1,2}/\d{1,2}(?![\d/]|\.\d|\s*\+|[a-z])",
            0.5,
        ),
        Pattern(
            "month_day_strong",
            rf"\b{MONTH}(?:\s?|[ ]{{2}})\d{{1,2}}{_ORD}(?!\d|:\d|\s*(?:mg|mcg|ml|units?|%|am|pm)\b){_YEAR}?(?!\d)",
            0.75,
        ),
        Pattern(
            "day_month_strong",
            # "of", or a Spanish or Portuguese "de" as a desk in two languages writes it ("11
            # de June")
            rf"(?<![\d/.])\b\d{{1,2}}{_ORD}\s?(?:of\s+|de\s+)?{MONTH}{_YEAR}?(?!\d)",
            0.75,
        ),
        # "the 19th of January": the article goes with the date (its own pattern: an optional
        # "the" in front of the pattern above made it three times slower)
        Pattern(
            "the_day_of_month_strong",
            rf"\bthe\s+\d{{1,2}}{_ORD}\s+of\s+{MONTH}{_YEAR}?(?!\d)",
            0.75,
        ),
        # "24-26 February", "7th-10th Nov 2026": days of one month as a range
        Pattern(
            "day_range_month_strong",
            rf"(?<![\d/.])\b\d{{1,2}}{_ORD}\s?(?:[-–/&]|\s(?:to|and|through|till|until)\s)\s?\d{{1,2}}{_ORD}\s+(?:of\s+)?{MONTH}{_YEAR}?(?!\d)",
            0.75,
        ),
        # "November 10-12", "Dec 24th to the 26th": a month, then a range of its days
        Pattern(
            "month_day_range_strong",
            rf"\b{MONTH}\s?\d{{1,2}}{_ORD}\s?(?:[-–]|to|through|thru|until|till)\s?(?:the\s+)?"
            rf"\d{{1,2}}{_ORD}(?![\d/]|:\d|\s*(?:mg|mcg|ml|units?|%|am|pm|days?|weeks?)\b){_YEAR}?(?!\d)",
            0.75,
        ),
        # "born 1931", "YOB: 1931": a year of birth (an element of the DOB; over 89 it identifies)
        Pattern(
            "birth_year_medium",
            r"\b(?:born(?:\s+in)?|b\.|yob|year\s+of\s+birth|birth\s+year)\s*:?\s*(?P<v>(?:19|20)\d{2})\b(?![/.-]\d)",
            0.6,
        ),
        # "mid-March", "early April", "the end of June": a part of a named month (capitalised,
        # so "late may" stays a modal verb)
        Pattern(
            "month_part_medium",
            rf"\b(?:mid|early|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[- ]{MONTH}(?!\s*\d)",
            0.6,
        ),
        # "Monday 3rd", "Tues 10th": a weekday before a day of the month
        Pattern(
            "weekday_day_medium",
            rf"\b(?:{_WEEKDAY}|{_DAY}\.?),?\s+\d{{1,2}}(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{MONTH})",
            0.65,
        ),
        # "le 4 mars", "am 4. März", "el 4 de marzo": a day and month after another language's
        # "on", no year needed (alone, "mars" and "mai" are words)
        Pattern(
            "foreign_day_month_medium",
            rf"\b(?:le|am|el|il|op|em|au|du|vom|bis|zum|del|dal|al)\s+(?P<v>\d{{1,2}}(?:\.|er|º|°)?\s+(?:de\s+)?"
            rf"(?:{FOREIGN_MONTH}|{MONTH}))(?!\s*(?:de\s+|del\s+)?(?:19|20)\d{{2}})",
            0.7,
        ),
        # "8. September 2025": a German or Scandinavian day, its full stop, an English month
        Pattern(
            "dotted_day_month_year_strong",
            rf"(?<![\d/.])\b\d{{1,2}}\.\s?{MONTH}\s?(?:19|20)\d{{2}}\b",
            0.85,
        ),
        # "03.03.", "1.8.-4.8.2025": a day and month with their full stops and no year
        Pattern(
            "dotted_day_month_medium",
            r"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?![\d.]|\w)",
            0.6,
        ),
        # "04OCT25", "31dec2025": day, month and year run together, as logs and labels print them
        Pattern(
            "compact_day_mon_year_strong",
            r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
            r"(?:(?:19|20)\d{2}|\d{2})(?![\w/-])",
            0.85,
        ),
        # iCalendar and log stamps: "20260304T140000Z"
        Pattern(
            "compact_timestamp_strong",
            r"(?<![\w])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])T[0-2]\d[0-5]\d(?:[0-5]\d)?Z?(?![\w])",
            0.9,
        ),
        Pattern("day_mon_year_strong", rf"\b\d{{1,2}}{_ORD}-{MONTH}-(?:\d{{4}}|\d{{2}})\b", 0.9),
        # Letters' shapes (issue 13, `clinic_letters` dev voice): a month in Roman numerals as
        # British and European letters print a DOB ("3.iii.61", "03-iii-1961", "3/XII/1961");
        # the old "3rd inst." / "4th ult." (this month, last month); "March, 3rd 2025".
        Pattern(
            "roman_month_strong",
            r"(?<![\w/.-])(?:0?[1-9]|[12]\d|3[01])([./-])(?-i:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i"
            r"|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\1(?:(?:19|20)\d{2}|\d{2})(?![\w/-])",
            0.85,
        ),
        Pattern(
            "day_inst_medium",
            r"\b(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\s+(?:inst|ult|prox)\b\.?",
            0.7,
        ),
        Pattern(
            "month_comma_day_medium",
            rf"\b{MONTH},\s+\d{{1,2}}(?:st|nd|rd|th)\b{_YEAR}?(?!\d)",
            0.7,
        ),
        # Named days of the year ("Christmas Eve 2024", "on Boxing Day", "New Year's Day"): a
        # day of service like any other when they say when something happened.
        # Han and Hangul dates ("2025年3月4日", "3月4日", "2025년 3월 4일"): scripts without
        # capitals or spaces, so no word boundary is asked for.
        Pattern(
            "cjk_date_strong",
            r"(?<!\d)(?:(?:19|20)\d{2}\s?[年년]\s?)?(?:0?[1-9]|1[0-2])\s?[月월]\s?(?:0?[1-9]|[12]\d|3[01])\s?[日号일]",
            0.85,
        ),
        Pattern(
            "cjk_month_year_medium",
            r"(?<!\d)(?:19|20)\d{2}\s?[年년]\s?(?:0?[1-9]|1[0-2])\s?[月월](?!\s?\d)",
            0.6,
        ),
        # "4 de marzo", "4 de março": the "de" makes it a date without a preposition before it
        Pattern(
            "de_day_month_medium",
            rf"(?<![\d/.])\b\d{{1,2}}\s+de\s+{FOREIGN_MONTH}(?!\s*(?:de\s+|del\s+)?(?:19|20)\d{{2}})",
            0.7,
        ),
        Pattern(
            "holiday_medium",
            r"\b(?-i:(?:Christmas|Xmas)\s+(?:Day|Eve)|Boxing\s+Day|New\s+Year'?s?\s+(?:Day|Eve)"
            r"|Easter\s+(?:Sunday|Monday)|Good\s+Friday|St\.?\s+Patrick'?s\s+Day|Anzac\s+Day"
            r"|Waitangi\s+Day|Canada\s+Day|Australia\s+Day|Thanksgiving\s+Day|Independence\s+Day)(?:,?\s+(?:19|20)\d{2})?\b",
            0.6,
        ),
        Pattern("day_mon_medium", rf"(?<![\d/.]|\d-)\b\d{{1,2}}-{MONTH}(?![\w-])", 0.7),
        Pattern("mon_day_medium", rf"\b{MONTH}-\d{{1,2}}(?![\w-])", 0.7),
        Pattern("mon_day_year_strong", rf"\b{MONTH}-\d{{1,2}}-(?:(?:19|20)\d{{2}}|\d{{2}})\b", 0.9),
        Pattern(
            "md_hyphen_weak",
            r"(?<![\d/.:+-])\b(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b(?![\d/-]|\.\d|\s*(?:mg|mcg|ml|units?|days?|d|hrs?|hours?|weeks?|wks?|times|x|%|cm|mm|kg|lbs?)\b)",
            0.3,
        ),
        Pattern(
            "month_year_medium", rf"\b{MONTH},?\s?(?:of\s+)?(?:(?:19|20)\d{{2}}|'\d{{2}})\b", 0.6
        ),
        # "CABG x 4 in 3/80", "quit in 10/1995": month/year in a history
        Pattern(
            "month_year_numeric_medium",
            r"(?<![\d/.]|\d-)(?:0?[1-9]|1[0-2])/(?:(?:19|20)\d{2}|[3-9]\d)(?![\d/]|\.\d|\s*(?:mg|mcg|ml|mmhg|units?|%)\b)",
            0.6,
        ),
        # "hip fx 3-2013": the same with a hyphen, four-digit years only (a pattern of its own:
        # one alternation for both marks made this pass ten times slower)
        Pattern(
            "month_year_numeric_hyphen_medium",
            r"(?<![\d/.-])(?:0?[1-9]|1[0-2])-(?:19|20)\d{2}(?![\d/-]|\.\d|\s*(?:mg|mcg|ml|mmhg|units?|%)\b)",
            0.6,
        ),
        # "the third of July", "July the 3rd", "July third"
        Pattern(
            "spelled_day_medium",
            rf"\b(?:(?:the\s+)?{_ORDINAL_WORD}\s+(?:of\s+)?{MONTH}|{MONTH}\s+(?:the\s+)?(?:{_ORDINAL_WORD}|\d{{1,2}}(?:st|nd|rd|th)))\b{_YEAR}?",
            0.7,
        ),
        # "Sunday the 4th", "Wed. the twelfth": a weekday names the month's day it falls on
        Pattern(
            "weekday_ordinal_medium",
            rf"\b(?:{_WEEKDAY}|{_DAY}\.?),?\s+the\s+(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD})\b",
            0.7,
        ),
        Pattern(
            "foreign_abbr_day_month_year_strong",
            rf"(?<![\d/.])\b\d{{1,2}}\.?\s+(?:de\s+)?{FOREIGN_MONTH_ABBR}\.?\s+(?:de\s+)?(?:19|20)\d{{2}}\b",
            0.85,
        ),
        # Numeric with spaces around its separators and a full year ("4 - 3 - 2025", "4. 3. 2025")
        Pattern(
            "spaced_numeric_full_strong",
            r"(?<![\d/.])\b(?:0?[1-9]|[12]\d|3[01])\s?([./-])\s(?:0?[1-9]|1[0-2])\s?\1\s?(?:19|20)\d{2}\b"
            r"|(?<![\d/.])\b(?:0?[1-9]|[12]\d|3[01])\s([./-])\s?(?:0?[1-9]|1[0-2])\s?\2\s?(?:19|20)\d{2}\b",
            0.85,
        ),
        # A month or weekday name misspelt as people type them ("Febuary 4th", "4th Feburary",
        # "Wednsday 5th"): a word one or two edits from the name, beside a day's number (see
        # `_misspelt_month`); a word of the dictionary is never one.
        Pattern(
            "misspelt_month_medium",
            r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[JFMASONDjfmasond][a-z]{4,9})\b(?:,?\s+(?:19|20)\d{2}\b)?"
            r"|(?P<w>[JFMASONDTWjfmasondtw][a-z]{4,9})\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?![\d:/.]\d)(?:,?\s+(?:19|20)\d{2}\b)?)",
            0.6,
        ),
        # An interval in ISO 8601 ("2025-03-05/2025-03-07")
        Pattern(
            "iso_interval_strong",
            r"(?<![\d/.])(?:19|20)\d{2}-\d{2}-\d{2}/(?:19|20)\d{2}-\d{2}-\d{2}(?![\d/-])",
            0.9,
        ),
        Pattern(
            "foreign_day_month_year_strong",
            rf"(?<![\d/.])\b\d{{1,2}}(?:\.|er|º|°)?\s+(?:de\s+)?{FOREIGN_MONTH}\.?\s+(?:de\s+|del\s+)?(?:19|20)\d{{2}}\b",
            0.85,
        ),
        # "24 juni", "6 Ekim", "20 listopad", "2. Juli": a day and another language's month,
        # no year and no preposition (see `_AMBIGUOUS_MONTH` for the words it leaves)
        Pattern(
            "foreign_day_month_bare_medium",
            rf"(?<![\d/.,]|\d\s)\b(?:0?[1-9]|[12]\d|3[01])(?:\.|er|º|°)?\s+(?:de\s+)?{FOREIGN_MONTH}(?!\.?\s*(?:de\s+|del\s+)?(?:19|20)\d{{2}})",
            0.6,
        ),
        # "12-OKT-2025", "15-Ekim-2024", "3/févr./2025": a day, a month in another language
        # and a year joined by dashes or slashes
        Pattern(
            "foreign_dashed_date_strong",
            rf"(?<![\d/.-])\b\d{{1,2}}([-/])(?:{FOREIGN_MONTH}|{FOREIGN_MONTH_ABBR})\.?\1(?:(?:19|20)\d{{2}}|\d{{2}})\b(?![/-]\d)",
            0.85,
        ),
        # "18 08 2025", "02 14 2025": day, month and year parted by single spaces, a full year,
        # no digit on either side (a number's groups are longer or run on)
        # "1989-09": ISO 8601's year and month, the month zero-padded
        Pattern(
            "iso_month_year_medium",
            r"(?<![\d/.-])(?:19|20)\d{2}-(?:0[1-9]|1[0-2])(?![\d/-]|\.\d)",
            0.6,
        ),
        # "1960 08 23": year, month and day parted by spaces
        Pattern(
            "spaced_iso_strong",
            r"(?<![\d/.:]|\d[ ])\b(?:19|20)\d{2}[ ](?:0[1-9]|1[0-2])[ ](?:0[1-9]|[12]\d|3[01])\b(?![ ]?\d|[/.:-]\d)",
            0.7,
        ),
        Pattern(
            "spaced_numeric_year_medium",
            r"(?<![\d/.:]|\d[ ])\b(?:0?[1-9]|[12]\d|3[01])[ ](?:0?[1-9]|[12]\d|3[01])[ ](?:19|20)\d{2}\b(?![ ]?\d|[/.:-]\d)",
            0.6,
        ),
        Pattern(
            "foreign_month_year_medium",
            rf"\b{FOREIGN_MONTH}\s+(?:de\s+|del\s+)?(?:19|20)\d{{2}}\b",
            0.6,
        ),
        # "DOB 03 03 1961": day, month and year spaced, counted only after a birth cue
        Pattern(
            "spaced_dob_weak",
            r"(?<![\d/.])\b(?:0?[1-9]|[12]\d|3[01])\s(?:0?[1-9]|1[0-2])\s(?:19|20)\d{2}\b",
            0.3,
        ),
        Pattern(
            "compact_dob_weak",
            r"(?<!\d)(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)",
            0.3,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = sorted(POSITIVE_CUES)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        return _join_ranges(text, super().analyze(text, entities, nlp_artifacts, regex_flags))

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        refined = self._refine(text, result)
        if refined is None or _MONTH_AND_YEAR.match(pattern_name(refined)):
            return refined  # a month and year has no weekday or time of its own
        return _with_day_and_time(text, refined)

    def _refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if _SHIFT_AFTER.match(text, result.end) and _DAY_ORDINAL.fullmatch(value):
            return None  # "Tue/Thu/Sat 2nd shift": the second shift, not Saturday the 2nd
        if name in _WRITTEN_WHOLE:
            return set_subtype(result, "FULL_DATE")  # "04OCT25", "20260304T1400Z": all three parts
        if "." in value and not re.search(MONTH, value, re.IGNORECASE) and _a_version(text, result):
            return None  # "Firmware 4.2.17", "v3.2.1": a release, not a date
        if name == "misspelt_month_medium":
            if not _misspelt_month(value):
                return None
            full = re.search(r"(?:19|20)\d{2}", value) is not None
            return _with_day_and_time(text, set_subtype(result, "FULL_DATE")) if full else result
        if name == "spaced_numeric_full_strong":
            return set_subtype(result, "FULL_DATE")
        if name == "roman_month_strong":
            before = words_before(text, result.start, 2)
            dob = any(w.rstrip(":#-") in DOB_CUES for w in before)
            return set_subtype(result, "DOB" if dob else "FULL_DATE")
        if name in {"day_range_month_strong", "month_day_range_strong"}:
            if any(int(d) > 31 or int(d) == 0 for d in re.findall(r"\d+", value)[:2]):
                return None
            full = re.search(r"(?:19|20)\d{2}", value) is not None
            return set_subtype(result, "FULL_DATE") if full else result
        if name == "dotted_day_month_medium" and not _dotted_day_ok(text, result):
            return None
        if name == "month_part_medium":
            month = re.search(MONTH, value.split("-")[-1].split()[-1], re.IGNORECASE)
            return result if month and month.group()[:1].isupper() else None
        if name in {"weekday_day_medium", "foreign_day_month_medium"}:
            return result
        if name == "foreign_day_month_bare_medium":
            word = re.search(rf"{FOREIGN_MONTH}", value, re.IGNORECASE)
            if word is None or word.group().lower() in _AMBIGUOUS_MONTH:
                return None
            return result
        if name == "spaced_numeric_year_medium":
            first, second = (int(x) for x in value.split()[:2])
            if not _month_day_ok(first, second):
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
            ends = [re.findall(r"\d+", end)[:2] for end in re.split(r"\s?[-–—]\s?", value)]
            if not all(_month_day_ok(int(a), int(b)) for a, b in ends):
                return None
            return set_subtype(result, "FULL_DATE") if value.count("/") >= 4 else result
        before = words_before(text, result.start, 2)
        after = words_after(text, result.end, 1)
        is_dob = (
            any(w.rstrip(":#-") in DOB_CUES for w in before)
            or "date of birth" in text[max(0, result.start - 20) : result.start].lower()
        )
        digits = re.findall(r"\d+", value)
        if pattern_name(result) == "spelled_day_medium" and not _spelled_month_ok(value):
            return None  # "the second may be", "first march in": a verb or a noun
        if pattern_name(result).startswith("month_year_numeric"):
            in_history = any(w in HISTORY_CUES for w in before[-1:]) or _in_history(
                text, result.start
            )
            if (len(digits[-1]) == 2 or "-" in value) and not (is_dob or in_history):
                return (
                    None  # "3/80", "1-2000" alone may be a ratio or a range; "in 3/80" is a month
                )
            return set_subtype(result, "DOB") if is_dob else result
        if pattern_name(result).startswith("foreign_"):
            if re.search(r"(?-i:Mayo)", value):
                return None  # "the Mayo 2021 guidelines": the clinic; Spanish writes "mayo"
            if is_dob:
                return set_subtype(result, "DOB")
            full = pattern_name(result) in {
                "foreign_day_month_year_strong",
                "foreign_abbr_day_month_year_strong",
            }
            return _with_day_and_time(text, set_subtype(result, "FULL_DATE")) if full else result
        fraction = _FRACTION.match(value)
        if fraction:
            a, b = int(fraction.group(1)), int(fraction.group(2))
            if not _month_day_ok(a, b):
                return None
            # "the week of 8/12", "wk beg 10/3", "w/c 10/3"; "week 2/3" is a count
            week_of = before[-2:] == ["week", "of"] or bool(before and before[-1] in _WEEK_CUES)
            if (any(w in NOT_DATE_BEFORE for w in before) and not week_of) or (
                after and after[0] in NOT_DATE_AFTER
            ):
                return None
            if before[-1:] == ["sat"] and before[-2:-1] and before[-2] in _OXYGEN:
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
                or _WEEKDAY_WORD.fullmatch(before[-1] if before else "") is not None
                or _WEEKDAY_PAREN.search(text, max(0, result.start - 14), result.start) is not None
                or _TIME_AFTER.match(text, result.end) is not None
                or _ENTRY_COLON.match(text, result.end) is not None
            )
            if (a == b or value in {"1/2", "1/3", "1/4", "2/3"}) and not strong:
                return None
        elif len(digits) >= 3 and "-" not in value[:3] and not re.match(r"(?:19|20)\d{2}", value):
            if not _month_day_ok(int(digits[0]), int(digits[1])):
                return None
            if any(w in NOT_DATE_BEFORE for w in before[-1:]):
                return None
        modal_may = re.fullmatch(r"may\s*\d{1,2}", value, re.IGNORECASE) is not None
        if modal_may and not (value.startswith("May") or any(w in POSITIVE_CUES for w in before)):
            return None  # "may 2": a modal verb before a number unless it reads as a date
        if pattern_name(result) == "md_hyphen_weak":
            if not (is_dob or any(w in DATE_CUES for w in before)):
                return None  # "2-3 days", "5-10": a range unless a date cue says otherwise
            result.score = 0.6
        if result.score < 0.35 and not is_dob:  # compact yyyymmdd only counts as a DOB
            return None
        has_year = bool(re.search(r"(?:19|20)\d{2}|'\d{2}|[/.-]\d{2}$", value)) and len(digits) >= 2
        if is_dob:
            result.score = max(result.score, 0.9)
            return set_subtype(result, "DOB")
        if (
            has_year
            and (len(digits) >= 3 or re.search(MONTH, value, re.IGNORECASE))
            and len(digits) >= 2
        ):
            return _with_day_and_time(text, set_subtype(result, "FULL_DATE"))
        return result


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
    rf"(?:\b(?:(?:{_WEEKDAY}|{_DAY}|{_FOREIGN_WEEKDAY})\.?,?|{_FOREIGN_DAY})\s+(?:the\s+)?)$",
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
_TIME_AFTER = re.compile(
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
_WEEKDAY_PAREN = re.compile(rf"\b{_DAY_WORD}\s?\($", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(rf"\s?\({_DAY_WORD}\)", re.IGNORECASE)
# A time written before its date ("13:05 04OCT25", "11:14 AM, Sun 14/6", "1741 on 14/01").
_TIME_BEFORE = re.compile(
    rf"(?:\b{_CLOCK}|\b(?:[01]\d|2[0-3])[0-5]\d(?:h(?:rs)?)?(?=\s+on\s))(?:,?\s+on\s+|,?\s+)$",
    re.IGNORECASE,
)


# Two dates joined as a range ("8/1 through 8/7", "Jan 3 to Jan 7"): one finding, so the
# connective between them is not left standing alone in a redacted copy.
_RANGE_JOIN = re.compile(r"\s*(?:[-–—]|to|through|thru|until|till)\s*", re.IGNORECASE)


def _join_ranges(text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
    out: list[RecognizerResult] = []
    for r in sorted(results, key=lambda r: (r.start, -r.end)):
        for prev in reversed(out[-3:]):
            between = re.fullmatch(r"\s+and\s+", text[prev.end : r.start]) is not None and text[
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


def _with_day_and_time(text: str, result: RecognizerResult) -> RecognizerResult:
    day = _WEEKDAY_BEFORE.search(text, max(0, result.start - 20), result.start)
    if day:
        result.start = day.start()
    clock = _TIME_BEFORE.search(text, max(0, result.start - 16), result.start)
    if clock:
        result.start = clock.start()
    time = _TIME_AFTER.match(text, result.end)
    if time:
        result.end = time.end()
        year = _YEAR_AFTER_TIME.match(text, result.end)
        if year and not re.search(r"(?:19|20)\d{2}", text[result.start : time.start()]):
            result.end = year.end()  # "Tue Sep 12 21:34:38 1972": C's ctime() puts it last
    weekday = _WEEKDAY_AFTER.match(text, result.end)
    if weekday:
        result.end = weekday.end()  # "10 March (Tue)"
    return result


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
    rf"\b{_DAY_WORD}(?:(?:\s*[/-]\s*{_DAY_WORD})+\b|(?:\s*(?:,|&|and|,\s*and)\s*{_DAY_WORD}){{2,}}\b)",
    re.IGNORECASE,
)
_SHIFT_AFTER = re.compile(r"\s+shifts?\b", re.IGNORECASE)
_DAY_ORDINAL = re.compile(rf"{_DAY_WORD},?\s+\d(?:st|nd|rd|th)", re.IGNORECASE)
_PLURAL_DAY = re.compile(rf"(?:{_WEEKDAY})s", re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"\b(?:every|each)\s+$", re.IGNORECASE)


# A service's opening days and its standing sessions name no date either: a range of weekdays
# in a sentence that says the service runs then ("clinics run Monday to Friday, 08:30-17:00",
# "the courier runs at 10:30 Monday to Friday"), and a weekday before a standing session's noun
# ("the Saturday list", "Saturday pickups only on request"; "seen Monday to Friday" and "Monday
# clinic appointment for Mrs Lee" stay dates)
_DAY_RANGE = re.compile(
    rf"\b{_DAY_WORD}\s*(?:to|through|thru|till|until|[-–])\s*{_DAY_WORD}(?![\w/])", re.IGNORECASE
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


def _recurring(text: str, start: int, end: int) -> bool:
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
            rf"\b(?:on|since|by|until|from|til|till|before|after|for)\s+(?P<v>{_DAY}\b\.?)",
            0.6,
        ),
        # "booked Fri", "moved to Tues": a day abbreviation after a verb that books a day
        Pattern(
            "booked_weekday_abbrev_medium",
            rf"\b(?:(?:booked|rebooked|scheduled|rescheduled)(?:\s+(?:to|for))?"
            rf"|(?:moved|pushed|bumped|changed)\s+to)\s+(?P<v>{_DAY}\b\.?)",
            0.6,
        ),
        # Letters name a day of the month in words too ("seen in clinic on the ninth", "first
        # seen the twenty-third."): after a date's preposition, where the sentence ends or goes
        # on as after a date ("on the second floor", "on the third attempt" are no dates).
        Pattern(
            "spelled_ordinal_medium",
            rf"\b(?:on|since|by|until|till|from|seen|dated)\s+(?P<v>the\s+{_ORDINAL_WORD})\b"
            rf"(?=\s*(?:[.,;!?)]|$)|\s+(?:of\s+(?:next|this|last|the)\s+month|and\s+(?:again\s+)?(?:on\s+)?the\s+{_ORDINAL_WORD}|{_AFTER_A_DAY})\b)",
            0.6,
        ),
        # Days of a month named before: "the 3rd to the 7th", "the ninth and the twelfth".
        Pattern(
            "ordinal_range_medium",
            rf"\bthe\s+(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD})\s*(?:[-–]|to|and|till|until|through)\s*"
            rf"(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)|{_ORDINAL_WORD})\b(?!\s+(?:floor|ribs?|doses?|cases?|patients?|times?|attempts?|lines?|cycles?|weeks?|days?|rounds?|items?|grade|degree|stage|place|time|row|one|ones)\b)",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = []

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end].lower()
        if value in {"o/n"} and words_after(text, result.end, 1)[:1] == ["vent"]:
            return None
        if _recurring(text, result.start, result.end):
            return None  # "runs Tuesdays", "every Monday", "Mon/Wed/Fri": a schedule, no date
        if value.startswith("sat") and words_before(text, result.start, 1)[-1:] in (
            ["o2"],
            ["spo2"],
        ):
            return None
        return set_subtype(result, "SERVICE_DATE")
