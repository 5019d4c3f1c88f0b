"""The overlay vocabulary: words the OCR ran together, technique codes, series labels."""

from __future__ import annotations

import pytest

from bot.detect.image_vocab import series_label, technique_code, vocabulary_only


@pytest.mark.parametrize("span", ["XRCHESTPA", "MR KNEE LT", "CTABDOMEN", "Pleth"])
def test_study_descriptions_are_vocabulary_even_run_together(span: str) -> None:
    assert vocabulary_only(span)


@pytest.mark.parametrize("span", ["PERRYMICHELLE", "Walker Clinic", "KNEE 12345"])
def test_names_and_numbers_are_no_vocabulary(span: str) -> None:
    assert not vocabulary_only(span)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("kVp120mAs200", True),
        ("5e4", True),
        ("W1500L", True),
        ("CT1234567", False),
        ("A1234567", False),
    ],
)
def test_technique_codes_but_not_accessions(span: str, expected: bool) -> None:
    assert technique_code(span) is expected


@pytest.mark.parametrize(
    ("span", "expected"),
    [("543CORMPR", True), ("5045AGSTIR", True), ("1234STIR", False), ("12345678CORMPR", False)],
)
def test_series_labels_need_two_series_words_and_a_short_number(span: str, expected: bool) -> None:
    assert series_label(span) is expected
