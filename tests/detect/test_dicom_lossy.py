"""The lossy fallback's rules: which inputs may go lossy, what the header records, and the
round-trip check that a painted region still decodes to its fill."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom.dataset import Dataset

from bot.detect import dicom_lossy
from bot.detect.dicom_lossy import eligible, painted_regions_kept, psnr, record, was_lossy

BASELINE, JPEG_LS, J2K, J2K_LOSSLESS = (
    "1.2.840.10008.1.2.4.50",
    "1.2.840.10008.1.2.4.80",
    "1.2.840.10008.1.2.4.91",
    "1.2.840.10008.1.2.4.90",
)


def _ds(**values: object) -> Dataset:
    ds = Dataset()
    for key, value in values.items():
        setattr(ds, key, value)
    return ds


@pytest.mark.parametrize(
    ("source", "flag", "lossy"),
    [
        (BASELINE, None, True),  # lossy by definition
        ("1.2.840.10008.1.2.4.51", None, True),
        (J2K, "01", True),  # JPEG 2000 that says it was lossy
        (J2K, "00", False),  # JPEG 2000 used losslessly
        (J2K, None, False),
        (JPEG_LS, None, False),
        (J2K_LOSSLESS, "01", True),  # lossy once, before this lossless copy
        ("1.2.840.10008.1.2.5", None, False),
    ],
)
def test_when_input_then_lossy_only_if_its_syntax_or_header_says_so(
    source: str, flag: str | None, lossy: bool
) -> None:
    ds = _ds(LossyImageCompression=flag) if flag is not None else Dataset()
    assert was_lossy(ds, source) is lossy


@pytest.mark.parametrize(
    ("dtype", "photometric", "stored", "ok"),
    [
        (np.uint8, "RGB", 8, True),
        (np.uint8, "MONOCHROME2", 8, True),
        (np.uint8, "MONOCHROME1", 8, True),
        (np.uint8, "PALETTE COLOR", 8, False),  # indices, not intensities
        (np.uint16, "MONOCHROME2", 12, False),  # JPEG Baseline is 8-bit
        (np.uint8, "MONOCHROME2", 7, False),
        (np.int8, "MONOCHROME2", 8, False),
    ],
)
def test_when_pixels_then_jpeg_baseline_only_for_8_bit_unsigned_grey_or_colour(
    dtype: type, photometric: str, stored: int, ok: bool
) -> None:
    assert eligible(np.zeros((1, 4, 4), dtype), photometric, stored) is ok


def _recorded(ds: Dataset, source: str = BASELINE) -> tuple[list[str], list[str]]:
    ds.PixelData = b"\0" * 100
    record(ds, source, source_bytes=50, raw_bytes=1000)
    assert ds.LossyImageCompression == "01"
    return [str(v) for v in _as_list(ds.LossyImageCompressionRatio)], [
        str(v) for v in _as_list(ds.LossyImageCompressionMethod)
    ]


def _as_list(value: object) -> list[object]:
    return dicom_lossy._values(value)  # one value reads back as a scalar


def test_when_input_recorded_nothing_then_its_own_step_comes_first() -> None:
    assert _recorded(Dataset()) == (["20.00", "10.00"], ["ISO_10918_1", "ISO_10918_1"])


def test_when_input_recorded_a_ratio_only_then_methods_padded_to_match() -> None:
    ds = _ds(LossyImageCompression="01", LossyImageCompressionRatio="19")
    assert _recorded(ds) == (["19", "10.00"], ["ISO_10918_1", "ISO_10918_1"])


def test_when_input_recorded_two_steps_then_the_new_one_is_appended() -> None:
    ds = _ds(LossyImageCompressionRatio=["8", "4"])
    ds.LossyImageCompressionMethod = ["ISO_15444_1", "ISO_10918_1"]
    ratios, methods = _recorded(ds)
    assert methods == ["ISO_15444_1", "ISO_10918_1", "ISO_10918_1"]
    assert len(ratios) == 3 and ratios[-1] == "10.00"


def test_when_flagged_lossy_input_of_unknown_syntax_then_only_the_new_step() -> None:
    assert _recorded(_ds(LossyImageCompression="01"), source=J2K_LOSSLESS) == (
        ["10.00"],
        ["ISO_10918_1"],
    )


def _box() -> tuple[np.ndarray, np.ndarray]:
    back = np.full((2, 64, 64), 120, np.uint8)
    regions = np.zeros((64, 64), bool)
    regions[8:48, 8:56] = True
    back[:, regions] = 0
    return back, regions


def test_when_painted_region_decodes_to_its_fill_then_kept() -> None:
    back, regions = _box()
    back[:, 8:10, 8:56] = 30  # ringing at the edge, inside the margin
    assert painted_regions_kept(back, regions, 0)


def test_when_text_shows_inside_a_painted_region_then_not_kept() -> None:
    back, regions = _box()
    back[1, 25:30, 20:40] = 200  # a stroke one block in from the edge, on one frame
    assert not painted_regions_kept(back, regions, 0)


def test_when_near_the_fill_within_tolerance_then_kept() -> None:
    back, regions = _box()
    back[:, 28, 30] = dicom_lossy.FILL_TOLERANCE
    assert painted_regions_kept(back, regions, 0)
    back[:, 28, 30] = dicom_lossy.FILL_TOLERANCE + 1
    assert not painted_regions_kept(back, regions, 0)


def _line(rows: int = 12) -> tuple[np.ndarray, np.ndarray]:
    """A painted text line: a box `rows` high, far thinner than two JPEG blocks."""
    back = np.full((2, 64, 160), 120, np.uint8)
    regions = np.zeros((64, 160), bool)
    regions[20 : 20 + rows, 8:150] = True
    back[:, regions] = 0
    return back, regions


def _text(rows: int = 12) -> np.ndarray:
    """White text drawn into a `rows`-high strip (what the box had covered)."""
    from PIL import Image, ImageDraw

    from tests.detect.image_fakes import font

    strip = Image.new("L", (142, rows), 0)
    ImageDraw.Draw(strip).text((1, 0), "DOE^JANE 12345678", font=font(rows - 2), fill=255)
    return np.asarray(strip)


def test_when_text_shows_again_in_a_thin_painted_box_then_not_kept() -> None:
    back, regions = _line()
    back[1, 20:32, 8:150] = _text()  # one frame decodes with the line's text back
    assert not painted_regions_kept(back, regions, 0)


def test_when_faint_text_shows_in_a_thin_box_then_its_mean_rejects_it() -> None:
    back, regions = _line()
    text = _text()
    back[0, 20:32, 8:150] = np.where(text > 128, dicom_lossy.RING_TOLERANCE, 0)
    assert (back[0, 22:30, 10:148] > 0).mean() > 0.2  # the strokes cover the line's inside
    assert not painted_regions_kept(back, regions, 0)


def test_when_a_thin_box_is_jpeg_coded_beside_bright_pixels_then_kept() -> None:
    """Ringing from a white field right beside the line (quality 75) is within tolerance."""
    import io

    from PIL import Image

    back, regions = _line()
    back[:, :20] = back[:, 32:] = 255
    for n, frame in enumerate(back):
        buf = io.BytesIO()
        Image.fromarray(frame, "L").save(buf, "JPEG", quality=75)
        back[n] = np.asarray(Image.open(buf))
    assert back[:, regions].max() > dicom_lossy.FILL_TOLERANCE  # there is ringing to allow for
    assert painted_regions_kept(back, regions, 0)


def test_when_box_thinner_than_the_thin_margin_then_psnr_alone_decides() -> None:
    back, regions = _line(rows=2 * dicom_lossy.THIN_EDGE)  # nothing left 2 px in
    back[:, 20:24, 8:150] = 255
    assert painted_regions_kept(back, regions, 0)
    back, regions = _line(rows=2 * dicom_lossy.THIN_EDGE + 1)  # one row left: checked
    back[:, 20:25, 8:150] = 255
    assert not painted_regions_kept(back, regions, 0)


def test_psnr_of_identical_frames_is_infinite_and_falls_with_error() -> None:
    a = np.full((8, 8), 100, np.uint8)
    assert psnr(a, a) == float("inf")
    assert psnr(a + 1, a) == pytest.approx(48.13, abs=0.01)  # 20 log10(255 / 1)
    assert psnr(a + 10, a) == pytest.approx(28.13, abs=0.01)  # 20 log10(255 / 10)
    assert psnr(a + 2, a) > dicom_lossy.MIN_PSNR > psnr(a + 3, a)  # 42.1 dB kept, 38.6 not


def test_when_colour_frames_then_thin_box_checked_on_every_sample() -> None:
    back, regions = _line()
    colour = back[..., None].repeat(3, axis=3)
    assert painted_regions_kept(colour, regions, 0)
    colour[1, 20:32, 8:150, 2] = _text()  # the text back in one channel of one frame
    assert not painted_regions_kept(colour, regions, 0)


# --- inputs of more than 8 bits: JPEG-LS Near-Lossless (real JPEG 2000 lossy files) --------


def _deep(name: str) -> tuple[Dataset, np.ndarray, np.ndarray, np.ndarray, int]:
    """A real lossy file of more than 8 bits with a text line (12 px) and a box painted on
    its decoded pixels at their darkest value: (ds, original, painted, regions, fill)."""
    from pathlib import Path

    import data_store  # type: ignore[import-untyped]
    import pydicom

    ds = pydicom.dcmread(Path(data_store.__file__).parent / "data" / name)
    original = ds.pixel_array[None].copy()  # frames first, as the scanner paints them
    fill = int(original.min())
    regions = np.zeros(original.shape[1:], bool)  # rows x columns, the same on every frame
    regions[40:52, 30:400] = True  # a burned-in text line
    regions[100:180, 30:300] = True
    painted = original.copy()
    painted[:, regions] = fill
    return ds, original, painted, regions, fill


@pytest.mark.parametrize("name", ["MR2_J2KI.dcm", "RG3_J2KI.dcm"])  # 12-bit MR, 10-bit CR
def test_when_deep_lossy_input_over_limit_then_jpeg_ls_near_lossless_boxes_still_black(
    name: str,
) -> None:
    from bot.detect.dicom_encode import store_pixels

    ds, _, painted, regions, fill = _deep(name)
    bits_stored = int(ds.BitsStored)
    photometric, source = ds.PhotometricInterpretation, ds.file_meta.TransferSyntaxUID
    got = store_pixels(
        ds, painted, photometric, bits_stored, source, max_pixel_bytes=1, regions=regions, fill=fill
    )
    assert got == dicom_lossy.JPEG_LS_NEAR
    back = ds.pixel_array.reshape(painted.shape).astype(np.int64)
    near = dicom_lossy.near_error(bits_stored)
    assert np.abs(back[:, regions] - fill).max() <= near  # boxes still black after decode
    assert np.abs(back - painted).max() <= near  # one 8-bit level anywhere, no more
    assert ds.LossyImageCompression == "01"
    assert list(ds.LossyImageCompressionMethod) == ["ISO_15444_1", "ISO_14495_1"]


def test_when_deep_lossy_copy_shows_the_text_again_then_lossless_copy_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An encoder fault that brings the covered pixels back (here: the unpainted original
    compressed) is caught by the decode-back check, and the lossless copy written."""
    from bot.detect.dicom_encode import JPEG_LS_LOSSLESS, store_pixels

    ds, original, painted, regions, fill = _deep("MR2_J2KI.dcm")
    real = dicom_lossy.encode_near_lossless

    def leaky(d: Dataset, bits_stored: int) -> None:
        d.set_pixel_data(original[0], "MONOCHROME2", bits_stored, generate_instance_uid=False)
        real(d, bits_stored)

    monkeypatch.setattr(dicom_lossy, "encode_near_lossless", leaky)
    source = ds.file_meta.TransferSyntaxUID
    got = store_pixels(
        ds, painted, "MONOCHROME2", 12, source, max_pixel_bytes=1, regions=regions, fill=fill
    )
    assert got == JPEG_LS_LOSSLESS and np.array_equal(ds.pixel_array, painted[0])
    assert "ISO_14495_1" not in list(ds.get("LossyImageCompressionMethod") or [])


def test_the_thin_box_check_scales_to_the_pixels_bits() -> None:
    """Tolerances are 8-bit levels: at 12 bits a box within 16 x the ringing allowance is
    kept, and white text (4095) back in a text line is not."""
    back, regions = _line()
    back = back.astype(np.uint16) * 16
    back[:, 20:22, 8:150] = dicom_lossy.RING_TOLERANCE * 16  # ringing at the edge, in scale
    assert painted_regions_kept(back, regions, 0, scale=16)
    back[0, 20:32, 8:150] = np.where(_text() > 128, 4095, 0)
    assert not painted_regions_kept(back, regions, 0, scale=16)


def test_signed_pixels_stored_in_fewer_bits_never_go_near_lossless() -> None:
    signed = np.zeros((1, 8, 8), np.int16)
    assert not dicom_lossy.deep_eligible(signed, "MONOCHROME2", 14, 16)  # GDCM loses the sign
    assert dicom_lossy.deep_eligible(signed.astype(np.uint16), "MONOCHROME2", 12, 16)
    assert not dicom_lossy.deep_eligible(signed.astype(np.uint16), "PALETTE COLOR", 12, 16)
