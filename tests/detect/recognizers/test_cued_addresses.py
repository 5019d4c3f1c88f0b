"""`CuedAddressRecognizer` alone (no spaCy): an address in any case after the words that give
one, each field reported alone (issue 13's places pass, `world_addresses` dev voice). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.cued_addresses import CuedAddressRecognizer
from tests.detect.recognizers.tables import found

CUED = CuedAddressRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "fields"),
    [
        ("spoken_lower_case", 'says "it\'s um 57 tangitapu causeway, in whakawhare, postcode 5050".',
         {"57 tangitapu causeway", "whakawhare", "5050"}),
        ("german_glued", "deliver to schaubstrasse 42, wohlen - side door", {"schaubstrasse 42", "wohlen"}),
        ("portuguese_type_first", "confirmed address as praça do caminho novo, 41, 3947-337 oliveira do bairro, no change",
         {"praça do caminho novo, 41", "3947-337 oliveira do bairro"}),
        ("polish_abbreviation", "address is al. dąbrowskiego 27, 01-115 przemyśl", {"al. dąbrowskiego 27", "01-115 przemyśl"}),
        ("flat_first_state_left_out", "confirmed address as flat 31, 7314 david curve, north kevin, wi 06082, no change",
         {"flat 31", "7314 david curve", "north kevin", "wi 06082"}),
        ("capitals", "LIVES AT 14 OAK ROAD, LEEDS", {"14 OAK ROAD", "LEEDS"}),
        ("quebec_number_first", "deliver to 06570 rang aurélie, la lepage - side door", {"06570 rang aurélie", "la lepage"}),
        ("mexican_units", "address as retorno romo 741 edif. 383 , depto. 916, c.p. 05641, nueva qatar, yuc, no change",
         {"retorno romo 741 edif. 383 ", "depto. 916", "c.p. 05641", "nueva qatar"}),
    ],
)  # fmt: skip
def test_when_an_address_follows_its_cue_in_any_case_then_each_field_is_found(
    case: str, text: str, fields: set[str]
) -> None:
    assert {span for span, _ in found(CUED, text)} == fields


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("distance", "it's 2 miles down the road from the clinic"),
        ("walk", "it's 5 mins walk from the station"),
        ("tablets", "it's 2 green tablets twice a day"),
        ("bay", "she moved to bay 3 this morning"),
        ("ward", "delivered to ward 7, 2 boxes"),
        ("no_cue", "14 oak road"),
        ("prose_before", "it's the one near 14 oak road"),
    ],
)
def test_when_no_street_follows_the_cue_then_nothing_is_found(case: str, text: str) -> None:
    assert found(CUED, text) == set()


def test_when_prose_follows_the_street_then_the_fields_stop_there() -> None:
    text = "he lives at 14 oak road with his daughter next door"
    assert {span for span, _ in found(CUED, text)} == {"14 oak road"}


def test_when_a_clause_in_capitals_follows_the_town_then_it_is_no_field() -> None:
    text = "PT LIVES AT 542 HILL LANE, MADRID, WIFE ÁNH REACHABLE AT (793) 377-7104"
    assert {span for span, _ in found(CUED, text)} == {"542 HILL LANE", "MADRID"}
