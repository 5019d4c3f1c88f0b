"""Writing painted DICOM pixels back, losslessly re-compressed when the input was compressed.

RLE alone made a painted JPEG Baseline file 7-13 times its input (RLE hardly compresses pixels
decoded from a lossy JPEG), so a 7 MiB upload came back over our own 50 MiB input limit. JPEG-LS
Lossless (CharLS, via `pyjpegls`) brings it to 3-5x at RLE's speed; docs/images.md has the
figures. Every encode is decoded back and compared, so a copy never loses an unpainted pixel;
an encoder that is missing, raises or does not round-trip falls back to the next choice, RLE last.
A lossy input whose lossless copy would be over the size limit is written JPEG Baseline again
(`dicom_lossy`), with its own round-trip check; the lossless copy when that fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from bot.detect import dicom_lossy
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset
    from pydicom.uid import UID

# pydicom's lossless encoders: kept when the input already uses one (a JPEG 2000 Lossless or
# JPEG-LS Lossless input comes back in its own syntax).
JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80"
JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90"
RLE_LOSSLESS = "1.2.840.10008.1.2.5"
KEPT = (JPEG_LS_LOSSLESS, JPEG_2000_LOSSLESS, RLE_LOSSLESS)
PREFERRED = JPEG_LS_LOSSLESS
# Encoder plugins raise many types (ValueError, RuntimeError, their own); any of them means
# "try the next syntax", never "ship it as it is".
ENCODE_ERRORS = (Exception,)


def choices(source: str, *, signed_partial: bool = False) -> tuple[str, ...]:
    """The syntaxes to try, in order, for a painted copy of a `source`-compressed file.
    Signed pixels stored in fewer bits than allocated (a CT's 12 of 16) skip JPEG-LS: CharLS
    codes them unsigned, and GDCM decodes them back without the sign (-2971 read as 13413)."""
    first = source if source in KEPT else PREFERRED
    order = dict.fromkeys((first, PREFERRED, RLE_LOSSLESS))
    if signed_partial:
        order.pop(JPEG_LS_LOSSLESS, None)
    return tuple(order)


def store_pixels(
    ds: Dataset,
    painted: np.ndarray,
    photometric: str,
    bits_stored: int,
    compressed_from: UID | None,
    *,
    max_pixel_bytes: int | None = None,
    regions: np.ndarray | None = None,
    fill: int = 0,
) -> str | None:
    """Put `painted` into `ds` natively, then (when the input was compressed) compressed with
    the first of `choices` that decodes back to exactly `painted`. Returns the syntax used
    (None: left uncompressed); raises UnscannableError when nothing could write it.
    When that lossless copy's pixel data is over `max_pixel_bytes` and the input was lossy,
    a JPEG Baseline copy is tried (`dicom_lossy`; `regions` are the painted pixels, which
    must decode to `fill`), and the lossless one is kept when it fails."""
    single = painted if painted.shape[0] > 1 else painted[0]
    bits = int(ds.get("BitsAllocated", 8) or 8)
    signed_partial = painted.dtype.kind == "i" and bits_stored < bits
    source = str(compressed_from) if compressed_from is not None else ""
    source_data = ds.get("PixelData") or b""
    lossy_ok = bool(source) and dicom_lossy.was_lossy(ds, source)
    todo = (None,) if not source else choices(source, signed_partial=signed_partial)
    for uid in todo:
        _set_native(ds, single, photometric, bits_stored)
        if uid is None:
            return None
        if not _lossless(ds, painted, uid):
            continue
        if max_pixel_bytes is None or len(ds.PixelData) <= max_pixel_bytes or not lossy_ok:
            return uid
        if _lossy(ds, painted, photometric, bits_stored, source, source_data, regions, fill):
            return str(ds.file_meta.TransferSyntaxUID)
        _set_native(ds, single, photometric, bits_stored)  # back to the lossless copy,
        if _lossless(ds, painted, uid):  # checked again like every encode
            return uid
    raise UnscannableError("DICOM pixel data cannot be re-encoded after redaction")


def _lossless(ds: Dataset, painted: np.ndarray, uid: str) -> bool:
    """Whether `ds` (native pixels) was compressed to `uid` and decodes back to `painted`."""
    try:
        ds.compress(uid, generate_instance_uid=False)
        return round_trips(ds, painted)
    except ENCODE_ERRORS:
        return False


def _set_native(ds: Dataset, single: np.ndarray, photometric: str, bits_stored: int) -> None:
    try:
        ds.set_pixel_data(single, photometric, bits_stored, generate_instance_uid=False)
    except (ValueError, TypeError, NotImplementedError, RuntimeError) as exc:
        raise UnscannableError("DICOM pixel data cannot be re-encoded after redaction") from exc


def _lossy(
    ds: Dataset,
    painted: np.ndarray,
    photometric: str,
    bits_stored: int,
    source: str,
    source_data: bytes,
    regions: np.ndarray | None,
    fill: int,
) -> bool:
    """Whether a lossy copy was written, smaller than the lossless one and round tripping
    (`dicom_lossy.round_trips`): JPEG Baseline for 8 bits, JPEG-LS Near-Lossless for 9-16;
    `ds` is left in an unknown state when not."""
    bits = int(ds.get("BitsAllocated", 8) or 8)
    deep = dicom_lossy.deep_eligible(painted, photometric, bits_stored, bits)
    if not deep and not dicom_lossy.eligible(painted, photometric, bits_stored):
        return False
    lossless_bytes = len(ds.PixelData)
    tables = []
    if source == dicom_lossy.JPEG_BASELINE:
        tables = dicom_lossy.source_tables(source_data, painted.shape[0])
    try:
        if deep:
            _set_native(
                ds, painted if painted.shape[0] > 1 else painted[0], photometric, bits_stored
            )
            dicom_lossy.encode_near_lossless(ds, bits_stored)
        else:
            dicom_lossy.encode(ds, painted, photometric, tables)
        if len(ds.PixelData) >= lossless_bytes:
            return False
        near = dicom_lossy.near_error(bits_stored) if deep else None
        if not dicom_lossy.round_trips(
            ds, painted, regions, fill, bits_stored if deep else 8, near
        ):
            return False
    except ENCODE_ERRORS:
        return False
    method = "ISO_14495_1" if deep else "ISO_10918_1"
    raw = painted.size * painted.dtype.itemsize
    dicom_lossy.record(ds, source, len(source_data), raw, method)
    return True


def round_trips(ds: Dataset, painted: np.ndarray) -> bool:
    """Whether `ds`'s compressed pixel data decodes to exactly `painted` (shape and values)."""
    from pydicom.pixels.utils import pixel_array

    back = pixel_array(ds)
    return bool(back.size == painted.size and np.array_equal(back.reshape(painted.shape), painted))
