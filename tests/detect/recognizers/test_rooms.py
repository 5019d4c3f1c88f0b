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


# Issue 13's rooms pass (`bed_forms` dev voice): the shapes referral e-mails, transfer
# requests, NICU notes, ED boards and other languages give a room or bed. Sentences written
# for these tests.
@pytest.mark.parametrize(
    ("case", "text", "room"),
    [
        ("hyphenated_bed", "Pt moved to Bed-12 overnight", "Bed-12"),
        ("incubator", "Twin 1 in incubator 3 on NICU", "incubator 3"),
        ("warmer", "baby on warmer 2 for now", "warmer 2"),
        ("bedspace", "currently in bedspace 4 on Ward 7", "bedspace 4"),
        ("bed_space", "bed space 6, awaiting bloods", "bed space 6"),
        ("side_room_short", "Transferred to SR 4 for barrier nursing", "SR 4"),
        ("side_room_glued", "SR4 barrier nursing", "SR4"),
        ("majors", "Seen in Majors 4 by the registrar", "Majors 4"),
        ("minors", "minors 12 for x-ray review", "minors 12"),
        ("ward_in_bed", "On Ward 9 in 12, confused overnight", "in 12"),
        ("ward_code_in_bed", "on 7B in 4 since admission", "in 4"),
        ("unit_in_bed", "AMU in 22 is awaiting a side room", "in 22"),
        ("french_lit", "Mme Durand, installée au lit 4", "lit 4"),
        ("italian_camera", "ricoverata in camera 6", "camera 6"),
        ("spanish_hab", "ingresa en hab 3", "hab 3"),
        ("polish_room", "przeniesiona: pokój 12", "pokój 12"),
        ("polish_bed", "łóżko 3, leżenie w łóżku", "łóżko 3"),
        ("swedish_bed", "ligger i säng 4", "säng 4"),
        ("danish_bed", "ligger i seng 6", "seng 6"),
        ("chinese_bed", "患者3床，卧床休息", "3床"),
        ("chinese_numbered_bed", "12号床患者今日出院", "12号床"),
        ("japanese_room", "5号室の患者", "5号室"),
        ("japanese_bed", "ベッド3の患者", "ベッド3"),
        ("cot_in_words_line_start", "cot sixteen needs obs repeated", "cot sixteen"),
        ("incubator_in_words_field", "Bed: incubator six\nNotes: none", "incubator six"),
        ("bed_in_words_reviewed", "Can someone review bed twenty please?", "bed twenty"),
    ],
)
def test_when_a_room_is_written_as_other_voices_write_it_then_it_is_found(
    case: str, text: str, room: str
) -> None:
    assert (room, "ROOM") in found(ROOMS, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("drug_sr_dose", "Hydromorphone SR 4 mg twice daily"),
        ("drug_sr_no_unit", "nifedipine SR 10 restarted"),
        ("salt_sr", "morphine sulphate SR 10 at night"),
        ("sr_dose_only", "switch to SR 4mg"),
        ("sinus_rhythm", "Back in SR, rate 72"),
        ("sinus_rhythm_rate", "in SR 72 on the monitor"),
        ("sinus_rhythm_since", "in SR 2 hours after cardioversion"),
        ("majors_count", "majors 12 waiting, minors quiet"),
        ("ed_census", "Majors 14, Minors 9, Resus 2, 6 breaches"),
        ("majors_word", "Majors is at capacity"),
        ("ward_in_minutes", "Return to Ward 9 in 20 minutes"),
        ("ward_in_hours", "Will be back on AMU in 12 hours"),
        ("ward_in_clock", "Ward 9 in 12:30 for the MDT"),
        ("stay_in_spanish", "Reposo en cama 48 horas"),
        ("english_lit", "the corridor was lit 4 hours ago"),
        ("english_camera", "the camera 6 was broken"),
        ("level_floor", "Theatres are on level 4"),
        ("level_of_care", "She will need a level 2 bed"),
        ("cots_free", "4 cots free on SCBU"),
        ("chair_meeting", "Chair: Dr Okafor"),
        ("chinese_rooms_of_a_flat", "3室1厅"),
        ("doctor_grade", "Seen by the ST4 and the FY2"),
    ],
)
def test_when_a_room_word_places_no_patient_then_it_is_no_room(case: str, text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("named_ward_after", "on Keats Ward in 12, confused overnight"),
        ("named_ward_before", "Ward Keats, in 3 since Monday"),
    ],
)
def test_when_a_named_ward_is_followed_by_in_and_a_number_then_it_is_a_bed(
    case: str, text: str
) -> None:
    assert {span for span, _ in found(ROOMS, text)} & {"in 12", "in 3"}


@pytest.mark.parametrize(
    "text",
    ["come up to the ward in 5", "Ward Round in 10", "back to the ward in 12 hours"],
)
def test_when_in_a_number_follows_no_named_ward_or_is_a_time_then_it_is_no_bed(text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("number_is", "Her room number is 12 on the ward.", {("12", "ROOM")}),
        ("bed_number_is", "His bed number is 4 and he is stable.", {("4", "ROOM")}),
        ("possessive", "Mrs Patel's bed is 14.", {("14", "ROOM")}),
        ("changed_to", "Her bed has changed to 7 since this morning.", {("7", "ROOM")}),
        ("letter_after", "Her room is 3B.", {("3B", "ROOM")}),
        ("was", "the bay was 5 before the move", {("5", "ROOM")}),
        # where the room is, between its label and the verb (issue 13, family_portal)
        (
            "at_a_place",
            "Her room at the care home is 12 and the door code is on the board.",
            {("12", "ROOM")},
        ),
        ("number_at_a_named_place", "Nan's room number at Rosewood is now 40.", {("40", "ROOM")}),
        ("in_a_place", "My mother's bed in the residential home is 60.", {("60", "ROOM")}),
        (
            "on_a_unit_changed",
            "Dad's room on the dementia unit has changed to 46.",
            {("46", "ROOM")},
        ),
        ("there", "Mum's room there is 14.", {("14", "ROOM")}),
        ("she_is_in", "The room she is in is 45.", {("45", "ROOM")}),
    ],
)
def test_when_a_verb_stands_between_the_label_and_the_number_then_the_number_is_a_room(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(ROOMS, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("temperature", "The room is 20 degrees, too cold."),
        ("age_of_bed", "The bed is 2 weeks old."),
        ("plural_count", "The number of beds is 12."),
        ("fraction", "Bay is 3 out of 6 full."),
        ("dimensions", "Room is 4x4 metres."),
        ("one_of", "Bed is 1 of the new electric ones."),
        ("decimal", "The room was 2.5 by 3 metres."),
        ("percent", "the room is 40% full"),
        ("place_then_minutes", "The room at the home is 20 minutes from us."),
        ("place_then_area", "The room at the home is 12 square metres."),
        ("place_then_price", "The room at the nursing home is 950 pounds a week."),
        ("place_then_doors", "Her room at the home is 2 doors from the lift."),
        ("place_then_times", "The room at the home is 3 times bigger than the last."),
        ("place_then_one_of", "The room at the hospice is 1 of 40."),
    ],
)
def test_when_a_measure_or_a_count_follows_the_verb_then_it_is_no_room(
    case: str, text: str
) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "rooms"),
    [
        ("moved_between_areas", "pt moved from majors 4 to resus 2", {"majors 4", "resus 2"}),
        ("transfer_between_areas", "Transfer from Majors 6 to Resus 1", {"Majors 6", "Resus 1"}),
        ("two_areas_no_census_word", "Majors 14 then Resus 2 overnight", {"Majors 14", "Resus 2"}),
    ],
)
def test_when_two_ed_areas_place_a_patient_then_both_are_rooms(
    case: str, text: str, rooms: set[str]
) -> None:
    assert {span for span, _ in found(ROOMS, text)} >= rooms


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("three_cells", "Majors 14, Minors 9, Resus 2"),
        ("three_bars", "majors 14 | minors 9 | resus 2"),
        ("census_word", "Majors 14 minors 9 waiting"),
        ("breaches", "majors 12 and resus 3, 6 breaches"),
        ("total", "Majors 20 resus 4 total"),
    ],
)
def test_when_a_line_is_an_ed_census_then_its_counts_are_no_rooms(case: str, text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "room"),
    [
        ("tower_space", "T3 10A needs a sitter", "T3 10A"),
        ("tower_dash", "T4-06D  COOK H  26M", "T4-06D"),
        ("wing_bed", "moved to 4 West 12B", "4 West 12B"),
        ("board_bed", "B12 Nguyen 78M CHF", "B12"),
        ("board_bed_cells", "B3 | JONES, R | 64F | sepsis", "B3"),
        ("board_bed_label", "board update: B15 - KIRBY - MRSA", "B15"),
    ],
)
def test_when_a_board_writes_a_tower_wing_or_row_bed_then_it_is_a_room(
    case: str, text: str, room: str
) -> None:
    assert {span for span, _ in found(ROOMS, text)} == {room}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("vitamin", "B12 low, 1000 mcg IM"),
        ("vitamin_label", "Haematinics: B12 - LOW, folate normal"),
        ("vertebra", "T4-5 disc prolapse"),
        ("vertebrae", "T12 fracture, T4-T6 fusion"),
        ("tumour_stage", "T3 N0 M0 on staging"),
        ("wing_count", "4 West 12 beds open"),
    ],
)
def test_when_a_tower_wing_or_b_code_is_no_bed_then_it_is_no_room(case: str, text: str) -> None:
    assert found(ROOMS, text) == set()
