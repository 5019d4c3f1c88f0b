"""The header's text: the free text the profile keeps, read by the text engine, and the
header values (name, IDs, birth date, institution) searched for in the pixels' OCR text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.detect import dicom_profile as profile
from bot.detect.dicom_header import CODE_KEYWORDS, DUMMY_TEXT, iter_elements
from bot.detect.types import Finding, ImageFinding, Kind

if TYPE_CHECKING:
    from pydicom.dataelem import DataElement
    from pydicom.dataset import Dataset

    from bot.detect.pixels import TextScanner

MIN_TERM_CHARS = 3  # a header value of one or two characters ("1") is never a search term
# Free-text VRs kept by the profile whose content the text engine reads.
SCANNED_TEXT_VRS = frozenset({"LO", "LT", "SH", "ST", "UT", "UC"})
# Between two elements' values in the text the engine reads: a full stop and a blank line, so
# no name, address or institution runs from one element into the next ("SNM3 Brain US
# Regional" read as an institution across four elements of eCT_Supplemental.dcm).
ELEMENT_BREAK = ".\n\n"
CLEANED_MARK = "***"


def clean_text(
    engine: TextScanner, ds: Dataset, to_clean: tuple[DataElement, ...] = ()
) -> list[ImageFinding]:
    """Free text the profile keeps (descriptions, labels), read by the text engine: an
    element with PHI becomes a dummy and its findings count for the verdict. Elements an
    option column marks C (`to_clean`) keep their text with only the PHI spans replaced."""
    cleaned = {id(e) for e in to_clean}
    elements = [
        e
        for e in [*iter_elements(ds)]
        if (e.VR in SCANNED_TEXT_VRS or id(e) in cleaned)
        and e.keyword not in CODE_KEYWORDS
        and isinstance(e.value, str)
        and e.value
        and e.value != DUMMY_TEXT
    ]
    if not elements:
        return []
    text = ELEMENT_BREAK.join(e.value.replace("\n", " ") for e in elements)
    scan = engine.scan(text)
    if not scan.findings:
        return []
    bounds, pos = [], 0
    for e in elements:
        bounds.append((pos, pos + len(e.value)))
        pos += len(e.value) + len(ELEMENT_BREAK)
    spans: dict[int, list[tuple[int, int]]] = {}
    findings: list[Finding] = []
    for finding in scan.findings:
        touched = [i for i, (a, b) in enumerate(bounds) if finding.start < b and a < finding.end]
        if len(touched) > 1:
            # Found only across elements (one value's context read into the next): each
            # element is read again on its own, and only what it holds alone counts.
            for i in touched:
                for alone in engine.scan(elements[i].value).findings:
                    spans.setdefault(i, []).append((alone.start, alone.end))
                    findings.append(alone)
            continue
        findings.append(finding)
        for i in touched:
            a, b = bounds[i]
            spans.setdefault(i, []).append((max(finding.start, a) - a, min(finding.end, b) - a))
    for i, cuts in spans.items():
        elem = elements[i]
        if id(elem) in cleaned:
            elem.value = cleaned_text(elem.value, sorted(set(cuts)))
        else:
            elem.value = DUMMY_TEXT
    return [ImageFinding(f.kind, f.score, None, "DicomText", f.subtype) for f in findings]


def cleaned_text(value: str, cuts: list[tuple[int, int]]) -> str:
    """value with each PHI span replaced by `CLEANED_MARK` (never longer than the original
    span plus two characters, so a cleaned SH or LO stays short)."""
    out, pos = [], 0
    for start, end in sorted(cuts):
        if start < pos:
            start = pos
        if end <= start:
            continue
        out += [value[pos:start], CLEANED_MARK]
        pos = end
    out.append(value[pos:])
    return "".join(out)


def present_groups(ds: Dataset) -> list[str]:
    """Names of identifying groups present in the header (never their values)."""
    found = []
    if any(ds.get(k) for k in profile.IDENTIFYING):
        found.append("DICOM_IDENTIFIERS")
    if any(ds.get(k) for k in profile.INSTITUTIONAL):
        found.append("DICOM_INSTITUTION")
    if any(elem.VR in ("DA", "DT") and elem.value for elem in iter_elements(ds)):
        found.append("DICOM_DATES")
    return found


def burned_in_terms(ds: Dataset) -> list[tuple[str, Kind]]:
    """Header values (and their parts) to look for in the pixels' OCR text, with their kinds.

    Values and parts shorter than `MIN_TERM_CHARS` are never searched on their own: a StudyID
    of "1" would paint every digit one.
    """
    terms: list[tuple[str, Kind]] = []
    for keyword, kind in profile.BURNED_IN_TERMS:
        value = ds.get(keyword)
        if not value:
            continue
        text = str(value)
        terms.append((text, kind))
        terms += [(p, kind) for p in re.split(r"[\^,\s]+", text)]
        if keyword == "PatientBirthDate" and re.fullmatch(r"\d{8}", text):
            y, m, d = text[:4], text[4:6], text[6:]
            terms += [
                (f"{m}/{d}/{y}", kind),
                (f"{d}/{m}/{y}", kind),
                (f"{y}-{m}-{d}", kind),
                (f"{d}.{m}.{y}", kind),
            ]
    return list(
        dict.fromkeys(t for t in terms if len(re.sub(r"[^A-Za-z0-9]", "", t[0])) >= MIN_TERM_CHARS)
    )
