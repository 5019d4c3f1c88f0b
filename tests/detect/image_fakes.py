"""Test doubles for the image pipeline: canned OCR lines and a tiny text engine.

`FakeOcr` returns lines placed where the test drew them, so unit tests check mapping and
redaction without loading ONNX models. `FakeTextEngine` stands in for `TextEngine` where a
test is about the image pipeline, not about recognisers: it flags the names it is given.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from bot.detect.ocr import OcrLine, PhiOcr, split_quad
from bot.detect.types import Finding, Kind, ScanResult, Verdict

FONT_PATH = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT_PATH, size)
    except OSError:
        import matplotlib

        return ImageFont.truetype(
            str(
                __import__("pathlib").Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"
            ),
            size,
        )


class FakeTextEngine:
    """Finds the given names (kind NAME) in text; anything else is clean."""

    def __init__(self, names: Sequence[str] = ()) -> None:
        self.names = tuple(names)
        self.calls: list[str] = []

    def scan(self, text: str) -> ScanResult:
        self.calls.append(text)
        findings = []
        for name in self.names:
            for m in re.finditer(re.escape(name), text):
                findings.append(Finding(m.start(), m.end(), Kind.NAME, 0.9, "Fake", "PATIENT"))
        return ScanResult(Verdict.PHI if findings else Verdict.CLEAN, tuple(findings))

    def findings(self, text: str) -> list[Finding]:
        return list(self.scan(text).findings)


class FakeOcr(PhiOcr):
    """Returns canned lines (text, x, y, width, height) given in pixels of a `width`-wide image.

    The pipeline may rescale the image before OCR; boxes scale with it like real OCR output.
    With `visible_only`, a line whose area is one flat colour (painted over) is not read, as a
    real OCR would not, so a re-scan of redacted pixels comes back clean.
    """

    name = "fake"

    def __init__(
        self,
        lines: Sequence[tuple[str, int, int, int, int]],
        width: int,
        *,
        visible_only: bool = False,
    ) -> None:
        self.lines = list(lines)
        self.width = width
        self.visible_only = visible_only
        self.shapes: list[tuple[int, ...]] = []

    def read(self, image: np.ndarray) -> list[OcrLine]:
        self.shapes.append(image.shape)
        k = image.shape[1] / self.width
        out = []
        for text, x, y, w, h in self.lines:
            if self.visible_only:
                area = image[int(y * k) : int((y + h) * k), int(x * k) : int((x + w) * k)]
                if area.size == 0 or int(area.max()) == int(area.min()):
                    continue
            quad = (
                (x * k, y * k),
                ((x + w) * k, y * k),
                ((x + w) * k, (y + h) * k),
                (x * k, (y + h) * k),
            )
            out.append(OcrLine(text, quad, split_quad(quad, text), 0.99))
        return out


def png_bytes(image: Image.Image, **params: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "PNG", **params)
    return buf.getvalue()


def jpeg_bytes(image: Image.Image, **params: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=90, **params)
    return buf.getvalue()


def overlay_image(
    lines: Sequence[tuple[str, int, int]],
    size: tuple[int, int] = (320, 200),
    fill: tuple[int, int, int] = (235, 235, 235),
) -> Image.Image:
    """Dark screenshot with white text lines at (x, y)."""
    image = Image.new("RGB", size, (0, 0, 0))
    draw = ImageDraw.Draw(image)
    f = font(14)
    for text, x, y in lines:
        draw.text((x, y), text, font=f, fill=fill)
    return image


def exif_with_gps() -> Image.Exif:
    """EXIF with a date, an artist and a GPS position: metadata that must not survive."""
    exif = Image.Exif()
    exif[0x0132] = "2024:01:12 14:22:00"
    exif[0x013B] = "Dr Someone"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (40.0, 26.0, 46.0)
    return exif


def refused_unread(ds: object) -> str:
    """Scan DICOM dataset `ds` and return why it was refused, after checking what a refusal must
    be: unscannable, a header-only copy saying PatientIdentityRemoved NO, and no frame OCR-read."""
    import pydicom

    from bot.detect.image_faces import NoFaceDetector
    from bot.detect.images import ImageScanner

    assert isinstance(ds, pydicom.Dataset)
    buf = io.BytesIO()
    ds.save_as(buf)
    ocr = FakeOcr([], int(ds.Columns))
    scanner = ImageScanner(FakeTextEngine(), ocr, NoFaceDetector(), dicom_uid_key=b"k" * 32)
    result = scanner.scan(buf.getvalue())
    assert not result.scannable
    assert pydicom.dcmread(io.BytesIO(result.redacted or b"")).PatientIdentityRemoved == "NO"
    assert ocr.shapes == []
    return result.unscannable_reason or ""
