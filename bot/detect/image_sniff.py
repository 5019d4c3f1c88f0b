"""What a file really is, from its first bytes: file names and Slack's mimetype can lie."""

from __future__ import annotations

PNG = "image/png"
JPEG = "image/jpeg"
WEBP = "image/webp"
GIF = "image/gif"
HEIC = "image/heic"
TIFF = "image/tiff"
DICOM = "application/dicom"

RASTER_TYPES = frozenset({PNG, JPEG, WEBP, GIF, HEIC, TIFF})
SUPPORTED_TYPES = RASTER_TYPES | {DICOM}

# Pillow format names, for re-encoding in the same format.
PIL_FORMAT = {PNG: "PNG", JPEG: "JPEG", WEBP: "WEBP", GIF: "GIF", HEIC: "HEIF", TIFF: "TIFF"}

_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"heif"}

# Only for naming what we refuse; never used to accept anything.
_OTHER_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "application/pdf"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"7z\xbc\xaf", "application/x-7z-compressed"),
    (b"Rar!", "application/vnd.rar"),
    (b"\x1aE\xdf\xa3", "video/webm"),
    (b"BM", "image/bmp"),
    (b"\x00\x00\x01\x00", "image/x-icon"),
)


def sniff(data: bytes) -> str | None:
    """The supported content type of data, or None when it is none of them."""
    head = data[:160]
    if len(data) >= 132 and data[128:132] == b"DICM":  # first: a DICOM preamble may look like TIFF
        return DICOM
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    if head[4:8] == b"ftyp" and _is_heic(data[:64]):
        return HEIC
    if _raw_dataset(data):
        return DICOM
    return None


# Value representations an explicit-VR element may carry (PS3.5 table 6.2-1).
_VRS = frozenset(
    b"AE AS AT CS DA DS DT FD FL IS LO LT OB OD OF OL OV OW PN SH SL SQ SS ST SV TM UC UI UL UN "
    b"UR US UT UV".split()
)


def _raw_dataset(data: bytes) -> bool:
    """A DICOM dataset written without the 128-byte preamble and "DICM" (older exports, files
    from some PACS): it starts with an element of group 0008, little or big endian, whose VR is
    explicit or whose implicit length fits the file. `dicom_read.read_dataset` then parses it whole;
    a file this lets through by chance fails there as unscannable."""
    if len(data) < 12:
        return False
    little = data[0:2] == b"\x08\x00"
    big = data[0:2] == b"\x00\x08"
    if not (little or big):
        return False
    if data[4:6] in _VRS:
        return True
    length = int.from_bytes(data[4:8], "little" if little else "big")
    return little and 0 < length <= min(len(data) - 8, 1024)


def describe(data: bytes) -> str:
    """A short, content-free name for an unsupported file, for messages and audit."""
    if not data:
        return "empty file"
    for sig, name in _OTHER_SIGNATURES:
        if data.startswith(sig):
            return name
    if data[4:8] == b"ftyp":
        return "video/mp4 or another ISO media file"
    return "unrecognised file type"


def _is_heic(head: bytes) -> bool:
    major = head[8:12]
    if major in _HEIC_BRANDS:
        return True
    compatible = head[16:64]
    return any(compatible[i : i + 4] in _HEIC_BRANDS for i in range(0, len(compatible) - 3, 4))
