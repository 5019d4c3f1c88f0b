"""Safe Harbor categories in the shapes letters, forms and registrations write them (issue 13):
every USPS street suffix, European street orders, postcodes before the town, counties, IPv6,
grouped plates and IBANs, usernames, photo file names, local numbers at a sentence's end, and a
patient's name with its second surname or generational suffix."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives alone at 326 James Parkways Apt. 727; fax", ["326 James Parkways Apt. 727"]),
        ("lives alone at 06915 Tyler Mount; fax orders", ["06915 Tyler Mount"]),
        (
            "write to 88443 Jeffrey Cliff Suite 548, Oliverborough 80647.",
            ["88443 Jeffrey Cliff Suite 548", "Oliverborough", "80647"],
        ),
        ("wohnhaft in Hauptstraße 12, 10115 Berlin.", ["Hauptstraße 12", "10115 Berlin"]),
        ("goes to Jardim André Fogaça, 40; the code", ["Jardim André Fogaça, 40"]),
        (
            "Invoice to Piazza Stefania, 62 Appartamento 2, ref",
            ["Piazza Stefania, 62 Appartamento 2"],
        ),
        (
            "Livraison : 9, avenue de Guérin, 56266 Laurent-les-Bains.",
            ["9, avenue de Guérin", "56266 Laurent-les-Bains"],
        ),
        ("parked at the Hunt County lot", ["Hunt"]),
        ("she grew up in County Cork.", ["Cork"]),
    ],
)
def test_when_address_or_subdivision_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.LOCATION) == expected


@pytest.mark.parametrize(
    "text",
    [
        "give 4 units, 1000 Units total over the day",
        "The County said no to the request",
        "at 5, 1200 Main meeting moved",
        "give 4 pine nuts and rest",
    ],
)
def test_when_count_or_common_word_then_no_place(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.LOCATION) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the car with plate VT 22 EN in the lot", ["VT 22 EN"]),
        ("IBAN GB89 NOHR 1407 6511 0407 6, tel", ["GB89 NOHR 1407 6511 0407 6"]),
        ("username jsmith42. Reset sent", ["jsmith42"]),
        ("photo checkin_12345678.png saved", ["checkin_12345678.png"]),
        ("the van KLM 482 collects her", ["KLM 482"]),
        ("truck KL-5521 left", ["KL-5521"]),
        ("insurance card 123 456 789 on file", ["123 456 789"]),
        ("member ID 12 3456 7890 on file", ["12 3456 7890"]),
    ],
)
def test_when_labelled_or_file_identifier_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.ID) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("page him at 617-8073.", ["617-8073"]),
        ("her phone is 001-244-669-5536.", ["001-244-669-5536"]),
        (
            "sign-up from 742d:8cde:860c:cc95:9e0d:6be6:8682:70da: a@example.org",
            ["742d:8cde:860c:cc95:9e0d:6be6:8682:70da", "a@example.org"],
        ),
    ],
)
def test_when_number_or_address_at_a_clause_end_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.CONTACT) == expected


@pytest.mark.parametrize(
    "text",
    ["car park B2 is full", "car T1 and van 2B", "policy 2 3 applies", "took the car 2 days ago"],
)
def test_when_vehicle_or_policy_word_has_no_number_shape_then_no_id(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.ID) == []


def test_when_clock_time_then_not_an_ip(engine: TextEngine) -> None:
    assert spans(engine, "drawn at 12:30:45 ratio 3:1:2", Kind.CONTACT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the report for Mrs Jessica Atkinson, admitted", ["Jessica Atkinson"]),
        ("names Leila Koch II, born", ["Leila Koch II"]),
        ("certificate lists Rita Perry-Clark and the record", ["Rita Perry-Clark"]),
    ],
)
def test_when_patient_name_has_a_second_surname_or_suffix_then_redacted_with_it(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


def test_when_practitioner_is_titled_then_the_title_stays_visible(engine: TextEngine) -> None:
    assert spans(engine, "Dr. Okafor saw her", Kind.NAME) == ["Okafor"]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("paciente de 58 años en cama 4, dolor torácico", Kind.AGE, ["58 años"]),
        ("paciente de 58 años en cama 4, dolor torácico", Kind.ROOM, ["cama 4"]),
        ("Patient 80 Jahre, Zimmer 12", Kind.ROOM, ["Zimmer 12"]),
        ("patiente de 72 ans, chambre 12", Kind.AGE, ["72 ans"]),
        ("患者王小明，男，65岁", Kind.AGE, ["65岁"]),
    ],
)
def test_when_age_or_room_in_another_language_then_found(
    engine: TextEngine, text: str, kind: Kind, expected: list[str]
) -> None:
    assert spans(engine, text, kind) == expected


def test_when_a_duration_in_another_language_then_no_age(engine: TextEngine) -> None:
    assert spans(engine, "hace 5 años fumaba, seit 2 Jahre", Kind.AGE) == []


def test_when_chat_shorthand_is_also_a_first_name_then_lower_case_is_no_name(
    engine: TextEngine,
) -> None:
    assert engine.findings("ty all for a smooth shift :heart:") == []
    assert spans(engine, "Ty is on call tonight, pt in bed 4", Kind.NAME) == ["Ty"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Triage: unknown male, no ID. Spider-web tattoo on the right elbow.", "tattoo"),
        ("Misper call: wearing a gold ring engraved 'Forever Young'.", "Forever Young"),
        ("Care home: family code word BLUEBELL agreed.", "BLUEBELL"),
        ("Family have emailed headshot.png to the police.", "headshot.png"),
        ("A picture of her face is attached to the referral.", "face"),
    ],
)
def test_when_a_characteristic_or_face_photo_is_the_only_identifier_then_the_text_is_phi(
    engine: TextEngine, text: str, value: str
) -> None:
    # issue 13, traits pass: Safe Harbor items 17 and 18 with no digit and no name
    result = engine.scan(text)
    assert result.phi
    assert any(value in text[f.start : f.end] for f in result.findings)


@pytest.mark.parametrize(
    "text",
    [
        "ED triage: midline laparotomy scar, no rashes or tattoos. Photo of the wound attached.",
        "Derm referral: wound_photo.jpg and rash_photo.png uploaded; tattoo removal consult.",
        "Crew handover: old sternotomy scar, CXR image reviewed. NO KNOWN ALLERGIES.",
    ],
)
def test_when_marks_and_photos_identify_nobody_then_the_text_is_not_phi(
    engine: TextEngine, text: str
) -> None:
    assert not engine.scan(text).phi


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Frau Dräger liegt in Zimmer 12", "Dräger"),
        ("Signora Bianchi in letto 5", "Bianchi"),
        ("Madame Lefèvre en chambre 12", "Lefèvre"),
    ],
)
def test_when_another_languages_honorific_precedes_a_surname_then_it_is_a_name(
    engine: TextEngine, text: str, name: str
) -> None:
    assert any(name in s for s in spans(engine, text, Kind.NAME))
