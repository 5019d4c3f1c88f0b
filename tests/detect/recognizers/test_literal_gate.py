"""The literal gate: the strings a pattern needs, read off the pattern, and skipping a pattern
on a text without them changes no finding (issue 13's speed work)."""

from __future__ import annotations

from typing import ClassVar

import pytest
import regex as re
from presidio_analyzer import Pattern

from bench.text_bench import corpus
from bot.detect.recognizers import default_recognizers
from bot.detect.recognizers.base import ClinicalPatternRecognizer
from bot.detect.recognizers.literal_gate import literal_gate

FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL


@pytest.mark.parametrize(
    ("pattern", "gate"),
    [
        (r"\bMRN\s*#?\s*\d{6,9}\b", ("mrn",)),
        (r"(?-i:[A-Z]\w+\s+(?:County|Parish|Co\.))", ("co.", "county", "parish")),
        (r"\b(?:early\s+)?today\b|\btonight\b", ("today", "tonight")),
        (r"\b\d+\s*(?:days?|wks?)\s+ago\b", ("ago",)),  # the longest string wins
        (r"(?:school|academy){1,2}", ("school", "academy")),
        (r"\p{Lu}\p{L}+\s+Straße\s+\d+", ("stra",)),  # the ß (not ASCII) ends the string
        (r"\p{Lu}[\p{L}'’-]+ Road", (" road",)),
        (r"(?<=bed )\d+", None),  # a lookbehind matches nothing itself
        (r"(?:dr\.?\s+)?[A-Z][a-z]+", None),  # optional
        (r"\d{3}-\d{4}", ("-",)),
        (r"[[:alpha:]]+ road", None),  # a POSIX class: `re` reads it otherwise, so no gate
        (r"(?P<v>a)|(?P<v>b)", None),  # `regex` allows a name twice, `re` does not
    ],
)
def test_the_gate_is_read_off_the_pattern(pattern: str, gate: tuple[str, ...] | None) -> None:
    assert literal_gate(pattern, FLAGS) == (
        tuple(sorted(gate, key=lambda s: (len(s), s))) if gate else None
    )


class Ward(ClinicalPatternRecognizer):
    """A toy recognizer with one gated pattern."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("ward", r"\bward\s+(?P<v>\d+[a-z]?)", 0.6)]


@pytest.mark.parametrize(
    "text",
    [
        "WARD 7b today",
        "Ward\t12",
        "nothing here",
        "ward",
        "ｗａｒｄ 5",
        "Kelvin-ward 3 ſ",
        "wards 3",
    ],
)
def test_gated_and_ungated_runs_find_the_same(text: str) -> None:
    gated = Ward()
    ungated = Ward()
    ungated._compiled = [(n, s, rx, None) for n, s, rx, _ in ungated._compiled]
    found = {(r.start, r.end, r.score) for r in gated.analyze(text, ["TEST_ID"])}
    assert found == {(r.start, r.end, r.score) for r in ungated.analyze(text, ["TEST_ID"])}


def test_a_text_without_the_string_never_runs_the_pattern() -> None:
    recognizer = Ward()
    ((name, score, _, gate),) = recognizer._compiled
    assert gate == frozenset({"ward"})

    class Refuse:
        groupindex: ClassVar[dict[str, int]] = {}

        def finditer(self, text: str) -> list[object]:
            raise AssertionError("the gated pattern ran")

    recognizer._compiled = [(name, score, Refuse(), gate)]
    assert recognizer.analyze("bed 7, no such word", ["TEST_ID"]) == []


def test_every_match_of_every_gated_pattern_holds_one_of_its_strings() -> None:
    """The gate is what the pattern needs: on dev chat and a dev voice, each match of each of
    our patterns contains one of its gate's strings (a wrong gate would drop findings)."""
    texts = [e["text"] for split in ("dev", "lab_eob") for e in corpus(split, 150, 5)[0]]
    checked = 0
    for recognizer in default_recognizers(("Alder Bay Clinic",)):
        for name, _, regex, gate in getattr(recognizer, "_compiled", []):
            if gate is None:
                continue
            for text in texts:
                for match in regex.finditer(text):
                    if match.group().isascii():
                        checked += 1
                        assert any(s in match.group().lower() for s in gate), (name, gate)
    assert checked > 500
