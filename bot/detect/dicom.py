"""DICOM: header de-identification (PS3.15 Basic Profile) and burned-in text in pixel data.

Ultrasound, secondary captures and scanned documents carry the patient's name and MRN in the
pixels, where header de-identification does not reach. Like presidio's
`DicomImageRedactorEngine`, the pixels are OCR'd (with our OCR and text engine) and the
original header values (name, MRN, accession, DOB) are also searched for in that text; matches
are painted over in every frame with the darkest value. Compressed transfer syntaxes are decoded
with whichever pydicom plugin is installed (GDCM, Pillow); the output is then written
uncompressed (Explicit VR Little Endian). Anything that cannot be decoded or re-encoded is a
clear `unscannable` outcome, never a crash.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.detect import dicom_profile as profile
from bot.detect.image_sniff import DICOM
from bot.detect.pixels import PixelAnalyzer
from bot.detect.types import ImageFinding, ImageScanResult, Kind
from bot.detect.verdict import combine_verdict
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

MAX_DECODED_BYTES = 256 * 1024 * 1024
MAX_OCR_FRAMES = 3


class DicomScanner:
    """De-identifies one DICOM file per call; burned-in text goes through the shared analyser."""

    def __init__(
        self, pixels: PixelAnalyzer, *, max_pixels: int = 50_000_000, salt: bytes | None = None
    ) -> None:
        self.pixels = pixels
        self.max_pixels = max_pixels
        # Replacement UIDs are stable within a scanner (a batch keeps its study/series links)
        # and unlinkable across deployments.
        self._salt = salt if salt is not None else os.urandom(16)

    def scan(self, data: bytes) -> ImageScanResult:
        from pydicom import dcmread
        from pydicom.errors import InvalidDicomError

        try:
            ds = dcmread(io.BytesIO(data))
            ds.remove_private_tags()  # before anything reads values: private data is never trusted
            header_findings = [
                ImageFinding(Kind.METADATA, 1.0, None, "DicomHeader", s) for s in _present(ds)
            ]
            terms = _burned_in_terms(ds)
        except (
            InvalidDicomError,
            EOFError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            OSError,
        ) as exc:
            raise UnscannableError("DICOM file is truncated or corrupt") from exc
        pixel_findings, cleaned = self._clean_pixels(ds, terms)
        self.deidentify(ds, pixels_cleaned=cleaned)
        buf = io.BytesIO()
        try:
            ds.save_as(buf, enforce_file_format=True)
        except (ValueError, TypeError, AttributeError, OSError) as exc:
            raise UnscannableError(
                "DICOM file cannot be re-encoded after de-identification"
            ) from exc
        findings = tuple(header_findings + pixel_findings)
        return ImageScanResult(
            combine_verdict(findings), findings, buf.getvalue(), DICOM, None, cleaned
        )

    # --- header -----------------------------------------------------------------------------

    def deidentify(self, ds: Dataset, *, pixels_cleaned: bool = False) -> None:
        """Apply the Basic Profile to ds in place and record that it was applied."""
        from pydicom.dataset import Dataset as DS
        from pydicom.sequence import Sequence

        ds.remove_private_tags()
        for tag in [
            e.tag
            for e in ds
            if 0x5000 <= e.tag.group <= 0x50FF
            or (0x6000 <= e.tag.group <= 0x60FF and e.tag.group % 2 == 0)
        ]:
            del ds[tag]
        self._walk(ds)
        if ds.file_meta is not None and "SOPInstanceUID" in ds:
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        ds.PatientIdentityRemoved = "YES"
        methods = ["PS3.15 E.1 Basic Profile (phiwarden)"]
        codes = [profile.BASIC_PROFILE_CODE]
        if pixels_cleaned:
            methods.append("Clean Pixel Data: burned-in text removed")
            codes.append(profile.CLEAN_PIXEL_CODE)
            ds.BurnedInAnnotation = "NO"
        ds.DeidentificationMethod = methods
        items = []
        for value, scheme, meaning in codes:
            item = DS()
            item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, scheme, meaning
            items.append(item)
        ds.DeidentificationMethodCodeSequence = Sequence(items)

    def _walk(self, ds: Dataset) -> None:
        for elem in list(ds):
            keyword = elem.keyword
            if elem.tag.is_private or keyword in profile.REMOVE:
                del ds[elem.tag]
            elif keyword in profile.ZERO or elem.VR in ("PN", "DA", "DT", "TM"):
                ds[elem.tag].value = None if elem.VR != "SQ" else []
            elif elem.VR == "UI" and elem.value:
                elem.value = self._replace_uids(elem.value)
            elif elem.VR == "SQ":
                for item in elem.value:
                    self._walk(item)

    def _replace_uids(self, value: Any) -> Any:
        if isinstance(value, list | tuple) or (
            hasattr(value, "__iter__") and not isinstance(value, str)
        ):
            return [self._replace_uid(str(v)) for v in value]
        return self._replace_uid(str(value))

    def _replace_uid(self, uid: str) -> str:
        from pydicom._uid_dict import UID_dictionary

        if uid in UID_dictionary:  # SOP classes, transfer syntaxes, coding schemes: not identifying
            return uid
        digest = hashlib.sha256(self._salt + uid.encode()).digest()
        return "2.25." + str(int.from_bytes(digest[:16], "big"))

    # --- pixels -----------------------------------------------------------------------------

    def _clean_pixels(
        self, ds: Dataset, terms: list[tuple[str, Kind]]
    ) -> tuple[list[ImageFinding], bool]:
        if "PixelData" not in ds:
            return [], False
        rows, cols = int(ds.get("Rows", 0) or 0), int(ds.get("Columns", 0) or 0)
        frames = int(ds.get("NumberOfFrames", 1) or 1)
        samples = int(ds.get("SamplesPerPixel", 1) or 1)
        bits = int(ds.get("BitsAllocated", 8) or 8)
        if rows <= 0 or cols <= 0:
            raise UnscannableError("DICOM pixel data has no dimensions")
        if (
            rows * cols > self.max_pixels
            or rows * cols * frames * samples * max(1, bits // 8) > MAX_DECODED_BYTES
        ):
            raise UnscannableError("DICOM pixel data too large to scan")
        if bits not in (8, 16):
            raise UnscannableError(
                f"DICOM pixel layout ({bits}-bit) not supported for burned-in text"
            )
        tsyntax = ds.file_meta.TransferSyntaxUID
        if not tsyntax.is_little_endian:
            raise UnscannableError("big-endian DICOM pixel data not supported")
        try:
            arr = ds.pixel_array  # decodes compressed syntaxes with any installed plugin
        except Exception as exc:  # decoder plugins raise many types
            name = getattr(tsyntax, "name", "unknown")
            raise UnscannableError(
                f"DICOM pixel data ({name}) cannot be decoded by the installed packages"
            ) from exc
        photometric = str(ds.get("PhotometricInterpretation", ""))
        stack = arr.reshape((frames, *(arr.shape[-3:] if samples > 1 else arr.shape[-2:])))
        polygons: list[Any] = []
        findings: list[ImageFinding] = []
        for index in _ocr_frames(frames):
            analysis = self.pixels.analyze(_to_rgb8(stack[index], photometric), terms)
            polygons += analysis.polygons
            findings += analysis.findings
        if not polygons:
            return findings, False  # pixels untouched: the original encoding is kept
        import cv2

        fill = _fill_value(stack, photometric)
        painted = np.ascontiguousarray(stack.copy())
        pts = [np.round(np.array(p)).astype(np.int32) for p in polygons]
        for i in range(frames):
            if samples > 1:
                for ch in range(painted.shape[-1]):
                    plane = np.ascontiguousarray(painted[i, :, :, ch])
                    for poly in pts:  # one at a time: overlapping contours would cancel out
                        cv2.fillPoly(plane, [poly], int(fill))
                    painted[i, :, :, ch] = plane
            else:
                plane = np.ascontiguousarray(painted[i])
                for poly in pts:
                    cv2.fillPoly(plane, [poly], int(fill))
                painted[i] = plane
        # pydicom decodes YBR to RGB; compressed input is written back uncompressed.
        out_photometric = "RGB" if samples > 1 else (photometric or "MONOCHROME2")
        if out_photometric not in ("MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB"):
            out_photometric = "MONOCHROME2"
        bits_stored = int(ds.get("BitsStored", bits) or bits)
        try:
            ds.set_pixel_data(
                painted if frames > 1 else painted[0],
                out_photometric,
                bits_stored,
                generate_instance_uid=False,
            )
        except (ValueError, TypeError, NotImplementedError) as exc:
            raise UnscannableError("DICOM pixel data cannot be re-encoded after redaction") from exc
        return findings, True


def _ocr_frames(frames: int) -> list[int]:
    picks = sorted({0, frames // 2, frames - 1})
    return picks[:MAX_OCR_FRAMES]


def _to_rgb8(frame: np.ndarray, photometric: str) -> np.ndarray:
    data = frame.astype(np.float32)
    lo, hi = float(data.min()), float(data.max())
    scaled = ((data - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(data)).astype(
        np.uint8
    )
    if photometric == "MONOCHROME1":
        scaled = 255 - scaled
    if scaled.ndim == 2:
        scaled = np.repeat(scaled[:, :, None], 3, axis=2)
    return np.ascontiguousarray(scaled[:, :, :3])


def _fill_value(stack: np.ndarray, photometric: str) -> int:
    return int(stack.max()) if photometric == "MONOCHROME1" else int(stack.min())


def _present(ds: Dataset) -> list[str]:
    """Names of identifying groups present in the header (never their values)."""
    found = []
    if any(ds.get(k) for k in profile.IDENTIFYING):
        found.append("DICOM_IDENTIFIERS")
    if any(ds.get(k) for k in profile.INSTITUTIONAL):
        found.append("DICOM_INSTITUTION")
    if any(elem.VR in ("DA", "DT") and elem.value for elem in _iter_elements(ds)):
        found.append("DICOM_DATES")
    return found


def _iter_elements(ds: Dataset) -> Iterator[Any]:
    for elem in ds:
        if elem.VR == "SQ":
            for item in elem.value:
                yield from _iter_elements(item)
        else:
            yield elem


def _burned_in_terms(ds: Dataset) -> list[tuple[str, Kind]]:
    """Header values (and their parts) to look for in the pixels' OCR text, with their kinds."""
    terms: list[tuple[str, Kind]] = []
    for keyword, kind in profile.BURNED_IN_TERMS:
        value = ds.get(keyword)
        if not value:
            continue
        text = str(value)
        terms.append((text, kind))
        terms += [(p, kind) for p in re.split(r"[\^,\s]+", text) if len(p) >= 3]
        if keyword == "PatientBirthDate" and re.fullmatch(r"\d{8}", text):
            y, m, d = text[:4], text[4:6], text[6:]
            terms += [
                (f"{m}/{d}/{y}", kind),
                (f"{d}/{m}/{y}", kind),
                (f"{y}-{m}-{d}", kind),
                (f"{d}.{m}.{y}", kind),
            ]
    return list(dict.fromkeys(t for t in terms if t[0].strip()))
