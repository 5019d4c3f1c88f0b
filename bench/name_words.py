"""How the name rules' word classes read names no list has: the ceiling of a learned model.

    python -m bench.name_words --n 10000 --seed 7

Issue 13 asks whether a small model trained on name lists against English words would find
unknown names the rules miss. Such a model could only change the verdict on a word the lexicon
reads as English (exactly, by an inflection, one slip away, or two words run together): every
other invented name is already "unknown" and left to the context rules. This counts, over
invented names (`bench.corpus.synth_names`, in no list by construction), how many words fall in
each class; the share read as English is what such a model could add at most.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter


def classes(n: int, seed: int) -> dict[str, int]:
    """Counts of first and last name words by how the lexicon reads them."""
    from bench.corpus.synth_names import synth_name
    from bot.detect.recognizers.names_lexicon import lexicon
    from bot.detect.recognizers.names_words import NameWords

    lex = lexicon()
    words = NameWords(lex)
    rng = random.Random(seed)
    counts: Counter[str] = Counter()
    for _ in range(n):
        for word in synth_name(rng):
            low = word.lower()
            if lex.is_name(word):
                counts["listed name"] += 1
            elif low in lex.english:
                counts["English word"] += 1
            elif lex.is_english(word):
                counts["English by inflection"] += 1
            elif words.typo(low):
                counts["one slip from English"] += 1
            elif words.run_together(low):
                counts["two English words run together"] += 1
            else:
                counts["unknown"] += 1
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="invented names (two words each)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    counts = classes(args.n, args.seed)
    total = sum(counts.values())
    english = total - counts.get("unknown", 0) - counts.get("listed name", 0)
    print(json.dumps({"words": total, **counts}, indent=2))
    print(f"read as English (a learned model's ceiling): {english / total:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
