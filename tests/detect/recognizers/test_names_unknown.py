"""Names no lexicon knows, judged by shape and position on a blank spaCy tokenizer and a small
hand-made lexicon (no model, no shipped word lists); the examples are the rules' own."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_unknown import UnknownNames
from tests.detect.recognizers.tables import english_only

NLP = spacy.blank("en")
WORDS = english_only("mom called seen today and the says her old number is off new email sep")
UNKNOWN = UnknownNames(WORDS, NameCues(WORDS))


def _doc(text: str) -> Doc:
    return NLP(text)


def test_two_unknown_words_in_a_row_next_to_a_cue_are_a_name_and_one_alone_is_not() -> None:
    runs = UNKNOWN.runs(_doc("pt kraesaom maiwaekul seen today"), inf=False)
    assert [(s, e, score) for s, e, score, _ in runs] == [(1, 3, 0.6)]
    assert UNKNOWN.runs(_doc("kraesaom seen today"), inf=False) == []


def test_an_unknown_word_before_a_possessive_and_a_relation_is_a_patient() -> None:
    found = UNKNOWN.single(_doc("Keoni's mom called"), inf=True)
    assert (0, 1, 0.8, "PATIENT") in found


def test_a_last_first_banner_at_a_record_start_is_a_patient() -> None:
    found = UNKNOWN.last_first(_doc("TATUMI, DUKIGBI (16 y/o"), inf=False)
    assert found == [(0, 3, 0.75, "PATIENT")]
