"""ID and CONTACT: labelled and bare record numbers, SSNs, phones, email, URL, IP."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRN 12345678", ["12345678"]),
        ("mrn#: 00123456", ["00123456"]),
        ("acc A1234567 for the CT", ["A1234567"]),
        ("FIN: 0084379687 admitted", ["0084379687"]),
        ("member id XZ99887766", ["XZ99887766"]),
        ("john 7654321 needs a bed", ["7654321"]),
        ("ssn 123-45-6789 on the form", ["123-45-6789"]),
    ],
)
def test_when_identifier_then_found(engine: TextEngine, text: str, expected: list[str]) -> None:
    assert spans(engine, text, Kind.ID) == expected


@pytest.mark.parametrize(
    "text",
    [
        "plt 250000, wbc 12.5",
        "heparin 5000 units sq",
        "<@U0123ABCD> can you look",
        "see <#C0123ABCD|icu-team>",
        "ref 000-12-3456 in the binder",
    ],
)
def test_when_number_is_not_an_identifier_then_ignored(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.ID) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call (617) 555-1234", "(617) 555-1234"),
        ("call 617-555-1234 x204", "617-555-1234 x204"),
        ("cell 617.555.1234", "617.555.1234"),
        ("call +44 20 7946 0958", "+44 20 7946 0958"),
        ("fax to 07172 223320", "07172 223320"),
        ("email jdoe@example.com", "jdoe@example.com"),
        ("see https://gofundme.com/f/jdoe", "https://gofundme.com/f/jdoe"),
        ("host 192.168.10.24 logged", "192.168.10.24"),
    ],
)
def test_when_contact_then_found(engine: TextEngine, text: str, expected: str) -> None:
    assert spans(engine, text, Kind.CONTACT) == [expected]


def test_when_hospital_extension_then_not_contact(engine: TextEngine) -> None:
    assert spans(engine, "blood bank is x4-5567, stroke pager 2-3344", Kind.CONTACT) == []
