"""`redact_text`: each finding becomes its kind's placeholder (ages a range), in span order,
the text around kept byte for byte, an overlapping finding skipped rather than garbling."""

from __future__ import annotations

import pytest

from bot.detect.redact import age_range, redact_text
from bot.detect.types import Finding, Kind


def _find(text: str, value: str, kind: Kind) -> Finding:
    start = text.index(value)
    return Finding(start=start, end=start + len(value), kind=kind, score=0.9)


def test_findings_become_placeholders_in_order_whatever_order_they_come_in() -> None:
    text = "Seen Jane Roe on 03/14/2026, MRN 4829173, 67yo F, room 12."
    findings = [
        _find(text, "4829173", Kind.ID),
        _find(text, "Jane Roe", Kind.NAME),
        _find(text, "67yo F", Kind.AGE),
        _find(text, "03/14/2026", Kind.DATE),
    ]
    assert redact_text(text, findings) == "Seen [NAME] on [DATE], MRN [ID], 60s F, room 12."


def test_an_overlapping_finding_is_skipped_not_spliced() -> None:
    text = "Jane Roe Smith"
    outer = Finding(start=0, end=14, kind=Kind.NAME, score=0.9)
    inner = Finding(start=5, end=8, kind=Kind.NAME, score=0.5)
    assert redact_text(text, [outer, inner]) == "[NAME]"


def test_no_findings_leaves_the_text_alone() -> None:
    assert redact_text("nothing here\n", []) == "nothing here\n"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("aged 45", "aged 40s"),
        ("3 wk", "infant"),
        ("18 month", "toddler"),
        ("7", "child"),
        ("15 M", "teen M"),
        ("90", "90+"),
        ("an elderly", "[AGE]"),
    ],
)
def test_age_ranges_keep_meaning_not_the_number(value: str, expected: str) -> None:
    assert age_range(value) == expected
