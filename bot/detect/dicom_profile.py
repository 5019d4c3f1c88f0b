"""DICOM PS3.15 Annex E table E.1-1 (Basic Profile column) as data, keyed by tag number.

The table is generated from a machine-readable copy of the standard (see
`scripts/gen_dicom_table.py`; a test regenerates it and fails on drift) and loaded here without
that package. Keying by tag number matters: 25 rows of the current edition are attributes
pydicom's dictionary does not know yet (e.g. (0010,0012) Name to Use), which a keyword lookup
would silently skip.

Where the table offers a choice (Z/D, X/Z, X/D, X/Z/D, X/Z/U*), `resolve` takes the option that
keeps the attribute present, so that no IOD loses a Type 1 or Type 2 attribute (we do not carry
the IOD tables that would say which it is): X/D and X/Z/D become D, X/Z becomes Z, Z/D becomes
Z for names and identifiers (Type 2 wherever they occur in image IODs: an empty PatientID is
clearer than a fake one) and D for dates and times (ContentDate is Type 1 in SR and enhanced
IODs). A dummy carries nothing of the original value.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.detect.types import Kind

TABLE_PATH = Path(__file__).parent / "data" / "ps3_15_table_e1_1.json"


@dataclass(frozen=True, slots=True)
class Table:
    """Exact tags and masked tag families (curves 50xx, overlays 60xx) with their action codes:
    the Basic Profile column, and per row the option columns that change it."""

    edition: str
    source: str
    exact: dict[int, str]
    masked: tuple[tuple[int, int, str], ...]  # (tag, mask, action): tag & mask == tag & mask
    option_names: tuple[str, ...] = ()
    options: dict[int, dict[str, str]] = field(default_factory=dict)  # exact tag -> {option: code}

    def action(self, tag: int, options: frozenset[str] = frozenset()) -> str | None:
        """The table's action code for `tag` under the chosen options, or None when the table
        does not list it. Of the chosen options' codes for the row, K (keep) wins over C (clean),
        which wins over the Basic code: an option only ever retains more."""
        found = self.exact.get(tag)
        if found is not None:
            if options:
                codes = {
                    code for name, code in self.options.get(tag, {}).items() if name in options
                }
                if codes:
                    return "K" if "K" in codes else "C"
            return found
        for value, mask, action in self.masked:
            if tag & mask == value & mask:
                return action
        return None


@cache
def table() -> Table:
    raw = json.loads(TABLE_PATH.read_text())
    return Table(
        edition=raw["edition"],
        source=raw["source"],
        exact={int(row[0], 16): row[1] for row in raw["rows"]},
        masked=tuple((int(t, 16), int(m, 16), a) for t, m, a, *_ in raw["masked"]),
        option_names=tuple(raw.get("options", ())),
        options={int(row[0], 16): row[3] for row in raw["rows"] if len(row) > 3 and row[3]},
    )


def resolve(action: str, vr: str) -> str:
    """One of D, Z, X, U, K, C for a table action code and the element's VR."""
    if action == "X/Z/U*":
        return "U" if vr in ("UI", "SQ") else "Z"
    if action == "Z/D":
        return "D" if vr in ("DA", "DT", "TM") else "Z"
    if "D" in action.split("/"):
        return "D"
    if action == "X/Z":
        return "Z"
    return action


# Subtypes reported as METADATA findings (names of what was present, never values).
IDENTIFYING = (
    "PatientName",
    "PatientID",
    "PatientBirthDate",
    "OtherPatientIDs",
    "OtherPatientNames",
    "OtherPatientIDsSequence",
    "AccessionNumber",
    "PatientAddress",
    "PatientTelephoneNumbers",
)
INSTITUTIONAL = (
    "InstitutionName",
    "InstitutionAddress",
    "InstitutionalDepartmentName",
    "StationName",
)

# Header values worth looking for in burned-in text (their OCR matches become findings).
BURNED_IN_TERMS: tuple[tuple[str, Kind], ...] = (
    ("PatientName", Kind.NAME),
    ("ReferringPhysicianName", Kind.NAME),
    ("PatientID", Kind.ID),
    ("OtherPatientIDs", Kind.ID),
    ("AccessionNumber", Kind.ID),
    ("StudyID", Kind.ID),
    ("PatientBirthDate", Kind.DATE),
    ("InstitutionName", Kind.LOCATION),
)

BASIC_PROFILE_CODE = ("113100", "DCM", "Basic Application Confidentiality Profile")
CLEAN_PIXEL_CODE = ("113101", "DCM", "Clean Pixel Data Option")
MODIFIED_DATES_CODE = (
    "113107",
    "DCM",
    "Retain Longitudinal Temporal Information Modified Dates Option",
)
# CID 7050 De-identification Method, one code per option column we carry out.
OPTION_CODES: dict[str, tuple[str, str, str]] = {
    "clean_structured_content": ("113104", "DCM", "Clean Structured Content Option"),
    "clean_descriptors": ("113105", "DCM", "Clean Descriptors Option"),
    "retain_longitudinal_full_dates": (
        "113106",
        "DCM",
        "Retain Longitudinal Temporal Information Full Dates Option",
    ),
    "retain_longitudinal_modified_dates": MODIFIED_DATES_CODE,
    "retain_patient_characteristics": ("113108", "DCM", "Retain Patient Characteristics Option"),
    "retain_device_identity": ("113109", "DCM", "Retain Device Identity Option"),
    "retain_uids": ("113110", "DCM", "Retain UIDs Option"),
    "retain_institution_identity": ("113112", "DCM", "Retain Institution Identity Option"),
}
