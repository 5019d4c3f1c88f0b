"""Values that cross the detection boundary: what was found and what it adds up to."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of PHI phiwarden reports (DESIGN.md vocabulary)."""

    NAME = "NAME"
    DATE = "DATE"
    AGE = "AGE"
    ID = "ID"
    CONTACT = "CONTACT"
    LOCATION = "LOCATION"
    ROOM = "ROOM"
    FACE = "FACE"
    METADATA = "METADATA"


class Verdict(StrEnum):
    """What the findings of one post add up to under the combination rule."""

    CLEAN = "clean"
    LOW = "low"
    PHI = "phi"


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of PHI in text: a character span with its kind.

    `subtype` refines the kind where the combination rule needs it (`DOB`, `SERVICE_DATE`,
    `PRACTITIONER`, `INSTITUTION`, `MRN`, ...); `recognizer` names who found it.
    """

    start: int
    end: int
    kind: Kind
    score: float
    recognizer: str = ""
    subtype: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "kind": str(self.kind),
            "score": round(self.score, 2),
        }


@dataclass(frozen=True, slots=True)
class ScanResult:
    """Findings and verdict for one text."""

    verdict: Verdict
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def phi(self) -> bool:
        return self.verdict is Verdict.PHI

    @property
    def kinds(self) -> list[str]:
        """Sorted distinct kinds: what may be shown or logged instead of the values."""
        return sorted({str(f.kind) for f in self.findings})
