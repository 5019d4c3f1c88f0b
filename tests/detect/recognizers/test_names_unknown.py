"""Names no lexicon knows, judged by shape and position on a blank spaCy tokenizer and a small
hand-made lexicon (no model, no shipped word lists); the examples are the rules' own."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import Lexicon
from bot.detect.recognizers.names_unknown import UnknownNames
from bot.detect.recognizers.names_words import NameWords, words_of

NLP = spacy.blank("en")
LEX = Lexicon(
    first=frozenset(),
    last=frozenset(),
    ambiguous=frozenset(),
    english=words_of("mom called seen today and the says her old number is off new email sep"),
    eponyms=frozenset(),
    eponym_phrases=frozenset(),
)
WORDS = NameWords(LEX)
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


def test_the_word_after_and_shares_the_names_reading() -> None:
    doc = _doc("Dr Gachenuuri and Khogar")
    assert UNKNOWN.coordinated(doc, [(1, 2, 0.9, "PRACTITIONER")], inf=True) == [
        (3, 4, 0.9, "PRACTITIONER")
    ]
    assert UNKNOWN.coordinated(doc, [(1, 2, 0.9, "PATIENT")], inf=True) == [(3, 4, 0.7, "PATIENT")]


def test_a_word_that_is_also_part_of_an_email_in_the_message_is_a_name() -> None:
    doc = _doc("Price says her old number is off, new email price.debra@wp.pl")
    assert (0, 1, 0.7, "PATIENT") in UNKNOWN.linked(doc)
    assert UNKNOWN.linked(_doc("Price says her old number is off")) == []


def test_a_month_that_ends_a_name_span_is_left_to_the_date() -> None:
    doc = _doc("Wilkinson, Alexandra Sep 4 2023")
    assert UnknownNames.trim_month(doc, (0, 4, 0.75, "PATIENT")) == (0, 3, 0.75, "PATIENT")
    assert UnknownNames.trim_month(doc, (0, 3, 0.75, "PATIENT")) == (0, 3, 0.75, "PATIENT")
