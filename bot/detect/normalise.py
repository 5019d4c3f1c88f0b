"""The text the recognizers read, and the way back to the text the poster wrote.

Evasions that a reader sees through must not fool the detector: soft hyphens and zero-width
characters inside a number ("1234\u00ad5678"), full-width forms ("ＭＲＮ １２３４５６７８"),
digits of other scripts ("٣٦٩٢٥٨١٤"), other dashes ("123–45–6789"), look-alike letters from
other scripts ("МRN" with a Cyrillic М: `bot.detect.lookalikes`), combining strokes over a
name or accents over every letter ("M̀R̀Ǹ"), and identifiers spaced or dotted out character by
character, with one kind of gap or a mix ("m r n 3 6 9 2 5 8 1 4", "3-6-9-2-5-8-1-4",
"m.r.n 3-6-9 2.5 8/1 4"). `view` builds a normalised copy: NFKC per grapheme (the `regex`
module's `\\X`, so a base letter and its marks normalise together), default-ignorable and
format characters dropped, decorative combining marks dropped (all of a word's accents when
most of its letters carry one, since keyboards type "José" precomposed and a spoof marks every
letter), other digits, dashes and look-alikes read as ASCII, and spaced-out runs of single
characters joined. Every character of the copy remembers the original span it came from, so
`TextView.span` maps a finding back onto the original text, and always onto whole original
characters: redacting that span can never leave a piece of the identifier behind.

`bounded_runs` is a second, same-length copy for spaCy's tokenizer only, whose suffix search is
quadratic in the length of a word: a 40,000-character run of brackets or emoji took minutes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from itertools import pairwise

import regex as re

from bot.detect.lookalikes import fold_char, fold_word

# Invisible characters a reader never sees: soft hyphen, zero-width space/joiners, word joiner,
# BOM, bidi controls, variation selectors, tag characters, Hangul fillers, ...
_IGNORABLE = re.compile(r"[\p{Default_Ignorable_Code_Point}\p{Cf}]")
# Combining marks that survive NFKC only as decoration ("J̶o̶h̶n̶", zalgo): the blocks of
# generic diacritics, not the vowel signs that scripts such as Devanagari need.
_DECORATION = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_GRAPHEME = re.compile(r"\X", re.DOTALL)
_WORD = re.compile(r"[\p{L}\p{M}\p{N}]+")
# Single characters with short gaps between them: up to three blanks, a dash or underscore (a
# blank either side allowed), a bare dot or comma, or a slash between digits: "m r n 3 6 9 2 5
# 8 1 4", "J.O.H.N", "3-6-9-2-5-8-1-4", "m.r.n 3-6-9 2.5 8/1 4". A dot or comma before a blank
# ends a sentence or a list item ("e.g. a b c", "a, b, c"), not a gap; a slash between letters
# is an abbreviation ("46 y/o F w/ ...", "s/p", "c/o"). A letter after an apostrophe ends a
# word ("it's K-X-R-T"), so it opens no run.
_GAP = r"(?:[ \t]{1,3}|[ \t]?[\-_][ \t]?|[.,]|[ \t]?(?<=\d[ \t]?)/[ \t]?(?=\d))"
_SINGLE = r"[^\W_](?![^\W_])"
_RUN = re.compile(rf"(?<![\w.\-/,'’]){_SINGLE}(?:{_GAP}{_SINGLE}){{3,}}(?![.\-/,]\w)")
MIN_SPACED = 4
MAX_RUN = 200


@dataclass(frozen=True, slots=True)
class TextView:
    """A normalised copy of a text; `lo[i]:hi[i]` is the original span of character `i`."""

    text: str
    lo: tuple[int, ...] | None = None  # None: the copy is the original, character for character
    hi: tuple[int, ...] | None = None
    # the spans of the original spelled out a character at a time (`spelled_runs`), where
    # `view` read them on the way (an ASCII text); None: not read
    runs: tuple[tuple[int, int], ...] | None = None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering the copy's `start:end` (whole original characters)."""
        if self.lo is None or self.hi is None:
            return start, end
        return self.lo[start], self.hi[end - 1]


def _clusters(text: str) -> list[tuple[int, int, str]]:
    """Each grapheme's span and its normalised form (one or more characters, or none)."""
    found = [(m.start(), m.end(), m.group()) for m in _GRAPHEME.finditer(text)]
    marked = {i for i, (_, _, g) in enumerate(found) if not g.isascii() and _DECORATION.search(g)}
    strip: set[int] = set()
    if marked:
        # A word most of whose letters carry a typed mark ("M̀R̀Ǹ", "J̶o̶h̶n̶") loses them all;
        # one accent ("José" typed as e + U+0301) composes as a keyboard would have typed it.
        i = 0
        while i < len(found):
            j = i
            while j < len(found) and (found[j][2][0].isalnum() or j in marked):
                j += 1
            if j > i and 2 * len(marked.intersection(range(i, j))) >= j - i:
                strip.update(range(i, j))
            i = max(j, i + 1)
    out = []
    for i, (start, end, cluster) in enumerate(found):
        if not cluster.isascii():
            cluster = _IGNORABLE.sub("", cluster)
            if i in strip:
                cluster = unicodedata.normalize(
                    "NFC", _DECORATION.sub("", unicodedata.normalize("NFKD", cluster))
                )
            else:
                cluster = _DECORATION.sub("", unicodedata.normalize("NFKC", cluster))
            cluster = "".join(fold_char(c) for c in cluster)
        out.append((start, end, cluster))
    return out


def view(text: str) -> TextView:
    """The normalised copy the recognizers read (the original itself when nothing changes)."""
    runs = None
    if text.isascii():  # one scan for runs: whether there are any, and which are spelled out
        matches = list(_RUN.finditer(text))
        runs = tuple(m.span() for m in matches if _spelled(m.group()))
        if not matches:
            return TextView(text, runs=runs)
    chars: list[str] = []
    lo: list[int] = []
    hi: list[int] = []
    for start, end, cluster in _clusters(text):
        for c in cluster:
            chars.append(c)
            lo.append(start)
            hi.append(end)
    folded = _WORD.sub(lambda m: fold_word(m.group()), "".join(chars))
    joined = _join_spaced(folded, lo, hi)
    return joined if runs is None else replace(joined, runs=runs)


_PAIR = re.compile(r"\d([.,/\-:])\d")
_DAY_RANGE = re.compile(r"\d/\d\s?-\s?\d/\d")


def _pairs(run: str) -> bool:
    """A list of digit pairs, not one identifier: "3.5 4.1 3.8" (lab values), "1/2 3/4",
    "3-1 2-0" (scores). Each blank-separated group is two digits with one mark, the same mark
    throughout (a single letter before them, "K 3.5 3.8", is the analyte)."""
    if _DAY_RANGE.fullmatch(run):
        return True  # "3/4-3/9": a range of two days, four digits (too few for an identifier)
    groups = [g for g in run.split() if any(c.isdigit() for c in g)]  # "K 3.5 3.8": K aside
    matches = [_PAIR.fullmatch(g) for g in groups]
    return len(groups) > 1 and all(matches) and len({m.group(1) for m in matches if m}) == 1


def _spelled(run: str) -> bool:
    """Whether a `_RUN` match is spelled out: enough single characters, and no number pairs
    ("1.5 2.5") read as one. `_join_spaced` joins these and `spelled_runs` reports them."""
    return sum(c.isalnum() for c in run) >= MIN_SPACED and not _pairs(run)


def _join_spaced(text: str, lo: list[int], hi: list[int]) -> TextView:
    """Drop the gaps inside spaced- and dotted-out runs; a gap where letters turn to digits
    (or a wide blank gap between words) stays as one space."""
    drop: set[int] = set()
    blank: set[int] = set()  # a kept gap character read as a space
    for match in _RUN.finditer(text):
        run = match.group()
        base = match.start()
        if not _spelled(run):
            continue
        singles = [i for i, c in enumerate(run) if c.isalnum()]
        for a, b in pairwise(singles):
            gap = list(range(base + a + 1, base + b))
            wide = len(gap) > 1 and run[a + 1 : b].isspace()
            if wide or run[a].isdigit() != run[b].isdigit():
                drop.update(gap[1:])
                blank.add(gap[0])
            else:
                drop.update(gap)
    if not drop and all(s == i and h == i + 1 for i, (s, h) in enumerate(zip(lo, hi, strict=True))):
        return TextView(text)
    keep = [i for i in range(len(text)) if i not in drop]
    return TextView(
        "".join(" " if i in blank else text[i] for i in keep),
        tuple(lo[i] for i in keep),
        tuple(hi[i] for i in keep),
    )


_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_BREAK = re.compile(r"[^\w]")


def spelled_runs(text: str) -> list[tuple[int, int]]:
    """The spans of `text` spelled out a character at a time, which `view` joins ("K-X-R-T-Q",
    "m r n 3 6 9 2"): read by `bot.detect.spelled_codes`, since the joined copy no longer shows
    that they were spelled."""
    out = []
    for match in _RUN.finditer(text):
        if _spelled(match.group()):
            out.append(match.span())
    return out


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
