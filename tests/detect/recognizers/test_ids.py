"""`IdRecognizer` and `SsnRecognizer` alone (no spaCy): labelled record numbers and SSNs; lab
values and impossible SSNs left alone."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.ids import IdRecognizer, SsnRecognizer
from tests.detect.recognizers.tables import found

IDS, SSN = IdRecognizer(), SsnRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("mrn_labelled", IDS, "MRN 12345678", {("12345678", "MRN")}),
        ("mrn_colon_lowercase", IDS, "mrn: 4471923", {("4471923", "MRN")}),
        ("order_number", IDS, "order 12345", {("12345", "MRN")}),
        ("letters_then_digits", IDS, "chart ab4-55678", {("ab4-55678", "MRN")}),
        ("ssn_labelled", SSN, "SSN 123-45-6789", {("123-45-6789", "SSN")}),
        ("ssn_bare", SSN, "123-45-6789", {("123-45-6789", "SSN")}),
    ],
)
def test_when_an_identifier_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


def test_when_a_label_names_the_number_then_it_scores_higher_than_bare_digits() -> None:
    labelled = IDS.analyze("MRN 12345678", ["ID"])
    bare = IDS.analyze("room 12345678", ["ID"])
    assert max(r.score for r in labelled) == 1.0
    assert max(r.score for r in bare) < 0.85


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("potassium", IDS, "K 4.1"),
        ("short_number", IDS, "bed 12"),
        ("ssn_area_000", SSN, "000-12-3456"),
        ("ssn_area_666", SSN, "666-12-3456"),
        ("phone_extension", IDS, "blood bank is x4-5567 if anyone needs it"),
        ("phone_extension_ext", IDS, "call ext4-5567 for the lab"),
        ("phone_extension_run_together", IDS, "pharmacy x45567"),
    ],
)
def test_when_a_number_is_not_an_identifier_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()
