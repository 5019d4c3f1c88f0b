"""`RoomRecognizer` alone (no spaCy): bed and room numbers; bed rest and theatre names are not."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.rooms import RoomRecognizer
from tests.detect.recognizers.tables import found

ROOMS = RoomRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("bed", "bed 12", {("bed 12", "ROOM")}),
        ("room_letter", "room 4B", {("room 4B", "ROOM")}),
        ("abbreviated", "rm 312", {("rm 312", "ROOM")}),
        # other languages' number signs and the German abbreviation of Zimmer
        ("german_nr", "liegt auf Zimmer Nr. 12", {("Zimmer Nr. 12", "ROOM")}),
        ("french_degree", "en chambre n° 12", {("chambre n° 12", "ROOM")}),
        ("italian_n", "ricoverata in stanza n. 12", {("stanza n. 12", "ROOM")}),
        ("german_zi", "Zi. 12, Bett 2", {("Zi. 12", "ROOM"), ("Bett 2", "ROOM")}),
    ],
)
def test_when_a_bed_or_room_is_written_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(ROOMS, text) == expected


@pytest.mark.parametrize(("case", "text"), [("bed_rest", "bed rest"), ("theatre", "OR 3")])
def test_when_bed_or_room_is_not_a_place_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("text", "door"),
    [
        ("apartment above the laundromat, Intercom 2D. Next visit Tuesday", "Intercom 2D"),
        ("ring buzzer #13 twice", "buzzer #13"),
    ],
)
def test_when_a_home_visit_names_the_door_then_it_is_a_room(text: str, door: str) -> None:
    assert door in {span for span, _ in found(ROOMS, text)}


def test_when_an_intercom_has_no_number_then_it_is_no_room() -> None:
    assert found(ROOMS, "the intercom is broken, knock loudly") == set()


# A form's numbered box is no room when the sentence is about the form (issue 13,
# `clinic_letters` dev voice); an ED's cubicle by the same word still is.
@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("codes_go_in_box", "Reference ranges are on page 12; ICD-10 codes go in box 4."),
        ("tick_box", "Please tick box 12 on the form."),
        ("field_box", "Enter the NHS number in box 3 of the referral"),
    ],
)
def test_when_a_box_is_a_form_s_then_it_is_no_room(case: str, text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("ed_cubicle", "Sr. García en box 4 con dolor torácico"),
        ("form_word_in_another_sentence", "Mrs Lee in box 4; codes reviewed by Dr Shah"),
    ],
)
def test_when_a_box_is_where_a_patient_is_then_it_is_a_room(case: str, text: str) -> None:
    assert "box 4" in {span for span, _subtype in found(ROOMS, text)}
