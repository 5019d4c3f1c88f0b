"""The place recognizers alone (no spaCy): institutions (listed and by shape), street
addresses and towns after a cue; and the everyday words that share their shapes."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.places import (
    AddressRecognizer,
    CityRecognizer,
    InstitutionRecognizer,
)
from tests.detect.recognizers.tables import found

INSTITUTIONS = InstitutionRecognizer(["Lakeside Clinic"])
ADDRESSES, CITIES = AddressRecognizer(), CityRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("listed", INSTITUTIONS, "seen at Lakeside Clinic", {("Lakeside Clinic", "INSTITUTION")}),
        ("saint", INSTITUTIONS, "St Mary's Hospital", {("St Mary's Hospital", "INSTITUTION")}),
        (
            "facility_shape",
            INSTITUTIONS,
            "Mercy General Hospital",
            {("Mercy General Hospital", "INSTITUTION")},
        ),
        ("street", ADDRESSES, "lives at 12 Oak Street", {("12 Oak Street", "ADDRESS")}),
        ("street_letter", ADDRESSES, "221B Baker Street", {("221B Baker Street", "ADDRESS")}),
        ("town_after_from", CITIES, "from Boston", {("Boston", "CITY")}),
    ],
)
def test_when_a_place_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("generic_hospital", INSTITUTIONS, "the hospital"),
        ("tablets", ADDRESSES, "12 tabs daily"),
        ("route", ADDRESSES, "route 66"),
        ("in_bed", CITIES, "in bed"),
        ("town_as_food", CITIES, "Boston cream pie"),
    ],
)
def test_when_words_only_look_like_a_place_then_they_are_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()
