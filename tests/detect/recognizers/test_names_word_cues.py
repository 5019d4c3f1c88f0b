"""`names_word_cues.word_names` over a blank tokenizer: a patient named by an English word in
the frames only a patient takes, and the same words used as words left alone."""

from __future__ import annotations

import pytest
import spacy

from bot.detect.recognizers.names_context import casing_informative
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.names_word_cues import word_names
from bot.detect.recognizers.names_words import NameWords

WORDS = NameWords(lexicon())


def _found(text: str) -> list[str]:
    doc = spacy.blank("en")(text)
    return [doc[s:e].text for s, e, _, _ in word_names(doc, casing_informative(text), WORDS)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("saw Gold at 0200", "Gold"),
        ("hold Norman's heparin", "Norman"),
        ("can you check on Rose", "Rose"),
        ("Will in bed 4 is NPO", "Will"),
        ("Green in 5 needs a bolus", "Green"),
        ("pls check Seven's BMs", "Seven"),
        ("Power in T4-06D is NPO", "Power"),
        ("Hope, 6S 7B, pain 7/10", "Hope"),
        ("Olive NBM from midnight", "Olive"),
        ("Bird is asking for you", "Bird"),
        ("escorted Golden to CT", "Golden"),
        ("T4-06D  COOK H  26M  COPD", "COOK H"),
        ("Tower 2 bed 21 Fox 29M CHF", "Fox"),
        ("rm 4 - PRICE - isol", "PRICE"),
    ],
)
def test_when_a_word_name_stands_where_a_patient_does_then_it_is_found(
    text: str, name: str
) -> None:
    assert _found(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "the gold standard is a CT",
        "temp rose to 38.5",
        "Temp rose to 38.5, Will call the reg",
        "will call pharmacy",
        "Rose in 5 minutes",
        "Will do. Hope so. May need a cath.",
        "Saw Cardiology at 3, they will call back",
        "Parkinson's pt with Bell's palsy",
        "saw rose at 0200",
        "Mr Kısakürek in rm528 – AKI, phos 1.9",
    ],
)
def test_when_the_word_is_a_word_then_no_name(text: str) -> None:
    assert _found(text) == []
