"""`names_entities.person_entities`: spaCy's PERSON entities count where the lists agree. The
blank tokenizer has no NER, so the entity is set by hand where the model would have put it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span as SpacySpan

from bot.detect.recognizers.names_context import casing_informative
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_entities import person_entities
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.names_words import NameWords

WORDS = NameWords(lexicon())
CUES = NameCues(WORDS)


def _found(text: str, entity: str) -> list[str]:
    doc = spacy.blank("en")(text)
    start = text.index(entity)
    ent = doc.char_span(start, start + len(entity), label="PERSON")
    assert isinstance(ent, SpacySpan)
    doc.ents = [ent]
    spans = person_entities(doc, casing_informative(text), WORDS, CUES)
    return [doc[s:e].text for s, e, _score, _subtype in spans]


def test_when_a_person_entity_holds_a_listed_name_then_it_is_found() -> None:
    assert _found("Seen today with Maria Lopez and her son.", "Maria Lopez") == ["Maria Lopez"]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("Signs of Parkinson today, referred on.", "Parkinson"),  # an eponym
        ("She flew in from London last night.", "London"),  # a town
        ("Follow up with John in March next year.", "John in March"),  # a month
    ],
)
def test_when_a_person_entity_is_a_thing_then_it_is_left_alone(text: str, entity: str) -> None:
    assert _found(text, entity) == []
