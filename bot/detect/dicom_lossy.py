"""A lossy copy of a painted DICOM, only for a lossy input whose lossless copy is over the limit.

JPEG-LS Lossless writes a painted JPEG Baseline file at 3-6 times its input (pixels decoded
from a lossy JPEG hardly compress losslessly), so an input above ~15 MiB came back over our
own 50 MiB input limit, and a copy over the limit cannot be scanned again. Such an input was
lossy already, so `dicom_encode` then writes it JPEG Baseline again, each frame with that
frame's own quantization tables and chroma subsampling (Pillow's libjpeg): the copy is about
the input's size (color3d_jpeg_baseline: 5.8 -> 5.7 MiB, 61 dB against the painted pixels),
and the header says so (PS3.3 C.7.6.1.1.5): Lossy Image Compression "01", this step's ratio
and method appended to the ones the input had. The copy is decoded back and must be within
`MIN_PSNR` of the painted pixels on every frame, and every painted region must decode to its
fill (`painted_regions_kept`), so no encoder fault ships a frame out of order or a box that
lets the removed text through. docs/images.md has the measurements and the choice.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

JPEG_BASELINE = "1.2.840.10008.1.2.4.50"
JPEG_LS_NEAR = "1.2.840.10008.1.2.4.81"  # JPEG-LS Near-Lossless: every sample within NEAR
# Transfer syntaxes whose data is lossy by definition, with their PS3.3 C.7.6.1.1.5 method
# term; JPEG 2000 and JPEG-LS (near-lossless) inputs count as lossy when the header says so.
LOSSY_METHODS = {
    "1.2.840.10008.1.2.4.50": "ISO_10918_1",
    "1.2.840.10008.1.2.4.51": "ISO_10918_1",
    "1.2.840.10008.1.2.4.81": "ISO_14495_1",
    "1.2.840.10008.1.2.4.91": "ISO_15444_1",
    "1.2.840.10008.1.2.4.203": "ISO_15444_15",
}
ALWAYS_LOSSY = frozenset({"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"})
QUALITY = 95  # when the input's own tables cannot be read (a lossy input that was not JPEG)
MIN_PSNR = 40.0  # dB, each frame against the painted pixels (the copy here: 55-61)
FILL_TOLERANCE = 4  # levels: a painted box's inside, one JPEG block from its edge
EDGE = 8  # pixels: a JPEG block next to a box's edge mixes in its neighbours (ringing)
# A burned-in text line is a box thinner than two blocks: 2 px in from its edge, every box's
# pixels must stay near the fill on average, and none may stray past the ringing Pillow's
# JPEG leaves there (quality 50-95, grey and 4:2:0/4:2:2 colour, a white field beside the
# box: at most 32 levels, box means at most 3.9); text showing again is far past both.
THIN_EDGE = 2
RING_TOLERANCE = 48  # levels, any pixel THIN_EDGE in
MEAN_TOLERANCE = 8.0  # levels, a box's mean deviation THIN_EDGE in
PHOTOMETRICS = frozenset({"MONOCHROME1", "MONOCHROME2", "RGB"})


def was_lossy(ds: Dataset, source: str) -> bool:
    """Whether the input's pixels had been through lossy compression (its syntax or its
    header says so): only then may the copy be lossy."""
    return source in ALWAYS_LOSSY or str(ds.get("LossyImageCompression", "")).strip() == "01"


def eligible(painted: np.ndarray, photometric: str, bits_stored: int) -> bool:
    """JPEG Baseline holds 8-bit unsigned grey or colour, not palette indices."""
    return painted.dtype == np.uint8 and bits_stored == 8 and photometric in PHOTOMETRICS


def deep_eligible(painted: np.ndarray, photometric: str, bits_stored: int, bits: int) -> bool:
    """JPEG-LS Near-Lossless for 9-16 bit grey or colour (not palette indices); signed pixels
    stored in fewer bits than allocated are left out, as for JPEG-LS Lossless (`dicom_encode`:
    GDCM reads them back without the sign)."""
    signed_partial = painted.dtype.kind == "i" and bits_stored < bits
    return (
        painted.dtype.itemsize == 2
        and 8 < bits_stored <= 16
        and photometric in PHOTOMETRICS
        and not signed_partial
    )


def near_error(bits_stored: int) -> int:
    """JPEG-LS NEAR for `bits_stored`: one level of the 8-bit picture a viewer shows."""
    return 1 << (bits_stored - 8)


def encode_near_lossless(ds: Dataset, bits_stored: int) -> None:
    """Compress `ds`'s native pixels (the painted copy) JPEG-LS Near-Lossless. Raises what
    pydicom's encoder plugin (pyjpegls, CharLS) raises."""
    ds.compress(JPEG_LS_NEAR, jls_error=near_error(bits_stored), generate_instance_uid=False)


def source_tables(pixel_data: bytes, frames: int) -> list[dict[str, Any]]:
    """Each input frame's quantization tables and subsampling (Pillow's save arguments);
    empty when the frames are not all JPEG that Pillow reads."""
    from PIL import Image, JpegImagePlugin
    from pydicom.encaps import generate_frames

    out: list[dict[str, Any]] = []
    try:
        for frame in generate_frames(pixel_data, number_of_frames=frames):
            with Image.open(io.BytesIO(frame)) as im:
                sampling = JpegImagePlugin.get_sampling(im)
                tables = getattr(im, "quantization", None)  # JpegImageFile's, by table id
                if not tables:
                    return []
                out.append({"qtables": tables, "subsampling": 0 if sampling == 0 else 1})
    except Exception:  # any unreadable frame: standard tables instead
        return []
    return out if len(out) == frames else []


def encode(
    ds: Dataset,
    painted: np.ndarray,
    photometric: str,
    tables: list[dict[str, Any]],
) -> None:
    """Write `painted` (frames first) into `ds` as JPEG Baseline, with `tables[i]` for frame i
    (or quality `QUALITY`, 4:2:2, without them). Raises what Pillow or pydicom raise."""
    from PIL import Image
    from pydicom.encaps import encapsulate
    from pydicom.uid import UID

    single = painted if painted.shape[0] > 1 else painted[0]
    ds.set_pixel_data(single, photometric, 8, generate_instance_uid=False)
    colour = painted.ndim == 4
    fragments = []
    for i, frame in enumerate(painted):
        kwargs: dict[str, Any] = tables[i] if tables else {"quality": QUALITY, "subsampling": 1}
        if not colour:  # one component: the first (luminance) table, no subsampling
            kwargs = {k: v for k, v in kwargs.items() if k != "subsampling"}
            if kwargs.get("qtables"):
                kwargs["qtables"] = dict(list(kwargs["qtables"].items())[:1])
        buf = io.BytesIO()
        Image.fromarray(frame, "RGB" if colour else "L").save(buf, "JPEG", **kwargs)
        fragments.append(buf.getvalue())
    ds.PixelData = encapsulate(fragments, has_bot=True)
    elem = ds["PixelData"]
    elem.VR, elem.is_undefined_length = "OB", True
    ds.file_meta.TransferSyntaxUID = UID(JPEG_BASELINE)
    if colour:
        subsampled = not tables or any(t.get("subsampling") != 0 for t in tables)
        # PS3.5 8.2.1: YBR_FULL_422 when chroma is subsampled, YBR_FULL when not.
        ds.PhotometricInterpretation = "YBR_FULL_422" if subsampled else "YBR_FULL"


def round_trips(
    ds: Dataset,
    painted: np.ndarray,
    regions: np.ndarray | None,
    fill: int,
    bits_stored: int = 8,
    max_error: int | None = None,
) -> bool:
    """Whether the lossy copy decodes close to `painted` on every frame (and, with
    `max_error`, every sample within it) and every painted region (`regions`, rows x columns,
    the same on every frame) still decodes to `fill`. Levels are 8-bit ones, scaled to
    `bits_stored` (a 12-bit level is a sixteenth of an 8-bit one)."""
    from pydicom.pixels.utils import pixel_array

    back = pixel_array(ds)
    if back.size != painted.size:
        return False
    back = back.reshape(painted.shape)
    peak = float((1 << bits_stored) - 1)
    for got, want in zip(back, painted, strict=True):
        if psnr(got, want, peak) < MIN_PSNR:
            return False
    error = np.abs(back.astype(np.int64) - painted.astype(np.int64))
    if max_error is not None and error.max() > max_error:
        return False
    scale = 1 << (bits_stored - 8)
    return regions is None or painted_regions_kept(back, regions, fill, scale)


def painted_regions_kept(back: np.ndarray, regions: np.ndarray, fill: int, scale: int = 1) -> bool:
    """Whether every painted region still decodes to its fill on every frame: one JPEG block
    in from its edge (where a neighbour's ringing cannot reach) within `FILL_TOLERANCE`, and,
    so that a thin box (a text line) is checked too, `THIN_EDGE` in within `RING_TOLERANCE`
    on every pixel and `MEAN_TOLERANCE` on each box's mean. A box thinner than
    2 * THIN_EDGE + 1 pixels holds no legible text; the PSNR check is what is left for it.
    Tolerances are multiplied by `scale` for pixels of more than 8 bits."""
    import cv2

    mask = regions.astype(np.uint8)
    deep = cv2.erode(mask, np.ones((2 * EDGE + 1, 2 * EDGE + 1), np.uint8)).astype(bool)
    if (
        deep.any()
        and np.abs(back[:, deep].astype(np.int64) - int(fill)).max() > FILL_TOLERANCE * scale
    ):
        return False
    shallow = cv2.erode(mask, np.ones((2 * THIN_EDGE + 1, 2 * THIN_EDGE + 1), np.uint8))
    inside = shallow.astype(bool)
    if not inside.any():
        return True
    deviation = np.abs(back[:, inside].astype(np.int64) - int(fill))
    deviation = deviation.reshape(len(back), int(inside.sum()), -1).max(axis=2)  # worst sample
    if deviation.max() > RING_TOLERANCE * scale:
        return False
    count, labels = cv2.connectedComponents(mask)  # one label per painted box
    boxes = labels[inside]
    sizes = np.bincount(boxes, minlength=count)
    for frame in deviation:
        sums = np.bincount(boxes, weights=frame, minlength=count)
        if (sums[sizes > 0] / sizes[sizes > 0]).max() > MEAN_TOLERANCE * scale:
            return False
    return True


def psnr(got: np.ndarray, want: np.ndarray, peak: float = 255.0) -> float:
    """Peak signal-to-noise ratio of a frame whose values reach `peak`, in dB (infinite when
    identical)."""
    mse = float(np.mean((got.astype(np.float64) - want.astype(np.float64)) ** 2))
    return float("inf") if mse == 0 else 10 * float(np.log10(peak**2 / mse))


def record(
    ds: Dataset, source: str, source_bytes: int, raw_bytes: int, method: str = "ISO_10918_1"
) -> None:
    """PS3.3 C.7.6.1.1.5: Lossy Image Compression "01", this step's ratio (raw over coded
    bytes) and method appended to the input's. An input that did not record its own step gets
    it first, from its syntax and its pixel data's size, so the two lists stay in step."""
    ratios = [str(v) for v in _values(ds.get("LossyImageCompressionRatio"))]
    methods = [str(v) for v in _values(ds.get("LossyImageCompressionMethod"))]
    before = LOSSY_METHODS.get(source)
    if before is not None and source_bytes > 0:
        if not ratios and not methods:
            ratios, methods = [_ratio(raw_bytes, source_bytes)], [before]
        ratios += [_ratio(raw_bytes, source_bytes)] * (len(methods) - len(ratios))
        methods += [before] * (len(ratios) - len(methods))
    ratios.append(_ratio(raw_bytes, len(ds.PixelData)))
    methods.append(method)
    ds.LossyImageCompression = "01"
    ds.LossyImageCompressionRatio = ratios
    ds.LossyImageCompressionMethod = methods


def _values(value: object) -> list[object]:
    if value is None or value == "":
        return []
    if isinstance(value, str | bytes | int | float):
        return [value]
    return list(value)  # type: ignore[call-overload, no-any-return]


def _ratio(raw: int, coded: int) -> str:
    """A DS of at most 16 characters."""
    return f"{raw / max(1, coded):.2f}"
