"""ImageScanner: content over extension, safe decoding, metadata, spans to pixels, redaction, faces."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from bot.detect.image_faces import HaarFaceDetector, NoFaceDetector
from bot.detect.images import ImageScanner
from bot.detect.ocr import OcrLine
from bot.detect.types import ImageFinding, Kind, Verdict
from bot.detect.verdict import combine_verdict
from tests.detect.image_fakes import (
    FakeOcr,
    FakeTextEngine,
    exif_with_gps,
    jpeg_bytes,
    overlay_image,
    png_bytes,
)

W, H = 320, 200
# Canned OCR lines matching what overlay_image draws (x, y, width, height).
LINES = [
    ("DOE, JANE", 10, 10, 80, 18),
    ("ID: 12345678", 10, 32, 100, 18),
    ("W: 400 L: 40", 200, 10, 100, 18),
    ("120 kVp 250 mAs", 200, 32, 110, 18),
]


def scanner(lines=LINES, names=(), faces=None, width=W, **kw) -> ImageScanner:
    return ImageScanner(
        text_engine=FakeTextEngine(names),
        ocr=FakeOcr(lines, width),
        face_detector=faces or NoFaceDetector(),
        **kw,
    )


def screenshot() -> Image.Image:
    return overlay_image([(t, x, y) for t, x, y, _, _ in LINES], (W, H))


def region(image: Image.Image, x: int, y: int, w: int, h: int) -> np.ndarray:
    return np.asarray(image.convert("RGB"))[y : y + h, x : x + w]


def test_when_extension_lies_then_content_decides() -> None:
    result = scanner().scan(png_bytes(screenshot()), filename="photo.jpg")
    assert result.content_type == "image/png"
    assert Image.open(io.BytesIO(result.redacted or b"")).format == "PNG"


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "truncated or corrupt"),
        (b"GIF89a" + b"\xff" * 20, "truncated or corrupt"),
        (b"%PDF-1.4 hello", "unsupported content: application/pdf"),
    ],
)
def test_when_input_is_bad_then_unscannable_not_crash(data: bytes, reason: str) -> None:
    result = scanner().scan(data)
    assert not result.scannable and result.redacted is None
    assert reason in (result.unscannable_reason or "")


def test_when_jpeg_truncated_then_unscannable() -> None:
    data = jpeg_bytes(screenshot())
    result = scanner().scan(data[: len(data) // 2])
    assert result.unscannable_reason == "image data is truncated or corrupt"


def test_when_image_exceeds_pixel_limit_then_unscannable_before_decoding() -> None:
    data = png_bytes(Image.new("1", (10_000, 10_000)))  # 100 megapixels, a few KB on disk
    result = scanner().scan(data)
    assert "too large" in (result.unscannable_reason or "")


def test_when_file_exceeds_byte_limit_then_unscannable() -> None:
    result = scanner(max_bytes=100).scan(png_bytes(screenshot()))
    assert "file too large" in (result.unscannable_reason or "")


# --- redaction --------------------------------------------------------------------------------


def test_when_overlay_has_name_and_id_then_only_those_are_painted() -> None:
    original = screenshot()
    result = scanner(names=["DOE, JANE"]).scan(png_bytes(original))
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert out.size == original.size and out.format == "PNG"
    assert result.verdict is Verdict.PHI
    assert {"NAME", "ID"} <= set(result.kinds)
    assert region(out, 10, 10, 80, 18).max() == 0  # name painted
    assert region(out, 45, 32, 60, 18).max() == 0  # MRN digits painted (layout hint "ID:")
    assert region(out, 10, 34, 12, 14).max() > 200  # the "ID" label itself stays
    assert np.array_equal(
        region(out, 200, 10, 110, 40), region(original, 200, 10, 110, 40)
    )  # W/L, kVp untouched
    boxes = [f.box for f in result.findings if f.kind is Kind.NAME]
    assert boxes and all(b is not None and b[0] <= 10 and b[0] + b[2] >= 90 for b in boxes)


def test_when_image_is_clean_then_pixels_identical_and_verdict_clean() -> None:
    lines = [("W: 400 L: 40", 200, 10, 100, 18), ("120 kVp 250 mAs", 200, 32, 110, 18)]
    original = overlay_image([(t, x, y) for t, x, y, _, _ in lines], (W, H))
    result = scanner(lines).scan(png_bytes(original))
    assert result.verdict is Verdict.CLEAN and result.findings == ()
    assert np.array_equal(
        np.asarray(Image.open(io.BytesIO(result.redacted or b""))), np.asarray(original)
    )


def test_when_span_is_glued_to_label_then_only_value_characters_are_boxed() -> None:
    lines = [("DOB:03/14/1957", 10, 10, 140, 18)]
    result = scanner(lines).scan(png_bytes(overlay_image([("DOB:03/14/1957", 10, 10)], (W, H))))
    dates = [f for f in result.findings if f.kind is Kind.DATE]
    assert dates and dates[0].box is not None
    assert dates[0].box[0] > 35  # starts after "DOB:", not at the line start


# --- metadata ---------------------------------------------------------------------------------


def test_when_jpeg_has_exif_gps_then_reported_and_stripped_losslessly() -> None:
    clean = overlay_image([("W: 400 L: 40", 200, 10)], (W, H))
    data = jpeg_bytes(clean, exif=exif_with_gps(), comment=b"patient note")
    result = scanner([]).scan(data)
    subtypes = {f.subtype for f in result.findings if f.kind is Kind.METADATA}
    assert {"EXIF", "GPS", "TIMESTAMP", "AUTHOR", "COMMENT"} <= subtypes
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert out.format == "JPEG" and not out.getexif() and "comment" not in out.info
    assert np.array_equal(np.asarray(out), np.asarray(Image.open(io.BytesIO(data))))  # no re-encode
    assert result.verdict is Verdict.LOW


def test_when_png_has_text_chunks_then_stripped_pixel_identical() -> None:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "MRN 12345678")
    original = overlay_image([], (W, H))
    result = scanner([]).scan(png_bytes(original, pnginfo=info))
    assert any(f.subtype == "TEXT" for f in result.findings)
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert not getattr(out, "text", {}) and b"MRN" not in (result.redacted or b"")
    assert np.array_equal(np.asarray(out), np.asarray(original))


def test_when_exif_orientation_set_then_applied_and_removed() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90 CW to display
    data = jpeg_bytes(Image.new("RGB", (40, 20), (90, 90, 90)), exif=exif)
    result = scanner([], width=20).scan(data)
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert out.size == (20, 40) and not out.getexif()


@pytest.mark.parametrize("fmt", ["WEBP", "GIF", "TIFF", "HEIF"])
def test_when_other_formats_then_same_format_and_size_out(fmt: str) -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    screenshot().save(buf, fmt)
    result = scanner(names=["DOE, JANE"]).scan(buf.getvalue())
    assert result.scannable, result.unscannable_reason
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert out.format == fmt and out.size == (W, H)
    assert result.verdict is Verdict.PHI


# --- faces ------------------------------------------------------------------------------------


class OneFace:
    def detect(self, rgb: np.ndarray) -> list[tuple[int, int, int, int]]:
        return [(100, 60, 80, 80)]


def test_when_face_detected_then_face_finding_and_region_blurred() -> None:
    rng = np.random.default_rng(1)
    original = Image.fromarray(rng.integers(0, 255, (H, W, 3), dtype=np.uint8))
    result = scanner([], faces=OneFace()).scan(png_bytes(original))
    assert result.verdict is Verdict.PHI and result.kinds == ["FACE"]
    out = np.asarray(Image.open(io.BytesIO(result.redacted or b"")))
    face = out[60:140, 100:180].astype(float)
    assert face.std() < np.asarray(original)[60:140, 100:180].std() / 3  # detail gone
    assert np.array_equal(out[:40, :40], np.asarray(original)[:40, :40])  # elsewhere untouched


def test_haar_detector_ships_and_stays_quiet_on_non_faces() -> None:
    detector = HaarFaceDetector()
    assert detector.available
    assert detector.detect(np.asarray(screenshot())) == []


def test_combination_rule_for_images() -> None:
    date = ImageFinding(Kind.DATE, 0.8, (0, 0, 1, 1))
    age = ImageFinding(Kind.AGE, 0.8, (0, 0, 1, 1))
    assert combine_verdict([]) is Verdict.CLEAN
    assert combine_verdict([date]) is Verdict.LOW
    assert combine_verdict([date, age]) is Verdict.PHI
    assert combine_verdict([ImageFinding(Kind.ID, 0.8)]) is Verdict.PHI
    metadata = ImageFinding(Kind.METADATA, 1.0, None, "ImageMetadata", "TIMESTAMP")
    assert combine_verdict([metadata]) is Verdict.LOW
    assert (
        combine_verdict([metadata, date]) is Verdict.LOW
    )  # stripped metadata is not a second quasi-identifier


def test_when_photo_shows_a_face_then_real_detector_finds_and_blurs_it() -> None:
    import matplotlib

    portrait = Image.open(f"{matplotlib.get_data_path()}/sample_data/grace_hopper.jpg")
    result = scanner([], faces=HaarFaceDetector(), width=portrait.width).scan(jpeg_bytes(portrait))
    faces = [f for f in result.findings if f.kind is Kind.FACE]
    assert len(faces) == 1 and result.verdict is Verdict.PHI
    x, y, w, h = faces[0].box or (0, 0, 0, 0)
    out = np.asarray(Image.open(io.BytesIO(result.redacted or b"")).convert("L"), dtype=float)
    before = np.asarray(portrait.convert("L"), dtype=float)
    assert (
        np.abs(np.diff(out[y : y + h, x : x + w], axis=1)).mean()
        < np.abs(np.diff(before[y : y + h, x : x + w], axis=1)).mean() / 2
    )


def test_when_png_unchanged_then_chunks_stripped_without_reencoding() -> None:
    from PIL.PngImagePlugin import PngInfo

    from bot.detect.image_io import strip_png_metadata

    info = PngInfo()
    info.add_text("Author", "someone")
    data = png_bytes(Image.new("RGB", (8, 8), (1, 2, 3)), pnginfo=info)
    stripped = strip_png_metadata(data)
    assert stripped is not None and b"tEXt" not in stripped and b"IDAT" in stripped
    assert strip_png_metadata(data[:30]) is None


def test_when_gif_is_animated_then_every_frame_comes_out_without_metadata() -> None:
    frames = [
        overlay_image([], (W, H), fill=(255, 255, 255)),
        Image.new("RGB", (W, H), (200, 30, 30)),
    ]
    buf = io.BytesIO()
    frames[0].save(
        buf,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        comment=b"ward 4",
        duration=[300, 700],
        loop=0,
    )
    result = scanner([]).scan(buf.getvalue())
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert out.format == "GIF" and getattr(out, "n_frames", 1) == 2 and "comment" not in out.info
    out.seek(1)
    assert out.info.get("duration") == 700


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_when_bytes_are_mangled_then_scan_returns_an_outcome(fmt: str) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    buf = io.BytesIO()
    screenshot().save(buf, fmt)
    valid = buf.getvalue()
    s = scanner([])

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(
            st.tuples(st.integers(0, len(valid) - 1), st.integers(0, 255)), min_size=1, max_size=8
        ),
        st.integers(8, len(valid)),
    )
    def mangled(edits: list[tuple[int, int]], cut: int) -> None:
        data = bytearray(valid[:cut])
        for pos, value in edits:
            if pos < len(data):
                data[pos] = value
        result = s.scan(bytes(data))
        assert result.scannable == (result.redacted is not None)

    mangled()


class PagedOcr(FakeOcr):
    """Canned lines per call: the first image read gets pages[0], the next pages[1], ..."""

    def __init__(self, pages: list[list[tuple[str, int, int, int, int]]], width: int) -> None:
        super().__init__([], width)
        self.pages = pages

    def read(self, image: np.ndarray) -> list[OcrLine]:
        self.lines = self.pages[min(len(self.shapes), len(self.pages) - 1)]
        return super().read(image)


def _frames_scanner(
    pages: list[list[tuple[str, int, int, int, int]]],
) -> tuple[ImageScanner, PagedOcr]:
    ocr = PagedOcr(pages, W)
    return ImageScanner(
        text_engine=FakeTextEngine(["Elena Varga"]), ocr=ocr, face_detector=NoFaceDetector()
    ), ocr


def _multi(fmt: str, frames: list[Image.Image]) -> bytes:
    buf = io.BytesIO()
    frames[0].save(buf, fmt, save_all=True, append_images=frames[1:])
    return buf.getvalue()


def _page(shade: int) -> Image.Image:
    return Image.new("RGB", (W, H), (shade, shade, shade))


def test_when_phi_is_on_a_later_tiff_page_then_the_file_is_phi_and_that_page_is_redacted() -> None:
    name = [("Elena Varga", 20, 20, 200, 30)]
    scan, ocr = _frames_scanner([[], [], name])
    pages = [_page(250), _page(240), _page(230)]
    result = scan.scan(_multi("TIFF", pages))
    names = [f for f in result.findings if f.kind is Kind.NAME]
    assert result.verdict is Verdict.PHI and len(names) == 1
    assert len(ocr.shapes) == 3
    out = Image.open(io.BytesIO(result.redacted or b""))
    assert getattr(out, "n_frames", 1) == 3  # nothing of the document is lost
    for index, page in enumerate(pages):
        out.seek(index)
        painted = region(out, 20, 20, 200, 30).max() < 50
        assert painted == (index == 2)
        assert np.array_equal(region(out, 300, 200, 100, 100), region(page, 300, 200, 100, 100))


def test_when_a_gif_repeats_its_frames_then_each_look_is_read_once() -> None:
    scan, ocr = _frames_scanner([[]])
    result = scan.scan(_multi("GIF", [_page(250), _page(10)] * 15))
    assert result.verdict is Verdict.CLEAN
    assert len(ocr.shapes) == 2
    assert getattr(Image.open(io.BytesIO(result.redacted or b"")), "n_frames", 1) == 30


def test_when_there_are_too_many_distinct_frames_then_unscannable() -> None:
    scan, _ = _frames_scanner([[]])
    result = scan.scan(_multi("GIF", [_page(i * 8) for i in range(25)]))
    assert result.redacted is None and "distinct frames" in (result.unscannable_reason or "")


def test_when_a_multipage_tiff_carries_tags_then_none_survive() -> None:
    from PIL import TiffImagePlugin

    tags = TiffImagePlugin.ImageFileDirectory_v2()
    tags[270] = "Elena Varga MRN 4829173"  # ImageDescription
    tags[315] = "Dr Okafor"  # Artist
    buf = io.BytesIO()
    pages = [Image.new("L", (W, H), v) for v in (250, 200)]
    pages[0].save(buf, "TIFF", save_all=True, append_images=pages[1:], tiffinfo=tags)
    result = scanner([]).scan(buf.getvalue())
    out = result.redacted or b""
    assert b"Varga" not in out and b"Okafor" not in out
    assert getattr(Image.open(io.BytesIO(out)), "n_frames", 1) == 2


# --- text inside metadata counts (issue 11, item 4) ---------------------------------------------


def _clean_png_with_text(**chunks: str) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    for key, value in chunks.items():
        info.add_itxt(key, value) if key == "Description" else info.add_text(key, value)
    return png_bytes(Image.new("RGB", (W, H), (235, 235, 235)), pnginfo=info)


def _clean_jpeg_with(exif: dict[int, object], ifd: dict[int, object], **params: object) -> bytes:
    ex = Image.Exif()
    for tag, value in exif.items():
        ex[tag] = value
    for tag, value in ifd.items():
        ex.get_ifd(0x8769)[tag] = value
    return jpeg_bytes(Image.new("RGB", (W, H), (235, 235, 235)), exif=ex.tobytes(), **params)


XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>'
    b"<dc:creator>Jane Doe</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_clean_png_with_text(Comment="Jane Doe MRN 64646464"), id="png-text"),
        pytest.param(_clean_png_with_text(Description="pt Jane Doe"), id="png-itxt"),
        pytest.param(_clean_jpeg_with({0x010E: "Jane Doe chest"}, {}), id="exif-description"),
        pytest.param(_clean_jpeg_with({0x013B: "Jane Doe"}, {}), id="exif-artist"),
        pytest.param(_clean_jpeg_with({}, {0x9286: b"ASCII\0\0\0Jane Doe"}), id="exif-usercomment"),
        pytest.param(_clean_jpeg_with({}, {}, comment=b"Jane Doe"), id="jpeg-comment"),
        pytest.param(_clean_jpeg_with({}, {}, xmp=XMP), id="xmp"),
    ],
)
def test_when_phi_is_only_in_metadata_text_then_it_counts(data: bytes) -> None:
    engine = FakeTextEngine(["Jane Doe"])
    scanner = ImageScanner(text_engine=engine, ocr=FakeOcr([], W), face_detector=NoFaceDetector())
    result = scanner.scan(data)
    assert result.verdict is Verdict.PHI
    assert any(f.recognizer == "ImageMetadataText" and f.kind is Kind.NAME for f in result.findings)
    assert b"Jane Doe" not in (result.redacted or b"")


def test_when_metadata_text_is_harmless_then_the_verdict_does_not_rise() -> None:
    data = _clean_png_with_text(Software="ImageMagick 7")
    scanner = ImageScanner(
        text_engine=FakeTextEngine(["Jane Doe"]), ocr=FakeOcr([], W), face_detector=NoFaceDetector()
    )
    assert scanner.scan(data).verdict is not Verdict.PHI
