"""ID: a code spelled out a character at a time ("K-X-R-T-Q", "n c n d t", "M-P-1-4-8-3-3").

The recognizers read the normalised view (`bot.detect.normalise`), where such a run arrives
joined: "K-X-R-T-Q" as "KXRTQ", a token they cannot tell from a typed acronym, and a code of
letters alone has no shape of its own ("QZXWLM" and "NSTEMI" look alike). The spelling is the
evidence. Nobody types a word or an acronym a letter at a time except to give it exactly, and
what a caller gives exactly, and an agent types as it is read, is a reference, a booking or
claim code, or the spelling of a name or a secret: Safe Harbor item 18 ("any other unique
identifying number, characteristic, or code"), or the name item 1 covers. Issue 13's held-out
call-centre corpus leaked every such number, two of three with no digit (aggregate figures; its
text was not read); the project's chat corpora spell nothing out (no spaced run outside a gold
span on any dev split, 2026-12-07). So this post-pass reads the original text and takes every
spelled run with a letter in it, whatever its label, unless it spells nothing: dots as its only
gaps ("R.S.V.P", an acronym), a number's mark or other non-letter outside ASCII ("n.º 9 P";
an accented letter counts: "J-O-S-É"), one character repeated ("X X X X", a redaction mark)
or the alphabet in order ("A-B-C-D-E", an assessment's steps). Digits alone are left to the number rules, which read
them joined, except after a letter of the phonetic alphabet ("golf 8 2 7 8", "mike 3 4 9 8 5"):
`spoken_ids` leaves a word that is also a sport, a name or a ward before numerals ("golf
18"), and only the spelling shows these were read out.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex as re

from bot.detect.normalise import spelled_runs
from bot.detect.recognizers.phonetic import NATO
from bot.detect.types import Finding, Kind

RECOGNIZER = "SpelledCodePass"
SCORE = 0.85


def spelled_codes(
    text: str, found: list[Finding], runs: Sequence[tuple[int, int]] | None = None
) -> list[Finding]:
    """`found` and a finding for each code spelled out in `text` that no finding holds; `runs`
    are `text`'s spelled runs where the caller has them (`TextView.runs`), else read here."""
    added = []
    for start, end in spelled_runs(text) if runs is None else runs:
        run = text[start:end]
        singles = [c for c in run if c.isalnum()]
        if _marked(run) or all(c == "." for c in run if not c.isalnum()):
            continue  # "n.º 9 P": a label's abbreviation; "R.S.V.P": an acronym's dots
        if all(c.isdigit() for c in singles):
            letter = _LETTER_BEFORE.search(text, max(0, start - 20), start)
            if letter is None or len(set(singles)) == 1:
                continue  # digits alone: the number rules read them joined
            start = letter.start()
        elif not _spells_a_code(singles):
            continue
        if any(f.start <= start and end <= f.end for f in found):
            continue
        added.append(Finding(start, end, Kind.ID, SCORE, RECOGNIZER, "UNIQUE"))
    return found + added if added else found


# Number marks, letters to `str.isalpha` ("n.º 9", "1ª", "3°"), that make a run a label
_NUMBER_MARKS = frozenset("ºª°")


def _marked(run: str) -> bool:
    """Whether `run` holds a character outside ASCII that is a number's mark or no letter at
    all; an accented letter ("J-O-S-É", "M-A-R-T-Í-N-E-Z") is a letter like any other."""
    return any(not c.isascii() and (c in _NUMBER_MARKS or not c.isalpha()) for c in run)


# A letter of the phonetic alphabet right before a spelled run of digits ("golf 8 2 7 8")
_LETTER_BEFORE = re.compile(rf"(?<![\w-]){NATO}[ \t]*[,-]?[ \t]*$", re.IGNORECASE)


def _spells_a_code(singles: list[str]) -> bool:
    low = [c.lower() for c in singles]
    if len(set(low)) == 1:
        return False  # "X X X X", "x-x-x-x": a mark where something was left out
    in_order = all(ord(b) - ord(a) == 1 for a, b in itertools.pairwise(low))
    return not in_order  # "A-B-C-D-E", "1 2 3 4" (the alphabet, a count)
