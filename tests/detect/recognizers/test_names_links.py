"""`names_links.linked_names`, on a blank spaCy tokenizer and a small hand-made lexicon (no
model, no shipped word lists): a word that is also part of an address in the message."""

from __future__ import annotations

import spacy

from bot.detect.recognizers.names_links import linked_names
from tests.detect.recognizers.tables import english_only

NLP = spacy.blank("en")
WORDS = english_only("says her old number is off new email")


def test_a_word_that_is_also_part_of_an_email_in_the_message_is_a_name() -> None:
    doc = NLP("Price says her old number is off, new email price.debra@wp.pl")
    assert (0, 1, 0.7, "PATIENT") in linked_names(doc, WORDS)
    assert linked_names(NLP("Price says her old number is off"), WORDS) == []
