"""Dates and counting runs as overlay OCR reads them."""

from __future__ import annotations

import pytest

from bot.detect.image_dates import counting, dateish, month_name_dates, valid_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [("03/14/1957", True), ("19570314", True), ("120/80/99", False), ("13/32/2020", False)],
)
def test_a_numeric_date_must_be_a_calendar_date(text: str, expected: bool) -> None:
    assert valid_date(text) is expected


def test_ruler_runs_count_but_identifiers_do_not() -> None:
    assert counting("1011121314")
    assert counting("21314")  # "12 13 14" with the first digit clipped
    assert not counting("40718823")


def test_a_month_photographed_with_o_or_s_read_as_a_digit_is_a_month() -> None:
    text = "Coll:16-0ct-2025 DOB N0v 291938 on 27-5ep 2025"
    found = [text[a:b] for a, b in month_name_dates(text)]
    assert found == ["16-0ct-2025", "27-5ep 2025", "N0v 291938"]


def test_month_name_dates_also_with_day_and_year_run_together() -> None:
    text = "DOB Nov 291938 seen Feb041946"
    assert [text[a:b] for a, b in month_name_dates(text)] == ["Nov 291938", "Feb041946"]
    assert dateish("on 03/14/1957") and not dateish("BP 120/80")
