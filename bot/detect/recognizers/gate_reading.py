"""How the pattern recognizers' gates read a text: lower-cased once, its runs of three
characters, its longest run of digits.

Every pattern recognizer (and the `GateIndex` that reads them all at once) asks the same few
questions of the same text in turn, so each answer is kept for the last text asked about.
"""

from __future__ import annotations

from operator import add

import regex as re

_DIGIT = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Whether `text` has a digit in any script (one C-level scan)."""
    return _DIGIT.search(text) is not None


GRAM = 3
# The only characters beyond ASCII that the `regex` module matches to an ASCII one when it
# ignores case (`tests/detect/recognizers/test_literal_gate.py` scans every code point): the
# dotted and dotless i, the long s and the Kelvin sign. Each is read as that ASCII letter before
# a text is lower-cased for the gates, so a gate's ASCII string is in the lowered text wherever
# the pattern could match it; any other character lowers to characters no ASCII letter matches.
ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_last_lowered: tuple[str, str, frozenset[str]] = ("", "", frozenset())


def lowered(text: str) -> tuple[str, frozenset[str]]:
    """`text` lower-cased as the gates compare it (`ASCII_FOLDS`), and every run of `GRAM`
    characters in it, kept for the last text: every pattern recognizer's gates ask of the same
    text in turn."""
    global _last_lowered
    last = _last_lowered  # one read: a thread that asks of another text replaces it whole
    if last[0] is not text:
        low = text.lower() if text.isascii() else text.translate(ASCII_FOLDS).lower()
        runs = map(add, map(add, low, low[1:]), low[2:])  # GRAM characters a step, in C
        last = _last_lowered = (text, low, frozenset(runs))
    return last[1], last[2]


def may_hold(gate: frozenset[str] | tuple[str, ...] | None, text: str) -> bool:
    """Whether `text` holds one of the strings of a pattern's `literal_gate`, read as the
    pattern recognizers read their gates (lower-cased, `ASCII_FOLDS`; a string with another
    character taken as present in any text that is not ASCII): False means the pattern
    cannot match `text`. No gate (None): it may."""
    if gate is None:
        return True
    low = lowered(text)[0]
    if not text.isascii() and any(not s.isascii() for s in gate):
        return True
    return any(s in low for s in gate)


_DIGIT_RUN = re.compile(r"\d+")
_last_run: tuple[str, int] = ("", 0)


def longest_digit_run(text: str) -> int:
    """The most digits in a row in `text` (any script's), kept for the last text: every pattern
    recognizer asks it of the same text in turn."""
    global _last_run
    last = _last_run  # one read: a thread that asks of another text replaces it whole
    if last[0] is not text:
        last = _last_run = (text, max(map(len, _DIGIT_RUN.findall(text)), default=0))
    return last[1]


def holds_all(needs: tuple[tuple[tuple[str, ...], bool], ...], text: str) -> bool:
    """Whether `text` holds a string of each of `needs`, read as the gates read theirs."""
    low = lowered(text)[0]
    wide = not text.isascii()
    for strings, beyond in needs:
        if not (beyond and wide) and not any(s in low for s in strings):
            return False
    return True
