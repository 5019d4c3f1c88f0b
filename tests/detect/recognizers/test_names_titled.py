"""`names_titled` through `NameRecognizer` over a blank tokenizer: a name after a title or
an initial, and dotted abbreviations that are no initials."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


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
    ("text", "name"),
    [
        # a capital initial, a particle and a capitalised surname that is also a word
        ("handoff: room 9-182 H. da Paz 101 y/o febrile neutropenia", "H. da Paz"),
        ("M. de Rosa to CT after lunch", "M. de Rosa"),
    ],
)
def test_when_an_initial_and_a_particle_open_a_surname_then_the_name_is_found(
    text: str, name: str
) -> None:
    assert name in {span for span, _ in found(NAMES, text, nlp=True)}


def test_when_a_lower_case_initial_and_a_particle_open_an_eponym_then_no_name_is_found() -> None:
    assert found(NAMES, "see p. de Quervain for the wrist", nlp=True) == set()
