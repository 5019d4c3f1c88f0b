"""Each encapsulated frame must end where its codestream ends: no bytes after but padding.

A forger who strips the SOI from frames 2-4 of a JPEG-LS cine turns them into trailing bytes of
frame 1's fragments: the offset table and NumberOfFrames agree on one frame, frame 1 alone is
decoded and OCR-read, and the rest went out unread with PatientIdentityRemoved YES. So the
concatenated fragments of one frame (a frame may span several; PS3.5 A.4) are walked marker by
marker to where the codestream really ends, JPEG/JPEG-LS EOI (FFD9) or JPEG 2000 EOC (FFD9),
and what follows may only be padding: 0x00 (fragments have even length) or 0x00/0xFF fill.

Why a walk, not "the bytes end with FFD9": the stripped frames end with their own EOI, so the
tail looks right; and a search for FFD8/FF4F FF51 finds nothing once the forger removed them.
The walk reads what a decoder reads: marker segments by their lengths; JPEG entropy-coded data
up to the first FF followed by a byte that is not stuffing (FF00 in JPEG, FF00-FF7F in JPEG-LS,
PS3 ITU T.87 A.1) nor RST (FFD0-FFD7) nor fill (FFFF); JPEG 2000 tile-parts by Psot, whose
packet data holds no FF90-FFFF but SOP/EPH (ITU T.800 A.1.1 / B.10.1 bit stuffing), so a second tile-part
or codestream hidden inside a tile is seen too. A second frame header (SOF) in one JPEG frame
is refused as well: that is two images in one frame.
"""

from __future__ import annotations

import struct

from bot.errors import UnscannableError

SOI, EOI, SOS = 0xD8, 0xD9, 0xDA
SOT, SOD = 0x90, 0x93
IN_PACKET = frozenset((0x91, 0x92))  # SOP and EPH may sit in packet data (T.800 A.8)
# JPEG SOFn (ITU T.81 B.1.1.3: C0-CF but DHT C4, JPG C8, DAC CC) and JPEG-LS SOF55 (F7).
SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC} | {0xF7}
PADDING = frozenset(b"\x00\xff")


def check_frame_ends(frames: list[bytes]) -> None:
    """Unscannable when a frame (its fragments joined) holds more than one codestream and its
    padding, or a codestream cut short. The reason names the frame, never its content."""
    for number, frame in enumerate(frames, 1):
        try:
            end = codestream_end(frame)
        except (IndexError, struct.error) as exc:
            raise UnscannableError(_cut(number)) from exc
        if end is None:
            raise UnscannableError(_cut(number))
        extra = frame[end:]
        if not set(extra) <= PADDING:
            raise UnscannableError(
                f"DICOM frame {number} holds {len(extra)} bytes after its codestream ends "
                "(data a decoder never reads is not written out unread)"
            )


def _cut(number: int) -> str:
    return f"DICOM frame {number} codestream is cut short or malformed (no end marker)"


def codestream_end(data: bytes) -> int | None:
    """Where the codestream opening `data` ends (just past its EOI/EOC), None when it does not
    end in `data` or is not one a frame opens with."""
    if data[:2] == b"\xff\xd8":
        return _jpeg_end(data)
    if data[:4] == b"\xff\x4f\xff\x51":
        return _j2k_end(data, 0)
    if data[4:8] == b"jP  ":
        return _jp2_end(data)
    return None


def _jpeg_end(data: bytes) -> int | None:
    """JPEG / JPEG-LS: marker segments, and after each SOS entropy-coded data to the next marker."""
    pos, frames = 2, 0
    while pos + 1 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        pos += 2
        if marker == 0xFF:  # fill byte before a marker (T.81 B.1.1.2)
            pos -= 1
        elif marker == EOI:
            return pos
        elif marker == SOI:
            return None  # a second codestream opened inside the first
        elif 0xD0 <= marker <= 0xD7 or marker == 0x01:
            continue  # RSTn / TEM: no length
        else:
            frames += marker in SOF
            if frames > 1:
                return None
            pos += struct.unpack_from(">H", data, pos)[0]
            if marker == SOS:
                pos = _scan_end(data, pos)
    return None


def _scan_end(data: bytes, pos: int) -> int:
    """The first marker after entropy-coded data starting at `pos` (or the end of `data`)."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        follow = data[pos + 1]
        if follow < 0x80 or 0xD0 <= follow <= 0xD7:
            pos += 2  # stuffed byte (JPEG FF00, JPEG-LS bit stuffing) or RSTn
        elif follow == 0xFF:
            pos += 1
        else:
            return pos


def _j2k_end(data: bytes, pos: int) -> int | None:
    """JPEG 2000 (and HTJ2K): main header segments, then tile-parts by Psot, then EOC."""
    pos += 2
    while pos + 1 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == EOI:  # EOC
            return pos + 2
        if marker != SOT:
            pos += 2 + struct.unpack_from(">H", data, pos + 2)[0]
            continue
        length, psot = struct.unpack_from(">H2xI", data, pos + 2)
        body = _tile_body(data, pos + 2 + length)
        stop = len(data) if psot == 0 else pos + psot  # Psot 0: the last tile-part, to EOC
        marker_at = _j2k_marker(data, body, stop)
        if psot == 0:  # what follows its EOC is for check_frame_ends to judge
            return marker_at + 2 if data[marker_at + 1 : marker_at + 2] == b"\xd9" else None
        if marker_at != stop or stop > len(data):
            return None
        pos = stop
    return None


def _tile_body(data: bytes, pos: int) -> int:
    """Past the tile-part header's marker segments to just after SOD."""
    while data[pos + 1] != SOD:
        pos += 2 + struct.unpack_from(">H", data, pos + 2)[0]
    return pos + 2


def _j2k_marker(data: bytes, pos: int, stop: int) -> int:
    """The first FF90-FFFF in packet data from `pos` (a marker: bit stuffing leaves none), else
    `stop`."""
    while True:
        pos = data.find(b"\xff", pos, stop)
        if pos < 0 or pos + 1 >= len(data):
            return stop
        if data[pos + 1] >= 0x90 and data[pos + 1] not in IN_PACKET:
            return pos
        pos += 1


def _jp2_end(data: bytes) -> int | None:
    """JP2: boxes up to the contiguous codestream box (jp2c), whose codestream must fill it."""
    pos = 0
    while pos + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, pos)
        head = 8
        if size == 1:
            size, head = struct.unpack_from(">Q", data, pos + 8)[0], 16
        end = len(data) if size == 0 else pos + size
        if kind == b"jp2c":
            stream = data[pos + head : end]
            if stream[:4] != b"\xff\x4f\xff\x51":
                return None
            inner = _j2k_end(stream, 0)
            if inner is None or not set(stream[inner:]) <= PADDING:
                return None
            return end if size else pos + head + inner
        if size < head:
            return None
        pos = end
    return None
