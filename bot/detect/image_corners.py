"""Overlay corners: a viewer stacks the patient's block in one corner of the image, often with
no label on the name or the institution, and photographed OCR runs its words together
("PERRYMICHELLE"). Once a corner shows PHI already found, its bare word lines and age/sex lines
are painted too (raster frames; `PixelAnalyzer.analyze` decides where the rule runs).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.detect.image_vocab import vocabulary_only
from bot.detect.ocr import OcrLine, quad_bounds
from bot.detect.types import Finding, Kind

# A line of a corner overlay that is only words, no label and no digits: a name or an
# institution when it stands in a block that already shows an identifier or a date.
_WORDS_ONLY = re.compile(r"^[A-Za-z][A-Za-z'\-^~,. ]*[A-Za-z.]$")


# An age and sex line as photographed: OCR reads digits as letters (0 as O or D, 8 as B, 7 as T,
# 1 as l or I, 5 as S), Y as V, the slash as I, l or a backslash, and mangles "yrs" ("M/O24Y",
# "0B1YF", "F43yTs", "6TY M", "FI039Y"); or
# an age and sex with no unit at all ("84 F", "F 84", "M/67"), which only a patient's corner
# makes an age.
_AGE_SEX_LOOSE = re.compile(
    r"^(?:[MF]\s?[/,|Il\\]?\s?)?[\dOoBDTlIS]{2,3}\s?[YyVv](?:[Tt]?[Rr]?[Ss])?(?:\s?[/,|Il\\]?\s?[MF])?$"
    r"|^[MF]\s?[/,]?\s?\d{1,3}$|^\d{1,3}\s?[/,]?\s?[MF]$"
)


def corner_value(line: str) -> Kind | None:
    """What a bare line of a patient's overlay corner is, judged on its text alone: a name or
    place (`unlabelled_words`), an age and sex, or nothing to paint."""
    text = line.strip()
    if _AGE_SEX_LOOSE.match(text) and any(ch.isdigit() for ch in text):
        return Kind.AGE
    return Kind.NAME if unlabelled_words(text) else None


def unlabelled_words(line: str) -> bool:
    """Whether an OCR line is bare words (four letters or more, at most five words) that are not
    technique, study or label words: in a patient's overlay corner, a name or a place."""
    text = line.strip()
    if not _WORDS_ONLY.match(text) or sum(ch.isalpha() for ch in text) < 4:
        return False
    words = [w for w in re.split(r"[ ,^~.]+", text) if w]
    return len(words) <= 5 and not vocabulary_only(text)


# Overlay corners. Viewers stack the patient's block in one corner of the image (name, ID, DOB,
# age/sex top left; institution, referring physician, study date top right), often with no label
# on the name or the institution, and photographed OCR runs its words together ("PERRYMICHELLE").
# A corner zone is the top or bottom `CORNER_ROWS` of the frame, left or right of the middle
# `1 - 2 * CORNER_COLS`, holding lines narrower than `CORNER_LINE_WIDTH` of the frame (a terminal's
# lines are wider). A zone that shows an identifier, date, age or name already found is a
# patient's block, and its bare word lines and age/sex lines are painted too, unless the line
# stands in a row of others (a menu bar).
CORNER_ROWS = 0.25
CORNER_COLS = 0.45
CORNER_LINE_WIDTH = 0.4
CORNER_RECOGNIZER = "OverlayCorner"
_ANCHORS = frozenset({Kind.ID, Kind.DATE, Kind.AGE, Kind.NAME})


def corner_zone(line: OcrLine, width: int, height: int) -> tuple[bool, bool] | None:
    """(top, left) of the corner zone the line stands in, or None."""
    x0, y0, x1, y1 = quad_bounds([line.quad])
    if x1 - x0 > CORNER_LINE_WIDTH * width:
        return None
    rows = CORNER_ROWS * height
    top = True if y1 <= rows else False if y0 >= height - rows else None
    cols = CORNER_COLS * width
    left = True if x1 <= cols else False if x0 >= width - cols else None
    return None if top is None or left is None else (top, left)


def corner_findings(
    lines: Sequence[OcrLine],
    starts: Sequence[int],
    findings: Sequence[Finding],
    width: int,
    height: int,
) -> list[Finding]:
    """Bare name and age/sex lines of overlay corners that already show PHI (see CORNER_ROWS)."""
    zones = {i: corner_zone(line, width, height) for i, line in enumerate(lines)}
    anchored: set[tuple[bool, bool]] = set()
    for f in findings:
        if f.kind not in _ANCHORS:
            continue
        for i, line in enumerate(lines):
            zone = zones[i]
            if zone is not None and f.start < starts[i] + len(line.text) and f.end > starts[i]:
                anchored.add(zone)
    out: list[Finding] = []
    for i, line in enumerate(lines):
        if zones[i] not in anchored or _in_a_row(i, lines, zones):
            continue
        kind = corner_value(line.text)
        if kind is not None:
            lead = len(line.text) - len(line.text.lstrip())
            start, end = starts[i] + lead, starts[i] + len(line.text.rstrip())
            out.append(Finding(start, end, kind, 0.7, CORNER_RECOGNIZER, "OVERLAY_CORNER"))
    return out


def _in_a_row(i: int, lines: Sequence[OcrLine], zones: dict[int, tuple[bool, bool] | None]) -> bool:
    """Whether two or more other lines of the zone stand beside line i on its row: a menu bar or
    a toolbar ("File", "Edit", "View" read as lines of their own), not a stacked overlay block."""
    x0, y0, x1, y1 = quad_bounds([lines[i].quad])
    beside = 0
    for j, other in enumerate(lines):
        if j == i or zones[j] != zones[i]:
            continue
        a0, b0, a1, b1 = quad_bounds([other.quad])
        overlap = min(y1, b1) - max(y0, b0)
        if overlap > 0.5 * min(y1 - y0, b1 - b0) and (a1 <= x0 or a0 >= x1):
            beside += 1
    return beside >= 2
