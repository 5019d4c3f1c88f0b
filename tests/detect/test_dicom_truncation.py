"""Real files cut where pydicom says nothing (inside an element's tag and length, inside a value
it converts on reading) or raises what is not an `EOFError` (an explicit VR's long length, a
deflated stream): unscannable with "truncated", never a shorter "clean" file nor a detector
failure; and whole files, in every encoding the test set has, are not taken for cut ones."""

from __future__ import annotations

import io
from pathlib import Path

import pydicom
import pytest

from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from tests.detect.image_fakes import FakeOcr, FakeTextEngine

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"


def scan(data: bytes):  # type: ignore[no-untyped-def]
    scanner = ImageScanner(
        text_engine=FakeTextEngine(),
        ocr=FakeOcr([], 100),
        face_detector=NoFaceDetector(),
        dicom_uid_key=b"k" * 32,
    )
    return scanner.scan(data)


def _ct() -> bytes:
    return (TEST_FILES / "CT_small.dcm").read_bytes()


def _at(data: bytes, header: bytes) -> int:
    at = data.find(header)
    assert at > 0
    return at


@pytest.mark.parametrize("into", [1, 4, 7])
def test_a_file_cut_inside_an_elements_tag_and_length_is_truncated(into: int) -> None:
    data = _ct()
    cut = _at(data, b"\x10\x00\x10\x00PN") + into  # inside PatientName's 8-byte header
    result = scan(data[:cut])
    assert not result.scannable and "truncated" in (result.unscannable_reason or "")


def test_a_file_cut_inside_a_long_length_is_truncated_not_a_detector_failure() -> None:
    data = _ct()
    cut = _at(data, b"\xe0\x7f\x10\x00OW") + 9  # tag, VR and reserved read; length cut
    result = scan(data[:cut])
    assert not result.scannable and "truncated" in (result.unscannable_reason or "")


def test_a_file_cut_inside_a_value_pydicom_converts_on_reading_is_truncated() -> None:
    data = _ct()
    cut = _at(data, b"\x08\x00\x05\x00CS") + 10  # SpecificCharacterSet: 2 of its bytes
    result = scan(data[:cut])
    assert not result.scannable and "(0008,0005) is truncated" in (result.unscannable_reason or "")


@pytest.mark.parametrize("frac", [0.3, 0.6, 0.9])
def test_a_deflated_data_set_cut_short_is_truncated(frac: float) -> None:
    data = (TEST_FILES / "image_dfl.dcm").read_bytes()
    result = scan(data[: int(len(data) * frac)])
    assert not result.scannable and "truncated" in (result.unscannable_reason or "")


@pytest.mark.parametrize(
    "name",
    [
        "CT_small.dcm",  # explicit VR little endian
        "MR_small_bigendian.dcm",
        "rtstruct.dcm",  # no preamble, implicit VR; ends in a sequence
        "ExplVR_BigEndNoMeta.dcm",
        "image_dfl.dcm",  # deflated
        "JPEG2000.dcm",  # encapsulated pixel data last
        "test-SR.dcm",  # no pixels
    ],
)
def test_whole_files_are_not_taken_for_cut_ones(name: str) -> None:
    result = scan((TEST_FILES / name).read_bytes())
    assert result.scannable, result.unscannable_reason


def test_a_file_cut_inside_its_pixel_data_keeps_its_own_reason() -> None:
    result = scan((TEST_FILES / "MR_truncated.dcm").read_bytes())
    assert "pixel data is truncated" in (result.unscannable_reason or "")
    assert result.redacted is not None  # the whole header before it is de-identified


# --- cut exactly between two elements (check_complete) ---------------------------------------


def _boundaries(data: bytes) -> list[int]:
    """Where each top-level element of `data` (file meta included) ends, the file's end left out."""

    from pydicom.filereader import data_element_generator

    ds = pydicom.dcmread(io.BytesIO(data), force=True, defer_size=256)
    implicit, little = ds.original_encoding
    fp = io.BytesIO(data)
    ends = []
    if data[128:132] == b"DICM":
        fp.seek(132)
        for elem in data_element_generator(fp, False, True, defer_size=256):
            if elem.tag >> 16 != 2:
                break
            ends.append(fp.tell())
    fp.seek(ends[-1] if ends else 0)
    for _ in data_element_generator(fp, bool(implicit), bool(little), defer_size=None):
        ends.append(fp.tell())
    return [end for end in ends if end < len(data)]


@pytest.mark.parametrize(
    "name",
    [
        "CT_small.dcm",  # an image: every cut before its pixel data
        "test-SR.dcm",  # SR: cuts before its Content Sequence
        "rtstruct.dcm",  # RT Structure Set, implicit VR: before its ROI sequences
        "waveform_ecg.dcm",  # before its Waveform Sequence
    ],
)
def test_a_real_file_cut_at_any_element_boundary_is_never_scannable(name: str) -> None:
    """Unless all the cut took lies after the pixel data (CT_small's trailing padding) or is
    private (removed from every copy): then the copy means what the whole file's does."""
    data = (TEST_FILES / name).read_bytes()
    whole = pydicom.dcmread(TEST_FILES / name, force=True)
    after_pixels = [e.tag for e in whole if e.tag > 0x7FE00010 or e.tag.is_private]
    cuts = _boundaries(data)
    assert len(cuts) > 20
    for cut in cuts:
        result = scan(data[:cut])
        if result.scannable:
            lost = {e.tag for e in whole} - {
                e.tag for e in pydicom.dcmread(io.BytesIO(data[:cut]), force=True)
            }
            assert lost <= set(after_pixels), (cut, sorted(lost))


def test_an_image_cut_just_before_its_pixel_data_is_unscannable_header_deidentified() -> None:
    data = _ct()
    result = scan(data[: _at(data, b"\xe0\x7f\x10\x00OW")])
    assert not result.scannable
    assert "image has no pixel data" in (result.unscannable_reason or "")
    assert result.redacted is not None and b"CompressedSamples" not in result.redacted
    assert "header de-identified" in (result.unscannable_reason or "")


def test_an_image_written_without_pixel_data_reads_the_same_and_is_unscannable() -> None:
    """pydicom's DICOMDIR test images carry no pixel data; a cut file looks just like them."""
    path = TEST_FILES / "dicomdirtests" / "TINY_ALPHA" / "PT000000" / "ST000000"
    path = path / "SE000000" / "IM00000N"
    result = scan(path.read_bytes())
    assert not result.scannable and result.redacted is not None
    assert "no pixel data" in (result.unscannable_reason or "")


def _ds(sop: str | None, **values: object):  # type: ignore[no-untyped-def]
    from pydicom.dataset import Dataset

    ds = Dataset()
    if sop is not None:
        ds.SOPClassUID, ds.SOPInstanceUID = sop, "1.2.3.4.5"
    ds.StudyInstanceUID, ds.SeriesInstanceUID = "1.2.3", "1.2.3.4"
    for key, value in values.items():
        setattr(ds, key, value)
    return ds


SR, KOS, PDF = (
    "1.2.840.10008.5.1.4.1.1.88.11",
    "1.2.840.10008.5.1.4.1.1.88.59",
    ("1.2.840.10008.5.1.4.1.1.104.1"),
)
CT, GSPS = "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.11.1"
_DOSE = {"DoseUnits": "GY", "DoseType": "PHYSICAL", "DoseSummationType": "PLAN"}


@pytest.mark.parametrize(
    ("ds_args", "missing"),
    [
        ((CT, {"Rows": 2}), "image has no pixel data"),
        ((CT, {}), "image has no pixel data"),  # an image storage class, no pixel module
        ((None, {"Columns": 2}), "image has no pixel data"),
        ((CT, {"Rows": 2, "PixelData": b"\0" * 8}), None),
        ((None, {"Rows": 2, "FloatPixelData": b"\0" * 8}), None),
        ((SR, {"ValueType": "CONTAINER"}), "has no ContentSequence"),
        ((SR, {}), "has no ValueType"),
        ((SR, {"ValueType": "CONTAINER", "ContentSequence": []}), None),
        ((KOS, {"ValueType": "CONTAINER", "ContentSequence": []}), None),
        ((PDF, {}), "encapsulated document has no EncapsulatedDocument"),
        ((PDF, {"EncapsulatedDocument": b"%PDF"}), None),
        ((GSPS, {}), None),  # a presentation state has no pixels of its own
        (("1.2.840.10008.1.3.10", {"DirectoryRecordSequence": []}), None),  # not composite
        (("1.2.840.10008.1.3.10", {}), "DICOMDIR has no DirectoryRecordSequence"),
        (("1.2.840.10008.5.1.4.1.1.1.1", {}), "image has no pixel data"),  # "For Presentation"
        ((None, {}), "data set has no SOPClassUID"),  # nor does the file meta name one
        # Pixel-bearing classes that pydicom does not name "... Image Storage":
        (("1.2.840.10008.5.1.4.1.1.6.2", {}), "image has no pixel data"),  # Enhanced US Volume
        (("1.2.840.10008.5.1.4.1.1.81.1", {}), "image has no pixel data"),  # thickness map
        (("1.2.840.10008.5.1.4.1.1.82.1", {}), "image has no pixel data"),  # corneal topography
        (("1.2.840.10008.5.1.4.1.1.77.1.5.8", {}), "image has no pixel data"),  # OCT B-scan
        (("1.2.840.10008.5.1.4.1.1.66.4", {}), "image has no pixel data"),  # segmentation
        (("1.2.840.10008.5.1.4.1.1.30", {}), "image has no pixel data"),  # parametric map
        (("1.2.826.0.1.3680043.9.999.1", {}), "image has no pixel data"),  # private class
        (("1.2.840.10008.5.1.4.1.1.999", {}), "image has no pixel data"),  # unknown class
        # ... and near misses: classes that carry no pixels keep their own rules.
        (("1.2.840.10008.5.1.4.1.1.66", {}), None),  # Raw Data
        (("1.2.840.10008.5.1.4.1.1.66.1", {}), None),  # Spatial Registration
        (("1.2.840.10008.5.1.4.1.1.66.5", {}), None),  # Surface Segmentation (a mesh)
        (("1.2.840.10008.5.1.4.1.1.4.2", {}), None),  # MR Spectroscopy
        (("1.2.840.10008.5.1.4.1.1.11.8", {}), None),  # Advanced Blending presentation state
        (("1.2.840.10008.5.1.4.1.1.79.1", {}), None),  # macular grid thickness report
        (("1.2.840.10008.5.1.4.1.1.104.3", {}), "has no EncapsulatedDocument"),  # STL
        (("1.2.840.10008.5.1.4.1.1.9.1.1", {}), "has no WaveformSequence"),  # 12-lead ECG
        (("1.2.840.10008.5.1.4.1.1.481.8", {}), None),  # RT Ion Plan
        (("1.2.840.10008.5.1.4.1.1.88.22", {}), "has no ValueType"),  # Enhanced SR
        (
            ("1.2.840.10008.5.1.4.1.1.481.2", _DOSE),
            None,
        ),  # RT Dose of DVHs only
        (
            ("1.2.840.10008.5.1.4.1.1.481.2", {**_DOSE, "Rows": 2}),
            "image has no pixel data",
        ),  # RT Dose with an Image Pixel module
        (("1.2.840.10008.5.1.4.1.1.481.1", {}), "image has no pixel data"),  # RT Image
    ],
)
def test_when_object_lacks_what_its_kind_cannot_then_reason_names_it(
    ds_args: tuple[str | None, dict[str, object]], missing: str | None
) -> None:
    from bot.detect.dicom_truncation import check_complete

    sop, values = ds_args
    got = check_complete(_ds(sop, **values))
    assert (got is None) if missing is None else (missing in (got or ""))


def test_when_non_image_lacks_its_study_then_truncated() -> None:
    from pydicom.dataset import Dataset

    from bot.detect.dicom_truncation import check_complete

    ds = Dataset()
    ds.SOPClassUID, ds.SOPInstanceUID = GSPS, "1.2.3.4.5"
    assert "has no StudyInstanceUID" in (check_complete(ds) or "")


def test_when_cut_before_its_sop_class_then_the_file_metas_copy_tells_the_kind() -> None:
    from pydicom.dataset import Dataset, FileMetaDataset

    from bot.detect.dicom_truncation import check_complete

    ds = Dataset()
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = CT
    assert "image has no pixel data" in (check_complete(ds) or "")
    ds.file_meta.MediaStorageSOPClassUID = SR
    assert "has no SOPClassUID" in (check_complete(ds) or "")
