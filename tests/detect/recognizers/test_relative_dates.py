"""Relative dates alone, from their own module, and the standing schedules that are none."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.relative_dates import RelativeDateRecognizer, recurring
from tests.detect.recognizers.tables import found

RELATIVE = RelativeDateRecognizer()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("seen yesterday", "yesterday"),
        ("moved to Tues", "Tues"),
        ("arrived the 10th but", "the 10th"),
    ],
)
def test_when_a_relative_date_is_written_then_it_is_found(text: str, value: str) -> None:
    assert found(RELATIVE, text) == {(value, "SERVICE_DATE")}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("dialysis every Monday", "Monday"),
        ("runs Mon/Wed/Fri", "Mon"),
        ("clinic Tuesdays", "Tuesdays"),
    ],
)
def test_when_weekdays_are_a_schedule_then_they_recur(text: str, value: str) -> None:
    start = text.index(value)
    assert recurring(text, start, start + len(value))
    assert found(RELATIVE, text) == set()
