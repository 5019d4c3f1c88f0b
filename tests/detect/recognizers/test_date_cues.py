"""The word sets that date a number or make it a vital sign, dose or score."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.date_cues import (
    DATE_CUES,
    DOB_CUES,
    NOT_DATE_AFTER,
    NOT_DATE_BEFORE,
    POSITIVE_CUES,
)


@pytest.mark.parametrize(
    ("case", "words", "word"),
    [
        ("birth", DOB_CUES, "dob"),
        ("vitals_before", NOT_DATE_BEFORE, "bp"),
        ("dose_day_before", NOT_DATE_BEFORE, "pod"),
        ("unit_after", NOT_DATE_AFTER, "mg"),
        ("service_cue", POSITIVE_CUES, "admitted"),
        ("week_cue", DATE_CUES, "w/c"),
    ],
)
def test_when_a_cue_word_is_looked_up_then_its_set_holds_it(
    case: str, words: frozenset[str], word: str
) -> None:
    assert word in words


def test_when_a_word_dates_a_number_then_it_is_no_vital_sign_word() -> None:
    assert not (DATE_CUES & NOT_DATE_BEFORE)
