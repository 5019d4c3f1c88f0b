"""The address recognizer alone (no spaCy): streets, boxes, ZIP and postcodes, and the everyday words that
share their shapes."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.addresses import AddressRecognizer
from tests.detect.recognizers.tables import found

ADDRESSES = AddressRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("street", "lives at 12 Oak Street", {("12 Oak Street", "ADDRESS")}),
        ("street_letter", "221B Baker Street", {("221B Baker Street", "ADDRESS")}),
    ],
)
def test_when_an_address_is_written_then_exactly_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(ADDRESSES, text) == expected


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("zip_after_state_name", "Quinton, Maine 00240", "00240"),
        ("zip_after_town", "4872 Hwy 57 S, East Callow 90401", "90401"),
        (
            "house_range",
            "home at 44-62 David Grove Lot 29; card",
            "44-62 David Grove Lot 29",
        ),
        (
            "half_number_direction",
            "then 1053 1/2 Thompson Lane SW (",
            "1053 1/2 Thompson Lane SW",
        ),
        (
            "flat_first",
            "Flat 10, 99 Griffin Lane, Port Sylvia",
            "Flat 10, 99 Griffin Lane",
        ),
        ("pob", "mail to POB 51552, Cedar Rapids", "POB 51552"),
        ("post_office_box", "Post Office Box 55695\nYuma", "Post Office Box 55695"),
        ("box_line", "Joshua Berry\nBox 30516\nYuma, Ky. 94935", "Box 30516"),
        ("box_after_mail_to", "mail to Box 42539, Thomasport, IA", "Box 42539"),
        ("apo_zip", "PSC 5489, Box 5917\nDPO AA 24403\n", "DPO AA 24403"),
        ("ap_state_zip", "Box 30516\nYuma, Ky. 94935", "94935"),
        ("zip_area", "The 88598 area is off our route", "88598"),
        ("ship", "USS Crawford\nFPO AP 87025", "USS Crawford"),
        ("military_post_office", "USS Crawford\nFPO AP 87025", "FPO AP 87025"),
        ("territory_zip", "North Amanda, FM 91391", "91391"),
    ],
)
def test_when_an_address_is_written_then_its_span_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(ADDRESSES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("tablets", "12 tabs daily"),
        ("route", "route 66"),
        ("box_in_prose", "put 2 in the box 12 times"),
        ("english_word_before_number_zip", "seen 3/4, Total 12345"),
        ("ship_word_in_prose", "the USS dashboard"),
        ("territory_without_zip", "AS of today, FM radio"),
    ],
)
def test_when_words_only_look_like_address_then_nothing_is_found(case: str, text: str) -> None:
    assert found(ADDRESSES, text) == set()


# Issue 13's places pass (`world_addresses` dev voice): a four-digit postcode after its town on
# the street's line or the next, after a rural delivery round or a PO box. Sentences written for
# these tests.
@pytest.mark.parametrize(
    ("case", "text", "code"),
    [
        ("after_rural_delivery", "Helen Bond, 87 Michael Heights, RD 3, Araporua 9604. Thanks", "9604"),
        ("next_line_capitals", "JOHN GLEDHILL\n51 HAM CIRCLE\nRONGOROHE 4744\nIf out", "4744"),
        ("next_line_title", "Flat 10, 63 Brooks View\nMathewtown 2206\n\nDear Dr Walker", "2206"),
        ("after_a_po_box", "RE: Levi Higgins, PO Box 738, Mokotaihoro 5105", "5105"),
    ],
)  # fmt: skip
def test_when_a_four_digit_postcode_closes_the_town_line_then_it_is_found(
    case: str, text: str, code: str
) -> None:
    assert any(code == span for span, _ in found(ADDRESSES, text))


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("time_after_box", "PO Box 738, Clinic 1400-1500 only"),
        ("count_next_line", "12 Oak Street\nWard 2 1600"),
    ],
)
def test_when_no_town_and_code_close_the_line_then_no_postcode_is_found(
    case: str, text: str
) -> None:
    assert not any(span.isdigit() and len(span) == 4 for span, _ in found(ADDRESSES, text))


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        (
            "time_before",
            "pickups at 16:30 from 4868 Market Street",
            {("4868 Market Street", "ADDRESS")},
        ),
        (
            "time_before_abbreviated",
            "Pickups at 9:15 from 200 Oak Ave, returns",
            {("200 Oak Ave", "ADDRESS")},
        ),
        ("count_before", "she lives at 3 from 12 Main St", {("12 Main St", "ADDRESS")}),
        ("numbered_road", "Lives at 20000 W 7 Mile Rd", {("20000 W 7 Mile Rd", "ADDRESS")}),
        (
            "store_number_line_before",
            "Pharmacy #2197\n4459 Industrial Pkwy",
            {("4459 Industrial Pkwy", "ADDRESS")},
        ),
    ],
)
def test_when_a_number_stands_before_the_house_number_then_the_street_starts_at_the_house(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(ADDRESSES, text) == expected
