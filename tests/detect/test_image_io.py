"""Image input and output without the scanner: metadata comes off the bytes losslessly."""

from __future__ import annotations

from PIL import Image

from bot.detect.image_io import strip_jpeg_metadata
from tests.detect.image_fakes import exif_with_gps, jpeg_bytes


def test_strip_jpeg_metadata_drops_app1_and_trailing_data() -> None:
    data = jpeg_bytes(Image.new("RGB", (16, 16)), exif=exif_with_gps()) + b"TRAILER"
    stripped = strip_jpeg_metadata(data)
    assert stripped is not None and b"Exif" not in stripped and stripped.endswith(b"\xff\xd9")
    assert strip_jpeg_metadata(b"not a jpeg") is None
