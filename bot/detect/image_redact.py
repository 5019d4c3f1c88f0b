"""Painting redactions: solid boxes over PHI characters, blur over faces.

Boxes are drawn in the image's own mode (palette, grey, 16-bit, RGB) so an unredacted area
keeps its exact pixels. A box is the rotated rectangle around the characters of one span on one
line, grown by a margin proportional to the text height: tight enough that the vitals or
technique label next to a name stay readable, loose enough to cover anti-aliased edges and
small OCR offsets.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from bot.detect.ocr import Quad
from bot.detect.types import Polygon


def span_polygon(
    quads: Sequence[Quad], margin_ratio: float = 0.18, min_margin: float = 2.0
) -> Polygon:
    """Rotated rectangle around character quads, grown by a margin."""
    import cv2

    pts = np.array([p for q in quads for p in q], dtype=np.float32)
    (cx, cy), (w, h), angle = cv2.minAreaRect(pts)
    text_h = min(w, h) if min(w, h) > 0 else 1.0
    margin = max(min_margin, margin_ratio * text_h)
    box = cv2.boxPoints(((cx, cy), (w + 2 * margin, h + 2 * margin), angle))
    return tuple((float(x), float(y)) for x, y in box)


def polygon_bounds(poly: Polygon, width: int, height: int) -> tuple[int, int, int, int]:
    """Clipped (x, y, w, h) of a polygon."""
    xs = [p[0] for p in poly]
    ys = [p[1] for p in poly]
    x0, y0 = max(0, int(np.floor(min(xs)))), max(0, int(np.floor(min(ys))))
    x1, y1 = min(width, int(np.ceil(max(xs)))), min(height, int(np.ceil(max(ys))))
    return x0, y0, max(0, x1 - x0), max(0, y1 - y0)


def _black(image: Image.Image) -> int | tuple[int, ...]:
    mode = image.mode
    if mode == "P":
        palette = image.getpalette() or [0, 0, 0]
        triples = [palette[i : i + 3] for i in range(0, len(palette) - 2, 3)]
        return min(range(len(triples)), key=lambda i: sum(triples[i]))
    if mode in ("RGB", "YCbCr", "LAB", "HSV"):
        return (0, 0, 0)
    if mode == "RGBA":
        return (0, 0, 0, 255)
    if mode == "LA":
        return (0, 255)
    if mode == "CMYK":
        return (0, 0, 0, 255)
    return 0


def paint_boxes(image: Image.Image, polygons: Sequence[Polygon]) -> None:
    """Fill polygons with solid black in place."""
    if not polygons:
        return
    draw = ImageDraw.Draw(image)
    fill = _black(image)
    for poly in polygons:
        draw.polygon([(x, y) for x, y in poly], fill=fill)


def blur_regions(image: Image.Image, boxes: Sequence[tuple[int, int, int, int]]) -> None:
    """Blur boxes beyond recognition in place (solid fill where the mode cannot be blurred)."""
    for x, y, w, h in boxes:
        pad = int(0.15 * max(w, h))
        area = (
            max(0, x - pad),
            max(0, y - pad),
            min(image.width, x + w + pad),
            min(image.height, y + h + pad),
        )
        if area[2] <= area[0] or area[3] <= area[1]:
            continue
        if image.mode in ("RGB", "RGBA", "L"):
            region = image.crop(area)
            small = region.resize(
                (max(1, region.width // 12), max(1, region.height // 12)), Image.Resampling.BILINEAR
            )
            blurred = small.resize(region.size, Image.Resampling.BILINEAR).filter(
                ImageFilter.GaussianBlur(radius=max(2, region.width // 20))
            )
            image.paste(blurred, area[:2])
        else:
            paint_boxes(
                image,
                [((area[0], area[1]), (area[2], area[1]), (area[2], area[3]), (area[0], area[3]))],
            )
