"""Turning any decoded image into what the OCR reads best.

The OCR wants 8-bit RGB at a scale where overlay text is 15-40 px tall. Screenshots at
1024x768 carry 10-12 px overlay text, so small images are upscaled; phone photos are large,
so they are brought down to bound time and memory. Only a nearly flat image gets local contrast
equalisation: on the benchmark's monitor photos CLAHE cost recall (it lifted glare and noise
around coloured text), so it is reserved for images with almost no contrast at all. Rotation and perspective need no
step here: the detector returns quadrilaterals and the recogniser rectifies each line.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image


@dataclass(frozen=True, slots=True)
class Prepared:
    """The OCR input and the factor from original pixels to OCR pixels."""

    image: np.ndarray
    scale: float
    enhanced: bool


def to_rgb_array(image: Image.Image) -> np.ndarray:
    """8-bit RGB pixels of any Pillow mode (16-bit grey is min-max stretched)."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        arr = np.asarray(image, dtype=np.float32)
        lo, hi = float(arr.min()), float(arr.max())
        grey = ((arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)).astype(
            np.uint8
        )
        return np.repeat(grey[:, :, None], 3, axis=2)
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return np.asarray(Image.alpha_composite(background, rgba).convert("RGB"))
    return np.asarray(image.convert("RGB"))


def prepare(
    rgb: np.ndarray,
    min_side: int = 900,
    max_side: int = 1600,
    max_upscale: float = 2.0,
    flat_std: float = 15.0,
) -> Prepared:
    """Scale into the OCR's sweet spot; equalise contrast when the image is flat."""
    import cv2

    h, w = rgb.shape[:2]
    longest = max(h, w)
    scale = 1.0
    if longest > max_side:
        scale = max_side / longest
    elif longest < min_side:
        scale = min(max_upscale, min_side / longest)
    out = rgb
    if scale != 1.0:
        interp = cv2.INTER_AREA if scale < 1.0 else cv2.INTER_CUBIC
        out = cv2.resize(
            rgb, (max(1, round(w * scale)), max(1, round(h * scale))), interpolation=interp
        )
    enhanced = False
    grey = cv2.cvtColor(out, cv2.COLOR_RGB2GRAY)
    if float(grey.std()) < flat_std:
        lab = cv2.cvtColor(out, cv2.COLOR_RGB2LAB)
        clahe = cv2.createCLAHE(clipLimit=2.5, tileGridSize=(8, 8))
        lab[:, :, 0] = clahe.apply(lab[:, :, 0])
        out = cv2.cvtColor(lab, cv2.COLOR_LAB2RGB)
        enhanced = True
    return Prepared(np.ascontiguousarray(out), scale, enhanced)


def stretch_bands(
    rgb: np.ndarray,
    band: int = 24,
    tile: int = 160,
    min_range: int = 6,
    max_range: int = 70,
    edge: float = 0.2,
) -> np.ndarray:
    """Low-contrast bands stretched to full range, tile by tile, the rest untouched.

        Ultrasound and CR viewers put the patient's banner in grey on a grey bar (a range of a dozen
        levels out of 255), which the OCR's detector does not see as text. A tile whose grey levels
        span between `min_range` (flat: nothing to read) and `max_range` (already legible, or image
        content) is stretched from its 2nd to 98th percentile. Only the top and bottom `edge` of the
    rows, where viewers put their banners, are looked at: inside the image a dim tile is anatomy,
    and stretching it would only hand the OCR noise. Pixel positions do not change, so
        OCR boxes need no mapping.
    """
    import cv2

    grey = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    out: np.ndarray | None = None
    h, w = grey.shape
    rows = [y for y in range(0, h, band) if y + band <= h * edge or y >= h * (1 - edge)]
    for y in rows:
        for x in range(0, w, tile):
            cell = grey[y : y + band, x : x + tile]
            lo, hi = (float(v) for v in np.percentile(cell, (2, 98)))
            if not (min_range <= hi - lo <= max_range):
                continue
            if out is None:
                out = rgb.copy()
            part = out[y : y + band, x : x + tile].astype(np.float32)
            out[y : y + band, x : x + tile] = np.clip((part - lo) * (255.0 / (hi - lo)), 0, 255)
    return rgb if out is None else out
