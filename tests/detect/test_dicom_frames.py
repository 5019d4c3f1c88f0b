"""Frames counted in encapsulated pixel data itself: real compressed cines agree with their
header, and one whose NumberOfFrames understates its frames is unscannable with that reason,
never judged on its first frame while the others go out unread."""

from __future__ import annotations

import io
from pathlib import Path

import data_store  # type: ignore[import-untyped]
import pydicom
import pytest

from bot.detect.dicom_frames import frames_in_data
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from tests.detect.image_fakes import FakeOcr, FakeTextEngine

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
PYDICOM_DATA = Path(data_store.__file__).parent / "data"
CINES = [
    PYDICOM_DATA / "OBXXXX1A_rle_2frame.dcm",  # RLE: one fragment per frame
    PYDICOM_DATA / "emri_small_jpeg_2k_lossless.dcm",  # JPEG 2000 SOC + SIZ
    PYDICOM_DATA / "emri_small_jpeg_ls_lossless.dcm",  # JPEG-LS SOI
    TEST_FILES / "rtdose_rle.dcm",
    TEST_FILES / "SC_rgb_rle_2frame.dcm",
]


@pytest.mark.parametrize("path", CINES, ids=lambda p: p.name)
def test_the_frames_in_real_pixel_data_are_what_the_header_says(path: Path) -> None:
    ds = pydicom.dcmread(path)
    assert frames_in_data(ds) == int(ds.NumberOfFrames) > 1


def test_native_pixel_data_is_not_counted_here() -> None:
    assert frames_in_data(pydicom.dcmread(TEST_FILES / "CT_small.dcm")) is None


@pytest.mark.parametrize("path", CINES, ids=lambda p: p.name)
def test_a_cine_whose_header_says_one_frame_is_unscannable_not_judged_on_its_first(
    path: Path,
) -> None:
    ds = pydicom.dcmread(path)
    frames = int(ds.NumberOfFrames)
    ds.NumberOfFrames = 1
    buf = io.BytesIO()
    ds.save_as(buf)
    ocr = FakeOcr([], int(ds.Columns))
    scanner = ImageScanner(
        text_engine=FakeTextEngine(),
        ocr=ocr,
        face_detector=NoFaceDetector(),
        dicom_uid_key=b"k" * 32,
    )
    result = scanner.scan(buf.getvalue())
    assert not result.scannable
    assert f"NumberOfFrames (1) does not match the pixel data ({frames} frames)" in (
        result.unscannable_reason or ""
    )
    assert pydicom.dcmread(io.BytesIO(result.redacted or b"")).PatientIdentityRemoved == "NO"
    assert ocr.shapes == []  # no frame was judged
