"""The text the recognizers read, and the way back to the text the poster wrote.

Evasions that a reader sees through must not fool the detector: soft hyphens and zero-width
characters inside a number ("1234\u00ad5678"), full-width forms ("ＭＲＮ １２３４５６７８"),
combining strokes over a name, and identifiers spaced or dotted out letter by letter
("m r n 3 6 9 2 5 8 1 4", "3-6-9-2-5-8-1-4"). `view` builds a normalised copy: NFKC per
grapheme (the `regex` module's `\\X`, so a base letter and its marks normalise together),
default-ignorable and format characters dropped, decorative combining marks dropped, and
spaced-out runs of single characters joined. Every character of the copy remembers the
original span it came from, so `TextView.span` maps a finding back onto the original text, and
always onto whole original characters: redacting that span can never leave a piece of the
identifier behind.

`bounded_runs` is a second, same-length copy for spaCy's tokenizer only, whose suffix search is
quadratic in the length of a word: a 40,000-character run of brackets or emoji took minutes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import pairwise

import regex as re

# Invisible characters a reader never sees: soft hyphen, zero-width space/joiners, word joiner,
# BOM, bidi controls, variation selectors, tag characters, Hangul fillers, ...
_IGNORABLE = re.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]")
# Combining marks that survive NFKC only as decoration ("J̶o̶h̶n̶", zalgo): the blocks of
# generic diacritics, not the vowel signs that scripts such as Devanagari need.
_DECORATION = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_GRAPHEME = re.compile(r"\X", re.DOTALL)
# A word of single characters joined by one kind of mark: "J.O.H.N", "3-6-9-2-5-8-1-4".
_DOTTED = re.compile(r"(?<![\w.\-])[^\W_](?:([.\-_])[^\W_])(?:\1[^\W_]){2,}(?![\w\-]|\.\w)")
# Single characters with short horizontal gaps between them: "m r n 3 6 9 2 5 8 1 4".
_SPACED = re.compile(r"(?<![^\s(\[])[^\W_](?=[ \t])(?:[ \t]{1,3}[^\W_](?=[\s.,;:!?)\]]|$)){3,}")
MIN_SPACED = 4
MAX_RUN = 200


@dataclass(frozen=True, slots=True)
class TextView:
    """A normalised copy of a text; `lo[i]:hi[i]` is the original span of character `i`."""

    text: str
    lo: tuple[int, ...] | None = None  # None: the copy is the original, character for character
    hi: tuple[int, ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering the copy's `start:end` (whole original characters)."""
        if self.lo is None or self.hi is None:
            return start, end
        return self.lo[start], self.hi[end - 1]


def _plain(text: str) -> bool:
    return text.isascii() and _SPACED.search(text) is None and _DOTTED.search(text) is None


def view(text: str) -> TextView:
    """The normalised copy the recognizers read (the original itself when nothing changes)."""
    if _plain(text):
        return TextView(text)
    chars: list[str] = []
    lo: list[int] = []
    hi: list[int] = []
    for match in _GRAPHEME.finditer(text):
        start, end = match.span()
        cluster = match.group()
        if not cluster.isascii():
            cluster = _DECORATION.sub(
                "", unicodedata.normalize("NFKC", _IGNORABLE.sub("", cluster))
            )
        for c in cluster:
            chars.append(c)
            lo.append(start)
            hi.append(end)
    return _join_spaced("".join(chars), lo, hi)


def _join_spaced(text: str, lo: list[int], hi: list[int]) -> TextView:
    """Drop the gaps inside spaced- and dotted-out runs; a gap where letters turn to digits
    (or a wide gap between words) stays as one space."""
    drop: set[int] = set()
    for match in _SPACED.finditer(text):
        run = match.group()
        base = match.start()
        singles = [i for i, c in enumerate(run) if not c.isspace()]
        if len(singles) < MIN_SPACED:
            continue
        for a, b in pairwise(singles):
            gap = range(base + a + 1, base + b)
            keep_one = len(gap) > 1 or run[a].isdigit() != run[b].isdigit()
            drop.update(list(gap)[1:] if keep_one else gap)
    for match in _DOTTED.finditer(text):
        drop.update(range(match.start() + 1, match.end(), 2))
    if not drop and all(s == i and h == i + 1 for i, (s, h) in enumerate(zip(lo, hi, strict=True))):
        return TextView(text)
    keep = [i for i in range(len(text)) if i not in drop]
    return TextView(
        "".join(text[i] for i in keep), tuple(lo[i] for i in keep), tuple(hi[i] for i in keep)
    )


_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_BREAK = re.compile(r"[^\w]")


def bounded_runs(text: str) -> str:
    """Same-length copy whose words are at most `MAX_RUN` characters: inside a longer run, a
    non-word character (else any character) near every `MAX_RUN` becomes a space.

    Only spaCy reads it; the pattern recognizers still see the whole run. No name, address or
    link that the name recognizer reads is that long.
    """
    if len(text) <= MAX_RUN or _LONG_RUN.search(text) is None:
        return text
    out = list(text)
    for match in _LONG_RUN.finditer(text):
        pos, end = match.start(), match.end()
        while end - pos > MAX_RUN:
            window = text[pos + MAX_RUN // 2 : pos + MAX_RUN]
            cut = max((m.start() for m in _BREAK.finditer(window)), default=len(window) - 1)
            at = pos + MAX_RUN // 2 + cut
            out[at] = " "
            pos = at + 1
    return "".join(out)
