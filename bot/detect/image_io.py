"""Decoding raster images safely and re-encoding them without metadata.

Untrusted bytes go through here only: pixel count is checked from the header before any
decode (decompression bombs), every Pillow failure becomes `UnscannableError` with a
content-free reason, EXIF orientation is applied so that stripping EXIF does not turn a photo on
its side, and the output keeps format and pixels but carries no EXIF, GPS, XMP, IPTC, ICC or text
chunks. An unchanged JPEG is stripped losslessly (segments dropped, no re-encode) so that a clean
image stays pixel-identical.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PIL import Image, ImageOps, ImageSequence

from bot.detect.image_sniff import GIF, HEIC, JPEG, PIL_FORMAT, PNG, TIFF, WEBP
from bot.errors import UnscannableError

DEFAULT_MAX_PIXELS = 50_000_000

_heif_registered = False


def register_heif() -> bool:
    """Teach Pillow to read and write HEIC (pillow-heif); False when it is not installed."""
    global _heif_registered
    if not _heif_registered:
        try:
            from pillow_heif import register_heif_opener
        except ImportError:  # pragma: no cover - pillow-heif is a runtime dependency
            return False
        register_heif_opener()
        _heif_registered = True
    return True


def limit_pixels(max_pixels: int) -> None:
    """Lower Pillow's process-wide bomb limit to ours (never raise it)."""
    current = Image.MAX_IMAGE_PIXELS
    if current is None or current > max_pixels:
        Image.MAX_IMAGE_PIXELS = max_pixels


@dataclass(slots=True)
class LoadedImage:
    """An oriented image in its own mode, plus what metadata the original carried."""

    image: Image.Image
    content_type: str
    metadata: tuple[str, ...]
    reoriented: bool
    extra_frames: bool
    # Free text the metadata carried (descriptions, comments, authors, XMP), for the text
    # engine: stripped from every copy, but the original stays in the channel unless it counts.
    metadata_text: tuple[str, ...] = ()


@contextmanager
def decoding() -> Iterator[None]:
    """Turn any Pillow failure while decoding untrusted bytes into `UnscannableError` with a
    content-free reason (bomb warnings are raised as errors)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except UnscannableError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise UnscannableError("image too large (decompression bomb limit)") from exc
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, KeyError) as exc:
            raise UnscannableError("image data is truncated or corrupt") from exc
        except MemoryError as exc:
            raise UnscannableError("image too large to decode") from exc


def load_image(data: bytes, content_type: str, max_pixels: int = DEFAULT_MAX_PIXELS) -> LoadedImage:
    """Decode the first frame of data; raises `UnscannableError` with a reason on any failure."""
    if content_type == HEIC and not register_heif():
        raise UnscannableError("HEIC support is not installed")
    with decoding():
        im = Image.open(io.BytesIO(data))
        width, height = im.size
        if width <= 0 or height <= 0:
            raise UnscannableError("image has no pixels")
        if width * height > max_pixels:
            raise UnscannableError(
                f"image too large: {width * height / 1e6:.0f} megapixels (limit {max_pixels / 1e6:.0f})"
            )
        frames = int(getattr(im, "n_frames", 1) or 1)
        if frames > 1:
            im.seek(0)
        metadata = _metadata_kinds(im)
        texts = metadata_texts(im)
        im.load()
        orientation = _orientation(im)
        oriented = ImageOps.exif_transpose(im) if orientation in range(2, 9) else im
    if oriented is None:  # pragma: no cover - exif_transpose(in_place=False) always returns
        oriented = im
    return LoadedImage(oriented, content_type, metadata, oriented is not im, frames > 1, texts)


# Every frame or page is scanned and redacted (a faxed referral's page 3 is as much PHI as page
# 1), within bounds: past them the file is unscannable and fails closed.
MAX_SCANNED_FRAMES = 20  # distinct frames OCR'd (exact repeats, as in a looping GIF, are free)
MAX_FRAMES = 1_000  # frames decoded at all
MAX_FRAME_PIXELS_FACTOR = 2  # all frames together: at most this many times the one-image limit


@dataclass(slots=True)
class Frame:
    """One decoded frame or page, with a digest to spot repeats and its display time."""

    image: Image.Image
    digest: bytes
    duration: int | None


def decode_frames(data: bytes, max_pixels: int = DEFAULT_MAX_PIXELS) -> list[Frame]:
    """Every frame or page of a multi-frame image; raises `UnscannableError` past the bounds."""
    with decoding():
        im = Image.open(io.BytesIO(data))
        count = int(getattr(im, "n_frames", 1) or 1)
        if (
            count > MAX_FRAMES
            or count * im.size[0] * im.size[1] > MAX_FRAME_PIXELS_FACTOR * max_pixels
        ):
            raise UnscannableError(
                f"animation or document with {count} frames is too large to check"
            )
        frames = []
        for frame in ImageSequence.Iterator(im):
            own = frame.convert("RGB") if frame.mode not in ("1", "L", "RGB") else frame.copy()
            own.info = {}  # comments, XMP, ICC: never written out again
            digest = hashlib.blake2b(own.tobytes(), digest_size=16).digest()
            duration = frame.info.get("duration")
            frames.append(
                Frame(own, digest, int(duration) if isinstance(duration, (int, float)) else None)
            )
        return frames


def encode_frames(frames: list[Frame], content_type: str, loop: int | None = None) -> bytes:
    """All frames in the same format, no metadata; formats without multi-frame writing (HEIC)
    get their first frame only."""
    if content_type not in (GIF, TIFF, WEBP, PNG) or len(frames) == 1:
        return encode_image(frames[0].image, content_type, changed=True)
    images = [f.image for f in frames]
    params: dict[str, object] = {"save_all": True, "append_images": images[1:]}
    durations = [f.duration or 100 for f in frames]
    if content_type == GIF:
        images = [
            im.convert("P", palette=Image.Palette.ADAPTIVE) if im.mode not in ("P", "L") else im
            for im in images
        ]
        params.update(append_images=images[1:], duration=durations, loop=loop or 0, disposal=1)
    elif content_type == TIFF:
        params["compression"] = "tiff_lzw"
    elif content_type == WEBP:
        params.update(duration=durations, loop=loop or 0, lossless=True)
    else:  # animated PNG
        params.update(duration=durations, loop=loop or 0)
    buf = io.BytesIO()
    images[0].save(buf, format=PIL_FORMAT[content_type], **params)
    return buf.getvalue()


def _orientation(im: Image.Image) -> int:
    try:
        return int(im.getexif().get(0x0112, 1))
    except (TypeError, ValueError, OSError, SyntaxError):
        return 1


def _metadata_kinds(im: Image.Image) -> tuple[str, ...]:
    """Names of the identifying metadata present (never the values)."""
    found: list[str] = []
    try:
        exif = im.getexif()
    except (OSError, SyntaxError, ValueError, TypeError):
        exif = Image.Exif()
    if exif:
        found.append("EXIF")
        try:
            if exif.get_ifd(0x8825):
                found.append("GPS")
            if exif.get(0x0132) or exif.get_ifd(0x8769).get(0x9003):
                found.append("TIMESTAMP")
        except (KeyError, ValueError, TypeError, OSError, SyntaxError):
            pass
        if any(tag in exif for tag in (0x013B, 0x8298, 0xA430, 0x9C9D)):  # Artist, Copyright, Owner
            found.append("AUTHOR")
    info = im.info
    if info.get("xmp") or info.get("XML:com.adobe.xmp"):
        found.append("XMP")
    if "photoshop" in info or "iptc" in info:
        found.append("IPTC")
    if info.get("comment"):
        found.append("COMMENT")
    text = getattr(im, "text", None) if im.format == "PNG" else None
    if text:
        found.append("TEXT")
    if info.get("icc_profile"):
        found.append("ICC")
    return tuple(dict.fromkeys(found))


MAX_METADATA_TEXT = 64 * 1024  # characters of metadata text read; past it the rest is ignored
# EXIF tags that hold free text: ImageDescription, Artist, Copyright, XPTitle, XPComment,
# XPAuthor, XPKeywords, XPSubject (XP* are UTF-16LE bytes).
_EXIF_TEXT = (0x010E, 0x013B, 0x8298, 0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E, 0x9C9F)
# In the Exif IFD: UserComment (8-byte charset prefix), CameraOwnerName, BodySerialNumber.
_EXIF_IFD_TEXT = (0x9286, 0xA430, 0xA431)
_XML_TAG = re.compile(r"<[^>]{0,2000}>")


def metadata_texts(im: Image.Image) -> tuple[str, ...]:
    """The free text in a file's metadata: EXIF descriptions and comments, PNG text chunks,
    JPEG/GIF comments, XMP (tags dropped). Bounded; unreadable parts are skipped."""
    out: list[str] = []
    try:
        exif = im.getexif()
        out += [_text(exif.get(tag)) for tag in _EXIF_TEXT]
        ifd = exif.get_ifd(0x8769)
        out += [_text(ifd.get(tag)) for tag in _EXIF_IFD_TEXT]
    except (OSError, SyntaxError, ValueError, TypeError, KeyError):
        pass
    info = im.info
    out.append(_text(info.get("comment")))
    for key in ("xmp", "XML:com.adobe.xmp"):
        xmp = _text(info.get(key))
        if xmp:
            out.append(" ".join(_XML_TAG.sub(" ", xmp).split()))
    if im.format == "PNG":
        try:
            chunks = getattr(im, "text", None) or {}
        except (OSError, SyntaxError, ValueError):
            chunks = {}
        out += [f"{k}: {_text(v)}" for k, v in chunks.items() if k not in ("XML:com.adobe.xmp",)]
    texts: list[str] = []
    total = 0
    for t in out:
        t = t.strip()
        if t and total < MAX_METADATA_TEXT:
            texts.append(t[: MAX_METADATA_TEXT - total])
            total += len(texts[-1])
    return tuple(dict.fromkeys(texts))


def _text(value: object) -> str:
    """A metadata value as text: str as is, bytes as UTF-16LE (XP*), UserComment's charset
    prefix dropped, otherwise UTF-8 with replacement."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\0", " ")
    if isinstance(value, tuple) and all(isinstance(v, int) for v in value):
        value = bytes(value)
    if not isinstance(value, bytes):
        return ""
    if value[:8] in (b"ASCII\0\0\0", b"UNICODE\0", b"JIS\0\0\0\0\0", b"\0" * 8):
        body = value[8:]
        if value[:8] == b"UNICODE\0":
            return body.decode(
                "utf-16-be" if body[:1] == b"\0" else "utf-16-le", "replace"
            ).replace("\0", " ")
        return body.decode("utf-8", "replace").replace("\0", " ")
    if len(value) >= 2 and value[1:2] == b"\0":  # XP* tags: UTF-16LE
        return value.decode("utf-16-le", "replace").replace("\0", " ")
    return value.decode("utf-8", "replace").replace("\0", " ")


_KEEP_INFO = ("transparency",)


def encode_image(
    image: Image.Image, content_type: str, original: bytes | None = None, *, changed: bool
) -> bytes:
    """Same-format bytes of image with no metadata.

    When nothing changed and the input is a JPEG or PNG in its stored orientation, metadata
    segments or chunks are cut from `original` without re-encoding: identical pixels, no cost.
    """
    if not changed and original is not None:
        stripped = (
            strip_jpeg_metadata(original)
            if content_type == JPEG
            else strip_png_metadata(original)
            if content_type == PNG
            else None
        )
        if stripped is not None:
            return stripped
    out = image.copy()
    out.info = {k: v for k, v in image.info.items() if k in _KEEP_INFO}
    fmt = PIL_FORMAT[content_type]
    params: dict[str, object] = {}
    if content_type == JPEG:
        if out.mode not in ("RGB", "L", "CMYK"):
            out = out.convert("RGB")
        params = {"quality": 95, "subsampling": 0}
    elif content_type == WEBP:
        params = (
            {"lossless": True}
            if not changed or original is None or _webp_lossless(original)
            else {"quality": 95}
        )
    elif content_type == HEIC:
        register_heif()
        params = {"quality": 95}
    elif content_type == GIF and out.mode not in ("P", "L"):
        out = out.convert("P", palette=Image.Palette.ADAPTIVE)
    elif content_type == TIFF:
        params = {"compression": "tiff_lzw"}
    elif content_type == PNG:
        params = {"compress_level": 3}  # a third of level 6's time for a few percent more bytes
    buf = io.BytesIO()
    out.save(buf, format=fmt, **params)
    return buf.getvalue()


def _webp_lossless(data: bytes) -> bool:
    return data[12:16] == b"VP8L"


_DROP_MARKERS = set(range(0xE1, 0xF0)) - {0xEE} | {0xFE}  # APP1..APP15 except Adobe, COM


def strip_jpeg_metadata(data: bytes) -> bytes | None:
    """data without APPn (except JFIF/Adobe) and COM segments or trailing data; None if unparsable."""
    if not data.startswith(b"\xff\xd8"):
        return None
    out = bytearray(b"\xff\xd8")
    pos = 2
    n = len(data)
    while pos + 4 <= n:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = int.from_bytes(data[pos + 2 : pos + 4], "big")
        if length < 2 or pos + 2 + length > n:
            return None
        if marker == 0xDA:  # start of scan: the rest is image data up to EOI
            end = data.find(b"\xff\xd9", pos + 2 + length)
            if end < 0:
                return None
            out += data[pos : end + 2]
            return bytes(out)
        if marker not in _DROP_MARKERS:
            out += data[pos : pos + 2 + length]
        pos += 2 + length
    return None


# Chunks that carry pixels or change how they render; everything else (tEXt, zTXt, iTXt, eXIf,
# tIME, iCCP, private chunks, APNG animation frames) is dropped.
_PNG_KEEP = frozenset(
    {
        b"IHDR",
        b"PLTE",
        b"IDAT",
        b"IEND",
        b"tRNS",
        b"gAMA",
        b"cHRM",
        b"sRGB",
        b"sBIT",
        b"bKGD",
        b"pHYs",
    }
)


def strip_png_metadata(data: bytes) -> bytes | None:
    """data with only the rendering chunks kept; None if the chunk structure is broken."""
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        return None
    out = bytearray(data[:8])
    pos = 8
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos : pos + 4], "big")
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            return None
        if kind in _PNG_KEEP:
            out += data[pos:end]
        if kind == b"IEND":
            return bytes(out)
        pos = end
    return None
