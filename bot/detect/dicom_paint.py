"""Painting and blurring DICOM frames, and the 8-bit picture of a frame that OCR reads.

Painted boxes are the union of every frame's text regions, filled on every frame (a banner
stays put between frames) with the darkest value a viewer shows; faces move, so they are
blurred frame by frame. OCR reads a frame as a viewer shows it: through its palette, grey
stretched to the full range, MONOCHROME1 inverted.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.detect.types import Box, Polygon

if TYPE_CHECKING:
    from pydicom.dataset import Dataset


def paint(painted: np.ndarray, polygons: list[Polygon], fill: int, samples: int) -> None:
    """Fill every polygon in every frame (banners stay put between frames), in place."""
    import cv2

    pts = [np.round(np.array(p)).astype(np.int32) for p in polygons]
    for i in range(painted.shape[0]):
        planes = range(painted.shape[-1]) if samples > 1 else [None]
        for ch in planes:
            plane = np.ascontiguousarray(painted[i] if ch is None else painted[i, :, :, ch])
            for poly in pts:  # one at a time: overlapping contours would cancel out
                cv2.fillPoly(plane, [poly], int(fill))
            if ch is None:
                painted[i] = plane
            else:
                painted[i, :, :, ch] = plane


def painted_mask(shape: tuple[int, ...], polygons: list[Polygon]) -> np.ndarray:
    """The painted pixels (rows x columns, the same on every frame), as a mask."""
    import cv2

    mask = np.zeros(shape, np.uint8)
    for poly in polygons:
        cv2.fillPoly(mask, [np.round(np.array(poly)).astype(np.int32)], 1)
    return mask.astype(bool)


def blur_faces(painted: np.ndarray, stack: np.ndarray, looks: dict[bytes, Any]) -> None:
    """Blur each frame's faces (faces move between frames, so per frame, by digest)."""
    import cv2

    for i, frame in enumerate(stack):
        digest = hashlib.sha256(np.ascontiguousarray(frame).tobytes()).digest()
        faces: list[Box] = looks[digest].faces if digest in looks else []
        for x, y, w, h in faces:
            region = np.ascontiguousarray(painted[i, y : y + h, x : x + w])
            if region.size == 0:
                continue
            k = max(3, (max(w, h) // 3) | 1)
            blurred = cv2.GaussianBlur(region.astype(np.float32), (k, k), 0)
            painted[i, y : y + h, x : x + w] = blurred.astype(painted.dtype)


def to_rgb8(frame: np.ndarray, photometric: str, palette: Dataset | None = None) -> np.ndarray:
    """8-bit RGB as a viewer shows the frame: a palette applied, grey stretched to full range."""
    if palette is not None:
        from pydicom.pixels.processing import apply_color_lut

        try:
            rgb = apply_color_lut(frame, palette)
        except (ValueError, KeyError, AttributeError, IndexError):
            rgb = None  # a broken palette: read the indices as grey instead
        if rgb is not None:
            scale = 255.0 / 65535.0 if rgb.dtype.itemsize > 1 else 1.0
            return np.ascontiguousarray((rgb[..., :3].astype(np.float32) * scale).astype(np.uint8))
    data = frame.astype(np.float32)
    lo, hi = float(data.min()), float(data.max())
    scaled = ((data - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(data)).astype(
        np.uint8
    )
    if photometric == "MONOCHROME1":
        scaled = 255 - scaled
    if scaled.ndim == 2:
        scaled = np.repeat(scaled[:, :, None], 3, axis=2)
    return np.ascontiguousarray(scaled[:, :, :3])


def fill_value(stack: np.ndarray, photometric: str) -> int:
    return int(stack.max()) if photometric == "MONOCHROME1" else int(stack.min())
