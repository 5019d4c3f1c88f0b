"""DICOM: header de-identification (PS3.15 table E.1-1) and burned-in text in pixel data.

Ultrasound, secondary captures and scanned documents carry the patient's name and MRN in the
pixels, where header de-identification does not reach. Like presidio's
`DicomImageRedactorEngine`, every distinct frame is OCR'd by the shared `PixelAnalyzer` and the
original header values (name, MRN, accession, DOB) are searched in that text too; matches are
painted with the darkest value in every frame, faces are blurred, and the painted frames are
read again: only when that re-scan finds nothing do we write `BurnedInAnnotation NO` and the
Clean Pixel Data code. The header goes through `HeaderDeidentifier` (table E.1-1 by tag number),
and the free text it keeps is run through the text engine, an element with PHI becoming a dummy
(`dicom_text`). Reading the bytes is `dicom_read`, painting `dicom_paint`, decoding
`dicom_decode` (in a child process), writing back `dicom_encode` and `dicom_write`.

A file whose header is unreadable or truncated is `unscannable` with the reason. A file whose
pixels cannot be decoded or re-encoded still has its header de-identified (the copy is in
`redacted`), but is `unscannable` with the reason, so it is never posted as clean.
"""

from __future__ import annotations

import hashlib
import io
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np

from bot.detect import dicom_profile as profile
from bot.detect import dicom_stream
from bot.detect.dicom_decode import IsolatedDecoder
from bot.detect.dicom_encode import store_pixels
from bot.detect.dicom_frames import check_frame_count, number_of_frames
from bot.detect.dicom_header import HeaderDeidentifier, HeaderOutcome
from bot.detect.dicom_paint import blur_faces, fill_value, paint, painted_mask, to_rgb8
from bot.detect.dicom_read import check_whole, read_dataset
from bot.detect.dicom_text import burned_in_terms, clean_text, present_groups
from bot.detect.dicom_truncation import check_complete
from bot.detect.dicom_write import encode_dataset, swap_binary_words
from bot.detect.image_sniff import DICOM
from bot.detect.pixels import PixelAnalysis, PixelAnalyzer
from bot.detect.types import ImageFinding, ImageScanResult, Kind, Verdict
from bot.detect.verdict import combine_verdict
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

MAX_DECODED_BYTES = 256 * 1024 * 1024
HEADER_SLACK = 64 * 1024  # bytes a de-identified header may grow by (mapped UIDs, dummies)
MAX_DISTINCT_FRAMES = 400  # distinct frames OCR'd; identical frames are read once (by hash)


@dataclass(slots=True)
class PixelOutcome:
    """What happened to the pixels: findings, whether painted, and whether a re-scan was clean."""

    findings: list[ImageFinding] = field(default_factory=list)
    painted: bool = False
    clean: bool = False  # the final pixels were read and no text PHI was found in them
    reason: str | None = None  # why the pixels could not be checked


class DicomScanner:
    """De-identifies one DICOM file per call; burned-in text goes through the shared analyser."""

    def __init__(
        self,
        pixels: PixelAnalyzer,
        *,
        max_pixels: int = 50_000_000,
        max_bytes: int | None = None,
        uid_key: bytes | None = None,
        shift_dates: bool = False,
        options: frozenset[str] = frozenset(),
        corners: bool = False,
        decoder: IsolatedDecoder | None = None,
    ) -> None:
        self.pixels = pixels
        self.decoder = decoder or IsolatedDecoder()  # compressed pixel data, out of process
        self.corners = (
            corners  # the overlay-corner rule on burned-in text (`PixelAnalyzer.analyze`)
        )
        self.max_pixels = max_pixels
        # A painted copy over the input limit could not be scanned again (`dicom_lossy`).
        self.max_bytes = max_bytes
        self._budget: int | None = None  # pixel data bytes the copy may have (`scan`)
        self._palette: Dataset | None = (
            None  # the file being scanned, when its pixels index a palette
        )
        # Without a deployment key UIDs stay linked within this process only (tests, one-off CLI).
        self.header = HeaderDeidentifier(
            uid_key if uid_key is not None else os.urandom(32),
            shift_dates=shift_dates,
            options=options,
        )

    def scan(self, data: bytes) -> ImageScanResult:
        ds, pixels_cut = read_dataset(data)
        self._budget = None
        if self.max_bytes is not None:
            # The rest of the file is about as long after de-identification; UIDs mapped to
            # 2.25.<UUID> and dummies may grow it a little.
            rest = len(data) - len(ds.get("PixelData") or b"")
            self._budget = self.max_bytes - rest - HEADER_SLACK
        try:
            header_findings = [
                ImageFinding(Kind.METADATA, 1.0, None, "DicomHeader", s) for s in present_groups(ds)
            ]
            terms = burned_in_terms(ds)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise UnscannableError("DICOM header has invalid values") from exc
        try:
            if pixels_cut:
                raise UnscannableError("DICOM pixel data is truncated (the file ends inside it)")
            incomplete = check_complete(ds)  # cut between two elements, or written without
            if incomplete is not None:
                raise UnscannableError(incomplete)
            pixels = self._clean_pixels(ds, terms)
        except UnscannableError as exc:
            pixels = PixelOutcome(reason=str(exc))
        try:
            outcome = self.header.apply(ds)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            raise UnscannableError("DICOM header cannot be de-identified") from exc
        text_findings = clean_text(self.pixels.text_engine, ds, outcome.to_clean)
        self._record_method(ds, outcome, pixels)
        encoded = encode_dataset(ds)
        findings = tuple(header_findings + text_findings + pixels.findings)
        verdict = combine_verdict(findings)
        reason = None
        if pixels.reason is not None:
            reason = f"{pixels.reason}; header de-identified, pixels not checked"
            verdict = Verdict.PHI if verdict is not Verdict.CLEAN else verdict
        return ImageScanResult(verdict, findings, encoded, DICOM, reason, pixels.painted)

    def scan_header_only(
        self, path: Path, out: BinaryIO, why: str, max_header_bytes: int
    ) -> ImageScanResult:
        """A file too large to scan (`why`): its header de-identified and written to `out`,
        followed by its pixel data element copied through unread (`dicom_stream`). Always
        unscannable, so never posted; raises `UnscannableError` when nothing was written."""
        from pydicom import dcmread

        with path.open("rb") as fh:
            ds, span = dicom_stream.read_header(path, fh, max_header_bytes)
            check_whole(ds)
            try:
                header_findings = [
                    ImageFinding(Kind.METADATA, 1.0, None, "DicomHeader", s)
                    for s in present_groups(ds)
                ]
                outcome = self.header.apply(ds)
            except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
                raise UnscannableError("DICOM header cannot be de-identified") from exc
            text_findings = clean_text(self.pixels.text_engine, ds, outcome.to_clean)
            self._record_method(ds, outcome, PixelOutcome(reason=why), has_pixels=span is not None)
            syntax = ds.file_meta.TransferSyntaxUID
            header = encode_dataset(ds)
            # The pixel element is copied in the input's encoding: the header must be in it too.
            written = dcmread(io.BytesIO(header))
            if written.file_meta.get("TransferSyntaxUID") != syntax or written.original_encoding[
                :2
            ] != (syntax.is_implicit_VR, syntax.is_little_endian):
                raise UnscannableError("DICOM header cannot be written in its own encoding")
            out.write(header)
            if span is not None:
                dicom_stream.copy_span(fh, out, span)
        findings = tuple(header_findings + text_findings)
        verdict = combine_verdict(findings)
        verdict = Verdict.PHI if verdict is not Verdict.CLEAN else verdict
        reason = f"{why}; header de-identified, pixels not checked"
        return ImageScanResult(verdict, findings, None, DICOM, reason, False)

    # --- header -----------------------------------------------------------------------------

    def deidentify(self, ds: Dataset) -> HeaderOutcome:
        """Table E.1-1 and the catch-alls on ds in place (pixels untouched, no method recorded)."""
        return self.header.apply(ds)

    def _record_method(
        self,
        ds: Dataset,
        outcome: HeaderOutcome,
        pixels: PixelOutcome,
        has_pixels: bool | None = None,
    ) -> None:
        """Say what was done, and only that: 113100 for the table, 113101 only after a clean
        re-scan of painted pixels, `PatientIdentityRemoved YES` only when the pixels were read
        and found clean (or there are none). `has_pixels` for a data set read without them."""
        from pydicom.dataset import Dataset as DS
        from pydicom.sequence import Sequence

        table = self.header.table
        methods = [f"PS3.15 {table.edition} Table E.1-1 Basic Profile (phiwarden)"]
        codes = [profile.BASIC_PROFILE_CODE]
        for name, code in profile.OPTION_CODES.items():
            if name in self.header.options:
                methods.append(code[2])
                codes.append(code)
        if outcome.shifted_dates:
            methods.append("Dates shifted per patient")
        if has_pixels is None:
            has_pixels = "PixelData" in ds
        if pixels.painted and pixels.clean:
            methods.append("Clean Pixel Data: burned-in text removed, re-scan clean")
            codes.append(profile.CLEAN_PIXEL_CODE)
            ds.BurnedInAnnotation = "NO"
        elif has_pixels and pixels.reason is not None:
            methods.append("Pixel data not checked for burned-in text")
        elif has_pixels and not pixels.clean:
            methods.append("Burned-in text or a face remains after redaction")
            ds.BurnedInAnnotation = "YES"
        ds.PatientIdentityRemoved = "YES" if (not has_pixels or pixels.clean) else "NO"
        ds.DeidentificationMethod = methods
        items = []
        for value, scheme, meaning in codes:
            item = DS()
            item.CodeValue, item.CodingSchemeDesignator, item.CodeMeaning = value, scheme, meaning
            items.append(item)
        ds.DeidentificationMethodCodeSequence = Sequence(items)

    # --- pixels -----------------------------------------------------------------------------

    def _clean_pixels(self, ds: Dataset, terms: list[tuple[str, Kind]]) -> PixelOutcome:
        if "PixelData" not in ds:
            return PixelOutcome(clean=True)
        stack, photometric = self._decode(ds)
        self._palette = ds if photometric == "PALETTE COLOR" else None
        samples = int(ds.get("SamplesPerPixel", 1) or 1)
        outcome = PixelOutcome()
        looks = self._analyze_frames(stack, photometric, terms)
        polygons = [p for look in looks.values() for p in look.polygons]
        outcome.findings = [f for look in looks.values() for f in look.findings]
        if not any(not look.empty for look in looks.values()):
            outcome.clean = True
            return outcome  # pixels untouched: the original encoding is kept
        painted = np.ascontiguousarray(stack.copy())
        fill = fill_value(stack, photometric)
        paint(painted, polygons, fill, samples)
        blur_faces(painted, stack, looks)
        # Read the painted frames again; what is still found is painted once more.
        again = self._analyze_frames(painted, photometric, terms)
        left = [p for look in again.values() for p in look.polygons]
        polygons = polygons + left
        if left:
            paint(painted, left, fill, samples)
            again = self._analyze_frames(painted, photometric, terms)
            left = [p for look in again.values() for p in look.polygons]
        # A face the detector still finds after the blur counts like text still read.
        outcome.clean = not left and not any(look.faces for look in again.values())
        outcome.painted = True
        regions = painted_mask(painted.shape[1:3], polygons)
        self._store(ds, painted, photometric, samples, regions, fill)
        return outcome

    def _decode(self, ds: Dataset) -> tuple[np.ndarray, str]:
        try:
            rows, cols = int(ds.get("Rows", 0) or 0), int(ds.get("Columns", 0) or 0)
            samples = int(ds.get("SamplesPerPixel", 1) or 1)
            bits = int(ds.get("BitsAllocated", 8) or 8)
        except (TypeError, ValueError) as exc:
            raise UnscannableError("DICOM pixel module has invalid values") from exc
        frames = number_of_frames(ds)
        if rows <= 0 or cols <= 0:
            raise UnscannableError("DICOM pixel data has no dimensions")
        if samples not in (1, 3) or bits not in (1, 8, 16, 32, 64):
            raise UnscannableError(
                f"DICOM pixel layout ({samples} samples, {bits}-bit) not supported"
            )
        # YBR_FULL_422 stores two samples per pixel on average (chroma subsampled).
        per_pixel = 2 if ds.get("PhotometricInterpretation") == "YBR_FULL_422" else samples
        # Before the frames' size: a header that overstates them is named for it, and one that
        # understates them would leave frames unread.
        if rows * cols > self.max_pixels:
            raise UnscannableError("DICOM pixel data too large to scan")
        check_frame_count(ds, frames, rows * cols * per_pixel * bits)
        if rows * cols * frames * samples * max(1, bits // 8) > MAX_DECODED_BYTES:
            raise UnscannableError("DICOM pixel data too large to scan")
        tsyntax = ds.file_meta.TransferSyntaxUID
        if tsyntax.is_compressed:
            # Native decoders parse the poster's bytes: in a child, so a crash is a reason.
            arr = self.decoder(ds, getattr(tsyntax, "name", "unknown"))
        else:
            try:
                arr = ds.pixel_array
            except Exception as exc:  # numpy's reshape and pydicom's checks raise many types
                raise UnscannableError(
                    "DICOM pixel data is shorter than its dimensions say (truncated)"
                ) from exc
        shape = (frames, rows, cols, samples) if samples > 1 else (frames, rows, cols)
        if arr.size != int(np.prod(shape)):
            raise UnscannableError("DICOM NumberOfFrames does not match the pixel data")
        return arr.reshape(shape), str(ds.get("PhotometricInterpretation", ""))

    def _analyze_frames(
        self, stack: np.ndarray, photometric: str, terms: list[tuple[str, Kind]]
    ) -> dict[bytes, PixelAnalysis]:
        """Every distinct frame read once (identical frames share one look, by hash)."""
        looks: dict[bytes, PixelAnalysis] = {}
        self._digests: list[bytes] = []
        for frame in stack:
            digest = hashlib.sha256(np.ascontiguousarray(frame).tobytes()).digest()
            self._digests.append(digest)
            if digest in looks:
                continue
            if len(looks) >= MAX_DISTINCT_FRAMES:
                raise UnscannableError(
                    f"more than {MAX_DISTINCT_FRAMES} distinct DICOM frames to check"
                )
            rgb = to_rgb8(frame, photometric, self._palette)
            looks[digest] = self.pixels.analyze(rgb, terms, bands=True, corners=self.corners)
        return looks

    def _store(
        self,
        ds: Dataset,
        painted: np.ndarray,
        photometric: str,
        samples: int,
        regions: np.ndarray,
        fill: int,
    ) -> None:
        """Write the painted pixels back; a compressed input is compressed again, losslessly
        (`dicom_encode`: JPEG-LS, the input's own lossless syntax, RLE as the fallback), so a
        painted JPEG does not grow twentyfold; a lossy input whose lossless copy would be over
        the size limit is written JPEG Baseline again (`dicom_lossy`)."""
        source = ds.file_meta.TransferSyntaxUID
        compressed_from = source if source.is_compressed else None
        if not ds.file_meta.TransferSyntaxUID.is_little_endian:
            # pydicom writes new pixel data little endian only; the copy says so. Other binary
            # values (a palette's OW tables) are kept as the input's bytes, so their words are
            # swapped to the new order here.
            swap_binary_words(ds)
            from pydicom.uid import ExplicitVRLittleEndian

            ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
        # A big-endian file decodes to a big-endian array, whose bytes `set_pixel_data` would
        # write as they are into a little-endian file: native order first.
        painted = painted.astype(painted.dtype.newbyteorder("="), copy=False)
        # pydicom decodes YBR to RGB; the painted copy is written as RGB.
        out_photometric = "RGB" if samples > 1 else (photometric or "MONOCHROME2")
        if out_photometric not in ("MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB"):
            out_photometric = "MONOCHROME2"
        bits = int(ds.get("BitsAllocated", 8) or 8)
        bits_stored = int(ds.get("BitsStored", bits) or bits)
        if painted.dtype.itemsize > 2 or bits == 1:
            raise UnscannableError(
                f"DICOM pixel data ({bits}-bit) cannot be re-encoded after redaction"
            )
        store_pixels(
            ds,
            painted,
            out_photometric,
            bits_stored,
            compressed_from,
            max_pixel_bytes=self._budget,
            regions=regions,
            fill=fill,
        )
