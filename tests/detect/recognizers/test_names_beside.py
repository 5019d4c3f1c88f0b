"""Names beside the names found (`names_beside`), on a blank spaCy tokenizer and a small
hand-made lexicon (no model, no shipped word lists); the examples are the rules' own."""

from __future__ import annotations

import spacy

from bot.detect.recognizers.names_beside import NamesBeside
from bot.detect.recognizers.names_cues import NameCues
from tests.detect.recognizers.tables import english_only

NLP = spacy.blank("en")
WORDS = english_only("and sep")
BESIDE = NamesBeside(WORDS, NameCues(WORDS))


def test_the_word_after_and_shares_the_names_reading() -> None:
    doc = NLP("Dr Gachenuuri and Khogar")
    assert BESIDE.coordinated(doc, [(1, 2, 0.9, "PRACTITIONER")], inf=True) == [
        (3, 4, 0.9, "PRACTITIONER")
    ]
    assert BESIDE.coordinated(doc, [(1, 2, 0.9, "PATIENT")], inf=True) == [(3, 4, 0.7, "PATIENT")]


def test_a_month_that_ends_a_name_span_is_left_to_the_date() -> None:
    doc = NLP("Wilkinson, Alexandra Sep 4 2023")
    assert NamesBeside.trim_month(doc, (0, 4, 0.75, "PATIENT")) == (0, 3, 0.75, "PATIENT")
    assert NamesBeside.trim_month(doc, (0, 3, 0.75, "PATIENT")) == (0, 3, 0.75, "PATIENT")
