"""`widen_names`: a patient's name reaches over a second surname and a generational suffix;
honorifics, degrees and practitioners' names stay as found."""

from __future__ import annotations

import pytest

from bot.detect.name_edges import widen_names
from bot.detect.types import Finding, Kind


def _widened(text: str, core: str, subtype: str = "PATIENT") -> str:
    start = text.index(core)
    f = Finding(start, start + len(core), Kind.NAME, 0.85, "NameRecognizer", subtype)
    (out,) = widen_names(text, [f])
    return text[out.start : out.end]


@pytest.mark.parametrize(
    ("text", "core", "expected"),
    [
        ("lists Rita Perry-Clark and", "Rita", "Rita Perry-Clark"),
        ("names Leila Koch II, born", "Leila Koch", "Leila Koch II"),
        ("from John Smith, Jr. today", "John Smith", "John Smith, Jr."),
    ],
)
def test_when_a_second_surname_or_suffix_follows_then_the_name_covers_it(
    text: str, core: str, expected: str
) -> None:
    assert _widened(text, core) == expected


@pytest.mark.parametrize(
    ("text", "core"),
    [
        ("for Mrs Jessica Atkinson, admitted", "Jessica Atkinson"),
        ("Lisbeth Binner B.Eng. (member", "Lisbeth Binner"),
        ("Rita saw Jackson-Pratt drains", "Rita"),  # a lower-case second half: not a surname
        ("ask Rita about-Face", "Rita"),
    ],
)
def test_when_an_honorific_degree_or_word_is_next_then_the_name_stays(text: str, core: str) -> None:
    assert _widened(text, core) == core


def test_when_the_name_is_a_practitioners_then_it_is_left_as_found() -> None:
    assert _widened("Dr. Okafor-Smith II", "Okafor", "PRACTITIONER") == "Okafor"


def test_when_not_a_name_then_left_alone() -> None:
    text = "seen 12/03 Perry-Clark"
    f = Finding(5, 10, Kind.DATE, 0.9, "ClinicalDateRecognizer", "SERVICE_DATE")

    assert widen_names(text, [f]) == [f]
