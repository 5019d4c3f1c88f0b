"""A patient's name reaches as far as it is written: a second surname, a generational suffix.

The name recognizer finds "Rita" in "Rita Perry-Clark" (a hyphenated word is often a term,
"Jackson-Pratt") and "Leila Koch" in "Leila Koch II". Redacting only that leaves
"[NAME] Perry-Clark" or "[NAME] II". So a direct NAME finding is widened over a double-barrelled
surname right after it (both halves capitalised) and a generational suffix. Honorifics and
degrees ("Mr [NAME]", "[NAME] B.A.") identify nobody and stay; a practitioner's name
(subtype PRACTITIONER) is left as found.
"""

from __future__ import annotations

import regex as re

from bot.detect.types import Finding, Kind

# Generational suffixes only: a degree ("MD", "RN") says a clinician wrote or signed, and an
# honorific ("Mr", "Frau") identifies nobody; both stay visible.
_SUFFIX = r"(?:Jr|JR|Sr|SR|II|III|IV)"  # "TIMOTHY TURNER JR": a form's capitals
_AFTER = re.compile(
    rf"(?:\s+\p{{Lu}}[\p{{Ll}}\p{{M}}']+-\p{{Lu}}[\p{{Ll}}\p{{M}}']+)?(?:,?\s+{_SUFFIX}\.?(?![\w-]))?"
)
_WINDOW = 40


def widen_names(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each direct NAME finding stretched over its written edges."""
    out = []
    for f in findings:
        if f.kind is not Kind.NAME or f.subtype == "PRACTITIONER":
            out.append(f)
            continue
        after = _AFTER.match(text, f.end, min(len(text), f.end + _WINDOW))
        end = after.end() if after is not None else f.end
        out.append(Finding(f.start, end, f.kind, f.score, f.recognizer, f.subtype))
    return out
