"""DICOM: PS3.15 basic-profile header de-identification and burned-in text removal."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image, ImageDraw
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (
    ExplicitVRLittleEndian,
    JPEGBaseline8Bit,
    SecondaryCaptureImageStorage,
    generate_uid,
)

from bot.detect.dicom_header import iter_elements
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from bot.detect.types import Finding, Kind, ScanResult, Verdict
from tests.detect.image_fakes import FakeOcr, FakeTextEngine, font

W, H = 320, 200
STUDY_UID = generate_uid()
TEXT_LINE = ("DOE^JANE", 10, 10, 90, 18)


def make_dicom(
    *, burned_in: bool = True, rows: int = H, cols: int = W, pixel_bytes: bytes | None = None
) -> bytes:
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    sop_uid = generate_uid()
    meta.MediaStorageSOPInstanceUID = sop_uid
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID = SecondaryCaptureImageStorage
    ds.SOPInstanceUID = sop_uid
    ds.StudyInstanceUID = STUDY_UID
    ds.SeriesInstanceUID = generate_uid()
    ds.PatientName = "DOE^JANE"
    ds.PatientID = "12345678"
    ds.PatientBirthDate = "19570314"
    ds.PatientAddress = "12 Elm Street, Springfield"
    ds.AccessionNumber = "A998877"
    ds.InstitutionName = "Mercy General Hospital"
    ds.ReferringPhysicianName = "ALVAREZ^MARIA"
    ds.StudyDate = "20240112"
    ds.StudyTime = "142200"
    ds.Modality = "OT"
    ds.SeriesNumber = 3
    seq_item = Dataset()
    seq_item.ReferencedSOPClassUID = SecondaryCaptureImageStorage
    seq_item.ReferencedSOPInstanceUID = generate_uid()
    seq_item.PersonName = "SMITH^JOHN"
    ds.ReferencedImageSequence = [seq_item]
    block = ds.private_block(0x0009, "ACME 1.0", create=True)
    block.add_new(0x10, "LO", "private patient note")
    ds.add_new(0x60000010, "US", rows)
    ds.add_new(0x60003000, "OW", b"\0" * 8)
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated = ds.BitsStored = 8
    ds.HighBit = 7
    ds.PixelRepresentation = 0
    if pixel_bytes is None:
        image = Image.new("L", (cols, rows), 40)
        if burned_in:
            ImageDraw.Draw(image).text((10, 10), "DOE^JANE", font=font(14), fill=250)
        pixel_bytes = image.tobytes()
    ds.PixelData = pixel_bytes
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def scanner(lines=(TEXT_LINE,), width: int = W) -> ImageScanner:
    return ImageScanner(
        text_engine=FakeTextEngine(),
        ocr=FakeOcr(list(lines), width, visible_only=True),
        face_detector=NoFaceDetector(),
    )


def read(data: bytes | None) -> pydicom.Dataset:
    assert data is not None
    return pydicom.dcmread(io.BytesIO(data))


def test_when_dicom_then_header_follows_basic_profile() -> None:
    result = scanner(lines=()).scan(make_dicom(burned_in=False))
    assert result.content_type == "application/dicom" and result.verdict is Verdict.PHI
    assert {"DICOM_IDENTIFIERS", "DICOM_INSTITUTION", "DICOM_DATES"} <= {
        f.subtype for f in result.findings
    }
    ds = read(result.redacted)
    for keyword in (
        "PatientName",
        "PatientID",
        "PatientBirthDate",
        "AccessionNumber",
        "StudyDate",
        "ReferringPhysicianName",
    ):
        assert keyword in ds and not ds.get(keyword), keyword  # type 2: present, empty
    assert "PatientAddress" not in ds  # X
    assert ds.InstitutionName == "ANONYMIZED"  # X/Z/D: a dummy, so no IOD loses it
    assert not any(elem.tag.is_private for elem in ds)
    assert not any(0x6000 <= elem.tag.group <= 0x60FF for elem in ds)
    assert ds.ReferencedImageSequence[0].PersonName == "ANONYMIZED"  # D, inside a sequence
    assert b"SMITH" not in (result.redacted or b"")
    assert ds.PatientIdentityRemoved == "YES"
    assert "113100" in [item.CodeValue for item in ds.DeidentificationMethodCodeSequence]
    assert ds.SOPClassUID == SecondaryCaptureImageStorage  # well-known UIDs kept
    assert ds.StudyInstanceUID != STUDY_UID and ds.StudyInstanceUID.startswith("2.25.")
    assert ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID
    assert ds.SeriesNumber == 3 and ds.Modality == "OT"  # non-identifying attributes stay
    assert b"DOE" not in (result.redacted or b"") and b"12345678" not in (result.redacted or b"")


def test_when_same_study_in_one_batch_then_replacement_uids_stay_linked() -> None:
    s = scanner(lines=())
    first, second = (read(s.scan(make_dicom(burned_in=False)).redacted) for _ in range(2))
    assert first.StudyInstanceUID == second.StudyInstanceUID
    assert first.SOPInstanceUID != second.SOPInstanceUID


def test_when_header_name_is_burned_in_then_pixels_painted() -> None:
    result = scanner().scan(make_dicom())
    ds = read(result.redacted)
    pixels = ds.pixel_array
    assert pixels.shape == (H, W)
    assert pixels[10:28, 10:100].max() <= 40  # painted with the darkest value
    assert pixels[100:, :].min() == 40  # the rest untouched
    assert any(f.kind is Kind.NAME and f.box is not None for f in result.findings)
    assert "113101" in [item.CodeValue for item in ds.DeidentificationMethodCodeSequence]
    assert ds.BurnedInAnnotation == "NO"


def test_when_no_burned_in_text_then_pixel_data_unchanged() -> None:
    original = make_dicom(burned_in=False)
    result = scanner(lines=()).scan(original)
    assert np.array_equal(read(result.redacted).pixel_array, read(original).pixel_array)
    assert not result.changed_pixels


def test_when_compressed_and_decodable_then_scanned_and_encoding_kept() -> None:
    path = Path(pydicom.__file__).parent / "data" / "test_files" / "MR_small_RLE.dcm"
    result = scanner(lines=()).scan(path.read_bytes())
    assert result.scannable
    ds = read(result.redacted)
    assert ds.file_meta.TransferSyntaxUID.is_compressed and ds.PatientIdentityRemoved == "YES"


def test_when_compressed_pixels_cannot_be_decoded_then_unscannable() -> None:
    data = make_dicom(burned_in=False)
    ds = read(data)
    ds.file_meta.TransferSyntaxUID = JPEGBaseline8Bit
    # A codestream that ends where it should (SOI, a comment, EOI) but holds no image: the
    # decoder's refusal; one that does not even parse is refused before it (dicom_codestream).
    ds.PixelData = encapsulate([b"\xff\xd8\xff\xfe\x00\x13not really a jpeg\xff\xd9"])
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    result = scanner().scan(buf.getvalue())
    assert not result.scannable and "cannot be decoded" in (result.unscannable_reason or "")
    assert "header de-identified" in (result.unscannable_reason or "")
    header = read(result.redacted)  # the header is still de-identified, nothing is claimed
    assert not header.PatientName and b"DOE" not in (result.redacted or b"")
    assert header.PatientIdentityRemoved == "NO"
    assert "113101" not in [i.CodeValue for i in header.DeidentificationMethodCodeSequence]


@pytest.mark.parametrize("cut", [200, 0.6])
def test_when_dicom_truncated_then_unscannable(cut: float) -> None:
    data = make_dicom()
    end = int(cut) if cut >= 1 else int(len(data) * cut)
    result = scanner().scan(data[:end])
    assert not result.scannable and result.unscannable_reason


def test_when_dicom_claims_huge_pixel_data_then_unscannable_without_decoding() -> None:
    result = scanner().scan(make_dicom(rows=60000, cols=60000, pixel_bytes=b"\0" * 64))
    assert "too large" in (result.unscannable_reason or "")


def test_burned_in_name_found_by_real_ocr_from_the_header_value() -> None:
    from bot.detect.ocr import RapidOcr

    real = ImageScanner(
        text_engine=FakeTextEngine(), ocr=RapidOcr(), face_detector=NoFaceDetector()
    )
    result = real.scan(make_dicom())
    pixels = read(result.redacted).pixel_array
    assert result.changed_pixels and pixels[12:26, 12:90].max() <= 40
    assert any(f.recognizer == "KnownValue" for f in result.findings)


ECT_SUPPLEMENTAL = Path(__import__("data_store").__file__).parent / "data" / "eCT_Supplemental.dcm"


def test_real_header_text_is_not_read_across_elements_nor_in_code_items(engine) -> None:
    """eCT_Supplemental.dcm (pydicom-data): the engine once read "SNM3 Brain US Regional" as an
    institution across four elements and turned RescaleType "US" into a dummy (an invalid
    value, dciodvfy said), and code items (CodeValue "C-B0322") into IDs."""
    scanner = ImageScanner(text_engine=engine, ocr=FakeOcr([], 100), face_detector=NoFaceDetector())
    result = scanner.scan(ECT_SUPPLEMENTAL.read_bytes())
    out = read(result.redacted)
    groups = out.SharedFunctionalGroupsSequence[0]
    assert groups.PixelValueTransformationSequence[0].RescaleType == "US"
    codes = [e.value for e in iter_elements(out) if e.keyword == "CodeValue"]
    assert "C-B0322" in codes and "ANONYMIZED" not in codes
    assert not [f for f in result.findings if f.recognizer == "DicomText"]


class AcrossEngine(FakeTextEngine):
    """Reads "Jane" and "Roe" as one name whatever lies between them (as a real engine's
    context can), so a name is found across two elements' values."""

    def scan(self, text: str) -> ScanResult:
        found = [
            Finding(m.start(), m.end(), Kind.NAME, 0.9, "Fake", "PATIENT")
            for m in re.finditer(r"Jane\W+Roe", text)
        ]
        return ScanResult(Verdict.PHI if found else Verdict.CLEAN, tuple(found))


def test_a_finding_only_across_two_elements_leaves_both_but_one_alone_still_counts() -> None:
    ds = read(make_dicom(burned_in=False))
    ds.Manufacturer = "Jane"
    ds.ManufacturerModelName = "Roe scanner"
    ds.ImageComments = "for Jane Roe"  # the name within one element
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    found = ImageScanner(
        text_engine=AcrossEngine(),
        ocr=FakeOcr([], W),
        face_detector=NoFaceDetector(),
        dicom_options=("clean_descriptors",),
    ).scan(buf.getvalue())
    out = read(found.redacted)
    assert out.Manufacturer == "Jane" and out.ManufacturerModelName == "Roe scanner"
    assert out.ImageComments == "for ***"


def _cine(frames: list[Image.Image]) -> bytes:
    """`make_dicom`'s header over a multi-frame stack of the given 8-bit frames."""
    ds = read(make_dicom(burned_in=False))
    ds.Rows, ds.Columns = frames[0].height, frames[0].width
    ds.NumberOfFrames = len(frames)
    ds.PixelData = b"".join(f.tobytes() for f in frames)
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def test_a_second_patients_abbreviated_hospital_on_one_cine_frame_is_painted(engine) -> None:
    """A cine whose frame 1 shows another patient's banner: nothing in the header names that
    patient, so only the text engine and the layout hints can find the line. Banners abbreviate
    "hospital" ("OAKRIDGE GENERAL HOSP", read glued as "OAKRIDGEGENERALHOSP"); the line was
    left legible while the name beside it was painted."""
    from bot.detect.ocr import RapidOcr

    frames = [Image.new("L", (480, 120), 30) for _ in range(2)]
    ImageDraw.Draw(frames[0]).text((10, 10), "DOE^JANE", font=font(17), fill=235)
    draw = ImageDraw.Draw(frames[1])
    draw.text((10, 10), "OWENS, CHELSEA", font=font(17), fill=235)
    draw.text((10, 40), "OAKRIDGE GENERAL HOSP", font=font(17), fill=235)
    draw.text((10, 80), "C5-1", font=font(15), fill=235)
    real = ImageScanner(text_engine=engine, ocr=RapidOcr(), face_detector=NoFaceDetector())
    pixels = read(real.scan(_cine(frames)).redacted).pixel_array
    assert pixels[1, 10:32, 10:160].max() <= 30  # the name
    assert pixels[1, 40:62, 10:250].max() <= 30  # the hospital
    assert pixels[1, 80:98, 10:50].max() > 200  # the probe label stays
