"""The checks a date match must pass, alone."""

from __future__ import annotations

import pytest
from presidio_analyzer import RecognizerResult

from bot.detect.recognizers.date_checks import (
    a_version,
    dotted_day_ok,
    misspelt_month,
    month_day_ok,
    on_history_line,
    spelled_month_ok,
)


def _at(text: str, value: str) -> RecognizerResult:
    start = text.index(value)
    return RecognizerResult("DATE", start, start + len(value), 0.6)


@pytest.mark.parametrize(("a", "b", "ok"), [(3, 12, True), (25, 3, True), (13, 13, False)])
def test_when_two_numbers_are_checked_then_only_a_month_and_day_pass(
    a: int, b: int, ok: bool
) -> None:
    assert month_day_ok(a, b) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [("Febuary 4th", True), ("4th Feburary", True), ("Marcy 4", False), ("Sunny 5", False)],
)
def test_when_a_month_is_misspelt_then_only_a_name_s_near_miss_passes(value: str, ok: bool) -> None:
    assert misspelt_month(value) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [("the third of July", True), ("first March", True), ("first march", False)],
)
def test_when_a_day_is_spelled_then_a_bare_month_needs_its_capital(value: str, ok: bool) -> None:
    assert spelled_month_ok(value) is ok


def test_when_a_history_opens_the_line_then_a_later_number_is_in_it() -> None:
    text = "Hx: MI, DVT 5/95"
    assert on_history_line(text, text.index("5/95"))
    assert not on_history_line("seen\nDVT 5/95", 8)


def test_when_a_dotted_number_follows_a_release_word_then_it_is_a_version() -> None:
    assert a_version("firmware 4.2.17", _at("firmware 4.2.17", "4.2"))
    assert not a_version("seen 4.2.", _at("seen 4.2.", "4.2"))


@pytest.mark.parametrize(
    ("text", "value", "ok"),
    [("seen 03.03.", "03.03.", True), ("from 1.8.", "1.8.", True), ("see 2.1.", "2.1.", False)],
)
def test_when_a_day_and_month_are_dotted_then_a_section_number_stays(
    text: str, value: str, ok: bool
) -> None:
    assert dotted_day_ok(text, _at(text, value)) is ok
