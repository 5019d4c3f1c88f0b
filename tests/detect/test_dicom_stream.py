"""A DICOM over the size limit: header de-identified, pixel data copied through unread, never
held, never called clean; refused (nothing written) when that cannot be done safely."""

from __future__ import annotations

import hashlib
import io
import shutil
import tracemalloc
import zipfile
from pathlib import Path

import numpy as np
import pydicom
import pytest

from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from bot.detect.types import Verdict
from bot.errors import UnscannableError
from tests.detect.image_fakes import FakeOcr, FakeTextEngine
from tests.detect.test_dicom import make_dicom

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"


def scanner(max_bytes: int = 1024) -> ImageScanner:
    return ImageScanner(
        text_engine=FakeTextEngine(()),
        ocr=FakeOcr([], 64),
        face_detector=NoFaceDetector(),
        dicom_uid_key=b"k" * 32,
        max_bytes=max_bytes,
    )


def header_only(path: Path, tmp_path: Path) -> tuple[bytes, object]:
    """The copy of a file one byte over the size limit."""
    out = tmp_path / "out.dcm"
    with out.open("wb") as fh:
        result = scanner(path.stat().st_size - 1).scan_oversized(path, fh)
    return out.read_bytes(), result


@pytest.fixture(scope="module")
def rgb_cine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """deid-data's 99 MiB ultrasound cine (RGB_CINE.dcm, zipped in the package), unpacked."""
    deid_data = pytest.importorskip("deid_data")
    zipped = Path(deid_data.__file__).parent / "data" / "ultrasounds" / "RGB_CINE.zip"
    if not zipped.exists():
        pytest.skip("deid-data without its ultrasound cines")
    path = tmp_path_factory.mktemp("cine") / "RGB_CINE.dcm"
    with zipfile.ZipFile(zipped) as zf, zf.open("RGB_CINE.dcm") as src, path.open("wb") as dst:
        shutil.copyfileobj(src, dst, 1024 * 1024)
    return path


def test_the_real_99_mib_cine_gets_its_header_cleaned_without_its_pixels_held(
    rgb_cine: Path, tmp_path: Path
) -> None:
    source = pydicom.dcmread(rgb_cine, stop_before_pixels=True)
    assert rgb_cine.stat().st_size > 50 * 1024 * 1024 and source.PatientName
    out = tmp_path / "RGB_CINE.header-only.dcm"
    tracemalloc.start()
    try:
        with out.open("wb") as fh:
            result = scanner(50 * 1024 * 1024).scan_oversized(rgb_cine, fh)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # the 99 MiB of pixels were never in memory
    assert not result.scannable and "file too large" in str(result.unscannable_reason)
    assert "pixels not checked" in str(result.unscannable_reason)
    assert result.verdict is Verdict.PHI and result.redacted is None
    copy = pydicom.dcmread(out, defer_size=1024)
    assert str(copy.PatientName) != str(source.PatientName)
    assert copy.PatientIdentityRemoved == "NO"
    assert "Pixel data not checked for burned-in text" in copy.DeidentificationMethod
    assert copy.get("BurnedInAnnotation") != "NO"
    assert pixel_digest(out) == pixel_digest(rgb_cine)  # the input's, byte for byte


def pixel_digest(path: Path) -> tuple[int, str]:
    """Length and sha256 of the top-level pixel data, read by pydicom in full (here only)."""
    pixels = pydicom.dcmread(path).PixelData
    return len(pixels), hashlib.sha256(pixels).hexdigest()


@pytest.mark.parametrize(
    "name",
    [
        "CT_small.dcm",  # explicit VR little endian
        "MR_small_implicit.dcm",
        "MR_small_bigendian.dcm",
        "SC_rgb_rle_2frame.dcm",  # encapsulated: fragments walked, not read
    ],
)
def test_a_copy_decodes_to_the_same_pixels_in_every_encoding(name: str, tmp_path: Path) -> None:
    data, result = header_only(TEST_FILES / name, tmp_path)
    copy, source = pydicom.dcmread(io.BytesIO(data)), pydicom.dcmread(TEST_FILES / name)
    assert not result.scannable  # type: ignore[attr-defined]
    assert copy.file_meta.TransferSyntaxUID == source.file_meta.TransferSyntaxUID
    assert np.array_equal(copy.pixel_array, source.pixel_array)
    assert not copy.PatientName or str(copy.PatientName) != str(source.PatientName)
    assert copy.PatientIdentityRemoved == "NO"


def test_what_follows_the_pixel_data_is_dropped(tmp_path: Path) -> None:
    """A private group after 7FE0 and trailing padding: private tags and padding go (E.1-1)."""
    ds = pydicom.dcmread(io.BytesIO(make_dicom(burned_in=False)))
    ds.add_new(0x7FE10010, "LO", "ACME PRIVATE")
    ds.add_new(0x7FE11001, "LO", "DOE^JANE 12345678")
    ds.add_new(0xFFFCFFFC, "OB", b"\0" * 64)
    src = tmp_path / "in.dcm"
    ds.save_as(src, enforce_file_format=True)
    data, _ = header_only(src, tmp_path)
    copy = pydicom.dcmread(io.BytesIO(data))
    assert b"DOE^JANE" not in data and 0x7FE11001 not in copy and 0xFFFCFFFC not in copy
    assert np.array_equal(copy.pixel_array, ds.pixel_array)


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("image_dfl.dcm", "deflated"),
        ("MR_truncated.dcm", "truncated"),
        # No pixel data (its header is cut): all of it is header, and over the limit.
        ("rtplan_truncated.dcm", "header alone is over the size limit"),
    ],
)
def test_when_the_header_or_pixels_cannot_be_taken_safely_then_nothing_is_written(
    name: str, why: str, tmp_path: Path
) -> None:
    out, path = io.BytesIO(), TEST_FILES / name
    with pytest.raises(UnscannableError, match=why):
        scanner(path.stat().st_size - 1).scan_oversized(path, out)
    assert out.getvalue() == b""


def test_an_over_limit_file_that_is_no_dicom_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "big.png"
    src.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 4096)
    with pytest.raises(UnscannableError, match="file too large"):
        scanner().scan_oversized(src, io.BytesIO())
