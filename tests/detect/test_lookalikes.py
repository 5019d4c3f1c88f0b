"""Look-alike characters read as the ASCII they look like (`bot.detect.lookalikes`)."""

from __future__ import annotations

import pytest

from bot.detect.lookalikes import ascii_lookalike, fold_char, fold_word


@pytest.mark.parametrize(
    ("char", "read"),
    [
        ("\u0663", "3"),  # Arabic-Indic three
        ("\u096c", "6"),  # Devanagari six
        ("\u2013", "-"),  # en dash
        ("\u2212", "-"),  # minus sign
        ("\u2044", "/"),  # fraction slash
        ("\u00b7", "."),  # middle dot
        ("\u2800", " "),  # braille blank
        ("\u0280", "r"),  # Latin letter small capital R
        ("\u00e9", "\u00e9"),  # an accented letter is a letter, left alone
        ("\u041c", "\u041c"),  # a Cyrillic letter alone: only `fold_word` decides
    ],
)
def test_when_a_character_reads_as_ascii_then_fold_char_says_which(char: str, read: str) -> None:
    assert fold_char(char) == read


@pytest.mark.parametrize(
    ("word", "read"),
    [
        ("\u041cRN", "MRN"),  # Cyrillic М beside Latin letters
        ("J\u043ehn", "John"),  # Cyrillic о
        ("\u0417692581", "3692581"),  # Cyrillic З in a number
        ("\u0399van", "Ivan"),  # Greek capital iota reads as I, not l
        ("\u0418\u0432\u0430\u043d", "\u0418\u0432\u0430\u043d"),  # Russian stays Russian
        ("\u039c\u03a1\u039d", "\u039c\u03a1\u039d"),  # all Greek: not a mixed-script spoof
        ("Jos\u00e9", "Jos\u00e9"),
    ],
)
def test_when_a_word_mixes_scripts_then_its_lookalikes_read_as_ascii(word: str, read: str) -> None:
    folded = fold_word(word)
    assert folded == read
    assert len(folded) == len(word)  # one for one: the offset map stays valid


def test_when_a_letter_has_no_ascii_lookalike_then_it_has_none() -> None:
    assert ascii_lookalike("\u0436") is None  # Cyrillic zhe
    assert ascii_lookalike("a") is None
