"""An organisation's phone or fax in a post about no one is no finding; beside a patient, a
relative or a pronoun every number stays a contact (issue 13, `bot.detect.org_phones`)."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.org_phones import organisation_phone_spans
from bot.detect.types import Finding, Kind, Verdict
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    "text",
    [
        "Pharmacy fax: 800-555-0199",
        "Please call our pharmacy line at 1-800-555-0142 with questions",
        "Pharmacy fax: 617-555-0199",
        "Call the clinic at 617-555-0188 to reschedule.",
        "Our main line is (617) 555-0100; fax (617) 555-0101.",
        "Helpline 0800 123 4567, open 8am to 8pm.",
        "Freephone 0808 157 0192 for the shortage update.",
        "The ward's number is 020 7946 0321.",
        "Front desk: 555-0123",
        "Switchboard 0161 496 0000, ask for pharmacy.",
        "Send the fax to the clinic at 312-555-0172.",
        "Questions? Call 1-888-555-0111 (toll-free).",
        "Manufacturer hotline 1-866-555-0190 for the recall.",
        "Shortage: amoxicillin back-ordered; call 1-844-555-0123.",
        "Questions: help desk 1-888-483-5322.",
        "Call our office fax at 614-555-0199 before noon.",
        "Dr. Okafor's office fax 617-555-0101",
        "Kundenservice gebührenfrei 0800 1234567",
        "Pharmacy fax 617-555-0101, effective 01/02/2027.",
        "Riverbend Dermatology changed its e-prescribing fax to (453) 678-2747.",
        "New PA fax number for the plan: (830)873-5226 (was 256-914-9188).",
    ],
)
def test_when_an_organisations_number_is_in_a_post_about_no_one_then_no_contact(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.CONTACT) == []
    assert engine.scan(text).verdict is not Verdict.PHI


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her cell is 617-555-0142.", ["617-555-0142"]),
        ("Daughter's number 07700 900123.", ["07700 900123"]),
        ("Call her at 800-555-0142.", ["800-555-0142"]),
        ("Mrs Patel can be reached at 1-877-555-0110.", ["1-877-555-0110"]),
        ("Patient's home phone 617-555-0133", ["617-555-0133"]),
        ("Call the patient back on 617-555-0144 re refill.", ["617-555-0144"]),
        ("Her pharmacy fax is 617-555-0101.", ["617-555-0101"]),
        ("Mr Jones: pharmacy fax 800-555-0199", ["800-555-0199"]),
        ("His work number is 1-800-555-0177 ext 22.", ["1-800-555-0177 ext 22"]),
        ("Work phone 617-555-0166", ["617-555-0166"]),
        ("Office phone: 617-555-0155", ["617-555-0155"]),
        ("New fax for the plan: (830)873-5226.", ["(830)873-5226"]),
        ("You can reach our office on 614-555-0199 or me at home.", ["614-555-0199"]),
        (
            "Call me at home on 617-555-0123 or the pharmacy on 617-555-0124.",
            ["617-555-0123", "617-555-0124"],
        ),
        (
            "Pharmacy line 1-800-555-0100, her son's cell 617-555-0142",
            ["1-800-555-0100", "617-555-0142"],
        ),
        ("Spoke to the wife, clinic fax 617-555-0101", ["617-555-0101"]),
        ("Callback 617-555-0142 re the refill.", ["617-555-0142"]),
        ("Pt 67yo, pharmacy fax 617-555-0101", ["617-555-0101"]),
    ],
)
def test_when_a_person_is_in_the_post_or_no_desk_owns_the_number_then_still_a_contact(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.CONTACT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pharmacy line 1-800-555-0100; her son's cell 617-555-0142", ["617-555-0142"]),
        ("Spoke to the wife; clinic fax 617-555-0101", []),
        ("Pt 72yo, CrCl 30.\nPharmacy fax 617-555-0101", []),
        ("This patient (age 11) gets 1 g.\nFreephone 1800 024 181 for the shortage.", []),
        ("Pt 72yo, pharmacy fax 617-555-0101", ["617-555-0101"]),
        ("Pt 72yo. Call her at 800-555-0142.", ["800-555-0142"]),
        # a toll-free type alone owns no number in a post about someone: generators (and
        # careless forms) give a person any area code
        ("Pt 72yo, CrCl 30.\nCall 1-800-555-0142 for the shortage.", ["1-800-555-0142"]),
        ("Pt 72yo, CrCl 30.\nToll-free 1-800-555-0142 for the shortage.", []),
        ("Mi paciente, 72 años.\nMi móvil: 0800 123 4567", ["0800 123 4567"]),
        ("Ana Ruiz 72yo.\nPharmacy fax 800-555-0101", ["800-555-0101"]),
    ],
)
def test_when_a_person_is_in_the_post_but_not_identified_then_the_numbers_clause_decides(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    # an age, a room or a patient's word elsewhere does not make a desk's number someone's; a
    # patient's name (a direct identifier) anywhere keeps every number
    assert spans(engine, text, Kind.CONTACT) == expected


def test_when_a_population_age_is_the_only_other_finding_then_the_desk_number_goes(
    engine: TextEngine,
) -> None:
    # the label's "65 years and older" is no one's age, so it puts no person in the post
    text = "For patients 65 years and older, reduce the dose. Pharmacy fax 617-555-0101."

    assert engine.findings(text) == []


def test_when_a_number_follows_a_desks_in_a_list_then_it_is_the_desks_too() -> None:
    text = "Switchboard 020 7946 0000 / fax 020 7946 0001; 617-555-0102"
    phones = [
        Finding(12, 25, Kind.CONTACT, 0.7, subtype="PHONE"),
        Finding(32, 45, Kind.CONTACT, 0.7, subtype="PHONE"),
        Finding(47, 59, Kind.CONTACT, 0.7, subtype="PHONE"),
    ]

    assert organisation_phone_spans(text, phones) == [(12, 25), (32, 45)]


@pytest.mark.parametrize(
    "text",
    [
        # a letterhead: the organisation's line, its street and town, then its numbers
        "Fenwick Family Pharmacy #2197\n4459 Industrial Pkwy\nDover, MI 00485\n"
        "Phone 435.252.5132  Fax 856.864.5290",
        "Harmon Pharmacy\nSuite 4\n7696 Main St\nDover, MI 48503\nPhone 813.599.9917",
        "Transfers to Larkspur Apothecary, 2501 Mill Pond Rd, ph 1-705-753-5251.",
        "Transfers to Harmon Drug, 7696 Main St, ph 813.599.9917.",
        "Sodexo catering on (574) 664-2550 for anything after hours.",
        "the interpreter line on 1-877-901-9928 for anything after hours.",
        "Pyxis support on (617) 555-0190 if the drawer jams again.",
        "Anthem moved plans; prescriber help line (212) 555-0133.",
    ],
)
def test_when_an_organisation_or_a_vendor_owns_the_number_in_a_post_about_no_one_then_no_contact(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.CONTACT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's block has the shape of a letterhead: the name makes every number stay
        ("Ana Ruiz\n12 Oak Road\nLeeds\nPhone 0113 496 0000", ["0113 496 0000"]),
        ("Fenwick Family Pharmacy\nRe: Ana Ruiz\nPhone 617-555-0142", ["617-555-0142"]),
        # "family" outside an organisation's name is still someone
        ("Family aware, pharmacy callback 617-555-0142", ["617-555-0142"]),
        ("Fenwick Family Pharmacy: the patient's daughter on 617-555-0142", ["617-555-0142"]),
        ("Her drug rep called from 617-555-0142", ["617-555-0142"]),
        ("The patient's pharmacy, Harmon Drug, 617-555-0101", ["617-555-0101"]),
        ("Support worker Jo's mobile 07700 900123", ["07700 900123"]),
        ("Callback 617-555-0142 re the refill.", ["617-555-0142"]),
        # a line with a desk's word above a person's number is no letterhead
        (
            "Freephone 1800 014 462 for the shortage update.\nCall back at 617.247.6916 when in.",
            ["617.247.6916"],
        ),
        ("Pharmacy\nAna asks for a text at 617.247.6916", ["617.247.6916"]),
        # a letterhead's middle lines are its street and town, no one's name (review F2)
        (
            "Referral from Fenwick Family Pharmacy\nJane Gold\nDover, MI 48503\nPhone 617-555-0142",
            ["617-555-0142"],
        ),
        ("Fenwick Family Pharmacy\nGold\nPhone 617-555-0142", ["617-555-0142"]),
        (
            "Fenwick Family Pharmacy\n12 Oak Road\nfor Gold, discharged today\nPhone 617-555-0142",
            ["617-555-0142"],
        ),
    ],
)
def test_when_a_vendors_or_letterheads_number_stands_beside_a_person_then_still_a_contact(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.CONTACT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # callback wording makes the number someone's to be rung, whoever's desk asks (review F1)
        ("Clinic asked us to ring Gold back on 617-555-0142 about the results", ["617-555-0142"]),
        (
            "Support worker rang, wants a callback on 07700 900461 about the referral",
            ["07700 900461"],
        ),
        ("Drug screen came back positive, ring back on 617-555-0142 before noon", ["617-555-0142"]),
        ("Drugs team want to know if Gold can be reached on 617-555-0142", ["617-555-0142"]),
        ("Chemist rang about the dosette, callback 07700 900877", ["07700 900877"]),
        ("Interpreter line booked for Gold, best number 617-555-0142", ["617-555-0142"]),
        ("Catering: gluten free tray for Gold, contact 617-555-0142", ["617-555-0142"]),
        ("Facilities query from Gold about parking, 617-555-0142", ["617-555-0142"]),
        ("Gold rang the helpdesk, wants a callback on 617-555-0142", ["617-555-0142"]),
        (
            "Pyxis support ticket 4471 re: override, Gold callback 617-555-0142",
            ["617-555-0142"],
        ),
        (
            "Pharmacy callbacks needed for refills: 617-555-0142, 617-555-0177, 617-555-0190, "
            "617-555-0123",
            ["617-555-0142", "617-555-0177", "617-555-0190", "617-555-0123"],
        ),
        (
            "Compounding request for Gold, pick up Tuesday, contact 617-555-0142",
            ["617-555-0142"],
        ),
        ("Support worker for the lady in Dover wants a call on 07700 900461", ["07700 900461"]),
        # a desk asking for a callback owns no number (review F5)
        ("Dept asked: Gold to ring back on 617-555-0142", ["617-555-0142"]),
    ],
)
def test_when_the_clause_asks_for_a_callback_or_a_desk_word_is_no_label_then_still_a_contact(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.CONTACT) == expected
    assert engine.scan(text).verdict is Verdict.PHI
