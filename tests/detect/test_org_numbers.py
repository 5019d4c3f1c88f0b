"""An organisation's registry numbers are no one's PHI; a patient's beside them still is (issue
13): an NPI, a store number, a BIN and PCN, an NDC, a lot (`bot.detect.org_numbers`). A phone or
fax is an organisation's only as `bot.detect.org_phones` reads it (tests/detect/test_org_phones.py):
one no desk owns, or one in a post that identifies someone, stays a contact."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind, Verdict
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    "text",
    [
        "New fax for the plan: (830)873-5226.",
        "You can reach our office on 614-555-0199 or me at home.",
        "Ana Ruiz: questions to the help desk 1-888-483-5322.",
    ],
)
def test_when_a_phone_may_be_an_organisations_then_it_stays_a_contact(
    engine: TextEngine, text: str
) -> None:
    # reading an owner off "our office" or "help desk" alone dropped patients' own numbers on
    # the general-PII voice (11 of 87 planted phones): with no desk's word ("the plan"), with a
    # person's word in the post ("me at home") or a patient's name, the phone stays
    assert len(spans(engine, text, Kind.CONTACT)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Patient prefers a text at 614-555-0456.", ["614-555-0456"]),
        (
            "Her number is (573) 825-3618, pharmacy fax 614-555-0199.",
            ["(573) 825-3618", "614-555-0199"],
        ),
        ("Patient: Ana Ruiz  DOB 3/4/1950\nPhone 614-555-0456", ["614-555-0456"]),
        ("Call on arrival: 614-555-0456. From the pharmacy.", ["614-555-0456"]),
        ("Called the home number 614-555-0456, no answer.", ["614-555-0456"]),
        ("Callback 614-555-0142 re the refill.", ["614-555-0142"]),
        ("The clinic asked us to ring the number she gave, 614-555-0456.", ["614-555-0456"]),
        ("Our office spoke to the patient today; reach them on 614-555-0456.", ["614-555-0456"]),
        ("Pennsylvania: Reading, PA 610-555-0188 is her cell", ["610-555-0188"]),
        ("You may appeal by fax to 614-555-0177.", ["614-555-0177"]),
    ],
)
def test_when_a_number_is_the_patients_then_still_a_contact(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.CONTACT) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Prescriber NPI 1594008623  NCPDP 3237825  DEA MH2354269",
        "Payer sheet: BIN 164577, PCN ADV, group GRP65952.",
        "Kroger Pharmacy #15069 is open late.",
        "Recall: NDC 04973-5259-79, lots D139094E and JV54457.",
    ],
)
def test_when_an_id_is_a_registrys_or_a_batchs_then_no_id(engine: TextEngine, text: str) -> None:
    assert [f for f in engine.findings(text) if f.kind in (Kind.ID, Kind.CONTACT)] == []


def test_when_a_group_number_has_no_plan_routing_beside_it_then_still_an_id(
    engine: TextEngine,
) -> None:
    # an EOB's "Group #" next to the member's id, with no BIN or PCN: kept as the member's
    assert spans(engine, "Member ID: XK4417220\nGroup #: GRP-44172A", Kind.ID) == [
        "XK4417220",
        "GRP-44172A",
    ]


def test_when_a_patients_name_is_beside_the_pharmacys_fax_then_the_fax_is_not_an_id(
    engine: TextEngine,
) -> None:
    # the fax dropped as a phone must not come back as the patient's "other number"
    text = "Refill for Ana Ruiz, Rx 4417220. Dr. Kim's office fax 614-555-0123."
    found = {text[f.start : f.end]: f.kind for f in engine.findings(text)}

    assert found.get("614-555-0123") is Kind.CONTACT
    assert "Ana Ruiz" in found


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("Shortage: back-ordered at the wholesaler until 2025-04-09.", Verdict.LOW),
        ("Network notice: re-credential by 01/27/2026, questions to the desk.", Verdict.LOW),
        ("Recall: Trelegy 160/4.5 mcg, pull stock by 4/9/2025.", Verdict.LOW),
        ("Pt seen 03/04/2025 in clinic.", Verdict.PHI),
        ("Daughter says the 5 mg dose was 03/04/2025.", Verdict.PHI),
        ("Ana Ruiz, refill due 03/04/2025.", Verdict.PHI),
    ],
)
def test_when_a_full_date_has_no_patient_then_it_is_one_quasi_identifier(
    engine: TextEngine, text: str, verdict: Verdict
) -> None:
    assert engine.scan(text).verdict is verdict


@pytest.mark.parametrize("text", ["Pharmacy NPI#1234567893 on file.", "NCPDP#1234567 on file."])
def test_when_a_registry_label_is_glued_to_its_number_then_it_stays_the_organisations(
    engine: TextEngine, text: str
) -> None:
    # a code's capitals glued to "#" ("PR#48213") make its number an ID; a registry's do not
    assert spans(engine, text, Kind.ID) == []
