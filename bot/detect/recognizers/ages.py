"""AGE: "67yo", "67 y/o", "67-year-old", "67M", "45 yo F", "8 mo", "aged 92", "age 67".

An exact age is a quasi-identifier; over 89 it is a direct one (Safe Harbor), subtype
`AGE_OVER_89`. Durations that share the shape ("f/u in 3 mo", "x 2 wks", "30m") are dropped.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.age_cues import (
    DURATION_AFTER,
    DURATION_BEFORE,
    FOREIGN_AGO,
    FOREIGN_DURATION,
    NOT_A_READING,
    ON_A_DAY,
    age_from_birth_year,
    has_an_age,
    persons_age,
)
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
)

_SEX = r"(?:\s?[mf](?![a-z'’/]))?"  # a single letter belongs to the age form ("45 yo F"); a word does not
_YEARS = (
    r"(?:yo|y/o|y\.o\.?|y-o|yrs?\s*old|yrs?[-\s]old|years?[-\s]old|year[-\s]old|yr[-\s]old|y\.?\s?o\.?"
    r"|yoa|yof|yom|yowf|yowm|yobm|yobf|yohm|yohf|yrs?|years?|yos)"
)
_INFANT = r"(?:mo|mos|months?|wk|wks|weeks?|d|days?|hr|hrs|hours?)"
# After "turned 94" a ward's or a home's "on" is a day's too ("turned 92 on the ward"): no
# reading follows "turned"
_ON_A_DAY = ON_A_DAY[:-2] + r"|the\s+(?:ward|unit|home)\b))"
_MO = r"(?:m/o|mo/o|w/o|wk/o|d/o|mos?\.?\s?old|m\.o\.)"


# Words before "2/M" that make a one-digit number a grade or a level, not an age
_SCALE = frozenset({"grade", "level", "stage", "class", "type", "power", "mrc", "strength", "ext"})
_ONE_DIGIT = re.compile(r"\D*\d(?!\d)")
# The words before "3/m" that make it a rate, not an age and sex
_RATE_BEFORE = frozenset({"x", "q", "every", "per", "each"})
# What follows "5 days" when it counts from an event ("5 days post-op", "3 weeks postpartum",
# "12 weeks pregnant")
_AFTER_A_PROCEDURE = DURATION_AFTER | {
    "post-op", "postop", "post", "pod", "postpartum", "post-partum", "pp", "since", "ago",
    "pregnant", "pregnancy", "gestation", "gestational", "postnatal", "gest",
}  # fmt: skip


# What `AgeRecognizer.refine` asks of a match, compiled once (a module-level `regex` call
# costs a cache look-up through flag enums)
_NUMBER = re.compile(r"\d+")
_OLD = re.compile(r"o|old|/", re.IGNORECASE)
_READING = re.compile(r"[\d.,]+")
# An infant's unit in a finding: its age is in months, weeks, days or hours, never over 89 years.
# Whole words only: "hr" inside "91 Jahre" and "91-jährige" took a German age over 89 for hours
_NOT_YEARS = re.compile(
    r"(?<![^\W\d_])(?:mos?|months?|wks?|wko|weeks?|d|days?|do|hrs?|hours?|m/o|mo/o|w/o|wk/o|d/o"
    r"|m\.o\.)(?![^\W\d_])",
    re.IGNORECASE,
)


class AgeRecognizer(ClinicalPatternRecognizer):
    """Exact ages in the shapes clinicians type them."""

    NEEDS_DIGIT = True
    # looked for backwards first (`BACKWARDS_FIRST`): the sex after the age ends it
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"age_sex_medium"})
    ENTITY = "AGE"
    SUBTYPE = "AGE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "age_years_strong",
            rf"(?<![\d.])\b\d{{1,3}}\s?-?\s?{_YEARS}(?![a-z]){_SEX}(?![a-z])",
            0.9,
        ),
        Pattern("age_y_medium", r"(?<![\d.])\b\d{1,3}y(?:[mf])?\b", 0.7),
        # "(95 y)", "(101 yr)": a year count over 89 alone in brackets is nobody's duration
        Pattern("age_over_89_bracket_y_strong", r"(?<=\()(?:9\d|1[01]\d)\s(?:y|yr)(?=\))", 0.85),
        Pattern("age_sex_medium", r"(?<![\d./:$#-])\b\d{1,3}\s?(?:m|f)\b(?![/'’-])", 0.6),
        # a huddle sheet's terse forms: "M/57", "57/F", "4/M", "F 69", "37 y F" (not "14 F", a
        # catheter's French size: that is the form above, refined by the word before it)
        Pattern(
            "age_sex_slash_medium",
            r"(?<![\w./:-])(?:[mf]\s?/\s?\d{2,3}|\d{2,3}\s?/\s?[mf]|(?-i:[MF]/\d|\d/[MF]))\b"
            r"(?![/.:'’-]\w|\s?(?:mg|kg|ml)\b)",
            0.6,
        ),
        Pattern(
            "age_sex_first_medium",
            r"(?-i:(?<![\w./:-])[MF]\s\d{2,3}\b)(?![/.:,]\d|\s?(?:%|(?:mg|kg|ml|mm|cm|fr|g|units?)\b))",
            0.6,
        ),
        Pattern("age_y_sex_medium", r"(?<![\d.])\b\d{1,3}\s?y\s[mf]\b(?![a-z/'’-])", 0.7),
        Pattern(
            "age_infant_medium",
            rf"(?<![\d.])\b\d{{1,2}}\s?-?\s?{_INFANT}[-\s]?old\b{_SEX}(?![a-z])",
            0.85,
        ),
        Pattern("age_m_o_strong", rf"(?<![\d.])\b\d{{1,2}}\s?-?\s?{_MO}(?![a-z])", 0.85),
        Pattern(
            "age_mo_weak", r"(?<![\d.])\b\d{1,2}\s?(?:mo|mos|m\.o\.|wk|wks|wko|do)\b(?![/'’-])", 0.5
        ),
        Pattern(
            "age_months_weak", r"(?<![\d.])\b\d{1,2}\s?(?:months?|weeks?|days?)\b(?![/'’-])", 0.45
        ),
        Pattern(
            "age_labelled_strong",
            r"\b(?:aged?|age:|aged:|ages)\s?\d{1,3}\b(?!\s*(?:%|mg|kg|days|d\b|hrs?|weeks|wks))",
            0.85,
        ),
        # "Age - 94", "Age=94", "at the age of 94", "her age is 94", and the second of "ages 94
        # and 91"
        Pattern(
            "age_labelled_mark_strong",
            r"\b(?:aged?|ages)(?:\s*[=–—-]\s*|\s+of\s+|\s+(?:is|was|now)\s+)(?P<v>\d{1,3})\b"
            r"(?!\s*(?:%|mg|kg|days|d\b|hrs?|weeks|wks|months?|mos?\b))",
            0.85,
        ),
        Pattern(
            "age_labelled_second_strong", r"\bages\s?\d{1,3}\s*(?:,|and|&)\s*(?P<v>\d{1,3})\b", 0.85
        ),
        # Other languages' year words ("58 años", "72 ans", "80 Jahre", "65岁") and age labels.
        Pattern(
            "age_foreign_strong",
            r"(?<![\d.])\b\d{1,3}[\s-]?(?:(?:años|anos|ans|jahre|jährige?[rnms]?|anni|jaar|jarige?|år"
            r"|årig[ae]?|lat|let|ani|vuotia(?:s|ana|alla)|éves(?:en)?|let[ýáéou]|letni\w*|yaşında(?:ki)?"
            r"|лет|года|років|роки|летн\w*|години|godin[aeu]|metų|metai|gadus|gadi|aastat|aastane|tuổi|tahun|taon|ετών|χρονών|عامًا|عاما)\b"
            r"|(?:歳|岁|세|살|साल|वर्ष))",
            0.85,
        ),
        Pattern(
            "age_foreign_labelled_strong",
            r"\b(?:edad|âge|alter|età|idade|leeftijd|ålder|wiek)\s?:?\s?\d{1,3}\b(?!\s*(?:%|kg|cm))",
            0.85,
        ),
        # Letters and e-mails give an age over 89 in prose ("her mother, who is 94", "Mrs Alvarez
        # (93)", "Tom Reyes, 91, fell", "he turned 92", "95 years of age"): Safe Harbor makes
        # every age over 89 a direct identifier, so these shapes are taken for 90-119 only.
        Pattern(
            "age_over_89_prose_strong",
            r"\b(?:who\s+is|who's|she\s+is|he\s+is|she's|he's|turned|turns|turning|will\s+be|is\s+now"
            r"|(?:she|he|who)\s+(?:has\s+)?(?:reached|reaches)|(?:she|he|who)(?:'ll|’ll)\s+be"
            r"|(?:will|to|would)\s+(?:turn|reach)|\bi\s+am|\bi['’]m)"
            rf"\s+(?P<v>9\d|1[01]\d)\b(?!\s*(?:%|percent|mg|kg|lbs?|bpm|mmhg|degrees|°|on\b{_ON_A_DAY}|over\b|/|\.\d"
            r"|metres|meters|m\b|steps|yards|points|minutes|mins?\b|seconds|secs?\b|miles|km\b|sure\b))",
            0.85,
        ),
        # "DOB 03/04/1931 (94)", "born 1931, now 94": a number after a birth year that the year
        # plus that number brings to the present decade is the age (read by `refine`)
        Pattern(
            "age_after_birth_year_strong",
            r"(?<!\d)(?:19|20)\d\d\b\)?(?:\s?\(|,\s*(?:now|age|aged)?\s*|\s+(?:now|age|aged)\s+)"
            r"(?P<v>\d{1,3}(?:\s?(?:y|yo|yrs?|years?)\b)?)\b(?!\s*(?:%|mg|kg|/|\.\d))",
            0.85,
        ),
        # "94, female, lives alone", "at 94 she lives alone"
        Pattern(
            "age_over_89_before_sex_strong",
            r"(?<![\w.,/-])(?P<v>9\d|1[01]\d),?\s(?:female|male|woman|man|widow|widower)\b",
            0.8,
        ),
        # "(F, 94)", "female, 94", "woman 94": the sex before the age
        Pattern(
            "age_over_89_after_sex_strong",
            rf"(?<![\w/.-])(?:(?:female|male|woman|man)\s?,?|[fm]\s?,)\s(?P<v>9\d|1[01]\d)\b(?![/.:]\d){NOT_A_READING}",
            0.8,
        ),
        Pattern(
            "age_over_89_at_strong",
            r"(?:\bat|(?:^|(?<=[.!?;]\s))(?:now|nearly|almost))\s(?P<v>9\d|1[01]\d)"
            r"(?=,?\s+(?:she|he|they|her|his|mum|mom|dad|remains|lives|continues|manages)\b)",
            0.8,
        ),
        Pattern(
            "age_years_of_age_strong",
            r"(?<![\d.])\b\d{1,3}\s?(?:years?|yrs?)\s+of\s+age\b",
            0.9,
        ),
        # "Mrs Kowalski is 93 and lives alone", "Her mum's 92", "Dad was 95 in May", "Claire
        # Owen reached 97 on 2026-03-04": a person's word before the copula or "reached", read by
        # `refine` (a listed name, a relative, the patient; "Sats reached 97" is a reading)
        Pattern(
            "age_over_89_copula_strong",
            rf"(?<=\w)(?:\s+is|\s+was|'s|’s|\s+(?:has\s+)?reach(?:ed|es))(?:\s+(?:now|just|only|already|nearly|almost))?"
            rf"\s+(?P<v>9\d|1[01]\d)\b{NOT_A_READING}",
            0.85,
        ),
        # "Age/Gender: 94/Female", "(94, F)": the age beside the sex in a field, or in brackets
        # over 89 (a chat's "(72, F)" moved no dev figure, so it is left as it was)
        Pattern(
            "age_sex_field_strong",
            r"\bage\s*/\s*(?:sex|gender)\s*:?\s*(?P<v>\d{1,3})\b(?=\s*/\s*(?:[mf]|male|female)\b)"
            r"|\((?P<v>9\d|1[01]\d),\s?(?:[mf]|male|female)\)",
            0.85,
        ),
        # "Mr and Mrs Dunne (94 and 92)": a couple's ages in one pair of brackets
        Pattern(
            "age_over_89_pair_strong",
            r"(?-i:\b[A-Z][a-z]+)\s?\((?P<v>(?:9\d|1[01]\d)\s?(?:and|&|,)\s?(?:9\d|1[01]\d))\)",
            0.8,
        ),
        # "in her 97th year", "celebrating his 100th": an ordinal of 90-119 after a possessive is
        # the year of life (a count after it, "her 95th admission", is not)
        Pattern(
            "age_over_89_possessive_ordinal_strong",
            r"\b(?:her|his|their)\s+(?P<v>(?:9\d|1[01]\d)(?:st|nd|rd|th))\b"
            r"(?!\s+(?:centile|percentile|time|admission|visit|appointment|fall|referral|day|week"
            r"|month|dose|session|cycle|attempt|floor|patient|resident|call|letter|review)s?\b)",
            0.85,
        ),
        # A form's age field with a unit or a when, or a table's bar: "Age (years): 102", "Age
        # (yrs) 94", "Age at referral: 95", "Age | 94"
        Pattern(
            "age_field_strong",
            r"\bage(?:\s*\((?:years?|yrs?|y)\)\s*[:|]?|\s+(?:at|on)\s+[a-z]+\s*:|\s*\|)\s*(?P<v>\d{1,3})\b"
            r"(?!\s*(?:%|mg|kg|days|d\b|hrs?|weeks|wks|months?|mos?)\b|[/.:-]\d)",
            0.85,
        ),
        # "her 100th birthday": the ordinal is the age
        Pattern(
            "age_birthday_strong",
            r"(?<![\d.])\b\d{1,3}(?:st|nd|rd|th)(?=\s+(?:birthday|bday|b-day)\b)",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["pt", "patient", "a", "an", "this", "is", "year", "old"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        number = _NUMBER.search(value)
        if number is None:
            return None
        age = int(number.group())
        before = words_before(text, result.start, 2)
        after = words_after(text, result.end, 1)
        name = pattern_name(result)
        if age > 120:
            return None
        if name == "age_over_89_copula_strong" and not persons_age(text, result.start):
            return None
        if name == "age_after_birth_year_strong" and not age_from_birth_year(
            text, result.start, age
        ):
            return None
        if name == "age_foreign_strong" and (
            (before and before[-1] in FOREIGN_DURATION and not has_an_age(before, value))
            or (after and after[0] in FOREIGN_AGO)
        ):
            return None  # "hace 5 años", "depuis 3 ans", "seit 2 Jahre": how long, not how old
        if name == "age_years_strong" and not _OLD.search(value):
            # "19 yr", "14 yrs": an age unless a duration ("for 14 yrs", "x 3 years", "5 yrs ago").
            if before and before[-1] in DURATION_BEFORE | {
                "smoked",
                "smoking",
                "sober",
                "married",
                "ppd",
                "pack",
                "hx",
                "history",
                "dx",
                "since",
                "age",
                "aged",
            }:
                return None
            if after and after[0] in DURATION_AFTER | {
                "hx",
                "history",
                "of",
                "ppd",
                "pack",
                "smoker",
                "smoking",
                "sober",
                "ago",
                "later",
                "postop",
                "post",
                "remission",
                "tx",
                "treatment",
                "prior",
            }:
                return None
        if name in {
            "age_sex_medium",
            "age_mo_weak",
            "age_y_medium",
            "age_sex_slash_medium",
            "age_sex_first_medium",
            "age_y_sex_medium",
        }:
            # "Referral for 72/F": an age across a slash with its sex counts nothing, so only a
            # rate's words make it one ("x 3/m", "q 2/f" are no such forms either way)
            duration = _RATE_BEFORE if name == "age_sex_slash_medium" else DURATION_BEFORE
            if before and before[-1] in duration:
                return None
            if after and after[0] in DURATION_AFTER:
                return None
            if before and before[-1] in {
                "bed",
                "room",
                "rm",
                "bay",
                "#",
                "no",
                "floor",
                "unit",
                "ward",
                "station",
                "pod",
                "chair",
                "recliner",
                "trolley",
                "slot",
                "cubicle",
                "gauge",
                "fr",
                "size",
            }:
                return None
        if (
            name == "age_sex_slash_medium"
            and _ONE_DIGIT.match(value)
            and before
            and before[-1] in _SCALE
        ):
            return None  # "Grade 2/M", "Level 4/F": a grade or a level, not "4/M" with fever
        if name == "age_sex_first_medium" and before and _READING.fullmatch(before[-1]):
            return None  # "T 38.2 F 101": a reading's unit, then the next number
        if name == "age_sex_medium":
            sex = value[-1]
            # "30m" in a lower-case message is usually minutes; trust upper case, or an age-like cue.
            field = text[: result.start].rstrip()[-1:] in {"/", "|", "(", ",", ":", ""}
            if (
                sex.islower()
                and age in {5, 10, 15, 20, 30, 45, 60, 90}
                and not field
                and not (
                    not before or before[-1] in {"pt", "patient", "a", "an", "is", "re", "this"}
                )
            ):
                return None  # "x 30m", "15m": minutes unless it reads as an age
            if (
                text[result.end : result.end + 1] == "."
                and text[result.end + 1 : result.end + 2].isdigit()
            ):
                return None
        if name == "age_months_weak" and after and after[0] in _AFTER_A_PROCEDURE:
            return None  # "Mrs Khan, 5 days post-op": how long since, not how old
        if name == "age_months_weak" and not (
            not before
            or before[-1]
            in {"pt", "patient", "a", "an", "this", "our", "baby", "infant", "ex", "former"}
        ):
            return None
        if (
            name == "age_mo_weak"
            and before
            and before[-1] in {"f/u", "fu", "q", "x", "every", "for", "in", "within", "after"}
        ):
            return None
        if (
            name == "age_mo_weak"
            and after
            and after[0]
            in {
                "ago",
                "later",
                "prior",
                "of",
                "supply",
                "course",
                "post",
                "postop",
                "f/u",
                "follow",
            }
        ):
            return None
        if age > 89 and not _NOT_YEARS.search(value):
            result.score = max(result.score, 0.9)
            return set_subtype(result, "AGE_OVER_89")
        return result
