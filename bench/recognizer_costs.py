"""Where ours spends its CPU time on a split: spaCy, each recognizer, and the rest.

    python -m bench.recognizer_costs --split fresh --n 300
    python -m bench.recognizer_costs --split main,fresh --n 300 --repeat 3

Runs `TextEngine.scan_batch` (the split's institutions and staff directory, as
`bench.text_bench` gives them) after a warm-up of 50 messages, and times each recognizer's
`analyze` and the engine's spaCy pass (`ChatSpacyEngine.process_batch`) in CPU seconds of this
process; "rest" is normalisation, merging, mapping back and the verdict. The pass with the
least total CPU time of `--repeat` counts. Throughput against vanilla Presidio comes from
`bench.text_bench`, not from here (the timers add a little cost of their own).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

from bench.text_bench import WARMUP, corpus, staff_directory


def costs(split: str, n: int, seed: int, repeat: int) -> tuple[float, dict[str, float]]:
    """(total CPU seconds of the best pass, CPU seconds by part in that pass)."""
    from bot.detect.engine import TextEngine
    from bot.detect.staff import StaffDirectory

    examples, institutions = corpus(split, n, seed)
    texts = [e["text"] for e in examples]
    engine = TextEngine(institutions=institutions)
    engine.use_staff(StaffDirectory(staff_directory(examples)))
    spent: dict[str, float] = defaultdict(float)

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - start

        return run

    for recognizer in engine.recognizer_pass.recognizers:
        recognizer.analyze = timed(recognizer.name, recognizer.analyze)  # type: ignore[method-assign]
    batch = engine.nlp_engine.process_batch

    def spacy_pass(*args: Any, **kwargs: Any) -> Iterator[Any]:
        start = time.process_time()
        done = list(batch(*args, **kwargs))
        spent["spaCy (tokenizer, gated NER)"] += time.process_time() - start
        return iter(done)

    engine.nlp_engine.process_batch = spacy_pass  # type: ignore[method-assign]
    engine.scan_batch(texts[:WARMUP])
    best: tuple[float, dict[str, float]] | None = None
    for _ in range(repeat):
        spent.clear()
        start = time.process_time()
        engine.scan_batch(texts)
        total = time.process_time() - start
        if best is None or total < best[0]:
            best = (total, dict(spent))
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="fresh")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--top", type=int, default=8, help="parts listed; the others summed")
    args = parser.parse_args(argv)
    for split in args.split.split(","):
        total, spent = costs(split, args.n, args.seed, args.repeat)
        print(f"\n{split}, n={args.n}: {total:.3f} CPU s, {args.n / total:.0f} messages/CPU-s\n")
        print("| part | CPU s | share |\n| --- | --- | --- |")
        ranked = sorted(spent.items(), key=lambda kv: -kv[1])
        for name, secs in ranked[: args.top]:
            print(f"| {name} | {secs:.3f} | {100 * secs / total:.0f}% |")
        others = ranked[args.top :]
        other = sum(s for _, s in others)
        print(f"| {len(others)} other recognizers | {other:.3f} | {100 * other / total:.0f}% |")
        rest = total - sum(spent.values())
        print(f"| rest (normalise, merge, verdict) | {rest:.3f} | {100 * rest / total:.0f}% |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
