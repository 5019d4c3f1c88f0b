"""The date vocabulary alone: month and weekday names as the date grammar reads them."""

from __future__ import annotations

import pytest
import regex as re

from bot.detect.recognizers.date_words import (
    DAY_WORD,
    FOREIGN_MONTH,
    FOREIGN_MONTH_ABBR,
    MONTH,
    ORDINAL_WORD,
)


@pytest.mark.parametrize(
    ("case", "pattern", "word"),
    [
        ("english_month", MONTH, "Sept."),
        ("english_abbr", MONTH, "feb"),
        ("foreign_month", FOREIGN_MONTH, "März"),
        ("polish_genitive", FOREIGN_MONTH, "listopada"),
        ("foreign_abbr", FOREIGN_MONTH_ABBR, "févr"),
        ("weekday_short", DAY_WORD, "Thurs."),
        ("ordinal_word", ORDINAL_WORD, "twenty-third"),
    ],
)
def test_when_a_date_word_is_written_then_its_pattern_reads_it(
    case: str, pattern: str, word: str
) -> None:
    assert re.fullmatch(pattern, word, re.IGNORECASE)


@pytest.mark.parametrize(("case", "word"), [("longer_word", "marshal"), ("maybe", "mayo")])
def test_when_a_word_only_begins_as_a_month_then_month_does_not_read_it(
    case: str, word: str
) -> None:
    assert re.fullmatch(MONTH, word, re.IGNORECASE) is None
