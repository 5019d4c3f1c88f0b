"""Words a pattern cannot match without: a cheap test that skips the regex on most texts.

Most of a chat message's regex time goes to patterns that find nothing in it ("County" shapes,
school names, spelled dates), each one scanning the whole text. Many of those patterns need
one of a few literal strings somewhere in any match ("county", "parish", ...; "school",
"elementary", ...). `literal_gate` reads that requirement off the pattern itself, so it follows
every edit of the pattern: a text that contains none of the strings cannot match, and the
pattern is not run on it (the same findings, by construction).

The requirement is read from the pattern's parse tree (the standard library's `re` parser,
which reads the `regex` module's syntax the same way for everything it accepts): literal
characters in sequence, groups, repeats of at least one, and alternations (one string from
every branch). Lookarounds, classes, optional parts and anything the parser does not accept
contribute nothing; when no requirement is found the pattern always runs. The strings are
ASCII and compared lower-cased, and only on ASCII texts: there case-insensitive matching of an
ASCII letter is exactly lower-case equality (non-ASCII texts run every pattern).
"""

from __future__ import annotations

import re
import warnings
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

Gate = tuple[str, ...]
# An alternation of more strings than this costs about as much to test as the regex itself.
MAX_STRINGS = 48
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE
# `\p{L}`, `\P{Lu}` (the `regex` module's properties): one character of some class, which is
# all the requirement needs to know; `re` has no such escape, so it reads as `\d` here.
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^}]*\}")


def literal_gate(pattern: str, flags: int = 0) -> Gate | None:
    """Lower-cased ASCII strings one of which every match of `pattern` contains, or None."""
    if flags & ~_FLAGS:
        return None  # a `regex`-only flag (FULLCASE, VERSION1, ...): its syntax may differ
    source = _PROPERTY.sub(r"\1\\d", pattern)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a nested set ("[[:alpha:]]") warns in `re`: give up
        try:
            tree = _parser.parse(source, flags & _FLAGS)
        except Exception:  # any syntax `re` does not share: no gate, the pattern always runs
            return None
    need = _sequence(list(tree))
    if not need:
        return None
    kept: list[str] = []
    for s in sorted(need, key=lambda s: (len(s), s)):
        if not any(k in s for k in kept):  # "county" already covers "county," and "co.unty"
            kept.append(s)
    return tuple(kept)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, arg in items:
        if op is sre.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        best = _better(best, _item(op, arg))
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def _item(op: Any, arg: Any) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[3]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op is sre.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            need = _sequence(list(branch))
            if need is None:
                return None  # a branch that needs no string: the alternation needs none
            out |= need
        return frozenset(out) if len(out) <= MAX_STRINGS else None
    return None  # a class, a lookaround, an anchor, a back-reference: no string required
