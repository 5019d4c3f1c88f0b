"""LOCATION and ROOM: institutions, addresses, cities, ZIPs, rooms and beds."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("transferred from St. Mary's last night", ["St. Mary's"]),
        ("sent to Mercy General for cath", ["Mercy General"]),
        ("from Lakeside Medical Center", ["Lakeside Medical Center"]),
        ("seen at Hillcrest Memorial", ["Hillcrest Memorial"]),
        ("back from Mass General", ["Mass General"]),
        ("transfer from hillcrest memorial hospital", ["hillcrest memorial hospital"]),
        ("f/u at Lakeside Clinic", ["Lakeside Clinic"]),
        (
            "lives at 123 Main St, Springfield, MA 01103",
            ["123 Main St", "Springfield, MA", "01103"],
        ),
        (
            "dc home to 1551 Elm Road #200, Manchester SW17 3BP",
            ["1551 Elm Road #200", "Manchester", "SW17 3BP"],
        ),
        ("79yo from Cardiff with seizure", ["Cardiff"]),
        ("anyone driving in from Bogotá? carpool?", ["Bogotá"]),
        ("transferred from Hôpital Lariboisière", ["Hôpital Lariboisière"]),
        ("92 y/o from Sunrise Assisted Living", ["Sunrise Assisted Living"]),
    ],
)
def test_when_place_then_found(engine: TextEngine, text: str, expected: list[str]) -> None:
    assert spans(engine, text, Kind.LOCATION) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the wound clinic is closed today",
        "sent to an outside hospital",
        "VACCINE CLINIC REOPENS MONDAY",
        "Philadelphia chromosome positive",
        "Ottawa ankle rules negative",
        "HAS-BLED 3, CHA2DS2-VASc 4",
        "qsofa 2 in a pt with sepsis",
    ],
)
def test_when_generic_place_word_then_ignored(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.LOCATION) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pt in room 412", "room 412"),
        ("bed 12B needs a sitter", "bed 12B"),
        ("rm 5W-22 is clean", "rm 5W-22"),
        ("bay B is open", "bay B"),
    ],
)
def test_when_room_then_found(engine: TextEngine, text: str, expected: str) -> None:
    assert spans(engine, text, Kind.ROOM) == [expected]


@pytest.mark.parametrize("text", ["POD 1 from lap chole", "bed rest for now", "bedside echo done"])
def test_when_room_word_without_number_then_ignored(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.ROOM) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives @ 4521 Elm St Eugene 97401, SW involved", ["4521 Elm St", "Eugene", "97401"]),
        ("moved back to Tartu last year", ["Tartu"]),
        ("she's from Fargo, ND originally", ["Fargo"]),
        ("3 pts at St Luke's", ["St Luke's"]),
    ],
)
def test_when_city_by_address_or_zip_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.LOCATION) == expected


@pytest.mark.parametrize(
    "text", ["jeanette has clinic this afternoon", "vax clinic tmrw in the lobby", "to the OR now"]
)
def test_when_clinic_is_an_activity_then_not_an_institution(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.LOCATION) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beds 18 & 19 both boarding in ED", "Beds 18 & 19"),
        ("beds 19/20 - both boarding", "beds 19/20"),
        ("BAYS 18 & 19 = ALL WAITING ON ECHO", "BAYS 18 & 19"),
        ("rooms 4, 6 and 9 need a deep clean", "rooms 4, 6 and 9"),
        ("resus 12 & 13 & 14 - boarding", "resus 12 & 13 & 14"),
        ("cdu 11,12 waiting on echo", "cdu 11,12"),
        ("HDU 13,14 to step down", "HDU 13,14"),
        ("moved to resus 2 for airway", "resus 2"),
        ("bed 7 and 8 swapped", "bed 7 and 8"),
    ],
)
def test_when_a_label_lists_several_seats_then_the_whole_list_is_one_room(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert spans(engine, text, Kind.ROOM) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "no ICU beds tonight",
        "3 beds open on 4 west",
        "resus drugs checked, all in date",
        "HDU nurse to call back",
        "cdu is full",
    ],
)
def test_when_a_seat_word_has_no_seat_number_then_no_room(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.ROOM) == []


def test_when_a_dose_follows_a_seat_then_the_list_stops_before_it(engine: TextEngine) -> None:
    assert spans(engine, "gave bed 4 and 5 mg of morphine", Kind.ROOM) == ["bed 4"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in PACU bay 4, O2 sat 91% on 4L NC", "bay 4"),
        ("back to bed 4, 2 hrs post op", "bed 4"),
    ],
)
def test_when_a_seat_is_followed_by_a_number_that_is_no_seat_then_the_room_stops(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert spans(engine, text, Kind.ROOM) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Where: Room 4, Brookmere Diabetes Center", "Brookmere Diabetes Center"),
        ("Eastgate Hearing Centre, 2nd floor", "Eastgate Hearing Centre"),
        ("please attend St. Olave's Outpatients on Monday", "St. Olave's Outpatients"),
    ],
)
def test_when_a_specialty_centre_bears_a_name_then_it_is_an_institution(
    engine: TextEngine, text: str, expected: str
) -> None:
    assert expected in spans(engine, text, Kind.LOCATION)


@pytest.mark.parametrize(
    "text",
    [
        "the Diabetes Center is closed",
        "see her in Outpatients next week",
        "our Sleep Center is full",
        "referred to the Regional Heart Institute",
    ],
)
def test_when_a_specialty_centre_bears_no_name_then_it_is_no_place(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.LOCATION) == []


def test_when_a_listed_hospital_names_a_clinical_term_then_it_is_no_place(
    engine: TextEngine,
) -> None:
    assert spans(engine, "Parkland formula calculator is on the desktop", Kind.LOCATION) == []
    assert spans(engine, "transferred to Parkland last night", Kind.LOCATION) == ["Parkland"]


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Liliana Vera se mudó a San Carlos los altos.", "San Carlos los altos"),
        ("C.P. 39614 San Esperanza los bajos, MEX", "San Esperanza los bajos"),
        ("moved to Pacheco do Oeste last spring", "Pacheco do Oeste"),
    ],
)
def test_when_a_town_ends_in_a_particle_and_more_words_then_the_whole_town_is_found(
    engine: TextEngine, text: str, town: str
) -> None:
    assert town in spans(engine, text, Kind.LOCATION)


@pytest.mark.parametrize(
    "text",
    ["pt mobile 07700 900123", "Reading 07700 900123 after 5", "pt switched to mobile"],
)
def test_when_a_town_that_is_a_word_stands_before_a_phone_or_alone_then_it_is_no_place(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.LOCATION) == []
