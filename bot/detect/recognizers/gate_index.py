"""One look per text for the gate strings of all the engine's pattern recognizers.

Each pattern recognizer runs a pattern only on a text that holds one of the strings the
pattern cannot match without (`literal_gate`), and one string of each of its other
requirements (`literal_needs`, `ClinicalPatternRecognizer._own_runs`). Asked recognizer by
recognizer, the same text was searched 22 times, a few hundred `in` tests each and a set
intersection of its three-character runs: about a fifteenth of a chat message's CPU time
(issue 13). `GateIndex` files the strings of all its recognizers together, finds the ones a
text holds once, and gives each recognizer the bit mask of its patterns they let run: the mask
each would have built itself, since whether a string is in a text does not depend on who asks.

The masks of all recognizers are one integer, each recognizer's patterns at its own offset, so
a string found sets its patterns' bits in one operation. What each three-character run of a
text lets run (the strings of one, two and three characters it holds) is worked out once per
run and kept; only strings of four characters or more are looked for in the text, among those
filed under one of its runs (a string the text holds begins with one of them). A pattern that
needs a longer run of digits than the text has is cleared too (`literal_gate.digit_run`), so a
member whose mask is empty cannot match the text at all: `idle` names those, and the engine
does not ask those of them that declare they then find nothing (30 calls a message, most of
them for nothing). The engine builds the index over its recognizers (`bot.detect.engine`).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add
from typing import Any

from bot.detect.recognizers.gate_reading import GRAM, longest_digit_run, lowered

# Runs kept with what they let run; past this many (a bot that runs for months meets every
# run there is) the table starts afresh.
MAX_RUNS = 1 << 16
# (patterns they let run, requirements they meet): bits over all members' patterns, and over
# all requirements
Lets = tuple[int, int]
# What a three-character run lets run itself, and the longer strings filed under it
RunLets = tuple[int, int, tuple[tuple[str, Lets], ...]]


class GateIndex:
    """The gate strings of `recognizers` (`ClinicalPatternRecognizer`s), filed together."""

    def __init__(self, recognizers: Sequence[Any]) -> None:
        self._members = [r for r in recognizers if r._gated]
        self._last: tuple[str, int] = ("", 0)
        for position, recognizer in enumerate(self._members):
            recognizer.share_gates(self, position)
        self._build()

    @property
    def members(self) -> tuple[Any, ...]:
        """The recognizers whose gates this index reads (those with a gate at all)."""
        return tuple(self._members)

    def _build(self) -> None:
        lets: dict[str, list[int]] = {}  # string: [patterns it lets run, requirements it meets]
        wide = [0, 0]  # what a text beyond ASCII lets run and meets (a string beyond ASCII)
        self._offsets: list[int] = []
        self._widths: list[int] = []
        self._ungated = 0
        # a pattern's bit: the bits of the requirements it must meet every one of
        self._required: dict[int, int] = {}
        wanting: dict[int, int] = {}  # a run of digits: the patterns that need one as long
        offset = needs = 0
        for r in self._members:
            if r._masks_of is not r._compiled:
                r._masks()
            self._offsets.append(offset)
            self._widths.append((1 << len(r._compiled)) - 1)
            self._ungated |= r._ungated << offset
            for wants, bits in r._digit_bits:
                wanting[wants] = wanting.get(wants, 0) | bits << offset
            for s, mask in r._lets.items():
                _let(lets, wide, s, mask << offset, 0)
            for i, also in enumerate(r._also):
                required = 0
                for strings, beyond in also:
                    bit = 1 << needs
                    needs += 1
                    required |= bit
                    for s in strings:
                        _let(lets, wide, s, 0, bit)
                    if beyond:
                        wide[1] |= bit
                if required:
                    self._required[1 << (offset + i)] = required
            offset += len(r._compiled)
        self._lets = {s: (found[0], found[1]) for s, found in lets.items()}
        self._short = {s: found for s, found in self._lets.items() if len(s) <= GRAM}
        filed: dict[str, list[tuple[str, Lets]]] = {}
        for s in sorted(self._lets):
            if len(s) > GRAM:
                filed.setdefault(s[:GRAM], []).append((s, self._lets[s]))
        self._long = {gram: tuple(found) for gram, found in filed.items()}
        self._wide: Lets = (wide[0], wide[1])
        self._needy = sum(self._required)  # the patterns with requirements
        self._digit_bits = sorted(wanting.items())
        self._runs: dict[str, RunLets] = {}
        self._built_of = [r._compiled for r in self._members]
        self._last = ("", 0)

    def runs(self, text: str, position: int, compiled: Any) -> int | None:
        """The patterns of the recognizer at `position` that `text`'s gate strings and other
        requirements let run, as its bit mask; None when its patterns were replaced since the
        index was built (it then reads its own gates)."""
        if self._built_of[position] is not compiled:
            return None
        return (self._read(text) >> self._offsets[position]) & self._widths[position]

    def idle(self, text: str) -> set[Any]:
        """The members none of whose patterns may match `text`: one that declares it finds
        nothing then (`ClinicalPatternRecognizer.SKIP_WHEN_IDLE`) need not be asked. A member
        whose patterns were replaced since the index was built is never idle."""
        masks = self._read(text)
        return {
            r
            for r, offset, width, built in zip(
                self._members, self._offsets, self._widths, self._built_of, strict=True
            )
            if not masks >> offset & width and r._compiled is built
        }

    def _read(self, text: str) -> int:
        """`_masks` of `text`, kept for the last text: every member asks of the same text."""
        last = self._last  # one read: a thread that asks of another text replaces it whole
        if last[0] is not text:
            last = self._last = (text, self._masks(text))
        return last[1]

    def _masks(self, text: str) -> int:
        """Every member's mask for `text`, at its offset."""
        low, grams = lowered(text)
        runs, met = self._ungated, 0
        if len(low) < GRAM:  # no run of three: its characters and pair looked up one by one
            for s in {*low, low}:
                runs, met = _add(runs, met, self._short.get(s))
        seen = self._runs
        if len(seen) > MAX_RUNS:
            seen.clear()
        for gram in grams:
            found = seen.get(gram)
            if found is None:
                found = seen[gram] = self._run_lets(gram)
            runs |= found[0]
            met |= found[1]
            for s, (r, m) in found[2]:
                if s in low:
                    runs |= r
                    met |= m
        if not text.isascii():
            runs |= self._wide[0]
            met |= self._wide[1]
        needy = runs & self._needy
        while needy:
            bit = needy & -needy
            needy ^= bit
            required = self._required[bit]
            if met & required != required:
                runs ^= bit
        if runs and self._digit_bits:
            digits = longest_digit_run(text)
            for wants, bits in self._digit_bits:
                if wants > digits:
                    runs &= ~bits
        return runs

    def _run_lets(self, gram: str) -> RunLets:
        """What a three-character run lets run: its characters, pairs and itself, and the
        longer strings that begin with it."""
        runs = met = 0
        for s in {*gram, *map(add, gram, gram[1:]), gram}:
            runs, met = _add(runs, met, self._short.get(s))
        return runs, met, self._long.get(gram, ())


def _let(lets: dict[str, list[int]], wide: list[int], s: str, runs: int, met: int) -> None:
    """File a string's patterns and requirements: an ASCII one under itself, one beyond ASCII
    as present in any text that is not ASCII (the gates' reading, `gate_reading.lowered`)."""
    if not s.isascii():
        wide[0] |= runs
        wide[1] |= met
        return
    found = lets.setdefault(s, [0, 0])
    found[0] |= runs
    found[1] |= met


def _add(runs: int, met: int, found: Lets | None) -> Lets:
    if found is None:
        return runs, met
    return runs | found[0], met | found[1]


assert GRAM == 3, "short strings are looked up as characters and pairs of characters"
