"""Word classes for the name rules over a small hand-made lexicon (a blank spaCy tokenizer, no
model, no shipped word lists): solid names, unknown words, name shapes, slips, eponyms."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Token

from bot.detect.recognizers.names_context import tokens
from bot.detect.recognizers.names_lexicon import Lexicon
from bot.detect.recognizers.names_words import NameWords, shape_ok

NLP = spacy.blank("en")
WORDS = NameWords(
    Lexicon(
        first=frozenset({"grace", "amara"}),
        last=frozenset({"okafor", "pratt"}),
        ambiguous=frozenset({"grace"}),
        english=frozenset(
            {"patient", "received", "check", "clamp", "grace", "jackson", "time", "sheet", "hand"}
        ),
        eponyms=frozenset({"parkinson", "jackson"}),
        eponym_phrases=frozenset(),
    )
)


def _tok(text: str, word: str | None = None) -> Token:
    doc = NLP(text)
    return next(t for t in doc if t.text == (word or text))


def test_a_listed_name_that_is_no_ordinary_word_is_solid() -> None:
    assert WORDS.solid(_tok("Okafor")) and WORDS.solid(_tok("Amara"))
    assert not WORDS.solid(_tok("Grace"))  # also an English word
    assert WORDS.solid(_tok("Kuznetsova"))  # unknown, with a surname ending


@pytest.mark.parametrize("word", ["Xiomara", "Thandeka"])
def test_an_unknown_name_shaped_word_is_nameish(word: str) -> None:
    assert WORDS.unknown(_tok(word)) and WORDS.nameish(_tok(word))


@pytest.mark.parametrize(
    ("word", "why"),
    [
        ("patient", "an English word"),
        ("Okafor", "a listed name, not unknown"),
        ("dnr", "a chart abbreviation"),
        ("colitis", "a medical ending"),
        ("Dr.", "a title"),
        ("Jahren", "another language's age word"),
        ("Kinder", "a population's noun beside an age"),
        ("Bewohnerin", "a resident, beside her age"),
    ],
)
def test_known_words_abbreviations_and_titles_are_not_unknown(word: str, why: str) -> None:
    assert not WORDS.unknown(_tok(word)), why


@pytest.mark.parametrize("word", ["Xiomara", "XIOMARA", "patient", "Okafor", "Dr.", "colitis"])
def test_when_a_word_is_asked_again_then_its_cached_answer_is_the_same(word: str) -> None:
    words = NameWords(WORDS.lex)  # a cache of its own, empty
    first = words.unknown(_tok(word))
    assert word in words._unknown  # kept by spelling: the name rules ask each word often
    assert words.unknown(_tok(f"seen {word} today", word)) is first
    assert first is WORDS.unknown(_tok(word))


@pytest.mark.parametrize("slip", ["pateint", "recieved", "recheck", "unclamp"])
def test_a_slip_or_a_prefix_away_from_an_english_word_is_a_typo(slip: str) -> None:
    assert WORDS.typo(slip)
    assert not WORDS.nameish(_tok(slip))


def test_an_acronym_in_a_mixed_case_message_is_not_nameish() -> None:
    assert not WORDS.nameish(_tok("seen for HCAP today", "HCAP"))


def test_a_hyphenated_eponym_is_blocked_and_a_double_barrelled_name_is_not() -> None:
    assert WORDS.compound_blocked(_tok("drain Jackson-Pratt in", "Pratt"))
    assert not WORDS.compound_blocked(_tok("Amara Okafor-Pratt today", "Pratt"))


def test_a_name_before_a_clinical_word_is_part_of_a_term() -> None:
    doc = NLP("Parkinson's disease")
    assert WORDS.clinical_next(doc, 1)
    assert not WORDS.clinical_next(NLP("Okafor today"), 1)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("timesheets", True),  # "time" + "sheets": no list has it, and it is no name
        ("timesheet", True),
        ("handsheet", True),
        ("okaforpratt", False),  # a glued name (the evasions' "JohnSmith") stays a name
        ("timeless", False),  # too short a second part
        ("amaratime", False),
    ],
)
def test_when_two_english_words_run_together_then_the_word_is_not_unknown(
    word: str, expected: bool
) -> None:
    assert WORDS.run_together(word) is expected
    assert WORDS.unknown(_tok(word)) is not expected


@pytest.mark.parametrize(
    ("text", "informative", "ok"),
    [("Smith", True, True), ("smith", True, False), ("smith", False, True)],
)
def test_shape_ok_asks_for_a_capital_only_where_case_means_something(
    text: str, informative: bool, ok: bool
) -> None:
    assert shape_ok(tokens(NLP(text))[0], informative) is ok
