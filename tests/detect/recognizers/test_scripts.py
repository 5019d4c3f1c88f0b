"""`ScriptNameRecognizer` alone (no spaCy): names in Han and Devanagari script; other scripts'
ordinary words left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.scripts import ScriptNameRecognizer
from bot.detect.staff import StaffDirectory
from tests.detect.recognizers.tables import found

SCRIPTS = ScriptNameRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("han", "患者 王小明 入院", {("王小明", "PATIENT")}),
        ("han_run_on", "患者王小明入院", {("王小明", "PATIENT")}),
        ("patient_word_is_not_the_name", "रोगी राम शर्मा को भर्ती किया", {("राम शर्मा", "PATIENT")}),
        ("han_run_on_possessive", "患者李明的血压偏高", {("李明", "PATIENT")}),
        ("devanagari", "राम शर्मा भर्ती", {("राम शर्मा भर्ती", "PATIENT")}),
        (
            "georgian_in_latin",
            "რაზმაძე, ჯუმბერ insurance denied",
            {("რაზმაძე", "PATIENT"), ("ჯუმბერ", "PATIENT")},
        ),
        ("titled_devanagari", "Dr थापा is running 20 min behind", {("थापा", "PRACTITIONER")}),
        ("titled_dot_upper", "DR. राजकर्णिकार IS RUNNING LATE", {("राजकर्णिकार", "PRACTITIONER")}),
        ("degree_after", "signed by आचार्य, MD today", {("आचार्य", "PRACTITIONER")}),
        ("untitled_in_latin", "pt थापा in room 4 is refusing meds", {("थापा", "PATIENT")}),
        ("hangul_in_han", "김민서的化验结果出来了", {("김민서", "PATIENT")}),
        ("hangul_in_han_spaced", "정지훈 的麻醉同意书已签", {("정지훈", "PATIENT")}),
    ],
)
def test_when_a_name_is_in_another_script_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(SCRIPTS, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("cyrillic_greeting", "Привет"),
        ("latin", "hello"),
        ("han_tomorrow", "患者明天出院"),
        ("han_yesterday", "患者于昨天入院"),
        ("korean_sentence", "환자 상태가 안정적입니다"),
    ],
)
def test_when_a_word_is_not_a_name_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(SCRIPTS, text) == set()


def test_when_a_member_is_named_in_another_script_then_they_are_a_practitioner() -> None:
    scripts = ScriptNameRecognizer()
    scripts.use_staff(StaffDirectory(["नरेन्द्र Thapa"]))
    assert found(scripts, "thanks नरेन्द्र for the coverage") == {("नरेन्द्र", "PRACTITIONER")}
    assert found(scripts, "thanks दिपक for the coverage") == {("दिपक", "PATIENT")}
