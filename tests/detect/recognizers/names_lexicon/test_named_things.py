"""The nouns that make a capitalised word a thing named for a person ("Foley catheter", "the
Wilson Pavilion"): lower case, and none of them says a person stands before it."""

from __future__ import annotations

from bot.detect.recognizers.names_lexicon.named_things import CLINICAL_AFTER
from bot.detect.recognizers.names_lexicon.person_cues import CUE_AFTER, RELATIONS


def test_every_thing_word_is_lower_case() -> None:
    assert all(w == w.lower() for w in CLINICAL_AFTER)


def test_a_thing_word_is_no_word_that_says_a_person_stands_before_it() -> None:
    assert not CLINICAL_AFTER & (CUE_AFTER | RELATIONS)
    assert {"disease", "catheter", "pavilion", "device"} <= CLINICAL_AFTER
