"""The combination rule: what a post's findings add up to.

A direct identifier (a patient's or relative's name, an ID, a DOB, a full date, contact
details, a street address, an age over 89) makes a post `phi`. So do two or more distinct
kinds of quasi-identifier together (date of service, institution or geography, practitioner
name, exact age, room). One quasi-identifier kind alone is `low` ("grand rounds today").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.detect.types import Finding, Kind, Verdict

# Subtypes that are quasi-identifiers; everything else of these kinds is direct.
QUASI_SUBTYPES: dict[Kind, frozenset[str]] = {
    Kind.NAME: frozenset({"PRACTITIONER"}),
    Kind.DATE: frozenset({"SERVICE_DATE", ""}),
    Kind.AGE: frozenset({"AGE", ""}),
    Kind.LOCATION: frozenset({"INSTITUTION", "CITY", "ZIP", "GEO", ""}),
    Kind.ROOM: frozenset({"ROOM", ""}),
}
# The quasi-identifier family each kind belongs to ("institution or geography" is one family).
FAMILY: dict[Kind, str] = {
    Kind.NAME: "practitioner",
    Kind.DATE: "date",
    Kind.AGE: "age",
    Kind.LOCATION: "place",
    Kind.ROOM: "room",
}


def is_direct(finding: Finding) -> bool:
    """True when this finding alone identifies a patient."""
    quasi = QUASI_SUBTYPES.get(finding.kind)
    return quasi is None or finding.subtype not in quasi


def decide_verdict(findings: Iterable[Finding]) -> Verdict:
    """Apply the combination rule to one post's findings."""
    families: set[str] = set()
    for finding in findings:
        if is_direct(finding):
            return Verdict.PHI
        families.add(FAMILY[finding.kind])
    if len(families) >= 2:
        return Verdict.PHI
    return Verdict.LOW if families else Verdict.CLEAN
