"""The listed names WordNet's nouns hold only as proper nouns (scripts/gen_proper_nouns.py, issue
13): "stevens", "evans", "darwin" are people in the model's vocabulary, so those surnames read as
English words and kept their place in a message."""

from __future__ import annotations

import pytest

from bot.detect.data import load_words
from bot.detect.engine import TextEngine
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.types import Kind
from tests.detect.conftest import load_script, spans


def test_when_the_proper_noun_list_is_regenerated_then_it_is_the_shipped_file() -> None:
    gen = load_script("gen_proper_nouns")
    assert set(gen.proper_nouns()) == load_words("proper_nouns.txt")


@pytest.mark.parametrize("word", ["evans", "darwin", "matthew", "fuentes"])
def test_when_a_name_is_only_a_proper_noun_then_it_is_no_english_word(word: str) -> None:
    assert not lexicon().is_english(word)


@pytest.mark.parametrize(
    "word",
    ["baker", "smith", "sales", "metro", "texas", "london", "rom", "pons", "brady", "keyholder"],
)
def test_when_a_word_is_common_a_place_or_clinical_then_it_stays_english(word: str) -> None:
    assert lexicon().is_english(word)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Evans meds reconciled, ready for d/c", "Evans"),
        ("Darwin is on the list for CT", "Darwin"),
    ],
)
def test_when_a_proper_noun_surname_opens_a_report_then_it_is_a_name(
    engine: TextEngine, text: str, name: str
) -> None:
    assert name in spans(engine, text, Kind.NAME)


@pytest.mark.parametrize(
    "text",
    ["sales figures are up", "the Texas Medical Board wrote"],
)
def test_when_a_kept_word_is_used_then_no_name(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.NAME) == []
