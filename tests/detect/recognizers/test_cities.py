"""`CityGazetteerRecognizer` over a blank tokenizer (no spaCy model): listed towns; town names
inside other phrases left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.cities import CityGazetteerRecognizer
from tests.detect.recognizers.tables import found

GAZETTEER = CityGazetteerRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("from_town", "transferred from Boston yesterday", {("Boston", "CITY")}),
        ("lives_in", "lives in Springfield", {("Springfield", "CITY")}),
        ("moved_to", "moved to Chicago", {("Chicago", "CITY")}),
    ],
)
def test_when_a_listed_town_is_named_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(GAZETTEER, text, nlp=True) == expected


@pytest.mark.parametrize(("case", "text"), [("in_bed", "in bed"), ("dish", "Boston cream pie")])
def test_when_a_town_word_is_not_a_place_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(GAZETTEER, text, nlp=True) == set()
