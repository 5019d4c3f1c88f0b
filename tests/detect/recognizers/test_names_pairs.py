"""`names_pairs`: "Last, First" at a record's start, also of names that are words, and the
lists of words that look like one."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a record's opening "Last, First" of listed names, also names that are words
        ("Bell, Daisy insurance denied", ["Bell, Daisy"]),
        ("YOUNG, RAY is here for a walk-in", ["YOUNG, RAY"]),
        ("WILSON, HOWARD E MRN: 3239162 add-on", ["WILSON, HOWARD E"]),
        ("white,holly - new onset seizure", ["white,holly"]),  # a glued comma in lower case
    ],
)
def test_when_a_record_opens_with_last_first_then_found(
    engine: TextEngine, text: str, expected: list[str]
) -> None:
    assert spans(engine, text, Kind.NAME) == expected


@pytest.mark.parametrize(
    "text", ["hope, faith and charity", "Faith, Hope, Love", "thanks, mark", "Well, Rose said no"]
)
def test_when_a_message_opens_with_a_list_of_words_then_no_name(
    engine: TextEngine, text: str
) -> None:
    assert spans(engine, text, Kind.NAME) == []
