"""Shapes from text nobody here writes chat in (issue 13): contact and ID formats Presidio
knows, identifiers with letters, dates in notes, names in caseless scripts, false alarms."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email nhering+news@example.test about it", ["nhering+news@example.test"]),
        ("write to ops@clinic.internal today", ["ops@clinic.internal"]),
        (
            "see https://www.linkedin.com/in/janedoe?ref=abc for more.",
            ["https://www.linkedin.com/in/janedoe?ref=abc"],
        ),
        ("page is gofundme.com/f/maria-recovery now", ["gofundme.com/f/maria-recovery"]),
        ("Call +55 18 5769-4957 tomorrow", ["+55 18 5769-4957"]),
        ("pager 4417 for the family", ["4417"]),
    ],
)
def test_when_contact_shape_then_found_whole(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.CONTACT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refund to IBAN GB82 WEST 1234 5698 7654 32 today", ["GB82 WEST 1234 5698 7654 32"]),
        ("Card 5500 0000 0000 0004 was charged", ["5500 0000 0000 0004"]),
        ("member HPX-77-40921 and serial SN-CG5-881207X", ["HPX-77-40921", "SN-CG5-881207X"]),
        ("chartMRN04857211 pls check", ["chartMRN04857211"]),
        ("plate 2MAJ499 seen", ["2MAJ499"]),
        ("Pt: Frazier, Gerald (254487) Unit 4W", ["254487"]),
        ("claim account 69417086038 pending", ["69417086038"]),
    ],
)
def test_when_identifier_has_letters_or_other_shape_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.ID) == expected


@pytest.mark.parametrize(
    "text",
    [
        "gave 1500mL and 2000mg at 1430hrs",
        "commit 3fa2c79e1 at 0x7ffd5a3c",
        "COVID19, H1N1, HbA1c 7.2, SARS-CoV-2",
        "the crate is on crates.io and docs at docs.python.org",
    ],
)
def test_when_technical_or_clinical_token_then_no_identifier(engine: TextEngine, text: str) -> None:
    assert [f for f in engine.findings(text) if f.kind in (Kind.ID, Kind.CONTACT)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("s/p CABG x 4 in 3/80, quit smoking in 10/95", ["3/80", "10/95"]),
        ("The patient was seen on Jul 16: troponin negative", ["Jul 16"]),
        ("she was admitted on the third of July", ["the third of July"]),
    ],
)
def test_when_note_date_then_found(engine: TextEngine, text: str, expected: list[str]) -> None:
    assert spans(engine, text, Kind.DATE) == expected


def test_when_fraction_then_not_a_month_year(engine: TextEngine) -> None:
    assert spans(engine, "ratio 3/80 on the dipstick", Kind.DATE) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("患者王小明，男，65岁", ["王小明"]),
        ("许旭 was born in the spring", ["许旭"]),
        ("मुकेश मिश्रा called about the results", ["मुकेश मिश्रा"]),
    ],
)
def test_when_name_in_caseless_script_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Bence Jones protein positive",
        "Auer rods on the smear",
        "Quick poll: who wants pizza for the night shift?",
    ],
)
def test_when_eponym_or_label_then_no_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []
