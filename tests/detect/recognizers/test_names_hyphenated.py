"""Two romanised syllables joined by a hyphen are a given name ("Eun-jeong", "Ji-hoon Park"),
found whole; English compounds of short words, a word said twice and longer compounds are not."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from bot.detect.recognizers.names_hyphenated import syllable
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


@pytest.mark.parametrize("word", ["eun", "jeong", "hoon", "kyung", "soo", "hwan", "yeon", "woo"])
def test_a_romanised_syllable_is_one(word: str) -> None:
    assert syllable(word)


@pytest.mark.parametrize("word", ["follow", "check", "pre", "x", "strength"])
def test_a_longer_or_foreign_shape_is_no_syllable(word: str) -> None:
    assert not syllable(word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("spoke with the daughter about the invoice; Eun-jeong is aware.", "Eun-jeong"),
        ("Yours faithfully,\nEun-jeong Han", "Eun-jeong Han"),
        ("Caller: Ji-hoon Park re the estimate", "Ji-hoon Park"),
        ("From: SEO-YEON KIM <syk@example.org>", "SEO-YEON KIM"),
    ],
)
def test_when_a_given_name_is_two_hyphenated_syllables_then_it_is_found_whole(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    "text",
    [
        "Set-up is done, the Pop-up clinic opens at 9",
        "Top-up dose given, Hip-hop class cancelled",
        "Yo-yo weight since the winter",
        "Son-in-law called about the visit",
    ],
)
def test_when_a_hyphenated_word_is_english_then_no_name_is_found(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mi-young's mum is visiting at 3", "Mi-young"),
        ("Ha Eun is anxious about the op", "Ha Eun"),
        ("can someone review Ha Eun in bay 4", "Ha Eun"),
        ("Ji Woo and Seo Yeon both in the NICU", "Ji Woo"),
        ("Do Hyun needs bloods", "Do Hyun"),
    ],
)
def test_when_both_halves_are_korean_given_syllables_then_the_name_is_found_whole(
    text: str, name: str
) -> None:
    # the vocabulary holds "mi", "young", "ha", "eun", "do" as words
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize("text", ["Min Jun 4 clinic", "Hot Gun and So Young", "Do Not resuscitate"])
def test_when_spaced_words_are_no_given_syllables_or_a_date_then_no_name_is_found(
    text: str,
) -> None:
    assert found(NAMES, text, nlp=True) == set()
