"""Sniffing: a file's type comes from its bytes, and what is not an image is named."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bot.detect.image_sniff import describe, sniff


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("PNG", "image/png"),
        ("JPEG", "image/jpeg"),
        ("WEBP", "image/webp"),
        ("GIF", "image/gif"),
        ("TIFF", "image/tiff"),
    ],
)
def test_when_image_bytes_then_sniffed_by_content(fmt: str, expected: str) -> None:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, fmt)
    assert sniff(buf.getvalue()) == expected


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"%PDF-1.7\n", "application/pdf"),
        (b"PK\x03\x04rest", "application/zip"),
        (b"", "empty file"),
        (b"\x00\x00\x00\x18ftypmp42", "video/mp4 or another ISO media file"),
    ],
)
def test_when_not_an_image_then_unscannable_with_named_type(data: bytes, name: str) -> None:
    assert sniff(data) is None
    assert describe(data) == name
