"""Header de-identification: table E.1-1 applied by tag number, at every nesting level.

`HeaderDeidentifier.apply` walks the dataset and every sequence item and carries out each
attribute's action (`dicom_profile.resolve`): X removes, Z empties, D puts a dummy of the VR's
shape (a sequence marked D keeps its items but every free text, name and date in them becomes a
dummy, code items aside, so SR `TextValue` cannot ride in a Content Sequence), U maps the UID.
Beyond the table, as catch-alls: private tags go, every person name is emptied, every date and
time is emptied (or shifted), every UID that is not a well-known DICOM UID is mapped.

UIDs map through HMAC-SHA256 keyed by a deployment secret, so the same study stays one study
across workers, restarts and batches, and nobody without the key can link a replacement to its
original. With `shift_dates`, dates move back by a per-patient number of days derived from the
same key (PS3.15 "Modified Dates" option) instead of being removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.detect import dicom_profile as profile

if TYPE_CHECKING:
    from pydicom.dataelem import DataElement
    from pydicom.dataset import Dataset

DUMMY_TEXT = "ANONYMIZED"
DUMMIES: dict[str, Any] = {
    "AE": "ANONYMIZED",
    "AS": "000Y",
    "CS": "ANONYMIZED",
    "DA": "19000101",
    "DT": "19000101000000",
    "TM": "000000",
    "DS": "0",
    "IS": "0",
    "LO": DUMMY_TEXT,
    "LT": DUMMY_TEXT,
    "SH": DUMMY_TEXT,
    "ST": DUMMY_TEXT,
    "UT": DUMMY_TEXT,
    "UC": DUMMY_TEXT,
    "PN": DUMMY_TEXT,
    "UR": "urn:x-anonymized",
    "AT": 0,
    "FL": 0.0,
    "FD": 0.0,
    "SL": 0,
    "SS": 0,
    "UL": 0,
    "US": 0,
    "SV": 0,
    "UV": 0,
}
BINARY_VRS = frozenset({"OB", "OD", "OF", "OL", "OV", "OW"})
TEXT_VRS = frozenset({"LO", "LT", "SH", "ST", "UT", "UC", "PN"})
# Inside a D sequence these stay: they name concepts, not people.
CODE_KEYWORDS = frozenset(
    {
        "CodeValue",
        "CodingSchemeDesignator",
        "CodingSchemeVersion",
        "CodeMeaning",
        "LongCodeValue",
        "URNCodeValue",
        "MappingResourceName",
        "ContextGroupExtensionCreatorUID",
    }
)
MAX_SHIFT_DAYS = 365

# Where the IOD decides between a combined code's choices and we know the IOD (dciodvfy flagged
# each on real files). Referenced Study Sequence is X/Z: Type 3 in the General Study Module
# (PS3.3 C.7.2.1) at the top level, where an empty sequence is invalid, so there it goes (X);
# nested (Type 2 in a Referenced Request item) it stays empty (Z).
TOP_LEVEL_REMOVED = frozenset({0x00081110})
# Responsible Person and Responsible Organization are X, but Type 2C in the Patient Module
# (PS3.3 C.7.1.1, for a non-human patient): present in the input, they stay, emptied (Z).
KEPT_EMPTY = frozenset({0x00102297, 0x00102299})
# A media directory's records (PS3.3 F.5) need their keys (PatientID, StudyDate, StudyID...,
# Type 1) and StudyDescription (Type 2): inside them Z becomes a dummy and X an empty value.
DIRECTORY_RECORDS = 0x00041220


# Option columns carried out (`bot.config.DICOM_OPTIONS` lists the same names for settings).
SUPPORTED_OPTIONS = frozenset(profile.OPTION_CODES)
# VRs whose value a C (clean) action keeps for the text engine to clean, span by span.
CLEANED_VRS = frozenset({"LO", "LT", "SH", "ST", "UT", "UC", "AE", "CS"})


@dataclass(frozen=True, slots=True)
class HeaderOutcome:
    """What `apply` did, for the method attributes it then records: whether dates were
    shifted, and the elements an option keeps for cleaning (C) rather than removing."""

    shifted_dates: bool
    to_clean: tuple[DataElement, ...] = ()


def check_options(options: frozenset[str]) -> None:
    """Refuse option sets the table cannot carry out, naming the offender."""
    unknown = sorted(options - SUPPORTED_OPTIONS)
    if unknown:
        raise ValueError(f"unsupported PS3.15 option(s): {', '.join(unknown)}")
    if {"retain_longitudinal_full_dates", "retain_longitudinal_modified_dates"} <= options:
        raise ValueError("full dates and modified dates are exclusive PS3.15 options")


class HeaderDeidentifier:
    """Table E.1-1 by tag number plus the catch-alls; stateless apart from its key."""

    def __init__(
        self,
        uid_key: bytes,
        *,
        shift_dates: bool = False,
        options: frozenset[str] = frozenset(),
    ) -> None:
        if len(uid_key) < 16:
            raise ValueError("DICOM UID key must be at least 16 bytes")
        if shift_dates:
            options = options | {"retain_longitudinal_modified_dates"}
        check_options(options)
        self._key = uid_key
        self.options = options
        self.shift_dates = "retain_longitudinal_modified_dates" in options
        self.table = profile.table()
        self._to_clean: list[DataElement] = []

    def apply(self, ds: Dataset) -> HeaderOutcome:
        """De-identify ds in place (private tags, curves, overlays and all table rows)."""
        shift = self._shift_days(ds) if self.shift_dates else None
        self._to_clean = []
        ds.remove_private_tags()
        # Whole overlay (60xx) and curve (50xx) groups: the table removes their data and
        # comments, and an overlay left without its data is invalid.
        for tag in [
            e.tag
            for e in ds
            if 0x5000 <= e.tag.group <= 0x50FF
            or (0x6000 <= e.tag.group <= 0x60FF and e.tag.group % 2 == 0)
        ]:
            del ds[tag]
        self._clean(ds, shift, dummy_text=False, top=True)
        if ds.file_meta is not None and "SOPInstanceUID" in ds:
            ds.file_meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
        return HeaderOutcome(shifted_dates=shift is not None, to_clean=tuple(self._to_clean))

    def map_uid(self, uid: str) -> str:
        """A well-known DICOM UID unchanged; any other one to `2.25.<UUID from its HMAC>`."""
        from pydicom._uid_dict import UID_dictionary

        uid = uid.strip().rstrip("\0")
        if not uid or uid in UID_dictionary:
            return uid
        digest = hmac.new(self._key, b"uid\0" + uid.encode(), hashlib.sha256).digest()
        return "2.25." + str(uuid.UUID(bytes=digest[:16], version=4).int)

    # --- walking ------------------------------------------------------------------------------

    def _clean(
        self,
        ds: Dataset,
        shift: int | None,
        *,
        dummy_text: bool,
        top: bool = False,
        record: bool = False,
    ) -> None:
        for elem in list(ds):
            if elem.tag.is_private:
                del ds[elem.tag]
                continue
            if elem.tag == DIRECTORY_RECORDS and elem.VR == "SQ":
                for item in elem.value:
                    self._clean(item, shift, dummy_text=True, record=True)
                continue
            code = self.table.action(int(elem.tag), self.options)
            if code is None:
                self._catch_all(ds, elem, shift, dummy_text)
                continue
            action = profile.resolve(code, elem.VR)
            if top and code == "X/Z" and elem.tag in TOP_LEVEL_REMOVED:
                action = "X"
            elif action == "X" and elem.tag in KEPT_EMPTY:
                action = "Z"
            elif record and elem.VR != "SQ" and action in ("X", "Z"):
                action = "Z" if action == "X" else "D"
            if shift is not None and elem.VR in ("DA", "DT") and action in ("D", "Z", "X", "C"):
                elem.value = _shift(elem.value, elem.VR, shift)
            elif action == "C":
                self._clean_option(elem, shift)
            elif action == "X":
                del ds[elem.tag]
            elif action == "Z":
                _empty(elem)
            elif action == "D":
                if elem.VR == "SQ":
                    for item in elem.value:
                        self._clean(item, shift, dummy_text=True)
                else:
                    _dummy(elem)
            elif action == "U":
                if elem.VR == "SQ":  # X/Z/U*: the references stay (mapped), nothing else
                    for item in elem.value:
                        self._clean(item, shift, dummy_text=True)
                elif elem.VR == "UI":
                    elem.value = self._map_value(elem.value)
                else:
                    _dummy(elem)
            elif elem.VR == "SQ":  # K: kept, its items still cleaned
                for item in elem.value:
                    self._clean(item, shift, dummy_text=dummy_text)

    def _clean_option(self, elem: DataElement, shift: int | None) -> None:
        """C (clean) from an option column: free text stays for the text engine to clean span
        by span (`to_clean`), a sequence keeps its items with their text cleaned likewise,
        a time stays (modified dates move days only), anything else becomes a dummy."""
        if elem.VR == "SQ":
            for item in elem.value:
                self._clean_items(item, shift)
        elif elem.VR in CLEANED_VRS and elem.value:
            self._to_clean.append(elem)
        elif elem.VR == "TM" and "retain_longitudinal_modified_dates" in self.options:
            return
        else:
            _dummy(elem)

    def _clean_items(self, ds: Dataset, shift: int | None) -> None:
        """A cleaned sequence's item: the table and catch-alls first, then its remaining free
        text (names aside, which are emptied) handed to the text engine."""
        self._clean(ds, shift, dummy_text=False)
        for elem in ds:
            if elem.VR in CLEANED_VRS and elem.value and elem.keyword not in CODE_KEYWORDS:
                self._to_clean.append(elem)

    def _catch_all(
        self, ds: Dataset, elem: DataElement, shift: int | None, dummy_text: bool
    ) -> None:
        vr = elem.VR
        if vr == "SQ":
            for item in elem.value:
                self._clean(item, shift, dummy_text=dummy_text)
        elif vr == "PN":
            _dummy(elem) if dummy_text else _empty(elem)
        elif vr in ("DA", "DT") and shift is not None:
            elem.value = _shift(elem.value, vr, shift)
        elif vr in ("DA", "DT", "TM") and "retain_longitudinal_full_dates" in self.options:
            return
        elif vr in ("DA", "DT", "TM"):
            _dummy(elem) if dummy_text else _empty(elem)
        elif vr == "UI" and elem.value and "retain_uids" in self.options:
            return
        elif vr == "UI" and elem.value:
            elem.value = self._map_value(elem.value)
        elif dummy_text and vr in TEXT_VRS and elem.keyword not in CODE_KEYWORDS and elem.value:
            _dummy(elem)

    def _map_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.map_uid(value)
        return [self.map_uid(str(v)) for v in value]

    def _shift_days(self, ds: Dataset) -> int:
        """Days to move this patient's dates back: 1..365, the same for every file of theirs."""
        patient = f"{ds.get('PatientID', '')}\0{ds.get('PatientName', '')}".encode()
        digest = hmac.new(self._key, b"date-shift\0" + patient, hashlib.sha256).digest()
        return 1 + int.from_bytes(digest[:4], "big") % MAX_SHIFT_DAYS


def iter_elements(ds: Dataset) -> Iterator[DataElement]:
    """Every element of ds and of its sequence items, depth first."""
    for elem in ds:
        yield elem
        if elem.VR == "SQ":
            for item in elem.value:
                yield from iter_elements(item)


def _empty(elem: DataElement) -> None:
    if elem.VR == "SQ":
        elem.value = []
    elif elem.VR in BINARY_VRS or elem.VR == "UN":
        elem.value = b""
    else:
        elem.value = None


def _dummy(elem: DataElement) -> None:
    vr = elem.VR
    if vr in BINARY_VRS:
        elem.value = b"\0" * 8
    elif vr in DUMMIES:
        elem.value = DUMMIES[vr]
    else:  # UN (attribute unknown to the dictionary) and anything else: nothing left
        _empty(elem)


def _shift(value: Any, vr: str, days: int) -> Any:
    """Move a DA or DT value (or each of several) back by `days`; unparseable ones are emptied."""
    values = [value] if isinstance(value, str) or value is None else list(value)
    out: list[str] = []
    for v in values:
        text = str(v or "")
        try:
            day = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            continue
        moved = (day - dt.timedelta(days=days)).strftime("%Y%m%d")
        out.append(moved + (text[8:] if vr == "DT" else ""))
    if not out:
        return None
    return out[0] if len(out) == 1 else out
