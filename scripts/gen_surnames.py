"""Regenerate `bot/detect/data/census_surnames.txt` from the 1990 US Census surname list.

Why: the name rules take a surname as one where a list holds it, and Faker's lists (which
`gen_name_lists.py` extracts) lack many frequent ones: "Nasser", "Rutledge", "Carmichael",
"Hutchins". Worse, the spaCy model's WordNet vocabulary holds people as nouns ("nasser",
"rutledge", "goldberg" are instances of persons there), so such a surname read as an English
word and "Layla Nasser, 67F" kept its surname. The Census list (the `names` package, 88,799
surnames with their frequency rank; a dev dependency, never needed at run time) fills the gap:

- the surnames of rank 20,000 or better (about 78% of the population) that no name list has;
- less any that is a word common in English text (Zipf frequency 3.2 or more in `wordfreq`, as
  `gen_towns.py` decides for towns): "Head", "Battle", "Self", "Deal", "Gold" stay words, so no
  list shape reads them as names; a rarer vocabulary word stays an English word too (the
  lexicon keeps its reading), and is a surname only where a cue says so, as "Baker" is;
- less the clinical and common words the project lists (`common_words.txt`), and the towns of
  the gazetteer ("Bozeman", "Redding", "Medford"): a town is PHI as much, and the town rules
  read a capitalised one only when it is no listed name.

Run: `.venv/bin/python scripts/gen_surnames.py` (`names` and `wordfreq` are in
`requirements/dev.in`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data"
MAX_RANK = 20000
COMMON_ZIPF = 3.2  # at or above it a word is common in English text (wordfreq's Zipf scale)
# The project's own lists a Census surname is left out for: names, common words and towns
_ALREADY_LISTED = (
    "first_names.txt",
    "last_names.txt",
    "common_words.txt",
    "cities.txt",
    "world_cities.txt",
    "towns_en.txt",
)


def surnames() -> list[str]:
    import names
    from wordfreq import zipf_frequency

    from bot.detect.data import load_words

    listed = frozenset().union(*(load_words(f) for f in _ALREADY_LISTED))
    census = Path(os.path.dirname(names.__file__)) / "dist.all.last"
    out = []
    for line in census.read_text(encoding="ascii").splitlines():
        name, _share, _cumulative, rank = line.split()
        word = name.lower()
        if int(rank) > MAX_RANK or not word.isalpha() or len(word) < 3 or word in listed:
            continue
        if zipf_frequency(word, "en") >= COMMON_ZIPF:
            continue
        out.append(word)
    return sorted(out)


def main() -> int:
    words = surnames()
    header = (
        "# US Census 1990 surnames of rank <= 20000 no other list holds, less common English "
        "words (scripts/gen_surnames.py)\n"
    )
    (DATA / "census_surnames.txt").write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"census_surnames={len(words)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
