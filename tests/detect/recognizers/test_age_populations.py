"""`population_ages` alone (no spaCy): the ages a label, a dosing table or a guideline gives a
population are dropped; one person's age stays (issue 13)."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.age_populations import names_population, population_ages
from bot.detect.recognizers.ages import AgeRecognizer
from bot.detect.types import Finding, Kind

AGES = AgeRecognizer()


def _ages(text: str) -> list[Finding]:
    results = AGES.analyze(text, AGES.supported_entities, None)
    return [Finding(r.start, r.end, Kind.AGE, r.score) for r in results]


def _kept(text: str) -> list[str]:
    return sorted(text[f.start : f.end] for f in population_ages(text, _ages(text)))


@pytest.mark.parametrize(
    "text",
    [
        "For patients 65 years and older, reduce the dose",
        "Not for children under 12 years",
        "Dose for ages 2 to 11 years: 5 mL",
        "Age 18 and over: 1 tablet",
        "Women aged 50-74 every two years",
        "For ages 12+: 10 mg once daily",
        "Pediatric patients 6 months to 5 years: 0.25 mL/kg",
        "Adults 18 years and older: 2 tablets every 4 hours",
        "Children 6 to 11 years: 1 tablet",
        "Patients aged 75 years or older: 5 mg daily",
        "Patients 80 years of age and older: 2.5 mL",
        "HPV catch-up for ages 9 through 26",
        "Between the ages of 2 and 11 years: 5 mL",
        "Offer it to 65-year-olds.",
        "Shingles vaccine: all 70 year olds",
        "Niños menores de 12 años: 5 mL",
        "Adultes et enfants de plus de 15 ans : 1 comprimé",
        "Pacientes de 65 años y mayores: reducir la dosis",
        "FOR PATIENTS 90 YEARS AND OLDER, START LOW",
    ],
)
def test_when_an_age_is_a_populations_threshold_or_range_then_dropped(text: str) -> None:
    assert _ages(text), "the recognizer must find the age for this row to test anything"
    assert _kept(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient is 65 years old.", ["65 years old"]),
        ("A 65 year old man with chest pain.", ["65 year old"]),
        ("Aged 65, lives alone.", ["Aged 65"]),
        ("This 67-year-old patient over 60 kg gets 1 g.", ["67-year-old"]),
        ("She is 65 years and older than her sister.", ["65 years"]),
        ("pt under 12 yrs, weight 30 kg", ["12 yrs"]),
        ("a man aged 50-55, unknown", ["aged 50"]),
        ("Bed 4 - 67 y M, chest pain", ["67 y M"]),
        ("a 2-3 year old with croup", ["3 year old"]),
        ("Patients 65 and 72 years old were both seen.", ["72 years old"]),
        ("Mrs Dunne, ages 94 and 92, both at home", ["ages 94", "92"]),
        ("Pt 45 yo F, label says for ages 12+", ["45 yo F"]),
    ],
)
def test_when_an_age_is_one_persons_then_kept(text: str, expected: list[str]) -> None:
    assert _kept(text) == sorted(expected)


def test_when_a_finding_is_not_an_age_then_kept() -> None:
    text = "For patients 65 years and older, call 617-555-0142"
    phone = Finding(38, 50, Kind.CONTACT, 0.8)

    assert population_ages(text, [phone]) == [phone]
    assert names_population(text, Finding(13, 21, Kind.AGE, 0.9))
