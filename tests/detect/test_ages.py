"""AGE: every shape clinicians type; durations left alone; redaction to ranges."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.redact import age_range
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("67yo with cp", "67yo"),
        ("67 y/o with cp", "67 y/o"),
        ("67-yo with cp", "67-yo"),
        ("67-year-old with cp", "67-year-old"),
        ("67 yr old with cp", "67 yr old"),
        ("67y with cp", "67y"),
        ("67M with cp", "67M"),
        ("45 yo F with cp", "45 yo F"),
        ("8 mo with fever", "8 mo"),
        ("aged 92, from home", "aged 92"),
        ("age 67, from home", "age 67"),
        ("15 m/o in room 6", "15 m/o"),
        ("19 yrs, syncope", "19 yrs"),
    ],
)
def test_when_age_then_found(engine: TextEngine, text: str, expected: str) -> None:
    assert spans(engine, text, Kind.AGE) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "f/u in 3 mo",
        "abx x 2 wks",
        "smoked for 20 yrs",
        "NPO for 30m before the scan",
        "started 5 yrs ago",
    ],
)
def test_when_duration_then_not_an_age(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.AGE) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("67yo", "60s"),
        ("67M", "60s M"),
        ("45 yo F", "40s F"),
        ("92-year-old", "90+"),
        ("8 mo", "infant"),
        ("aged 34", "aged 30s"),
        ("15yo", "teen"),
    ],
)
def test_when_age_redacted_then_range(value: str, expected: str) -> None:
    assert age_range(value) == expected


def test_when_age_over_89_then_direct_identifier(engine: TextEngine) -> None:
    found = engine.findings("92 y/o with sepsis")
    assert [f.subtype for f in found] == ["AGE_OVER_89"]
