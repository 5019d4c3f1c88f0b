"""Regenerate `bot/detect/data/drug_names.txt`: single-word drug names, generic and brand.

Why: the name rules read a capitalised word no list knows as a name where a person may stand,
and a brand drug is such a word ("Xeljanz approved", "Dupixent PA denied", "Ozempic refill
ready"): a pharmacy's or clinic's post about a drug read as one about a patient (issue 13,
`pharmacy_desk` dev voice). `drug-named-entity-recognition` (MIT, maintained; a dev dependency,
only this script reads it) ships a dictionary of drug names and their variants drawn from
MeSH, DrugBank, Wikipedia and the NHS; its single-word entries of six letters or more are
kept (shorter ones are mostly abbreviations, "rela", "aica", which split an invented name run
together as two words: "relamafa"), less the ones our name lists hold ("Allegra", "Camila",
"Kendrick"), which stay names. The lexicon reads the list as vocabulary, like an English word.

Run: `.venv/bin/python scripts/gen_drug_names.py` (`drug-named-entity-recognition` is in
`requirements/dev.in`).
"""

from __future__ import annotations

import bz2
import pickle
import sys
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DATA = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data"
HEADER = (
    "# Single-word drug names, generic and brand, from drug-named-entity-recognition's\n"
    "# dictionary, less listed names (scripts/gen_drug_names.py). Generated; do not edit.\n"
)


def drug_names() -> list[str]:
    from bot.detect.recognizers.names_lexicon import lexicon

    source = resources.files("drug_named_entity_recognition").joinpath(
        "drug_ner_dictionary.pkl.bz2"
    )
    with source.open("rb") as raw, bz2.open(raw) as unpacked:
        # the package's own data file, read as the package reads it
        dictionary = pickle.load(unpacked)
    # the name lists the lexicon reads: Faker's first and last names and the Census surnames
    names = lexicon().first | lexicon().last
    return sorted(
        w
        for w in dictionary["drug_variant_to_canonical"]
        if w.isalpha() and w.isascii() and len(w) >= 6 and w.lower() == w and w not in names
    )


def main() -> int:
    found = drug_names()
    (DATA / "drug_names.txt").write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"drug names: {len(found)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
