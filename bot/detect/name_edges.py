"""A patient's name reaches as far as it is written: honorific before, post-nominals after.

The name recognizer finds "Stewart Bell"; forms and letters write "Mr Stewart Bell",
"Ing. Ingbert Hesse B.A.", "Leila Koch II", "Rita Perry-Clark". Redacting only the core leaves
"Mr [NAME]" (harmless) but also "[NAME] B.A." or "[NAME] Perry-Clark" (a degree, a second
surname). So a direct NAME finding is widened over the honorifics right before it and over a
double-barrelled surname, generational suffix or degree right after it. A practitioner's name
("Dr. Okafor", subtype PRACTITIONER) keeps its title visible: the reader needs to know who
acted, and the title is what made it a practitioner's.
"""

from __future__ import annotations

import regex as re

from bot.detect.types import Finding, Kind

_HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Mx|Mstr|Herr|Frau|Hr|Fr|Sr|Sra|Srta|Sig|Sig\.ra|Mme|Mlle|M|"
    r"Dr|Dra|Prof|Univ\.\s?-?Prof|Univ|Ing|Dipl\.-Ing|Dipl\.-Kfm|Mag|Lic|Pfr|Rev|Sir|Dame|Dott|Dott\.ssa|Avv|Arch|Geom|Rag|Srita|Sta|Sto|Pan|Pani)"
)
_BEFORE = re.compile(rf"(?:(?<![\w.]){_HONORIFIC}\.?\s*)+$")
_POST_NOMINAL = (
    r"(?:Jr|Sr|II|III|IV|MD|M\.D|PhD|Ph\.D|MBA|B\.A|B\.Sc|BSc|M\.Sc|MSc|B\.Eng|M\.Eng|B\.Ed|M\.A"
    r"|RN|NP|PA-C|DDS|DMD|Esq|MPH|LL\.M|LL\.B|Dipl\.-Ing|MBBS|FRCP)"
)
_AFTER = re.compile(
    rf"(?:(?:\s+\p{{Lu}}[\p{{Ll}}\p{{M}}']+-\p{{Lu}}[\p{{Ll}}\p{{M}}']+)?(?:,?\s+{_POST_NOMINAL}\.?(?![\w-]))*)"
)
_WINDOW = 40


def widen_names(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` with each direct NAME finding stretched over its written edges."""
    out = []
    for f in findings:
        if f.kind is not Kind.NAME or f.subtype == "PRACTITIONER":
            out.append(f)
            continue
        start, end = f.start, f.end
        before = _BEFORE.search(text[max(0, start - _WINDOW) : start])
        if before is not None:
            start -= len(before.group())
        after = _AFTER.match(text, end, min(len(text), end + _WINDOW))
        if after is not None:
            end = after.end()
        out.append(Finding(start, end, f.kind, f.score, f.recognizer, f.subtype))
    return out
