"""`ScriptNameRecognizer` alone (no spaCy): names in Han and Devanagari script; other scripts'
ordinary words left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.scripts import ScriptNameRecognizer
from tests.detect.recognizers.tables import found

SCRIPTS = ScriptNameRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("han", "患者 王小明 入院", {("王小明", "PATIENT")}),
        ("devanagari", "राम शर्मा भर्ती", {("राम शर्मा भर्ती", "PATIENT")}),
    ],
)
def test_when_a_name_is_in_another_script_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(SCRIPTS, text) == expected


@pytest.mark.parametrize(("case", "text"), [("cyrillic_greeting", "Привет"), ("latin", "hello")])
def test_when_a_word_is_not_a_name_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(SCRIPTS, text) == set()
