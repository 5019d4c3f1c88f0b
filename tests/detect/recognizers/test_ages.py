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


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("who_is", "Her mother, who is 94, lives alone.", "94"),
        ("in_brackets_after_name", "Mrs Alvarez (93) was seen by the team.", "93"),
        ("between_commas_after_name", "Patient Tom Reyes, 91, fell at home.", "91"),
        ("turned", "He turned 92 last month.", "92"),
        ("years_of_age", "She is 95 years of age.", "95 years of age"),
    ],
)
def test_when_a_letter_gives_an_age_over_89_in_prose_then_it_is_a_direct_identifier(
    case: str, text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AGES, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("saturation", "sat is 94% on RA"),
        ("on_room_air", "he is 94 on room air"),
        ("sats_in_a_row", "Sats 88, 91, 94, 96"),
        ("reading_between_commas", "Glucose, 95, fasting"),
        ("reading_in_brackets", "Sats (94) ok"),
        ("degrees", "turned 90 degrees"),
        ("under_90", "Tom Reyes, 51, fell"),
    ],
)
def test_when_a_number_over_89_is_a_reading_then_it_is_no_age(case: str, text: str) -> None:
    assert found(AGES, text) == set()
