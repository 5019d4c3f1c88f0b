"""Bed boards (issue 13's chat recall pass, `bedflow_dev` dev voice): a patient-flow channel names
a bed by its unit's code ("4W-12", "6E 25", "PCU-28", "4 West bed 27") and the patient as the
board prints them, a surname with the given name's initial ("Okafor, I.", "KEALOHA, K", "Nistor
L.", "P Garety"); a count after a unit's name, a gestational age and "Okafor, I think" are no
bed and no initial."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from bot.detect.recognizers.rooms import RoomRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()
ROOMS = RoomRecognizer()


@pytest.mark.parametrize(
    ("text", "room"),
    [
        ("moved her to 4W 4 for the iso room", "4W 4"),
        ("7W 3B - pending d/c", "7W 3B"),
        ("can she go to PCU-28? tele is full", "PCU-28"),
        ("EVS: CCU-9 dirty", "CCU-9"),
        ("micu 12 sats 88", "micu 12"),
        ("MS-34 needs a terminal clean", "MS-34"),
        ("hallway 3 needs a commode", "hallway 3"),
        ("boarders: 4 West Bed 22 and Tower 3 bed 12", "4 West Bed 22"),
        ("boarders: 4 West Bed 22 and Tower 3 bed 12", "Tower 3 bed 12"),
    ],
)
def test_when_a_bed_is_named_by_its_units_code_then_it_is_a_room(text: str, room: str) -> None:
    assert room in {span for span, _ in found(ROOMS, text)}


@pytest.mark.parametrize(
    "text",
    [
        "ICU 2 beds, HDU full",
        "tele 3 pending discharges",
        "PCU 4 admits waiting",
        "she is 38w 2d today",
        "MS 5 years, on ocrelizumab",
        "ICU has 2 beds",
        "4W has 2 clean beds",
    ],
)
def test_when_a_unit_is_counted_or_no_bed_is_named_then_no_room_is_found(text: str) -> None:
    assert found(ROOMS, text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # after a bed by its unit's code, as after "bed 4"
        ("ED boarders: 5N 5A reed, 8E-6 okafor", "reed"),
        ("pending beds: 2n-213b - ndayisaba; 6e 39: robles, s", "ndayisaba"),
        ("DBN list for 4W: 7W 20 IYYADOS, 6 East bed 21 done", "IYYADOS"),
        # the given name's initial after the surname
        ("7W 3B - Johnson, E. - pending d/c", "Johnson, E."),
        ("Okafor, I. MRN 8787992555 boarding 14h", "Okafor, I."),
        ("RODRÍGUEZ, J to 4W-33 once EVS is done", "RODRÍGUEZ, J"),
        ("Nistor L. to 5N25 once EVS is done", "Nistor L."),
        ("elliott d. to 3s28 once evs is done", "elliott d."),
        ("boarders: Tower 3 Bed 14 - KEALOHA, K", "KEALOHA, K"),
        # and before it, with no full stop, after a bed
        ("B2 3 P Garety contact iso, MRSA", "P Garety"),
    ],
)
def test_when_a_board_prints_a_patient_then_the_whole_name_is_found(text: str, name: str) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a pronoun, an article or a word after the surname is no initial
        ("spoke to Okafor, I think she is ok", "Okafor"),
        ("saw Okafor A fib again", "Okafor"),
        ("handing over Okafor, a bit drowsy", "Okafor"),
    ],
)
def test_when_a_letter_after_a_surname_is_no_initial_then_the_name_stops(
    text: str, name: str
) -> None:
    assert {span for span, _ in found(NAMES, text, nlp=True)} == {name}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a unit code with no bed number is a unit: what follows it is no patient
        ("DBN list for 4W: Discharge lounge opens at 0800", "Discharge"),
        ("tele 3 pending, Mercy flight cancelled", "Mercy"),
        ("Plan B Okafor", "B Okafor"),
    ],
)
def test_when_no_bed_or_initial_stands_there_then_no_name_grows_over_it(
    text: str, word: str
) -> None:
    assert word not in {span for span, _ in found(NAMES, text, nlp=True)}
