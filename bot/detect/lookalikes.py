"""Characters that read as another one: look-alike letters from other scripts, digits of other
scripts, dashes, slashes and dots that are not the ASCII ones.

A poster who writes "МRN" with a Cyrillic М, "ssn 123–45–6789" with en dashes or an MRN in
Arabic-Indic digits is read by every colleague as writing the ASCII text; the recognizers
must read it the same way. Every mapping here is one character to one character, so the
normalised copy keeps its offset map unchanged (`bot.detect.normalise`).

Look-alike letters come from Unicode's confusables table (UTS #39) as shipped by
`confusable_homoglyphs` (chosen over `unidecode`/`anyascii`, which transliterate whole words
of other scripts: "Иван" would become "Ivan" and the name recognizer would read Russian as
English; the confusables table only says which characters look the same). They are applied
only inside a word that mixes scripts, the sign of a spoof (UTS #39 "mixed-script
confusables"): a word wholly in Cyrillic or Greek is left as it is written.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from confusable_homoglyphs import categories, confusables

# One character that reads as an ASCII punctuation mark (NFKC leaves these alone).
_MARKS = {
    "\u2044": "/",  # fraction slash
    "\u2215": "/",  # division slash
    "\u29f8": "/",  # big solidus
    "\u00b7": ".",  # middle dot
    "\u2022": ".",  # bullet
    "\u2219": ".",  # bullet operator
    "\u22c5": ".",  # dot operator
    "\u30fb": ".",  # katakana middle dot
    "\u2800": " ",  # braille blank: looks like a space, is not one
}
_ASCII_ALNUM = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def fold_char(c: str) -> str:
    """`c` as the ASCII character it reads as, if it is a digit, dash or mark of another form;
    else `c` itself (letters are left to `fold_word`)."""
    if c.isascii():
        return c
    category = unicodedata.category(c)
    if category == "Nd":
        return str(unicodedata.decimal(c))
    if category == "Pd" or c == "\u2212":  # every dash, and the minus sign
        return "-"
    return _MARKS.get(c) or _small_capital(c) or c


@cache
def _small_capital(c: str) -> str | None:
    """ "ʀ" (LATIN LETTER SMALL CAPITAL R) as "r": phonetic letters no chat needs, and that
    NFKC and the confusables table leave alone."""
    name = unicodedata.name(c, "")
    if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == 28:
        return name[-1].lower()
    return None


@cache
def ascii_lookalike(c: str) -> str | None:
    """The ASCII letter or digit `c` is confusable with (UTS #39), or None."""
    if c.isascii() or not c.isalpha():
        return None
    for glyph in confusables.confusables_data.get(c, ()):
        other = glyph["c"]
        if len(other) == 1 and other in _ASCII_ALNUM:
            # The table's prototype for I-like letters is a lower-case l; a capital reads as I.
            return "I" if other == "l" and c.isupper() else other
    return None


def _script(c: str) -> str:
    return str(categories.alias(c))


def fold_word(word: str) -> str:
    """`word` with its look-alike letters read as ASCII when it mixes scripts ("МRN", "Jоhn"
    with a Cyrillic о, "ΜΡΝ" of Greek and Cyrillic) or is a number with a letter or two in it
    ("З6925814" with a Cyrillic З); same length, unchanged otherwise."""
    if word.isascii():
        return word
    letters = [c for c in word if c.isalpha()]
    scripts = {_script(c) for c in letters}
    # A number with a letter or two that read as digits ("З692581Ч"): a spoof as well.
    in_number = any(c.isdigit() for c in word) and len(letters) <= 2
    if len(scripts) < 2 and not in_number:
        return word
    return "".join(ascii_lookalike(c) or c for c in word)
