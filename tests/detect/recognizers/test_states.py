"""The states and provinces that close an address block, and the ZIP after them."""

from __future__ import annotations

import pytest
import regex as re

from bot.detect.recognizers.states import ANY_STATE_RE, ZIP_AFTER, is_state


@pytest.mark.parametrize("value", ["Ohio", "Mich.", "Alberta", "New York", "Québec", "N.Y."])
def test_when_a_state_or_province_is_named_then_it_is_one(value: str) -> None:
    assert is_state(value)


@pytest.mark.parametrize("value", ["OH", "Springfield", "Mich", "York"])
def test_when_a_word_is_no_state_name_then_it_is_none(value: str) -> None:
    assert not is_state(value)


def test_when_a_two_letter_code_or_a_name_is_written_then_either_is_a_state() -> None:
    assert re.fullmatch(ANY_STATE_RE, "WI") and re.fullmatch(ANY_STATE_RE, "North Dakota")


def test_when_a_zip_follows_then_it_is_read_after_the_comma() -> None:
    assert ZIP_AFTER.match(", 31448-1234") and not ZIP_AFTER.match(" 3144")
