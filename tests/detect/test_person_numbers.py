"""`person_numbers`: a long unlabelled number beside an identified person is that person's
number (Safe Harbor item 18); quantities, dates, ranges, codes and posts about nobody stay."""

from __future__ import annotations

import pytest

from bot.detect.person_numbers import person_numbers
from bot.detect.types import Finding, Kind


def _with_name(text: str, name: str = "Ansel Brackett") -> list[Finding]:
    start = text.index(name)
    return [Finding(start, start + len(name), Kind.NAME, 0.85, "NameRecognizer", "PATIENT")]


def _added(text: str, findings: list[Finding]) -> list[str]:
    return [text[f.start : f.end] for f in person_numbers(text, findings) if f not in findings]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Please quote 4417-2209-88 on any reply about Ansel Brackett.", "4417-2209-88"),
        ("Ansel Brackett: your reference number, 448120.", "448120"),
        ("Her case with the carrier is 0112-4458109 (Ansel Brackett).", "0112-4458109"),
        ("Ansel Brackett, file 2024-118734", "2024-118734"),
        ("Ansel Brackett 123-456-789-012", "123-456-789-012"),
        ("Our file 85/93587/HV for Ansel Brackett.", "85/93587/HV"),
    ],
)
def test_when_a_person_is_named_and_a_long_number_stands_alone_then_it_is_an_id(
    text: str, number: str
) -> None:
    assert _added(text, _with_name(text)) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Ansel Brackett took 100000 units of vitamin D.",
        "Ansel Brackett owes $125000 on the account.",
        "Ansel Brackett works 0800-1600, 2019-2024 at the plant.",
        "Ansel Brackett seen 12/03/2025 and 2025-03-12; BP 120/80, ranges 10-12.",
        "Ansel Brackett: NDC 0002-8215-01 dispensed.",
        "Ansel Brackett, room 1870 then 8210.",
        "Ansel Brackett: 3.14159 and 2,500,000 people",
    ],
)
def test_when_the_number_is_a_quantity_date_range_or_code_then_nothing_is_added(text: str) -> None:
    assert _added(text, _with_name(text)) == []


def test_when_nobody_is_identified_then_a_long_number_is_left_alone() -> None:
    text = "N95 stock: 448120 masks on order 4417-2209-88 for the clinic."

    assert _added(text, []) == []
    practitioner = Finding(0, 3, Kind.NAME, 0.85, "NameRecognizer", "PRACTITIONER")
    assert _added(text, [practitioner]) == []


def test_when_the_number_is_inside_a_finding_then_it_is_left_to_that_finding() -> None:
    text = "Ansel Brackett phone 555-201-4433"
    phone = Finding(21, 33, Kind.CONTACT, 0.8, "ClinicalPhoneRecognizer", "PHONE")

    assert _added(text, [*_with_name(text), phone]) == []


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Ansel Brackett, proof of purchase REF/2054/SU.", "REF/2054/SU"),
        (
            "Ansel Brackett session 0d69d8651e163b63b429af00c16bf329",
            "0d69d8651e163b63b429af00c16bf329",
        ),
        (
            "Log e3476e21-7030-420b-872e-71bdc11ad2c6 for Ansel Brackett",
            "e3476e21-7030-420b-872e-71bdc11ad2c6",
        ),
        ("Ansel Brackett, purchase eef1a052.", "eef1a052"),
        ("Ansel Brackett, code FFSHDE5KZ1I.", "FFSHDE5KZ1I"),
        ("Handbook 978-1-5336-2852-7 for Ansel Brackett", "978-1-5336-2852-7"),
        ("Ansel Brackett, receipt 522.231.300", "522.231.300"),
        ("Ansel Brackett, handle JP48-FAKE", "JP48-FAKE"),
        ("Ansel Brackett, org ORG-HLU785-RIPE.", "ORG-HLU785-RIPE"),
    ],
)
def test_when_a_person_is_named_and_a_letter_digit_token_stands_alone_then_it_is_an_id(
    text: str, token: str
) -> None:
    assert _added(text, _with_name(text)) == [token]


@pytest.mark.parametrize(
    "text",
    [
        "Ansel Brackett CD4 350, HbA1c 7.2, COVID-19, L4-L5, T2DM, N95, q6h, s/p CABGx3.",
        "Ansel Brackett 1500mL, 40mEq, 125cc, 5x10cm, the 10th, E11.9, v3.2.1.",
        "Ansel Brackett: lot 24K118, batch 7731AB2, firmware 4.2.17, model XR2000.",
        "Ansel Brackett: x4-5567, 0x7ff3a, 3.14159 and 1234567.89",
        "Ansel Brackett BP140/90, T38.5, Na128, HR110, 100mcg/hr, Norco 5/325mg, D5-1/2NS.",
        "Ansel Brackett: BRAF-V600E, EGFR-T790M, COVID19-PCR, GLP-1, IL-6, SARS-CoV-2.",
    ],
)
def test_when_a_token_is_a_quantity_code_version_or_lot_then_nothing_is_added(text: str) -> None:
    assert _added(text, _with_name(text)) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ansel Brackett, xVwGHuLaJMbsPSeqxrhY, called back", "xVwGHuLaJMbsPSeqxrhY"),
        ("Ansel Brackett's portal code QwErTyUiOp was reset", "QwErTyUiOp"),
        ("Ansel Brackett gave Z0jVnKhq*2 as her answer.", "Z0jVnKhq*2"),
    ],
)
def test_when_a_person_is_named_and_generated_letters_stand_alone_then_they_are_an_id(
    text: str, code: str
) -> None:
    assert _added(text, _with_name(text)) == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Ansel Brackett uses MyChart and LinkedIn on her iPhone",
        "Ansel Brackett, McDonaldson, PowerPoint, WhatsApp, YouTube, FaceTime, JavaScriptCode",
        "Ansel Brackett has DiGeorge syndrome",
        "Ansel Brackett: HbA1c>7% and Na+/K+ fine, mail ansel_B1@x.example",
        "Ansel Brackett said OMG!!! Thx2U",
    ],
)
def test_when_capitals_are_a_name_or_a_product_then_nothing_is_added(text: str) -> None:
    assert _added(text, _with_name(text)) == []


def test_when_nobody_is_identified_then_generated_letters_are_left_alone() -> None:
    assert person_numbers("code xVwGHuLaJMbsPSeqxrhY here", []) == []


# A generated code in dashed groups of letters and digits with no label, beside a named person
# ("Paul Hill - za6-dg8m - paperwork missing"): issue 13, `intake_desk` dev voice.
@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Ansel Brackett - za6-dg8m - paperwork missing", "za6-dg8m"),
        ("Ansel Brackett disputes it; escalated as gm4-pv7j.", "gm4-pv7j"),
        ("Ansel Brackett - TD5-HD0R - follow up", "TD5-HD0R"),
    ],
)
def test_when_a_person_is_named_and_a_generated_dashed_code_stands_alone_then_it_is_an_id(
    text: str, token: str
) -> None:
    assert _added(text, _with_name(text)) == [token]


@pytest.mark.parametrize(
    "text",
    [
        "Ansel Brackett CD4-CD8 ratio low",
        "Ansel Brackett C5-C6 and T12-L1 stenosis",
        "Ansel Brackett BRCA1-BRCA2 panel, HER2-neu positive",
        "Ansel Brackett q4h-q6h prn",
    ],
)
def test_when_a_dashed_pair_is_a_type_or_a_reading_then_nothing_is_added(text: str) -> None:
    assert _added(text, _with_name(text)) == []


# Nine digits in three spaced groups, as account and insurance numbers are printed, after
# punctuation or a linking word beside a named person (issue 13, `intake_desk` dev voice).
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Ansel Brackett, 24 dicembre 1935, 410 412 763. Needs interpreter.", "410 412 763"),
        ("Ansel Brackett re-registered; old file merged into 193 876 716.", "193 876 716"),
        ("Ansel Brackett (279 444 544) called", "279 444 544"),
    ],
)
def test_when_a_person_is_named_and_spaced_digit_triplets_stand_alone_then_they_are_an_id(
    text: str, number: str
) -> None:
    assert _added(text, _with_name(text)) == [number]


@pytest.mark.parametrize(
    "text",
    [
        "Ansel Brackett sugars 180 220 190 overnight",
        "Ansel Brackett: platelets 150 120 098 today",
        "Ansel Brackett, 120 130 140 mg over the week",
        "Ansel Brackett paid $100 200 300 in total",
        "Ansel Brackett 0909 7302 32 and 12 345 678",
    ],
)
def test_when_spaced_numbers_are_readings_or_money_then_nothing_is_added(text: str) -> None:
    assert _added(text, _with_name(text)) == []


# Issue 13, `unique_ids` dev voice: a card's number in groups of four, read back with a cue and
# no label; times of day and years in a row are no number.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Ansel Brackett: "he read off 7731 2723, is that it?"', ["7731 2723"]),
        ("Ansel Brackett read me the code, it says 3658 2609 1187.", ["3658 2609 1187"]),
        ("Ansel Brackett obs at 0800 1200 1600", []),
        ("Ansel Brackett, seen 2019 2020 2021", []),
    ],
)
def test_when_four_digit_groups_stand_beside_a_named_person_then_they_are_an_id_unless_times(
    text: str, expected: list[str]
) -> None:
    assert _added(text, _with_name(text)) == expected
