"""The overlay vocabulary: technique labels, vitals, viewer chrome, study descriptions and
label words, which stay legible, and the checks built on them (words the OCR ran together,
technique codes glued to their values, series labels).
"""

from __future__ import annotations

import re

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
