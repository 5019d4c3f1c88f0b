"""The care words, procedure endings and form labels: lower case; an ending is an ending, long
enough that no short word ends in it by chance; a bed is a care word and a form's label."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names_lexicon.clinical_words import (
    CLINICAL_SUFFIXES,
    CLINICAL_TERMS,
    FORM_LABELS,
)


@pytest.mark.parametrize("words", [CLINICAL_TERMS, FORM_LABELS, frozenset(CLINICAL_SUFFIXES)])
def test_every_word_is_lower_case(words: frozenset[str]) -> None:
    assert all(w == w.lower() for w in words)


def test_a_procedure_ending_is_at_least_four_letters() -> None:
    assert all(len(s) >= 4 and s.isalpha() for s in CLINICAL_SUFFIXES)


def test_bed_and_room_are_care_words_and_form_labels() -> None:
    assert {"bed", "room"} <= CLINICAL_TERMS & FORM_LABELS
