"""Layout hints: the overlay conventions of scans and monitors, and what is only technique."""

from __future__ import annotations

import pytest

from bot.detect.image_layout import layout_hints, suppress_technical
from bot.detect.types import Finding, Kind


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("DOE, JANE", Kind.NAME, "DOE, JANE"),
        ("SMITH^JOHN^A", Kind.NAME, "SMITH^JOHN^A"),
        ("ID: 12345678", Kind.ID, "12345678"),
        ("Acc: A998877", Kind.ID, "A998877"),
        ("MRN# 00451234", Kind.ID, "00451234"),
        ("DOB: 03/14/1957", Kind.DATE, "03/14/1957"),
        ("Study Date 2024-01-12", Kind.DATE, "2024-01-12"),
        ("12-Jan-2024", Kind.DATE, "12-Jan-2024"),
        ("67Y M", Kind.AGE, "67Y M"),
        ("Mercy General Hospital", Kind.LOCATION, "Mercy General Hospital"),
        ("Rm 412B", Kind.ROOM, "412B"),
        ("Ref: Dr. Alvarez", Kind.NAME, "Alvarez"),
        ("Dr.Austin DNR", Kind.NAME, "Austin"),
        ("DAVIS, J0SEPH Bed 31", Kind.NAME, "DAVIS, J0SEPH"),
        ("SERRANO,DAVIDBed12MRN67390467", Kind.NAME, "SERRANO,DAVID"),
        ("SERRANO,DAVIDBed12MRN67390467", Kind.ROOM, "12"),
        ("SERRANO,DAVIDBed12MRN67390467", Kind.ID, "67390467"),
        ("MRN:801133D0B:19381209", Kind.DATE, "19381209"),
        ("87YMAdm:2026-01-15", Kind.AGE, "87YM"),
        ("2025-01-1501:05:27", Kind.DATE, "2025-01-15"),
        ("Age: 45 yrs", Kind.AGE, "45 yrs"),
        ("Accession Number: 7788990", Kind.ID, "7788990"),
        ("Patient: SMITH, JOHN", Kind.NAME, "SMITH, JOHN"),
    ],
)
def test_when_overlay_convention_then_hint(text: str, kind: Kind, value: str) -> None:
    found = {(f.kind, text[f.start : f.end]) for f in layout_hints(text)}
    assert (kind, value) in found


@pytest.mark.parametrize(
    "text",
    [
        "W: 400 L: 40",
        "120 kVp 250 mAs",
        "Se: 3 Im: 45/120",
        "HR 72 SpO2 98%",
        "BP 120/80 (93)",
        "14:22:05",
        "25 mm/s 10 mm/mV",
        "0 1 2 3 4 5 cm",
        "L R",
        "AX T2 FLAIR",
        "1011121314",
        "21314 cm",
    ],
)
def test_when_technique_label_or_vitals_then_no_hint(text: str) -> None:
    assert layout_hints(text) == []


def test_suppress_technical_drops_vitals_and_labels_misread_as_phi() -> None:
    text = "BP 120/80 kVp 14:22 DOE"
    findings = [
        Finding(3, 9, Kind.DATE, 0.6),
        Finding(10, 13, Kind.NAME, 0.6),
        Finding(14, 19, Kind.DATE, 0.6),
        Finding(20, 23, Kind.NAME, 0.8),
    ]
    assert [text[f.start : f.end] for f in suppress_technical(text, findings)] == ["DOE"]


def test_suppress_technical_drops_study_descriptions_and_glued_technique_but_not_accessions() -> (
    None
):
    text = "MR KNEE LT\nXRCHESTPA\nkVp120mAs200\nCT1234567"
    findings = [
        Finding(3, 10, Kind.NAME, 0.7),  # "KNEE LT", as the name recogniser read it
        Finding(11, 20, Kind.LOCATION, 0.6),
        Finding(21, 33, Kind.ID, 0.6),
        Finding(34, 43, Kind.ID, 0.6),
    ]
    assert [text[f.start : f.end] for f in suppress_technical(text, findings)] == ["CT1234567"]


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("543CORMPR", Kind.ID),  # "Se 3 COR MPR", photographed
        ("5045AGSTIR", Kind.ID),  # "Se 4 SAG STIR": the S of SAG read as 5
        ("5045AGSTIR", Kind.LOCATION),  # ... which a foreign-address pattern also took
        ("5045 AGSTIR", Kind.LOCATION),  # the demerged copy's spelling
        ("2AXFLAIR", Kind.ID),
    ],
)
def test_when_a_series_number_is_glued_to_its_label_then_it_is_no_id(
    token: str, kind: Kind
) -> None:
    assert suppress_technical(token, [Finding(0, len(token), kind, 0.6)]) == []


@pytest.mark.parametrize(
    "token",
    [
        "12345678CORMPR",  # an identifier's length of digits, whatever follows
        "1234STIR",  # one sequence word alone
        "4521DAVIS",  # a number and a name
        "E7357725",
        "5045AGENT",  # "sagent" is no run of series words
    ],
)
def test_when_the_token_is_not_a_series_label_then_its_id_stays(token: str) -> None:
    assert len(suppress_technical(token, [Finding(0, len(token), Kind.ID, 0.6)])) == 1
