"""A ward's own words explain some name-shaped spans: Latin after a list's letter ("A. de novo"),
a drug where one is started or dosed ("started on Tazocin"), an eponym's disease before its
treatment ("Parkinson's meds"), and ward shorthand in capitals ("DNACPR", "SHO"); the names
beside the same words stay ("M. de Rosa", "Mr Parkinson's meds")."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()


def _spans(text: str) -> set[str]:
    return {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize(
    "text",
    [
        "A. de novo mutation was found on sequencing",
        "Handover:\n1. A. ab initio thrombus",
        "Ward update: A. per os lesion; PEEP in place.",
        "Bay 17 update: C. status quo thrombus, B. sine die carcinoma, obs stable",
        "Ward update: A. status quo DVT; ab initio mutation on imaging.",
        "started on Sytron, SOB reviewed",
        "Reminder to all: started on Tazocin, CAP reviewed for every patient on the list",
        "Reminder to all: Parkinson's meds noted for every patient on the list",
        "DNACPR in place, discussed with family",
        "NEWS2 of 5, escalated to SHO",
    ],
)
def test_when_a_ward_phrase_looks_like_a_name_then_no_name_is_found(text: str) -> None:
    assert _spans(text) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("M. de Rosa for review", "M. de Rosa"),
        ("H. da Paz seen in clinic", "H. da Paz"),
        ("Mr Parkinson's meds are in the locker", "Parkinson"),
        ("Okafor A, Bed 6, NBM", "Okafor A"),
    ],
)
def test_when_a_name_stands_beside_the_same_words_then_it_is_found(text: str, name: str) -> None:
    assert name in _spans(text)
