"""A DICOM cut short where pydicom says nothing: inside an element's tag and length.

pydicom reads a data set element by element and stops without a word when fewer than the
eight bytes of a tag and length are left, so a file cut inside an element's header parses as
a shorter, whole-looking file; so does one cut inside the value of an element pydicom converts
as it reads (`SpecificCharacterSet`), which the raw-length check never sees (of 245 real files
cut at eleven points each, 309 of 2695 cuts came out "scannable"). Cut inside an explicit VR's
long length it raises `struct.error`, and a deflated data set cut short `zlib.error` (21 cuts,
once detector failures). `check_end` walks the top level a second time for the first two;
`TRUNCATED` names the errors, so the reader says "truncated" for the others.

A file cut exactly between two elements reads as a whole, shorter file, which no length can
tell; `check_complete` refuses what the kind of object it is cannot lack: pixel data, the last
element of nearly every image, unless the SOP class is one of those that carry none
(`NO_PIXEL_NAMES`: reports, plans, waveforms, documents, presentation states, ...; a private or
unknown class must have pixels, and so must any object with Rows, Columns or BitsAllocated;
an Enhanced US Volume or a thickness map is no "Image Storage" by name), and, by SOP class, the Type 1 attributes that come last in the
common objects without pixels (an SR's Content Sequence, an RT Structure Set's ROI sequences, a
waveform's Waveform Sequence, an encapsulated document's document), plus the Study and Series
Instance UIDs every composite object has. docs/images.md has the counts on real files.
"""

from __future__ import annotations

import io
import struct
import zlib
from typing import TYPE_CHECKING

from bot.errors import UnscannableError

if TYPE_CHECKING:
    from pydicom.dataset import Dataset

# What the reader raises when the bytes end inside an element's header or a deflated stream.
TRUNCATED: tuple[type[Exception], ...] = (EOFError, OSError, struct.error, zlib.error)
DEFER = 4096  # values longer than this are skipped, not read, on the second walk
UNDEFINED = 0xFFFFFFFF
PIXEL_DATA = 0x7FE00010
PIXEL_TAGS = (0x7FE00008, 0x7FE00009, PIXEL_DATA)  # float, double float, integer pixels
# The Image Pixel module's attributes an object without pixels never has at its top level.
IMAGE_TAGS = (0x00280010, 0x00280011, 0x00280100)  # Rows, Columns, BitsAllocated
# Every composite object's SOP Common, General Study and General Series modules (Type 1).
COMPOSITE = (
    (0x00080016, "SOPClassUID"),
    (0x00080018, "SOPInstanceUID"),
    (0x0020000D, "StudyInstanceUID"),
    (0x0020000E, "SeriesInstanceUID"),
)
# Per SOP class prefix, the Type 1 top-level attributes that come last in tag order (PS3.3):
# SR and Key Object Selection documents, RT Structure Set, waveforms, encapsulated documents.
LAST_REQUIRED: tuple[tuple[str, str, tuple[tuple[int, str], ...]], ...] = (
    (
        "1.2.840.10008.5.1.4.1.1.88.",
        "structured report",
        ((0x0040A040, "ValueType"), (0x0040A730, "ContentSequence")),
    ),
    (
        "1.2.840.10008.5.1.4.1.1.481.3",
        "RT structure set",
        (
            (0x30060020, "StructureSetROISequence"),
            (0x30060039, "ROIContourSequence"),
            (0x30060080, "RTROIObservationsSequence"),
        ),
    ),
    (
        "1.2.840.10008.5.1.4.1.1.481.2",
        "RT dose",
        ((0x30040002, "DoseUnits"), (0x30040004, "DoseType"), (0x3004000A, "DoseSummationType")),
    ),
    (
        "1.2.840.10008.5.1.4.1.1.481.5",
        "RT plan",
        ((0x300A0002, "RTPlanLabel"), (0x300A000C, "RTPlanGeometry")),
    ),
    ("1.2.840.10008.5.1.4.1.1.9.", "waveform", ((0x54000100, "WaveformSequence"),)),
    (
        "1.2.840.10008.5.1.4.1.1.104.",
        "encapsulated document",
        ((0x00420011, "EncapsulatedDocument"),),
    ),
)
MEDIA_DIRECTORY = "1.2.840.10008.1.3.10"  # a DICOMDIR: not a composite object
RECORDS = 0x00041220  # its Directory Record Sequence
# Storage SOP classes whose objects carry no top-level pixel data, by words in pydicom's names
# for them (PS3.4 B.5); any other class, a private or an unknown one included, must have pixels.
# RT Dose is here (a dose of DVHs only has none); one with an Image Pixel module needs them.
NO_PIXEL_NAMES = (
    "SR Storage",  # every structured report, the trial ones included
    "Key Object Selection",
    "Waveform Storage",
    "Encapsulated ",  # PDF, CDA, STL, OBJ, MTL
    "Presentation State Storage",
    "Raw Data Storage",
    "Spectroscopy Storage",  # Spectroscopy Data, not pixels
    "Media Storage Directory",
    "Registration Storage",
    "Spatial Fiducials",
    "Measurements Storage",
    "Report Storage",  # macular grid thickness, spectacle prescription, DICOS threat report
    "Calculations Storage",
    "RT ",  # plans, structure sets, records, instructions, dose; RT Image is an image
    "Radiation Storage",
    "Radiation Record Storage",
    "Procedure Protocol Storage",
    "Procedure Log Storage",
    "Protocol Approval Storage",
    "Hanging Protocol Storage",
    "Color Palette Storage",
    "Template Storage",  # implant templates
    "Template Group Storage",
    "Real World Value Mapping",
    "Surface Segmentation Storage",  # meshes; Segmentation Storage has pixels
    "Surface Scan",
    "Tractography Results",
    "Stereometric Relationship",
    "Basic Structured Display",
    "Content Assessment Results",
    "Inventory Storage",
    "Bulk Simple Annotations",
    "Standalone ",  # retired curves, overlays, LUTs
    "Stored Print",
)


def check_end(ds: Dataset, data: bytes) -> None:
    """Raise when bytes are left after the last top-level element: the file ends inside the
    next element's header. `ds` is what `dcmread` made of `data`. A deflated data set (its
    offsets are in the inflated stream) is not judged here: its cut raises `zlib.error`."""
    from pydicom.filereader import data_element_generator
    from pydicom.valuerep import EXPLICIT_VR_LENGTH_32

    meta = ds.file_meta
    syntax = meta.get("TransferSyntaxUID") if meta is not None else None
    if (syntax is not None and syntax.is_deflated) or ds.original_encoding[0] is None:
        return
    tells = [(_tell(e), e) for e in ds._dict.values()]
    known = [(t, e) for t, e in tells if t >= 0]
    if not known:
        return
    value_at, first = min(known, key=lambda pair: pair[0])
    implicit, little = bool(ds.original_encoding[0]), bool(ds.original_encoding[1])
    header = 12 if not implicit and first.VR in EXPLICIT_VR_LENGTH_32 else 8
    fp = io.BytesIO(data)
    fp.seek(value_at - header)
    end = fp.tell()
    for elem in data_element_generator(fp, implicit, little, defer_size=DEFER):
        end = fp.tell()
        if elem.tag != PIXEL_DATA and _cut(elem, end, len(data)):
            # pydicom converts some elements as it reads them (SpecificCharacterSet), so a cut
            # inside their value is seen here, not by the raw-length check.
            raise UnscannableError(
                f"DICOM element ({elem.tag >> 16:04X},{elem.tag & 0xFFFF:04X}) is truncated"
            )
    if end < len(data):
        raise UnscannableError("DICOM file ends inside an element's header (truncated)")


def _cut(elem: object, end: int, size: int) -> bool:
    """Whether an element read on the second walk ends past the data or holds less than its
    length says (the top-level pixel data is the reader's own case, not judged here)."""
    length = getattr(elem, "length", UNDEFINED)
    value = getattr(elem, "value", None)
    short = isinstance(value, bytes) and length != UNDEFINED and len(value) < length
    return end > size or short


def _tell(elem: object) -> int:
    """Where an element's value starts in the file (raw or converted), -1 when not known."""
    tell = getattr(elem, "value_tell", None)
    if tell is None:
        tell = getattr(elem, "file_tell", None)
    return int(tell) if tell is not None else -1


def check_complete(ds: Dataset) -> str | None:
    """Why the data set lacks what its kind of object cannot lack (see the module's
    docstring), or None. Such a file was most likely cut between two elements, though a
    file written without its pixel data reads the same (pydicom's DICOMDIR test images), so
    the caller de-identifies the header and calls the file unscannable, as for pixel data cut
    short. Top level only; the reason names the missing attribute, never a value."""
    present = set(ds._dict)
    meta = getattr(ds, "file_meta", None)
    # A cut before (0008,0016) leaves the file meta's copy of the SOP class.
    sop = str(ds.get("SOPClassUID", "") or (meta or {}).get("MediaStorageSOPClassUID", "") or "")
    pixels = any(t in present for t in PIXEL_TAGS)
    if pixels:
        return None  # whatever follows the pixel data is optional
    if any(t in present for t in IMAGE_TAGS) or (sop and not _without_pixels(sop)):
        return "DICOM image has no pixel data (truncated before it, or written without it)"
    if sop == MEDIA_DIRECTORY:  # its records come last (Type 2: present, maybe empty)
        return None if RECORDS in present else "DICOMDIR has no DirectoryRecordSequence (truncated)"
    if not sop:
        # Neither the data set nor the file meta names a SOP class: a data set without its
        # preamble (or with a broken file meta) cut before (0008,0016).
        return "DICOM data set has no SOPClassUID (truncated before it, or not an object)"
    required: tuple[tuple[int, str], ...] = COMPOSITE
    kind = "object"
    for prefix, name, tags in LAST_REQUIRED:
        if sop.startswith(prefix):
            required, kind = COMPOSITE + tags, name
            break
    for tag, keyword in required:
        if tag not in present:
            return f"DICOM {kind} has no {keyword} (truncated)"
    return None


def _without_pixels(sop: str) -> bool:
    """Whether the SOP class is one whose objects carry no pixel data (`NO_PIXEL_NAMES`).
    Fails closed: a class pydicom does not name (private, unknown, newer than pydicom) or an
    image storage class needs pixels, so a file of it cut before them is never called clean."""
    from pydicom.uid import UID  # its name and type come from pydicom's UID dictionary

    uid = UID(sop)
    name = uid.name if uid.type == "SOP Class" else ""
    if sop == MEDIA_DIRECTORY:
        return True
    if not name or "Image Storage" in name:
        return False
    return any(words in name for words in NO_PIXEL_NAMES)
