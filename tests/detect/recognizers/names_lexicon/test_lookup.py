"""Name look-ups on a small hand-made lexicon: accents fold, elided prefixes and possessives come
off, inflected English words are known (the shipped word lists are not loaded)."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names_lexicon.lookup import Lexicon, fold

LEX = Lexicon(
    first=frozenset({"jose", "angelo", "grace"}),
    last=frozenset({"nguyen", "neill"}),
    ambiguous=frozenset({"grace"}),
    english=frozenset({"want", "call", "grace"}),
    eponyms=frozenset({"parkinson", "wolff"}),
    eponym_phrases=frozenset(),
)


@pytest.mark.parametrize(
    ("word", "folded"),
    [("Nguyễn", "nguyen"), ("JOSÉ", "jose"), ("Müller", "muller"), ("Ames", "ames")],
)
def test_a_word_folds_to_lower_case_ascii(word: str, folded: str) -> None:
    assert fold(word) == folded


@pytest.mark.parametrize("word", ["Nguyễn", "José", "D'Angelo", "O’Neill", "Nguyen's", "GRACE"])
def test_a_listed_name_is_found_however_it_is_written(word: str) -> None:
    assert LEX.is_name(word)


@pytest.mark.parametrize("word", ["J", "Ward", "O'O'O'Neill", "x'"])
def test_what_is_not_listed_or_too_short_is_not_a_name(word: str) -> None:
    assert not LEX.is_name(word)


def test_first_and_last_names_are_told_apart() -> None:
    assert LEX.is_first("D'Angelo") and not LEX.is_last("D'Angelo")
    assert LEX.is_last("Nguyễn") and not LEX.is_first("Nguyễn")


def test_inflected_english_words_are_known_and_names_that_are_words_are_ambiguous() -> None:
    assert LEX.is_english("wants") and LEX.is_english("called") and not LEX.is_english("nguyen")
    assert not LEX.is_english("ed")  # a suffix alone leaves too short a stem
    assert LEX.is_ambiguous("Grace") and not LEX.is_ambiguous("José")


def test_an_eponym_is_found_alone_or_in_a_hyphenated_compound() -> None:
    assert LEX.is_eponym("Parkinson's") and LEX.is_eponym("Wolff-Parkinson-White")
    assert not LEX.is_eponym("Nguyen")
