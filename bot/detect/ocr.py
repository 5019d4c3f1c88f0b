"""OCR behind presidio-image-redactor's `OCR` interface, with character boxes.

Presidio maps analyzer spans to whole OCR words. Overlays glue values to labels
("DOB:03/14/1957"), so phiwarden keeps a box per character: a text-engine span then maps to
exactly the pixels of its characters. `RapidOcr` (models inside the rapidocr-onnxruntime wheel)
reads coloured monitor text that Tesseract misses; `TesseractOcr` stays selectable through the
`ocr_engine` setting for sites that prefer it.
"""

from __future__ import annotations

import logging
import math
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from presidio_image_redactor import OCR

from bot.errors import ConfigError

Quad = tuple[tuple[float, float], tuple[float, float], tuple[float, float], tuple[float, float]]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OcrLine:
    """One line of recognised text with one quadrilateral per character (same length as text)."""

    text: str
    quad: Quad
    char_quads: tuple[Quad, ...]
    conf: float

    def words(self) -> list[tuple[int, int]]:
        """(start, end) character offsets of the whitespace-separated words."""
        spans: list[tuple[int, int]] = []
        start: int | None = None
        for i, ch in enumerate(self.text):
            if ch.isspace():
                if start is not None:
                    spans.append((start, i))
                    start = None
            elif start is None:
                start = i
        if start is not None:
            spans.append((start, len(self.text)))
        return spans


def _rect_quad(x0: float, y0: float, x1: float, y1: float) -> Quad:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def quad_bounds(quads: Sequence[Quad]) -> tuple[int, int, int, int]:
    """Axis-aligned (x0, y0, x1, y1) around quads."""
    xs = [p[0] for q in quads for p in q]
    ys = [p[1] for q in quads for p in q]
    return int(min(xs)), int(min(ys)), int(np.ceil(max(xs))), int(np.ceil(max(ys)))


def split_quad(quad: Quad, text: str) -> tuple[Quad, ...]:
    """Character quads by interpolating along the line quad, weighted by rough glyph width.

    Used when the OCR gives no character positions (Tesseract words, or a RapidOCR line whose
    character boxes do not line up with its text).
    """
    if not text:
        return ()
    narrow = set("il1.,:;|!'`I ")
    weights = [0.55 if ch in narrow else 1.0 for ch in text]
    total = sum(weights)
    (tlx, tly), (trx, try_), (brx, bry), (blx, bly) = quad
    out: list[Quad] = []
    acc = 0.0
    for w in weights:
        a, b = acc / total, (acc + w) / total
        acc += w
        top_a = (tlx + (trx - tlx) * a, tly + (try_ - tly) * a)
        top_b = (tlx + (trx - tlx) * b, tly + (try_ - tly) * b)
        bot_b = (blx + (brx - blx) * b, bly + (bry - bly) * b)
        bot_a = (blx + (brx - blx) * a, bly + (bry - bly) * a)
        out.append((top_a, top_b, bot_b, bot_a))
    return tuple(out)


class PhiOcr(OCR):
    """Base class: `read` gives lines with character boxes; `perform_ocr` gives presidio's dict."""

    name = "base"

    def read(self, image: np.ndarray) -> list[OcrLine]:
        """Lines of text in an RGB uint8 image, top to bottom."""
        raise NotImplementedError

    def perform_ocr(self, image: object, **kwargs: Any) -> dict[str, list[Any]]:
        """Presidio's word dict (`text`, `left`, `top`, `width`, `height`, `conf`)."""
        arr = np.asarray(image.convert("RGB") if hasattr(image, "convert") else image)
        result: dict[str, list[Any]] = {
            k: [] for k in ("text", "left", "top", "width", "height", "conf")
        }
        for line in self.read(arr):
            for start, end in line.words():
                x0, y0, x1, y1 = quad_bounds(line.char_quads[start:end])
                result["text"].append(line.text[start:end])
                result["left"].append(x0)
                result["top"].append(y0)
                result["width"].append(x1 - x0)
                result["height"].append(y1 - y0)
                result["conf"].append(round(line.conf * 100, 1))
        return result


# rapidocr's 0/180-degree line classifier: off. On the dev splits it turned clean technical
# lines upside down ("0x029ez8998/88" read from a hex address) and cost photo recall (viewer
# seed 5151: 0.955 with it, 0.985 without), for under 1% of the OCR's CPU (docs/images.md).
ANGLE_CLS = False
# The narrowest a line goes to the recogniser, as width / height (rapidocr pads every line to
# 320 / 48 = 6.67): 1.0 reads a short token at its own width.
REC_MIN_RATIO = 1.0


# A frame whose long side is at least this is detected at its own size when its short side is
# under rapidocr's 736 px (`RapidOcr._det_input`): a screen's width, where the text is the size
# the detector reads on 1024x768 frames.
DET_OWN_SIZE_FROM = 960


class RapidOcr(PhiOcr):
    """RapidOCR (PP-OCRv4 det + rec, ONNX). Loads its models once; thread-safe calls."""

    name = "rapidocr"

    def __init__(
        self,
        text_score: float = 0.4,
        threads: int = 1,
        unclip_ratio: float = 1.6,
        box_thresh: float = 0.45,
        det_max_side: int = 0,
        rec_batch: int = 1,
        arena: bool = True,
        angle_cls: bool | None = None,
        rec_min_ratio: float | None = None,
        fused_graphs: bool | None = None,
        det_upscale: bool | None = None,
    ) -> None:
        """`threads` per ONNX session: 1 suits one scan worker per core (oversubscribed
        threads were 2x slower on a busy 2-core host); 0 lets onnxruntime use every core.
        `rec_batch` lines go through the recogniser at once, each padded to the widest of
        them: one at a time pads none, and screens mix short overlay lines with long log lines
        (rapidocr's 6: a third more OCR CPU on the overlays dev seed, same recall; docs/images.md).
        `arena` turns onnxruntime's CPU memory arena back on (see `_with_arena`).
        `angle_cls` runs rapidocr's 0/180-degree line classifier before recognition (default
        `ANGLE_CLS`); `rec_min_ratio` is the narrowest a line is recognised at (`REC_MIN_RATIO`;
        0 keeps rapidocr's padding to 320 px). `fused_graphs` (with `arena`) runs the detector
        and recogniser with their elementwise tails folded into the convolutions
        (`bot.detect.ocr_graph`: the same text for about a quarter less OCR CPU). For A/B runs
        `det_upscale` keeps rapidocr's detector enlarging any image whose short side is under
        736 px to 736 (`_det_input`); off, a wide frame is detected at its own size.
        For A/B runs of the bench, the environment variables PHIWARDEN_OCR_ANGLE_CLS (0/1),
        PHIWARDEN_OCR_REC_MIN_RATIO, PHIWARDEN_OCR_FUSED_GRAPHS (0/1) and
        PHIWARDEN_OCR_DET_UPSCALE (0/1) set the defaults."""
        from rapidocr_onnxruntime import RapidOCR  # heavy: onnxruntime sessions

        params: dict[str, Any] = {"text_score": text_score, "rec_batch_num": rec_batch}
        if threads > 0:
            params.update(intra_op_num_threads=threads, inter_op_num_threads=1)
        self._engine = RapidOCR(**params)
        if fused_graphs is None:
            fused_graphs = os.environ.get("PHIWARDEN_OCR_FUSED_GRAPHS", "1") == "1"
        if arena:
            engine = self._engine  # rapidocr 1.4.4 names the session `infer` in det and cls
            _with_arena(engine.text_det.infer, threads, fused_graphs)
            _with_arena(engine.text_cls.infer, threads, False)  # off by default (ANGLE_CLS)
            _with_arena(engine.text_rec.session, threads, fused_graphs)
        if rec_min_ratio is None:
            rec_min_ratio = float(os.environ.get("PHIWARDEN_OCR_REC_MIN_RATIO", REC_MIN_RATIO))
        if rec_min_ratio > 0 and rec_batch == 1:
            self._engine.text_rec = _TightRecognizer(self._engine.text_rec, rec_min_ratio)
        if os.environ.get("PHIWARDEN_OCR_FAST_BOXES", "1") == "1":
            self._engine.cal_rec_boxes = _FastRecBoxes(self._engine.cal_rec_boxes)
        det = self._engine.text_det
        if det_max_side > 0:  # detect on a smaller copy: detection cost grows with pixels
            fixed = _float32_preprocess(det_max_side, "max", det.mean, det.std)
            det.get_preprocess = lambda max_wh: fixed
        elif det.limit_type == "min":  # rapidocr's default: one limit whatever the size
            same = _float32_preprocess(det.limit_side_len, "min", det.mean, det.std)
            det.get_preprocess = lambda max_wh: same
            if det_upscale is None:
                det_upscale = os.environ.get("PHIWARDEN_OCR_DET_UPSCALE", "0") == "1"
            if not det_upscale:
                self._det_limits = {det.limit_side_len: same}
        if angle_cls is None:
            angle_cls = os.environ.get("PHIWARDEN_OCR_ANGLE_CLS", "1" if ANGLE_CLS else "0") == "1"
        self._use_cls = angle_cls
        self._text_score = text_score
        self._det = {"unclip_ratio": unclip_ratio, "box_thresh": box_thresh}
        self._lock = threading.Lock()

    # Set in __init__ when the detector does not enlarge short frames: its preprocessing per
    # limit, the largest being rapidocr's own.
    _det_limits: dict[int, Any] | None = None

    def _det_input(self, image: np.ndarray) -> None:
        """Detect a frame whose short side is under rapidocr's 736 px at its own size.

        rapidocr enlarges such a frame to 736 px on its short side, so a 1024x384 banner is
        detected as 1963x736, 2.2x the pixels of a 1024x768 frame, with its text twice the
        height the detector sees on 1024x768 screens, where it reads them well. Dev crops
        (1024x384 bands of dev screens and photos): the same PHI words read, OCR CPU 0.49 ->
        0.21 s each (docs/images.md). A frame of 736 px or more, and a small one (long side
        under `DET_OWN_SIZE_FROM`, not measured), is detected as before.
        """
        limits = self._det_limits
        if limits is None:
            return
        det = self._engine.text_det
        own = max(image.shape[:2]) >= DET_OWN_SIZE_FROM
        limit = min(max(limits), max(32, min(image.shape[:2]))) if own else max(limits)
        if limit not in limits:
            limits[limit] = _float32_preprocess(limit, "min", det.mean, det.std)
        pre = limits[limit]
        det.get_preprocess = lambda max_wh: pre

    def read(self, image: np.ndarray) -> list[OcrLine]:
        bgr = np.ascontiguousarray(image[:, :, ::-1])
        with self._lock:
            self._det_input(image)
            raw, _ = self._engine(
                bgr,
                use_cls=self._use_cls,
                return_word_box=True,
                text_score=self._text_score,
                **self._det,
            )
        lines: list[OcrLine] = []
        for item in raw or []:
            quad = _to_quad(item[0])
            text, conf = str(item[1]), float(item[2])
            if not text.strip():
                continue
            lines.append(OcrLine(text, quad, _char_quads(item, quad, text), conf))
        return lines


class _TightRecognizer:
    """rapidocr's recogniser, one line at a time, each line only as wide as its text.

    rapidocr pads every line to at least 320 x 48 px (`rec_img_shape`, its PaddleOCR
    alignment), so a four-character overlay token costs as much as a long log line.
    """

    def __init__(self, rec: Any, min_ratio: float) -> None:
        self._rec = rec
        self._min_ratio = min_ratio
        self.session = rec.session

    def __call__(self, img_list: Any, return_word_box: bool = False) -> tuple[list[Any], float]:
        import cv2

        if isinstance(img_list, np.ndarray):
            img_list = [img_list]
        _, height, _ = self._rec.rec_image_shape
        out: list[Any] = []
        for img in img_list:
            h, w = img.shape[:2]
            ratio = w / float(h)
            resized_w = max(1, math.ceil(height * ratio))
            width = max(resized_w, math.ceil(height * self._min_ratio))
            width = -(-width // 8) * 8
            resized = cv2.resize(img, (resized_w, height)).astype(np.float32)
            batch = np.zeros((1, 3, height, width), np.float32)
            batch[0, :, :, :resized_w] = resized.transpose((2, 0, 1)) / 127.5 - 1.0
            preds = self._rec.session(batch)[0]
            out += self._rec.postprocess_op(
                preds, return_word_box, wh_ratio_list=[ratio], max_wh_ratio=width / height
            )
        return out, 0.0


class _FastRecBoxes:
    """rapidocr's `CalRecBoxes` (character boxes from the recogniser's columns, mapped back
    from the line's crop to the image), the same boxes for a fraction of the CPU.

    rapidocr 1.4.4 deep-copies every line's boxes and maps each character corner through the
    crop's inverse perspective one `np.dot` at a time, then orders each box's corners with a
    dozen numpy calls (`order_points`): 4-6% of a scan's CPU on the overlays dev seed, more
    than the whole text engine. Here the corners go through the same float64 inverse without
    the copies and list round trips, and a box whose corners split two left and two right of its centre, with
    distinct heights on each side (nearly every box), is ordered directly, exactly as
    `order_points` orders it; anything else (a vertical line, a degenerate box) goes through
    rapidocr's own code.
    """

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def __call__(self, imgs: Any, dt_boxes: Any, rec_res: Any) -> list[Any]:
        inner = self._inner
        res: list[Any] = []
        for img, box, rec in zip(imgs, dt_boxes, rec_res, strict=False):
            if inner.get_box_direction(box) != "w":
                res += inner([img], [box], [rec])
                continue
            text, conf, info = rec[0], rec[1], rec[2]
            h, w = img.shape[:2]
            img_box = np.array([[0, 0], [w, 0], [w, h], [0, h]])
            content, word_boxes, confs = inner.cal_ocr_word_box(text, img_box, info)
            word_boxes = inner.adjust_box_overlap(word_boxes)  # fresh lists: no copy needed
            res.append([text, conf, self._to_image(box, word_boxes), content, confs])
        return res

    def _to_image(self, box: Any, word_boxes: list[Any]) -> list[Any]:
        """`CalRecBoxes.reverse_rotate_crop_image` for a horizontal line, vectorised."""
        import cv2

        if not word_boxes:
            return []
        bbox = np.array(box, dtype=np.float32)
        left = int(np.min(bbox[:, 0]))
        top = int(np.min(bbox[:, 1]))
        bbox[:, 0] -= left
        bbox[:, 1] -= top
        crop_w = int(np.linalg.norm(bbox[0] - bbox[1]))
        crop_h = int(np.linalg.norm(bbox[0] - bbox[3]))
        std = np.array([[0, 0], [crop_w, 0], [crop_w, crop_h], [0, crop_h]], np.float32)
        _, inverse = cv2.invert(cv2.getPerspectiveTransform(bbox, std))
        pts = np.ones((4 * len(word_boxes), 3), np.float32)
        pts[:, :2] = np.asarray(word_boxes, np.float32).reshape(-1, 2)
        # one product per corner, as rapidocr does: a batched product rounds differently in
        # the last bit, which moves a corner by a pixel where x / z lands next to an integer
        xyz = np.array([inverse @ p for p in pts.astype(np.float64)])
        mapped = np.empty((len(pts), 2), np.int64)
        mapped[:, 0] = (xyz[:, 0] / xyz[:, 2] + left).astype(np.int64)  # int(): toward zero
        mapped[:, 1] = (xyz[:, 1] / xyz[:, 2] + top).astype(np.int64)
        return [self._ordered(q) for q in mapped.reshape(-1, 4, 2)]

    def _ordered(self, quad: np.ndarray) -> list[list[int]]:
        """`CalRecBoxes.order_points`: top-left, top-right, bottom-right, bottom-left."""
        pts = quad.tolist()
        cx = sum(p[0] for p in pts) / 4
        lefts = [p for p in pts if p[0] < cx]
        rights = [p for p in pts if p[0] > cx]
        plain = (
            len(lefts) == 2
            and len(rights) == 2
            and lefts[0][1] != lefts[1][1]
            and rights[0][1] != rights[1][1]
        )
        if not plain:
            ordered: list[list[int]] = self._inner.order_points(pts)
            return ordered
        tl, bl = sorted(lefts, key=lambda p: p[1])
        tr, br = sorted(rights, key=lambda p: p[1])
        return [tl, tr, br, bl]


def _float32_preprocess(limit: int, limit_type: str, mean: Any, std: Any) -> Any:
    """rapidocr's detector preprocessing, normalising in float32.

    rapidocr 1.4.4 keeps mean and std as float64 arrays (`ch_ppocr_det/utils.py`), so every
    frame is normalised in float64 and cast back: a 1024x768 frame's worth of double-precision
    arithmetic for an input the model takes as float32.
    """
    from rapidocr_onnxruntime.ch_ppocr_det.utils import DetPreProcess

    op = DetPreProcess(limit, limit_type, mean, std)
    scale = np.float32(op.scale)
    mean32, std32 = np.asarray(op.mean, np.float32), np.asarray(op.std, np.float32)

    def normalize(img: np.ndarray) -> np.ndarray:
        out: np.ndarray = (img.astype(np.float32) * scale - mean32) / std32
        return out

    op.normalize = normalize
    return op


def _with_arena(holder: Any, threads: int, fused: bool = False) -> None:
    """Rebuild one of rapidocr's ONNX sessions with onnxruntime's CPU memory arena on, and
    with `fused`, from its graph as `bot.detect.ocr_graph.fuse` rewrites it.

    rapidocr 1.4.4 creates its sessions with `enable_cpu_mem_arena = False`
    (`rapidocr_onnxruntime/utils/infer_engine.py`), so every recogniser batch, each of another
    width, allocates its tensors afresh. With the arena the same lines read the same text for
    about 15% less CPU on the overlays dev seed (`bench.image_bench`; docs/images.md). The model
    file and every other option are rapidocr's own. A rewritten graph that fails to load or
    does not give the original's outputs on a probe input (`ocr_graph.same_outputs`) is
    dropped for the original.
    """
    import onnxruntime as ort

    old = holder.session
    path = getattr(old, "_model_path", None)
    if not isinstance(path, str):
        return  # an onnxruntime that no longer keeps the path: keep rapidocr's session
    opts = ort.SessionOptions()
    opts.log_severity_level = 4
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.enable_cpu_mem_arena = True
    if threads > 0:
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
    providers = old.get_providers()
    if fused:
        from bot.detect.ocr_graph import fuse, same_outputs

        try:
            rewritten = fuse(path)
            if rewritten is not None:
                session = ort.InferenceSession(
                    rewritten.model, sess_options=opts, providers=providers
                )
                if same_outputs(old, session):
                    holder.session = session
                    return
                log.warning("rewritten OCR graph disagrees with the original: using the original")
        except Exception as exc:  # any failure of the rewrite leaves rapidocr's graph
            log.warning("OCR graph rewrite failed (%s): using the original", type(exc).__name__)
    holder.session = ort.InferenceSession(path, sess_options=opts, providers=providers)


def _to_quad(points: Sequence[Sequence[float]]) -> Quad:
    p = [(float(x), float(y)) for x, y in points[:4]]
    return (p[0], p[1], p[2], p[3])


def _char_quads(item: Sequence[Any], quad: Quad, text: str) -> tuple[Quad, ...]:
    """RapidOCR's per-character boxes when they line up with the text, else interpolated."""
    if len(item) >= 4:
        boxes, chars = item[3], item[4] if len(item) > 4 else None
        if (
            chars is not None
            and isinstance(chars, list)
            and "".join(map(str, chars)) == text
            and len(boxes) == len(text)
        ):
            try:
                return tuple(_to_quad(b) for b in boxes)
            except (TypeError, ValueError):
                pass
    return split_quad(quad, text)


class TesseractOcr(PhiOcr):
    """Tesseract via pytesseract (needs the `tesseract-ocr` system package)."""

    name = "tesseract"

    def __init__(self, config: str = "--psm 11") -> None:
        import pytesseract

        try:
            pytesseract.get_tesseract_version()
        except pytesseract.TesseractNotFoundError as exc:
            raise ConfigError(
                "ocr_engine=tesseract needs the tesseract-ocr package installed"
            ) from exc
        self._pt = pytesseract
        self._config = config

    def read(self, image: np.ndarray) -> list[OcrLine]:
        data = self._pt.image_to_data(image, output_type=self._pt.Output.DICT, config=self._config)
        grouped: dict[tuple[int, int, int], list[int]] = {}
        for i, word in enumerate(data["text"]):
            if str(word).strip() and float(data["conf"][i]) >= 0:
                key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
                grouped.setdefault(key, []).append(i)
        lines: list[OcrLine] = []
        for idx in grouped.values():
            texts: list[str] = []
            quads: list[Quad] = []
            confs: list[float] = []
            for n, i in enumerate(idx):
                x, y, w, h = (float(data[k][i]) for k in ("left", "top", "width", "height"))
                word = str(data["text"][i]).strip()
                if n:
                    texts.append(" ")
                    prev = quads[-1][1]
                    quads.append(_rect_quad(prev[0], y, x, y + h))
                texts.append(word)
                quads.extend(split_quad(_rect_quad(x, y, x + w, y + h), word))
                confs.append(float(data["conf"][i]) / 100)
            text = "".join(texts)
            x0, y0, x1, y1 = quad_bounds(quads)
            lines.append(
                OcrLine(text, _rect_quad(x0, y0, x1, y1), tuple(quads), sum(confs) / len(confs))
            )
        lines.sort(key=lambda ln: (ln.quad[0][1], ln.quad[0][0]))
        return lines


def build_ocr(engine: str = "rapidocr") -> PhiOcr:
    """The OCR named by the `ocr_engine` setting."""
    if engine == "rapidocr":
        return RapidOcr()
    if engine == "tesseract":
        return TesseractOcr()
    raise ConfigError(f"unknown ocr_engine {engine!r}: use 'rapidocr' or 'tesseract'")
