"""The per-frame analyser's geometry: which part of an OCR line a finding paints over."""

from __future__ import annotations


def test_in_a_dicom_banner_a_span_over_most_of_a_line_paints_the_whole_line() -> None:
    from bot.detect.ocr import OcrLine, split_quad
    from bot.detect.pixels import WHOLE_LINE_SHARE, span_quads

    text = "AGUILARPAMELA..877423187"
    quad = ((0.0, 0.0), (240.0, 0.0), (240.0, 20.0), (0.0, 20.0))
    line = OcrLine(text, quad, split_quad(quad, text), 0.9)
    name = (0, len("AGUILARPAMELA"))
    (part,) = span_quads([line], [0], *name)
    (whole,) = span_quads([line], [0], *name, WHOLE_LINE_SHARE)
    assert len(part) == 13 and len(whole) == len(text)
