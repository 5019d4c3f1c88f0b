"""`PlateRecognizer` alone (no spaCy): licence plates by national shape and after a plate label
or vehicle; lab values, scores, codes and dates left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.plates import PlateRecognizer, VanityPlateRecognizer
from tests.detect.recognizers.tables import found

PLATES = PlateRecognizer()
VANITY = VanityPlateRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("uk", "seen leaving in AB12 CDE", {("AB12 CDE", "MRN")}),
        ("france", "immatriculée AB-123-CD", {("AB-123-CD", "MRN")}),
        ("netherlands", "kenteken 12-ABC-3 gezien", {("12-ABC-3", "MRN")}),
        ("germany", "Kennzeichen B-MW 1234", {("B-MW 1234", "MRN")}),
        ("spain", "matrícula 1234 BCD", {("1234 BCD", "MRN")}),
        ("india", "number KA 01 AB 1234 at the gate", {("KA 01 AB 1234", "MRN")}),
        ("mercosur", "placa ABC1D23", {("ABC1D23", "MRN")}),
        ("us_hyphen", "left in ABC-1234 overnight", {("ABC-1234", "MRN")}),
        ("labelled_single", "plate ABC123", {("ABC123", "MRN")}),
        ("labelled_spaced", "tag is 7KD 442", {("7KD 442", "MRN")}),
        ("near_make", "silver Honda Civic, KJT 492", {("KJT 492", "MRN")}),
        ("fleet_unit", "DISPATCH | unit W967 | pickup at 10:04", {("W967", "MRN")}),
        ("fleet_medic", "medic M73 on scene", {("M73", "MRN")}),
    ],
)
def test_when_a_plate_is_written_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(PLATES, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("blood_pressure", "BP 120/80 HR 88"),
        ("cd4_count", "CD4 350 last month"),
        ("ldh", "LDH 1500"),
        ("icd_code", "coded ICD-10-CM"),
        ("covid", "COVID-19 negative"),
        ("dose_and_time", "1200 MCG at 0800 PST"),
        ("date", "seen 12-JAN-24"),
        ("car_and_ward", "his car is in the lot, he is on ICU 12"),
        ("model_year", "drives a Honda CRV 2019"),
        ("short_tag", "tag A1"),
        ("short_hyphen", "grade A-1-B"),
        ("dose_unit", "gave 1000 unit B12 IM"),
        ("ward_unit", "unit 5A is short tonight"),
        ("unit_lowercase_code", "unit w12 of the course"),
    ],
)
def test_when_a_code_or_lab_looks_like_a_plate_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(PLATES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("vanity", "vanity plate GRANDMA", "GRANDMA"),
        ("personalised_reg", "personalised reg ROSIEB", "ROSIEB"),
        ("registration_plate_colon", "registration plate: GOLFNUT", "GOLFNUT"),
        ("car_then_plate", "Car in the drive is plate MUMSTAXI.", "MUMSTAXI"),
        ("vanity_quoted", "vanity plate 'Grandma'", "Grandma"),
    ],
)
def test_when_a_plate_of_letters_follows_its_label_or_a_vehicle_then_it_is_found(
    case: str, text: str, expected: str
) -> None:
    assert found(VANITY, text) == {(expected, "MRN")}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("agar_plate", "blood agar plate MRSA growth"),
        ("plate_unknown", "number plate UNKNOWN"),
        ("plate_lower_case", "the plate was obscured on the camera"),
    ],
)
def test_when_letters_follow_a_plate_with_no_vehicle_or_say_none_then_they_are_left_alone(
    case: str, text: str
) -> None:
    assert found(VANITY, text) == set()
