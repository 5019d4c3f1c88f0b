"""Painting redactions: a box grown by a margin around a span's characters, drawn in the image's
own mode (the palette's darkest entry, 16-bit grey's 0) with every pixel outside it unchanged;
faces blurred past recognition, or filled where the mode cannot be blurred."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image

from bot.detect.image_redact import blur_regions, paint_boxes, polygon_bounds, span_polygon

# Two characters of a 10 px high line at x 20..40, y 10..20.
QUADS = [
    ((20.0, 10.0), (30.0, 10.0), (30.0, 20.0), (20.0, 20.0)),
    ((30.0, 10.0), (40.0, 10.0), (40.0, 20.0), (30.0, 20.0)),
]


def test_the_span_box_covers_the_characters_with_a_margin_of_the_text_height() -> None:
    x, y, w, h = polygon_bounds(span_polygon(QUADS, margin_ratio=0.2), 100, 100)
    assert (x, y) == (18, 8) and (w, h) == (24, 14)  # 2 px (0.2 x 10) on every side
    x, y, w, h = polygon_bounds(span_polygon(QUADS, margin_ratio=0.0, min_margin=3.0), 100, 100)
    assert (x, y, w, h) == (17, 7, 26, 16)  # never less than `min_margin`


def test_bounds_are_clipped_to_the_image() -> None:
    assert polygon_bounds(((-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)), 4, 4) == (
        0,
        0,
        4,
        4,
    )
    assert polygon_bounds(((50.0, 50.0), (60.0, 50.0), (60.0, 60.0), (50.0, 60.0)), 10, 10)[2:] == (
        0,
        0,
    )


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "I;16", "LA"])
def test_a_box_is_black_in_the_images_own_mode_and_nothing_else_changes(mode: str) -> None:
    image = Image.new(mode, (40, 30), "white" if mode != "I;16" else 40000)
    before = np.array(image).copy()
    paint_boxes(image, [((10.0, 10.0), (20.0, 10.0), (20.0, 20.0), (10.0, 20.0))])
    after = np.array(image)
    assert image.mode == mode
    inside = after[12:18, 12:18]
    assert (inside.reshape(-1, *after.shape[2:])[..., 0] == 0).all()
    outside = np.ones(after.shape[:2], dtype=bool)
    outside[10:21, 10:21] = False
    assert (after[outside] == before[outside]).all()


def test_a_palette_image_is_painted_with_its_darkest_entry() -> None:
    image = Image.new("P", (20, 20), 1)
    image.putpalette([200, 200, 200, 250, 250, 250, 10, 5, 0] + [255] * (3 * 253))
    paint_boxes(image, [((2.0, 2.0), (10.0, 2.0), (10.0, 10.0), (2.0, 10.0))])
    assert image.getpixel((5, 5)) == 2 and image.getpixel((15, 15)) == 1


def test_a_face_is_blurred_beyond_recognition_and_a_mode_that_cannot_blur_is_filled() -> None:
    rng = np.random.default_rng(0)
    noise = rng.integers(0, 256, (60, 60, 3), dtype=np.uint8)
    image = Image.fromarray(noise, "RGB")
    blur_regions(image, [(20, 20, 20, 20)])
    region = np.array(image)[22:38, 22:38].astype(int)
    assert region.std() < noise[22:38, 22:38].std() / 3  # the detail is gone
    assert (np.array(image)[:10, :10] == noise[:10, :10]).all()
    wide = Image.new("I;16", (30, 30), 50000)
    blur_regions(wide, [(10, 10, 10, 10)])
    assert wide.getpixel((15, 15)) == 0 and wide.getpixel((1, 1)) == 50000
