"""How many frames encapsulated pixel data holds, whatever `NumberOfFrames` says.

pydicom decodes as many frames as the header claims, so a compressed cine whose
`NumberOfFrames` says 1 is read, OCR'd and judged on its first frame while every other frame
goes out unchanged and unread (6 of 25 real multi-frame files did so once their value was set
to 1). The pixel data itself says how many there are: the Extended or Basic Offset Table when
present, one fragment per frame in RLE (PS3.5 G.2), and otherwise a fragment that opens with a
JPEG SOI (JPEG, JPEG-LS) or a JPEG 2000 SOC+SIZ or JP2 signature opens a frame (the rule
pydicom's `generate_frames` follows). A count that cannot be told is None, and not judged.

An offset table is not taken on its word: pydicom splits the fragments into frames by it, so a
forged Basic Offset Table with one entry (and NumberOfFrames 1) over four JPEG-LS frames had
frame 1 decoded and read while frames 2-4 went out unread, the file marked de-identified. PS3.5
A.4 says each offset (Basic: 32-bit, Extended (7FE0,0001): 64-bit) points at the Item Tag of
the first fragment of a frame, counted from the first fragment's Item Tag, and that the Basic
table is empty when the Extended one is present. For the codecs whose frames open with a
signature (JPEG, JPEG-LS, JPEG 2000, HTJ2K) a table must therefore list exactly the fragments
that open a codestream, or the file is unscannable: frames never read are never written out as
clean.

`check_frame_count` holds `NumberOfFrames` against what the pixel data can hold before
anything is sized or decoded, so a wrong or huge value is named for what it is ("NumberOfFrames
999999 but pixel data holds 10 frames"), not "too large to scan": native pixel data holds
rows x columns x samples x bits allocated per frame, the whole padded to an even length (PS3.5
8.1.1, 8.2; YBR_FULL_422 two samples a pixel), so fewer bytes than the frames need, or a whole
frame more, is a count that is wrong (less than a frame more is padding: `MR_small_padded.dcm`);
encapsulated, a fragment never holds two frames (PS3.5 A.4), so more frames than fragments
cannot be. The value itself must be an integer string (PS3.5 6.2 IS: digits, an optional sign),
so "3.5" or "1e3" is not read as 3 or 1000.
"""

from __future__ import annotations

import io
import re
import struct
from typing import TYPE_CHECKING

from bot.detect.dicom_codestream import check_frame_ends
from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

RLE_LOSSLESS = "1.2.840.10008.1.2.5"
FRAME_STARTS = (b"\xff\xd8", b"\xff\x4f\xff\x51")  # JPEG / JPEG-LS SOI; JPEG 2000 SOC + SIZ
JP2_BOX = b"jP  "  # the JP2 signature box type, bytes 4-8 of a JP2 file
INTEGER_STRING = re.compile(r"[+-]?\d+")
# Transfer syntaxes whose every frame opens with a signature FRAME_STARTS or JP2_BOX tells:
# JPEG (PS3.5 A.4.1), JPEG-LS (A.4.3), JPEG 2000 (A.4.4) and HTJ2K (A.4.6).
SIGNED_PREFIXES = ("1.2.840.10008.1.2.4.5", "1.2.840.10008.1.2.4.7", "1.2.840.10008.1.2.4.8")
SIGNED_SYNTAXES = frozenset(f"1.2.840.10008.1.2.4.{n}" for n in (90, 91, 92, 93, 201, 202, 203))


def number_of_frames(ds: Dataset) -> int:
    """`NumberOfFrames`, 1 when absent or empty; unscannable when it is not a positive IS."""
    raw = ds.get("NumberOfFrames", 1)
    if raw in (None, ""):
        return 1
    text = str(getattr(raw, "original_string", raw)).strip()
    if not isinstance(raw, int | float | str) or not INTEGER_STRING.fullmatch(text):
        # The raw value stays out: a reason names what went wrong, never the header's text.
        raise UnscannableError("DICOM NumberOfFrames is not a whole number")
    frames = int(text)
    if frames < 1:
        raise UnscannableError(f"DICOM NumberOfFrames is invalid ({frames})")
    return frames


def check_frame_count(ds: Dataset, frames: int, frame_bits: int) -> None:
    """Unscannable when `frames` (the header's) is not what `ds`'s pixel data holds; a native
    frame is `frame_bits` long. A truncated single frame keeps the truncation reason."""
    syntax = ds.file_meta.TransferSyntaxUID
    data = ds.get("PixelData") or b""
    if syntax.is_encapsulated:
        from pydicom.encaps import generate_fragments, parse_basic_offsets

        try:
            held = frames_in_data(ds)
            fp = io.BytesIO(data)
            parse_basic_offsets(fp)  # the first item is the offset table, not a fragment
            fragments = sum(1 for _ in generate_fragments(fp))
        except (ValueError, EOFError, OSError) as exc:
            raise UnscannableError("DICOM pixel data fragments are corrupt") from exc
        if held is not None and held != frames:
            raise UnscannableError(_mismatch(frames, held))
        if frames > fragments:
            raise UnscannableError(
                f"DICOM NumberOfFrames {frames} but pixel data holds {fragments} fragments "
                "(a frame takes one at least)"
            )
        return
    need = -(-frames * frame_bits // 8)  # bytes the frames fill; one more pads to even
    held = len(data) * 8 // frame_bits
    if len(data) < need and held == 0:
        raise UnscannableError("DICOM pixel data is shorter than its dimensions say (truncated)")
    if len(data) < need or (len(data) > need + 1 and held > frames):
        raise UnscannableError(_mismatch(frames, held))


def _mismatch(frames: int, held: int) -> str:
    return f"DICOM NumberOfFrames {frames} but pixel data holds {held} frame{'s' * (held != 1)}"


def frames_in_data(ds: Dataset) -> int | None:
    """The number of frames in `ds`'s encapsulated pixel data, or None when it cannot tell
    (native pixel data, or fragments of a codec whose frames show no signature). Unscannable
    when an offset table disagrees with the frames the fragments open (PS3.5 A.4)."""
    from pydicom.encaps import generate_fragments, parse_basic_offsets

    syntax = ds.file_meta.TransferSyntaxUID
    if not syntax.is_encapsulated or not ds.get("PixelData"):
        return None
    fp = io.BytesIO(ds.PixelData)
    basic = parse_basic_offsets(fp)
    fragments = list(generate_fragments(fp))
    if syntax == RLE_LOSSLESS:  # one fragment per frame (PS3.5 A.4.2)
        return len(fragments)
    tables = [("Basic", basic)] if basic else []
    extended = ds.get("ExtendedOffsetTable")
    if extended:
        tables.append(("Extended", _extended_offsets(bytes(extended))))
    starts = _codestream_offsets(fragments)
    if str(syntax) in SIGNED_SYNTAXES or str(syntax).startswith(SIGNED_PREFIXES):
        for name, offsets in tables:
            if offsets != starts:
                raise UnscannableError(
                    f"DICOM {name} Offset Table lists {len(offsets)} frame"
                    f"{'s' * (len(offsets) != 1)} but pixel data opens {len(starts)} "
                    "(the table must point at each frame's first fragment)"
                )
        if starts:  # no signature at all: no frame is told, and none decodes either
            check_frame_ends(_joined_frames(fragments))
        return len(starts) or None
    if tables:
        return len(tables[-1][1])
    return len(starts) or None


def _codestream_offsets(fragments: list[bytes]) -> list[int]:
    """Where each fragment that opens a codestream starts, counted as PS3.5 A.4 counts a
    table's offsets: from the first fragment's Item Tag, each item 8 bytes of tag and length."""
    offsets, at = [], 0
    for fragment in fragments:
        if fragment[:4].startswith(FRAME_STARTS) or fragment[4:8] == JP2_BOX:
            offsets.append(at)
        at += 8 + len(fragment)
    return offsets


def _joined_frames(fragments: list[bytes]) -> list[bytes]:
    """Each frame's fragments joined: a frame runs from a fragment that opens a codestream to
    the next one (any fragments before the first make a frame of their own, refused)."""
    frames: list[bytearray] = []
    for fragment in fragments:
        if not frames or fragment[:4].startswith(FRAME_STARTS) or fragment[4:8] == JP2_BOX:
            frames.append(bytearray())
        frames[-1] += fragment
    return [bytes(frame) for frame in frames]


def _extended_offsets(table: bytes) -> list[int]:
    """The Extended Offset Table's 64-bit little-endian offsets (PS3.5 A.4, VR OV)."""
    if len(table) % 8:
        raise UnscannableError("DICOM Extended Offset Table is not a whole number of offsets")
    return list(struct.unpack(f"<{len(table) // 8}Q", table))
