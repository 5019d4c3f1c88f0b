"""Painting DICOM frames and the 8-bit picture OCR reads of them."""

from __future__ import annotations

import numpy as np

from bot.detect.dicom_paint import fill_value, paint, painted_mask, to_rgb8


def test_a_polygon_is_painted_on_every_frame_and_every_sample() -> None:
    stack = np.full((3, 20, 30, 3), 200, np.uint8)
    box = [(2.0, 2.0), (12.0, 2.0), (12.0, 8.0), (2.0, 8.0)]
    paint(stack, [box], 0, 3)
    assert (stack[:, 2:9, 2:13] == 0).all() and (stack[:, 10:, :] == 200).all()
    assert painted_mask((20, 30), [box]).sum() == 11 * 7


def test_grey_is_stretched_and_monochrome1_inverted_for_ocr() -> None:
    frame = np.array([[100, 300], [300, 500]], np.uint16)
    rgb = to_rgb8(frame, "MONOCHROME2")
    assert rgb.shape == (2, 2, 3) and rgb[0, 0, 0] == 0 and rgb[1, 1, 0] == 255
    assert to_rgb8(frame, "MONOCHROME1")[0, 0, 0] == 255


def test_the_fill_is_what_a_viewer_shows_darkest() -> None:
    stack = np.array([[[10, 90]]], np.uint8)
    assert fill_value(stack, "MONOCHROME2") == 10
    assert fill_value(stack, "MONOCHROME1") == 90  # MONOCHROME1 shows its highest value black
