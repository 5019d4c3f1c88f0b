"""Names beside the names found (`names_beside`), on a blank spaCy tokenizer and a small
hand-made lexicon (no model, no shipped word lists); the examples are the rules' own."""

from __future__ import annotations

import pytest
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


@pytest.mark.parametrize(
    ("case", "text", "span", "expected"),
    [
        ("capitals_acronym", "Pt NGO Thi Mai in bed 7", (2, 4), (1, 4)),
        ("capitals_word", "Pt DO Van Nam in bed 7", (2, 4), (1, 4)),
        ("title_case", "Ngo Thi Mai called", (1, 3), (0, 3)),
        ("lower_case", "ngo thi mai called", (1, 3), (0, 3)),
    ],
)
def test_when_a_vietnamese_family_name_precedes_a_middle_name_then_it_joins_the_name(
    case: str, text: str, span: tuple[int, int], expected: tuple[int, int]
) -> None:
    doc = NLP(text)
    assert BESIDE.middle_name_head(doc, [(*span, 0.8, "PATIENT")]) == [(*expected, 0.8, "PATIENT")]


@pytest.mark.parametrize(
    ("case", "text", "span"),
    [
        ("verb_before_titled_name", "I will do Thi Mai's dressing", (3, 5)),
        ("not_a_family_name", "Pt ICU Thi Mai in bed 7", (2, 4)),
        ("no_middle_name", "Pt NGO Mai in bed 7", (2, 3)),
        ("across_a_line", "NGO\nThi Mai", (1, 3)),
    ],
)
def test_when_the_word_before_is_no_family_name_then_the_span_stays(
    case: str, text: str, span: tuple[int, int]
) -> None:
    assert BESIDE.middle_name_head(NLP(text), [(*span, 0.8, "PATIENT")]) == []
