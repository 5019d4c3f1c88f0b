"""The town recognizer alone (no spaCy): towns and cities by their shape and cues, and the everyday words that
share their shapes."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.towns import CityRecognizer
from tests.detect.recognizers.tables import found

CITIES = CityRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("town_after_from", "from Boston", {("Boston", "CITY")}),
        # a town's words stay on its line: the name line above is no part of it
        (
            "name_line_above",
            "Jane Gold\nPort Quinton, OH",
            {("Port Quinton", "CITY"), ("Port Quinton, OH", "CITY")},
        ),
        (
            "name_line_above_state",
            "Jane Gold\nPort Quinton, Ohio 51225",
            {("Port Quinton", "CITY")},
        ),
    ],
)
def test_when_a_town_is_written_then_exactly_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(CITIES, text) == expected


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        # The second leaks pass (issue 13, tuned on the occ_health dev voice): towns named by a form's
        # field, an employer's site, a letterhead, a "lives out past", and schools named for a place.
        (
            "town_field",
            "Address: 12 Wren St\nCity: Tillery Gap\nZIP",
            {("Tillery Gap", "CITY")},
        ),
        ("town_site", "works at the Quimby depot", {("Quimby", "CITY")}),
        ("site_label", "Site: Marsh Gap distribution center", {("Marsh Gap", "CITY")}),
        (
            "letterhead",
            "School Health Office, Shelbourne Falls\n",
            {("Shelbourne Falls", "CITY")},
        ),
        ("lives_past", "He lives out past Okanee now", {("Okanee", "CITY")}),
        # town fields as registration forms label and fill them (issue 13, leaks pass 3): in
        # capitals or small letters, after "Mailing City", "City, State, ZIP", "Place of
        # residence", "Lives in"; before a postcode
        (
            "field_capitals",
            "Mailing City: LAKE NATALIEVILLE\n",
            {("LAKE NATALIEVILLE", "CITY")},
        ),
        (
            "field_small_letters",
            "Pt city: east karlfurt\nHealth insurance: yes",
            {("east karlfurt", "CITY")},
        ),
        (
            "field_city_state_zip",
            "City, State, ZIP: NORTH JASONBURGH\n",
            {("NORTH JASONBURGH", "CITY")},
        ),
        (
            "field_residence",
            "Place of Residence: Barcelona\nClinic: Family Medicine",
            {("Barcelona", "CITY")},
        ),
        (
            "field_lives_in",
            "Lives in: WEST TYLERSHIRE\nHealth Plan: Aetna",
            {("WEST TYLERSHIRE", "CITY")},
        ),
        ("field_of_birth", "City of Birth: BUCKTOWN H8B1N5\n", {("BUCKTOWN", "CITY")}),
        (
            "field_listed_town_in_small_letters",
            "Town: melsungen\n",
            {("melsungen", "CITY")},
        ),
        ("field_county", "County: Kerr\nHome Phone: 555-0100", {("Kerr", "CITY")}),
        ("field_suburb_capitals", "SUBURB: AMBERBOROUGH\n", {("AMBERBOROUGH", "CITY")}),
        (
            "field_township",
            "Township: Rebeccaport\nHealth Plan: Aetna",
            {("Rebeccaport", "CITY")},
        ),
    ],
)
def test_when_a_town_is_written_then_it_is_found_with_its_subtype(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= found(CITIES, text)


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("town_led_by_port_english_word", "Lives in Port Belfry. Daughter", "Port Belfry"),
        (
            "town_led_by_lake_city_state",
            "PO Box 6, Lake Harrow, ID 85448",
            "Lake Harrow, ID",
        ),
        (
            "state_written_out_with_zip",
            "PO Box 5, Port Quinton, Ohio 51225.",
            "Port Quinton",
        ),
        ("english_word_city_with_zip", "PO Box 3, Belfry, WI 31448.", "Belfry, WI"),
        ("city_stops_at_full_stop", "14 Heron Pond Trail, Glen Corwin. ME", "Glen Corwin"),
        ("town_after_move", "Moved here from Crowley Springs in 11/97.", "Crowley Springs"),
        (
            "town_after_distance",
            "3 mi north of Crowley Springs\nCaregiver",
            "Crowley Springs",
        ),
        ("town_before_zip", "4872 Hwy 57 S, East Callow 90401", "East Callow"),
        (
            "town_state_zip_line",
            "4712 Stone Port Apt. 353\nLake Davidfort MN 45707",
            "Lake Davidfort",
        ),
        ("ap_state_town", "Box 30516\nYuma, Ky. 94935", "Yuma"),
        ("glued_town", "Roads were icy, so the Whitefort stops go", "Whitefort"),
        ("glued_town_view", "then 4 Oak Mall (Curtisview), then", "Curtisview"),
        (
            "head_and_given_name",
            "Her niece drives up from Port Rita or West Brian",
            "West Brian",
        ),
        ("head_and_glued", "so the New Matthewberg stops go tomorrow", "New Matthewberg"),
        ("neighbourhood", "lives alone in the Five Points neighborhood", "Five Points"),
        ("street_name_ordinal", "the laundromat on 79th Ave, in", "79th Ave"),
        ("street_name_direction", "the laundromat on Rios St E, in", "Rios St E"),
        ("street_name_words", "then back up Old Mill Ln to the", "Old Mill Ln"),
        # a listed town in lower case after the street's comma, though it is also in the word
        # list (a regression of 61f4ff1's "then" veto)
        ("lower_listed_town_after_street", "dc home to 12 oak ave, fresno ca", "fresno"),
        ("lower_town_before_postcode", "6174 park rd, springfield sw17 4bp", "springfield"),
        ("lower_town_line_end", "she's at her sister's, 19 king st, leeds", "leeds"),
        ("trip_from", "Mileage log: Dunhaven to Port Renwick, 38 mi, 10th", "Dunhaven"),
        ("trip_to", "Mileage log: Dunhaven to Port Renwick, 38 mi, 10th", "Port Renwick"),
        ("territory_town", "2585 Hubbard Lodge\nLake Jack, AS 45290", "Lake Jack"),
        ("joined_french_town", "Dad lives in Garcia-sur-Ferrand now", "Garcia-sur-Ferrand"),
        ("french_glued_town", "born in Guyondan, moved", "Guyondan"),
        ("french_ville", "then moved to MercierVille", "MercierVille"),
        ("home_then_town", "Alexis Cordova seen at home, New Lisle. BP 132/78", "New Lisle"),
        ("home_then_place_noun_town", "Luke Murphy seen at home, Pike Hollow. BP", "Pike Hollow"),
        ("her_home_in", "visited at her home in Vail Crossing (rural)", "Vail Crossing"),
    ],
)
def test_when_a_town_is_written_then_its_span_is_found(case: str, text: str, value: str) -> None:
    assert value in {span for span, _subtype in found(CITIES, text)}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("in_bed", "in bed"),
        ("town_as_food", "Boston cream pie"),
        ("part_of_a_building", "Pt in West Tower bed 4"),
        ("name_then_state_name", "Lee, Georgia was seen"),
        ("article_after_lives_in", "She lives in The Pines now"),
        ("english_word_before_number", "seen 3/4, Total 12345"),
        ("field_same", "City: Same as above\n"),
        ("field_same_small", "City: same as above\nHome Phone: 555-1234"),
        ("field_unknown_capitals", "CITY: UNKNOWN\n"),
        ("field_lives_in_words", "Lives in: a flat with her son\n"),
        ("field_residence_words", "Residence: nursing home\n"),
        ("site_main", "meet at the Main office"),
        ("office_team", "sent to the Front Office, Please call\n"),
        ("trip_of_words", "Home to Work, 12 mi each way"),
    ],
)
def test_when_words_only_look_like_town_then_nothing_is_found(case: str, text: str) -> None:
    assert found(CITIES, text) == set()


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("title_surname_glued", "ask Dr. Ashford about it"),
        ("glued_name_is_a_name", "Milton will call back"),
        ("glued_word", "press the Button twice"),
        ("state_after_head", "West Virginia Medicaid pays for it"),
        ("glen_is_a_given_name", "Glen Smith called back"),
        ("street_type_is_a_title", "put it on Dr Lee's list"),
        ("title_case_heading", "Slides Are On The Shared Drive"),
        ("weekday_and_dr", "follow up Friday Dr. visit"),
        ("then_after_street", "6761 Hart Cove, then 1053 1/2 Thompson Lane"),
    ],
)
def test_when_a_word_only_looks_like_a_town_or_street_then_it_is_left_alone(
    case: str, text: str
) -> None:
    spans_found = {span for span, _subtype in found(CITIES, text)}
    assert not spans_found & {"Ashford", "Milton", "Button", "West Virginia", "Glen Smith",
                              "Dr Lee", "The Shared Drive", "Friday Dr", "then"}  # fmt: skip


@pytest.mark.parametrize(
    "text", ["seen at home, Family present.", "seen at home, Tuesday.", "at home, The End."]
)
def test_when_words_after_the_home_are_no_town_then_nothing_is_found(text: str) -> None:
    assert found(CITIES, text) == set()


def test_when_a_town_ending_in_city_is_followed_by_a_colon_then_the_sentence_is_no_town() -> None:
    text = "she would rather not go to Lake Havasu City: it is a 40-minute drive each way"
    assert "it is a" not in {value for value, _ in found(CITIES, text)}


# A contact label after an address line's comma that is also a listed town ("Mobile") is the
# label of the phone number after it; before a state or a ZIP it is still the town
@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("lives at 12 Oak Ave, mobile 07700 900123", False),
        ("12 Oak Ave, Mobile (251) 555-0100", False),
        ("12 oak ave, mobile al 36602", True),
    ],
)
def test_when_a_contact_label_follows_the_streets_comma_then_it_is_a_town_only_before_a_zip(
    text: str, town: bool
) -> None:
    assert any(span.lower() == "mobile" for span, _ in found(CITIES, text)) is town
