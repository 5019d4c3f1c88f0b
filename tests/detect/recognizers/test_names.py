"""`NameRecognizer` over a blank tokenizer (no spaCy model, so no entities or tags): the rules
alone find titled names, cued names, "Last, First" and relatives; capitalised chat words and
eponyms are left alone. Each source's own tables are in its test module (`test_names_titled`,
`test_names_pairs`, `test_names_runs`, ...)."""

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
