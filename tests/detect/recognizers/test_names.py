"""`NameRecognizer` over a blank tokenizer (no spaCy model, so no entities or tags): the rules
alone find titled names, cued names, "Last, First" and relatives; capitalised chat words and
eponyms are left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("practitioner_title", "Dr Okafor reviewed the scan", {("Okafor", "PRACTITIONER")}),
        ("person_title", "Mrs Smith in bed 4 is stable", {("Smith", "PATIENT")}),
        ("cue_pt", "pt John Smith seen today", {("John Smith", "PATIENT")}),
        ("last_first", "Smith, John admitted overnight", {("Smith, John", "PATIENT")}),
        ("relative", "spoke to his daughter Maria", {("Maria", "RELATIVE")}),
        ("possessive", "Jane's bloods are back", {("Jane", "PATIENT")}),
    ],
)
def test_when_a_name_has_a_cue_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(NAMES, text, nlp=True) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("modal_will", "Will you check the labs"),
        ("modal_may", "May we discharge tomorrow"),
        ("event", "Grand rounds today at noon"),
        ("no_name", "the patient is stable"),
        ("eponym", "Parkinson's disease follow-up"),
    ],
)
def test_when_a_capitalised_word_is_not_a_name_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


def test_when_there_are_no_tokens_then_nothing_is_found() -> None:
    assert found(NAMES, "Dr Okafor") == set()  # without artifacts the recognizer cannot read


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
    ("text", "name"),
    [
        # two or three initials in one token before a surname, in lower case or capitals
        ("t.r. mbeki to t3-8 once evs is done", "t.r. mbeki"),
        ("accepting a.j. ndayisaba from the ED", "a.j. ndayisaba"),
        ("J.R.K. Oyelowo-Baptiste called back", "J.R.K. Oyelowo-Baptiste"),
    ],
)
def test_when_initials_are_joined_before_a_surname_then_the_name_is_found(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    "text",
    [
        "give lasix 40 p.o. daily, recheck k",
        "seen on a.m. rounds, stable",
        "e.g. warfarin or apixaban if no bleed",
        "a.b. test pending",
    ],
)
def test_when_dotted_letters_are_an_abbreviation_then_no_name_is_found(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()


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
