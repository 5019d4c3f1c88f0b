"""What a pattern cannot match without: cheap tests that skip the regex on most texts.

Most of a chat message's regex time goes to patterns that find nothing in it ("County" shapes,
school names, spelled dates), each one scanning the whole text. Many of those patterns need
one of a few literal strings somewhere in the text ("county", "parish", ...; "school",
"elementary", ...), or a digit. `literal_gate` and `needs_digit` read those requirements off the
pattern itself, so they follow every edit of the pattern: a text without any of the strings (or
without a digit) cannot match, and the pattern is not run on it (the same findings, by
construction).

The requirements are read from the pattern's parse tree (the standard library's `re` parser,
which reads the `regex` module's syntax the same way for everything it accepts; a group name
used twice, which only `regex` allows, is read as an unnamed group): literal characters in
sequence, small classes of literal characters and optional parts of fixed strings (whose
strings multiply out: "licen[cs]e" needs "licence" or "license", "gardens?" "garden"), groups,
repeats of at least one, alternations (one string from every branch) and what a positive
lookaround needs (it is in the text, if not in the match). Negative lookarounds, other classes
and anything the parser does not accept contribute nothing; when no requirement is found the
pattern always runs. The strings are compared lower-cased: in an ASCII text case-insensitive
matching of an ASCII letter is exactly lower-case equality, and in any other text too once the
four characters the `regex` module matches to an ASCII letter are read as it
(`gate_reading.ASCII_FOLDS`: "İ", "ı", "ſ", the Kelvin sign). A string with a character that matches no
ASCII character ("年", "ß") is in no ASCII text, and is taken as present in any other. A digit
is looked for in every text (`\\d` in the pattern and the test are the `regex` module's, any
script's digit).
"""

from __future__ import annotations

import re
import warnings
from functools import lru_cache
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import regex

Gate = tuple[str, ...]
# The most strings a requirement is kept as. The gates look for a text's strings through an
# index of their first three characters (`base.ClinicalPatternRecognizer`), so a long list
# costs about what the few strings that begin like the text's words cost: month names of two
# dozen languages, street types and identifier labels are worth their lists (issue 13; at 48,
# the limit before that index, they ran on every text with a digit).
MAX_STRINGS = 400
# The most strings a part of a pattern is spelt out as ("licen[cs]e": two) before it is read as
# needing only what it contains.
MAX_SPELLINGS = 48
# A class of at most this many literal characters is spelt out character by character.
MAX_CLASS = 4
_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.ASCII | re.UNICODE
# `\p{L}`, `\P{Lu}` (the `regex` module's properties): one character of some class, which is
# all the requirements need to know; `re` has no such escape, so it reads as `\S` here (a class
# that is neither a literal nor a digit).
_PROPERTY = re.compile(r"(?<!\\)((?:\\\\)*)\\[pP]\{[^}]*\}")
# Named groups read as unnamed ones (same numbering) and references to them as any one
# character (no literal, no digit: what a back-reference tells the requirements): `re` refuses
# a name given twice, which `regex` allows ("(?P<v>a)|(?P<v>b)").
_NAMED_GROUP = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P<\w+>")
_NAMED_REF = re.compile(r"(?<!\\)((?:\\\\)*)\(\?P=\w+\)")
_ASCII = "".join(chr(c) for c in range(128))
_DIGITS = frozenset(range(ord("0"), ord("9") + 1))

Spelt = frozenset[str] | None  # every match of the part is one of these strings
Need = frozenset[str] | None  # every text the part matches in holds one of these strings


def literal_gate(pattern: str, flags: int = 0) -> Gate | None:
    """Lower-cased strings one of which every text `pattern` matches in contains, or None."""
    tree = _tree(pattern, flags)
    if tree is None:
        return None
    _, need = _sequence(list(tree))
    if not need:
        return None
    # "county" already covers "county," and "co.unty"
    return tuple(sorted(_minimal(need), key=lambda s: (len(s), s)))


def literal_needs(pattern: str, flags: int = 0) -> tuple[Gate, ...]:
    """Every requirement `pattern` has, each as `literal_gate` gives its best one: a text it
    matches in holds one string of each. A pattern's parts in sequence are each needed ("pin"
    somewhere, then a "?" and a line break), so a text may hold one requirement and not
    another; the fewest, most selective first, none implied by another."""
    tree = _tree(pattern, flags)
    if tree is None:
        return ()
    needs = {_minimal(n) for n in _all_sequence(list(tree)) if n and len(n) <= MAX_STRINGS}
    # a requirement whose every string holds one of another's is the stronger: drop the other
    kept = [
        n
        for n in needs
        if not any(m != n and all(any(s in t for s in n) for t in m) for m in needs)
    ]
    ordered = sorted(kept, key=lambda n: (-min(map(len, n)), len(n), sorted(n)))
    return tuple(tuple(sorted(n, key=lambda s: (len(s), s))) for n in ordered)


def _all_sequence(items: list[tuple[Any, Any]]) -> list[frozenset[str]]:
    """Every requirement of a sequence of parts: each part's, and each run of spelt parts'."""
    found: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    for op, arg in items:
        spelt, need = _item(op, arg)
        found.extend(_all_item(op, arg, need))
        if spelt is None:
            found.extend(_kept(_as_need(run)))
            run = frozenset({""})
            continue
        product = frozenset(a + b for a in run for b in spelt)
        if len(product) > MAX_SPELLINGS:
            found.extend(_kept(_as_need(run)))
            run = spelt
        else:
            run = product
    found.extend(_kept(_as_need(run)))
    return found


def _all_item(op: Any, arg: Any, need: Need) -> list[frozenset[str]]:
    """A part's own requirements: its parts' in sequence where all of them are needed (a group,
    a repeat of at least one, a positive lookaround), else the one `_item` reads."""
    if op is sre.SUBPATTERN:
        return _all_sequence(list(arg[3]))
    if op is sre.ATOMIC_GROUP:
        return _all_sequence(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
        return _all_sequence(list(arg[2]))
    if op is sre.ASSERT:
        return _all_sequence(list(arg[1]))
    return _kept(need)


def _kept(need: Need) -> list[frozenset[str]]:
    return [need] if need else []


def needs_digit(pattern: str, flags: int = 0) -> bool:
    """Whether every match of `pattern` holds a digit (or a lookaround of it needs one)."""
    return digit_run(pattern, flags) > 0


def digit_run(pattern: str, flags: int = 0) -> int:
    """The most digits in a row that every text `pattern` matches in must hold ("\\d{3}-\\d{4}":
    4, "\\d{1,2}\\d{2}": 3), 0 if none: a text whose longest run of digits is shorter cannot
    match."""
    tree = _tree(pattern, flags)
    return 0 if tree is None else _digit_sequence(list(tree))[2]


def _tree(pattern: str, flags: int) -> Any:
    if flags & ~_FLAGS:
        return None  # a `regex`-only flag (FULLCASE, VERSION1, ...): its syntax may differ
    source = _PROPERTY.sub(r"\1\\S", pattern)
    source = _NAMED_REF.sub(r"\1(?:.)", _NAMED_GROUP.sub(r"\1(", source))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a nested set ("[[:alpha:]]") warns in `re`: give up
        try:
            return _parser.parse(source, flags & _FLAGS)
        except Exception:  # any syntax `re` does not share: no gate, the pattern always runs
            return None


def _better(a: Need, b: Need) -> Need:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if not a:
        return b or None
    if not b:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _minimal(strings: frozenset[str] | set[str]) -> frozenset[str]:
    """The same requirement in fewest strings: a text that holds "med" is one "medical" needs."""
    kept: list[str] = []
    for s in sorted(strings, key=lambda s: (len(s), s)):
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _limited(strings: set[str]) -> Need:
    need = _minimal(strings)
    return need if len(need) <= MAX_STRINGS else None


def _as_need(spelt: frozenset[str]) -> Need:
    if "" in spelt:
        return None
    need = _minimal(spelt)
    return need if len(need) <= MAX_STRINGS else None


def _sequence(items: list[tuple[Any, Any]]) -> tuple[Spelt, Need]:
    best: Need = None
    run: frozenset[str] = frozenset({""})  # the spellings of the current run of spelt parts
    whole = True  # every part so far spelt out, and the run never cut
    for op, arg in items:
        spelt, need = _item(op, arg)
        best = _better(best, need)
        if spelt is None:
            best = _better(best, _as_need(run))
            run, whole = frozenset({""}), False
            continue
        product = frozenset(a + b for a in run for b in spelt)
        if len(product) > MAX_SPELLINGS:
            best = _better(best, _as_need(run))
            run, whole = spelt, False
        else:
            run = product
    best = _better(best, _as_need(run))
    return (run if whole else None), best


def _char(code: int) -> str | None:
    """A literal character as the gate compares it: ASCII lower-cased; another character only
    if no ASCII character matches it case-insensitively (the Kelvin sign matches "k")."""
    c = chr(code)
    if c.isascii():
        return c.lower()
    return c if _ascii_free(c) else None


@lru_cache(maxsize=4096)
def _ascii_free(c: str) -> bool:
    return regex.search(regex.escape(c), _ASCII, flags=regex.IGNORECASE) is None


def _item(op: Any, arg: Any) -> tuple[Spelt, Need]:
    if op is sre.LITERAL:
        c = _char(arg)
        return (None, None) if c is None else (frozenset({c}), None)
    if op is sre.IN:
        chars = [_char(a) if o is sre.LITERAL else None for o, a in arg]
        if len(chars) > MAX_CLASS or any(c is None for c in chars):
            return None, None
        return frozenset(c for c in chars if c is not None), None
    if op is sre.SUBPATTERN:
        return _sequence(list(arg[3]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, body = arg
        spelt, need = _sequence(list(body))
        if low == 0:
            if high == 1 and spelt is not None:
                return spelt | {""}, None  # "gardens?": "garden" or "gardens"
            return None, None
        if low == high == 1:
            return spelt, need
        return None, need
    if op is sre.BRANCH:
        spellings: set[str] = set()
        needs: set[str] = set()
        all_spelt = all_need = True
        for branch in arg[1]:
            spelt, need = _sequence(list(branch))
            if spelt is None:
                all_spelt = False
            else:
                spellings |= spelt
            if need is None:
                all_need = False  # a branch that needs no string: the alternation needs none
            else:
                needs |= need
        return (
            frozenset(spellings) if all_spelt and len(spellings) <= MAX_SPELLINGS else None,
            _limited(needs) if all_need else None,
        )
    if op is sre.AT:
        return frozenset({""}), None  # an anchor or word boundary: matches no character
    if op is sre.ASSERT:
        _, body = arg
        return frozenset({""}), _sequence(list(body))[1]  # in the text, if not in the match
    if op is sre.ASSERT_NOT:
        return frozenset({""}), None
    return None, None  # a wider class, a back-reference, `.`: no string required


# Of a part of a pattern: (every character it matches is a digit, the fewest characters it
# matches, the most digits in a row that any match of it holds or its lookarounds need)
Digits = tuple[bool, int, int]
_NOT_DIGITS: Digits = (False, 0, 0)
_ZERO_WIDTH: Digits = (True, 0, 0)  # matches no character: a run of digits goes on through it


def _digit_sequence(items: list[tuple[Any, Any]]) -> Digits:
    every, least, best, run = True, 0, 0, 0
    for op, arg in items:
        digits, length, inner = _digit_item(op, arg)
        best = max(best, inner)
        if digits:
            run += length
            least += length
        else:
            every, run = False, 0
        best = max(best, run)
    return every, least, best


def _digit_item(op: Any, arg: Any) -> Digits:
    if op is sre.IN:
        return (True, 1, 1) if arg and all(_digit_member(o, a) for o, a in arg) else _NOT_DIGITS
    if op is sre.LITERAL:
        return (True, 1, 1) if arg in _DIGITS else _NOT_DIGITS
    if op is sre.SUBPATTERN:
        return _digit_sequence(list(arg[3]))
    if op is sre.ATOMIC_GROUP:
        return _digit_sequence(list(arg))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, body = arg
        digits, length, inner = _digit_sequence(list(body))
        if low == 0:
            return digits, 0, 0
        return digits, low * length, max(inner, low * length if digits else 0)
    if op is sre.BRANCH:
        branches = [_digit_sequence(list(b)) for b in arg[1]]
        return (
            all(d for d, _, _ in branches),
            min(n for _, n, _ in branches),
            min(b for _, _, b in branches),
        )
    if op is sre.ASSERT:
        return True, 0, _digit_sequence(list(arg[1]))[2]  # in the text, if not in the match
    if op in (sre.AT, sre.ASSERT_NOT):
        return _ZERO_WIDTH
    return _NOT_DIGITS


def _digit_member(op: Any, arg: Any) -> bool:
    if op is sre.CATEGORY:
        return arg is sre.CATEGORY_DIGIT
    if op is sre.LITERAL:
        return arg in _DIGITS
    if op is sre.RANGE:
        return arg[0] in _DIGITS and arg[1] in _DIGITS
    return False
