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


# Issue 13's address pass (`address_stress` dev voice): an address block goes on after its
# town (a county, a postcode alone, a postcode before its town), and a postcode and town tell
# that the field before them is the street. Sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("uk_county_field", "Flat 14Z, Smith Mount; New Naomiport; Devon; E8 5HS", "Devon"),
        ("irish_county_and_eircode", "47 Deegadan Street\nTomas Ville\nCo. Kerry\nE95 01AD", "E95 01AD"),
        ("postcode_before_a_sentence", "from Postfach 4683, 1376 Naters to the clinic", "1376"),
        ("romanian_county", "Intrarea Popa Nr. 29, Topoloveni, jud. Dolj, 100171.", "Dolj"),
        ("street_before_a_postcode", "to Kristiina Hautala, PL 2976, 21517 Pornainen, please", "PL 2976"),
        ("street_on_the_line_before", "Ship to:\nMezi Sklady 6\n239 56 Karlovy Vary", "Mezi Sklady 6"),
    ],
)  # fmt: skip
def test_when_an_address_block_goes_on_then_its_fields_are_found(
    engine: TextEngine, case: str, text: str, value: str
) -> None:
    assert any(value in s for s in spans(engine, text, Kind.LOCATION))


@pytest.mark.parametrize(
    ("case", "text", "after"),
    [
        ("country_after_a_town", "Andersenrøa 548\n9638 Mariusfjell\nNorge", "Norge"),
        ("country_of_two_words", "Máslova 34\n239 56 Karlovy Vary\nCzech Republic", "Czech Republic"),
        ("year_after_a_street", "12 Oak Street, 2024", "2024"),
        ("next_label", "Address: 12 Oak Street\nCity: Springfield", "City"),
        ("state_after_the_town", "12 Oak Street, Ann Arbor, Mich. 48104", "Mich"),
        ("province_after_the_town", "12 Oak Street\nRed Deer\nAlberta", "Alberta"),
    ],
)  # fmt: skip
def test_when_a_country_a_count_or_a_label_follows_then_the_block_ends(
    engine: TextEngine, case: str, text: str, after: str
) -> None:
    assert not any(after in s for s in spans(engine, text, Kind.LOCATION))


# Issue 13's places pass (`world_addresses` dev voice): a county on its own line between the
# town and the postcode, and a town in capitals before a British postcode. Sentences written
# for these tests.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("county_line_word", "Flat 30, 0 Rosie Pines\nNorth Eileen\nHertfordshire\nB57 9XQ", "Hertfordshire"),
        ("county_line_two_words", "220 Malcolm Station\nJeanhaven\nWest Midlands\nTD3 1FU", "West Midlands"),
        ("capitals_before_a_postcode", "FLAT 28, ROBSON VIEW, LAKE TINA FK88 0HH", "LAKE TINA"),
    ],
)  # fmt: skip
def test_when_a_county_line_or_a_town_in_capitals_follows_a_street_then_it_is_found(
    engine: TextEngine, case: str, text: str, value: str
) -> None:
    assert value in spans(engine, text, Kind.LOCATION)


def test_when_english_words_follow_the_town_line_then_they_are_no_county() -> None:
    found_ = towns_after_addresses(
        "220 Malcolm Station\nJeanhaven\nPlease Call\n",
        [Finding(0, 19, Kind.LOCATION, 0.8, "x", "ADDRESS")],
    )
    assert all(
        "Please" not in "220 Malcolm Station\nJeanhaven\nPlease Call\n"[f.start : f.end]
        for f in found_
    )


# A town's "City, ST" does not reach back over its line break: the line above is the person's
# name (a NAME, a direct identifier) or the street (its own LOCATION). Written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "name"),
    [
        ("referral_block", "Referral from Fenwick Family Pharmacy\nJane Gold\nDover, MI 48503\nPhone 617-555-0142", "Jane Gold"),
        ("three_word_name", "Mary Ellen Price\nSpringfield, IL 62704", "Mary Ellen Price"),
        ("name_street_town", "Jane Gold\n12 Oak Street\nDover, MI 48503", "Jane Gold"),
        ("signature", "Thanks,\nJane Gold\nPort Quinton, Ohio 51225\n617-555-0142", "Jane Gold"),
    ],
)  # fmt: skip
def test_when_a_name_line_is_above_a_town_line_then_the_name_is_a_name_and_no_town(
    engine: TextEngine, case: str, text: str, name: str
) -> None:
    assert name in spans(engine, text, Kind.NAME)
    assert not any("\n" in s for s in spans(engine, text, Kind.LOCATION))


@pytest.mark.parametrize(
    ("case", "text", "covered"),
    [
        ("street_then_town", "12 Oak Street\nDover, MI 48503", ["12 Oak Street", "Dover", "48503"]),
        ("street_then_town_no_zip", "12 Oak Street\nDover, MI", ["12 Oak Street", "Dover"]),
    ],
)  # fmt: skip
def test_when_a_street_line_is_above_a_town_line_then_both_stay_locations(
    engine: TextEngine, case: str, text: str, covered: list[str]
) -> None:
    locations = spans(engine, text, Kind.LOCATION)
    assert all(any(part in s for s in locations) for part in covered)
