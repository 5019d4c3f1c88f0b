"""Reading untrusted DICOM bytes in full: a cut file is unscannable with its reason, a data set
without the preamble gets file meta, and a file cut inside its pixel data says so."""

from __future__ import annotations

from pathlib import Path

import pydicom
import pytest
from pydicom.data import get_testdata_file

from bot.detect.dicom_read import read_dataset
from bot.errors import UnscannableError

CT = Path(get_testdata_file("CT_small.dcm"))


def test_a_whole_file_reads_and_is_not_cut() -> None:
    ds, pixels_cut = read_dataset(CT.read_bytes())
    assert ds.Rows == 128 and not pixels_cut


def test_a_file_cut_inside_its_pixel_data_keeps_its_header() -> None:
    cut = Path(get_testdata_file("MR_truncated.dcm")).read_bytes()  # pydicom's, cut short
    ds, pixels_cut = read_dataset(cut)
    assert pixels_cut and ds.Rows == 64


@pytest.mark.parametrize("end", [300, 700])
def test_a_file_cut_in_its_header_is_unscannable(end: int) -> None:
    with pytest.raises(UnscannableError, match="DICOM"):
        read_dataset(CT.read_bytes()[:end])


@pytest.mark.parametrize(
    ("name", "syntax"),
    [
        ("ExplVR_BigEndNoMeta.dcm", pydicom.uid.ExplicitVRBigEndian),
        ("OT-PAL-8-face.dcm", pydicom.uid.ImplicitVRLittleEndian),
    ],
)
def test_a_data_set_without_the_preamble_gets_file_meta(name: str, syntax: str) -> None:
    raw = Path(get_testdata_file(name)).read_bytes()  # no preamble, no file meta
    assert raw[128:132] != b"DICM"
    got, _ = read_dataset(raw)
    assert got.file_meta.TransferSyntaxUID == syntax  # the encoding pydicom found


def test_bytes_that_are_not_dicom_are_refused() -> None:
    with pytest.raises(UnscannableError, match="DICOM"):
        read_dataset(b"\x00" * 64 + b"hello world" * 10)
