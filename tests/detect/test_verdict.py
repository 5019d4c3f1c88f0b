"""The combination rule, table-tested on findings (no engine needed)."""

from __future__ import annotations

import pytest

from bot.detect.types import Finding, Kind, Verdict
from bot.detect.verdict import about_patient, decide_verdict


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
