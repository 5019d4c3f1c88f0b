"""Layout hints: what PACS overlays, monitor banners and labels say without full sentences.

OCR of an overlay is a stack of short fragments ("DOE, JANE", "ID: 12345678", "67Y M"). A
sentence NER model sees little in them, but the layout conventions are strong: a label and its
value, a "LAST, FIRST" banner line, an age-sex token, a date, an institution name. These hints
add findings on the OCR text; `suppress_technical` removes text-engine findings that are really
technique labels or vitals (W/L, kVp, mAs, series/image numbers, HR 72, BP 120/80), which must
stay legible.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from bot.detect.types import Finding, Kind

RECOGNIZER = "ImageLayoutHints"
_FLAGS = re.IGNORECASE | re.MULTILINE

_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NAME_TOKEN = r"[A-Za-z][A-Za-z'\-]+"

# Dates: validated numerically in `_valid_date`, so that 120/80 and 45/120 are not dates.
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}(?!\d))(?![/.-]\d)"),
    re.compile(r"(?<![\d/.-])(\d{4})[/.-](\d{1,2})[/.-](\d{2}|\d(?!\d))(?![/.-]\d)"),
    re.compile(r"(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(
        rf"(?<![A-Za-z\d])\d{{1,2}}[\s-]?{_MONTHS}[\s,-]*(?:\d{{4}}|\d{{2}}(?!\d))", re.IGNORECASE
    ),
    re.compile(rf"(?<![A-Za-z])(?:{_MONTHS})\s?\d{{1,2}},?\s+\d{{4}}(?!\d)", re.IGNORECASE),
    # "Nov 29 1938" with the OCR's space between day and year lost: "Nov 291938", "Sep022000"
    re.compile(
        rf"(?<![A-Za-z])(?:{_MONTHS})\s?(?:0?[1-9]|[12]\d|3[01])(?:19|20)\d{{2}}(?!\d)",
        re.IGNORECASE,
    ),
)

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
            rf"\b(?:ref(?:e[a-z]{{2,7}})?\.?\s*(?:phys(?:ician)?|md|dr)?|attending|physician|provider|"
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
    (
        Kind.DATE,
        "DOB",
        re.compile(
            rf"(?<![A-Za-z])(?:d[o0]b|d\.[o0]\.b\.?|birth\s?date|date\s?of\s?birth|born|b)\s*[:#]?\s*"
            rf"(\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{8}}|\d{{1,2}}[\s-]?{_MONTHS}[\s,-]*\d{{2,4}}|"
            rf"{_MONTHS}\s?\d{{1,2}},?\s+\d{{4}})",
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
    r"|(?<![\w/])((?:(?:M|F|m|f|male|female)[\s,/]{1,2}|[MF])\d{1,3}\s?(?:Y|y|yo|y/o|yrs?))(?![\w/])",
)
_INSTITUTION = re.compile(
    r"^.*(?:hospital|(?<![A-Za-z])medical(?![A-Za-z])|med\.?[\s_]*ctr|clinic\b|infirmary|"
    r"health(?:care)?[\s_]*(?:system|center)|(?<![A-Za-z])(?:imaging|radiology|health)$|"
    r"university|memorial|children's|imaging\s*cent(?:er|re)|radiology\s*(?:associates|group)|"
    r"regional\s*medical).*$",
    _FLAGS,
)
_LONG_ID = re.compile(
    r"(?<![\d.])(?=[A-Z0-9-]*\d{5})(?:(?<![A-Za-z])[A-Z]{1,3})?\d{0,3}-?\d{5,}(?![\d.])"
)

# Words that are technique labels, vitals or viewer chrome: never PHI on their own.
TECH_WORDS = frozenset(
    [
        "w",
        "l",
        "ww",
        "wl",
        "wc",
        "c",
        "kvp",
        "kv",
        "mas",
        "ma",
        "ms",
        "s",
        "se",
        "ser",
        "series",
        "im",
        "img",
        "image",
        "slice",
        "sl",
        "thk",
        "st",
        "tr",
        "te",
        "ti",
        "fov",
        "mag",
        "zoom",
        "hr",
        "pr",
        "pulse",
        "spo2",
        "sp02",
        "nibp",
        "bp",
        "art",
        "rr",
        "resp",
        "temp",
        "t",
        "cvp",
        "etco2",
        "co2",
        "pvc",
        "ii",
        "iii",
        "avr",
        "avl",
        "avf",
        "v1",
        "v2",
        "v3",
        "v4",
        "v5",
        "v6",
        "mm/s",
        "mm/mv",
        "bpm",
        "mmhg",
        "cm",
        "mm",
        "hz",
        "db",
        "fps",
        "gain",
        "depth",
        "frq",
        "freq",
        "ax",
        "cor",
        "sag",
        "axial",
        "coronal",
        "sagittal",
        "l",
        "r",
        "a",
        "p",
        "h",
        "f",
        "ap",
        "pa",
        "lat",
        "ct",
        "mr",
        "mri",
        "us",
        "xr",
        "cr",
        "dx",
        "pet",
        "spect",
        "mip",
        "mpr",
        "3d",
        "dfov",
        "tilt",
        "pitch",
        "kernel",
        "std",
        "lung",
        "bone",
        "soft",
        "pain",
        "alarm",
        "alarms",
        "paused",
        "monitor",
        "silence",
        "menu",
        "standby",
        "mode",
        "auto",
        "scale",
        "ecg",
        "lead",
        "dnr",
        "fall",
        "risk",
        "allergy",
        "allergies",
        "pcn",
        "nkda",
        "latex",
        "isolation",
        "npo",
        "cine",
        "pwr",
        "of",
    ]
)
# Study descriptions and wave labels printed in overlay corners ("XR CHEST PA", "MR KNEE LT",
# "Pleth"): never a name or a place, even run together by the OCR ("CTABDOMEN").
STUDY_WORDS = frozenset(
    [
        # MR sequence names
        "adc",
        "dti",
        "dwi",
        "fiesta",
        "flair",
        "gre",
        "mprage",
        "pd",
        "stir",
        "swi",
        "t1",
        "t2",
        "tof",
        "abd",
        "abdomen",
        "abp",
        "angio",
        "ankle",
        "bilat",
        "bilateral",
        "brain",
        "cardiac",
        "chest",
        "contrast",
        "cspine",
        "elbow",
        "extremity",
        "face",
        "femur",
        "foot",
        "hand",
        "head",
        "heart",
        "hip",
        "humerus",
        "iac",
        "kidney",
        "knee",
        "left",
        "liver",
        "lower",
        "lspine",
        "lt",
        "lumbar",
        "lung",
        "neck",
        "orbit",
        "orbits",
        "pel",
        "pelvis",
        "pleth",
        "portable",
        "renal",
        "right",
        "routine",
        "rt",
        "scout",
        "shoulder",
        "sinus",
        "sinuses",
        "spine",
        "stat",
        "thorax",
        "thoracic",
        "tib",
        "upper",
        "view",
        "views",
        "wrist",
        "wo",
    ]
)
# Labels that introduce a value; the label itself is not PHI and stays legible.
LABEL_WORDS = frozenset(
    [
        "mrn",
        "id",
        "pid",
        "acc",
        "accession",
        "dob",
        "d0b",
        "bed",
        "rm",
        "room",
        "bay",
        "coll",
        "adm",
        "admit",
        "fin",
        "csn",
        "acct",
        "ssn",
        "mr",
        "no",
        "ref",
        "dr",
        "dr.",
    ]
)
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


def vocabulary_only(span: str) -> bool:
    """Whether every word of span is a technique, study or label word, also when the OCR ran
    them together ("XRCHESTPA" = XR CHEST PA; pieces of two letters or more)."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+", span.lower()) if w]
    return bool(words) and all(_segments(w) for w in words)


_VOCABULARY = TECH_WORDS | STUDY_WORDS | LABEL_WORDS


def _segments(word: str) -> bool:
    if word in _VOCABULARY:
        return True
    if not word.isalpha():
        return False
    ends = [True] + [False] * len(word)  # ends[i]: word[:i] splits into vocabulary words
    for i in range(len(word)):
        if ends[i]:
            for j in range(i + 2, len(word) + 1):
                if word[i:j] in _VOCABULARY:
                    ends[j] = True
    return ends[-1]


# Technique words that also prefix identifiers: a modality ("CT1234567" is an accession number).
_ID_PREFIXES = frozenset({"ct", "mr", "mri", "us", "xr", "cr", "dx", "pet", "spect", "nm", "rf"})
# "Se" photographed as "5e": a digit S before a lower-case letter.
_S_AS_FIVE = re.compile(r"(?<![A-Za-z0-9])5(?=[a-z])")


def technique_code(span: str) -> bool:
    """Whether span is technique labels glued to their numbers ("kVp120mAs200", "W1500L",
    "Img10of11", "TE63", "5e4" for "Se 4"): every letter run a technique word, and either two
    runs or one of two letters or more that is no modality or single letter ("CT1234567" and
    "A1234567" are accession numbers)."""
    pieces = [p.lower() for p in re.findall(r"[A-Za-z]+", _S_AS_FIVE.sub("S", span))]
    if not pieces or not all(p in TECH_WORDS for p in pieces):
        return False
    return len(pieces) >= 2 or (len(pieces[0]) >= 2 and pieces[0] not in _ID_PREFIXES)


# A viewer's series panel labels each series ("Se 3 COR MPR", "Se 4 SAG STIR"); a phone photo
# of it reads "543CORMPR" and "5045AGSTIR" (Se as 54 or 50, the S of SAG as 5), which the
# text engine takes for an ID and a foreign address (viewer dev split, a QA phantom's photo).
_SERIES_WORDS = frozenset(
    {
        "ax",
        "cor",
        "sag",
        "tra",
        "axial",
        "coronal",
        "sagittal",
        "mpr",
        "mip",
        "stir",
        "flair",
        "dwi",
        "adc",
        "swi",
        "gre",
        "tof",
        "dti",
        "mprage",
        "fiesta",
        "scout",
    }
)
_SERIES_LABEL = re.compile(r"(\d{1,4}) ?([A-Za-z]{4,})")


def series_label(span: str) -> bool:
    """Whether span is a series number glued to a label of two or more plane and sequence
    words ("543CORMPR"; "5045AGSTIR" with the S of SAG read as 5; "5045 AGSTIR" in the
    demerged copy): at most four digits, so no identifier's length, and no single word
    ("1234STIR" stays as found)."""
    m = _SERIES_LABEL.fullmatch(span.strip())
    if m is None:
        return False
    digits, run = m.group(1), m.group(2).lower()
    return _series_words(run) or (digits.endswith("5") and _series_words("s" + run))


def _series_words(run: str) -> bool:
    """Whether run splits into two or more of `_SERIES_WORDS`."""
    words = [0] + [-1] * len(run)  # words[i]: most words run[:i] splits into, -1 for none
    for i in range(len(run)):
        if words[i] < 0:
            continue
        for j in range(i + 2, len(run) + 1):
            if run[i:j] in _SERIES_WORDS:
                words[j] = max(words[j], words[i] + 1)
    return words[-1] >= 2


# A line of a corner overlay that is only words, no label and no digits: a name or an
# institution when it stands in a block that already shows an identifier or a date.
_WORDS_ONLY = re.compile(r"^[A-Za-z][A-Za-z'\-^~,. ]*[A-Za-z.]$")


# An age and sex line as photographed: OCR reads 0 and 8 as letters and mangles "yrs" ("M/O24Y",
# "0B1YF", "F43yTs").
_AGE_SEX_LOOSE = re.compile(
    r"^(?:[MF]\s?[/,]?\s?)?[\dOoB]{2,3}\s?[Yy](?:[Tt]?[Rr]?[Ss])?(?:\s?[/,]?\s?[MF])?$"
)


def corner_value(line: str) -> Kind | None:
    """What a bare line of a patient's overlay corner is, judged on its text alone: a name or
    place (`unlabelled_words`), an age and sex, or nothing to paint."""
    text = line.strip()
    if _AGE_SEX_LOOSE.match(text) and any(ch.isdigit() for ch in text):
        return Kind.AGE
    return Kind.NAME if unlabelled_words(text) else None


def unlabelled_words(line: str) -> bool:
    """Whether an OCR line is bare words (four letters or more, at most five words) that are not
    technique, study or label words: in a patient's overlay corner, a name or a place."""
    text = line.strip()
    if not _WORDS_ONLY.match(text) or sum(ch.isalpha() for ch in text) < 4:
        return False
    words = [w for w in re.split(r"[ ,^~.]+", text) if w]
    return len(words) <= 5 and not vocabulary_only(text)


def _valid_date(text: str) -> bool:
    """Whether a numeric date-like string is a plausible calendar date."""
    parts = [p for p in re.split(r"[/.\-\s]", text) if p]
    if len(parts) == 1 and len(parts[0]) == 8:
        p = parts[0]
        parts = [p[:4], p[4:6], p[6:]]
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return True  # month names: the regex already vouched for it
    a, b, c = (int(p) for p in parts)
    if len(parts[0]) == 4:
        year, month, day = a, b, c
    else:
        year = c
        month, day = (a, b) if a <= 12 else (b, a)
    year_ok = len(parts[0]) == 4 or len(parts[2]) == 2 or 1900 <= year <= 2100
    return year_ok and 1 <= month <= 12 and 1 <= day <= 31


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
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            if _valid_date(m.group(0)):
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
        group = 1 if m.group(1) else 2
        found.append(_find(Kind.AGE, "AGE", m.start(group), m.end(group), 0.8))
    for m in _INSTITUTION.finditer(text):
        start, end = _strip_span(text, m.start(), m.end())
        found.append(_find(Kind.LOCATION, "INSTITUTION", start, end, 0.75))
    for m in _LONG_ID.finditer(text):
        if _counting(m.group(0)):
            continue  # ruler or scale labels read as one token: "1011121314"
        if not _valid_date(m.group(0)) or not _looks_like_date(m.group(0)):
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


def _counting(token: str) -> bool:
    """Whether token is consecutive integers written together ("101112", "0123456"), also when
    OCR clipped the first one ("21314" from "12 13 14")."""
    if _counting_exact(token):
        return True
    return any(
        len(token) - k >= 4
        and _counting_exact(token[k:], 2)
        and str(int(token[k : k + 2]) - 1).endswith(token[:k])
        for k in (1, 2)
        if token[k : k + 2].isdigit()
    )


def _counting_exact(token: str, min_count: int = 3) -> bool:
    for first_len in (1, 2, 3):
        pos, n = 0, None
        try:
            n = int(token[:first_len])
        except ValueError:
            return False
        pos = 0
        count = 0
        while pos < len(token):
            piece = str(n)
            if not token.startswith(piece, pos):
                break
            pos += len(piece)
            n += 1
            count += 1
        if pos == len(token) and count >= min_count and n > 10:  # crossed into two digits
            return True
    return False


def _looks_like_date(token: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{6}", token))


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
        if _NUMERIC.match(span) and any(_counting(w) for w in words):
            continue  # ruler labels read as one number: "1011121314"
        if f.kind in (Kind.DATE, Kind.AGE) and _NUMERIC.match(span) and not _dateish(span):
            continue  # "120/80", "45/120", a bare "72": vitals and counters, not dates or ages
        if f.kind in (Kind.NAME, Kind.LOCATION) and _NUMERIC.match(span):
            continue  # a lone number is not a name or a place
        if f.kind is Kind.ID and _DEVICE_CODE.search(span):
            continue  # ultrasound presets and probe codes: "630P630", "78DR78", "3cm3cm_8M12L"
        kept.append(f)
    return kept


def month_name_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of dates written with a month name ("Feb 04 1946", "Feb041946", "12-Dec-1950"):
    hex-looking to a technical-token pattern, since Feb and Dec are hex letters."""
    return [m.span() for pattern in _DATE_PATTERNS[3:] for m in pattern.finditer(text)]


def _dateish(span: str) -> bool:
    for pattern in _DATE_PATTERNS:
        m = pattern.search(span)
        if m and _valid_date(m.group(0)):
            return True
    return False


def merge_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Union overlapping spans (the higher-scoring finding names the merged span)."""
    ordered = sorted(findings, key=lambda f: (f.start, -f.end))
    merged: list[Finding] = []
    for f in ordered:
        if merged and f.start < merged[-1].end:
            last = merged[-1]
            best = last if last.score >= f.score else f
            merged[-1] = Finding(
                last.start,
                max(last.end, f.end),
                best.kind,
                best.score,
                best.recognizer,
                best.subtype,
            )
        else:
            merged.append(f)
    return merged
