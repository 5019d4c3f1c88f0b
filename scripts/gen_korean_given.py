"""Regenerate `bot/detect/data/korean_given_syllables.txt`: the syllables of Korean given names,
romanised as forms and ward lists write them.

Why: a Korean given name is two syllables, written spaced, hyphenated or run together ("Ha Eun",
"Mi-young", "Haeun"), and each half alone is too short for any name list or looks like an
English word ("Mi", "young", "Ha", "Eun" are all in the vocabulary). The name rules read two
such halves side by side as one given name only when both are syllables that Korean given names
use. Faker's ko_KR given names (a dev dependency, read only here) give the syllables in Hangul;
each is romanised in the Revised Romanisation (`bench.corpus.name_stress.romanize_hangul`) and in
the customary spellings passports and clinics use beside it ("seong" and "sung", "jun" and
"joon", "yeong" and "young", "gyeong" and "kyung", "hui" and "hee").

Run: `.venv/bin/python scripts/gen_korean_given.py`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from faker import Faker

from bench.corpus.name_stress import romanize_hangul

DATA = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data"
HEADER = (
    "# Syllables of Korean given names, Revised Romanisation and customary spellings, from\n"
    "# Faker's ko_KR given names (scripts/gen_korean_given.py). Generated; do not edit.\n"
)


def variants(rr: str) -> set[str]:
    """The customary spellings of one Revised Romanisation syllable, with itself."""
    out = {rr}
    for a, b in (("yeong", "young"), ("yeong", "yong"), ("eong", "ung"), ("eon", "un")):
        if rr.endswith(a):
            out.add(rr[: -len(a)] + b)
    for s in list(out):
        if s[:1] == "g":
            out.add("k" + s[1:])  # "gyeong" "kyung", "gwang" "kwang"
        plain_u = re.fullmatch(r"([bcdghjklmnprst]+)u(n|ng|k|l|)", s)
        if plain_u:  # "jun" "joon", "hun" "hoon", "su" "soo"
            out.add(f"{plain_u[1]}oo{plain_u[2]}")
        if s.endswith("ui"):
            out.add(s[:-2] + "ee")  # "hui" "hee"
        if s == "u":
            out.add("woo")
        if s.endswith("yun"):
            out.add(s[:-3] + "yoon")
    return out


def main() -> int:
    fake = Faker("ko_KR")
    given = next(p for p in fake.providers if hasattr(p, "first_names")).first_names
    names = list(given)
    syllables: set[str] = set()
    for name in names:
        for ch in name:
            rr = romanize_hangul(ch)
            if rr.isascii() and rr.isalpha():
                syllables |= {v for v in variants(rr) if len(v) >= 2}
    (DATA / "korean_given_syllables.txt").write_text(
        HEADER + "".join(f"{s}\n" for s in sorted(syllables)), encoding="utf-8"
    )
    print(f"{len(syllables)} syllables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
