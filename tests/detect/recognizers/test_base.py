"""The recognizer plumbing: a match reports only its value, context is read in its own clause,
and `refine` sees the whole text (no spaCy: the recognizer runs on raw text)."""

from __future__ import annotations

from typing import ClassVar

import pytest
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    get_subtype,
    outermost,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
    wordset,
)


class WardCode(ClinicalPatternRecognizer):
    """A toy recognizer: `WC-1234`, its digits reported, stronger after "code"."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("wc_weak", r"\bWC-(?P<v>\d{4})\b", 0.4)]
    CONTEXT: ClassVar[list[str]] = ["code"]
    SUBTYPE = "ward_code"
    NEEDS_DIGIT = True

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        return None if text[result.start : result.end] == "0000" else result


def _found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in WardCode().analyze(text, ["TEST_ID"])]


def test_a_named_value_group_reports_only_the_value() -> None:
    ((value, score),) = _found("bed WC-1234 today")
    assert value == "1234" and score == pytest.approx(0.4)


def test_a_context_word_before_the_match_raises_its_score() -> None:
    assert _found("the code WC-1234") == [("1234", pytest.approx(0.75))]


def test_a_context_word_in_another_clause_does_not_count() -> None:
    assert _found("code, then WC-1234") == [("1234", pytest.approx(0.4))]


def test_refine_may_drop_a_match_knowing_its_text() -> None:
    assert _found("WC-0000 and WC-1234") == [("1234", pytest.approx(0.4))]


def test_a_match_carries_its_pattern_and_subtype() -> None:
    (result,) = WardCode().analyze("WC-1234", ["TEST_ID"])
    assert pattern_name(result) == "wc_weak" and get_subtype(result) == "ward_code"
    assert get_subtype(set_subtype(result, "other")) == "other"


def test_without_a_digit_a_digit_only_recognizer_finds_nothing() -> None:
    assert _found("WC-abcd and no numbers") == []


def test_words_around_a_position_stay_in_their_clause_lowercased_nearest_in_order() -> None:
    text = "Seen on: 3/6 by Dr. Ames; follow-up"
    at = text.index("3/6")
    assert words_before(text, at) == ["seen", "on"]
    assert words_before(text, at, n=1) == ["on"]
    assert words_after(text, at + 3) == ["by", "dr", "ames"]
    assert words_after(text, text.index(";")) == []  # the clause ends at ";"


def test_a_word_list_reads_as_a_set() -> None:
    assert wordset("mrn\n  bed  ward") == frozenset({"mrn", "bed", "ward"})


def test_when_one_result_holds_another_then_only_the_outer_one_stays() -> None:
    # issue 13, `account_desk`: "C for charlie one zero one" and its "charlie one zero one";
    # `spoken_ids` and `verbal_secrets` share this
    outer = RecognizerResult("ID", 0, 20, 0.8)
    inner = RecognizerResult("ID", 6, 20, 0.8)
    again = RecognizerResult("ID", 0, 20, 0.8)
    apart = RecognizerResult("ID", 25, 30, 0.8)
    assert outermost([inner, outer, again, apart]) == [outer, apart]
