"""Writing the de-identified data set back to bytes, whatever encoding it came in.

pydicom writes new pixel data little endian only, so a painted big-endian file is written
little endian, its other binary values word-swapped to match; an input whose file meta lacks
its SOP UIDs is written as it came, without inventing them.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import numpy as np

from bot.detect.dicom_header import iter_elements
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

WORD_BYTES = {"OW": 2, "OF": 4, "OL": 4, "OD": 8, "OV": 8}


def swap_binary_words(ds: Dataset) -> None:
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


def encode_dataset(ds: Dataset) -> bytes:
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
