"""`CountyRecognizer` alone (no spaCy): counties and parishes by name, abbreviated, "of", in a
form's field, and the offices and companies that only look like one."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.counties import CountyRecognizer
from tests.detect.recognizers.tables import found

COUNTIES = CountyRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("after", "parked at the Hunt County lot", {("Hunt", "CITY")}),
        ("two_words", "lives in St. Louis County now", {("St. Louis", "CITY")}),
        ("before", "she grew up in County Cork.", {("Cork", "CITY")}),
    ],
)
def test_when_a_county_is_named_then_the_name_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(COUNTIES, text) == expected


@pytest.mark.parametrize(
    ("case", "text"), [("article", "The County said no"), ("lower", "the county said no")]
)
def test_when_county_has_no_name_then_nothing_is_found(case: str, text: str) -> None:
    assert found(COUNTIES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("abbreviated_after_of", "of Bannock Co., used", {("Bannock Co.", "CITY")}),
        ("abbreviated_after_comma", "75788, Tillamook Co.. Contact", {("Tillamook Co.", "CITY")}),
        ("lower_case_county", "Lamoille county and", {("Lamoille", "CITY")}),
        ("particle", "of De Kalb Co., used", {("De Kalb Co.", "CITY")}),
    ],
)
def test_when_a_county_is_abbreviated_or_lower_case_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(COUNTIES, text) == expected


def test_when_co_ends_a_company_name_then_it_is_no_county() -> None:
    assert found(COUNTIES, "Acme Co. shipped the pump") == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("parish_in_parentheses", "for Michał Indyk (Caddo Parish). Daughter", "Caddo Parish"),
        ("township", "Ashby Township and", "Ashby Township"),
        ("twp", "and Orrin Twp.", "Orrin Twp."),
    ],
)
def test_when_a_parish_or_township_is_named_then_its_word_goes_with_it(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(COUNTIES, text)}


def test_when_co_follows_a_comma_after_words_then_it_is_a_company() -> None:
    assert found(COUNTIES, "on the highway 2 hrs, Acme Co. sells") == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("county_of", "resides in the County of Kanawha.", "County of Kanawha"),
        ("parish_of", "Parish of St. Landry, Louisiana", "Parish of St. Landry"),
        ("county_field", "Effective: 2026\nCounty: Dutchess\nNext", "Dutchess"),
        ("county_field_co", "County: Washtenaw Co.\n", "Washtenaw Co."),
        ("co_after_town", "lives alone in Bangor, Muskingum Co., in", "Muskingum Co."),
    ],
)
def test_when_a_county_is_written_of_or_in_a_field_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(COUNTIES, text)}


@pytest.mark.parametrize(
    "text", ["County: Unknown\n", "County Clerk\n\nDriver note: left it", "the county of residence"]
)
def test_when_a_county_field_or_word_names_no_county_then_nothing_is_found(text: str) -> None:
    assert found(COUNTIES, text) == set()


def test_when_a_bar_closes_a_county_field_then_the_county_is_found() -> None:
    text = "Town/City: Port Jayside | County: South Lanarkshire | Postcode: M6 2GH"
    assert ("South Lanarkshire", "CITY") in found(COUNTIES, text)
