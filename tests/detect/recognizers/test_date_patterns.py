"""The date patterns as a list: one name each, each compiles, and the recognizer uses them."""

from __future__ import annotations

import regex as re

from bot.detect.recognizers.date_patterns import DATE_PATTERNS
from bot.detect.recognizers.dates import ClinicalDateRecognizer


def test_when_the_patterns_are_listed_then_each_name_is_unique_and_compiles() -> None:
    names = [p.name for p in DATE_PATTERNS]
    assert len(names) == len(set(names))
    for pattern in DATE_PATTERNS:
        re.compile(pattern.regex, re.IGNORECASE)


def test_when_a_pattern_is_looked_for_backwards_first_then_it_is_listed() -> None:
    names = {p.name for p in DATE_PATTERNS}
    assert names >= ClinicalDateRecognizer.BACKWARDS_FIRST
    assert ClinicalDateRecognizer.PATTERNS is DATE_PATTERNS
