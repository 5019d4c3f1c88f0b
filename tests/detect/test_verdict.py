"""The combination rule, table-tested on findings (no engine needed)."""

from __future__ import annotations

import pytest

from bot.detect.types import Finding, Kind, Verdict
from bot.detect.verdict import decide_verdict


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
