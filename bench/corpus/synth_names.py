"""Plausible but invented person names, built from syllables of many languages' sound patterns.

Why: the engine's gazetteer is built from every Faker locale (`scripts/gen_name_lists.py`), so a
corpus whose names all come from Faker measures lookup, not generality. These names are made
from onsets, vowels and codas that follow each language's phonotactics (Amharic, Hawaiian,
Yoruba, Igbo, Thai, Mongolian, Georgian, Finnish, Hungarian, Tagalog, Samoan, Quechua, Tamil,
Malagasy, Kazakh), romanised with or without diacritics, so most of them are in no list at all.
A name that happens to be a known name or an English word is kept: real corpora have those too.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Phonology:
    onsets: tuple[str, ...]
    vowels: tuple[str, ...]
    codas: tuple[str, ...]  # "" allowed: open syllables
    syllables: tuple[int, int]  # min, max for a given name
    surname_syllables: tuple[int, int]
    surname_endings: tuple[str, ...] = ("",)
    diacritics: dict[str, str] | None = None  # plain vowel -> marked vowel (applied at random)


def _t(text: str) -> tuple[str, ...]:
    return tuple(text.split(" ")) if text else ("",)


PHONOLOGIES: dict[str, Phonology] = {
    "amharic": Phonology(
        _t("b t d g k m n s z sh ch l r y w h f ts gh"),
        _t("a e i o u a e"),
        _t("  n m r s t"),
        (2, 3),
        (2, 4),
        ("aye", "u", "e", "ew", "o"),
        None,
    ),
    "hawaiian": Phonology(
        _t("h k l m n p w ʻ   "),
        _t("a e i o u a ai au ei"),
        ("",),
        (2, 3),
        (3, 5),
        ("", "ui", "ole", "ani"),
        {"a": "ā", "e": "ē", "i": "ī", "o": "ō", "u": "ū"},
    ),
    "yoruba": Phonology(
        _t("b d f g gb j k l m n p r s sh t w y "),
        _t("a e i o u e o"),
        ("",),
        (2, 3),
        (3, 5),
        ("ola", "ade", "ayo", "wale", "ji", "mi"),
        {"e": "ẹ", "o": "ọ", "a": "á", "i": "í"},
    ),
    "igbo": Phonology(
        _t("ch k kw gw nw ny b d g j m n nn z l r y w "),
        _t("a e i o u i u"),
        _t("  m n"),
        (2, 4),
        (3, 5),
        ("chukwu", "nna", "ezi", "uba", "ike"),
        {"i": "ị", "o": "ọ", "u": "ụ"},
    ),
    "thai": Phonology(
        _t("k kh ch s th ph p b d n m w r l y s pr kr"),
        _t("a ai ao i u o ae ue oe"),
        _t("  n m ng t k p"),
        (2, 3),
        (3, 4),
        ("wong", "sak", "porn", "chai", "thong", "rat", "kul"),
        None,
    ),
    "mongolian": Phonology(
        _t("b ts ch d g kh l m n s sh t z ch j "),
        _t("a e o u ö ü i"),
        _t("  n l r g d s"),
        (2, 3),
        (2, 4),
        ("baatar", "jargal", "erdene", "suren", "tsetseg"),
        None,
    ),
    "georgian": Phonology(
        _t("b g d v z t k l m n r s p sh ch ts dz kh gh tk mts ts"),
        _t("a e i o u"),
        _t("  r s t"),
        (2, 3),
        (3, 4),
        ("shvili", "dze", "ia", "ava", "uri"),
        None,
    ),
    "finnish": Phonology(
        _t("h j k l m n p r s t v  "),
        _t("a e i o u y ä ö aa ii uu"),
        _t("  n l s t"),
        (2, 3),
        (3, 4),
        ("nen", "la", "lä", "maa", "salo", "koski", "vaara"),
        None,
    ),
    "hungarian": Phonology(
        _t("b cs d f g gy h j k l m n ny p r s sz t ty v z zs"),
        _t("a e i o u á é ö ü ó"),
        _t("  r l n s t k"),
        (2, 3),
        (2, 3),
        ("i", "y", "ai", "os", "as", "és"),
        None,
    ),
    "tagalog": Phonology(
        _t("b d g h k l m n ng p s t w y "),
        _t("a e i o u a"),
        _t("  n ng l s y"),
        (2, 3),
        (3, 4),
        ("an", "ino", "ada", "ay", "ang"),
        None,
    ),
    "samoan": Phonology(
        _t("f g l m n p s t v ʻ "),
        _t("a e i o u a"),
        ("",),
        (2, 3),
        (3, 5),
        ("", "ga", "lua"),
        {"a": "ā", "e": "ē", "i": "ī", "o": "ō", "u": "ū"},
    ),
    "quechua": Phonology(
        _t("ch k q ll m n ñ p r s t w y h"),
        _t("a i u a"),
        _t("  q y n k"),
        (2, 3),
        (3, 4),
        ("pa", "nina", "wasi", "kusi", "mayta"),
        None,
    ),
    "tamil": Phonology(
        _t("k ch t th n p m y r l v zh s sh"),
        _t("a i u e o aa ii ai"),
        _t("  n m l r"),
        (2, 4),
        (3, 5),
        ("an", "appan", "amma", "ingam", "ithan", "vel", "raj"),
        None,
    ),
    "malagasy": Phonology(
        _t("r n m t v f h l s z dr tr ts b k"),
        _t("a i o e y a"),
        ("",),
        (3, 4),
        (4, 6),
        ("y", "na", "soa", "niaina", "vola"),
        None,
    ),
    "kazakh": Phonology(
        _t("b d zh k q m n s t sh ä a o e u ı"),
        _t("a e ı o u ä ö ü"),
        _t("  n r l t s k q y"),
        (2, 3),
        (2, 4),
        ("bek", "ov", "ova", "uly", "qyzy", "baev", "ay"),
        None,
    ),
}


def _word(rng: random.Random, ph: Phonology, n_syll: int) -> str:
    parts: list[str] = []
    for k in range(n_syll):
        onset = rng.choice(ph.onsets)
        if k == 0 and onset == "ʻ":
            onset = ""  # the ʻokina opens syllables inside a name, not the name itself
        if k > 0 and not onset and parts and parts[-1][-1:] in "aeiouyäöüáéóıāēīōū":
            onset = rng.choice([o for o in ph.onsets if o] or [""])  # no vowel hiatus pile-ups
        vowel = rng.choice(ph.vowels)
        if ph.diacritics and vowel in ph.diacritics and rng.random() < 0.25:
            vowel = ph.diacritics[vowel]
        coda = rng.choice(ph.codas) if k == n_syll - 1 or rng.random() < 0.3 else ""
        parts.append(onset + vowel + coda)
    return "".join(parts)


def _cap(word: str) -> str:
    i = 0
    while i < len(word) and not word[i].isalpha():
        i += 1
    return word[:i] + word[i:].capitalize()


def strip_diacritics(text: str) -> str:
    """How many people type names they have only heard, or on a US keyboard."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ʻ", "").replace("ı", "i"))
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def synth_name(rng: random.Random, language: str | None = None) -> tuple[str, str]:
    """One invented (given, family) pair in one language's sound pattern."""
    ph = PHONOLOGIES[language or rng.choice(sorted(PHONOLOGIES))]
    given = _cap(_word(rng, ph, rng.randint(*ph.syllables)))
    base = _word(rng, ph, rng.randint(ph.surname_syllables[0], ph.surname_syllables[1]) - 1)
    family = (
        _cap(base + rng.choice(ph.surname_endings))
        if rng.random() < 0.6
        else _cap(_word(rng, ph, rng.randint(*ph.surname_syllables)))
    )
    if rng.random() < 0.5:
        given, family = strip_diacritics(given), strip_diacritics(family)
    return given, family


if __name__ == "__main__":  # eyeball a sample: python -m bench.corpus.synth_names
    r = random.Random(3)
    for lang in sorted(PHONOLOGIES):
        print(f"{lang:10}", ", ".join(" ".join(synth_name(r, lang)) for _ in range(5)))
