"""Unit chatter (issue 13's chat pass, `infusion_dev` dev voice): the seats of units that seat
their patients as rooms, terse ages beside a sex, a week's relative days, a surname alone beside
what a patient has or undergoes, and the infused drugs, regimens and supplies that are no names.
Recognizers alone, no spaCy model."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.ages import AgeRecognizer
from bot.detect.recognizers.dates import RelativeDateRecognizer
from bot.detect.recognizers.names import NameRecognizer
from bot.detect.recognizers.rooms import RoomRecognizer
from tests.detect.recognizers.tables import found

ROOMS, AGES, RELATIVE, NAMES = (
    RoomRecognizer(),
    AgeRecognizer(),
    RelativeDateRecognizer(),
    NameRecognizer(),
)


@pytest.mark.parametrize(
    ("text", "seat"),
    [
        ("in recliner 4 since 0900", "recliner 4"),
        ("station 12 is running late", "station 12"),
        ("moved her to stn 7", "stn 7"),
        ("vomiting in pod 6, zofran given", "pod 6"),
        ("Okafor (pod 6) premeds in", "pod 6"),
        ("she is in Pod B for the day", "Pod B"),
        ("trolley 3 in majors", "trolley 3"),
        ("put him on trolley d", "trolley d"),
        ("side room 2 for isolation", "side room 2"),
        ("couch 9 is free", "couch 9"),
        ("booth #27 has the pump", "booth #27"),
        ("spot 9b in the hallway", "spot 9b"),
        ("Chair C is next", "Chair C"),
        ("ch 6 first dose", "ch 6"),
        ("ch12 is the iso chair", "ch12"),
        ("gurney 4 in the corridor", "gurney 4"),
    ],
)
def test_when_a_patient_is_placed_by_a_seat_then_it_is_a_room(text: str, seat: str) -> None:
    assert (seat, "ROOM") in found(ROOMS, text)


@pytest.mark.parametrize(
    "text",
    [
        "pump 3 ch 2 running at 125",
        "ch 2 mg of the solution",
        "Omnipod 5 is on her arm",
        "ISO 8601 dates in the export",
        "a spot check of the charts",
        # a post-operative day
        "Ms. Palazzo: C2D1 of FOLFOX, POD 1, BNP 1840",
        "asthma exacerbation, pod #2",
        "extubated on POD 3",
    ],
)
def test_when_a_seat_word_is_no_seat_then_no_room(text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Okafor F 69 vomiting in pod 2", "F 69"),
        ("pt in bay 23 is M/57, chole", "M/57"),
        ("lindqvist 36/m vomiting", "36/m"),
        ("Tsaker (63/F) new start", "63/F"),
        ("37 y F in trolley A", "37 y F"),
    ],
)
def test_when_a_huddle_sheet_writes_an_age_beside_a_sex_then_it_is_an_age(
    text: str, age: str
) -> None:
    assert {span for span, _ in found(AGES, text)} == {age}


@pytest.mark.parametrize(
    "text",
    [
        "F 10% dextrose",
        "vitamin D 3/m",
        "T 38.2 F 101",
        "bed F 12",
        "size 14 F foley",
    ],
)
def test_when_a_sex_letter_sits_beside_a_number_that_is_no_age_then_no_age(text: str) -> None:
    assert found(AGES, text) == set()


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("cold cap booked for Thurs wk", "Thurs wk"),
        ("PD training moved to Mon gone", "Mon gone"),
        ("review Friday fortnight", "Friday fortnight"),
        ("transport is booked Fri from home", "Fri"),
        ("rescheduled to mon", "mon"),
    ],
)
def test_when_a_weeks_schedule_names_a_day_then_it_is_a_date(text: str, day: str) -> None:
    assert day in {span for span, _ in found(RELATIVE, text)}


@pytest.mark.parametrize(
    "text",
    ["exposure to sun", "sats 92 on RA", "booked the room"],
)
def test_when_a_day_word_is_no_day_then_no_date(text: str) -> None:
    assert found(RELATIVE, text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a listed surname opening a clause before what a patient has or is
        ("Williams PD training moved to next Tues", "Williams"),
        ("Simpson counts are ok, plt 112, go ahead", "Simpson"),
        ("wright labs pending, don't mix yet", "wright"),
        # a word no list knows, before what only a patient has
        ("Dimasetga labs pending, hold the mix", "Dimasetga"),
        ("chair 6 lindqvar dizzy after the iron", "lindqvar"),
        # the patient as the object of the unit's hands-on work
        ("Hold Martin, ANC 0.7, Dr. Parker aware", "Martin"),
        ("moving noviso from cube 21 to chair 15", "noviso"),
        ("who is taking Maukawai? ch24, C3D1", "Maukawai"),
        ("can someone re-access williams? needle came out", "williams"),
        # a board's list of seats names the patient after each
        ("stn 12 kavelindo, stn 13 mensah both need labs", "kavelindo"),
    ],
)
def test_when_a_surname_alone_sits_beside_a_patients_things_then_it_is_a_name(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    "text",
    [
        # services, drugs, regimens and supplies open the same clauses
        "Chemo teaching done",
        "Ortho consent signed",
        "Morning labs are back",
        "Hold Tylenol, fever resolved",
        "hold Eliquis, INR 3.4",
        "is she taking Eliquis?",
        "Entyvio infusion at 2",
        "Taxol is ready in pharmacy",
        "first dose of Keytruda",
        "who is taking the C3D1 FOLFOX?",
        "pls restock the Huber needles",
        "wants all the Herceptin checks double-signed",
        "Mark the premed times in the MAR please",
        # a seat's machine or kind beside it, alone or in a list of seats
        "hemo chair 4 is down",
        "Bicarb station 2 empty",
        "chair 3 hemo, chair 4 bicarb",
        "iso chair 3 needs a deep clean",
    ],
)
def test_when_a_drug_service_or_supply_opens_the_clause_then_no_name(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("muguras in Bay 19 wants a warm blanket", "muguras"),
        ("Motyobuk in pod 14 is crying, can someone sit with her", "Motyobuk"),
        ("family at the desk, Okonjo in chair 6 asking for them", "Okonjo"),
        ("Grace in bay 4 needs a commode", "Grace"),
        ("bloods done, okonjo in chair 6 asking for them", "okonjo"),
    ],
)
def test_when_a_clause_opens_with_a_word_placed_in_a_seat_then_it_is_a_name(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Pain in bay 4 is better after the oxy", "Pain"),
        ("Everyone in pod 3 has had their premeds", "Everyone"),
        ("Nobody in chair 6 yet", "Nobody"),
        ("Heparin in bed 7 is running at 18", "Heparin"),
        ("MRSA in bay 2, contact precautions", "MRSA"),
        ("zofran in pod 6 given", "zofran"),
    ],
)
def test_when_a_word_placed_in_a_seat_is_no_name_then_it_is_not_found(text: str, word: str) -> None:
    assert word not in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Joel, your fitting is moved from Wednesday to the 2nd", "Joel"),
        ("Christian, your fitting is moved from 23 April", "Christian"),
        ("Paca, your fitting is moved, same time.", "Paca"),
        ("Sarah, you are booked for 3pm", "Sarah"),
    ],
)
def test_when_a_message_opens_by_addressing_its_reader_then_that_is_a_name(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sorry, your fitting is moved", "Sorry"),
        ("Hope, you are well", "Hope"),
        ("Note, your card expires in May", "Note"),
        ("Thanks, you too", "Thanks"),
        ("Monday, you said? fine", "Monday"),
        ("Also, your ride is booked", "Also"),
    ],
)
def test_when_a_word_opens_a_sentence_before_you_then_it_is_no_name(text: str, word: str) -> None:
    assert word not in {span for span, _ in found(NAMES, text, nlp=True)}
