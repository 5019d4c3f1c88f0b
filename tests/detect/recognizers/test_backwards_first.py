"""`BACKWARDS_FIRST`: a pattern searched from the end first runs forwards only on a text where
that finds a match, and finds what it found before (issue 13's speed work)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from presidio_analyzer import Pattern

from bench.text_bench import corpus
from bot.detect.recognizers import default_recognizers
from bot.detect.recognizers.base import ClinicalPatternRecognizer


class Years(ClinicalPatternRecognizer):
    """A toy recognizer: a long alternation of words, then a year."""

    ENTITY = "TEST_DATE"
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"month_year"})
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "month_year", r"\b(?:janvier|juillet|enero|gennaio)\s+(?P<v>(?:19|20)\d{2})\b", 0.6
        ),
    ]


class Refuse:
    groupindex: ClassVar[dict[str, int]] = {}

    def finditer(self, text: str) -> list[object]:
        raise AssertionError("the pattern ran forwards")


def test_when_no_match_is_found_backwards_then_the_pattern_does_not_run() -> None:
    recognizer = Years()
    ((name, score, _, gate, digits),) = recognizer._compiled
    recognizer._compiled = [(name, score, Refuse(), gate, digits)]
    assert recognizer.analyze("seen in janvier, back 2024 for review", ["TEST_DATE"]) == []
    assert recognizer.analyze("no year after enero here", ["TEST_DATE"]) == []


@pytest.mark.parametrize("text", ["admitted janvier 2024 via ED", "ENERO 1999", "gennaio  2031."])
def test_when_a_match_is_found_backwards_then_the_forward_match_is_reported(text: str) -> None:
    with_backwards = Years()
    without = Years()
    without._refine_needs = {}
    found = {(r.start, r.end) for r in with_backwards.analyze(text, ["TEST_DATE"])}
    assert found and found == {(r.start, r.end) for r in without.analyze(text, ["TEST_DATE"])}


@pytest.mark.parametrize(
    "regex",
    [
        r"(\d)-\1",  # a back-reference is met before its group backwards
        r"(?P<d>\d)-(?P=d)",
        r"(?>a+)b",  # atomic group
        r"a++b",  # possessive repeats
        r"\d{2,}+x",
    ],
)
def test_a_pattern_that_may_match_one_way_only_is_refused(regex: str) -> None:
    class OneWay(ClinicalPatternRecognizer):
        ENTITY = "TEST_ID"
        BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"p"})
        PATTERNS: ClassVar[list[Pattern]] = [Pattern("p", regex, 0.5)]

    with pytest.raises(ValueError, match="one way"):
        OneWay()


def test_a_name_that_is_no_pattern_is_refused() -> None:
    class Typo(Years):
        BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"month_yaer"})

    with pytest.raises(ValueError, match="names no pattern"):
        Typo()


def test_every_backwards_pattern_finds_a_match_in_the_texts_it_found_one_in_forwards() -> None:
    """On dev chat and two dev voices with addresses and dates, each pattern searched backwards
    first has a match backwards exactly where it has one forwards (else findings would go)."""
    texts = [e["text"] for e in corpus("dev", 300, 5)[0]]
    texts += [e["text"] for e in corpus("intake_desk", 300, 5)[0]]
    texts += [e["text"] for e in corpus("clinic_letters", 300, 5)[0]]
    checked = found = 0
    for recognizer in default_recognizers(("Alder Bay Clinic",)):
        if not isinstance(recognizer, ClinicalPatternRecognizer):
            continue
        for name, _, regex, *_ in recognizer._compiled:
            if name not in recognizer.BACKWARDS_FIRST:
                continue
            backwards = recognizer._refine_needs[name]
            checked += 1
            for text in texts:
                forwards = regex.search(text) is not None
                found += forwards
                assert forwards == (backwards.search(text) is not None), name
    assert checked >= 30 and found >= 50


def test_a_greedy_repeat_of_a_property_class_is_no_possessive_one() -> None:
    class Property(ClinicalPatternRecognizer):
        ENTITY = "TEST_ID"
        BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"p"})
        PATTERNS: ClassVar[list[Pattern]] = [Pattern("p", r"\p{Lu}+ (?P<v>\d{4})", 0.5)]

    assert Property().analyze("ref ABC 1234", ["TEST_ID"])
