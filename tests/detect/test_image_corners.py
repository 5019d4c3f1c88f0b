"""Overlay corners: what a bare corner line is, and which lines stand in a corner zone."""

from __future__ import annotations

import pytest

from bot.detect.image_corners import corner_value, corner_zone, unlabelled_words
from bot.detect.ocr import OcrLine
from bot.detect.types import Kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("PERRYMICHELLE", Kind.NAME),
        ("CCHS DANIELSIDE", Kind.NAME),
        ("M/O24Y", Kind.AGE),
        ("F43yTs", Kind.AGE),
        # photographed digits and Y misread ("6TY" for 67Y, "O7SV" for 075Y); no unit at all
        ("6TY M", Kind.AGE),
        ("F/O7SV", Kind.AGE),
        ("FI039Y", Kind.AGE),
        ("84 F", Kind.AGE),
        ("F 84", Kind.AGE),
        ("M/67", Kind.AGE),
        ("TTY", None),
        ("10 cm", None),
        ("512 MB", None),
        ("XRCHESTPA", None),
        ("W 400 L 40", None),
    ],
)
def test_a_bare_corner_line_is_a_name_an_age_or_nothing(line: str, kind: Kind | None) -> None:
    assert corner_value(line) is kind


def test_unlabelled_words_are_few_words_with_four_letters_or_more() -> None:
    assert unlabelled_words("Walker Clinlc")
    assert not unlabelled_words("Abc")
    assert not unlabelled_words("one two three four five six seven")


def _line(x: int, y: int, w: int, h: int = 16) -> OcrLine:
    quad = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
    return OcrLine("x", quad, (quad,), 0.9)


def test_corner_zones_are_the_four_corners_for_narrow_lines() -> None:
    assert corner_zone(_line(40, 50, 120), 1024, 768) == (True, True)
    assert corner_zone(_line(860, 700, 120), 1024, 768) == (False, False)
    assert corner_zone(_line(40, 300, 120), 1024, 768) is None  # mid-height
    assert corner_zone(_line(40, 50, 600), 1024, 768) is None  # a terminal's wide line
