"""Code columns: in a table's column headed "Code", the cells are codes, not identifiers.

A spreadsheet or report of clinical code systems lists SNOMED CT concepts ("44054006"), CPT
codes ("99213") and LOINC codes ("4548-4") in a column of their own, one cell per OCR line, and
a bare run of five to eight digits on a line of its own is what the layout hints take for an
MRN (consoles dev split: all six of its spreadsheet screens were altered, codes painted and, in
photos, the overlay-corner rule then painting the headers beside them). A code names a concept,
not a person. `code_cells` finds the columns: an OCR line that is only a header (`HEADERS`:
"Code", "CPT Code", "Concept ID"), and the code-shaped lines below it whose left edge stands
where the header's does; an ID (or a number read as a phone or a date) inside one of those
cells is dropped. A number anywhere else, an MRN in a worklist's "Patient ID" column, or a cell
with a label or more words in it ("MRN 40718823" under "Code") stays as found.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.detect.ocr import OcrLine, quad_bounds
from bot.detect.types import Finding, Kind

# A column header that says its cells are codes: the line is this alone. A code system's name
# alone is no header: it is as often a cell of a "System" column, above other numbers.
HEADERS = frozenset(
    {
        "code",
        "codes",
        "cpt code",
        "icd code",
        "icd-10 code",
        "icd-10-cm code",
        "loinc code",
        "snomed code",
        "snomed ct code",
        "dx code",
        "concept id",
        "concept code",
    }
)
# A code as a cell shows it: letters, digits, a dot or a dash, with a digit ("E11.9", "I10",
# "4548-4", "44054006").
_CODE = re.compile(r"(?=[A-Z0-9.-]*\d)[A-Z]?[0-9][0-9A-Z.-]{1,11}", re.IGNORECASE)
# How far a cell's left edge may stand from its header's, in header heights.
ALIGN_HEIGHTS = 1.0
# What a code cell is misread as: an identifier, a phone number, a date
_MISREAD_KINDS = frozenset({Kind.ID, Kind.CONTACT, Kind.DATE})


def code_cells(lines: Sequence[OcrLine]) -> list[int]:
    """Indexes of the lines that are cells of a code column (see the module docstring).

    Down from its header, a column's next cell is the next code-shaped line whose left edge
    stands within `ALIGN_HEIGHTS` header heights of the cell above it: a phone photo's
    perspective slants a column, so the tenth cell may stand well off its header's edge."""
    boxes = [quad_bounds([line.quad]) for line in lines]
    codes = sorted(
        (i for i, line in enumerate(lines) if _CODE.fullmatch(line.text.strip())),
        key=lambda i: boxes[i][1],
    )
    cells: set[int] = set()
    for line, (left, top, _, bottom) in zip(lines, boxes, strict=True):
        if " ".join(line.text.lower().split()).rstrip(":") not in HEADERS:
            continue
        tolerance = ALIGN_HEIGHTS * (bottom - top)
        for i in codes:
            x0, y0, _, y1 = boxes[i]
            if y0 >= bottom - tolerance / 2 and abs(x0 - left) <= tolerance:
                cells.add(i)
                left, bottom = x0, y1
    return sorted(cells)


def drop_codes(
    lines: Sequence[OcrLine], starts: Sequence[int], findings: Iterable[Finding]
) -> list[Finding]:
    """Findings (IDs, numbers read as a phone or a date) that lie inside a code column's cell."""
    spans = [(starts[i], starts[i] + len(lines[i].text)) for i in code_cells(lines)]
    return [
        f
        for f in findings
        if f.kind not in _MISREAD_KINDS or not any(s <= f.start and f.end <= e for s, e in spans)
    ]
