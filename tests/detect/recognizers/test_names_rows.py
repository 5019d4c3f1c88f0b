"""A handover list's rows open with the patient, surname first: in capitals before the given
name ("TE RANGI Aroha", "FONUA, Sione"), or with the given name's initial ("Potter C", "Te Whare
R"); acronyms, lettered places and classes and "I" before a word are no names."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


def _spans(text: str) -> set[str]:
    return {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Handover:\n1. TE RANGI Aroha 72F sepsis", "TE RANGI Aroha"),
        ("TAMIHANA, Tama 45F sepsis", "TAMIHANA, Tama"),
        ("FONUA, Sione for dialysis", "FONUA, Sione"),
        ("2. LIN Xinyi 42M AKI", "LIN Xinyi"),
        ("2. KWON, Mi-young 88F AKI", "KWON, Mi-young"),
        ("EL-MASRI, Omar 60M", "EL-MASRI, Omar"),
        ("Bed 3 - TUPOU Sione - for dialysis", "TUPOU Sione"),
    ],
)
def test_when_a_row_opens_with_a_surname_in_capitals_then_surname_and_given_name_are_found(
    text: str, name: str
) -> None:
    assert name in _spans(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Potter C in bay 3 needs bloods", "Potter C"),
        ("Yang J. for TTO", "Yang J."),
        ("Raghunathan V for TTO, ODP aware", "Raghunathan V"),
        ("bay 20: Yoon Y, Te Whare R", "Te Whare R"),
        ("bay 15: Olaniyan O, Vu T", "Vu T"),
        ("- Al-Sayed R: bloods", "Al-Sayed R"),
        ("- Navarro Gil I: bloods", "Navarro Gil I"),
    ],
)
def test_when_a_row_opens_with_a_surname_and_an_initial_then_both_are_found(
    text: str, name: str
) -> None:
    assert name in _spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Vitamin D levels low",
        "Group B strep positive",
        "Ward C is closed",
        "Young T cells were low",
        "Potter I think is fine",
        "CT Head normal",
        "Plan B for tomorrow",
        "Hep C positive",
        "Type O blood",
        "Troponin T raised",
        "West C has two beds",
    ],
)
def test_when_a_row_opens_with_an_acronym_or_a_lettered_thing_then_no_name_is_found(
    text: str,
) -> None:
    assert _spans(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Theatre list: RAGHUNATHAN Karthik (lap chole)", "RAGHUNATHAN Karthik"),
        ("1. ÓLAFSSON Anna 50F", "ÓLAFSSON Anna"),
        ("1. ROMERO SERRANO, Pilar 30F", "ROMERO SERRANO, Pilar"),
    ],
)
def test_when_the_surname_in_capitals_is_evidence_enough_then_a_weaker_given_name_joins_it(
    text: str, name: str
) -> None:
    # "Karthik" is one letter from a word, "Anna" and "Pilar" are also words
    assert name in _spans(text)


@pytest.mark.parametrize(
    "text",
    ["URGENT Please review", "MRSA Screen sent", "COVID Swab negative", "PACU Recovery slow"],
)
def test_when_a_word_in_capitals_opens_a_sentence_then_the_next_word_is_no_given_name(
    text: str,
) -> None:
    assert _spans(text) == set()


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # a hyphen glued to the words either side joins a term: no row opens (9b5d655)
        ("PICC tip confirmed. Child-Pugh B on the new calculator.", None),
        ("Score is Child-Pugh C today", None),
        # a bullet's hyphen, spaced, still opens a row
        ("- Pugh B in bay 3, for bloods", "Pugh B"),
        ("Handover:\n- Potter C in bay 3", "Potter C"),
    ],
)
def test_when_a_hyphen_joins_a_term_then_no_row_but_a_bullet_still_opens_one(
    text: str, row: str | None
) -> None:
    spans = _spans(text)
    if row is None:
        assert not any("Pugh" in s for s in spans)
    else:
        assert row in spans
