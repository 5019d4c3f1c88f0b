"""Burned-in text: which PHI strings an independent OCR can still read after phiwarden.

phiwarden paints with RapidOCR (PP-OCR, ONNX); this bench reads with Tesseract (Debian's
`tesseract-ocr`), another engine with other failure modes, so a string our OCR misses and
therefore never paints is still caught here. Every distinct frame of the output (up to
`MAX_CHECK_FRAMES`) and a sample of the input's is read two or three times: upscaled grey, a contrast-stretched (CLAHE) inverted copy, and,
where a band of rows has a narrow range, that band stretched on its own, so grey-on-grey
banners are read too; the top and bottom sixth are also read on their own, enlarged. A gold string counts as readable when its letters and digits appear in the
frame's text within one line of it (case and punctuation ignored), within one edit for strings of six or more, or
when any of its words of five or more characters does.

Files: `bench.corpus.dicom_burned_in` (real files from pydicom, pydicom-data and deid-data, with
PHI strings read by eye; synthetic ultrasound banners). Reported per file: PHI strings readable
before and after, annotation strings readable before and kept after, seconds. A file phiwarden
refuses (unscannable) is never posted; it is listed with its reason.

    bash scripts/setup.sh --dev   # Tesseract (as root) and pydicom-data, deid-data (dev.lock)
    nice -n 10 .venv/bin/python -m bench.burned_in_bench [--only NAME] [--synthetic N]
"""

from __future__ import annotations

import argparse
import hashlib
import io
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from bench.corpus.dicom_burned_in import BurnedInFile, real_files, synthetic

MAX_CHECK_FRAMES = 200  # distinct output frames read per file (beyond that, evenly sampled)
BEFORE_FRAMES = 6  # input frames read to know which strings were readable to begin with


def frames_of(data: bytes, limit: int = MAX_CHECK_FRAMES) -> list[np.ndarray]:
    """Distinct frames as 8-bit grey, as a viewer would show them."""
    import pydicom

    ds = pydicom.dcmread(io.BytesIO(data))
    arr = ds.pixel_array
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    samples = int(ds.get("SamplesPerPixel", 1) or 1)
    if frames == 1:
        arr = arr[None]
    if ds.get("PhotometricInterpretation") == "PALETTE COLOR":
        from pydicom.pixels.processing import apply_color_lut

        arr = apply_color_lut(arr, ds)
        samples = 3
    out, seen = [], set()
    for frame in arr:
        digest = hashlib.sha256(np.ascontiguousarray(frame).tobytes()).digest()
        if digest in seen:
            continue
        seen.add(digest)
        f = frame.astype(np.float32)
        if samples > 1:
            f = f[..., :3].mean(axis=-1)
        lo, hi = float(f.min()), float(f.max())
        grey = ((f - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(f)).astype(np.uint8)
        if ds.get("PhotometricInterpretation") == "MONOCHROME1":
            grey = 255 - grey
        out.append(grey)
    if len(out) > limit:
        step = len(out) / limit
        out = [out[int(i * step)] for i in range(limit)]
    return out


def read_text(grey: np.ndarray) -> str:
    """Tesseract over the frame twice: upscaled grey, and CLAHE-stretched inverted."""
    import cv2
    import pytesseract

    scale = 2.0 if max(grey.shape) < 1600 else 1.0
    big = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    clahe = cv2.createCLAHE(clipLimit=4.0, tileGridSize=(8, 8)).apply(big)
    texts = [pytesseract.image_to_string(img, config="--psm 11") for img in (big, 255 - clahe)]
    strips = _strip_normalised(big)
    if strips is not None:
        texts.append(pytesseract.image_to_string(strips, config="--psm 6"))
    # Banners on their own: the top and bottom sixth, three times the size, read as a block
    # (on the whole frame Tesseract's layout analysis skips a thin bar of small text).
    h = grey.shape[0]
    for band in (grey[: max(1, h // 6)], grey[h - max(1, h // 6) :]):
        large = cv2.resize(band, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
        texts.append(pytesseract.image_to_string(large, config="--psm 6"))
    return "\n".join(texts)


def _strip_normalised(grey: np.ndarray, rows: int = 40) -> np.ndarray | None:
    """Each band of `rows` rows stretched to full range when its own range is narrow: grey
    text on a grey bar, which neither plain nor CLAHE copies show. None when no band is."""
    out = grey.copy()
    changed = False
    for y in range(0, grey.shape[0], rows):
        band = grey[y : y + rows].astype(np.float32)
        lo, hi = float(band.min()), float(band.max())
        if 3 <= hi - lo <= 90:
            out[y : y + rows] = ((band - lo) * (255.0 / (hi - lo))).astype(np.uint8)
            changed = True
    return 255 - out if changed else None


def _norm(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _within_one_edit(needle: str, hay: str) -> bool:
    """Whether some window of hay is at most one edit from needle."""
    n = len(needle)
    for size in (n - 1, n, n + 1):
        for i in range(0, max(0, len(hay) - size) + 1):
            window = hay[i : i + size]
            if _edits_at_most_one(needle, window):
                return True
    return False


def _edits_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def readable(gold: str, text: str) -> bool:
    """A gold string counts as readable in OCR text (see the module docstring), within one line
    of it: Tesseract reads speckle as scattered junk ("E", "HE", "LSEA" on lines of their own),
    and joined across lines the junk spelt a painted name within one edit ("EHELSEA")."""
    needle = _norm(gold)
    if not needle:
        return False
    words = [w for w in (_norm(p) for p in re.split(r"[\s,^]+", gold)) if len(w) >= 5]
    for line in text.splitlines():
        hay = _norm(line)
        if needle in hay or (len(needle) >= 6 and _within_one_edit(needle, hay)):
            return True
        if any(w in hay for w in words):
            return True
    return False


def readable_set(strings: Iterable[str], texts: list[str]) -> set[str]:
    return {s for s in strings if any(readable(s, t) for t in texts)}


@dataclass
class FileResult:
    name: str
    source: str
    phi_before: int
    phi_after: int
    ann_before: int
    ann_kept: int
    seconds: float
    status: str  # "redacted", "clean", or "refused: <reason>"
    leaked: tuple[str, ...] = ()


def run(
    files: Iterable[BurnedInFile],
    emit: Callable[[FileResult], None],
    check_frames: int = MAX_CHECK_FRAMES,
    corners: bool = False,
    max_bytes: int | None = None,
) -> list[FileResult]:
    from bot.detect.images import DEFAULT_MAX_BYTES, ImageScanner

    scanner = ImageScanner(
        dicom_uid_key=b"k" * 32, dicom_corners=corners, max_bytes=max_bytes or DEFAULT_MAX_BYTES
    )
    results: list[FileResult] = []
    for item in files:
        before = [read_text(f) for f in frames_of(item.data, BEFORE_FRAMES)]
        phi_before = readable_set(item.gold.phi, before)
        ann_before = readable_set(item.gold.annotation, before)
        start = time.perf_counter()
        result = scanner.scan(item.data, filename=item.name)
        seconds = time.perf_counter() - start
        if not result.scannable:
            status = f"refused: {result.unscannable_reason}"
            results.append(
                FileResult(
                    item.name, item.source, len(phi_before), 0, len(ann_before), 0, seconds, status
                )
            )
            emit(results[-1])
            continue
        out = result.redacted if result.redacted is not None else item.data
        after = [read_text(f) for f in frames_of(out, check_frames)]
        leaked = readable_set(item.gold.phi, after)
        kept = readable_set(ann_before, after)
        status = "redacted" if result.changed_pixels else "unchanged"
        results.append(
            FileResult(
                item.name,
                item.source,
                len(phi_before),
                len(leaked),
                len(ann_before),
                len(kept),
                seconds,
                status,
                tuple(sorted(leaked)),
            )
        )
        emit(results[-1])
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=None, help="run files whose name contains this")
    parser.add_argument("--synthetic", type=int, default=2, help="synthetic files per variant")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument(
        "--check-frames",
        type=int,
        default=MAX_CHECK_FRAMES,
        help="distinct output frames the check reads per file (evenly spaced beyond)",
    )
    parser.add_argument("--show-leaks", action="store_true", help="print leaked gold strings")
    parser.add_argument(
        "--corners", action="store_true", help="the overlay-corner rule on (off for DICOM)"
    )
    parser.add_argument(
        "--max-mib",
        type=int,
        default=None,
        help="the input size limit a deployment sets (MAX_FILE_BYTES; 50 MiB by default), so a "
        "file over the default limit (RGB_CINE.dcm, 99 MiB) is scanned rather than refused",
    )
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.getLogger("pydicom").setLevel(logging.ERROR)
    files = [*real_files(args.only), *synthetic(args.synthetic, args.seed)]
    if args.only:
        files = [f for f in files if args.only in f.name]
    real = sum(f.source == "real" for f in files)
    print(
        f"{len(files)} files ({real} real); checker: tesseract, up to {args.check_frames} "
        f"distinct output frames per file; overlay-corner rule {'on' if args.corners else 'off'}"
    )
    print(f"{'file':36} {'PHI before':>10} {'PHI after':>9} {'annot. kept':>11} {'s':>6}  status")

    def emit(r: FileResult) -> None:
        ann = f"{r.ann_kept}/{r.ann_before}"
        print(
            f"{r.name:36} {r.phi_before:>10} {r.phi_after:>9} {ann:>11} {r.seconds:>6.1f}  {r.status}"
        )
        if args.show_leaks and r.leaked:
            print(f"    still readable: {', '.join(r.leaked)}")
        sys.stdout.flush()

    max_bytes = args.max_mib * 1024 * 1024 if args.max_mib else None
    results = run(files, emit, args.check_frames, args.corners, max_bytes)
    for source in ("real", "synthetic"):
        rows = [r for r in results if r.source == source and not r.status.startswith("refused")]
        before, after = sum(r.phi_before for r in rows), sum(r.phi_after for r in rows)
        ann_b, ann_k = sum(r.ann_before for r in rows), sum(r.ann_kept for r in rows)
        share = f"{ann_k / ann_b:.2f}" if ann_b else "n/a"
        print(
            f"{source}: {len(rows)} files scanned; PHI strings readable before {before}, after "
            f"{after}; annotation kept {ann_k}/{ann_b} ({share})"
        )
    refused = [r for r in results if r.status.startswith("refused")]
    if refused:
        print(f"refused (never posted): {', '.join(r.name for r in refused)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
