"""De-identified text for the redact action: placeholders by kind, ages as ranges.

Ages keep their meaning without identifying: "67yo M" becomes "60s M", "92-year-old" becomes
"90+", "8 mo" becomes "infant". Everything else becomes `[NAME]`, `[DATE]`, `[ID]`, ...
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from bot.detect.recognizers.ages_spelled import spelled_age
from bot.detect.types import Finding, Kind

_AGE_LABEL = re.compile(r"((?:ages|aged?):?\s*)", re.IGNORECASE)
_AGE = re.compile(r"(\d{1,3})\s*-?\s*([a-z./]*)", re.IGNORECASE)
_SEX = re.compile(r"(?:\b|\d)(m|f|male|female|man|woman|boy|girl)\s*$", re.IGNORECASE)
_INFANT_UNITS = ("mo", "wk", "week", "month", "d", "day", "hr", "hour")


def age_range(value: str) -> str:
    """ "67yo" -> "60s"; over 89 -> "90+"; under a year -> "infant"; keeps a trailing sex marker."""
    label = _AGE_LABEL.match(value)
    if label:
        return str(label.group(1)) + age_range(value[label.end() :])
    match = _AGE.search(value)
    if match is None:
        spelled = spelled_age(value)  # "ninety-two years old" reads as "92 years old"
        return "[AGE]" if spelled is None else age_range(f"{spelled} years old")
    years = int(match.group(1))
    unit = match.group(2).lower()
    sex = _SEX.search(value)
    suffix = f" {sex.group(1).upper() if len(sex.group(1)) == 1 else sex.group(1)}" if sex else ""
    if (
        unit.startswith(_INFANT_UNITS)
        and not unit.startswith(("m ", "m/"))
        and unit not in {"m", "male"}
    ):
        label = (
            "infant"
            if unit.startswith(("d", "wk", "week", "hr", "hour")) or years < 12
            else "toddler"
        )
    elif years > 89:
        label = "90+"
    elif years < 10:
        label = "child"
    elif years < 20:
        label = "teen"
    else:
        label = f"{years // 10 * 10}s"
    return label + suffix


def redact_text(text: str, findings: Iterable[Finding]) -> str:
    """`text` with each finding replaced; findings must not overlap (the engine merges them)."""
    out: list[str] = []
    cursor = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < cursor:
            continue
        out.append(text[cursor : finding.start])
        value = text[finding.start : finding.end]
        out.append(age_range(value) if finding.kind is Kind.AGE else f"[{finding.kind}]")
        cursor = finding.end
    out.append(text[cursor:])
    return "".join(out)
