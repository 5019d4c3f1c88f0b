"""The burned-in check's reading rule: what counts as a PHI string still readable."""

from __future__ import annotations

from bench.burned_in_bench import readable


def test_a_string_is_readable_within_one_line_of_the_ocr_text() -> None:
    assert readable("OWENS, CHELSEA", "OWENS,CHELSEA  MRN 972514425")
    assert readable("CHELSEA", "noise\nCHELSFA 09/19/2022")  # one edit from six characters on
    assert readable("MERCY GENERAL HOSP", "MERCY GENERALHOSP")


def test_junk_on_separate_lines_does_not_spell_a_painted_name() -> None:
    # Tesseract over speckle: letters on lines of their own, joined only by the check.
    junk = "EOSEEE\n\nOOOE\n\nHE\n\nLSEA\n\nERASY"
    assert not readable("CHELSEA", junk)
    assert not readable("CHELSEA", "HEL\nSEA")
