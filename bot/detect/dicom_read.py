"""Parsing a DICOM file's untrusted bytes in full, so a cut or corrupt file is unscannable.

pydicom reads lazily and forgives much: a value shorter than its declared length, a sequence
without its delimiter, a file without the preamble. Everything is parsed here, up front, and
each of those is `unscannable` with its reason, never a small "clean" file; a file that ends
inside its top-level pixel data still has a whole header, which the flag returned says.
"""

from __future__ import annotations

import io
import warnings
from typing import TYPE_CHECKING

from bot.detect.dicom_header import iter_elements
from bot.detect.dicom_stream import TRUNCATION_WORDS
from bot.detect.dicom_truncation import TRUNCATED, check_end
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset


def read_dataset(data: bytes) -> tuple[Dataset, bool]:
    """Parse untrusted bytes fully; a truncated header, sequence or element is unscannable.
    The flag says the file ends inside its pixel data (the header before it is whole)."""
    from pydicom import dcmread
    from pydicom.errors import BytesLengthException, InvalidDicomError

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw = not (len(data) >= 132 and data[128:132] == b"DICM")
        try:
            ds = dcmread(io.BytesIO(data), force=raw)
            if raw:
                give_file_meta(ds)
            check_end(ds, data)
            pixels_cut = check_lengths(ds)
            for _ in iter_elements(ds):  # every value and sequence item parsed now
                pass
        except UnscannableError:
            raise
        except InvalidDicomError as exc:
            raise UnscannableError("not a DICOM file (no DICM preamble)") from exc
        except TRUNCATED as exc:
            raise UnscannableError("DICOM header is truncated") from exc
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise UnscannableError("DICOM header is corrupt") from exc
        except BytesLengthException as exc:  # a value cut to a length its VR cannot have
            raise UnscannableError("DICOM header is corrupt") from exc
    if any(w in str(c.message).lower() for c in caught for w in TRUNCATION_WORDS):
        raise UnscannableError("DICOM sequence is truncated (end of file before its delimiter)")
    if len(ds) == 0:
        raise UnscannableError("DICOM file has no data elements (truncated)")
    return ds, pixels_cut


def check_whole(ds: Dataset) -> None:
    """Every element and sequence item of a data set read without its pixels parses in full
    (`read_dataset`'s checks for a data set read from a file)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            check_lengths(ds)
            for _ in iter_elements(ds):
                pass
        except UnscannableError:
            raise
        except (EOFError, OSError) as exc:
            raise UnscannableError("DICOM header is truncated") from exc
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
            raise UnscannableError("DICOM header is corrupt") from exc
    if any(w in str(c.message).lower() for c in caught for w in TRUNCATION_WORDS):
        raise UnscannableError("DICOM sequence is truncated (end of file before its delimiter)")
    if len(ds) == 0:
        raise UnscannableError("DICOM file has no data elements (truncated)")


def give_file_meta(ds: Dataset) -> None:
    """A dataset read without the preamble has no file meta: its transfer syntax is the encoding
    pydicom found, so the pixels decode and the copy is written as a proper file."""
    from pydicom.dataset import FileMetaDataset
    from pydicom.uid import ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian

    if len(ds) < 2 or not any(elem.tag.group >= 0x0008 for elem in ds):
        raise UnscannableError("not a DICOM file (no DICM preamble, and no dataset either)")
    implicit, little = ds.original_encoding
    meta = ds.file_meta if ds.file_meta is not None else FileMetaDataset()
    if "TransferSyntaxUID" not in meta:
        meta.TransferSyntaxUID = (
            ImplicitVRLittleEndian
            if implicit
            else ExplicitVRLittleEndian
            if little
            else ExplicitVRBigEndian
        )
    ds.file_meta = meta


def check_lengths(ds: Dataset, *, top: bool = True) -> bool:
    """An element whose value is shorter than its declared length was cut off: unscannable,
    except top-level pixel data that is the file's last element (the header before it is
    whole, so it is still de-identified); True then."""
    from pydicom.dataelem import RawDataElement

    raws = list(ds._dict.values())
    pixels_cut = False
    for n, raw in enumerate(raws):
        if isinstance(raw, RawDataElement):
            length, value = raw.length, raw.value
            if length != 0xFFFFFFFF and value is not None and len(value) < length:
                if top and raw.tag == 0x7FE00010 and n == len(raws) - 1:
                    pixels_cut = True
                    continue
                raise UnscannableError(
                    f"DICOM element ({raw.tag.group:04X},{raw.tag.element:04X}) is truncated"
                )
    for elem in ds:
        if elem.VR == "SQ":
            for item in elem.value:
                check_lengths(item, top=False)
    return pixels_cut
