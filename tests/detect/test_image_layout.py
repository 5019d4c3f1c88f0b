"""Layout hints: the overlay conventions of scans and monitors, and what is only technique."""

from __future__ import annotations

import pytest

from bot.detect.image_layout import layout_hints
from bot.detect.types import Kind


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
