"""Re-encoding a painted compressed DICOM: lossless, near its input's size, RLE as the fallback."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pydicom
import pytest
from PIL import Image, ImageDraw, ImageFilter
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGLSLossless,
    RLELossless,
    SecondaryCaptureImageStorage,
    generate_uid,
)

from bot.detect import dicom_encode
from bot.detect.dicom_encode import choices, store_pixels
from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from tests.detect.image_fakes import FakeOcr, FakeTextEngine, font

W, H, FRAMES = 256, 192, 3
BOX = ("DOE^JANE", 8, 8, 90, 16)


def jpeg_cine() -> bytes:
    """A synthetic ultrasound-like colour cine (speckle on a gradient, the name burned in),
    each frame JPEG Baseline 4:2:2 as a scanner console writes it."""
    rng = np.random.default_rng(14)
    fragments = []
    for n in range(FRAMES):
        ramp = np.linspace(20, 160, W, dtype=np.float32)[None, :]
        speckle = Image.fromarray(rng.gamma(2.0, 30.0, (H, W)).clip(0, 255).astype(np.uint8))
        blurred = np.asarray(speckle.filter(ImageFilter.GaussianBlur(1.5)), dtype=np.float32)
        grey = np.clip(ramp * 0.4 + blurred + n, 0, 255)
        grey[:, : W // 5] = 0  # the console's black margin
        pixels = grey.astype(np.uint8)[..., None].repeat(3, axis=2)
        pixels[..., 1] //= 2  # a tint, so the chroma planes are not flat
        image = Image.fromarray(pixels, "RGB")
        ImageDraw.Draw(image).text((8, 8), "DOE^JANE", font=font(12), fill=(250, 250, 250))
        buf = io.BytesIO()
        image.save(buf, "JPEG", quality=90, subsampling=1)
        fragments.append(buf.getvalue())
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = SecondaryCaptureImageStorage
    meta.MediaStorageSOPInstanceUID = uid = generate_uid()
    meta.TransferSyntaxUID = JPEGBaseline8Bit
    ds = FileDataset(None, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.SOPClassUID, ds.SOPInstanceUID = SecondaryCaptureImageStorage, uid
    ds.StudyInstanceUID, ds.SeriesInstanceUID = generate_uid(), generate_uid()
    ds.PatientName, ds.PatientID, ds.Modality = "DOE^JANE", "12345678", "US"
    ds.Rows, ds.Columns, ds.NumberOfFrames = H, W, FRAMES
    ds.SamplesPerPixel, ds.PhotometricInterpretation, ds.PlanarConfiguration = 3, "YBR_FULL_422", 0
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    ds.PixelData = encapsulate(fragments)
    ds["PixelData"].VR = "OB"
    out = io.BytesIO()
    ds.save_as(out, enforce_file_format=True)
    return out.getvalue()


def scan(data: bytes) -> bytes:
    scanner = ImageScanner(
        text_engine=FakeTextEngine(("DOE^JANE",)),
        ocr=FakeOcr([BOX], W, visible_only=True),
        face_detector=NoFaceDetector(),
        dicom_uid_key=b"k" * 32,
    )
    result = scanner.scan(data)
    assert result.changed_pixels and result.redacted is not None
    return result.redacted


def pixels(data: bytes) -> np.ndarray:
    return pydicom.dcmread(io.BytesIO(data)).pixel_array


def test_when_jpeg_baseline_painted_then_copy_stays_near_its_input_size() -> None:
    data = jpeg_cine()
    out = scan(data)
    assert pydicom.dcmread(io.BytesIO(out)).file_meta.TransferSyntaxUID == JPEGLSLossless
    assert len(out) <= 6 * len(data)  # RLE wrote this one 13x its input (JPEG-LS: 4.6x)


def test_when_painted_then_every_unpainted_pixel_kept_exactly() -> None:
    data = jpeg_cine()
    before, after = pixels(data), pixels(scan(data))
    assert before.shape == after.shape == (FRAMES, H, W, 3)
    changed = np.any(before != after, axis=(0, 3))
    rows, cols = np.nonzero(changed)
    assert rows.size  # the name was painted ...
    assert rows.max() < 40 and cols.max() < 120  # ... and nothing outside its box moved


def _raising_for(uid: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Dataset.compress

    def compress(self: Dataset, syntax: str, *args: object, **kwargs: object) -> None:
        if syntax == uid:
            raise RuntimeError("encoder broke")
        real(self, syntax, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Dataset, "compress", compress)


def test_when_preferred_encoder_raises_then_rle_and_still_exact(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = jpeg_cine()
    first = scan(data)
    assert pydicom.dcmread(io.BytesIO(first)).file_meta.TransferSyntaxUID == JPEGLSLossless
    expected = pixels(first)
    _raising_for(JPEGLSLossless, monkeypatch)
    out = scan(data)
    assert pydicom.dcmread(io.BytesIO(out)).file_meta.TransferSyntaxUID == RLELossless
    assert np.array_equal(pixels(out), expected)


def test_when_encoded_copy_does_not_round_trip_then_next_syntax(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    real = dicom_encode.round_trips

    def lossy_jpeg_ls(d: Dataset, arr: np.ndarray) -> bool:
        return d.file_meta.TransferSyntaxUID != JPEGLSLossless and real(d, arr)

    monkeypatch.setattr(dicom_encode, "round_trips", lossy_jpeg_ls)
    assert store_pixels(ds, painted, "RGB", 8, JPEGBaseline8Bit) == RLELossless
    assert np.array_equal(ds.pixel_array, painted)


def test_when_every_encoder_raises_then_unscannable_not_uncompressed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.errors import UnscannableError

    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    monkeypatch.setattr(Dataset, "compress", lambda *a, **k: (_ for _ in ()).throw(ValueError()))
    with pytest.raises(UnscannableError):
        store_pixels(ds, painted, "RGB", 8, JPEGBaseline8Bit)


def test_lossless_input_keeps_its_syntax_lossy_goes_to_jpeg_ls() -> None:
    assert choices(JPEG2000Lossless) == (JPEG2000Lossless, JPEGLSLossless, RLELossless)
    assert choices(JPEGLSLossless) == (JPEGLSLossless, RLELossless)
    assert choices(RLELossless) == (RLELossless, JPEGLSLossless)
    assert choices(JPEGBaseline8Bit) == (JPEGLSLossless, RLELossless)
    assert choices("1.2.840.10008.1.2.4.91") == (JPEGLSLossless, RLELossless)  # may be lossy
    assert choices(JPEGBaseline8Bit, signed_partial=True) == (RLELossless,)
    assert choices(JPEGLSLossless, signed_partial=True) == (RLELossless,)


def test_when_signed_pixels_stored_in_fewer_bits_then_not_jpeg_ls() -> None:
    """GDCM reads JPEG-LS of signed 12-in-16-bit pixels back unsigned; RLE it is."""
    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    ds.SamplesPerPixel, ds.PixelRepresentation, ds.BitsAllocated = 1, 0, 16
    ds.PhotometricInterpretation, ds.NumberOfFrames = "MONOCHROME2", 1
    painted = np.random.default_rng(3).integers(-2000, 2000, (1, 64, 64), dtype=np.int16)
    assert store_pixels(ds, painted, "MONOCHROME2", 12, JPEGBaseline8Bit) == RLELossless
    assert np.array_equal(ds.pixel_array, painted[0])
    assert store_pixels(ds, painted, "MONOCHROME2", 16, JPEGBaseline8Bit) == JPEGLSLossless


def test_when_jpeg_ls_input_painted_then_jpeg_ls_again() -> None:
    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    painted[:, :10, :10] = 0
    assert store_pixels(ds, painted, "RGB", 8, JPEGLSLossless) == JPEGLSLossless
    assert np.array_equal(ds.pixel_array, painted)


def test_when_jpeg_2000_lossless_input_painted_then_jpeg_2000_lossless_again() -> None:
    """pylibjpeg-openjpeg is pinned so a J2K-lossless archive's copy stays J2K lossless."""
    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    painted[:, :10, :10] = 0
    assert store_pixels(ds, painted, "RGB", 8, JPEG2000Lossless) == JPEG2000Lossless
    assert np.array_equal(ds.pixel_array, painted)


# --- a lossy input whose lossless copy would be over the limit (dicom_lossy) ----------------


def _scan_limited(data: bytes, max_bytes: int) -> bytes:
    scanner = ImageScanner(
        text_engine=FakeTextEngine(("DOE^JANE",)),
        ocr=FakeOcr([BOX], W, visible_only=True),
        face_detector=NoFaceDetector(),
        dicom_uid_key=b"k" * 32,
        max_bytes=max_bytes,
    )
    result = scanner.scan(data)
    assert result.changed_pixels and result.redacted is not None and result.scannable
    return result.redacted


def _limit_just_over(data: bytes) -> int:
    """A size limit the input fits under but its JPEG-LS copy (4.6x) does not."""
    from bot.detect.dicom import HEADER_SLACK

    return len(data) + HEADER_SLACK + len(data) // 2


def test_when_lossy_input_over_limit_losslessly_then_jpeg_baseline_near_its_size() -> None:
    data = jpeg_cine()
    out = _scan_limited(data, _limit_just_over(data))
    ds = pydicom.dcmread(io.BytesIO(out))
    assert ds.file_meta.TransferSyntaxUID == JPEGBaseline8Bit
    assert len(out) <= 1.5 * len(data)
    assert ds.PhotometricInterpretation == "YBR_FULL_422"  # the input's 4:2:2 kept
    assert ds.LossyImageCompression == "01"
    assert list(ds.LossyImageCompressionMethod) == ["ISO_10918_1", "ISO_10918_1"]
    assert len(ds.LossyImageCompressionRatio) == 2


def test_when_lossy_copy_then_name_box_stays_painted_and_the_rest_close() -> None:
    data = jpeg_cine()
    before, after = pixels(data), pixels(_scan_limited(data, _limit_just_over(data)))
    _, x, y, w, h = BOX
    assert after[:, y + 2 : y + h - 2, x + 2 : x + w - 2].max() <= 8  # dark, no text left
    outside = np.abs(before.astype(int) - after.astype(int))
    outside[:, : y + h + 16, : x + w + 16] = 0
    assert outside.mean() < 1.0 and outside.max() <= 24


def test_when_lossless_copy_fits_then_lossless_even_for_lossy_input() -> None:
    data = jpeg_cine()
    out = _scan_limited(data, 50 * 1024 * 1024)
    assert pydicom.dcmread(io.BytesIO(out)).file_meta.TransferSyntaxUID == JPEGLSLossless


def test_when_lossless_input_over_limit_then_never_lossy() -> None:
    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    got = store_pixels(ds, painted, "RGB", 8, JPEGLSLossless, max_pixel_bytes=1)
    assert got == JPEGLSLossless and np.array_equal(ds.pixel_array, painted)
    assert "LossyImageCompression" not in ds


def test_when_lossy_copy_does_not_round_trip_then_lossless_copy_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.detect import dicom_lossy

    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    monkeypatch.setattr(dicom_lossy, "round_trips", lambda *a, **k: False)
    got = store_pixels(ds, painted, "RGB", 8, JPEGBaseline8Bit, max_pixel_bytes=1)
    assert got == JPEGLSLossless and np.array_equal(ds.pixel_array, painted)
    assert ds.get("LossyImageCompressionMethod") is None


def test_when_lossless_copy_rewritten_after_lossy_fails_then_it_is_checked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lossless copy written back after a failed lossy one is decoded and compared like
    every encode: when that second JPEG-LS copy does not round-trip, RLE is written instead."""
    from bot.detect import dicom_lossy

    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    real, seen = dicom_encode.round_trips, []

    def second_jpeg_ls_is_bad(d: Dataset, arr: np.ndarray) -> bool:
        jpeg_ls = d.file_meta.TransferSyntaxUID == JPEGLSLossless
        seen.append(jpeg_ls)
        return not (jpeg_ls and seen.count(True) == 2) and real(d, arr)

    monkeypatch.setattr(dicom_encode, "round_trips", second_jpeg_ls_is_bad)
    monkeypatch.setattr(dicom_lossy, "round_trips", lambda *a, **k: False)
    got = store_pixels(ds, painted, "RGB", 8, JPEGBaseline8Bit, max_pixel_bytes=1)
    assert got == RLELossless and np.array_equal(ds.pixel_array, painted)
    assert seen.count(True) == 2


def test_when_lossless_rewrite_after_lossy_fails_raises_then_next_syntax(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bot.detect import dicom_lossy

    ds = pydicom.dcmread(io.BytesIO(jpeg_cine()))
    painted = ds.pixel_array.copy()
    real, calls = Dataset.compress, []

    def compress(self: Dataset, uid: str, *args: object, **kwargs: object) -> None:
        calls.append(uid)
        if uid == JPEGLSLossless and calls.count(uid) == 2:
            raise RuntimeError("encoder fault")
        real(self, uid, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Dataset, "compress", compress)
    monkeypatch.setattr(dicom_lossy, "round_trips", lambda *a, **k: False)
    got = store_pixels(ds, painted, "RGB", 8, JPEGBaseline8Bit, max_pixel_bytes=1)
    assert got == RLELossless and np.array_equal(ds.pixel_array, painted)


REAL_JPEG = [
    "examples_ybr_color.dcm",  # 30 frames, YBR_FULL_422
    "SC_rgb_jpeg_dcmtk.dcm",
    "SC_jpeg_no_color_transform.dcm",  # RGB without a colour transform (APP14)
    "SC_rgb_dcmtk_+eb+cy+s2.dcm",
    "SC_rgb_jpeg_lossy_gdcm.dcm",
]
# The syntax each is written in: JPEG Baseline only where its copy is smaller than JPEG-LS's.
REAL_JPEG_PATH = dict.fromkeys(REAL_JPEG, JPEGLSLossless) | {
    "examples_ybr_color.dcm": JPEGBaseline8Bit
}


@pytest.mark.parametrize("name", REAL_JPEG)
def test_when_real_jpeg_file_over_limit_then_smaller_copy_with_box_kept(name: str) -> None:
    """pydicom's JPEG Baseline files, painted, with no room for a lossless copy: whichever is
    smaller is written (JPEG-LS wins on the small single frames, the cine goes lossy), the
    box decodes dark."""
    ds = pydicom.dcmread(Path(pydicom.__file__).parent / "data" / "test_files" / name)
    painted = ds.pixel_array.copy()
    painted = painted if int(ds.get("NumberOfFrames", 1) or 1) > 1 else painted[None]
    painted[:, 20:60, 10:90] = 0
    methods = ds.get("LossyImageCompressionMethod")
    regions = np.zeros(painted.shape[1:3], bool)
    regions[20:60, 10:90] = True
    got = store_pixels(
        ds, painted, "RGB", 8, JPEGBaseline8Bit, max_pixel_bytes=1, regions=regions, fill=0
    )
    assert got == REAL_JPEG_PATH[name]
    back = ds.pixel_array.reshape(painted.shape)
    if got == JPEGLSLossless:
        assert np.array_equal(back, painted)
        assert ds.get("LossyImageCompressionMethod") == methods  # no lossy step recorded
    assert back[:, 22:58, 12:88].max() <= 24  # ringing from the neighbours at the edges
    assert back[:, 28:52, 18:82].max() <= 4  # one block in: the fill
    if got == JPEGBaseline8Bit:
        assert ds.LossyImageCompression == "01"
        assert ds.LossyImageCompressionMethod[-1] == "ISO_10918_1"


def test_when_real_cine_over_limit_then_jpeg_baseline_with_its_own_tables() -> None:
    """examples_ybr_color.dcm (30 frames): its own quantization tables keep it near its size."""
    path = Path(pydicom.__file__).parent / "data" / "test_files" / "examples_ybr_color.dcm"
    ds = pydicom.dcmread(path)
    size = len(ds.PixelData)
    painted = ds.pixel_array.copy()
    painted[:, 20:60, 10:90] = 0
    got = store_pixels(ds, painted, "RGB", 8, JPEGBaseline8Bit, max_pixel_bytes=1)
    assert got == JPEGBaseline8Bit
    assert len(ds.PixelData) <= 1.2 * size
    assert ds.PhotometricInterpretation == "YBR_FULL_422"
    assert len(ds.LossyImageCompressionRatio) == len(ds.LossyImageCompressionMethod) == 2
