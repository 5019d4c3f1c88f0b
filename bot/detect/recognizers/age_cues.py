"""What tells an age from a number beside it: the words that make one a duration or a reading,
the people an age in prose belongs to, and the checks that a number is a person's age.

Shared by `ages` (digits) and `ages_spelled` (words), so the two read a number's neighbours
alike: "Glucose, 95," and "Glucose, ninety-five," are both readings.
"""

from __future__ import annotations

import regex as re

from bot.detect.recognizers.base import wordset
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.titles import after_title

# Words before a number that make "3 mo" or "30m" a duration, not an age.
DURATION_BEFORE = frozenset(
    [
        "in",
        "for",
        "x",
        "q",
        "every",
        "after",
        "over",
        "past",
        "last",
        "within",
        "since",
        "lasting",
        "about",
        "approx",
        "~",
        "than",
        "next",
        "each",
        "per",
        "duration",
        "until",
        "from",
        "been",
        "takes",
        "took",
    ]
)
DURATION_AFTER = frozenset(
    [
        "ago",
        "later",
        "prior",
        "before",
        "after",
        "of",
        "supply",
        "course",
        "trial",
        "apart",
        "walk",
        "run",
        "drip",
        "infusion",
        "bolus",
    ]
)


FOREIGN_DURATION = wordset(
    "hace desde durante por depuis pendant il y a seit für vor da per sinds há ha sedan i przez od "
    "since for prije pre prieš pirms преди před"
)


# A capitalised name word before an age ("Smith", "O'Brien", "Smith-Jones"), bounded as
# `facility_names.CAP` is: unbounded, a run of "Ab-Ab-Ab-..." is tried from every capital to
# its end, quadratic (20,000 characters took 4 s in one pattern); no name word is that long
NAME_WORD = r"\p{Lu}[\p{L}'’-]{1,40}"

# "on" after an age that is no reading's ("94 on 2L", "92 on air", "96 on bisoprolol") but a
# day's or an occasion's: a weekday, a month, "the 12th", "3 March", a date in figures ("turned
# 94 on 14/03/2026", "on 2026-03-14", "on 3.4.26"; not "on 2-4L", a unit right after), her
# birthday, "the day she moved in". A negative lookahead's body: "on" then none of these.
ON_A_DAY = (
    r"(?!\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|the\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|new\s+year|boxing"
    r"|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?(?![\w%/-]|\.\d)|(?:her|his|their|my)\s+birthday"
    r"|the\s+(?:same\s+)?day\b))"
)
# What follows a number that is a reading or a quantity, not how old someone is.
NOT_A_READING = (
    rf"(?!\s*(?:%|percent|mg|kg|lbs?|pounds|bpm|mmhg|degrees|°|on\b{ON_A_DAY}|over\b|/|\.\d|out\b|of\b"
    r"|min|mins|minutes|miles|km|ft|feet|cm|mm|ml|units?|k\b|thousand|dollars|\$"
    r"|metres|meters|steps|yards|points))"
)
# Who an age in prose belongs to: the patient and the relatives letters and e-mails speak of.
_PERSON_NOUN_WORDS = wordset(
    "patient pt client resident member mother mom mum mam mama father dad papa grandmother "
    "grandma granny gran nan nana nanna grandfather grandpa granddad grandad husband wife "
    "spouse partner aunt auntie uncle sister brother widow widower lady gentleman man woman "
    "neighbour neighbor friend veteran tenant mother-in-law father-in-law son daughter child baby "
    "boy girl grandson granddaughter niece nephew cousin stepson stepdaughter paciente patientin "
    "paziente patiënt pacient pacjent pacjentka nonagenarian centenarian supercentenarian"
)
PERSON_NOUNS = "|".join(
    re.escape(w) for w in sorted(_PERSON_NOUN_WORDS, key=lambda w: (-len(w), w))
)
PERSON_WORDS = _PERSON_NOUN_WORDS | {"she", "he", "who"}
_SUBJECT = re.compile(
    r"([\w'’.-]+)(?:\s+is|\s+was|'s|’s|\s+(?:has\s+)?reach(?:ed|es))(?:\s+\w+)?\s+$"
)

# "ago" after a number of years ("5 лет назад", "3 tahun lalu", "2 yıl önce", "4 jaar geleden")
FOREIGN_AGO = wordset(
    "назад тому lalu trước önce sitten ezelőtt temu geleden sedan siden fa ago tagasi unatrag"
)

# Measurement words a number in parentheses or between commas belongs to.
READINGS = wordset(
    "glucose sugar bg bs cbg fsbg sat sats spo2 o2 pulse hr rate weight wt temp bp map gcs score "
    "level levels potassium sodium na cr bun hgb hb plt wbc inr ldl hdl a1c ef iq room bed bay rm "
    "ward floor unit page grade"
)


_BIRTH_YEAR = re.compile(r"((?:19|20)\d\d)\D{0,12}$")
# a date's separator before the year ("03/04/1931"), or a birth label within a few words
_BIRTH_CUE = re.compile(
    r"(?:\d[/.-]|\b(?:dob|d\.o\.b\.?|born|birth\w*|b\.|geb\.?|née?|nacid[oa]|bday)\b.{0,24})$",
    re.IGNORECASE | re.DOTALL,
)


def age_from_birth_year(text: str, start: int, age: int) -> bool:
    """Whether the number after a date of birth is the age: the year is a birth date's (a full
    date or a birth label before it), and it plus the number falls in 2015-2035, as of a letter
    written now; not a count beside a year ("2020 (12 visits)")."""
    year = _BIRTH_YEAR.search(text, max(0, start - 20), start)
    if year is None or not 2015 <= int(year.group(1)) + age <= 2035:
        return False
    return _BIRTH_CUE.search(text, max(0, year.start(1) - 40), year.start(1)) is not None


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_FIRST_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def persons_age(text: str, start: int) -> bool:
    """Whether "X is 93" speaks of a person: X is a relative or the patient ("Her mum is 92"), a
    pronoun, a listed name ("Kowalski", "Maria's"), or a word after an honorific ("Mrs Dunne");
    not a reading ("Sats is 94", "Glucose was 95")."""
    subject = _SUBJECT.search(text, max(0, start - 60), start)
    if subject is None:
        return False
    word = subject.group(1).strip(".")
    key = word.lower()
    if key in READINGS:
        return False
    if key in PERSON_WORDS:
        return True
    if after_title(text, subject.start(1), 12):
        return True
    if not word[:1].isupper() or word.isupper():
        return False
    first = _FIRST_NAME_BEFORE.search(text[max(0, subject.start(1) - 20) : subject.start(1)])
    return lexicon().is_name(word) or (first is not None and lexicon().is_first(first.group(1)))


# "il y a 3 ans" (ago) against "elle a 92 ans" (she is 92); "ha 93 anni" (Italian: is 93)
# against "há 3 anos" (Portuguese: ago)
_HAS_AN_AGE = re.compile(r"\d+\s?anni\b", re.IGNORECASE)


def has_an_age(before: list[str], value: str) -> bool:
    """Whether the duration word before another language's years is a verb of having them:
    French "elle a 92 ans" (not "il y a 3 ans"), Italian "ha 93 anni" (not Portuguese "há")."""
    if before[-1] == "a":
        return len(before) < 2 or before[-2] != "y"
    return before[-1] == "ha" and _HAS_AN_AGE.match(value) is not None
