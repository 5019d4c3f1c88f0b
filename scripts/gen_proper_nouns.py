"""Regenerate `bot/detect/data/proper_nouns.txt`: the listed names that the English vocabulary
holds only as people's or places' names.

Why: `english_words.txt` is every single-word WordNet lemma the spaCy model ships, nouns
included, and WordNet's nouns include its instances, lower-cased there: "stevens", "gallagher",
"fuentes", "darwin", "matthew" are people in WordNet, so the name rules read those surnames as
English words and "Stevens labs pending" kept its surname (issue 13). WordNet's lemma index as
spaCy ships it has lost the capital letters that told a proper noun from a common one, so a
dictionary that keeps them decides: Webster's Second (`web2`) and GCIDE, as the `english-words`
package ships them (a dev dependency, never needed at run time), list a common noun in lower
case ("baker", "carpenter", "smith", "wolf") and a proper one capitalised or not at all. A name
of our lists whose WordNet noun has no lower-case entry there, in itself or its singular
("sales" is "sale", itself a WordNet noun), is a proper noun; the lexicon takes it out of the English vocabulary.
Names that are also verbs, adjectives, adverbs or common words (`ambiguous_names.txt`,
`common_words.txt`) stay words: they come from other lists than WordNet's nouns.

Run: `.venv/bin/python scripts/gen_proper_nouns.py` (`english-words` is in
`requirements/dev.in`).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.detect.recognizers.base import wordset

DATA = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data"
HEADER = (
    "# Listed names that WordNet's nouns hold only as proper nouns (scripts/gen_proper_nouns.py):\n"
    "# the lexicon takes them out of english_words.txt. Generated; do not edit.\n"
)


# Reviewed by hand among the list's words of four letters or fewer and its frequent ones
# (wordfreq Zipf 3.3 or more): abbreviations chat and charts use ("ROM", "IgE", "GABA", "IMO",
# "pons", "vena") and lower-case words of today that Webster's 1934 lacks ("metro", "ninja").
# They stay English words.
KEEP_WORDS = wordset(
    "ab apollo arab baptist biro boer burger cali capo christ cis dia dona dui emmy ene fella "
    "fema fica fo gaba gita guinness ige ilo imo inka isis islam iwo kobe lah lapp mach mayo "
    "messiah metro ninja nota ochs ola oni ono osha pons qadi raf rama ri rom romans rube santa "
    "sep shew sild som sus ulva uria ute var veda vena venus wac zona"
)


# Faker's address providers' lists of a country's parts, in every locale
_REGION_LISTS = (
    "countries",
    "states",
    "provinces",
    "counties",
    "regions",
    "cantons",
    "departments",
)


def _large_places() -> frozenset[str]:
    """Countries, states, provinces, counties and regions (Faker's address providers), US
    states, continents and the major cities (`cities.txt`): a letter names them without naming
    anyone ("the Texas Medical Board", "Devon" in an address block), and the place rules read
    them, so they stay words here, not people."""
    import importlib
    import pkgutil

    import faker.providers.address as address

    from bot.detect.data import load_words
    from bot.detect.recognizers.names_lexicon import US_STATES

    places = {"africa", "america", "americas", "asia", "europe", "oceania", "antarctica"}
    for info in pkgutil.iter_modules(address.__path__):
        provider = importlib.import_module(f"faker.providers.address.{info.name}").Provider
        for attr in _REGION_LISTS:
            value = getattr(provider, attr, ())
            entries = value.values() if isinstance(value, dict) else value
            places |= {w.lower() for e in entries if isinstance(e, str) for w in e.split()}
    return frozenset(places | {s.lower() for s in US_STATES} | load_words("cities.txt"))


def _singulars(word: str) -> tuple[str, ...]:
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and len(word) > 2:
        forms.append(word[:-1])
    return tuple(forms)


def proper_nouns() -> list[str]:
    from english_words import get_english_words_set

    from bot.detect.data import load_words
    from bot.detect.recognizers.names_lexicon import CLINICAL_TERMS, lexicon

    common = {
        w for w in get_english_words_set(["web2", "gcide"], lower=False, alpha=True) if w.islower()
    }
    # the name lists the lexicon reads: Faker's first and last names and the Census surnames
    names = lexicon().first | lexicon().last
    words = load_words("ambiguous_names.txt") | load_words("common_words.txt")
    words |= KEEP_WORDS | CLINICAL_TERMS | _large_places()
    vocabulary = load_words("english_words.txt")
    return sorted(
        w
        for w in vocabulary & names
        if w not in words
        and w not in common
        and not any(form in common and form in vocabulary for form in _singulars(w)[1:])
    )


def main() -> int:
    found = proper_nouns()
    (DATA / "proper_nouns.txt").write_text(HEADER + "\n".join(found) + "\n", encoding="utf-8")
    print(f"proper nouns: {len(found)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
