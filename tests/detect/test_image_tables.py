"""Code columns: a table's codes under a "Code" header are not identifiers; other numbers are."""

from __future__ import annotations

import numpy as np
import pytest

from bot.detect.image_faces import NoFaceDetector
from bot.detect.image_tables import code_cells
from bot.detect.ocr import OcrLine, split_quad
from bot.detect.pixels import PixelAnalyzer
from tests.detect.image_fakes import FakeOcr, FakeTextEngine

# text, x, y, width, height in a 1024x768 frame; the tables stand mid-frame, clear of the
# overlay corners (`pixels.corner_findings`), whose rule is tested on its own
Line = tuple[str, int, int, int, int]


def _painted(lines: list[Line]) -> set[str]:
    """The OCR lines the analyser paints over (any finding's box on the line's row)."""
    analyzer = PixelAnalyzer(FakeTextEngine(), FakeOcr(lines, 1024), NoFaceDetector())
    analysis = analyzer.analyze(np.zeros((768, 1024, 3), np.uint8))
    boxes = [f.box for f in analysis.findings if f.box]
    return {
        text
        for text, x, y, w, h in lines
        if any(abs(b[1] - y) < 4 and b[0] < x + w and x < b[0] + b[2] for b in boxes)
    }


SHEET: list[Line] = [
    ("Code", 46, 336, 40, 14),
    ("Description", 166, 336, 90, 14),
    ("System", 606, 336, 60, 14),
    ("44054006", 46, 362, 70, 14),
    ("Diabetes mellitus type 2", 166, 362, 190, 14),
    ("SNOMED CT", 606, 362, 90, 14),
    ("99213", 46, 388, 46, 14),
    ("Office visit, established", 166, 388, 200, 14),
    ("CPT", 606, 388, 30, 14),
    ("4548-4", 47, 414, 52, 14),
    ("38341003", 45, 440, 70, 14),
]


def test_when_codes_stand_in_a_column_headed_code_then_nothing_is_painted() -> None:
    assert _painted(SHEET) == set()


@pytest.mark.parametrize(
    ("extra", "painted"),
    [
        (("40718823", 606, 466, 70, 14), "40718823"),  # in another column than the codes
        (("MRN 40718823", 46, 466, 110, 14), "MRN 40718823"),  # a label in the cell
        (("40718823", 46, 320, 70, 10), "40718823"),  # above the header, not under it
    ],
)
def test_when_a_number_is_outside_a_code_cell_then_it_is_painted(extra: Line, painted: str) -> None:
    assert _painted([*SHEET, extra]) == {painted}


def test_a_worklists_patient_id_column_is_no_code_column() -> None:
    worklist: list[Line] = [
        ("Patient ID", 46, 336, 80, 14),
        ("40718823", 46, 362, 70, 14),
        ("E7357725", 46, 388, 70, 14),
    ]
    assert _painted(worklist) == {"40718823", "E7357725"}


def test_code_cells_are_the_code_shaped_lines_under_a_header_at_its_left_edge() -> None:
    def line(text: str, x: float, y: float) -> OcrLine:
        quad = ((x, y), (x + 8 * len(text), y), (x + 8 * len(text), y + 14), (x, y + 14))
        return OcrLine(text, quad, split_quad(quad, text), 0.9)

    lines = [
        line("CPT Code", 40, 10),
        line("99213", 42, 40),
        line("E11.9", 40, 70),
        line("Low back pain", 40, 100),
        line("71046", 90, 130),
    ]
    assert code_cells(lines) == [1, 2]


def test_a_column_slanted_by_a_photos_perspective_is_followed_cell_by_cell() -> None:
    slanted: list[Line] = [
        ("Code", 46, 336, 40, 14),
        ("44054006", 54, 362, 70, 14),
        ("38341003", 62, 388, 70, 14),
        ("99213", 70, 414, 46, 14),
        ("71046", 78, 440, 46, 14),  # 32 px off the header's edge, 8 off the cell above
    ]
    assert _painted(slanted) == set()
    jump = ("40718823", 118, 466, 70, 14)  # 40 px off the cell above: another column
    assert _painted([*slanted, jump]) == {"40718823"}
