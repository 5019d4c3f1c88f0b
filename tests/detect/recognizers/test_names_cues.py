"""Cue words around a candidate name, read on a blank spaCy tokenizer (no model): how strong the
evidence is that it is a person, and whose name it is (the examples are the rules' own)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import Lexicon
from bot.detect.recognizers.names_words import NameWords
from bot.detect.staff import StaffDirectory

NLP = spacy.blank("en")
LEX = Lexicon(
    first=frozenset(),
    last=frozenset(),
    ambiguous=frozenset(),
    english=frozenset(),
    eponyms=frozenset(),
    eponym_phrases=frozenset(),
)
CUES = NameCues(NameWords(LEX))


def _span(text: str, name: str) -> tuple[Doc, int, int]:
    doc = NLP(text)
    start = next(t.i for t in doc if t.text == name.split()[0])
    return doc, start, start + len(name.split())


@pytest.mark.parametrize(
    ("text", "name", "cue"),
    [
        ("paged about Warsame", "Warsame", "strong"),
        ("bed 22 Beccaria", "Beccaria", "room"),
        ("Giannone bay 15", "Giannone", "room"),
        ("holly hunt dob: 1/2/50", "holly hunt", "strong"),
        ("Tesfaye -> Eastfield Regional", "Tesfaye", "strong"),
        ("Warsame", "Warsame", ""),
    ],
)
def test_the_words_around_a_span_grade_the_evidence(text: str, name: str, cue: str) -> None:
    assert CUES.cue(*_span(text, name)) == cue


@pytest.mark.parametrize(
    ("text", "name", "subtype"),
    [
        ("seen by attending Okafor", "Okafor", "PRACTITIONER"),
        ("Okafor MD signed", "Okafor", "PRACTITIONER"),
        ("called wife Amara", "Amara", "RELATIVE"),
        ("thanks Kaja", "Kaja", "PATIENT"),  # untitled and not a member: the patient's
    ],
)
def test_titles_and_relations_decide_whose_name_it_is(text: str, name: str, subtype: str) -> None:
    assert CUES.subtype(*_span(text, name)) == subtype


def test_a_workspace_member_is_staff_however_the_name_is_phrased() -> None:
    cues = NameCues(NameWords(LEX), StaffDirectory(["Kaja Lindqvist"]))
    assert cues.subtype(*_span("thanks Kaja", "Kaja")) == "PRACTITIONER"
