"""A workspace's own vocabulary, applied to a scan's findings: words that are not names, and
the workspace's institutions.

Admins build it from false-positive reports (`/phi terms add not-a-name "Grace Kelly"` for a
ward named after a person, `/phi terms add institution "St Elsewhere"`). It is a value passed
with each scan, so every scan process uses the workspace's current list at once and no other
workspace's: nothing about it is kept in the engine. Applying it is pure: a NAME found inside
an occurrence of a not-a-name term is dropped; an occurrence of an institution becomes an
institution finding (a place, a weak quasi-identifier) in place of any name found there; then
the combination rule runs again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.detect.types import Finding, Kind, ScanResult
from bot.detect.verdict import post_verdict

RECOGNIZER = "WorkspaceVocabulary"
MAX_TERM_CHARS = 80


def normalise(term: str) -> str:
    """How a term is stored and compared: NFC, single spaces, case-folded."""
    return " ".join(unicodedata.normalize("NFC", term).split()).casefold()


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """One workspace's terms, normalised (`normalise`)."""

    not_names: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.not_names or self.institutions)

    def __repr__(self) -> str:  # terms are admin-chosen words, but keep logs to counts
        return f"Vocabulary(not_names={len(self.not_names)}, institutions={len(self.institutions)})"


def _occurrences(text: str, terms: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    folded = text.casefold()
    for term in terms:
        words = [re.escape(w) for w in term.split()]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)")
        spans.extend((m.start(), m.end()) for m in pattern.finditer(folded))
    return spans


def apply_vocabulary(text: str, result: ScanResult, vocabulary: Vocabulary | None) -> ScanResult:
    """`result` with the workspace's vocabulary applied (unchanged without one).

    Offsets stay valid because case-folding is only used where it keeps the length; a text
    where it does not ("ß") is matched on its original case-folded form, span for span.
    """
    if not vocabulary or (not result.findings and not vocabulary.institutions):
        return result
    if len(text.casefold()) != len(text):
        return result  # offsets would not line up; leave the detector's answer as it is
    not_names = _occurrences(text, vocabulary.not_names)
    places = _occurrences(text, vocabulary.institutions)

    def inside(f: Finding, spans: list[tuple[int, int]]) -> bool:
        return any(start <= f.start and f.end <= end for start, end in spans)

    def overlaps(f: Finding, spans: list[tuple[int, int]]) -> bool:
        return any(f.start < end and start < f.end for start, end in spans)

    kept = [
        f
        for f in result.findings
        if not (f.kind is Kind.NAME and (inside(f, not_names) or overlaps(f, places)))
    ]
    for start, end in places:
        if not any(f.start <= start and end <= f.end and f.kind is Kind.LOCATION for f in kept):
            kept.append(Finding(start, end, Kind.LOCATION, 1.0, RECOGNIZER, "INSTITUTION"))
    if kept == list(result.findings):
        return result
    kept.sort(key=lambda f: (f.start, f.end))
    return ScanResult(post_verdict(text, kept), tuple(kept))
