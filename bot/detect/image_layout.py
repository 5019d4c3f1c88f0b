"""Layout hints: what PACS overlays, monitor banners and labels say without full sentences.

OCR of an overlay is a stack of short fragments ("DOE, JANE", "ID: 12345678", "67Y M"). A
sentence NER model sees little in them, but the layout conventions are strong: a label and its
value, a "LAST, FIRST" banner line, an age-sex token, a date, an institution name. These hints
add findings on the OCR text. The rest of the overlay reading lives in modules of one purpose
each, re-exported here: `image_vocab` (technique, study and label words), `image_dates` (date
patterns, ruler runs), `image_suppress` (text-engine findings that are really technique labels
or vitals, which must stay legible) and `image_corners` (bare lines of a patient's corner).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.detect.image_corners import corner_value, unlabelled_words
from bot.detect.image_dates import (
    DATE_PATTERNS,
    MONTHS,
    counting,
    looks_like_date,
    month_name_dates,
    valid_date,
)
from bot.detect.image_suppress import (
    carve_labels,
    split_lines,
    suppress_technical,
    trim_label,
    trim_trailing,
)
from bot.detect.image_vocab import (
    LABEL_WORDS,
    STUDY_WORDS,
    TECH_WORDS,
    series_label,
    technique_code,
    vocabulary_only,
)
from bot.detect.types import Finding, Kind

# The names callers and tests import from here; each lives in the module of its purpose.
__all__ = [
    "LABEL_WORDS",
    "RECOGNIZER",
    "STUDY_WORDS",
    "TECH_WORDS",
    "carve_labels",
    "corner_value",
    "layout_hints",
    "month_name_dates",
    "series_label",
    "split_lines",
    "suppress_technical",
    "technique_code",
    "trim_label",
    "trim_trailing",
    "unlabelled_words",
    "vocabulary_only",
]

RECOGNIZER = "ImageLayoutHints"
_FLAGS = re.IGNORECASE | re.MULTILINE
_NAME_TOKEN = r"[A-Za-z][A-Za-z'\-]+"

_LABELS: tuple[tuple[Kind, str, re.Pattern[str]], ...] = (
    (
        Kind.NAME,
        "PATIENT",
        re.compile(
            rf"\b(?:patient\s*name|pt\.?\s*name|patient|pat\.?|pt\.?|name|nm)\s*[:#=]\s*"
            rf"({_NAME_TOKEN}(?:[ ,^~]{{1,2}}{_NAME_TOKEN}){{0,3}})",
            _FLAGS,
        ),
    ),
    (
        Kind.NAME,
        "PRACTITIONER",
        re.compile(
            rf"\b(?:ref(?:e[a-z]{{2,7}})?\.?(?:\s*by)?\s*(?:phys(?:ician)?|md|dr)?|attending|physician|provider|"
            rf"surgeon|perf(?:ormed)?\s*by|tech(?:nologist)?|rn|dr\.?)\s*[:#]?\s*(?:dr\.?\s*)?"
            rf"({_NAME_TOKEN}(?:[ ,^~]{{1,2}}{_NAME_TOKEN}){{0,2}})",
            _FLAGS,
        ),
    ),
    (
        Kind.ID,
        "MRN",
        re.compile(
            r"(?<![A-Za-z])(?:mrn|mr\s?#|mr\s?no\.?|med\s?rec|id|pid|pt\s?id|patient\s?id|acc(?:ession)?\.?(?:\s?(?:no\.?|#|number|num))?|"
            r"acct|account|fin|csn|enc(?:ounter)?|visit|ssn|hic|member|spec(?:imen)?(?:\s?(?:no|#))?|"
            r"lab\s?#|order\s?#|case)\s*[:#=]?\s*(?-i:((?:[A-Z]{1,3}-?)?\d[\d\-/]{3,}\d(?:\s\d{2,})*))",
            _FLAGS,
        ),
    ),
    # The label as photographed ("DO8", "D0B"); after it, a day and year around a month the OCR
    # garbled ("DO8:15-Jd-1955"): the label vouches for the date.
    (
        Kind.DATE,
        "DOB",
        re.compile(
            rf"(?<![A-Za-z])(?:d[o0][b8]|d\.[o0]\.b\.?|birth\s?date|date\s?of\s?birth|born|b)\s*[:#]?\s*"
            rf"(\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{8}}|\d{{1,2}}[\s-]?{MONTHS}[\s,-]*\d{{2,4}}|"
            rf"{MONTHS}\s?\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}-[A-Za-z]{{2,4}}-(?:19|20)\d{{2}})",
            _FLAGS,
        ),
    ),
    (
        Kind.AGE,
        "AGE",
        re.compile(
            r"(?<![A-Za-z])(?:age|pt\s?age)\s*[:#=]\s*(\d{1,3}(?:\s?(?:y|yo|y/o|yrs?|years?|m|mo|months?|d|days?))?)(?![\w/])",
            _FLAGS,
        ),
    ),
    (
        Kind.ROOM,
        "ROOM",
        re.compile(
            r"(?:(?<![A-Za-z])(?:rm|room|bed|bay)|(?-i:Bed|BED|Rm|RM|Room|ROOM|Bay))\s*[:#]?\s*"
            r"(\d{1,4}(?-i:[A-Z](?![A-Za-z]))?(?:[-/]\w{1,3})?)(?!\d)",
            _FLAGS,
        ),
    ),
    (
        Kind.LOCATION,
        "INSTITUTION",
        re.compile(r"\b(?:inst(?:itution)?|hospital|facility|site)\s*[:#]\s*(\S.*)$", _FLAGS),
    ),
)

# "DOE, JANE A" at a line start; "DOE,JANE" anywhere in capitals, even glued to the next word
# ("SERRANO,DAVIDBed12": the capital run stops before a capitalised word); "DOE^JANE^A" (DICOM PN).
_BANNER = re.compile(
    r"^\s*([A-Z][a-z'\-]+,\s?[A-Z][a-z'\-]+(?:\s[A-Z]\.?)?)(?=[^a-z]|$)", re.MULTILINE
)
_CAPS_NAME = re.compile(
    r"(?<![A-Za-z])([A-Z][A-Z0'\-]+[,.]\s?[A-Z][A-Z0'\-]*?[A-Z0](?:\s[A-Z](?![A-Za-z]))?)(?=[A-Z][a-z]|[^A-Za-z]|$)"
)
# DICOM person names, "DOE^JANE": OCR reads the caret as a tilde or sets a space beside it; each
# component starts with a capital, as viewers show them ("Finished^dev" is a misread backtick).
_CARET_NAME = re.compile(
    r"(?<![A-Za-z])([A-Z][A-Za-z'\-]+ ?[\^~] ?[A-Z][A-Za-z'\-]*(?:[\^~][A-Za-z'\-.]*)*)"
)
_AGE_SEX = re.compile(
    r"(?<![\w/.])(\d{1,3}\s?(?:Y|y|yo|YO|y/o|yrs?|YRS?|years?)(?:\s?old)?(?:[\s,/]{0,2}(?:M|F|m|f|male|female|Male|Female)(?![a-z]))?)(?![a-z\d])"
    r"|(?<![\w/])((?:(?:M|F|m|f|male|female)[\s,/]{1,2}|[MF])\d{1,3}\s?(?:Y|y|yo|y/o|yrs?))(?![\w/])"
    # sex and age across a slash with no unit, as viewers write them: "F/84", "M/67", "67/M"
    r"|(?<![\w/.])([MF]\s?/\s?\d{1,3}|\d{1,3}\s?/\s?[MF])(?![\w/.])",
)
# The age a viewer writes in brackets after the birth date, "DOB 02/20/1994 (32Y)", also with
# its unit lost to the OCR ("(32)"); the brackets stay legible.
_AGE_AFTER_DATE = re.compile(r"\s?\((\d{1,3}\s?(?:[Yy]|yo|yrs?)?)\)")
# "St.JenniferMedical Center": photographed OCR glues the name to "Medical", so "medical" is
# taken glued when "center", "centre" or "ctr" follows. Banners abbreviate "hospital" to "HOSP"
# ("MERCY GENERAL HOSP", read glued as "MERCYGENERALHOSP"): taken after "gen"/"general", or at
# the end of a line after a word in capitals or Title Case, not after a lower-case word ("still
# in hosp", "Went to Hosp").
_INSTITUTION = re.compile(
    r"^.*(?:hospital|(?<![A-Za-z])medical(?![A-Za-z])|medical\s*(?:cent(?:er|re)|ctr)|med\.?[\s_]*ctr|"
    r"gen(?:eral)?[ _]*hosp\b|(?-i:[A-Z]{2}[ _]*HOSP|[A-Z][a-z]+ +Hosp)\.?$|"
    r"clinic\b|infirmary|"
    r"health(?:care)?[\s_]*(?:system|center)|(?<![A-Za-z])(?:imaging|radiology|health)$|"
    r"university|memorial|children's|imaging\s*cent(?:er|re)|radiology\s*(?:associates|group)|"
    r"regional\s*medical).*$",
    _FLAGS,
)
_LONG_ID = re.compile(
    r"(?<![\d.])(?=[A-Z0-9-]*\d{5})(?:(?<![A-Za-z])[A-Z]{1,3})?\d{0,3}-?\d{5,}(?![\d.])"
)


def _find(kind: Kind, subtype: str, start: int, end: int, score: float = 0.85) -> Finding:
    return Finding(
        start=start, end=end, kind=kind, score=score, recognizer=RECOGNIZER, subtype=subtype
    )


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def layout_hints(text: str, institutions: Sequence[str] = ()) -> list[Finding]:
    """Findings that the overlay conventions imply, on the newline-joined OCR text."""
    found: list[Finding] = []
    for kind, subtype, pattern in _LABELS:
        for m in pattern.finditer(text):
            value = m.group(1)
            if subtype in ("PATIENT", "PRACTITIONER") and all(
                w.lower() in TECH_WORDS for w in re.split(r"[ ,^.]+", value) if w
            ):
                continue
            if kind is Kind.ID and not any(ch.isdigit() for ch in value):
                continue
            start, end = _strip_span(text, m.start(1), m.end(1))
            if end > start:
                found.append(_find(kind, subtype, start, end))
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if valid_date(m.group(0)):
                found.append(_find(Kind.DATE, "DATE", m.start(), m.end()))
    for m in _BANNER.finditer(text):
        words = re.split(r"[ ,]+", m.group(1))
        if not any(w.lower() in TECH_WORDS for w in words if len(w) > 1):
            found.append(_find(Kind.NAME, "PATIENT", m.start(1), m.end(1), 0.8))
    for m in _CAPS_NAME.finditer(text):
        words = re.split(r"[ ,]+", m.group(1))
        if not any(w.lower() in TECH_WORDS for w in words if len(w) > 1):
            found.append(_find(Kind.NAME, "PATIENT", m.start(1), m.end(1), 0.8))
    for m in _CARET_NAME.finditer(text):
        found.append(_find(Kind.NAME, "PATIENT", m.start(1), m.end(1), 0.85))
    for m in _AGE_SEX.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        found.append(_find(Kind.AGE, "AGE", m.start(group), m.end(group), 0.8))
    for f in [f for f in found if f.kind is Kind.DATE]:
        paren = _AGE_AFTER_DATE.match(text, f.end)
        if paren:
            found.append(_find(Kind.AGE, "AGE", paren.start(1), paren.end(1), 0.8))
    for m in _INSTITUTION.finditer(text):
        start, end = _strip_span(text, m.start(), m.end())
        found.append(_find(Kind.LOCATION, "INSTITUTION", start, end, 0.75))
    for m in _LONG_ID.finditer(text):
        if counting(m.group(0)):
            continue  # ruler or scale labels read as one token: "1011121314"
        if not valid_date(m.group(0)) or not looks_like_date(m.group(0)):
            start = m.start()
            prefix = re.match(r"[A-Z]+", m.group(0))
            if prefix and prefix.group(0).lower() in LABEL_WORDS:
                start += len(prefix.group(0))  # "MRN32420002": the label stays legible
            found.append(_find(Kind.ID, "ID", start, m.end(), 0.7))
    found = [trim_trailing(text, f) for f in found]
    lowered = text.lower()
    for name in institutions:
        needle = name.lower().strip()
        if not needle:
            continue
        pos = lowered.find(needle)
        while pos >= 0:
            found.append(_find(Kind.LOCATION, "INSTITUTION", pos, pos + len(needle), 0.9))
            pos = lowered.find(needle, pos + len(needle))
    return found
