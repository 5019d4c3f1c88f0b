"""Writing painted DICOM pixels back, losslessly re-compressed when the input was compressed.

RLE alone made a painted JPEG Baseline file 7-13 times its input (RLE hardly compresses pixels
decoded from a lossy JPEG), so a 7 MiB upload came back over our own 50 MiB input limit. JPEG-LS
Lossless (CharLS, via `pyjpegls`) brings it to 3-5x at RLE's speed; docs/images.md has the
figures. Every encode is decoded back and compared, so a copy never loses an unpainted pixel;
an encoder that is missing, raises or does not round-trip falls back to the next choice, RLE last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

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
) -> str | None:
    """Put `painted` into `ds` natively, then (when the input was compressed) compressed with
    the first of `choices` that decodes back to exactly `painted`. Returns the syntax used
    (None: left uncompressed); raises UnscannableError when nothing could write it."""
    single = painted if painted.shape[0] > 1 else painted[0]
    bits = int(ds.get("BitsAllocated", 8) or 8)
    signed_partial = painted.dtype.kind == "i" and bits_stored < bits
    todo = (
        (None,)
        if compressed_from is None
        else choices(str(compressed_from), signed_partial=signed_partial)
    )
    for uid in todo:
        try:
            ds.set_pixel_data(single, photometric, bits_stored, generate_instance_uid=False)
        except (ValueError, TypeError, NotImplementedError, RuntimeError) as exc:
            raise UnscannableError("DICOM pixel data cannot be re-encoded after redaction") from exc
        if uid is None:
            return None
        try:
            ds.compress(uid, generate_instance_uid=False)
            if round_trips(ds, painted):
                return uid
        except ENCODE_ERRORS:
            continue
    raise UnscannableError("DICOM pixel data cannot be re-encoded after redaction")


def round_trips(ds: Dataset, painted: np.ndarray) -> bool:
    """Whether `ds`'s compressed pixel data decodes to exactly `painted` (shape and values)."""
    from pydicom.pixels.utils import pixel_array

    back = pixel_array(ds)
    return bool(back.size == painted.size and np.array_equal(back.reshape(painted.shape), painted))
