"""Real files cut where pydicom says nothing (inside an element's tag and length, inside a value
it converts on reading) or raises what is not an `EOFError` (an explicit VR's long length, a
deflated stream): unscannable with "truncated", never a shorter "clean" file nor a detector
failure; and whole files, in every encoding the test set has, are not taken for cut ones."""

from __future__ import annotations

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
