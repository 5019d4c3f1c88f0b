"""AGE: the ages a label, a dosing table, an eligibility rule or a guideline gives a population.

"For patients 65 years and older, reduce the dose", "Not for children under 12 years", "Dose for
ages 2 to 11 years: 5 mL", "women aged 50-74", "for ages 12+": a threshold or a range of ages
that a population meets names no one, yet each was an AGE finding, and with a day beside it
("effective Monday") a pharmacy's notice became `phi` (issue 13). A patient's own age stays:
"patient is 65 years old", "a 65 year old man", "aged 65", "this 67-year-old patient", and a
threshold said of one person ("the patient is over 65", "a man aged 50-55"), since the guard
fails closed on whose an age is.

An age finding is a population's when one of these holds, and no comparison follows it ("65
years and older than her sister"):
- a threshold follows it: "and older", "or over", "and up", "+", "y mayores", "et plus", "und
  älter"; or it is a plural "-year-olds";
- a comparator comes before it ("under", "older than", "≥", "menores de", "moins de", "über")
  and no single person's word before that ("pt under 12 yrs" stays);
- it is one end of a range ("2 to 11 years", "6 months to 5 years", "50-74", "9 through 26",
  "between 2 and 11") and no single person's word before it;
- a plural population noun comes right before it ("Patients 80 years of age", "Adults aged 18
  years"), with no "old" in the age ("years old" describes someone) and no second age after it
  ("the patients, 65 and 72").
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from bot.detect.recognizers.base import wordset
from bot.detect.types import Finding, Kind

# Who a label or a guideline doses or screens: plural or generic nouns, in several languages.
POPULATION_NOUNS = wordset(
    "patients pts children kids adults adolescents teens teenagers infants neonates newborns "
    "babies toddlers women men people persons individuals seniors elderly those anyone everyone "
    "users recipients subjects participants members travellers travelers girls boys males "
    "females ages cohort population populations groups over-65s under-5s under-18s over-18s "
    "niños niñas adultos pacientes personas mayores enfants adultes personnes kinder "
    "erwachsene patienten personen bambini adulti pazienti persone crianças adultos kinderen "
    "volwassenen patiënten"
)
# One person: a patient, a relative, a pronoun, a verb of being or an estimate of one age.
SINGLE_PERSON = wordset(
    "patient pt patient's pt's man woman boy girl male female lady gentleman he she him her his "
    "who is was appears looks seems approx approximately about around estimated est mother "
    "father son daughter wife husband child baby infant toddler mom mum dad brother sister "
    "grandmother grandfather resident client"
)
_UNIT = r"(?:years?|yrs?|y|months?|mos?|weeks?|wks?|años|ans|jahren?|anni|anos|jaar)\.?"
_THRESHOLD_AFTER = re.compile(
    rf"\s*(?:-?\s*{_UNIT})?(?:\s+of\s+age)?\s*(?:\+(?!\s*\d)|(?:and|or|&|y|o|et|ou|und|e|en)\s+"
    r"(?:older|over|above|up|upwards?|beyond|more|greater|younger|under|below|less|mayores|más"
    r"|menores|menos|plus|moins|älter|mehr|jünger|oltre|più|mais|ouder|jonger)\b(?!\s+than\b))",
    re.IGNORECASE,
)
_PLURAL_OLDS = re.compile(r"-?\s?(?:years?|yrs?|months?)?[-\s]olds\b", re.IGNORECASE)
_COMPARATOR_BEFORE = re.compile(
    r"(?:\b(?:over|under|above|below|older\s+than|younger\s+than|less\s+than|more\s+than|greater"
    r"\s+than|at\s+least|at\s+most|up\s+to|from|minimum|maximum|min|max|menores\s+de|mayores\s+de"
    r"|más\s+de|menos\s+de|a\s+partir\s+de|moins\s+de|plus\s+de|à\s+partir\s+de|unter|über|ab"
    r"|sotto\s+i|sopra\s+i|oltre\s+i|dai|maiores\s+de|jonger\s+dan|ouder\s+dan|vanaf)"
    r"|[≥≤<>]=?|=<|=>)\s*(?:(?:the\s+)?ages?\s+(?:of\s+)?|aged\s+)?$",
    re.IGNORECASE,
)
# One end of a range of ages: "to", "through" or a dash between ("2 to 11", "50-74", "9 through
# 26"); a spaced hyphen is a list's ("Bed 4 - 67 y M"), not a range's
_JOIN = r"(?:\s*(?:to|through|thru)\s+|[-–—]|\s[–—]\s)"
_RANGE_AFTER = re.compile(
    rf"(?:\s*{_UNIT})?{_JOIN}(?P<n>\d{{1,3}})\b(?!\s*(?:%|mg|kg|ml)|[-/:.]\d)", re.IGNORECASE
)
_RANGE_BEFORE = re.compile(
    rf"\b(?P<n>\d{{1,3}})(?P<u>\s*{_UNIT})?{_JOIN}(?:ages?\s+)?$", re.IGNORECASE
)
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?(?:ages?\s+(?:of\s+)?)?$", re.IGNORECASE)
_BETWEEN_SECOND = re.compile(
    rf"\bbetween\s+(?:the\s+)?(?:ages?\s+(?:of\s+)?)?\d{{1,3}}\s*(?:{_UNIT})?\s*(?:and|&)\s*$",
    re.IGNORECASE,
)
_SECOND_AGE = re.compile(r"\s*(?:,|and|&)\s*\d", re.IGNORECASE)
_OLD = re.compile(r"old|\byo\b|y/o|y\.o", re.IGNORECASE)
_WORD = re.compile(r"[\w'’+-]+")
_CLAUSE = re.compile(r"[.;:!?\n(]")
_REACH = 48


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_AND_NUMBER = re.compile(r"\s*(?:and|&)\s*\d")
_NUMBER = re.compile(r"\d+")
_MONTHS_OR_WEEKS = re.compile(r"mo|wk|week", re.I)


def population_ages(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """`findings` less the AGE findings that are a population's threshold or range."""
    return [f for f in findings if not (f.kind is Kind.AGE and names_population(text, f))]


def names_population(text: str, finding: Finding) -> bool:
    """Whether the age at `finding` is a population's, not one person's (module docstring)."""
    start, end = finding.start, finding.end
    before = _CLAUSE.split(text[max(0, start - _REACH) : start])[-1]
    after = text[end : end + _REACH]
    value = text[start:end]
    words = [w.lower() for w in _WORD.findall(before)]
    if _THRESHOLD_AFTER.match(after) or _PLURAL_OLDS.match(after) or value.endswith("olds"):
        return True
    if (_BETWEEN.search(before) and _AND_NUMBER.match(after)) or _BETWEEN_SECOND.search(before):
        return True  # "between the ages of 2 and 11"
    comparator = _COMPARATOR_BEFORE.search(before)
    if comparator is not None:
        ahead = [w.lower() for w in _WORD.findall(before[: comparator.start()])][-3:]
        return not SINGLE_PERSON.intersection(ahead)
    if _OLD.search(value):
        return False  # "a 2-3 year old", "patients 65 and 72 years old": someone's age
    if _in_range(before, after, value):
        lead = _RANGE_BEFORE.search(before)
        ahead = [w.lower() for w in _WORD.findall(before[: lead.start()] if lead else before)]
        return not SINGLE_PERSON.intersection(ahead[-3:])
    label = [w for w in words[-2:] if w not in {"aged", "age", "of"}]
    return bool(label) and label[-1] in POPULATION_NOUNS and not _SECOND_AGE.match(after)


def _in_range(before: str, after: str, value: str) -> bool:
    """One end of a rising range of ages ("2 to 11", "6 months to 5 years", "50-74")."""
    digits = _NUMBER.search(value)
    if digits is None:
        return False  # a spelled age ("ninety-one"): no range is written so
    age = int(digits.group())
    upper = _RANGE_AFTER.match(after)
    if upper is not None and int(upper.group("n")) > age:
        return True
    lower = _RANGE_BEFORE.search(before)
    months = lower is not None and _MONTHS_OR_WEEKS.search(lower.group("u") or "")
    return lower is not None and (int(lower.group("n")) < age or bool(months))
