"""AGE: every shape clinicians type; durations left alone; redaction to ranges."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.redact import age_range
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("67yo with cp", "67yo"),
        ("67 y/o with cp", "67 y/o"),
        ("67-yo with cp", "67-yo"),
        ("67-year-old with cp", "67-year-old"),
        ("67 yr old with cp", "67 yr old"),
        ("67y with cp", "67y"),
        ("67M with cp", "67M"),
        ("45 yo F with cp", "45 yo F"),
        ("8 mo with fever", "8 mo"),
        ("aged 92, from home", "aged 92"),
        ("age 67, from home", "age 67"),
        ("15 m/o in room 6", "15 m/o"),
        ("19 yrs, syncope", "19 yrs"),
    ],
)
def test_when_age_then_found(engine: TextEngine, text: str, expected: str) -> None:
    assert spans(engine, text, Kind.AGE) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "f/u in 3 mo",
        "abx x 2 wks",
        "smoked for 20 yrs",
        "NPO for 30m before the scan",
        "started 5 yrs ago",
    ],
)
def test_when_duration_then_not_an_age(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.AGE) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("67yo", "60s"),
        ("67M", "60s M"),
        ("45 yo F", "40s F"),
        ("92-year-old", "90+"),
        ("8 mo", "infant"),
        ("aged 34", "aged 30s"),
        ("15yo", "teen"),
    ],
)
def test_when_age_redacted_then_range(value: str, expected: str) -> None:
    assert age_range(value) == expected


def test_when_age_over_89_then_direct_identifier(engine: TextEngine) -> None:
    found = engine.findings("92 y/o with sepsis")
    assert [f.subtype for f in found] == ["AGE_OVER_89"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Kowalski is 93 and lives alone.", "93"),
        ("Her mum is 92 and deaf", "92"),
        ("Mary's 98 and sharp as a tack.", "98"),
        ("Mr Okafor was 96 when he moved here.", "96"),
        ("my grandmother (92) needs a ride", "92"),
        ("The patient, 91, was seen today.", "91"),
        ("Happy 100th birthday to Mr Lee!", "100th"),
        ("He is ninety-two years old.", "ninety-two years old"),
        ("age ninety-one, lives alone", "age ninety-one"),  # the label too, as "age 91"
        ("she turned ninety last week", "ninety"),
        ("a hundred and one years old and still driving", "a hundred and one years old"),
        ("for her ninetieth birthday", "ninetieth"),
        ("DOB 03/04/1931 (94)", "94"),
        ("Resident: Joan Pike, 94", "94"),
        ("Joan Pike (94 y) lives alone", "94 y"),
        ("Age - 94", "94"),
        ("at the age of 94", "94"),
        ("94, female, lives alone", "94"),
        ("at 94 she still drives", "94"),
        ("Joan Pike is 94.", "94"),
        ("a lovely lady of 94", "94"),
        ("given her age (94), surgery is risky", "94"),
        ("Joan Pike (F, 94)", "94"),
        ("referral for a woman, 94, with dementia", "94"),
    ],
)
def test_when_age_over_89_in_prose_then_direct_identifier(
    engine: TextEngine, text: str, expected: str
) -> None:
    found = [f for f in engine.findings(text) if f.kind is Kind.AGE]
    assert [text[f.start : f.end] for f in found] == [expected]
    assert [f.subtype for f in found] == ["AGE_OVER_89"]


@pytest.mark.parametrize(
    "text",
    [
        "Sats is 94 on 2L.",
        "Pulse ox is 93%.",
        "Her weight is 92 kg.",
        "Mark is 90 minutes away.",
        "BP is 95/60",
        "we've been married for forty years",
        "twenty years ago she moved",
        "He is one hundred percent sure.",
        "Glucose (95) fasting",
        "Invoice 2019 (95) attached",
        "seen 2024 (15 visits)",
        "Sats, 94, on room air",
        "Room 12, male ward",
        "a man of 95 kg",
        "the mother of 3",
        "male, 95% of cases",
        "M 95 kg",
        "T 38.2 F 101",
        "f/u 95",
    ],
)
def test_when_number_in_prose_is_no_age_then_none(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.AGE) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ninety-two years old", "90+"),
        ("sixty-seven-year-old", "60s"),
        ("aged seventy-one", "aged 70s"),
        ("ninetieth", "90+"),
        ("100th", "90+"),
        ("ages 94", "ages 90+"),
    ],
)
def test_when_spelled_age_redacted_then_range(value: str, expected: str) -> None:
    assert age_range(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB 03/04/1931 (94)", ["94"]),
        ("born 1931, now 94", ["94"]),
        ("Report 2020 (12) attached", []),
        ("FY2019 (8) budget lines", []),
    ],
)
def test_when_number_after_birth_date_then_age(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.AGE) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("eine 94-jährige Patientin", "94-jährige"),
        ("egy 94 éves nő", "94 éves"),
        ("94letá pacientka", "94letá"),
        ("женщина 94 лет", "94 лет"),
        ("94세 여성", "94세"),
        ("bà cụ 94 tuổi", "94 tuổi"),
    ],
)
def test_when_age_in_another_language_then_found(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert expected in [text[f.start : f.end] for f in engine.findings(text) if f.kind is Kind.AGE]


@pytest.mark.parametrize("text", ["5 лет назад", "hace 4 años", "vor 3 Jahren"])
def test_when_foreign_years_are_a_duration_then_no_age(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.AGE) == []


@pytest.mark.parametrize(
    "text",
    [
        "For patients 65 years and older, reduce the dose",
        "Not for children under 12 years",
        "Dose for ages 2 to 11 years: 5 mL",
        "Age 18 and over: 1 tablet",
        "Women aged 50-74 every two years.",
        "Guideline update: women aged 50-74 get a mammogram every two years.",
        "Men aged 65 to 75 who have ever smoked.",
        "Pediatric patients 6 months to 5 years: 0.25 mL/kg",
    ],
)
def test_when_ages_are_a_populations_then_no_finding(engine: TextEngine, text: str) -> None:
    # a label's, a table's or a guideline's ages name no patient, and the population noun
    # before "aged" is no name (issue 13)
    assert engine.findings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient is 65 years old.", [(Kind.AGE, "65 years old")]),
        ("This 67-year-old patient over 60 kg gets 1 g.", [(Kind.AGE, "67-year-old")]),
        ("Maria aged 72, lives alone.", [(Kind.NAME, "Maria"), (Kind.AGE, "aged 72")]),
        (
            "Pt 71 y/o; label says 5 mg for patients 65 years and older.",
            [(Kind.AGE, "71 y/o")],
        ),
    ],
)
def test_when_an_age_is_a_patients_beside_a_populations_then_only_it_stays(
    engine: TextEngine, text: str, expected: list[tuple[Kind, str]]
) -> None:
    assert [(f.kind, text[f.start : f.end]) for f in engine.findings(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("John Smith (67) was seen today", "67"),
        ("Smith, John, 67, M", "67"),
        ("Re: referral - J. Smith, 67, bed 4", "67"),
        ("Mrs Patel, 82, lives alone", "82"),
        ("Please see Mr Brown (D.O.B. 1/2/50), 74", "74"),
        ("Ana Ruiz | 44 | F | Bed 7", "44"),
        ("He is 67 and lives with his wife", "67"),
        ("Patient, 67, referred with chest pain", "67"),
        ("Referral for 72/F with worsening SOB", "72/F"),
    ],
)
def test_when_an_exact_age_stands_beside_a_person_with_no_unit_then_it_is_found(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert spans(engine, text, Kind.AGE) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Sats (94)",
        "Smith, 3 visits this year",
        "Bed 4, 2 units RBC",
        "Dr Jones (x4521) will call",
        "Dr Jones (45) will call back",
        "Ward 7, bay 3",
        "GCS 15",
        "Smith (2019) showed",
        "1. Smith, 2. Jones",
        "Seen at 14:30, Smith 10mg",
        "Smith paid $45",
        "Mrs Khan, 5 days post-op",
    ],
)
def test_when_a_number_beside_a_name_is_a_reading_count_or_staff_number_then_no_age(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.AGE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Room/Bed: 412/B", "Room/Bed: 412/B"),
        ("Location: 6B/14", "6B/14"),
        ("She is in room fourteen", "room fourteen"),
    ],
)
def test_when_a_room_is_a_label_pair_a_location_or_in_words_then_it_is_found(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert spans(engine, text, Kind.ROOM) == [expected]
