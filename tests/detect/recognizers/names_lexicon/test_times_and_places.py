"""Days, months, states and facility words: lower case; a weekday counts wherever a month does
("seen Tuesday" is no name), each in its short and its long form."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names_lexicon.times_and_places import (
    DAYS,
    FACILITY_WORDS,
    MONTHS,
    PLACE_NOUNS,
    US_STATES,
)


@pytest.mark.parametrize("words", [DAYS, MONTHS, US_STATES, FACILITY_WORDS, PLACE_NOUNS])
def test_every_word_is_lower_case(words: frozenset[str]) -> None:
    assert all(w == w.lower() for w in words)


def test_the_weekdays_count_as_months_in_short_and_long_form() -> None:
    assert DAYS <= MONTHS
    assert {"mon", "monday", "thurs", "thursday"} <= DAYS and {"sept", "september"} <= MONTHS
