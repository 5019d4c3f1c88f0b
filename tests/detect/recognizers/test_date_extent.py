"""A date's reach alone: its weekday and time, and two dates joined as a range."""

from __future__ import annotations

from presidio_analyzer import RecognizerResult

from bot.detect.recognizers.date_extent import join_ranges, with_day_and_time


def _at(text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult("DATE", start, start + len(value), 0.8)


def test_when_a_weekday_and_time_surround_a_date_then_it_takes_them() -> None:
    text = "Sent: Tuesday, March 3, 2026 9:14 AM (UTC-05:00) ok"
    result = with_day_and_time(text, _at(text, "March 3, 2026"))
    assert text[result.start : result.end] == "Tuesday, March 3, 2026 9:14 AM (UTC-05:00)"


def test_when_nothing_surrounds_a_date_then_it_keeps_its_extent() -> None:
    text = "seen 3 March 2026 for review"
    result = with_day_and_time(text, _at(text, "3 March 2026"))
    assert text[result.start : result.end] == "3 March 2026"


def test_when_two_dates_are_joined_by_through_then_they_are_one() -> None:
    text = "off 8/1 through 8/7 and 9/1"
    joined = join_ranges(text, [_at(text, "8/1"), _at(text, "8/7"), _at(text, "9/1")])
    assert [text[r.start : r.end] for r in joined] == ["8/1 through 8/7", "9/1"]
