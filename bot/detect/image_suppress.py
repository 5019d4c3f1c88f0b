"""Text-engine findings that are overlay chrome, not PHI: each finding is cut at line breaks and
stripped of label words ("MRN: 123" -> "123", "Ross DNR" -> "Ross"), then dropped when what is
left is technique labels, vitals, a clock time, a study description, a ruler run or a device
preset, which must stay legible (W/L, kVp, "120/80", "XR CHEST PA", "630P630").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.detect.image_dates import counting, dateish
from bot.detect.image_vocab import (
    LABEL_WORDS,
    TECH_WORDS,
    series_label,
    technique_code,
    vocabulary_only,
)
from bot.detect.types import Finding, Kind

_LEADING_LABEL = re.compile(r"^((?:[A-Za-z0-9]+\.?\s*[:#]?\s*))(?=\S)")
# A number, one to three letters, the same number or another short one (GE presets "630P630",
# "44CG43"), or a
# measurement unit glued to digits: settings read off an ultrasound screen, not identifiers.
_DEVICE_CODE = re.compile(
    r"^(?:(\d+)[A-Za-z]{1,3}\1|\d{1,3}[A-Za-z]{1,3}\d{1,3})$|\d(?:cm|mm|hz|khz|mhz|db|fps|bpm)(?![a-z])",
    re.IGNORECASE,
)
_TIME = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:am|pm)?\s*$", re.IGNORECASE)
_NUMERIC = re.compile(r"^[\d\s./:%()+-]+$")


def trim_label(text: str, f: Finding) -> Finding:
    """Move a finding's start past a leading label word ("Bed 12" -> "12", "MRN: 123" -> "123")."""
    span = text[f.start : f.end]
    m = _LEADING_LABEL.match(span)
    if m and m.group(1).strip(" .:#").lower() in LABEL_WORDS and m.end(1) < len(span):
        return Finding(f.start + m.end(1), f.end, f.kind, f.score, f.recognizer, f.subtype)
    return f


_EMBEDDED_LABEL = re.compile(
    r"(?:(?<![A-Za-z])(?:MRN|D[O0]B|PID|ACC|Acc|AcC|ID|Bed|BED|Adm|Coll|Rm)|(?<=[A-Z])(?:Bed|Acc|Adm|Coll|Rm))[:#]?",
)


def carve_labels(text: str, f: Finding) -> list[Finding]:
    """Cut label words out of a finding ("MRN776861DOB10-Feb-1991" -> the number and the date)."""
    pieces: list[Finding] = []
    start = f.start
    for m in _EMBEDDED_LABEL.finditer(text, f.start, f.end):
        if m.start() > start:
            pieces.append(Finding(start, m.start(), f.kind, f.score, f.recognizer, f.subtype))
        start = max(start, m.end())
    if start < f.end:
        pieces.append(Finding(start, f.end, f.kind, f.score, f.recognizer, f.subtype))
    return [p for p in pieces if text[p.start : p.end].strip(" ,.:#")]


def trim_trailing(text: str, f: Finding) -> Finding:
    """Drop trailing label or flag words ("Ross DNR", "SERRANO, DAVID Bed") from a finding."""
    end = f.end
    while True:
        m = re.search(r"[\s,]+([A-Za-z.]{2,})[:#]?\s*$", text[f.start : end])
        if not m or m.start() == 0 or m.group(1).lower() not in (TECH_WORDS | LABEL_WORDS):
            break
        end = f.start + m.start()
    while end > f.start and text[end - 1] in " ,":
        end -= 1
    return f if end == f.end else Finding(f.start, end, f.kind, f.score, f.recognizer, f.subtype)


def split_lines(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Cut findings at line breaks: each overlay line is judged (and trimmed) on its own."""
    out: list[Finding] = []
    for f in findings:
        start = f.start
        while start < f.end:
            nl = text.find("\n", start, f.end)
            end = f.end if nl < 0 else nl
            if end > start and text[start:end].strip():
                lead = len(text[start:end]) - len(text[start:end].lstrip())
                out.append(Finding(start + lead, end, f.kind, f.score, f.recognizer, f.subtype))
            start = end + 1
    return out


def suppress_technical(text: str, findings: Iterable[Finding]) -> list[Finding]:
    """Drop text-engine findings that are technique labels, vitals or clock times.

    Findings are first cut at line breaks and stripped of leading labels.
    """
    kept: list[Finding] = []
    pieces = [
        trim_trailing(text, trim_label(text, c))
        for p in split_lines(text, findings)
        for c in carve_labels(text, p)
    ]
    for f in pieces:
        span = text[f.start : f.end].strip()
        words = [w for w in re.split(r"[\s:=]+", span.lower()) if w]
        if not words or _TIME.match(span) or all(w in TECH_WORDS for w in words):
            continue
        if f.kind in (Kind.NAME, Kind.LOCATION) and vocabulary_only(span):
            continue  # "KNEE LT", "XR CHEST PA": a study description, not a person or place
        if f.kind is not Kind.NAME and technique_code(span):
            continue  # "kVp120mAs200": technique labels and values the OCR ran together
        if f.kind is not Kind.NAME and series_label(span):
            continue  # "543CORMPR": a series panel's "Se 3 COR MPR", photographed
        if _NUMERIC.match(span) and any(counting(w) for w in words):
            continue  # ruler labels read as one number: "1011121314"
        if f.kind in (Kind.DATE, Kind.AGE) and _NUMERIC.match(span) and not dateish(span):
            continue  # "120/80", "45/120", a bare "72": vitals and counters, not dates or ages
        if f.kind in (Kind.NAME, Kind.LOCATION) and _NUMERIC.match(span):
            continue  # a lone number is not a name or a place
        if f.kind is Kind.ID and _DEVICE_CODE.search(span):
            continue  # ultrasound presets and probe codes: "630P630", "78DR78", "3cm3cm_8M12L"
        kept.append(f)
    return kept
