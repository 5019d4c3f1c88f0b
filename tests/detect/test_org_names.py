"""Organisations' names, their own streets and their forms' numbers are no one's PHI
(bot/detect/org_names.py, issue 13); a patient's name or street beside them stays found."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.org_names import organisation_name_spans
from bot.detect.types import Finding, Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Transfers go to Safeway this week.", "Safeway"),
        ("Back-ordered at Owens & Minor until May.", "Minor"),
        ("Teva and Hikma both report a shortage.", "Hikma"),
        ("Refill faxed to Thornbury Drug today.", "Thornbury"),
        ("Invoice from Caldwell Biologics Inc attached.", "Caldwell"),
        ("Samples came from Pruett & Co. yesterday.", "Pruett"),
        ("Kinsey Family Pharmacy (Ashby store #412) is closed.", "Ashby"),
        # device makers a ward names (issue 13): a town and a surname inside their names
        ("Rep from Boston Scientific is coming at 2 to check the pacer.", "Boston"),
        ("Medtronic and Boston Scientific both called back.", "Boston"),
        ("Smith & Nephew rep dropping off the dressing samples.", "Smith"),
        ("Zimmer Biomet tray is missing a trial.", "Zimmer"),
    ],
)
def test_when_an_organisation_is_named_then_it_is_no_name(
    engine: TextEngine, text: str, org: str
) -> None:
    assert not any(org in s for s in spans(engine, text, Kind.NAME))
    assert not any(org in s for s in spans(engine, text, Kind.LOCATION))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Mr. Safeway called about his refill.", "Safeway"),
        ("Pt Hikma (DOB 01/02/1960) needs a PA.", "Hikma"),
        ("Callback for Holly Safeway re her Eliquis.", "Holly Safeway"),
        ("Meijer, DOB 3/4/1950, called twice.", "Meijer"),
        ("Her daughter Meijer called.", "Meijer"),
        # a maker named by a surname alone is listed only with its company word
        ("Abbott in bed 4 needs her pump checked.", "Abbott"),
        ("Mr Smith asked about the Smith & Nephew dressing.", "Smith"),
        ("B. Braun 67M admitted overnight.", "B. Braun"),
        ("Frau Dräger liegt in Zimmer 12.", "Dräger"),
        ("Pt Karl Storz in bed 3.", "Karl Storz"),
    ],
)
def test_when_a_listed_name_has_a_persons_evidence_then_it_stays_a_name(
    engine: TextEngine, text: str, name: str
) -> None:
    assert name in spans(engine, text, Kind.NAME)


def test_when_a_street_follows_an_organisation_then_it_is_no_address(engine: TextEngine) -> None:
    text = "Fax cover - Walgreens #1234, 12 Main St, Springfield\nRefills only."
    assert spans(engine, text, Kind.LOCATION) == []


def test_when_a_street_follows_a_patient_then_it_stays_found(engine: TextEngine) -> None:
    text = "Deliver to: Ann Baker, 12 Elm St, Springfield, OH 44512, from Walgreens #1234"
    found = spans(engine, text, Kind.LOCATION)
    assert "12 Elm St" in found
    assert "44512" in found


def test_when_a_patient_moves_after_a_transfer_then_the_new_street_stays(
    engine: TextEngine,
) -> None:
    text = "Transfer in from Kroger Pharmacy #123. New address 44 Oak St, Dover 44512."
    assert "44 Oak St" in spans(engine, text, Kind.LOCATION)


@pytest.mark.parametrize(
    "text",
    [
        "Form CMS-10440 (Rev. Nov 2025) page 2 asks for the NPI.",
        "Reminder: the RX-PA-7 prior-auth form was revised.",
        "Use form UPAF-2 for renewals.",
    ],
)
def test_when_an_id_is_a_forms_number_then_it_is_no_id(engine: TextEngine, text: str) -> None:
    assert spans(engine, text, Kind.ID) == []


def test_when_a_patients_number_is_beside_a_form_then_it_stays(engine: TextEngine) -> None:
    assert any("12345678" in s for s in spans(engine, "MRN 12345678 on the consent form.", Kind.ID))
    found = spans(engine, "Pt MRN 12345678, Form CMS-10440 attached", Kind.ID)
    assert any("12345678" in s for s in found)
    assert not any("CMS-10440" in s for s in found)


def test_when_a_county_or_a_lab_is_named_then_it_stays_a_place(engine: TextEngine) -> None:
    text = "Home draw at 6138 Pennyroyal Blvd, Port Talbot 34584, Okanogan Co. for Kim Lee"
    assert any("Okanogan" in s for s in spans(engine, text, Kind.LOCATION))
    text = "Specimen box picked up from Quinton Valley Labs on Monday."
    assert any("Quinton Valley" in s for s in spans(engine, text, Kind.LOCATION))


def test_when_an_ssn_stands_by_a_form_then_it_stays_found(engine: TextEngine) -> None:
    text = "Ann Lee 123-45-6789 enrollment form attached."
    assert any("123-45-6789" in s for s in spans(engine, text, Kind.ID))


def test_a_text_with_no_name_place_or_street_found_is_not_scanned_for_organisations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # only a name, a place or a street is ever dropped for an organisation's name beside it
    from bot.detect import org_names

    def refuse(text: str) -> list[tuple[int, int, bool]]:
        raise AssertionError("scanned for organisations")

    monkeypatch.setattr(org_names, "_name_spans", refuse)
    text = "Walgreens refill for 03/14, ref 4417-2209-88"
    found = [Finding(21, 26, Kind.DATE, 0.9, "ClinicalDateRecognizer", "")]
    assert organisation_name_spans(text, found) == []
    with pytest.raises(AssertionError):
        organisation_name_spans(text, [Finding(0, 9, Kind.NAME, 0.6, "NameRecognizer", "")])


def test_when_an_organisations_street_line_is_read_with_its_town_then_it_is_the_organisations(
    engine: TextEngine,
) -> None:
    text = "Fenwick Family Pharmacy #2197\n4459 Industrial Pkwy\nDover, MI 00485"
    assert spans(engine, text, Kind.LOCATION) == []
    patient = "Pt Jane Roe\n4459 Industrial Pkwy\nDover, MI 00485"
    assert any("4459 Industrial Pkwy" in s for s in spans(engine, patient, Kind.LOCATION))
