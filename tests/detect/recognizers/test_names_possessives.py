"""`names_possessives.possessives` over a blank tokenizer: a name before its possessive, any
listed or unknown word before a relation, never an eponym before a thing."""

from __future__ import annotations

import pytest
import spacy

from bot.detect.recognizers.names_context import casing_informative
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.names_possessives import possessives
from bot.detect.recognizers.names_words import NameWords

WORDS = NameWords(lexicon())


def _found(text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [doc[s:e].text for s, e, _, _ in possessives(doc, casing_informative(text), WORDS)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jane's bloods are back", "Jane"),
        ("spoke with okafor's daughter this morning", "okafor"),
    ],
)
def test_when_a_name_owns_something_then_it_is_found(text: str, name: str) -> None:
    assert _found(text) == [name]


@pytest.mark.parametrize(
    "text", ["Parkinson's disease follow-up", "Sjögren's flare again", "St. John's ED"]
)
def test_when_the_owner_is_an_eponym_or_a_saint_then_no_name(text: str) -> None:
    assert _found(text) == []
