"""DICOM: header de-identification (PS3.15 table E.1-1) and burned-in text in pixel data.

Ultrasound, secondary captures and scanned documents carry the patient's name and MRN in the
pixels, where header de-identification does not reach. Like presidio's
`DicomImageRedactorEngine`, every distinct frame is OCR'd by the shared `PixelAnalyzer` and the
original header values (name, MRN, accession, DOB) are searched in that text too; matches are
painted with the darkest value in every frame, faces are blurred, and the painted frames are
read again: only when that re-scan finds nothing do we write `BurnedInAnnotation NO` and the
Clean Pixel Data code. The header goes through `HeaderDeidentifier` (table E.1-1 by tag number),
and the free text it keeps is run through the text engine, an element with PHI becoming a dummy.

A file whose header is unreadable or truncated is `unscannable` with the reason. A file whose
pixels cannot be decoded or re-encoded still has its header de-identified (the copy is in
`redacted`), but is `unscannable` with the reason, so it is never posted as clean.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import numpy as np

from bot.detect import dicom_profile as profile
from bot.detect import dicom_stream
from bot.detect.dicom_decode import IsolatedDecoder
from bot.detect.dicom_encode import store_pixels
from bot.detect.dicom_frames import check_frame_count, number_of_frames
from bot.detect.dicom_header import (
    CODE_KEYWORDS,
    DUMMY_TEXT,
    HeaderDeidentifier,
    HeaderOutcome,
    iter_elements,
)
from bot.detect.dicom_stream import TRUNCATION_WORDS
from bot.detect.dicom_truncation import TRUNCATED, check_complete, check_end
from bot.detect.image_sniff import DICOM
from bot.detect.pixels import PixelAnalysis, PixelAnalyzer
from bot.detect.types import Box, Finding, ImageFinding, ImageScanResult, Kind, Polygon, Verdict
from bot.detect.verdict import combine_verdict
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataelem import DataElement
    from pydicom.dataset import Dataset

MAX_DECODED_BYTES = 256 * 1024 * 1024
HEADER_SLACK = 64 * 1024  # bytes a de-identified header may grow by (mapped UIDs, dummies)
MAX_DISTINCT_FRAMES = 400  # distinct frames OCR'd; identical frames are read once (by hash)
MIN_TERM_CHARS = 3  # a header value of one or two characters ("1") is never a search term
# Free-text VRs kept by the profile whose content the text engine reads.
SCANNED_TEXT_VRS = frozenset({"LO", "LT", "SH", "ST", "UT", "UC"})
# Between two elements' values in the text the engine reads: a full stop and a blank line, so
# no name, address or institution runs from one element into the next ("SNM3 Brain US
# Regional" read as an institution across four elements of eCT_Supplemental.dcm).
ELEMENT_BREAK = ".\n\n"


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
                ImageFinding(Kind.METADATA, 1.0, None, "DicomHeader", s) for s in _present(ds)
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
        text_findings = self._clean_text(ds, outcome.to_clean)
        self._record_method(ds, outcome, pixels)
        encoded = _encode(ds)
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
            _check_whole(ds)
            try:
                header_findings = [
                    ImageFinding(Kind.METADATA, 1.0, None, "DicomHeader", s) for s in _present(ds)
                ]
                outcome = self.header.apply(ds)
            except (ValueError, TypeError, AttributeError, KeyError, OverflowError) as exc:
                raise UnscannableError("DICOM header cannot be de-identified") from exc
            text_findings = self._clean_text(ds, outcome.to_clean)
            self._record_method(ds, outcome, PixelOutcome(reason=why), has_pixels=span is not None)
            syntax = ds.file_meta.TransferSyntaxUID
            header = _encode(ds)
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

    def _clean_text(
        self, ds: Dataset, to_clean: tuple[DataElement, ...] = ()
    ) -> list[ImageFinding]:
        """Free text the profile keeps (descriptions, labels), read by the text engine: an
        element with PHI becomes a dummy and its findings count for the verdict. Elements an
        option column marks C (`to_clean`) keep their text with only the PHI spans replaced."""
        cleaned = {id(e) for e in to_clean}
        elements = [
            e
            for e in [*iter_elements(ds)]
            if (e.VR in SCANNED_TEXT_VRS or id(e) in cleaned)
            and e.keyword not in CODE_KEYWORDS
            and isinstance(e.value, str)
            and e.value
            and e.value != DUMMY_TEXT
        ]
        if not elements:
            return []
        text = ELEMENT_BREAK.join(e.value.replace("\n", " ") for e in elements)
        scan = self.pixels.text_engine.scan(text)
        if not scan.findings:
            return []
        bounds, pos = [], 0
        for e in elements:
            bounds.append((pos, pos + len(e.value)))
            pos += len(e.value) + len(ELEMENT_BREAK)
        spans: dict[int, list[tuple[int, int]]] = {}
        findings: list[Finding] = []
        for finding in scan.findings:
            touched = [
                i for i, (a, b) in enumerate(bounds) if finding.start < b and a < finding.end
            ]
            if len(touched) > 1:
                # Found only across elements (one value's context read into the next): each
                # element is read again on its own, and only what it holds alone counts.
                for i in touched:
                    for alone in self.pixels.text_engine.scan(elements[i].value).findings:
                        spans.setdefault(i, []).append((alone.start, alone.end))
                        findings.append(alone)
                continue
            findings.append(finding)
            for i in touched:
                a, b = bounds[i]
                spans.setdefault(i, []).append((max(finding.start, a) - a, min(finding.end, b) - a))
        for i, cuts in spans.items():
            elem = elements[i]
            if id(elem) in cleaned:
                elem.value = cleaned_text(elem.value, sorted(set(cuts)))
            else:
                elem.value = DUMMY_TEXT
        return [ImageFinding(f.kind, f.score, None, "DicomText", f.subtype) for f in findings]

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
        fill = _fill_value(stack, photometric)
        _paint(painted, polygons, fill, samples)
        _blur_faces(painted, stack, looks)
        # Read the painted frames again; what is still found is painted once more.
        again = self._analyze_frames(painted, photometric, terms)
        left = [p for look in again.values() for p in look.polygons]
        polygons = polygons + left
        if left:
            _paint(painted, left, fill, samples)
            again = self._analyze_frames(painted, photometric, terms)
            left = [p for look in again.values() for p in look.polygons]
        # A face the detector still finds after the blur counts like text still read.
        outcome.clean = not left and not any(look.faces for look in again.values())
        outcome.painted = True
        regions = _regions(painted.shape[1:3], polygons)
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
            rgb = _to_rgb8(frame, photometric, self._palette)
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
            _swap_binary_words(ds)
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


WORD_BYTES = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def _swap_binary_words(ds: Dataset) -> None:
    """Big endian to little: every binary value but the pixel data (written anew) has its
    words byte-swapped (PS3.5 7.3: OW/OF/OL/OD/OV follow the transfer syntax's byte order)."""
    for elem in list(iter_elements(ds)):
        size = WORD_BYTES.get(elem.VR)
        if size is None or elem.tag == 0x7FE00010 or not elem.value:
            continue
        value = bytes(elem.value)
        if len(value) % size:
            raise UnscannableError(
                f"DICOM element ({elem.tag.group:04X},{elem.tag.element:04X}) has an odd length"
            )
        elem.value = np.frombuffer(value, dtype=f">u{size}").astype(f"<u{size}").tobytes()


CLEANED_MARK = "***"


def cleaned_text(value: str, cuts: list[tuple[int, int]]) -> str:
    """value with each PHI span replaced by `CLEANED_MARK` (never longer than the original
    span plus two characters, so a cleaned SH or LO stays short)."""
    out, pos = [], 0
    for start, end in sorted(cuts):
        if start < pos:
            start = pos
        if end <= start:
            continue
        out += [value[pos:start], CLEANED_MARK]
        pos = end
    out.append(value[pos:])
    return "".join(out)


def _encode(ds: Dataset) -> bytes:
    """The de-identified file; an input whose file meta lacks its SOP UIDs (which the dataset
    may not carry either) is written as it came, without inventing them."""
    meta = ds.file_meta
    if meta is not None:
        if not meta.get("MediaStorageSOPClassUID") and ds.get("SOPClassUID"):
            meta.MediaStorageSOPClassUID = ds.SOPClassUID
        if not meta.get("MediaStorageSOPInstanceUID") and ds.get("SOPInstanceUID"):
            meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    for enforce in (True, False):
        buf = io.BytesIO()
        try:
            ds.save_as(buf, enforce_file_format=enforce)
            return buf.getvalue()
        except (ValueError, TypeError, AttributeError, OSError, OverflowError) as exc:
            error = exc
    if meta is not None and "TransferSyntaxUID" in meta:
        # A big-endian input whose painted pixels were written little endian (`_store`): the
        # whole dataset is re-encoded as its file meta now says.
        from pydicom import dcmwrite

        syntax = meta.TransferSyntaxUID
        buf = io.BytesIO()
        try:
            dcmwrite(
                buf,
                ds,
                implicit_vr=syntax.is_implicit_VR,
                little_endian=syntax.is_little_endian,
                force_encoding=True,
            )
            return buf.getvalue()
        except (ValueError, TypeError, AttributeError, OSError, OverflowError) as exc:
            error = exc
    raise UnscannableError("DICOM file cannot be re-encoded after de-identification") from error


def read_dataset(data: bytes) -> tuple[Dataset, bool]:
    """Parse untrusted bytes fully; a truncated header, sequence or element is unscannable.
    The flag says the file ends inside its pixel data (the header before it is whole)."""
    from pydicom import dcmread
    from pydicom.errors import BytesLengthException, InvalidDicomError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw = not (len(data) >= 132 and data[128:132] == b"DICM")
        try:
            ds = dcmread(io.BytesIO(data), force=raw)
            if raw:
                _give_file_meta(ds)
            check_end(ds, data)
            pixels_cut = _check_lengths(ds)
            for _ in iter_elements(ds):  # every value and sequence item parsed now
                pass
        except UnscannableError:
            raise
        except InvalidDicomError as exc:
            raise UnscannableError("not a DICOM file (no DICM preamble)") from exc
        except TRUNCATED as exc:
            raise UnscannableError("DICOM header is truncated") from exc
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise UnscannableError("DICOM header is corrupt") from exc
        except BytesLengthException as exc:  # a value cut to a length its VR cannot have
            raise UnscannableError("DICOM header is corrupt") from exc
    if any(w in str(c.message).lower() for c in caught for w in TRUNCATION_WORDS):
        raise UnscannableError("DICOM sequence is truncated (end of file before its delimiter)")
    if len(ds) == 0:
        raise UnscannableError("DICOM file has no data elements (truncated)")
    return ds, pixels_cut


def _check_whole(ds: Dataset) -> None:
    """Every element and sequence item of a data set read without its pixels parses in full
    (`read_dataset`'s checks for a data set read from a file)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            _check_lengths(ds)
            for _ in iter_elements(ds):
                pass
        except UnscannableError:
            raise
        except (EOFError, OSError) as exc:
            raise UnscannableError("DICOM header is truncated") from exc
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise UnscannableError("DICOM header is corrupt") from exc
    if any(w in str(c.message).lower() for c in caught for w in TRUNCATION_WORDS):
        raise UnscannableError("DICOM sequence is truncated (end of file before its delimiter)")
    if len(ds) == 0:
        raise UnscannableError("DICOM file has no data elements (truncated)")


def _give_file_meta(ds: Dataset) -> None:
    """A dataset read without the preamble has no file meta: its transfer syntax is the encoding
    pydicom found, so the pixels decode and the copy is written as a proper file."""
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

    if len(ds) < 2 or not any(elem.tag.group >= 0x0008 for elem in ds):
        raise UnscannableError("not a DICOM file (no DICM preamble, and no dataset either)")
    implicit, little = ds.original_encoding
    meta = ds.file_meta if ds.file_meta is not None else FileMetaDataset()
    if "TransferSyntaxUID" not in meta:
        meta.TransferSyntaxUID = (
            ImplicitVRLittleEndian
            if implicit
            else ExplicitVRLittleEndian
            if little
            else ExplicitVRBigEndian
        )
    ds.file_meta = meta


def _check_lengths(ds: Dataset, *, top: bool = True) -> bool:
    """An element whose value is shorter than its declared length was cut off: unscannable,
    except top-level pixel data that is the file's last element (the header before it is
    whole, so it is still de-identified); True then."""
    from pydicom.dataelem import RawDataElement

    raws = list(ds._dict.values())
    pixels_cut = False
    for n, raw in enumerate(raws):
        if isinstance(raw, RawDataElement):
            length, value = raw.length, raw.value
            if length != 0xFFFFFFFF and value is not None and len(value) < length:
                if top and raw.tag == 0x7FE00010 and n == len(raws) - 1:
                    pixels_cut = True
                    continue
                raise UnscannableError(
                    f"DICOM element ({raw.tag.group:04X},{raw.tag.element:04X}) is truncated"
                )
    for elem in ds:
        if elem.VR == "SQ":
            for item in elem.value:
                _check_lengths(item, top=False)
    return pixels_cut


def _paint(painted: np.ndarray, polygons: list[Polygon], fill: int, samples: int) -> None:
    """Fill every polygon in every frame (banners stay put between frames), in place."""
    import cv2

    pts = [np.round(np.array(p)).astype(np.int32) for p in polygons]
    for i in range(painted.shape[0]):
        planes = range(painted.shape[-1]) if samples > 1 else [None]
        for ch in planes:
            plane = np.ascontiguousarray(painted[i] if ch is None else painted[i, :, :, ch])
            for poly in pts:  # one at a time: overlapping contours would cancel out
                cv2.fillPoly(plane, [poly], int(fill))
            if ch is None:
                painted[i] = plane
            else:
                painted[i, :, :, ch] = plane


def _regions(shape: tuple[int, ...], polygons: list[Polygon]) -> np.ndarray:
    """The painted pixels (rows x columns, the same on every frame), as a mask."""
    import cv2

    mask = np.zeros(shape, np.uint8)
    for poly in polygons:
        cv2.fillPoly(mask, [np.round(np.array(poly)).astype(np.int32)], 1)
    return mask.astype(bool)


def _blur_faces(painted: np.ndarray, stack: np.ndarray, looks: dict[bytes, Any]) -> None:
    """Blur each frame's faces (faces move between frames, so per frame, by digest)."""
    import cv2

    for i, frame in enumerate(stack):
        digest = hashlib.sha256(np.ascontiguousarray(frame).tobytes()).digest()
        faces: list[Box] = looks[digest].faces if digest in looks else []
        for x, y, w, h in faces:
            region = np.ascontiguousarray(painted[i, y : y + h, x : x + w])
            if region.size == 0:
                continue
            k = max(3, (max(w, h) // 3) | 1)
            blurred = cv2.GaussianBlur(region.astype(np.float32), (k, k), 0)
            painted[i, y : y + h, x : x + w] = blurred.astype(painted.dtype)


def _to_rgb8(frame: np.ndarray, photometric: str, palette: Dataset | None = None) -> np.ndarray:
    """8-bit RGB as a viewer shows the frame: a palette applied, grey stretched to full range."""
    if palette is not None:
        from pydicom.pixels.processing import apply_color_lut

        try:
            rgb = apply_color_lut(frame, palette)
        except (ValueError, KeyError, AttributeError, IndexError):
            rgb = None  # a broken palette: read the indices as grey instead
        if rgb is not None:
            scale = 255.0 / 65535.0 if rgb.dtype.itemsize > 1 else 1.0
            return np.ascontiguousarray((rgb[..., :3].astype(np.float32) * scale).astype(np.uint8))
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
    if any(elem.VR in ("DA", "DT") and elem.value for elem in iter_elements(ds)):
        found.append("DICOM_DATES")
    return found


def burned_in_terms(ds: Dataset) -> list[tuple[str, Kind]]:
    """Header values (and their parts) to look for in the pixels' OCR text, with their kinds.

    Values and parts shorter than `MIN_TERM_CHARS` are never searched on their own: a StudyID
    of "1" would paint every digit one.
    """
    terms: list[tuple[str, Kind]] = []
    for keyword, kind in profile.BURNED_IN_TERMS:
        value = ds.get(keyword)
        if not value:
            continue
        text = str(value)
        terms.append((text, kind))
        terms += [(p, kind) for p in re.split(r"[\^,\s]+", text)]
        if keyword == "PatientBirthDate" and re.fullmatch(r"\d{8}", text):
            y, m, d = text[:4], text[4:6], text[6:]
            terms += [
                (f"{m}/{d}/{y}", kind),
                (f"{d}/{m}/{y}", kind),
                (f"{y}-{m}-{d}", kind),
                (f"{d}.{m}.{y}", kind),
            ]
    return list(
        dict.fromkeys(t for t in terms if len(re.sub(r"[^A-Za-z0-9]", "", t[0])) >= MIN_TERM_CHARS)
    )
