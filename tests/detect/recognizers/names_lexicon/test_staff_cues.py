"""The staff cue words: lower case like the tokens they are compared with; the pairs are two
words each ("covering", "for"); a degree after a name is no cue that it is a patient's."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names_lexicon.person_cues import CUE_AFTER
from bot.detect.recognizers.names_lexicon.staff_cues import (
    PRACTITIONER_AFTER,
    PRACTITIONER_BEFORE,
    STAFF_AFTER,
    STAFF_AFTER_PAIRS,
    STAFF_BEFORE,
    STAFF_BEFORE_PAIRS,
)


@pytest.mark.parametrize(
    "words", [PRACTITIONER_AFTER, PRACTITIONER_BEFORE, STAFF_AFTER, STAFF_BEFORE]
)
def test_every_staff_word_is_lower_case(words: frozenset[str]) -> None:
    assert all(w == w.lower() for w in words)


@pytest.mark.parametrize("pairs", [STAFF_AFTER_PAIRS, STAFF_BEFORE_PAIRS])
def test_a_pair_is_two_lower_case_words(pairs: frozenset[tuple[str, str]]) -> None:
    assert all(len(p) == 2 and all(w == w.lower() for w in p) for p in pairs)


def test_a_degree_after_a_name_is_no_patient_cue() -> None:
    assert not PRACTITIONER_AFTER & CUE_AFTER
