"""The elder_letters generator plants every age as its number alone, all over 89."""

from __future__ import annotations

import re

from bench.corpus import elder_letters
from bench.corpus.elder_letters import ordinal_words, words


def test_when_ages_are_planted_then_each_is_over_89_or_a_birth_date() -> None:
    for ex in elder_letters.generate(80, 5):
        for start, end, category in ex["planted"]:
            value = ex["text"][start:end]
            assert category in {"dates", "names"}
            digits = re.match(r"\d+", value)
            if category == "dates" and digits and re.fullmatch(r"\d{2,3}\D*", value):
                assert 90 <= int(digits.group()) <= 110, value


def test_when_an_age_is_spelled_then_the_words_are_english() -> None:
    assert words(93) == "ninety-three"
    assert words(93, hyphen=False) == "ninety three"
    assert words(101).endswith("hundred and one")
    assert ordinal_words(92) == "ninety-second"
    assert ordinal_words(100) == "hundredth"
