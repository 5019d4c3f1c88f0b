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


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("Room/Bed: 412/B", "Room/Bed: 412/B"),
        ("Rm/Bed 45/2 since Monday", "Rm/Bed 45/2"),
        ("Ward/Bed: 6B/14", "Ward/Bed: 6B/14"),
        ("Location: 6B/14", "6B/14"),
        ("Loc: 4W/12", "4W/12"),
        ("Location: ICU/3", "ICU/3"),
        ("She is in room fourteen", "room fourteen"),
        ("moved to bed three overnight", "bed three"),
        ("in bed number four", "bed number four"),
        ("Room Twelve is free", "Room Twelve"),
        ("in room twenty-two since Tuesday", "room twenty-two"),
        ("Lardner, Chelsey, 7, F, bed one", "bed one"),
    ],
)
def test_when_a_form_pairs_room_and_bed_or_a_room_is_in_words_then_it_is_found(
    text: str, room: str
) -> None:
    assert (room, "ROOM") in found(ROOMS, text)


@pytest.mark.parametrize(
    "text",
    [
        "Location: home/3",
        "a room two doors down",
        "in bed two days",
        "room for one more",
        "stayed in bed one night",
        "the bed one of them",
    ],
)
def test_when_a_location_or_a_number_word_places_no_patient_then_it_is_no_room(text: str) -> None:
    assert found(ROOMS, text) == set()
