"""Frames counted in encapsulated pixel data itself: real compressed cines agree with their
header, and one whose NumberOfFrames understates its frames is unscannable with that reason,
never judged on its first frame while the others go out unread."""

from __future__ import annotations

import io
from pathlib import Path

import data_store  # type: ignore[import-untyped]
import pydicom
import pytest
from pydicom.dataelem import RawDataElement
from pydicom.encaps import encapsulate
from pydicom.tag import Tag

from bot.detect.dicom_frames import check_frame_count, frames_in_data, number_of_frames
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from bot.errors import UnscannableError
from tests.detect.image_fakes import FakeOcr, FakeTextEngine, refused_unread

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
PYDICOM_DATA = Path(data_store.__file__).parent / "data"
NATIVE_CINE = PYDICOM_DATA / "emri_small.dcm"  # 10 frames 64x64, 16-bit, Explicit VR LE
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
    assert f"NumberOfFrames 1 but pixel data holds {frames} frames" in (
        result.unscannable_reason or ""
    )
    assert pydicom.dcmread(io.BytesIO(result.redacted or b"")).PatientIdentityRemoved == "NO"
    assert ocr.shapes == []  # no frame was judged


def _scan(ds: pydicom.Dataset) -> str:
    buf = io.BytesIO()
    ds.save_as(buf)
    scanner = ImageScanner(FakeTextEngine(), FakeOcr([], int(ds.Columns)), NoFaceDetector())
    result = scanner.scan(buf.getvalue())
    assert not result.scannable and result.redacted  # header-only copy, never a failure
    return result.unscannable_reason or ""


def _frames_value(ds: pydicom.Dataset, value: bytes) -> pydicom.Dataset:
    """`ds` with NumberOfFrames holding `value` as written (pydicom would refuse some)."""
    value += b" " * (len(value) % 2)
    tag = Tag(0x00280008)
    ds._dict[tag] = RawDataElement(tag, "IS", len(value), value, 0, False, True)
    return ds


@pytest.mark.parametrize(
    "path", [NATIVE_CINE, PYDICOM_DATA / "emri_small_jpeg_2k_lossless.dcm"], ids=lambda p: p.name
)
@pytest.mark.parametrize("claimed", ["999999", "4294967296", "11", "9"])
def test_a_wrong_or_huge_frame_count_is_named_not_too_large(path: Path, claimed: str) -> None:
    reason = _scan(_frames_value(pydicom.dcmread(path), claimed.encode()))
    assert f"NumberOfFrames {claimed} but pixel data holds 10 frames" in reason
    assert "too large" not in reason


def test_native_pixel_data_that_understates_its_frames_is_named() -> None:
    ds = pydicom.dcmread(NATIVE_CINE)
    ds.NumberOfFrames = 1
    assert "NumberOfFrames 1 but pixel data holds 10 frames" in _scan(ds)


@pytest.mark.parametrize("value", [b"3.5", b"1e3", b"10.0"])
def test_a_frame_count_that_is_not_an_integer_string_is_not_rounded(value: bytes) -> None:
    """PS3.5 6.2: an IS holds digits and a sign only; pydicom reads "1e3" as 1000."""
    reason = _scan(_frames_value(pydicom.dcmread(NATIVE_CINE), value))
    assert "NumberOfFrames is not a whole number" in reason


@pytest.mark.parametrize("value", [b"Jane Doe", b"1A"])
def test_a_bad_frame_count_is_named_without_its_text(value: bytes) -> None:
    """STYLE: a reason names what went wrong, never the content (a header field may hold PHI)."""
    reason = _scan(_frames_value(pydicom.dcmread(NATIVE_CINE), value))
    assert "NumberOfFrames is not a whole number" in reason
    assert value.decode() not in reason


def test_more_frames_than_fragments_cannot_be() -> None:
    """Fragments without a frame signature leave the count untold; a fragment never holds two
    frames (PS3.5 A.4), so 999999 frames in three fragments is named too."""
    ds = pydicom.dcmread(TEST_FILES / "SC_rgb_small_odd_jpeg.dcm")
    ds.PixelData = encapsulate([b"frag", b"ment", b"s!"], has_bot=False)
    ds.NumberOfFrames = 999999
    assert frames_in_data(ds) is None
    reason = _scan(ds)
    assert "NumberOfFrames 999999 but pixel data holds 3 fragments" in reason


def test_corrupt_fragments_are_a_reason_not_a_failure() -> None:
    ds = pydicom.dcmread(TEST_FILES / "SC_rgb_small_odd_jpeg.dcm")
    ds.PixelData = b"\xfe\xff\x00\xe0\x00\x00\x00\x00" + b"\x01\x02\x03\x04\x08\x00\x00\x00junkjunk"
    with pytest.raises(UnscannableError, match="fragments are corrupt"):
        check_frame_count(ds, 1, 3 * 3 * 3 * 8)


def test_padding_short_of_a_frame_is_not_a_frame() -> None:
    ds = pydicom.dcmread(TEST_FILES / "MR_small_padded.dcm")  # 8320 bytes for one 8192-byte frame
    assert number_of_frames(ds) == 1
    check_frame_count(ds, 1, 64 * 64 * 16)


def _forged_table(frames: int, table: bytes, *, extended: bool = False) -> pydicom.Dataset:
    """A real CT (pydicom's CT_small.dcm) made a cine of `frames` distinct JPEG-LS frames whose
    offset table (Basic, or Extended with the Basic one empty) is `table`, header claiming the
    frames `table` lists: the file a reviewer forged to have frames 2.. go out unread."""
    import numpy as np
    from pydicom.encaps import generate_fragments, parse_basic_offsets
    from pydicom.uid import JPEGLSLossless

    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    arr = ds.pixel_array
    stack = np.stack([arr, arr[::-1], arr[:, ::-1], arr.T][:frames])
    ds.NumberOfFrames = frames
    ds.compress(JPEGLSLossless, stack)
    fp = io.BytesIO(ds.PixelData)
    parse_basic_offsets(fp)
    body = encapsulate(list(generate_fragments(fp)), has_bot=False)[8:]
    claimed = len(table) // (8 if extended else 4)
    if extended:
        ds.ExtendedOffsetTable = table
        ds.PixelData = b"\xfe\xff\x00\xe0\x00\x00\x00\x00" + body
    else:
        ds.PixelData = b"\xfe\xff\x00\xe0" + len(table).to_bytes(4, "little") + table + body
    ds.NumberOfFrames = claimed
    return ds


@pytest.mark.parametrize("extended", [False, True], ids=["basic", "extended"])
def test_a_forged_offset_table_hiding_frames_is_unscannable_not_clean(extended: bool) -> None:
    """PS3.5 A.4: a table points at each frame's first fragment. One entry over four JPEG-LS
    frames (NumberOfFrames 1 to match) had frame 1 alone read and the file marked de-identified."""
    ds = _forged_table(4, b"\x00" * (8 if extended else 4), extended=extended)
    assert "Offset Table lists 1 frame but pixel data opens 4" in refused_unread(ds)


@pytest.mark.parametrize("extended", [False, True], ids=["basic", "extended"])
def test_a_table_pointing_past_a_frames_first_fragment_is_refused(extended: bool) -> None:
    """Four entries for four frames, but all at the first: the count agrees, the offsets not."""
    ds = _forged_table(4, b"\x00" * (32 if extended else 16), extended=extended)
    with pytest.raises(UnscannableError, match="lists 4 frames but pixel data opens 4"):
        frames_in_data(ds)


@pytest.mark.parametrize("extended", [False, True], ids=["basic", "extended"])
def test_a_true_offset_table_is_counted(extended: bool) -> None:
    from pydicom.encaps import generate_fragments, parse_basic_offsets

    fp = io.BytesIO(_forged_table(2, b"").PixelData)
    parse_basic_offsets(fp)
    first = 8 + len(next(generate_fragments(fp)))  # the second frame's Item Tag
    size = 8 if extended else 4
    table = b"".join(offset.to_bytes(size, "little") for offset in (0, first))
    assert frames_in_data(_forged_table(2, table, extended=extended)) == 2
