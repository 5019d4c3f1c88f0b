"""`names_runs` through `NameRecognizer` over a blank tokenizer: runs of name-like words after
their cue, names in capitals, and the places, things and acronyms a run is not."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a board prints the surname in capitals after the bed, as it prints "bed 22 White"
        ("DBN list: 6 East bed 21: POTTER, then the 8E bed", "POTTER"),
        ("pending beds: rm 14 - FISHER, d/c order in", "FISHER"),
        # a short given name in capitals before a surname in capitals, in a text with lower case
        ("08/04 spoke w/ Mr Koch (mum); pt IB KOCH to come in 15 Nov.", "IB KOCH"),
        ("Re: statement for BO LINDQVIST, see attached", "BO LINDQVIST"),
    ],
)
def test_when_a_name_is_printed_in_capitals_then_all_of_it_is_found(text: str, name: str) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    "text",
    [
        # a town before the office, team or law it names
        "our London office will send the forms",
        "Please ask the Paris team, they have the file",
        "our Denver headquarters is closed for the holiday",
        # a word before the thing it names, in a text whose case says nothing
        "Georgia law requires a signed release.",
        "she takes the metro line to clinic",
        # an acronym in capitals stays one
        "Can IR do a drain on the left today",
        "CT HEAD was clear, see the report",
    ],
)
def test_when_a_capitalised_word_names_a_place_or_a_thing_then_no_name_is_found(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a lower-case verb that is also in a name list ended the run: the whole run was judged
        # mixed-case and dropped (pharmacy_ops dev leaked 13 names so)
        ("Kimberly Mcintyre asks for a text when the prednisolone is in", "Kimberly Mcintyre"),
        ("Robin Grant asks for a text at 0161 496 7386", "Robin Grant"),
    ],
)
def test_when_a_full_name_is_followed_by_a_listed_lower_case_word_then_the_name_is_found(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}
