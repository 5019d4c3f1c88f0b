"""The post gates: a direct identifier identifies someone; a person's word, an age or a room
puts someone in the post, an organisation's "Family" or the staff room does not
(`bot.detect.post_gates`)."""

from __future__ import annotations

import pytest

from bot.detect.post_gates import about_someone, identified
from bot.detect.types import Finding, Kind


@pytest.mark.parametrize(
    ("others", "expected"),
    [
        ([], False),
        ([Finding(0, 4, Kind.NAME, 0.8, subtype="PATIENT")], True),
        ([Finding(0, 4, Kind.CONTACT, 0.9, subtype="EMAIL")], True),
        ([Finding(0, 4, Kind.AGE, 0.9, subtype="AGE_OVER_89")], True),
        ([Finding(0, 4, Kind.NAME, 0.8, subtype="PRACTITIONER")], False),
        ([Finding(0, 4, Kind.DATE, 0.8, subtype="FULL_DATE")], False),
        ([Finding(0, 4, Kind.AGE, 0.8, subtype="AGE")], False),
    ],
)
def test_identified(others: list[Finding], expected: bool) -> None:
    assert identified(others) is expected


@pytest.mark.parametrize(
    ("text", "others", "expected"),
    [
        ("Pharmacy fax below", [], False),
        ("Patients can ring the pharmacy", [], False),
        ("Ask her to call the pharmacy", [], True),
        ("Call the patient about the pharmacy", [], True),
        ("The daughter's number", [], True),
        ("Pharmacy fax below", [Finding(0, 4, Kind.AGE, 0.8, subtype="AGE")], True),
        ("Pharmacy fax below", [Finding(0, 4, Kind.ROOM, 0.8, subtype="ROOM")], True),
        ("Fenwick Family Pharmacy, Dover, MI 48503", [], False),
        ("Family at the bedside", [], True),
        ("Party in the staff room", [], False),
        ("Back to her room", [], True),
        ("Moved to the room by the nurses station", [], True),
        ("Mi hija llama mañana", [], True),
    ],
)
def test_about_someone(text: str, others: list[Finding], expected: bool) -> None:
    assert about_someone(text, others) is expected
