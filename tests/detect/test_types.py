"""The values detection hands out: what may be shown or logged is kinds, spans, boxes and scores,
never recognised text or a redacted copy (the no-PHI rule starts here)."""

from __future__ import annotations

import json

from bot.detect.types import (
    Finding,
    ImageFinding,
    ImageScanResult,
    Kind,
    ScanResult,
    Verdict,
)


def test_a_text_result_names_its_kinds_once_each_in_order() -> None:
    result = ScanResult(
        Verdict.PHI,
        (
            Finding(0, 4, Kind.NAME, 0.9),
            Finding(5, 9, Kind.DATE, 0.7),
            Finding(10, 14, Kind.NAME, 0.8),
        ),
    )
    assert result.phi and result.kinds == ["DATE", "NAME"]
    assert not ScanResult(Verdict.LOW).phi and ScanResult(Verdict.CLEAN).kinds == []


def test_a_finding_serialises_as_a_span_kind_and_rounded_score_only() -> None:
    finding = Finding(3, 9, Kind.ID, 0.87654, recognizer="MrnRecognizer", subtype="MRN")
    assert finding.to_json() == {"start": 3, "end": 9, "kind": "ID", "score": 0.88}


def test_an_image_result_serialises_without_its_pixels_or_regions() -> None:
    result = ImageScanResult(
        Verdict.PHI,
        (
            ImageFinding(Kind.NAME, 0.91, (1, 2, 30, 10)),
            ImageFinding(Kind.METADATA, 1.0, subtype="exif_gps"),
        ),
        redacted=b"\x89PNG redacted bytes",
        content_type="image/png",
        changed_pixels=True,
        regions=(((0.0, 0.0), (1.0, 0.0), (1.0, 1.0)),),
    )
    out = result.to_json()
    assert out == {
        "verdict": "phi",
        "content_type": "image/png",
        "unscannable_reason": None,
        "kinds": ["METADATA", "NAME"],
        "findings": [
            {"kind": "NAME", "score": 0.91, "box": [1, 2, 30, 10]},
            {"kind": "METADATA", "score": 1.0, "subtype": "exif_gps"},
        ],
    }
    json.dumps(out)  # plain JSON, nothing else in it


def test_an_image_is_scannable_unless_a_reason_says_why_not() -> None:
    assert ImageScanResult(Verdict.CLEAN).scannable
    refused = ImageScanResult(Verdict.CLEAN, unscannable_reason="file too large")
    assert not refused.scannable and not refused.phi
