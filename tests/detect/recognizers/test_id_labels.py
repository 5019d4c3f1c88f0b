"""`id_labels`: the label words and the value grammar every labelled-number rule shares."""

from __future__ import annotations

import pytest
import regex as re

from bot.detect.recognizers.id_labels import LABEL, SEP, VALUE

_LABELLED = re.compile(rf"(?:{LABEL}){SEP}{VALUE}", re.IGNORECASE)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Claim #: 854-7364349-10", "854-7364349-10"),
        ("member 9629 4233 KJ", "9629 4233 KJ"),
        ("Kundennummer 7880 1234", "7880 1234"),
        ("policy WC 9965406", "WC 9965406"),
        ("member number given as 4471902", "4471902"),
    ],
)
def test_when_a_label_is_followed_by_a_value_then_the_grammar_reads_the_value(
    text: str, value: str
) -> None:
    match = _LABELLED.fullmatch(text)
    assert match is not None and match.group("v") == value


@pytest.mark.parametrize("text", ["member ID KJ", "policy applies"])
def test_when_the_value_has_no_digit_then_the_grammar_reads_none(text: str) -> None:
    assert _LABELLED.fullmatch(text) is None
