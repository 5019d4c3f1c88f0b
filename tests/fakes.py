"""Test doubles shared by handler, pipeline and scenario tests (never imported by bot/).

`FakeEngine` has `TextEngine`'s API with a few regexes, so app tests do not depend on the NLP
model; scenario tests use the real engine when it is available (see tests/scenario/conftest.py).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from bot.detect.staff import StaffDirectory
from bot.detect.types import Finding, Kind, ScanResult, Verdict

_PATTERNS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (Kind.ID, re.compile(r"\bMRN[:#\s]*\d{5,10}\b")),
    (Kind.NAME, re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.? [A-Z][a-z]+(?: [A-Z][a-z]+)?\b")),
    (
        Kind.DATE,
        re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b(?:today|yesterday|last night)\b", re.I),
    ),
    (Kind.AGE, re.compile(r"\b\d{1,3}[- ]?(?:yo|year[- ]old)\b", re.I)),
    (Kind.CONTACT, re.compile(r"\b\d{3}-\d{3}-\d{4}\b")),
)
_DIRECT = {Kind.ID, Kind.NAME, Kind.CONTACT}


class FakeEngine:
    """Regex stand-in for `bot.detect.engine.TextEngine` (scan/redact; no staff names)."""

    calls = 0

    def use_staff(self, staff: StaffDirectory) -> None:
        """No name recognizer here, so no staff to read."""

    def scan(self, text: str) -> ScanResult:
        FakeEngine.calls += 1
        if "EXPLODE" in text:
            raise RuntimeError("detector failure requested by the test")
        if "HANG-MARK:" in text:  # says it has started (touches the file named), then hangs
            Path(text.split("HANG-MARK:", 1)[1].split()[0]).touch()
        if "HANG" in text:  # a scan that would never finish in time
            time.sleep(60)
        if "DIE-ALWAYS" in text:  # the process dies under the job (as kill -9 or an OOM kill)
            os._exit(137)
        if "DIE-ONCE:" in text:  # dies the first time only: a marker file remembers
            marker = Path(text.split("DIE-ONCE:", 1)[1].split()[0])
            if not marker.exists():
                marker.touch()
                os._exit(137)
        findings = sorted(
            (
                Finding(m.start(), m.end(), kind, 0.9, "fake")
                for kind, rx in _PATTERNS
                for m in rx.finditer(text)
            ),
            key=lambda f: f.start,
        )
        kinds = {f.kind for f in findings}
        if kinds & _DIRECT or len(kinds) >= 2:
            verdict = Verdict.PHI
        elif kinds:
            verdict = Verdict.LOW
        else:
            verdict = Verdict.CLEAN
        return ScanResult(verdict=verdict, findings=tuple(findings))

    def redact(self, text: str, result: ScanResult | None = None) -> str:
        result = result or self.scan(text)
        out = text
        for f in sorted(result.findings, key=lambda f: f.start, reverse=True):
            out = out[: f.start] + f"[{f.kind}]" + out[f.end :]
        return out
