"""`AgeBesideRecognizer` alone (no spaCy): an exact age of any size known only by its place
beside a name, a patient word, a sex cell, "he is"; the readings, counts, staff numbers and
list numbers that stand in the same places."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.ages_beside import AgeBesideRecognizer
from tests.detect.recognizers.tables import found

AGES = AgeBesideRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("name_brackets", "John Smith (67) was seen today", "67"),
        ("surname_first_row", "Smith, John, 67, M", "67"),
        ("subject_line", "Re: referral - J. Smith, 67, bed 4", "67"),
        ("title_commas", "Mrs Patel, 82, lives alone", "82"),
        ("after_short_dob", "Please see Mr Brown (D.O.B. 1/2/50), 74", "74"),
        ("bar_row", "Ana Ruiz | 44 | F | Bed 7", "44"),
        ("semicolon_row", "Lutz; Shane; 43; M; 23/11/83", "43"),
        ("tab_row", "Kelly Holloway\t64\tF\ta breast lump", "64"),
        ("sex_before_age_row", "| Ana Ruiz | F | 44 |", "44"),
        ("he_is_and", "He is 67 and lives with his wife", "67"),
        ("shes", "She's 45, works nights", "45"),
        ("i_am", "I'm 38 and worried", "38"),
        ("patient_commas", "Patient, 67, referred with chest pain", "67"),
        ("patient_brackets", "the patient (61) declined", "61"),
        ("relative_brackets", "Smith's daughter (45) called", "45"),
        ("child", "RE: Emily Jones (8) - a fall at home", "8"),
        ("german_short_years", "Hans Müller (72 J.) wurde gesehen", "72 J."),
        ("surname_alone_adult", "Room 5, Smith (45)", "45"),
        ("spanish_patient", "Paciente, 67, remitido por dolor", "67"),
        ("german_patient", "Patientin, 72, lebt allein", "72"),
        ("presents", "Mr O'Neill, 64, retired plumber, presents with dysphagia.", "64"),
        # a surname that is also a reading's word, after a first name
        ("reading_word_surname", "RE: Leanne Ward (51) - dysphagia", "51"),
        # a room's label later in the line heads no list of beds
        ("room_label_after", "Dale Clayton (28 J.) wurde heute gesehen, Room/Bed: 551/D", "28 J."),
    ],
)
def test_when_an_age_stands_beside_a_person_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert (value, "AGE") in found(AGES, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("reading_brackets", "Sats (94)"),
        ("reading_commas", "Glucose, 95, fasting"),
        ("count", "Smith, 3 visits this year"),
        ("staff_extension", "Dr Jones (45) will call back"),
        ("staff_rota", "Sister Kelly, 45, on call"),
        ("staff_nurse", "Nurse Patel (22) on the ward"),
        ("gp", "GP Smith, 45, retired"),
        ("numbered_list", "1) Smith, 2) Jones, 3) Brown"),
        ("numbered_list_dots", "Clinic list: 1. Terry Clayton, 2. Dylan Edwards."),
        ("bed_list_label", "Beds: Smith, 3, Jones, 4"),
        ("bed_list", "Smith, 3, Jones, 4 and Brown, 6 on the board"),
        ("pain_score", "Pain: he is 7 and wants more morphine"),
        ("hours", "He is 12 hours post-op"),
        ("gestation", "She is 38 and 4 days"),
        ("a_word_in_brackets", "Table (2) shows"),
        ("a_surname_word_and_a_child_number", "Hall (3) is booked"),
        ("a_month", "Jan (10) review"),
        ("row_of_a_reading", "Temp | 38 | F"),
        ("row_of_a_word", "Size, 14, F"),
        ("row_total", "Total | 45 | F"),
        ("children_counted", "a mother of 3"),
        ("minutes", "I am 5 minutes away"),
        ("time", "Lewis, 10:30 appt"),
        ("dose", "Baker, 45 mg"),
        ("short_dob_disagrees", "DOB 1/2/50, 12 visits"),
        ("beds_in_brackets", "Smith (4), Jones (7)"),
        ("house_number", "c/o Nicolas Vieira\nPraia Leandro da Rocha, 7\nCEP 09275335"),
        ("a_list_of_numbers", "Mr Brown, 6, 7 and 8 beds"),
    ],
)
def test_when_a_number_beside_a_name_is_no_age_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(AGES, text) == set()


@pytest.mark.parametrize(
    "text", ["Mrs Alvarez (93) was seen", "Tom Reyes, 91, fell", "The patient, 91, was seen"]
)
def test_when_the_age_is_over_89_then_it_is_a_direct_identifier(text: str) -> None:
    assert {subtype for _, subtype in found(AGES, text)} == {"AGE_OVER_89"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs Alvarez (93) was seen by the team.", "93"),
        ("Patient Tom Reyes, 91, fell at home.", "91"),
        ("Pamela Bishop, now 97. Seen today.", "97"),
        ("Mrs Cole, 93 at Elm Court", "93"),
        ("Donal Herlihy, nearly 104. Seen today.", "104"),
        ("Edith, 100 today, was seen", "100"),
        ("Mrs Smith, 100, 100 jaar oud", "100"),
        ("my grandmother (92) needs a ride", "92"),
        ("a lady of 94", "94"),
        ("given her age (94)", "94"),
    ],
)
def test_when_a_letter_gives_an_age_over_89_beside_a_name_then_it_is_found(
    text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AGES, text)


@pytest.mark.parametrize(
    "text",
    [
        "Glucose, 95, fasting",
        "Sats (94) ok",
        "Sats, now 94.",
        "Glucose, 95 at 0800",
        "Sats, nearly 94.",
    ],
)
def test_when_a_reading_over_89_follows_its_word_then_it_is_no_age(text: str) -> None:
    assert found(AGES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("title_initial", "Morning all - Mrs D (95) is being moved", "95"),
        ("title_initials", "Mr J.B. (101) to the lounge", "101"),
        ("square_brackets", "Mrs Doe [95]", "95"),
        ("dashes", "Jane Doe - 95 - female", "95"),
        ("comma_then_any_clause", "the transfer of Julia Gibson, 91 to your unit", "91"),
        ("full_name_no_mark", "Re: Jane Doe 95", "95"),
        ("full_name_then_comma", "Jane Doe 95, lives alone", "95"),
        ("titled_place_word_surname_dashes", "Mrs Ward - 95 - female", "95"),
        ("titled_place_word_surname_brackets", "Mrs Page [95]", "95"),
        ("first_name_place_word_surname", "Jane Block - 96", "96"),
        ("initial_place_word_surname", "J. Wing [97]", "97"),
        ("titled_place_word_surname_plain", "Re: Mr Line 98", "98"),
    ],
)
def test_when_an_age_over_89_stands_beside_a_name_by_any_mark_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AGES, text)


def test_when_a_patient_s_title_and_initial_precede_brackets_then_any_age_is_found() -> None:
    assert ("30", "AGE") in found(AGES, "Mr B (30) in bed 4")


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("house_number", "Jane Smith, 95 Elm Road, Leeds"),
        ("house_number_surname", "Smith, 95 High Street"),
        ("a_form_cell", "Total - 95"),
        ("a_reading_cell", "Sats - 95"),
        ("a_ward", "Transferred to Ward 95."),
        ("a_route", "Bus Route 95, stop 3"),
        ("a_page_in_brackets", "See Page [95]"),
        ("a_block_dashes", "Block - 95 - east side"),
        ("a_ward_after_a_surname_comma", "Smith, Ward 95"),
        ("a_dose", "Glucose, 95 mg/dL"),
        ("staff_initial", "Dr K (4521)"),
        ("staff_initial_small", "Dr K (45)"),
    ],
)
def test_when_a_number_over_89_beside_a_word_is_no_age_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(AGES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [("brackets", "a nonagenarian (94) with falls", "94"), ("commas", "the centenarian, 101, was seen", "101")],
)  # fmt: skip
def test_when_an_age_follows_a_word_for_the_very_old_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert (value, "AGE_OVER_89") in found(AGES, text)


def test_when_a_long_run_of_hyphenated_capitals_comes_before_then_the_age_is_still_found() -> None:
    # the name word is bounded (`age_cues.NAME_WORD`, at most 41 characters) so that a run of
    # "Ab-Ab-..." is not tried from every capital to its end; a name after the run still reads
    text = "Ab-" * 7000 + " Mrs Smith-Jones [95]"
    assert ("95", "AGE_OVER_89") in found(AGES, text)
