"""Text-engine findings that are overlay chrome: vitals, technique codes, series labels."""

from __future__ import annotations

import pytest

from bot.detect.image_suppress import carve_labels, suppress_technical, trim_label, trim_trailing
from bot.detect.types import Finding, Kind


def test_labels_are_trimmed_and_carved_out_of_findings() -> None:
    text = "MRN: 1234567"
    assert trim_label(text, Finding(0, len(text), Kind.ID, 0.6)).start == 5
    glued = "MRN776861DOB10-Feb-1991"
    pieces = carve_labels(glued, Finding(0, len(glued), Kind.ID, 0.6))
    assert [glued[p.start : p.end] for p in pieces] == ["776861", "10-Feb-1991"]
    flagged = "Ross DNR"
    assert trim_trailing(flagged, Finding(0, len(flagged), Kind.NAME, 0.6)).end == 4


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
