"""`phonetic`: one phonetic alphabet for every rule that reads a code or a secret spelled out
(issue 13: `spoken_ids` and `verbal_secrets` each had one, "juliet+" and "juliett?")."""

from __future__ import annotations

import pytest
import regex as re

from bot.detect.recognizers.phonetic import DIGIT_WORD, NATO

_LETTER = re.compile(rf"{NATO}", re.IGNORECASE)
_DIGIT = re.compile(rf"{DIGIT_WORD}", re.IGNORECASE)


@pytest.mark.parametrize(
    "word", ["alpha", "Alfa", "juliet", "Juliett", "whisky", "WHISKEY", "x-ray", "xray", "x ray"]
)
def test_when_a_letter_is_spelled_either_way_then_it_is_a_letter(word: str) -> None:
    assert _LETTER.fullmatch(word)


@pytest.mark.parametrize("word", ["julie", "alphabet", "echoes", "ray"])
def test_when_a_word_only_starts_like_a_letter_then_it_is_none(word: str) -> None:
    assert not _LETTER.fullmatch(word)


@pytest.mark.parametrize("word", ["oh", "nought", "niner", "Seven"])
def test_when_a_digit_is_said_as_callers_say_it_then_it_is_a_digit(word: str) -> None:
    assert _DIGIT.fullmatch(word)


def test_both_readers_spell_the_alphabet_from_this_module() -> None:
    from bot.detect.recognizers import spoken_ids, verbal_secrets

    assert spoken_ids.NATO is NATO
    assert verbal_secrets.NATO is NATO
