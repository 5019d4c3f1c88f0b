"""A frame ends where its codestream ends: frames whose SOI/SOC was stripped, riding as trailing
bytes of frame 1, make the file unscannable; padding, and frames spanning fragments, do not."""

from __future__ import annotations

import io
from pathlib import Path

import data_store  # type: ignore[import-untyped]
import numpy as np
import pydicom
import pytest
from pydicom.encaps import encapsulate, generate_fragments, parse_basic_offsets
from pydicom.uid import JPEG2000Lossless, JPEGBaseline8Bit, JPEGLSLossless

from bot.detect.dicom_codestream import _j2k_marker, check_frame_ends, codestream_end
from bot.detect.dicom_frames import frames_in_data
from bot.errors import UnscannableError
from tests.detect.image_fakes import refused_unread

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
PYDICOM_DATA = Path(data_store.__file__).parent / "data"
SYNTAXES = [JPEGLSLossless, JPEG2000Lossless, JPEGBaseline8Bit]


def _frames(syntax: str) -> tuple[pydicom.Dataset, list[bytes]]:
    """pydicom's CT_small.dcm made four distinct frames, each its own codestream in `syntax`."""
    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    arr = ds.pixel_array
    stack = np.stack([arr, arr[::-1], arr[:, ::-1], arr.T])
    if syntax == JPEGBaseline8Bit:  # no pydicom encoder: Pillow, 8-bit
        from PIL import Image

        small = ((stack - stack.min()) * 255 // max(int(np.ptp(stack)), 1)).astype(np.uint8)
        frames = []
        for frame in small:
            out = io.BytesIO()
            Image.fromarray(frame).save(out, "JPEG", quality=90)
            frames.append(out.getvalue())
        ds.BitsAllocated = ds.BitsStored = 8
        ds.HighBit, ds.PixelRepresentation = 7, 0
        ds.file_meta.TransferSyntaxUID = JPEGBaseline8Bit
        return ds, frames
    ds.NumberOfFrames = 4
    ds.compress(syntax, stack)
    fp = io.BytesIO(ds.PixelData)
    parse_basic_offsets(fp)
    return ds, list(generate_fragments(fp))


def _stripped(syntax: str) -> pydicom.Dataset:
    """The forgery: frames 2-4 lose their SOI (JPEG 2000: SOC), so they are trailing bytes of
    frame 1's one fragment; NumberOfFrames 1 and an empty offset table agree with that."""
    ds, frames = _frames(syntax)
    hidden = frames[0].rstrip(b"\x00") + b"".join(f.rstrip(b"\x00")[2:] for f in frames[1:])
    ds.PixelData = encapsulate([hidden], has_bot=False)
    ds.NumberOfFrames = 1
    return ds


@pytest.mark.parametrize("syntax", SYNTAXES, ids=lambda s: s.name)
def test_frames_hidden_after_the_first_codestream_are_unscannable_not_clean(syntax: str) -> None:
    reason = refused_unread(_stripped(syntax))
    assert "DICOM frame 1 holds" in reason
    assert "after its codestream ends" in reason


@pytest.mark.parametrize("syntax", SYNTAXES, ids=lambda s: s.name)
def test_two_whole_codestreams_in_one_frame_are_refused(syntax: str) -> None:
    """SOI kept but both in one fragment: one frame by the signatures, two images inside."""
    _, frames = _frames(syntax)
    with pytest.raises(UnscannableError, match="after its codestream ends"):
        check_frame_ends([frames[0].rstrip(b"\x00") + frames[1]])


@pytest.mark.parametrize("syntax", SYNTAXES, ids=lambda s: s.name)
@pytest.mark.parametrize("pad", [b"", b"\x00", b"\x00\x00\x00", b"\xff\xff\x00"])
def test_padding_and_frames_spanning_fragments_pass(syntax: str, pad: bytes) -> None:
    ds, frames = _frames(syntax)
    whole = [f.rstrip(b"\x00") + pad for f in frames]
    check_frame_ends(whole)
    thirds = len(whole[0]) // 3 & ~1  # frame 1 in three fragments: EOI in the last
    fragments = [whole[0][:thirds], whole[0][thirds : 2 * thirds], whole[0][2 * thirds :]]
    ds.PixelData = encapsulate(fragments + whole[1:], has_bot=False)
    ds.NumberOfFrames = 4
    assert frames_in_data(ds) == 4


@pytest.mark.parametrize("syntax", SYNTAXES, ids=lambda s: s.name)
def test_a_frame_cut_short_is_refused(syntax: str) -> None:
    _, frames = _frames(syntax)
    with pytest.raises(UnscannableError, match="cut short"):
        check_frame_ends([frames[0][: len(frames[0]) // 2]])


def _encapsulated() -> list[Path]:
    paths = sorted(TEST_FILES.glob("*.dcm")) + sorted(PYDICOM_DATA.glob("*.dcm"))
    found = []
    for path in paths:
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True)
        except Exception:  # pydicom's deliberately broken files
            continue
        syntax = getattr(getattr(ds, "file_meta", None), "TransferSyntaxUID", None)
        if syntax is not None and syntax.is_encapsulated:
            found.append(path)
    return found


@pytest.mark.parametrize("path", _encapsulated(), ids=lambda p: p.name)
def test_every_real_encapsulated_frame_ends_with_its_codestream(path: Path) -> None:
    ds = pydicom.dcmread(path)
    try:
        frames_in_data(ds)
    except UnscannableError as exc:
        assert "codestream" not in str(exc), path.name


def test_the_walk_stops_at_the_first_end_marker() -> None:
    _, frames = _frames(JPEGLSLossless)
    assert codestream_end(frames[0] + frames[1]) == len(frames[0].rstrip(b"\x00"))
    assert codestream_end(b"not a codestream") is None


def test_sop_and_eph_markers_are_packet_data_but_a_tile_part_is_not() -> None:
    """T.800 A.8: SOP (FF91) and EPH (FF92) may sit among packets; SOT (FF90) never does."""
    packets = b"\x12\xff\x91\x00\x04\x00\x01\x34\xff\x92\x56\xff\x7f"
    assert _j2k_marker(packets, 0, len(packets)) == len(packets)
    assert _j2k_marker(packets + b"\xff\x90", 0, len(packets) + 2) == len(packets)
