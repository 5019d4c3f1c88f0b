"""One look per text for the gate strings of all the engine's pattern recognizers.

Each pattern recognizer runs a pattern only on a text that holds one of the strings the
pattern cannot match without (`literal_gate`, `ClinicalPatternRecognizer._matches`). Asked
recognizer by recognizer, the same text was searched 22 times, a few hundred `in` tests each
and a set intersection of its three-character runs: about a fifteenth of a chat message's CPU
time (issue 13). `GateIndex` files the strings of all its recognizers together, finds the ones
a text holds once, and gives each recognizer the bit mask of its patterns they let run: the
mask each would have built itself, since whether a string is in a text does not depend on who
asks.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add
from typing import Any

from bot.detect.recognizers.base import GRAM, lowered


class GateIndex:
    """The gate strings of `recognizers` (`ClinicalPatternRecognizer`s), filed together."""

    def __init__(self, recognizers: Sequence[Any]) -> None:
        self._members = [r for r in recognizers if r._gated]
        self._last: tuple[str, list[int]] = ("", [])
        for position, recognizer in enumerate(self._members):
            recognizer._shared_gates = (self, position)
        self._build()

    def _build(self) -> None:
        short: set[str] = set()
        index: dict[str, set[str]] = {}
        wide: set[str] = set()
        lets: dict[str, list[tuple[int, int]]] = {}
        for position, r in enumerate(self._members):
            if r._masks_of is not r._compiled:
                r._masks()
            short.update(r._gate_short)
            for gram, strings in r._gate_index.items():
                index.setdefault(gram, set()).update(strings)
            wide.update(r._gate_wide)
            for s, mask in r._lets.items():
                lets.setdefault(s, []).append((position, mask))
        # a string of one or two characters is in a text when it is one of its characters or
        # pairs of characters, so those are looked up in sets, not searched for
        self._short = frozenset(short)
        self._index = {gram: tuple(sorted(found)) for gram, found in index.items()}
        self._grams = frozenset(index)
        self._wide = frozenset(wide)
        self._lets = {s: tuple(found) for s, found in lets.items()}
        self._ungated = [r._ungated for r in self._members]
        self._built_of = [r._compiled for r in self._members]
        self._last = ("", [])

    def runs(self, text: str, position: int, compiled: Any) -> int | None:
        """The patterns of the recognizer at `position` that `text`'s gate strings let run, as
        its bit mask; None when its patterns were replaced since the index was built (it then
        reads its own gates)."""
        if self._built_of[position] is not compiled:
            return None
        last = self._last  # one read: a thread that asks of another text replaces it whole
        if last[0] is not text:
            last = self._last = (text, self._masks(text))
        return last[1][position]

    def _masks(self, text: str) -> list[int]:
        low, grams = lowered(text)
        pieces = set(low)
        pieces.update(map(add, low, low[1:]))
        present = pieces & self._short
        index = self._index
        for gram in grams & self._grams:
            present.update([s for s in index[gram] if s in low])
        if not text.isascii():
            present |= self._wide
        masks = list(self._ungated)
        lets = self._lets
        for s in present:
            for position, mask in lets.get(s, ()):
                masks[position] |= mask
        return masks


assert GRAM == 3, "short strings are looked up as characters and pairs of characters"
