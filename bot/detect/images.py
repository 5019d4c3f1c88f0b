"""Finding and removing PHI in images: screenshots, phone photos of monitors, DICOM.

`ImageScanner.scan(data)` sniffs the content, decodes it within memory bounds, reads the text
with OCR (character boxes), runs the text engine plus overlay layout hints on that text, maps
every PHI span back to pixels, detects faces, and returns the verdict with a redacted copy in
the same format and size with all metadata stripped. It is synchronous and CPU-bound: the app
runs it in a worker process, the CLI in a loop, each with one scanner for the whole batch.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from bot.detect.dicom import DicomScanner
from bot.detect.image_faces import FaceDetector
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
from bot.detect.image_preprocess import to_rgb_array
from bot.detect.image_sniff import DICOM, describe, sniff
from bot.detect.ocr import PhiOcr
from bot.detect.pixels import PixelAnalysis, PixelAnalyzer, TextScanner
from bot.detect.types import ImageFinding, ImageScanResult, Kind, Verdict
from bot.detect.verdict import combine_verdict
from bot.errors import DetectionError, UnscannableError

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def metadata_findings(loaded: LoadedImage) -> list[ImageFinding]:
    """The identifying metadata the file carried (stripped from every copy), ICC profiles aside."""
    return [
        ImageFinding(Kind.METADATA, 1.0, None, "ImageMetadata", kind)
        for kind in loaded.metadata
        if kind != "ICC"
    ]


def metadata_text_findings(loaded: LoadedImage, engine: TextScanner) -> list[ImageFinding]:
    """PHI in the metadata's free text (a PNG comment, an EXIF description): it is stripped
    from our copy, but it counts for the verdict, so the original does not stay up as clean."""
    if not loaded.metadata_text:
        return []
    scan = engine.scan("\n".join(loaded.metadata_text))
    return [
        ImageFinding(f.kind, f.score, None, "ImageMetadataText", f.subtype) for f in scan.findings
    ]


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
        dicom_uid_key: bytes | None = None,
        dicom_shift_dates: bool = False,
        dicom_options: Sequence[str] = (),
        dicom_corners: bool = False,
    ) -> None:
        if text_engine is None:
            from bot.detect.engine import TextEngine

            text_engine = TextEngine(institutions=institutions)
        self.pixels = PixelAnalyzer(
            text_engine, ocr, face_detector, ocr_engine=ocr_engine, institutions=institutions
        )
        self.max_bytes = max_bytes
        self.max_pixels = max_pixels
        limit_pixels(max_pixels)
        register_heif()
        self.dicom = DicomScanner(
            self.pixels,
            max_pixels=max_pixels,
            max_bytes=max_bytes,
            uid_key=dicom_uid_key,
            shift_dates=dicom_shift_dates,
            options=frozenset(dicom_options),
            corners=dicom_corners,
        )

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
            dicom_uid_key=settings.dicom_key(),
            dicom_shift_dates=settings.dicom_shift_dates,
            dicom_options=settings.dicom_options,
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
                return self.dicom.scan(data)
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

    def scan_oversized(self, path: Path, out: BinaryIO) -> ImageScanResult:
        """A file over `max_bytes`, which `scan` refuses: a DICOM with a preamble still gets its
        header de-identified into `out`, its pixel data copied through unread and unchecked
        (`DicomScanner.scan_header_only`, always unscannable). Raises `UnscannableError`, with
        the reason, when nothing was written (not such a DICOM, or its header refused)."""
        size = path.stat().st_size
        why = f"file too large ({size // (1024 * 1024)} MiB, limit {self.max_bytes // (1024 * 1024)} MiB)"
        with path.open("rb") as fh:
            head = fh.read(132)
        if len(head) < 132 or head[128:132] != b"DICM":
            raise UnscannableError(why)
        try:
            return self.dicom.scan_header_only(path, out, why, self.max_bytes)
        except UnscannableError as exc:
            raise UnscannableError(f"{why}; no header-only copy: {exc}") from exc
        except MemoryError as exc:
            raise UnscannableError(f"{why}; no header-only copy: out of memory") from exc
        except Exception as exc:
            log.warning("header-only scan failed: %s", type(exc).__name__)
            raise DetectionError(
                f"image scan failed ({type(exc).__name__}); apply the failure policy"
            ) from exc

    def _scan_raster(self, data: bytes, content_type: str) -> ImageScanResult:
        loaded = load_image(data, content_type, self.max_pixels)
        if loaded.extra_frames:
            return self._scan_frames(data, loaded)
        analysis = self.pixels.analyze(to_rgb_array(loaded.image))
        findings = [
            *analysis.findings,
            *metadata_findings(loaded),
            *metadata_text_findings(loaded, self.pixels.text_engine),
        ]
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
                looks[frame.digest] = self.pixels.analyze(to_rgb_array(frame.image))
        findings = [
            *(f for look in looks.values() for f in look.findings),
            *metadata_findings(loaded),
            *metadata_text_findings(loaded, self.pixels.text_engine),
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
