"""Values that cross the detection boundary: what was found and what it adds up to."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

# What one scan reads, the one limit for every caller (posts with all their parts, sweeps,
# `/phi check`): Slack caps a message's text at 40,000 characters, and blocks, attachments and
# file names add to it. A longer text is refused (`DetectionError` from `bot.scan_pool.analyse`,
# so the failure action applies), never scanned in part and passed. The adversarial bench
# bounds one scan of this size at a few seconds.
MAX_SCAN_CHARS = 60_000


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


Box = tuple[int, int, int, int]  # x, y, width, height in pixels of the (oriented) image
Polygon = tuple[tuple[float, float], ...]  # a painted area, in output pixels


@dataclass(frozen=True, slots=True)
class ImageFinding:
    """One piece of PHI in an image: a box (None for metadata) with its kind."""

    kind: Kind
    score: float
    box: Box | None = None
    recognizer: str = ""
    subtype: str = ""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": str(self.kind), "score": round(self.score, 2)}
        if self.box is not None:
            out["box"] = list(self.box)
        if self.subtype:
            out["subtype"] = self.subtype
        return out


@dataclass(frozen=True, slots=True)
class ImageScanResult:
    """What one file adds up to, and its de-identified copy (None when unscannable)."""

    verdict: Verdict
    findings: tuple[ImageFinding, ...] = ()
    redacted: bytes | None = None
    content_type: str | None = None
    unscannable_reason: str | None = None
    changed_pixels: bool = False
    # Exact painted areas (text polygons, face rectangles) in output pixels; for benchmarks
    # and the verify step, never serialised (a region's shape says nothing, but keep JSON lean).
    regions: tuple[Polygon, ...] = ()

    @property
    def scannable(self) -> bool:
        return self.unscannable_reason is None

    @property
    def phi(self) -> bool:
        return self.verdict is Verdict.PHI

    @property
    def kinds(self) -> list[str]:
        return sorted({str(f.kind) for f in self.findings})

    def to_json(self) -> dict[str, object]:
        """Kinds, boxes and scores; never any recognised text."""
        return {
            "verdict": str(self.verdict),
            "content_type": self.content_type,
            "unscannable_reason": self.unscannable_reason,
            "kinds": self.kinds,
            "findings": [f.to_json() for f in self.findings],
        }
