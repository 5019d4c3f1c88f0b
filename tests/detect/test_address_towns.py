"""The town of a postal address block, after its street line (issue 13). Sentences written for
these tests, not taken from any corpus."""

from __future__ import annotations

import pytest

from bot.detect.address_towns import towns_after_addresses
from bot.detect.engine import TextEngine
from bot.detect.types import Finding, Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("case", "text", "town"),
    [
        # a town that is also a surname or a word needs a cue; the street line is one
        ("next_line_after_a_street", "Robert Stuart\n810 Jacqueline Burg Suite 961\nLake Kelly\nHome: (428)415-4516", "Lake Kelly"),
        ("after_a_european_street", "Brigitta-Bohlander-Platz 728, Berlin\nHome phone 01613080728", "Berlin"),
        ("next_line_european", "Aynur Hettner\nRaymond-Heser-Weg 47/12\nHannover\nHome: +49 4476716492", "Hannover"),
        ("before_its_state_and_zip", "Andrew Taylor\n0777 Simpson Fields\nSuzanneberg, WA 98101", "Suzanneberg"),
    ],
)  # fmt: skip
def test_when_a_street_line_is_followed_by_its_town_then_the_town_is_found(
    engine: TextEngine, case: str, text: str, town: str
) -> None:
    assert any(town in s for s in spans(engine, text, Kind.LOCATION))


@pytest.mark.parametrize(
    ("case", "text", "after"),
    [
        ("thanks_after_a_street", "12 Oak Street, 4th floor\nThanks", "Thanks"),
        ("form_field_after_a_street", "12 Oak Street\nHome Phone: 555-0134", "Home Phone"),
        ("unit_after_a_street", "12 Oak Street\nApt 4B", "Apt"),
        ("sentence_after_a_street", "lives at 12 Oak Street, Kevin is her son", "Kevin"),
    ],
)
def test_when_no_town_follows_a_street_then_nothing_is_added(
    engine: TextEngine, case: str, text: str, after: str
) -> None:
    assert not any(f.recognizer == "TownAfterAddress" for f in engine.findings(text))


def test_when_the_town_is_already_found_then_the_pass_adds_nothing() -> None:
    text = "12 Oak Street\nLake Kelly"
    street = Finding(0, 13, Kind.LOCATION, 0.8, "AddressRecognizer", "ADDRESS")
    town = Finding(14, 24, Kind.LOCATION, 0.7, "CityRecognizer", "CITY")
    assert towns_after_addresses(text, [street, town]) == [street, town]
    added = towns_after_addresses(text, [street])
    assert [(text[f.start : f.end], f.subtype) for f in added] == [
        ("12 Oak Street", "ADDRESS"),
        ("Lake Kelly", "CITY"),
    ]
