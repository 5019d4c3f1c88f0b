"""Finding and removing PHI in images: screenshots, phone photos of monitors, DICOM.

`ImageScanner.scan(data)` sniffs the content, decodes it within memory bounds, reads the text
with OCR (character boxes), runs the text engine plus overlay layout hints on that text, maps
every PHI span back to pixels, detects faces, and returns the verdict with a redacted copy in
the same format and size with all metadata stripped. It is synchronous and CPU-bound: the app
runs it in a worker process, the CLI in a loop, each with one scanner for the whole batch.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from bot.detect.image_faces import FaceDetector, HaarFaceDetector
from bot.detect.image_io import (
    DEFAULT_MAX_PIXELS,
    MAX_SCANNED_FRAMES,
    LoadedImage,
    decode_frames,
    encode_frames,
    encode_image,
    limit_pixels,
    load_image,
    register_heif,
)
from bot.detect.image_layout import layout_hints, suppress_technical
from bot.detect.image_preprocess import prepare, to_rgb_array
from bot.detect.image_redact import Polygon, blur_regions, paint_boxes, polygon_bounds, span_polygon
from bot.detect.image_sniff import DICOM, describe, sniff
from bot.detect.ocr import OcrLine, PhiOcr, Quad, build_ocr
from bot.detect.types import Finding, Kind, ScanResult, Verdict
from bot.errors import DetectionError, UnscannableError

if TYPE_CHECKING:
    from PIL import Image

    from bot.config import Settings
    from bot.detect.dicom import DicomScanner

log = logging.getLogger(__name__)

Box = tuple[int, int, int, int]  # x, y, width, height in pixels of the (oriented) image

DIRECT_KINDS = frozenset({Kind.NAME, Kind.ID, Kind.CONTACT, Kind.FACE})
DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class TextScanner(Protocol):
    """What the image pipeline needs from `bot.detect.engine.TextEngine`."""

    def scan(self, text: str) -> ScanResult: ...


@dataclass(frozen=True, slots=True)
class ImageFinding:
    """One piece of PHI in an image: a box (None for metadata) with its kind."""

    kind: Kind
    score: float
    box: Box | None = None
    recognizer: str = ""
    subtype: str = ""

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"kind": str(self.kind), "score": round(self.score, 2)}
        if self.box is not None:
            out["box"] = list(self.box)
        if self.subtype:
            out["subtype"] = self.subtype
        return out


@dataclass(frozen=True, slots=True)
class ImageScanResult:
    """What one file adds up to, and its de-identified copy (None when unscannable)."""

    verdict: Verdict
    findings: tuple[ImageFinding, ...] = ()
    redacted: bytes | None = None
    content_type: str | None = None
    unscannable_reason: str | None = None
    changed_pixels: bool = False
    # Exact painted areas (text polygons, face rectangles) in output pixels; for benchmarks
    # and the verify step, never serialised (a region's shape says nothing, but keep JSON lean).
    regions: tuple[Polygon, ...] = ()

    @property
    def scannable(self) -> bool:
        return self.unscannable_reason is None

    @property
    def phi(self) -> bool:
        return self.verdict is Verdict.PHI

    @property
    def kinds(self) -> list[str]:
        return sorted({str(f.kind) for f in self.findings})

    def to_json(self) -> dict[str, object]:
        """Kinds, boxes and scores; never any recognised text."""
        return {
            "verdict": str(self.verdict),
            "content_type": self.content_type,
            "unscannable_reason": self.unscannable_reason,
            "kinds": self.kinds,
            "findings": [f.to_json() for f in self.findings],
        }


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


def metadata_findings(loaded: LoadedImage) -> list[ImageFinding]:
    """The identifying metadata the file carried (stripped from every copy), ICC profiles aside."""
    return [
        ImageFinding(Kind.METADATA, 1.0, None, "ImageMetadata", kind)
        for kind in loaded.metadata
        if kind != "ICC"
    ]


def combine_verdict(findings: Sequence[ImageFinding]) -> Verdict:
    """Combination rule over image findings: a direct identifier or two quasi-identifier kinds.

    Metadata is stripped from every copy we post, so on its own it is only `low`, and it does
    not count towards the two quasi-identifiers; a DICOM header naming the patient is `phi`.
    """
    if any(f.subtype == "DICOM_IDENTIFIERS" for f in findings):
        return Verdict.PHI
    kinds = {f.kind for f in findings}
    if kinds & DIRECT_KINDS:
        return Verdict.PHI
    quasi = kinds - {Kind.METADATA}
    if len(quasi) >= 2:
        return Verdict.PHI
    return Verdict.LOW if kinds else Verdict.CLEAN


def unscannable(reason: str, content_type: str | None = None) -> ImageScanResult:
    return ImageScanResult(Verdict.CLEAN, (), None, content_type, reason)


class ImageScanner:
    """OCR + text engine + layout hints + faces over raster images and DICOM. Load once."""

    def __init__(
        self,
        text_engine: TextScanner | None = None,
        ocr: PhiOcr | None = None,
        face_detector: FaceDetector | None = None,
        *,
        ocr_engine: str = "rapidocr",
        institutions: Sequence[str] = (),
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_pixels: int = DEFAULT_MAX_PIXELS,
    ) -> None:
        if text_engine is None:
            from bot.detect.engine import TextEngine

            text_engine = TextEngine(institutions=institutions)
        self.text_engine = text_engine
        self.ocr = ocr if ocr is not None else build_ocr(ocr_engine)
        self.faces = face_detector if face_detector is not None else HaarFaceDetector()
        self.institutions = tuple(institutions)
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        limit_pixels(max_pixels)
        register_heif()
        self._dicom: DicomScanner | None = None

    @classmethod
    def from_settings(
        cls, settings: Settings, text_engine: TextScanner | None = None
    ) -> ImageScanner:
        """The scanner a worker process builds once: OCR engine, institutions and size cap from settings."""
        if text_engine is None:
            from bot.detect.engine import TextEngine

            text_engine = TextEngine.from_settings(settings)
        return cls(
            text_engine,
            ocr_engine=settings.ocr_engine,
            institutions=settings.institutions,
            max_bytes=settings.max_file_bytes,
        )

    def scan(self, data: bytes, filename: str | None = None) -> ImageScanResult:
        """Scan one file's bytes. `filename` is informational only: content decides the type."""
        if not data:
            return unscannable("empty file")
        if len(data) > self.max_bytes:
            return unscannable(
                f"file too large ({len(data) // (1024 * 1024)} MiB, limit {self.max_bytes // (1024 * 1024)} MiB)"
            )
        content_type = sniff(data)
        if content_type is None:
            return unscannable(f"unsupported content: {describe(data)}")
        try:
            if content_type == DICOM:
                return self._dicom_scanner().scan(data)
            return self._scan_raster(data, content_type)
        except UnscannableError as exc:
            return unscannable(str(exc), content_type)
        except MemoryError:
            return unscannable("file too large to process in memory", content_type)
        except DetectionError:
            raise
        except Exception as exc:
            log.warning("image scan failed: %s", type(exc).__name__)
            raise DetectionError(
                f"image scan failed ({type(exc).__name__}); apply the failure policy"
            ) from exc

    def _dicom_scanner(self) -> DicomScanner:
        if self._dicom is None:
            from bot.detect.dicom import DicomScanner

            self._dicom = DicomScanner(self, max_pixels=self.max_pixels)
        return self._dicom

    def _scan_raster(self, data: bytes, content_type: str) -> ImageScanResult:
        loaded = load_image(data, content_type, self.max_pixels)
        if loaded.extra_frames:
            return self._scan_frames(data, loaded)
        analysis = self.analyze(to_rgb_array(loaded.image))
        findings = [*analysis.findings, *metadata_findings(loaded)]
        image = loaded.image
        if not analysis.empty:
            image = image.copy()
            analysis.paint(image)
        redacted = encode_image(
            image, content_type, data, changed=not analysis.empty or loaded.reoriented
        )
        verdict = combine_verdict(
            findings
        )  # over what survived suppression, not the raw engine verdict
        return ImageScanResult(
            verdict,
            tuple(findings),
            redacted,
            content_type,
            None,
            not analysis.empty,
            analysis.regions(),
        )

    def _scan_frames(self, data: bytes, loaded: LoadedImage) -> ImageScanResult:
        """A multi-frame GIF/WebP/PNG or multi-page TIFF: every frame counts and is redacted.

        Each distinct frame is read once (a looping animation repeats its frames exactly);
        more distinct frames than `MAX_SCANNED_FRAMES` make the file unscannable.
        """
        frames = decode_frames(data, self.max_pixels)
        looks: dict[bytes, PixelAnalysis] = {}
        for frame in frames:
            if frame.digest not in looks:
                if len(looks) > MAX_SCANNED_FRAMES:
                    raise UnscannableError(
                        f"more than {MAX_SCANNED_FRAMES + 1} distinct frames or pages to check"
                    )
                looks[frame.digest] = self.analyze(to_rgb_array(frame.image))
        findings = [
            *(f for look in looks.values() for f in look.findings),
            *metadata_findings(loaded),
        ]
        for frame in frames:
            looks[frame.digest].paint(frame.image)  # each frame is its own decoded copy
        redacted = encode_frames(frames, loaded.content_type, loop=loaded.image.info.get("loop"))
        painted = any(not look.empty for look in looks.values())
        return ImageScanResult(
            combine_verdict(findings),
            tuple(findings),
            redacted,
            loaded.content_type,
            None,
            painted,
            looks[frames[0].digest].regions(),
        )

    def analyze(self, rgb: np.ndarray, terms: Sequence[tuple[str, Kind]] = ()) -> PixelAnalysis:
        """PHI in one RGB frame: text spans mapped to polygons, plus faces.

        `terms` are known identifying values (a DICOM header's name, MRN) to find verbatim.
        """
        height, width = rgb.shape[:2]
        prepared = prepare(rgb)
        lines = [_rescale(line, prepared.scale) for line in self.ocr.read(prepared.image)]
        result = PixelAnalysis()
        if lines:
            text, starts = join_lines(lines)
            scan = self.text_engine.scan(text)
            spans = suppress_technical(text, scan.findings) + layout_hints(text, self.institutions)
            spans += find_terms(text, terms)
            for finding in _dedupe(spans):
                for quads in span_quads(lines, starts, finding.start, finding.end):
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


def find_terms(text: str, terms: Sequence[tuple[str, Kind]]) -> list[Finding]:
    """Case-insensitive occurrences of known values in text; OCR may render the separators of
    "DOE^JANE" as spaces, commas or a tilde, so up to three non-alphanumerics match any of them."""
    found: list[Finding] = []
    for term, kind in terms:
        words = [w for w in re.split(r"[\^,\s]+", term) if w]
        if not words:
            continue
        body = r"[^A-Za-z0-9]{0,3}".join(map(re.escape, words))
        pattern = re.compile(r"(?<![A-Za-z0-9])" + body + r"(?![A-Za-z0-9])", re.IGNORECASE)
        found += [
            Finding(m.start(), m.end(), kind, 0.95, "KnownValue", "HEADER_VALUE")
            for m in pattern.finditer(text)
        ]
    return found


def join_lines(lines: Sequence[OcrLine]) -> tuple[str, list[int]]:
    """The OCR text, one line per OCR line, and each line's start offset in it."""
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line.text) + 1
    return "\n".join(line.text for line in lines), starts


def span_quads(
    lines: Sequence[OcrLine], starts: Sequence[int], start: int, end: int
) -> list[list[Quad]]:
    """Per line touched by [start, end): the quads of its non-space characters in the span."""
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
