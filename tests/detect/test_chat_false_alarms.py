"""Chat precision (issue 13): classes of words a clinical channel writes that are no PHI, each
beside a sentence of the same shape that still is. Sentences written for these tests, not taken
from any corpus.

Classes: equipment and brands named for a place or a person ("Da Vinci robot", "Quinton",
"Jackson-Pratt", "Miller blade", "Venofer 100 mg"), a hospital's own units ("Cath Lab",
"Occupational Health"), building parts named for a donor ("the Wilson Pavilion"), clinical code
systems ("SNOMED 22298006", "LOINC 2345-7"), antigen and gene names ("HLA-DR15"), form numbers
("CMS-2728 form"), readings ("ABG 7.32/48/78/24"), doses ("500/125 TID"), mail separators
("-----Original Message-----"), staff roles ("crna adan"), acronyms ("KUB") and a sentence's
full stop after a room ("training room. N95 sizes").
"""

from __future__ import annotations

import re

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("robot_named_for_a_town", "Da Vinci robot is booked all week"),
        ("robot_mid_sentence", "we're on the da Vinci in OR 4 all day"),
        ("catheter_brand_after_of", "We are out of Quinton again"),
        ("eponym_after_of_in_capitals", "WE ARE OUT OF FOLEY AGAIN"),
        ("half_of_an_eponym_compound", "We are out of Jackson-Pratt again"),
        ("laryngoscope_blade", "we are out of miller blade again"),
        ("state_abbreviation_in_capitals", "JP DRAIN IN THE CORE NEEDS A NEW BATTERY"),
        ("car_model_after_make", "Her son drives a silver Chevy Malibu to visits"),
        ("car_make_after_colour", "Vehicle is a white Honda CR-V"),
        ("title_case_head_word", "Faith In The New Scheduling System Is Low"),
        ("cath_lab", "Main OR, Cath Lab and IR share the PACU after 1900"),
        ("unit_as_addressee", "To: Occupational Health\nSubject: fit test"),
        ("school_office", "School Health Office needs the form"),
        ("facility_over_a_blank_line", "No open flames within 10 ft.\n\nHospice aides: bath at 10"),
        ("hospital_number_label", "Case Hosp# pending, will update"),
        ("account_label_as_town", "member 7502 8172 RD, acct pending review"),
        ("variant_named_for_a_town", "Maria Lopez factor V Leiden het, MTHFR C677T"),
    ],
)
def test_when_equipment_a_unit_or_a_label_looks_like_a_place_then_no_location(
    engine: TextEngine, case: str, text: str
) -> None:
    assert spans(engine, text, Kind.LOCATION) == []


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("town_after_from", "pt is from Quinton, lives alone", ["Quinton"]),
        ("town_after_moved_to", "Maria Lopez moved to Malibu last spring", ["Malibu"]),
        (
            "town_state_zip_in_capitals",
            "MOVED FROM FRESNO, CA 93701 LAST YEAR",
            ["FRESNO", "93701"],
        ),
        (
            "named_unit_of_a_town",
            "Cotter Flats Occupational Health called about the form",
            ["Cotter Flats Occupational Health"],
        ),
        (
            "hospital_and_its_cath_lab",
            "from Mercy General Cath Lab overnight",
            ["Mercy General Cath Lab"],
        ),
        ("town_after_make_word_elsewhere", "she lives in Lincoln with her son", ["Lincoln"]),
        # a town and its state after a form's label: the capitals rule above read "IN" and
        # "WA" as words wherever case said nothing, though the comma says a state follows
        ("town_comma_state_after_a_label", "Previous address: Dublin, IN", ["Dublin"]),
        ("town_comma_state_on_its_line", "Previous address: Boise, WA\nPhone on file", ["Boise"]),
        ("town_state_at_the_end", "Previous address: Sheffield MN", ["Sheffield"]),
    ],
)
def test_when_the_same_words_name_a_place_then_it_is_still_found(
    engine: TextEngine, case: str, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.LOCATION) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("drug_at_sentence_start", "Sugammadex is back on the shelf in the Pyxis"),
        ("drug_with_a_dose", "Dialysis orders: Venofer 100 mg x 5, Sensipar 30 mg with meals"),
        ("drug_brands_coordinated", "Mircera and Aranesp are both on backorder"),
        ("vendor_brands", "Davita and Fresenius both have chairs open"),
        ("car_make", "Vehicle maroon Buick in the lot"),
        ("eponym_asked_for", "family asking for Leopold maneuvers results"),
        ("eponym_phrase_asked_for", "asking for ivor lewis results"),
        ("eponym_in_capitals_asked_for", "ASKING FOR GLENN RESULTS"),
        ("unit_letter_then_sentence", "range 3.5-5.1 mmol/L. Hemolysed samples read high"),
        ("building_named_for_a_donor", "Rapid Response to the Wilson Pavilion lobby"),
        ("wing_named_for_a_donor", "The Hamilton Wing elevators are down again"),
        ("entrance_named_for_a_donor", "Use the Gardner entrance after 2100"),
        ("acronym_in_a_lower_case_message", "Dobhoff placed, KUB confirms position"),
        ("device_named_for_a_person", "The Lucas device is charging in the crash room"),
        ("reference_named_for_a_publisher", "protocol changed, see the Lippincott page"),
        ("payer_authorisation_line", "Kaiser auth line is down"),
        # jargon_chat (issue 13, chat precision pass)
        ("laxative_brand_before_a_dose", "Ranson 3; PICC tip confirmed; Movicol 2 sachets."),
        ("acronym_in_a_capitals_heavy_message", "CT KUB clear. SOFA up by 2."),
        ("electrolytes_after_a_mention", "@Michele Es are pending, K was 3.1 at 0600? MEWS 3."),
        ("organism_in_lower_case", "Gram stain shows gram positive cocci in clusters."),
        ("caterer_before_its_line", "heads up, Sodexo catering on 0165 966 3883 as normal."),
        (
            "department_in_a_fax_header",
            "To: Blue Cross Pharmacy Prior Auth Dept  Fax (866) 505-2112",
        ),
        ("inhaler_brand", "Trelegy Ellipta is back in stock"),
        # a Title Case run, then a lower-case listed word: the head is judged, eponyms stay out
        ("eponym_then_a_listed_verb", "Bence Jones protein asks for a repeat"),
        ("score_then_a_listed_verb", "Glasgow Coma Scale asks for a recheck"),
        ("score_grade_after_a_hyphen", "PICC tip confirmed. Child-Pugh B on the new calculator."),
    ],
)
def test_when_a_brand_eponym_building_or_acronym_looks_like_a_name_then_no_name(
    engine: TextEngine, case: str, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "names_after_a_mail_separator",
            "-----Original Message-----\nFrom: Ana Silva\nSent: 04 September 2025 09:12\n"
            "Subject: my mother Rita Jordan",
            ["Ana Silva", "Rita Jordan"],
        ),
        (
            "name_beside_a_device_brand",
            "customer Ante Holzapfel | device Libre 3 reader | status: open",
            ["Ante Holzapfel"],
        ),
        ("patient_given_a_dose", "gave Okonkwo 4 mg zofran at 0300", ["Okonkwo"]),
        ("patient_asked_for", "family asking for Okonkwo results", ["Okonkwo"]),
        ("titled_eponym_surname", "Mr. Leopold asking for his results", ["Leopold"]),
        ("patient_near_a_wing", "Okonkwo is waiting in the Wilson Pavilion lobby", ["Okonkwo"]),
        ("acronym_after_a_titled_name", "Mr. Smith BFR dropped to 250 with high VP", ["Smith"]),
        ("surname_then_catheter", "Okafor Foley day 3, remove tomorrow per urology", ["Okafor"]),
        ("given_name_and_eponym_surname", "Mary Foley in bed 4", ["Mary Foley"]),
        ("patient_on_a_brand", "Rachel Cross started on Movicol 2 sachets", ["Rachel Cross"]),
        ("patient_beside_a_standing_aid", "Sara Smith to use the Stedy from now", ["Sara Smith"]),
        ("surname_also_an_acronym_titled", "Mr Kub in bed 3 for CT KUB", ["Kub"]),
        ("given_name_es_before_a_surname", "Es Okonkwo in bay 2, K is 3.1", ["Es Okonkwo"]),
        ("surname_also_an_organism", "Marta Cocci, bed 12, gram positive cocci", ["Marta Cocci"]),
        ("patient_after_a_dept", "Pharmacy Dept re Ana Ruiz: Trelegy approved", ["Ana Ruiz"]),
        ("list_row_after_a_bullet", "- Pugh B in bay 3, for bloods", ["Pugh B"]),
        ("hyphenated_surname_row", "- Al-Sayed R in bay 2", ["Al-Sayed R"]),
        # Arjo is a Dutch given name as well as a hoist's maker (review F4)
        ("dutch_given_name_of_a_brand", "Arjo van Dijk DOB 3/4/1950", ["Arjo van Dijk"]),
        # a standing aid's name is a person's too: the name wins (review F4, second half)
        (
            "person_named_like_a_standing_aid",
            "Sara Stedy in bay 3 asking for her daughter",
            ["Sara Stedy"],
        ),
    ],
)
def test_when_the_same_shapes_name_a_person_then_the_name_is_still_found(
    engine: TextEngine, case: str, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("snomed_code", "Maria Lopez SNOMED 22298006 confirmed"),
        ("snomed_ct_code", "Maria Lopez SNOMED CT 44054006 for T2DM"),
        ("code_system_after", "Maria Lopez dx code 44054006 (SNOMED) for T2DM"),
        ("loinc_cpt_icd", "Maria Lopez CPT 99213 billed, LOINC 2345-7 glucose, ICD-10 E11.9"),
        ("antigen_beside_a_name", "Maria Lopez HLA-DR15 positive, transplant workup continues"),
        ("form_number", "Maria Lopez needs the CMS-2728 form signed"),
        ("form_number_after_a_payer", "Maria Lopez has the Medicare 2728 packet"),
        ("machine_model", "Maria Lopez on machine 2008K2 today"),
        ("dose_and_frequency_near_van", "anne van den broek took amox-clav 500/125 TID"),
        ("chair_time_and_days", "Okafor in chair 4 at 0530 MWF with Dr. Shah rounding"),
    ],
)
def test_when_a_code_form_model_or_dose_stands_beside_a_patient_then_no_id(
    engine: TextEngine, case: str, text: str
) -> None:
    assert spans(engine, text, Kind.ID) == []


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("mrn_still_an_id", "Maria Lopez mrn 44054006 confirmed", ["44054006"]),
        ("bare_number_beside_a_name", "Maria Lopez 4405400612 needs a callback", ["4405400612"]),
        ("handle_beside_a_name", "Maria Lopez ticket JP48-FAKE reopened", ["JP48-FAKE"]),
    ],
)
def test_when_a_number_is_the_patients_then_it_is_still_an_id(
    engine: TextEngine, case: str, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.ID) == expected


def test_when_a_score_out_of_ten_follows_pain_then_it_is_no_date(engine: TextEngine) -> None:
    text = "Okafor pain 7/10 at 0300, dilaudid 0.5 mg given, 3/10 at 0330"
    assert spans(engine, text, Kind.DATE) == []
    assert spans(engine, "Okafor seen on 3/10 for pain", Kind.DATE) == ["3/10"]


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("plural_weekday", "Okafor comes Tuesdays and Thursdays"),
        ("every_weekday", "Okafor dialyzes every Monday, Wednesday and Friday"),
        ("slashed_days", "Okafor runs Tue/Thu/Sat 2nd shift"),
        ("hyphenated_days", "Okafor switched to Monday-Wednesday-Friday"),
        ("days_and_time", "Okafor M-W-F 0600, chair 5"),
    ],
)
def test_when_a_standing_schedule_names_weekdays_then_no_date_or_id(
    engine: TextEngine, case: str, text: str
) -> None:
    assert spans(engine, text, Kind.DATE) == []
    assert spans(engine, text, Kind.ID) == []


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("one_weekday", "Okafor missed Tuesday", ["Tuesday"]),
        ("two_weekdays", "Okafor seen Tuesday, back on Thursday", ["Tuesday", "Thursday"]),
        ("weekday_and_date", "Okafor seen Sat 3/4", ["Sat 3/4"]),
        ("weekday_and_ordinal", "Okafor arrived Sat 2nd, left early", ["Sat 2nd"]),
    ],
)
def test_when_a_weekday_is_one_day_then_it_is_still_a_date(
    engine: TextEngine, case: str, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.DATE) == expected


def test_when_readings_are_written_with_slashes_then_no_phone(engine: TextEngine) -> None:
    assert spans(engine, "ABG 7.32/48/78/24 on the last draw", Kind.CONTACT) == []
    assert spans(engine, "call 617/555/1234 tonight", Kind.CONTACT) == ["617/555/1234"]


def test_when_a_room_ends_a_sentence_then_the_next_word_is_not_its_number(
    engine: TextEngine,
) -> None:
    assert spans(engine, "moves to the training room. N95 sizes in stock", Kind.ROOM) == []
    assert spans(engine, "she is in room 12. Family visiting", Kind.ROOM) == ["room 12"]
    assert spans(engine, "pt in Rm. 12 now", Kind.ROOM) == ["Rm. 12"]
    assert spans(engine, "G2P1 at 38w2d, pt in 5w12", Kind.ROOM) == ["5w12"]


def test_when_a_staff_role_is_written_in_lower_case_then_the_name_is_a_practitioners(
    engine: TextEngine,
) -> None:
    findings = [f for f in engine.findings("crna adan is running the board") if f.kind is Kind.NAME]
    assert [(f.start, f.end, f.subtype) for f in findings] == [(5, 9, "PRACTITIONER")]


def _uncovered(engine: TextEngine, text: str, value: str) -> list[str]:
    """The words of `value` (in `text`) that no finding covers: what `scan --redact` leaves."""
    start = text.index(value)
    found = engine.findings(text)
    return [
        m.group()
        for m in re.finditer(r"\w+", value)
        if not any(f.start < start + m.end() and start + m.start() < f.end for f in found)
    ]


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        # French place names whose compound a space parted, as mail and forms write them: the
        # mail-separator rule ("-----Original") took their lone hyphen for a rule's edge
        ("sainte_then_name", "Our office in Sainte- Archambault will call.", "Sainte- Archambault"),
        ("sainte_after_lives_in", "resides in Sainte- Valérie, QC", "Sainte- Valérie"),
        (
            "ile_prefix",
            "Her son drives her in from L'Île- Desrosiers each week.",
            "L'Île- Desrosiers",
        ),
        ("lac_in_capitals", "ADDRESS: 6408 MONTÉE BOUTIN\nCITY: LAC- TREMBLAY", "LAC- TREMBLAY"),
        ("sur_mer_suffix", "CITY: BILODEAU -SUR-MER", "BILODEAU -SUR-MER"),
        ("mont_after_street", "Patient lives at 028 allé Boily, Mont- Gilles Est.", "Mont- Gilles"),
    ],
)
def test_when_a_place_name_has_a_parted_hyphen_then_every_word_of_it_is_covered(
    engine: TextEngine, case: str, text: str, value: str
) -> None:
    assert _uncovered(engine, text, value) == []
