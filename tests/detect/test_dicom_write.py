"""Writing the de-identified data set back: its own encoding, and a big-endian file's binary
values swapped when its pixels are rewritten little endian."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.data import get_testdata_file

from bot.detect.dicom_write import encode_dataset, swap_binary_words
from bot.errors import UnscannableError


def test_a_data_set_is_written_back_as_it_reads() -> None:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    again = pydicom.dcmread(io.BytesIO(encode_dataset(ds)))
    assert again.SOPInstanceUID == ds.SOPInstanceUID
    assert np.array_equal(again.pixel_array, ds.pixel_array)


def test_binary_words_other_than_the_pixels_are_swapped_to_little_endian() -> None:
    ds = pydicom.dcmread(Path(get_testdata_file("CT_small.dcm")))
    ds.add_new(0x00281201, "OW", b"\x01\x02\x03\x04")  # a palette table, big-endian words
    swap_binary_words(ds)
    assert ds[0x00281201].value == b"\x02\x01\x04\x03"


def test_a_binary_value_of_odd_length_is_unscannable() -> None:
    ds = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ds.add_new(0x00281201, "OW", b"\x01\x02\x03")
    with pytest.raises(UnscannableError, match="odd length"):
        swap_binary_words(ds)
