"""Preparing pixels for OCR: faint banner text is made legible without touching the anatomy."""

from __future__ import annotations

import numpy as np

from bot.detect.image_preprocess import stretch_bands


def test_a_low_contrast_banner_band_is_stretched_and_the_image_is_not() -> None:
    rgb = np.zeros((480, 640, 3), np.uint8)
    rgb[:24] = 178
    rgb[6:16, 20:200] = 190  # grey text on a grey bar: 12 levels
    rgb[200:260, 200:400] = np.random.default_rng(3).integers(20, 60, (60, 200, 3))
    out = stretch_bands(rgb)
    band = out[:24, :160, 0].astype(int)
    assert band.max() - band.min() >= 200
    assert np.array_equal(out[200:260], rgb[200:260])  # anatomy in the middle is left alone
