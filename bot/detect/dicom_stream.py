"""A DICOM over the input size limit: its header read and de-identified, its pixels never held.

A hospital's ultrasound cines are often larger than `MAX_FILE_BYTES` (deid-data's RGB_CINE.dcm
is 99 MiB). Refusing them outright leaves the user of `phiwarden redact-image` with nothing, when
the header (name, MRN, birth date, institution) is the part a table can clean. So the header is
read with pydicom's `stop_before_pixels` (the file position is then the pixel data element's
start), de-identified like any other, and written out followed by the input's pixel data element
copied through in chunks, byte for byte: the pixels are never decoded, never held in memory and
never checked for burned-in text. Such a copy is always unscannable (never posted, never called
clean); the CLI names it `<name>.header-only.dcm` and says that its pixels were not checked.

Only the top-level pixel data element is copied: anything after it in the input (data set
trailing padding, digital signatures, private groups above 7FE0) is dropped, which is what
table E.1-1 asks of those. A deflated data set cannot be read without inflating the pixels too,
and an element that does not end where its length says, are refused (no copy at all).
"""

from __future__ import annotations

import struct
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import FileDataset

# What pydicom's warnings say when a file ends before an element, item or sequence does.
TRUNCATION_WORDS = ("end of file", "delimiter", "truncat", "unexpected end")
PIXEL_TAGS = frozenset({0x7FE00010, 0x7FE00008, 0x7FE00009})  # pydicom's `_at_pixel_data`
ITEM, SEQUENCE_DELIMITER, UNDEFINED = 0xFFFEE000, 0xFFFEE0DD, 0xFFFFFFFF
CHUNK = 1024 * 1024
DEFER = 1024 * 1024  # header values past this are read from the file only when touched
MAX_ITEMS = 1_000_000  # fragments of one encapsulated pixel data element


@dataclass(frozen=True, slots=True)
class PixelSpan:
    """Where the top-level pixel data element lies in the input: [start, end) in bytes."""

    start: int
    end: int


def read_header(
    path: Path, fh: BinaryIO, max_header_bytes: int
) -> tuple[FileDataset, PixelSpan | None]:
    """The data set before the pixels, and where the pixel data element lies (None: no pixels).

    `fh` is `path` opened for reading; it stays open while the data set is used (values past
    `DEFER` bytes are read from it on access). A header longer than `max_header_bytes` is refused
    before any value is touched, so no more than that is ever held.
    """
    from pydicom import dcmread
    from pydicom.errors import InvalidDicomError
    from pydicom.filereader import read_file_meta_info
    from pydicom.uid import DeflatedExplicitVRLittleEndian

    size = path.stat().st_size
    try:
        meta = read_file_meta_info(path)
    except (InvalidDicomError, EOFError, OSError, ValueError) as exc:
        raise UnscannableError(
            "over the size limit and not a DICOM file with a readable file meta"
        ) from exc
    syntax = meta.get("TransferSyntaxUID")
    if syntax is None:
        raise UnscannableError("over the size limit and no transfer syntax in the file meta")
    if syntax == DeflatedExplicitVRLittleEndian:
        raise UnscannableError("over the size limit and deflated (its pixels would be inflated)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ds = dcmread(fh, defer_size=DEFER, stop_before_pixels=True)
        except (InvalidDicomError, EOFError, OSError, ValueError, KeyError, TypeError) as exc:
            raise UnscannableError("DICOM header is corrupt or truncated") from exc
    if any(w in str(c.message).lower() for c in caught for w in TRUNCATION_WORDS):
        raise UnscannableError("DICOM header is truncated (end of file before its end)")
    start = fh.tell()
    if start > max_header_bytes:
        raise UnscannableError("DICOM header alone is over the size limit")
    if ds.original_encoding[:2] != (syntax.is_implicit_VR, syntax.is_little_endian):
        raise UnscannableError("DICOM data set is not encoded as its transfer syntax says")
    if start >= size:
        return ds, None
    return ds, PixelSpan(
        start, _element_end(fh, start, size, syntax.is_implicit_VR, syntax.is_little_endian)
    )


def _element_end(fh: BinaryIO, start: int, size: int, implicit: bool, little: bool) -> int:
    """The offset just past the pixel data element at `start` (its fragments walked, without
    reading them, when its length is undefined)."""
    order = "<" if little else ">"
    fh.seek(start)
    head = fh.read(12)
    if len(head) < 8:
        raise UnscannableError("DICOM pixel data is truncated (the file ends inside it)")
    group, elem = struct.unpack(f"{order}HH", head[:4])
    if (group << 16 | elem) not in PIXEL_TAGS:
        raise UnscannableError("DICOM pixel data element is not where the header ends")
    value_at = start + (8 if implicit else 12)  # explicit OB/OW/OF/OD/UN: VR, 2 reserved, 4
    if len(head) < value_at - start:
        raise UnscannableError("DICOM pixel data is truncated (the file ends inside it)")
    length = int(struct.unpack(f"{order}L", head[value_at - start - 4 : value_at - start])[0])
    end = value_at + length if length != UNDEFINED else _fragments_end(fh, value_at, size)
    if end > size:
        raise UnscannableError("DICOM pixel data is truncated (the file ends inside it)")
    return end


def _fragments_end(fh: BinaryIO, pos: int, size: int) -> int:
    """Encapsulated pixel data (always little endian, PS3.5 A.4): items up to the delimiter."""
    for _ in range(MAX_ITEMS):
        fh.seek(pos)
        head = fh.read(8)
        if len(head) < 8:
            raise UnscannableError("DICOM pixel data is truncated (no sequence delimiter)")
        group, elem, length = struct.unpack("<HHL", head)
        tag = group << 16 | elem
        if tag == SEQUENCE_DELIMITER:
            return pos + 8
        if tag != ITEM or length == UNDEFINED or pos + 8 + length > size:
            raise UnscannableError("DICOM pixel data fragments are corrupt or truncated")
        pos += 8 + length
    raise UnscannableError("DICOM pixel data has too many fragments")


def copy_span(fh: BinaryIO, out: BinaryIO, span: PixelSpan) -> None:
    """The input's bytes [start, end) appended to `out`, a chunk at a time."""
    fh.seek(span.start)
    left = span.end - span.start
    while left > 0:
        chunk = fh.read(min(CHUNK, left))
        if not chunk:
            raise UnscannableError("DICOM pixel data is truncated (the file ends inside it)")
        out.write(chunk)
        left -= len(chunk)
