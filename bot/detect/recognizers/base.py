"""Shared plumbing for phiwarden's pattern recognizers.

Presidio's `PatternRecognizer` only shows `validate_result` the matched text. Clinical chat
needs the neighbourhood too ("3/6" is a date after "seen on", a murmur grade before "murmur"),
so `ClinicalPatternRecognizer.refine` sees the whole text and may drop a match, rescore it, or
give it a `subtype` the verdict reads. Context words are checked here on raw text rather than by
Presidio's lemma enhancer, because the engine runs spaCy without the lemmatizer for speed.
"""

from __future__ import annotations

from typing import Any, ClassVar

import regex as re
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

from bot.detect.recognizers.gate_reading import (
    GRAM,
    has_digit,
    holds_all,
    longest_digit_run,
    lowered,
)
from bot.detect.recognizers.literal_gate import digit_run, literal_gate, literal_needs

SUBTYPE_KEY = "subtype"
PATTERN_KEY = "pattern"
VALUE_GROUP = "v"
_WORD = re.compile(r"[\w'’#./-]+")


_CLAUSE = re.compile(r"[,;()|\n]")


def words_before(text: str, start: int, n: int = 3, span: int = 40) -> list[str]:
    """Up to `n` lower-cased words of the same clause ending right before `start`, nearest last."""
    window = _CLAUSE.split(text[max(0, start - span) : start])[-1]
    return [w.lower().strip(".:;,") for w in _WORD.findall(window)][-n:]


def words_after(text: str, end: int, n: int = 3, span: int = 40) -> list[str]:
    """Up to `n` lower-cased words of the same clause starting right after `end`, nearest first."""
    window = _CLAUSE.split(text[end : end + span])[0]
    return [w.lower().strip(".:;,") for w in _WORD.findall(window)][:n]


def set_subtype(result: RecognizerResult, subtype: str) -> RecognizerResult:
    result.recognition_metadata[SUBTYPE_KEY] = subtype
    return result


def pattern_name(result: RecognizerResult) -> str:
    """Name of the pattern that produced `result` (its strength is in the name)."""
    return str((result.recognition_metadata or {}).get(PATTERN_KEY, ""))


def outermost(results: list[RecognizerResult]) -> list[RecognizerResult]:
    """`results` without those another holds: a word of a phrase ("jam" of "jam before
    cream"), a reading inside a longer one ("charlie one zero one" of "C for charlie one zero
    one"); of the same span twice, the first."""
    return [
        r
        for i, r in enumerate(results)
        if not any(
            o.start <= r.start and r.end <= o.end and (o.end - o.start > r.end - r.start or j < i)
            for j, o in enumerate(results)
            if j != i
        )
    ]


def get_subtype(result: RecognizerResult) -> str:
    meta = result.recognition_metadata or {}
    return str(meta.get(SUBTYPE_KEY, ""))


class ClinicalPatternRecognizer(PatternRecognizer):
    """A `PatternRecognizer` whose matches are refined with the surrounding text.

    Subclasses set `ENTITY`, `PATTERNS`, `CONTEXT` (lower-case words that raise the score
    when they occur just before a match) and `SUBTYPE`, and may override `refine`. A pattern
    with a named group `v` reports only that group ("MRN 123" -> "123"): cheaper than a
    variable-length lookbehind, which the regex engine would try at every position.

    `SKIP_WHEN_IDLE` declares that the recognizer finds nothing on a text none of its patterns
    may match (`gate_index.GateIndex.idle`), so the engine need not ask it there. This class's
    `analyze` reports only pattern matches; a subclass that overrides `analyze` is asked on
    every text unless it declares the flag itself (its `analyze` only reads the matches, as
    `dates`, `cued_addresses`, `spoken_ids` and `verbal_secrets` do).
    """

    ENTITY: ClassVar[str] = ""
    PATTERNS: ClassVar[list[Pattern]] = []
    CONTEXT: ClassVar[list[str]] = []
    SUBTYPE: ClassVar[str] = ""
    # Every pattern needs a digit: a text without one is skipped before any regex runs.
    NEEDS_DIGIT: ClassVar[bool] = False
    # What, by pattern name, a text must hold (a regex, searched in the whole text) for `refine`
    # to keep any match of that pattern ("generated_letters_medium": a lower-case letter before
    # a capital). On a text without it every match would be dropped, so the pattern is not run
    # there: the same findings, by construction, for a scan much cheaper than the pattern's.
    REFINE_NEEDS: ClassVar[dict[str, str]] = {}
    # Patterns looked for backwards first (the `regex` module's REVERSE flag), and run forwards
    # only on a text where that finds a match: a pattern that opens on a long alternation of
    # words and ends on something rare ("\b<month>\s+(?:19|20)\d{2}\b") fails at once,
    # backwards, at every position that does not end like a match. A substring matches a
    # pattern read either way, so the same texts have a match (not so with a back-reference,
    # an atomic group or a possessive repeat, which `_backwards` refuses).
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset()
    CONTEXT_BOOST: ClassVar[float] = 0.35
    CONTEXT_WINDOW: ClassVar[int] = 3
    FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.IGNORECASE
    SKIP_WHEN_IDLE: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "analyze" in vars(cls) and "SKIP_WHEN_IDLE" not in vars(cls):
            cls.SKIP_WHEN_IDLE = False  # its own `analyze` may find what no pattern matched

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_entity: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity or self.ENTITY,
            name=name or type(self).__name__,
            patterns=[Pattern(p.name, p.regex, p.score) for p in (patterns or self.PATTERNS)],
            context=list(context if context is not None else self.CONTEXT),
            global_regex_flags=self.FLAGS,
        )
        self._context_set = frozenset(self.context or ())
        self._name: str = name or type(self).__name__
        flags = self.FLAGS
        # Each pattern with the strings one of which it needs and the most digits in a row it
        # needs (`literal_gate`): on a text without them the pattern cannot match and is not run.
        self._compiled: list[tuple[str, float, Any, frozenset[str] | None, int]] = [
            (
                p.name,
                p.score,
                re.compile(p.regex, flags=flags),
                _gate(p.regex, flags),
                digit_run(p.regex, flags),
            )
            for p in (patterns or self.PATTERNS)
        ]
        # Every gate's ASCII strings, looked for once per text in the text as `lowered` reads
        # it. Those of three characters or more are filed by their first three, and only those
        # filed under one of the text's three-character runs are looked for (one `in` each, in
        # C): most are not, and a string the text holds begins with one of its runs.
        strings = {s for *_, g, _ in self._compiled for s in g or () if s.isascii()}
        # A string with another character is in no ASCII text; in any other text it is taken as
        # present (ignoring case, such a character may match others than its lower case), so
        # its pattern runs there.
        self._gate_wide = frozenset(
            s for *_, g, _ in self._compiled for s in g or () if not s.isascii()
        )
        self._gate_short = tuple(sorted(s for s in strings if len(s) < GRAM))
        index: dict[str, list[str]] = {}
        for s in sorted(strings):
            if len(s) >= GRAM:
                index.setdefault(s[:GRAM], []).append(s)
        self._gate_index = {gram: tuple(found) for gram, found in index.items()}
        self._gate_grams = frozenset(index)
        self._gated = any(g is not None for *_, g, _ in self._compiled)
        # A pattern's other requirements beside its gate ("?" or "please", and a line break,
        # besides the label of a question's answer): a text the mask lets through must hold one
        # string of each too, or the pattern is not run there (`_masks` files them per pattern).
        named = [p.name for p in patterns or self.PATTERNS]
        self._needs_of = {
            p.name: _also_needs(p.regex, flags, g)
            for p, (*_, g, _) in zip(patterns or self.PATTERNS, self._compiled, strict=True)
            if named.count(p.name) == 1  # (a name given twice: neither is read by name)
        }
        self._also: list[tuple[tuple[tuple[str, ...], bool], ...]] = []
        self._masks_of: list[Any] | None = None
        # (the `GateIndex` that reads this recognizer's gates with others', its place there)
        self._shared_gates: tuple[Any, int] | None = None
        self._ungated = 0
        self._lets: dict[str, int] = {}
        self._digit_bits: list[tuple[int, int]] = []
        self._refine_needs = {name: re.compile(need) for name, need in self.REFINE_NEEDS.items()}
        unknown = self.BACKWARDS_FIRST - {p.name for p in patterns or self.PATTERNS}
        if unknown:
            raise ValueError(f"BACKWARDS_FIRST names no pattern: {sorted(unknown)}")
        for p in patterns or self.PATTERNS:
            if p.name in self.BACKWARDS_FIRST:
                if p.name in self._refine_needs:
                    raise ValueError(f"{p.name}: a refine need and a backwards search")
                self._refine_needs[p.name] = _backwards(p.name, p.regex, flags)

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        if self.NEEDS_DIGIT and not has_digit(text):
            return out
        for result in self._matches(text):
            refined = self.refine(text, result)
            if refined is None:
                continue
            if self._context_set and refined.score < 1.0 and self.has_context(text, refined.start):
                refined.score = min(1.0, refined.score + self.CONTEXT_BOOST)
            out.append(refined)
        return out

    def share_gates(self, index: Any, position: int) -> None:
        """Read this recognizer's gates through `index` (a `GateIndex`, which calls this), where
        it is member `position`: one look per text for all its members' gate strings."""
        self._shared_gates = (index, position)

    def _matches(self, text: str) -> list[RecognizerResult]:
        results: list[RecognizerResult] = []
        name = self._name
        if self._masks_of is not self._compiled:
            self._masks()
        shared = self._shared_gates
        runs = None if shared is None else shared[0].runs(text, shared[1], self._compiled)
        if runs is None:
            runs = self._own_runs(text)
        compiled = self._compiled
        while runs:
            low_bit = runs & -runs
            runs ^= low_bit
            pattern_name_, score_, regex, *_ = compiled[low_bit.bit_length() - 1]
            need = self._refine_needs.get(pattern_name_)
            if need is not None and need.search(text) is None:
                continue
            has_group = VALUE_GROUP in regex.groupindex
            for match in regex.finditer(text):
                start, end = match.span(VALUE_GROUP) if has_group else match.span()
                if start < 0 or end <= start:
                    continue
                score = score_
                valid = self.validate_result(text[start:end])
                if valid is False:
                    continue
                if valid:
                    score = 1.0
                results.append(
                    RecognizerResult(
                        entity_type=self.supported_entities[0],
                        start=start,
                        end=end,
                        score=score,
                        analysis_explanation=AnalysisExplanation(
                            name, score, pattern_name=pattern_name_
                        ),
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            PATTERN_KEY: pattern_name_,
                            SUBTYPE_KEY: self.SUBTYPE,
                        },
                    )
                )
        return results

    def _own_runs(self, text: str) -> int:
        """The patterns `text`'s gate strings, other requirements and runs of digits let run,
        as a bit mask over `_compiled`, read by this recognizer alone (`gate_index.GateIndex`
        reads them for all the engine's)."""
        runs = self._gated_runs(text) if self._gated else self._ungated
        for i, also in enumerate(self._also):
            if also and runs >> i & 1 and not holds_all(also, text):
                runs ^= 1 << i
        if self._digit_bits:
            digits = longest_digit_run(text)
            for wants, bits in self._digit_bits:
                if wants > digits:
                    runs &= ~bits
        return runs

    def _gated_runs(self, text: str) -> int:
        runs = self._ungated
        low, grams = lowered(text)
        present = {s for s in self._gate_short if s in low}
        index = self._gate_index
        for gram in grams & self._gate_grams:
            present.update([s for s in index[gram] if s in low])
        if not text.isascii():
            present.update(self._gate_wide)
        lets = self._lets
        for s in present:
            runs |= lets.get(s, 0)
        return runs

    def _masks(self) -> None:
        """The patterns each gate string lets run, and those without a gate, as bit masks over
        `_compiled` (built again when it is replaced): a text's present strings give the
        patterns to try at once, not a test per pattern (most are skipped on most texts)."""
        compiled = self._compiled
        self._ungated = sum(1 << i for i, (*_, g, _) in enumerate(compiled) if g is None)
        lets: dict[str, int] = {}
        for i, (*_, g, _) in enumerate(compiled):
            for s in g or ():
                lets[s] = lets.get(s, 0) | 1 << i
        self._lets = lets
        # a pattern without a gate (or replaced by one without) has no other requirement either
        self._also = [() if g is None else self._needs_of.get(n, ()) for n, *_, g, _ in compiled]
        # the patterns that need a run of more digits than a text has cannot match it: by the
        # run they need, their bits
        wanting: dict[int, int] = {}
        for i, (*_, wants) in enumerate(compiled):
            if wants:
                wanting[wants] = wanting.get(wants, 0) | 1 << i
        self._digit_bits = sorted(wanting.items())
        self._masks_of = compiled

    def has_context(self, text: str, start: int) -> bool:
        """True when one of `CONTEXT` occurs among the few words before `start`."""
        return any(w in self._context_set for w in words_before(text, start, self.CONTEXT_WINDOW))

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        """Drop (None), rescore or subtype a match knowing the whole text."""
        return result


# what may make a pattern match a text read one way and not the other: a back-reference
# (met before its group backwards), an atomic group, a possessive repeat, a conditional, \G
_ONE_WAY = re.compile(r"\\[1-9]|\\g|\\G|\(\?P=|\(\?>|\(\?\(|[*+?]\+|\{\d*,?\d*\}\+")


def _backwards(name: str, pattern: str, flags: int) -> Any:
    """`pattern` compiled to search from the end (`BACKWARDS_FIRST`)."""
    if _ONE_WAY.search(pattern):
        raise ValueError(f"{name}: may match one way only, not to be searched backwards")
    return re.compile(pattern, flags=flags | re.REVERSE)


def _also_needs(
    pattern: str, flags: int, gate: frozenset[str] | None
) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """`pattern`'s requirements other than its gate, each as its ASCII strings and whether it
    holds a string beyond ASCII (taken as present in any text that is not ASCII)."""
    return tuple(
        (tuple(s for s in need if s.isascii()), any(not s.isascii() for s in need))
        for need in literal_needs(pattern, flags)
        if frozenset(need) != gate
    )


def _gate(pattern: str, flags: int) -> frozenset[str] | None:
    gate = literal_gate(pattern, flags)
    return None if gate is None else frozenset(gate)


def wordset(words: str) -> frozenset[str]:
    """A frozenset from a whitespace-separated word list (keeps long lists readable)."""
    return frozenset(words.split())
