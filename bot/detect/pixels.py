"""The per-frame analyser: PHI in one frame of pixels, for raster images and DICOM alike.

OCR reads the text with character boxes, the text engine plus overlay layout hints find PHI in
it, known header values (a DICOM's name, MRN) are matched verbatim, every span is mapped back
to polygons, and faces are detected. `ImageScanner` (raster) and `DicomScanner` both call
`PixelAnalyzer.analyze`; neither knows the other's file format.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from bot.detect.image_corners import corner_findings
from bot.detect.image_faces import FaceDetector, HaarFaceDetector
from bot.detect.image_layout import layout_hints
from bot.detect.image_preprocess import prepare, stretch_bands
from bot.detect.image_redact import blur_regions, paint_boxes, polygon_bounds, span_polygon
from bot.detect.image_suppress import suppress_technical
from bot.detect.image_tables import drop_codes
from bot.detect.image_tokens import (
    demerged,
    drop_technical,
    find_terms,
    labelled,
    map_back,
    technical_screen,
)
from bot.detect.ocr import OcrLine, PhiOcr, Quad, build_ocr
from bot.detect.person_numbers import RECOGNIZER as PERSON_NUMBERS
from bot.detect.types import Box, Finding, ImageFinding, Kind, Polygon, ScanResult

if TYPE_CHECKING:
    from PIL import Image


class TextScanner(Protocol):
    """What the image pipeline needs from `bot.detect.engine.TextEngine`."""

    def scan(self, text: str) -> ScanResult: ...


@dataclass(slots=True)
class PixelAnalysis:
    """PHI found in one frame of pixels: text regions to paint and faces to blur."""

    findings: list[ImageFinding] = field(default_factory=list)
    polygons: list[Polygon] = field(default_factory=list)
    faces: list[Box] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.polygons and not self.faces

    def paint(self, image: Image.Image) -> None:
        """Paint the text over and blur the faces, in place."""
        paint_boxes(image, self.polygons)
        blur_regions(image, self.faces)

    def regions(self) -> tuple[Polygon, ...]:
        """Every painted area as a polygon (face boxes as rectangles)."""
        faces = (((x, y), (x + w, y), (x + w, y + h), (x, y + h)) for x, y, w, h in self.faces)
        return (*self.polygons, *faces)


class PixelAnalyzer:
    """OCR + text engine + layout hints + faces over one RGB frame. Load once per process."""

    def __init__(
        self,
        text_engine: TextScanner,
        ocr: PhiOcr | None = None,
        face_detector: FaceDetector | None = None,
        *,
        ocr_engine: str = "rapidocr",
        institutions: Sequence[str] = (),
    ) -> None:
        self.text_engine = text_engine
        self.ocr = ocr if ocr is not None else build_ocr(ocr_engine)
        self.faces = face_detector if face_detector is not None else HaarFaceDetector()
        self.institutions = tuple(institutions)

    def analyze(
        self,
        rgb: np.ndarray,
        terms: Sequence[tuple[str, Kind]] = (),
        *,
        bands: bool = False,
        corners: bool | None = None,
    ) -> PixelAnalysis:
        """PHI in one RGB frame: text spans mapped to polygons, plus faces.

        `terms` are known identifying values (a DICOM header's name, MRN) to find at character
        level; `bands` stretches low-contrast banner bands before the OCR reads them (DICOM).
        `corners` turns the overlay-corner rule on or off; by default it runs on raster images
        only (measured by bench.image_bench) and not with `bands` (bench.burned_in_bench
        `--corners` measures it on DICOM).
        """
        height, width = rgb.shape[:2]
        prepared = prepare(rgb)
        image = stretch_bands(prepared.image) if bands else prepared.image
        lines = [_rescale(line, prepared.scale) for line in self.ocr.read(image)]
        result = PixelAnalysis()
        if lines:
            text, starts = join_lines(lines)
            whole = WHOLE_LINE_SHARE if bands else None
            spans = self.spans(text, terms, lines, starts)
            if not bands:
                spans = drop_lone_guesses(spans, text)
            if (not bands if corners is None else corners) and not technical_screen(text):
                spans += corner_findings(lines, starts, spans, width, height)
            if not bands:
                spans = drop_lone_value(text, spans)
            for finding in _dedupe(spans):
                for quads in span_quads(lines, starts, finding.start, finding.end, whole):
                    poly = span_polygon(quads)
                    result.polygons.append(poly)
                    box = polygon_bounds(poly, width, height)
                    result.findings.append(
                        ImageFinding(
                            finding.kind, finding.score, box, finding.recognizer, finding.subtype
                        )
                    )
        for box in self.faces.detect(rgb):
            result.faces.append(box)
            result.findings.append(ImageFinding(Kind.FACE, 0.8, box, "HaarFaceDetector", "FACE"))
        return result

    def spans(
        self,
        text: str,
        terms: Sequence[tuple[str, Kind]] = (),
        lines: Sequence[OcrLine] = (),
        starts: Sequence[int] = (),
    ) -> list[Finding]:
        """PHI spans in OCR text: the text engine and the layout hints, on the text as read and
        on a copy with merged tokens pulled apart ("FI..00079241539"), less what sits in
        technical tokens (git hashes, addresses, versions) and, given the OCR `lines` the text
        joins (at `starts`), in a code column's cells (`image_tables`), plus known values."""
        spans = self._read(text)
        view = demerged(text)
        if view is not None:
            spans += map_back(self._read(view[0]), view[1], len(text))
        spans = drop_technical(text, spans)
        if lines:
            spans = drop_codes(lines, starts, spans)
        return spans + find_terms(text, terms)

    def _read(self, text: str) -> list[Finding]:
        findings = self._line_by_line(text, list(self.text_engine.scan(text).findings))
        return suppress_technical(text, findings) + layout_hints(text, self.institutions)

    def _line_by_line(self, text: str, findings: list[Finding]) -> list[Finding]:
        """A name or place the text engine read across OCR lines is read again line by line.

        OCR lines are joined with newlines, which the engine's patterns take for spaces: an
        institution line followed by two ultrasound labels became "STLUKESMEDICALCTR C5-1 Gen"
        (Gen for General), painting both labels. Each overlay line is its own field, so each
        line such a finding touched keeps only what the engine finds in it alone.
        """
        crossing = [
            f
            for f in findings
            if f.kind in (Kind.NAME, Kind.LOCATION) and "\n" in text[f.start : f.end].strip()
        ]
        if not crossing:
            return findings
        kept = [f for f in findings if f not in crossing]
        lines: set[tuple[int, int]] = set()
        for f in crossing:
            pos = text.rfind("\n", 0, f.start) + 1
            while pos < f.end:
                end = text.find("\n", pos)
                end = len(text) if end < 0 else end
                lines.add((pos, end))
                pos = end + 1
        for start, end in sorted(lines):
            for g in self.text_engine.scan(text[start:end]).findings:
                kept.append(
                    Finding(
                        start + g.start, start + g.end, g.kind, g.score, g.recognizer, g.subtype
                    )
                )
        return kept


# A name the text engine only guesses at scores under GUESS_SCORE: one listed name or unknown
# capitalised words, no label, no first and last name it knows. In an image such a guess is
# mostly a label word the OCR misread ("Sice Thcknes" for Slice Thickness, "Body Cail", "Rey"
# for Ready), and a patient's screen shows more than a guessed name: an ID, a date, an age, a
# name read for sure. `person_numbers` IDs ("UNIQUE") are taken only beside someone identified.
GUESS_SCORE = 0.8


def drop_lone_guesses(findings: Sequence[Finding], text: str | None = None) -> list[Finding]:
    """No findings when all a raster frame shows are guessed names and the unlabelled numbers
    taken beside them: nothing else there identifies anyone; otherwise all of them. Given the
    OCR `text`, one unlabelled short number beside the guesses (`_lone_value`, no date) goes
    with them too: a QA phantom's series label photographed as "56454" beside "AXDW" (for
    "AX DWI") guessed to be a name; a date beside a guess stays PHI of its own."""
    rest = [f for f in findings if not _guess(f)]
    if not rest:
        return []
    beside = len(rest) < len(findings) and text is not None
    if beside and all(f.kind is Kind.ID for f in rest) and _lone_value(text or "", rest):
        return []
    return list(findings)


# An unlabelled number shorter than this (the text engine's own bare-identifier length) is as
# often a count, a ZIP or a code as an identifier; a longer one alone is still painted.
LONE_ID_DIGITS = 7


def drop_lone_value(text: str, findings: Sequence[Finding]) -> list[Finding]:
    """No findings when all a raster frame shows is one unlabelled short number (under
    `LONE_ID_DIGITS` digits) or one unlabelled date (one span, however many readers found it):
    with no label on its line and nothing else beside it, it is a count, a version or a code the
    OCR read ("10808" in a sheet, "3.13.15" glued to junk), and it identifies no one. A labelled value ("MRN 40718823",
    "DOB 03/14/1957"), an identifier scored as sure, two values together, or a value whose
    overlay corner also shows a name or an age (`corner_findings`, run first) are painted."""
    return [] if findings and _lone_value(text, findings) else list(findings)


def _lone_value(text: str, findings: Sequence[Finding]) -> bool:
    """Whether the findings are all one span (however many readers found it) of an unlabelled
    short number or date: two values vouch for each other."""
    if not all(_unlabelled_value(text, f) for f in findings):
        return False
    ordered = sorted(findings, key=lambda f: f.start)
    end = ordered[0].end
    for f in ordered[1:]:
        if f.start >= end:
            return False
        end = max(end, f.end)
    return True


def _unlabelled_value(text: str, f: Finding) -> bool:
    if f.kind is Kind.ID:
        digits = sum(ch.isdigit() for ch in text[f.start : f.end])
        return digits < LONE_ID_DIGITS and f.score < GUESS_SCORE and not labelled(text, f)
    return f.kind is Kind.DATE and not labelled(text, f)


def _guess(f: Finding) -> bool:
    taken_beside = f.recognizer == PERSON_NUMBERS and f.subtype == "UNIQUE"
    return taken_beside or (f.kind is Kind.NAME and f.score < GUESS_SCORE)


def join_lines(lines: Sequence[OcrLine]) -> tuple[str, list[int]]:
    """The OCR text, one line per OCR line, and each line's start offset in it."""
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line.text) + 1
    return "\n".join(line.text for line in lines), starts


# In DICOM banners, a span that covers at least this share of its OCR line paints the whole line:
# the character boxes of a run-together token ("AGUILARPAMELA..877423187") are interpolated and
# can leave the edge of a name legible to another OCR.
WHOLE_LINE_SHARE = 0.4


def span_quads(
    lines: Sequence[OcrLine],
    starts: Sequence[int],
    start: int,
    end: int,
    whole_line_share: float | None = None,
) -> list[list[Quad]]:
    """Per line touched by [start, end): the quads of its non-space characters in the span
    (all of the line's, when the span covers `whole_line_share` of them or more)."""
    out: list[list[Quad]] = []
    for line, line_start in zip(lines, starts, strict=True):
        lo, hi = max(start, line_start), min(end, line_start + len(line.text))
        if lo >= hi:
            continue
        quads = [
            line.char_quads[i - line_start]
            for i in range(lo, hi)
            if not line.text[i - line_start].isspace()
        ]
        solid = sum(not ch.isspace() for ch in line.text)
        if whole_line_share is not None and solid and len(quads) >= whole_line_share * solid:
            quads = [
                q for q, ch in zip(line.char_quads, line.text, strict=True) if not ch.isspace()
            ]
        if quads:
            out.append(quads)
    return out


def _rescale(line: OcrLine, scale: float) -> OcrLine:
    if scale == 1.0:
        return line

    def q(quad: Quad) -> Quad:
        a, b, c, d = ((x / scale, y / scale) for x, y in quad)
        return (a, b, c, d)

    return OcrLine(line.text, q(line.quad), tuple(q(c) for c in line.char_quads), line.conf)


def _dedupe(findings: Sequence[Finding]) -> list[Finding]:
    """Drop findings wholly inside another of the same kind (hints often repeat the engine)."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), -f.score))
    kept: list[Finding] = []
    for f in ordered:
        if any(k.start <= f.start and f.end <= k.end and k.kind == f.kind for k in kept):
            continue
        kept.append(f)
    return kept
