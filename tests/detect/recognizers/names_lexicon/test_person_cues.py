"""The person cue words: compared with a token's lower-case form, so written in lower case; a
title says practitioner or another person, never both; a room word is a bed or a seat."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names_lexicon.person_cues import (
    BED_WORDS,
    CUE_AFTER,
    CUE_BEFORE,
    RELATIONS,
    ROOM_WORDS,
    SEAT_WORDS,
    STRONG_CUE_BEFORE,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
)

LISTS = [TITLES_PERSON, TITLES_PRACTITIONER, CUE_BEFORE, STRONG_CUE_BEFORE, CUE_AFTER, RELATIONS]


@pytest.mark.parametrize("words", [*LISTS, ROOM_WORDS])
def test_every_cue_word_is_lower_case(words: frozenset[str]) -> None:
    assert all(w == w.lower() for w in words)


def test_a_title_names_a_practitioner_or_another_person_never_both() -> None:
    assert not TITLES_PERSON & TITLES_PRACTITIONER
    assert {"dr", "prof"} <= TITLES_PRACTITIONER and {"mrs", "sgt"} <= TITLES_PERSON


def test_a_room_word_is_a_bed_or_a_seat() -> None:
    assert not BED_WORDS & SEAT_WORDS
    assert ROOM_WORDS == BED_WORDS | SEAT_WORDS
