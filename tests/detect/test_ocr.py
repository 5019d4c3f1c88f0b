"""OCR adapters: character boxes, presidio's word dict, and the real engines on drawn text."""

from __future__ import annotations

import io
import shutil

import numpy as np
import pytest
from PIL import Image
from presidio_image_redactor import OCR, ImageAnalyzerEngine

from bot.detect.image_faces import NoFaceDetector
from bot.detect.images import ImageScanner
from bot.detect.ocr import OcrLine, RapidOcr, TesseractOcr, build_ocr, quad_bounds, split_quad
from bot.errors import ConfigError
from tests.detect.image_fakes import FakeOcr, FakeTextEngine, overlay_image, png_bytes

QUAD = ((10.0, 20.0), (110.0, 20.0), (110.0, 40.0), (10.0, 40.0))


def test_split_quad_gives_one_box_per_character_spanning_the_line() -> None:
    quads = split_quad(QUAD, "ID: 1234")
    assert len(quads) == len("ID: 1234")
    assert quads[0][0] == (10.0, 20.0) and quads[-1][1] == pytest.approx((110.0, 20.0))
    assert all(q[1][0] >= q[0][0] for q in quads)
    assert quad_bounds(quads) == (10, 20, 110, 40)


def test_ocr_line_words_are_whitespace_separated_offsets() -> None:
    line = OcrLine("DOE, JANE  67Y", QUAD, split_quad(QUAD, "DOE, JANE  67Y"), 0.9)
    assert [line.text[a:b] for a, b in line.words()] == ["DOE,", "JANE", "67Y"]


def test_perform_ocr_returns_presidio_word_dict() -> None:
    ocr = FakeOcr([("ID: 12345678", 10, 10, 100, 18)], 200)
    assert isinstance(ocr, OCR)
    result = ocr.perform_ocr(Image.new("RGB", (200, 100)))
    assert result["text"] == ["ID:", "12345678"]
    assert set(result) == {"text", "left", "top", "width", "height", "conf"}
    assert result["left"][1] > result["left"][0] and all(w > 0 for w in result["width"])
    assert (
        OCR.get_text_from_ocr_dict(ImageAnalyzerEngine.remove_space_boxes(result)) == "ID: 12345678"
    )


def test_when_unknown_engine_then_config_error() -> None:
    with pytest.raises(ConfigError):
        build_ocr("papyrus")


@pytest.fixture(scope="module")
def rapid() -> RapidOcr:
    return RapidOcr()


def test_rapidocr_reads_overlay_text_with_character_boxes(rapid: RapidOcr) -> None:
    image = overlay_image([("DOE, JANE", 10, 10), ("ID: 12345678", 10, 40)], (400, 120))
    lines = rapid.read(np.asarray(image))
    texts = [line.text.replace(" ", "") for line in lines]
    assert "ID:12345678" in texts
    line = next(ln for ln in lines if "12345678" in ln.text)
    assert len(line.char_quads) == len(line.text)
    start = line.text.index("1")
    x0, y0, x1, y1 = quad_bounds(line.char_quads[start : start + 8])
    assert 20 < x0 < 50 and x1 > 90 and 30 <= y0 <= 50 and y1 <= 65


def test_rapidocr_sessions_keep_onnxruntimes_memory_arena_and_one_thread(rapid: RapidOcr) -> None:
    # rapidocr turns the arena off; every variable-width recogniser batch then allocates afresh.
    engine = rapid._engine
    for holder in (engine.text_det.infer, engine.text_cls.infer, engine.text_rec.session):
        opts = holder.session.get_session_options()
        assert opts.enable_cpu_mem_arena and opts.intra_op_num_threads == 1
    assert len(engine.text_rec.session.get_character_list()) > 6000  # the model's own keys


def test_rapidocr_detector_input_is_normalised_in_float32_to_rapidocrs_values(
    rapid: RapidOcr,
) -> None:
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    det = rapid._engine.text_det
    frame = np.random.default_rng(1).integers(0, 256, (768, 1024, 3), dtype=np.uint8)
    ours = det.get_preprocess(1024).normalize(frame)
    theirs = DetPreProcess(det.limit_side_len, det.limit_type, det.mean, det.std).normalize(frame)
    assert ours.dtype == np.float32 and np.allclose(ours, theirs, atol=1e-6)


def test_rapidocr_recognises_one_line_at_a_time(rapid: RapidOcr) -> None:
    # A batch pads every line to its widest: a 12-character overlay line beside a log line
    # costs as much as the log line, and reads differently depending on its neighbours.
    assert rapid._engine.text_rec._rec.rec_batch_num == 1


def test_rapidocr_recognises_a_short_token_at_its_own_width_without_the_angle_classifier(
    rapid: RapidOcr,
) -> None:
    # rapidocr pads every line to 320 x 48 px; "ID:" needs a fraction of that. The 0/180-degree
    # classifier is off: on dev screens it turned hex addresses upside down (docs/images.md).
    widths: list[int] = []
    rec = rapid._engine.text_rec
    session = rec._rec.session

    def spy(batch: np.ndarray) -> object:
        widths.append(batch.shape[3])
        return session(batch)

    rec._rec.session = spy
    try:
        image = overlay_image([("ID: 12", 10, 10)], (400, 60))
        texts = [line.text.replace(" ", "") for line in rapid.read(np.asarray(image))]
    finally:
        rec._rec.session = session
    assert texts == ["ID:12"] and widths and max(widths) < 320
    assert rapid._use_cls is False


def test_rapidocr_character_boxes_are_rapidocrs_own_for_less_cpu(rapid: RapidOcr) -> None:
    # rapidocr's CalRecBoxes copies and orders every character box one numpy call at a time
    # (4-6% of a scan); ours must give exactly its boxes, rotated photos and odd boxes included.
    from rapidocr_onnxruntime.cal_rec_boxes import CalRecBoxes

    ours = rapid._engine.cal_rec_boxes
    assert type(ours).__name__ == "_FastRecBoxes"
    theirs = CalRecBoxes()
    rng = np.random.default_rng(14)
    for case in range(200):
        width, height = int(rng.integers(40, 900)), int(rng.integers(14, 40))
        tilt = rng.normal(0, 6 if case % 2 else 0.5, (4, 2))
        box = (
            np.array([[50, 60], [50 + width, 60], [50 + width, 60 + height], [50, 60 + height]])
            + tilt
        ).astype(np.float32)
        crop = np.zeros((height, width, 3), np.uint8)
        cols = int(rng.integers(10, 120))
        chars = int(rng.integers(1, min(cols, 30)))
        picked = sorted(rng.choice(cols, chars, replace=False).tolist())
        words = [["x"] * chars] if case % 3 else [["x"], ["y"] * (chars - 1)] if chars > 1 else []
        spans = [picked] if case % 3 else [picked[:1], picked[1:]] if chars > 1 else []
        if not words:
            continue
        info = (cols, words, spans, ["en"] * len(words), [0.9] * chars)
        rec = [("x" * chars, 0.9, info)]
        assert ours([crop], [box.copy()], rec) == theirs([crop], [box.copy()], rec), case


def test_real_ocr_end_to_end_paints_the_mrn_and_keeps_the_label(rapid: RapidOcr) -> None:
    image = overlay_image([("ID: 12345678", 10, 40), ("W: 400 L: 40", 200, 40)], (400, 120))
    scanner = ImageScanner(text_engine=FakeTextEngine(), ocr=rapid, face_detector=NoFaceDetector())
    result = scanner.scan(png_bytes(image))
    out = np.asarray(Image.open(io.BytesIO(result.redacted or b"")))
    assert result.kinds == ["ID"]
    assert out[40:58, 40:110].max() < 50  # digits gone
    assert out[40:58, 10:22].max() > 200  # "ID" label readable
    assert np.array_equal(out[30:70, 200:320], np.asarray(image)[30:70, 200:320])  # W/L untouched


@pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract-ocr not installed (bench/setup_tesseract.sh)",
)
def test_tesseract_stays_selectable() -> None:
    image = overlay_image([("ID: 12345678", 10, 40)], (400, 120), fill=(255, 255, 255))
    lines = TesseractOcr().read(np.asarray(Image.eval(image, lambda v: 255 - v)))
    assert any("12345678" in line.text for line in lines)
    assert all(len(line.char_quads) == len(line.text) for line in lines)


def test_rapidocr_detects_a_wide_short_frame_at_its_own_size(rapid: RapidOcr) -> None:
    # rapidocr enlarges any frame whose short side is under 736 px: a 1024x384 banner was
    # detected as 1952x736, 2.2x a 1024x768 frame's pixels (docs/images.md, ninth pass).
    det = rapid._engine.text_det
    for shape in ((384, 1024, 3), (768, 1024, 3)):
        frame = np.zeros(shape, np.uint8)
        rapid._det_input(frame)
        assert det.get_preprocess(1024)(frame).shape[2:] == shape[:2]
    small = np.zeros((300, 600, 3), np.uint8)  # not measured: enlarged as before
    rapid._det_input(small)
    assert det.get_preprocess(600)(small).shape[2] == 736


def test_rapidocrs_own_enlarging_stays_selectable() -> None:
    ocr = RapidOcr(det_upscale=True)
    frame = np.zeros((384, 1024, 3), np.uint8)
    ocr._det_input(frame)
    assert ocr._engine.text_det.get_preprocess(1024)(frame).shape[2] == 736
