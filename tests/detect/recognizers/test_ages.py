"""`AgeRecognizer` alone (no spaCy): ages in their clinical shapes; numbers that are not ages."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.ages import AgeRecognizer
from tests.detect.recognizers.tables import found

AGES = AgeRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("years_yo", "72 yo M with chest pain", {("72 yo M", "AGE")}),
        ("hyphenated", "a 45-year-old woman", {("45-year-old", "AGE")}),
        ("labelled", "age 34", {("age 34", "AGE")}),
        ("over_89", "aged 91", {("aged 91", "AGE_OVER_89")}),
        ("infant", "pt is 3 months old", {("3 months old", "AGE")}),
        ("age_sex", "Mrs K, 88F, fall", {("88F", "AGE")}),
    ],
)
def test_when_an_age_is_written_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(AGES, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("murmur_grade", "grade 3 murmur"),
        ("duration", "took 2 years to heal"),
        ("room_number", "room 72"),
        ("dose", "give 40 mg daily"),
    ],
)
def test_when_a_number_is_not_an_age_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(AGES, text) == set()
