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
        ("degrees", "turned 90 degrees"),
    ],
)
def test_when_a_number_over_89_is_a_reading_then_it_is_no_age(case: str, text: str) -> None:
    assert found(AGES, text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He reached 92 in the summer.", "92"),
        ("She is in her 97th year.", "97th"),
        ("The family are celebrating her 92nd with her.", "92nd"),
        ("Age (years): 102", "102"),
        ("Age | 94 |", "94"),
        ("Age at referral: 95", "95"),
    ],
)
def test_when_a_letter_gives_an_age_over_89_in_another_shape_then_it_is_found(
    text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AgeRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "she reached 100 metres with a frame",
        "her 95th admission this year",
        "the 100th referral this year",
    ],
)
def test_when_a_number_over_89_is_a_reading_or_a_count_then_it_is_no_age(text: str) -> None:
    assert found(AgeRecognizer(), text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Her age is 94 and she lives alone.", "94"),
        ("She'll be 100 in May.", "100"),
        ("She will turn 100 in May.", "100"),
        ("Now 94, she still drives.", "94"),
        ("Seen today. Nearly 100, he lives alone.", "100"),
        ("Mr and Mrs Dunne (94 and 92) live together.", "94 and 92"),
        ("94-летняя пациентка", "94-летняя"),
        ("ima 94 godine", "94 godine"),
    ],
)
def test_when_an_age_over_89_is_said_as_people_say_it_then_it_is_found(
    text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AgeRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "the age is 12 months",
        "sats now 94, he was fine",
        "prije 5 godina",
        "5 aastat tagasi",
        "she will be 90 minutes late",
        "turn 90 degrees to the left",
    ],
)
def test_when_a_number_only_sits_where_an_age_might_then_it_is_no_age(text: str) -> None:
    assert found(AgeRecognizer(), text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Age/Gender: 94/Female", "94"),
        ("Reviewed (94, F) in clinic", "94"),
        ("a 94-y-o man", "94-y-o"),
        ("I am 94 and live alone.", "94"),
        ("I'm 94.", "94"),
        ("Mr Finch, who at 95 remains independent.", "95"),
    ],
)
def test_when_a_letter_writer_or_a_form_gives_an_age_over_89_then_it_is_found(
    text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AgeRecognizer(), text)


@pytest.mark.parametrize(
    "text", ["I'm 95% sure", "I'm 90 minutes away", "I am 100 miles away", "sats at 95 still on 2L"]
)
def test_when_a_writer_s_number_is_a_share_or_a_distance_then_it_is_no_age(text: str) -> None:
    assert found(AgeRecognizer(), text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [("Referral for 72/F with worsening SOB", "72/F"), ("Referral for M/67, SOB", "M/67")],
)
def test_when_age_and_sex_follow_a_duration_word_then_they_are_still_an_age(
    text: str, value: str
) -> None:
    assert (value, "AGE") in found(AgeRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Khan, 5 days post-op",
        "Mr Lee, 3 weeks postpartum",
        "Mrs Jones, 12 weeks pregnant",
        "abx x 3/m",
        "q 2/f",
    ],
)
def test_when_a_count_of_days_runs_from_an_event_or_a_rate_then_it_is_no_age(text: str) -> None:
    assert found(AgeRecognizer(), text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("german_years", "Patientin, 91 Jahre alt, gestürzt", "91 Jahre"),
        ("german_adjective", "die 91-jährige Bewohnerin", "91-jährige"),
        ("french_has", "elle a 92 ans et vit seule", "92 ans"),
        ("italian_has", "ha 93 anni", "93 anni"),
        ("bracketed_years", "Re: Tammy Farell, (117 y)", "117 y"),
        ("turns_on_a_day", "He turns 104 on Friday.", "104"),
        ("reaches", "she reaches 100 next week", "100"),
        # the day it was reached in figures, or an occasion (issue 13, family_portal)
        ("turned_on_a_slashed_date", "She turned 92 on 14/03/2026.", "92"),
        ("turned_on_an_iso_date", "Ref AB12345. She turned 101 on 2025-11-02.", "101"),
        ("reached_on_a_day_and_month", "He reached 97 on 15/10.", "97"),
        ("copula_on_a_dotted_date", "She was 106 on 18.11.2025 and is frail.", "106"),
        ("name_reached", "Claire Owen reached 97 on 2026-03-04.", "97"),
        ("turned_on_her_birthday", "She turned 95 on her birthday.", "95"),
        ("turned_on_the_ward", "She turned 92 on the ward.", "92"),
    ],
)
def test_when_an_age_over_89_has_its_own_form_then_it_is_a_direct_identifier(
    case: str, text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AgeRecognizer(), text)


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [("age_then_sex", "4/M with fever since Tuesday", "4/M"), ("sex_then_age", "F/4, rash", "F/4")],
)
def test_when_a_child_s_age_and_sex_share_a_slash_then_it_is_an_age(
    case: str, text: str, value: str
) -> None:
    assert (value, "AGE") in found(AgeRecognizer(), text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("french_ago", "il y a 3 ans"),
        ("portuguese_ago", "há 3 anos"),
        ("murmur_grade", "Grade 2/M systolic murmur"),
        ("level", "Level 4/F"),
        ("rate", "x4/M"),
        ("turns_on_oxygen", "he turns 94 on 2L"),
        ("turns_on_a_range_of_oxygen", "he turns 94 on 2-4L"),
        ("reading_reached", "Sats reached 97 on 2026-03-04"),
        ("copula_on_the_ward_reading", "Mrs Jones is 94 on the ward monitor"),
        ("bracketed_count", "(95 yrs of service)"),
    ],
)
def test_when_a_near_miss_has_an_age_s_words_then_it_is_no_age(case: str, text: str) -> None:
    assert found(AgeRecognizer(), text) == set()
