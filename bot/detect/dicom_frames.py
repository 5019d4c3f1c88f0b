"""How many frames encapsulated pixel data holds, whatever `NumberOfFrames` says.

pydicom decodes as many frames as the header claims, so a compressed cine whose
`NumberOfFrames` says 1 is read, OCR'd and judged on its first frame while every other frame
goes out unchanged and unread (6 of 25 real multi-frame files did so once their value was set
to 1). The pixel data itself says how many there are: the Extended or Basic Offset Table when
present, one fragment per frame in RLE (PS3.5 G.2), and otherwise a fragment that opens with a
JPEG SOI (JPEG, JPEG-LS) or a JPEG 2000 SOC+SIZ or JP2 signature opens a frame (the rule
pydicom's `generate_frames` follows). A count that cannot be told is None, and not judged.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

RLE_LOSSLESS = "1.2.840.10008.1.2.5"
FRAME_STARTS = (b"\xff\xd8", b"\xff\x4f\xff\x51")  # JPEG / JPEG-LS SOI; JPEG 2000 SOC + SIZ
JP2_BOX = b"jP  "  # the JP2 signature box type, bytes 4-8 of a JP2 file


def frames_in_data(ds: Dataset) -> int | None:
    """The number of frames in `ds`'s encapsulated pixel data, or None when it cannot tell
    (native pixel data, or fragments of a codec whose frames show no signature)."""
    from pydicom.encaps import generate_fragments, parse_basic_offsets

    syntax = ds.file_meta.TransferSyntaxUID
    if not syntax.is_encapsulated or not ds.get("PixelData"):
        return None
    table = ds.get("ExtendedOffsetTable")
    if table:
        return len(table) // 8
    fp = io.BytesIO(ds.PixelData)
    if parse_basic_offsets(fp) and syntax != RLE_LOSSLESS:
        fp.seek(0)
        return len(parse_basic_offsets(fp))
    heads = [fragment[:8] for fragment in generate_fragments(fp)]
    if syntax == RLE_LOSSLESS:
        return len(heads)
    starts = sum(1 for h in heads if h.startswith(FRAME_STARTS) or h[4:8] == JP2_BOX)
    return starts or None
