"""Four-digit postcodes of Australia and New Zealand (Safe Harbor's geographic subdivisions;
issue 13). Sentences written for these tests."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind
from tests.detect.conftest import spans


@pytest.mark.parametrize(
    ("case", "text", "postcode"),
    [
        ("after_a_state", "Address: 14 Kent St, Parramatta NSW 2150", "2150"),
        ("after_a_state_in_prose", "She lives in Fitzroy VIC 3065 with her son.", "3065"),
        ("territory_with_leading_zero", "PO Box 18, Darwin NT 0800", "0800"),
        ("after_a_state_and_comma", "7 Hay St, Perth, WA, 6000", "6000"),
        ("closing_a_street_line_town", "Address: 22 Queen St, Auckland 1010", "1010"),
        ("closing_a_two_word_town", "home is 9 Ranui Road, Palmerston North 4410", "4410"),
    ],
)
def test_when_a_four_digit_postcode_closes_an_address_then_it_is_a_location(
    engine: TextEngine, case: str, text: str, postcode: str
) -> None:
    assert any(postcode in s for s in spans(engine, text, Kind.LOCATION))


@pytest.mark.parametrize(
    ("case", "text", "number"),
    [
        ("a_time_after_a_street", "meet at 12 Oak Ave, after 1730", "1730"),
        ("a_year_in_prose", "moved to Sydney in 2019", "2019"),
        ("a_count_after_the_clinic", "the clinic on 3 Main St saw 1200 patients", "1200"),
        ("a_state_then_a_decimal", "SA 1234.5 mL", "1234"),
    ],
)
def test_when_four_digits_are_no_postcode_then_they_stay(
    engine: TextEngine, case: str, text: str, number: str
) -> None:
    assert not any(number in s for s in spans(engine, text, Kind.LOCATION))
