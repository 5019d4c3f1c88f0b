"""The institution recognizer alone (no spaCy): institutions listed and by shape, and the everyday words that
share their shapes."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.institutions import InstitutionRecognizer
from tests.detect.recognizers.tables import found

INSTITUTIONS = InstitutionRecognizer(["Lakeside Clinic"])


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("listed", "seen at Lakeside Clinic", {("Lakeside Clinic", "INSTITUTION")}),
        ("saint", "St Mary's Hospital", {("St Mary's Hospital", "INSTITUTION")}),
        (
            "facility_shape",
            "Mercy General Hospital",
            {("Mercy General Hospital", "INSTITUTION")},
        ),
    ],
)
def test_when_an_institution_is_written_then_exactly_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(INSTITUTIONS, text) == expected


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "school",
            "School: Harlow Bend Elementary",
            {("Harlow Bend Elementary", "INSTITUTION")},
        ),
        (
            "saint_school",
            "at St. Brendan's School",
            {("St. Brendan's School", "INSTITUTION")},
        ),
        (
            "school_town",
            "School: Lincoln Primary, Duvall Corner\n",
            {("Lincoln Primary, Duvall Corner", "INSTITUTION")},
        ),
    ],
)
def test_when_an_institution_is_written_then_it_is_found_with_its_subtype(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= found(INSTITUTIONS, text)


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("labs", "Provider: Quinton Valley Labs.", "Quinton Valley Labs"),
        (
            "outpatient_lab",
            "from Holy Cross Outpatient Lab.",
            "Holy Cross Outpatient Lab",
        ),
        ("family_practice", "Bexley Family Practice, then", "Bexley Family Practice"),
        (
            "diagnostic_imaging",
            "picked up from Lakeside Diagnostic Imaging on",
            "Lakeside Diagnostic Imaging",
        ),
        (
            "mobile_home_park_space_town",
            "meet the nurse at the Riverside Manor, Lot 16, Port Renwick. For",
            "Riverside Manor, Lot 16, Port Renwick",
        ),
        ("va_clinic", "from Dunhaven VA Clinic on 3/3", "Dunhaven VA Clinic"),
        ("family_health", "and Orrin Family Health too", "Orrin Family Health"),
        ("system_and_town", "found outside Mercy Oshkosh, Oshkosh.", "Mercy Oshkosh"),
        ("town_va", "now resides at Mount Airy VA in Jordan Co.", "Mount Airy VA"),
        (
            "state_after_hospital",
            "to Children's Hospital Colorado now",
            "Children's Hospital Colorado",
        ),
        (
            "of_town",
            "from Children's Hospital of Philadelphia",
            "Children's Hospital of Philadelphia",
        ),
        (
            "direction_after_listed",
            "admitted to Mount Sinai West on",
            "Mount Sinai West",
        ),
        (
            "health_care",
            "seen at Stanford Health Care last week",
            "Stanford Health Care",
        ),
        ("listed_good_samaritan", "she was at Good Samaritan for", "Good Samaritan"),
        ("town_ed", "came through the Franklinside ED at 3", "Franklinside ED"),
        (
            "town_after_facility",
            "at Lakeside Clinic Boston",
            "Lakeside Clinic Boston",
        ),
        (
            "campus_after_dash",
            "from Lakeview Regional Medical Center - North Campus",
            "Lakeview Regional Medical Center - North Campus",
        ),
    ],
)
def test_when_an_institution_is_written_then_its_span_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(INSTITUTIONS, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("generic_hospital", "the hospital"),
        ("sentence_start_then_home", "Repeat lab at 6. Phlebotomy home draw: ok."),
        ("abbreviation_then_labs", "CBC labs pending."),
        ("english_word_then_labs", "Morning Labs drawn."),
        ("sentence_end_inside", "Wed. the twelfth too. Lab called"),
        ("summer_school", "she starts Summer School"),
        ("medical_school", "after Medical School"),
        ("system_and_word", "the Mercy Sunday service"),
        ("va_with_number", "talk to the VA 2 times"),
        ("va_after_words", "the New Patient VA form"),
        ("generic_hospital_room", "Children's Hospital Emergency Room"),
        ("main_ed", "the Main ED is full"),
        ("ed_alone", "send to the ED now"),
    ],
)
def test_when_words_only_look_like_institution_then_nothing_is_found(case: str, text: str) -> None:
    assert found(INSTITUTIONS, text) == set()
