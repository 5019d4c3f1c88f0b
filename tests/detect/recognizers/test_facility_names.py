"""Where a facility's own name starts before its facility word: a place cue or a name before
it makes one, a service, a unit or a sentence's end does not. Read through the institution
recognizer, which calls `name_start` for every "<words> <facility word>" match."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.facility_names import name_start
from bot.detect.recognizers.institutions import InstitutionRecognizer
from tests.detect.recognizers.tables import found

INSTITUTIONS = InstitutionRecognizer()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("o at Eastfield Memorial Hospital", "Eastfield Memorial Hospital"),
        ("from Quinton Valley Labs", "Quinton Valley Labs"),
    ],
)
def test_when_a_name_precedes_the_facility_word_then_it_starts_there(text: str, name: str) -> None:
    assert name_start(text, 0, len(text)) == text.index(name)


@pytest.mark.parametrize("text", ["see the wound clinic", "outside hospital", "CBC labs"])
def test_when_no_name_precedes_the_facility_word_then_there_is_none(text: str) -> None:
    assert name_start(text, 0, len(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "transferred from lakeside medical center today",
        "came from eastfield health center",
        "pt from Oak Ridge cancer center",
    ],
)
def test_when_a_lower_case_facility_has_a_place_cue_then_it_is_still_found(text: str) -> None:
    assert found(INSTITUTIONS, text) != set()


# An outpatient clinic named by what it treats is a hospital's service, not a place (issue 13,
# `clinic_letters` dev voice); a clinic named by a place or a name still is one.
@pytest.mark.parametrize(
    "text",
    [
        "Your appointment with Mr Shah in the Fracture Clinic is on 4 June.",
        "booked into the Colposcopy Clinic next week",
        "Please attend the Pre-assessment Clinic first",
        "Follow up at the Heart Failure Clinic in 1-2 weeks.",
        "referred to the Sickle Cell Clinic",
        "seen in the Movement Disorders Clinic",
        "She has been referred to the Falls Clinic.",
        "Please bring your medications to the Pre-op Assessment Clinic.",
    ],
)
def test_when_a_clinic_is_named_by_what_it_treats_then_it_is_no_institution(text: str) -> None:
    assert found(INSTITUTIONS, text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs Lee was seen at Harlow Bend Clinic on 4 June", "Harlow Bend Clinic"),
        ("seen at Shelbourne Falls Clinic today", "Shelbourne Falls Clinic"),
    ],
)
def test_when_a_clinic_is_named_by_a_place_then_it_is_an_institution(text: str, value: str) -> None:
    assert value in {span for span, _subtype in found(INSTITUTIONS, text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Transfer from MERCY GENERAL HOSP tonight", "MERCY GENERAL HOSP"),
        ("Came from ST JUDE MEMORIAL HOSP this am", "ST JUDE MEMORIAL HOSP"),
        ("sent over from LAKESIDE COMMUNITY HOSP", "LAKESIDE COMMUNITY HOSP"),
        ("seen at Mercy General Hosp. yesterday", "Mercy General Hosp"),
    ],
)
def test_when_a_banner_abbreviates_hospital_then_the_abbreviation_is_part_of_the_name(
    text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(INSTITUTIONS, text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("AGMC Sports Medicine 7-OCT-2016", "AGMC Sports Medicine"),
        ("She sees Summit Orthopedics next week.", "Summit Orthopedics"),
        ("from Lakeside Sports Medicine", "Lakeside Sports Medicine"),
    ],
)
def test_when_a_practice_is_named_for_its_specialty_by_a_place_then_it_is_an_institution(
    text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(INSTITUTIONS, text)}


@pytest.mark.parametrize(
    "text",
    [
        "referred to sports medicine for the knee",
        "Paediatric Orthopaedics follow-up in 6 weeks",
        "Sports Medicine",
        "the orthopedics team will see him",
    ],
)
def test_when_a_specialty_is_named_alone_then_it_is_a_service(text: str) -> None:
    assert found(INSTITUTIONS, text) == set()
