"""The combination rule, table-tested on findings (no engine needed)."""

from __future__ import annotations

import pytest

from bot.detect.types import Finding, Kind, Verdict
from bot.detect.verdict import about_patient, decide_verdict, post_verdict


def f(kind: Kind, subtype: str = "") -> Finding:
    return Finding(0, 1, kind, 0.9, subtype=subtype)


@pytest.mark.parametrize(
    ("findings", "verdict"),
    [
        ([], Verdict.CLEAN),
        ([f(Kind.NAME, "PATIENT")], Verdict.PHI),
        ([f(Kind.NAME, "RELATIVE")], Verdict.PHI),
        ([f(Kind.ID, "MRN")], Verdict.PHI),
        ([f(Kind.DATE, "DOB")], Verdict.PHI),
        ([f(Kind.DATE, "FULL_DATE")], Verdict.PHI),
        ([f(Kind.CONTACT, "PHONE")], Verdict.PHI),
        ([f(Kind.LOCATION, "ADDRESS")], Verdict.PHI),
        ([f(Kind.AGE, "AGE_OVER_89")], Verdict.PHI),
        ([f(Kind.DATE, "SERVICE_DATE")], Verdict.LOW),
        ([f(Kind.NAME, "PRACTITIONER")], Verdict.LOW),
        ([f(Kind.LOCATION, "INSTITUTION")], Verdict.LOW),
        ([f(Kind.ROOM, "ROOM")], Verdict.LOW),
        ([f(Kind.AGE, "AGE")], Verdict.LOW),
        ([f(Kind.DATE, "SERVICE_DATE"), f(Kind.DATE, "SERVICE_DATE")], Verdict.LOW),
        ([f(Kind.LOCATION, "CITY"), f(Kind.LOCATION, "INSTITUTION")], Verdict.LOW),
        ([f(Kind.DATE, "SERVICE_DATE"), f(Kind.LOCATION, "INSTITUTION")], Verdict.PHI),
        ([f(Kind.NAME, "PRACTITIONER"), f(Kind.AGE, "AGE")], Verdict.PHI),
        ([f(Kind.ROOM, "ROOM"), f(Kind.DATE, "SERVICE_DATE")], Verdict.PHI),
    ],
)
def test_when_findings_combined_then_verdict(findings: list[Finding], verdict: Verdict) -> None:
    assert decide_verdict(findings) is verdict


@pytest.mark.parametrize(
    ("findings", "verdict"),
    [
        ([f(Kind.NAME, "PRACTITIONER"), f(Kind.DATE, "SERVICE_DATE")], Verdict.LOW),
        ([f(Kind.NAME, "PRACTITIONER"), f(Kind.LOCATION, "INSTITUTION")], Verdict.LOW),
        ([f(Kind.NAME, "PRACTITIONER")], Verdict.LOW),
        # without the practitioner, two other families still combine
        (
            [f(Kind.NAME, "PRACTITIONER"), f(Kind.DATE, "SERVICE_DATE"), f(Kind.LOCATION, "CITY")],
            Verdict.PHI,
        ),
        ([f(Kind.NAME, "PATIENT"), f(Kind.DATE, "SERVICE_DATE")], Verdict.PHI),
    ],
)
def test_when_no_patient_in_post_then_practitioner_does_not_combine(
    findings: list[Finding], verdict: Verdict
) -> None:
    assert decide_verdict(findings, patient=False) is verdict


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        (
            "Priya is on call this weekend",
            [f(Kind.NAME, "PRACTITIONER"), f(Kind.DATE, "SERVICE_DATE")],
            False,
        ),
        ("Jon swapped w/ Amara for fri pm", [f(Kind.NAME, "PRACTITIONER")], False),
        ("Dr. Okafor saw the pt yesterday at St Mary's", [], True),
        ("Dr Lee wants the Foley out tonight", [], True),
        ("Dr Lee rounded on her this morning", [], True),
        ("Ana covering, 4 West tonight", [f(Kind.ROOM, "ROOM")], True),
        ("Ana is on tonight", [f(Kind.AGE, "AGE")], True),
    ],
)
def test_when_post_read_then_about_patient(
    text: str, findings: list[Finding], expected: bool
) -> None:
    assert about_patient(text, findings) is expected


def _at(text: str, part: str, kind: Kind, subtype: str) -> Finding:
    start = text.index(part)
    return Finding(start, start + len(part), kind, 0.9, subtype=subtype)


@pytest.mark.parametrize(
    ("text", "day", "place", "verdict"),
    [
        # operations: a schedule's day beside a place, no one in the post (issue 13)
        (
            "Effective Monday, the Lakeside Clinic hours change",
            "Monday",
            "Lakeside Clinic",
            Verdict.LOW,
        ),
        (
            "Pick-up window at Lakeside Clinic extended to Saturday",
            "Saturday",
            "Lakeside Clinic",
            Verdict.LOW,
        ),
        (
            "Formulary change effective next week, Springfield site",
            "next week",
            "Springfield",
            Verdict.LOW,
        ),
        # a patient, a pronoun or a date in digits keeps the combination
        ("Admitted last night to Lakeside Clinic", "last night", "Lakeside Clinic", Verdict.PHI),
        ("Pt seen today at Lakeside Clinic", "today", "Lakeside Clinic", Verdict.PHI),
        ("She was at Lakeside Clinic on Monday", "Monday", "Lakeside Clinic", Verdict.PHI),
        ("Lakeside Clinic flu clinic 12/03, walk-ins", "12/03", "Lakeside Clinic", Verdict.PHI),
    ],
)
def test_when_a_day_in_words_has_no_one_beside_it_then_it_does_not_combine(
    text: str, day: str, place: str, verdict: Verdict
) -> None:
    findings = [
        _at(text, day, Kind.DATE, "SERVICE_DATE"),
        _at(text, place, Kind.LOCATION, "INSTITUTION"),
    ]
    assert post_verdict(text, findings) is verdict


def test_when_families_are_apart_then_they_combine_with_none() -> None:
    quasi = [f(Kind.DATE, "SERVICE_DATE"), f(Kind.LOCATION, "INSTITUTION")]

    assert decide_verdict(quasi, patient=False, apart=frozenset({"date"})) is Verdict.LOW
    assert decide_verdict(quasi, patient=False) is Verdict.PHI
    assert decide_verdict([*quasi, f(Kind.ROOM, "ROOM")], apart=frozenset({"date"})) is Verdict.PHI
