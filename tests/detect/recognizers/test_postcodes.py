"""`PostcodeRecognizer` alone (no spaCy): postcodes of several countries after their label, a
Canadian postcode alone, and a town after its label; counts, words and labels with no value
left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.postcodes import PostcodeRecognizer
from tests.detect.recognizers.tables import found

POSTCODES = PostcodeRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("uk", "postcode: SW1A 1AA", {("SW1A 1AA", "ZIP")}),
        ("uk_lower", "post code sw1a 1aa", {("sw1a 1aa", "ZIP")}),
        ("us_zip_is", "her zip is 02139", {("02139", "ZIP")}),
        ("zip_code", "zip code 94110-1234", {("94110-1234", "ZIP")}),
        ("germany", "PLZ 10115", {("10115", "ZIP")}),
        ("brazil", "CEP 01310-100", {("01310-100", "ZIP")}),
        ("netherlands", "postcode 1012 AB", {("1012 AB", "ZIP")}),
        ("ireland", "Eircode D02 X285", {("D02 X285", "ZIP")}),
        ("canada_alone", "moved to K1A 0B6 last year", {("K1A 0B6", "ZIP")}),
        ("town_colon", "Town: Quarrington", {("Quarrington", "CITY")}),
        ("village_of", "from the village of Hollowmere", {("Hollowmere", "CITY")}),
        ("place_of_birth", "place of birth: Little Pemberton", {("Little Pemberton", "CITY")}),
    ],
)
def test_when_a_postcode_or_town_is_labelled_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(POSTCODES, text) == expected


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("zip_no_value", "zip it up please"),
        ("postcode_word", "postcode unknown"),
        ("town_no_label_value", "town hall meeting at 3"),
        ("city_word", "city: Unknown"),
        ("tnm_stage", "staged T2N0M0"),
        ("city_lower", "the city is busy tonight"),
        ("label_without_cue", "city Hospital"),
    ],
)
def test_when_no_place_follows_the_label_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(POSTCODES, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("glued", "Danielbury, BC Y3R3B6 on 8/23", "Y3R3B6"),
        ("spaced_province_name", "Lethbridge, Alberta T5A 5P7 on", "T5A 5P7"),
    ],
)
def test_when_a_canadian_postcode_follows_its_province_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert (value, "ZIP") in found(POSTCODES, text)


def test_when_a_glued_postcode_shape_has_no_province_then_it_is_left_alone() -> None:
    assert found(POSTCODES, "lot Y3R3B6 expires") == set()


# At the end of an address line, right after its town, an Eircode and a Canadian postcode
# without its space (issue 13, `clinic_letters` and `intake_desk` dev voices); a code after a
# word that is no town, or whose letters are a word, is no postcode.
@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("eircode_after_town", "57 McGilroy Terrace, Athlone E86 M2U0: your ticket", "E86 M2U0"),
        ("eircode_after_comma", "240 McAreavey Crescent, Athlone, G06 W8E1: copies", "G06 W8E1"),
        ("canada_glued", "98932 Garcia Motorway Suite 913, Janettown Y8B5V9.", "Y8B5V9"),
    ],
)
def test_when_a_postcode_follows_its_town_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(POSTCODES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("word_before_code", "see Update A1B2C3 for the kit"),
        ("bed_letters", "the code is Ward C12 BED4 now"),
        ("lower_case_word", "batch a12 b345 arrived"),
    ],
)
def test_when_a_code_follows_a_word_that_is_no_town_then_it_is_no_postcode(
    case: str, text: str
) -> None:
    assert found(POSTCODES, text) == set()


# Issue 13's address pass (`address_stress` dev voice): the labels other languages' forms give
# a postcode and a town, and a code named before its label. Sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("danish", "Postnr.: 5913", ("5913", "ZIP")),
        ("finnish", "Postinumero: 82627", ("82627", "ZIP")),
        ("czech", "PSČ: 119 16", ("119 16", "ZIP")),
        ("polish_two_digits", "her postcode is 45-759, town Żywiec.", ("45-759", "ZIP")),
        ("mexico", "C.P. 39614 San Esperanza", ("39614", "ZIP")),
        ("japan", "〒468-9692 長崎県", ("468-9692", "ZIP")),
        ("china", "邮编 417012", ("417012", "ZIP")),
        ("on_file", "The postcode on file (2380) is right.", ("2380", "ZIP")),
        ("before_label", "gave 2466 as the postcode", ("2466", "ZIP")),
        ("hungarian_county", "Megye: Zala", ("Zala", "CITY")),
        ("norwegian_town", "Poststed: Sondrefjell", ("Sondrefjell", "CITY")),
        ("german_listed_word", "Ort: Baden", ("Baden", "CITY")),
        ("danish_by", "By: Nexø", ("Nexø", "CITY")),
    ],
)
def test_when_another_language_labels_a_postcode_or_town_then_it_is_found(
    case: str, text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(POSTCODES, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("by_a_word", "We stood by: Main"),
        ("ort_next_label", "Ort: PLZ"),
        ("cap_word", "cap it at 3 doses"),
        ("count_as_the", "gave 2 as the dose"),
    ],
)
def test_when_a_foreign_label_names_no_place_then_nothing_is_found(case: str, text: str) -> None:
    assert found(POSTCODES, text) == set()


# Issue 13's places pass (`world_addresses` dev voice): whose code it is may stand between the
# label and its colon. Sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text", "code"),
    [
        ("for_a_name", "new postcode for Marianna: 77-491", "77-491"),
        ("four_digits", "new postcode for Karen: 9169", "9169"),
        ("dutch", "postcode for her mum: 5484 FV", "5484 FV"),
        ("portuguese", "zip for Yasmin Dias: 4974-777", "4974-777"),
    ],
)
def test_when_a_postcode_label_says_whose_code_it_is_then_the_code_is_found(
    case: str, text: str, code: str
) -> None:
    assert (code, "ZIP") in found(POSTCODES, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [("duration", "the zip for 3 months was wrong"), ("no_colon", "postcode for Karen 9169")],
)
def test_when_no_colon_closes_whose_code_it_is_then_nothing_is_found(case: str, text: str) -> None:
    assert found(POSTCODES, text) == set()
