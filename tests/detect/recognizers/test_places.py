"""The place recognizers alone (no spaCy): institutions (listed and by shape), street
addresses and towns after a cue; and the everyday words that share their shapes."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from bot.detect.recognizers.places import (
    AddressRecognizer,
    CityRecognizer,
    InstitutionRecognizer,
)
from tests.detect.recognizers.tables import found

INSTITUTIONS = InstitutionRecognizer(["Lakeside Clinic"])
ADDRESSES, CITIES = AddressRecognizer(), CityRecognizer()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        ("listed", INSTITUTIONS, "seen at Lakeside Clinic", {("Lakeside Clinic", "INSTITUTION")}),
        ("saint", INSTITUTIONS, "St Mary's Hospital", {("St Mary's Hospital", "INSTITUTION")}),
        (
            "facility_shape",
            INSTITUTIONS,
            "Mercy General Hospital",
            {("Mercy General Hospital", "INSTITUTION")},
        ),
        ("street", ADDRESSES, "lives at 12 Oak Street", {("12 Oak Street", "ADDRESS")}),
        ("street_letter", ADDRESSES, "221B Baker Street", {("221B Baker Street", "ADDRESS")}),
        ("town_after_from", CITIES, "from Boston", {("Boston", "CITY")}),
    ],
)
def test_when_a_place_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(recognizer, text) == expected


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("generic_hospital", INSTITUTIONS, "the hospital"),
        ("tablets", ADDRESSES, "12 tabs daily"),
        ("route", ADDRESSES, "route 66"),
        ("in_bed", CITIES, "in bed"),
        ("town_as_food", CITIES, "Boston cream pie"),
    ],
)
def test_when_words_only_look_like_a_place_then_they_are_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        ("town_led_by_port_english_word", CITIES, "Lives in Port Belfry. Daughter", "Port Belfry"),
        (
            "town_led_by_lake_city_state",
            CITIES,
            "PO Box 6, Lake Harrow, ID 85448",
            "Lake Harrow, ID",
        ),
        (
            "state_written_out_with_zip",
            CITIES,
            "PO Box 5, Port Quinton, Ohio 51225.",
            "Port Quinton",
        ),
        ("english_word_city_with_zip", CITIES, "PO Box 3, Belfry, WI 31448.", "Belfry, WI"),
        ("city_stops_at_full_stop", CITIES, "14 Heron Pond Trail, Glen Corwin. ME", "Glen Corwin"),
        ("zip_after_state_name", ADDRESSES, "Quinton, Maine 00240", "00240"),
        ("labs", INSTITUTIONS, "Provider: Quinton Valley Labs.", "Quinton Valley Labs"),
        (
            "outpatient_lab",
            INSTITUTIONS,
            "from Holy Cross Outpatient Lab.",
            "Holy Cross Outpatient Lab",
        ),
        ("family_practice", INSTITUTIONS, "Bexley Family Practice, then", "Bexley Family Practice"),
        (
            "diagnostic_imaging",
            INSTITUTIONS,
            "picked up from Lakeside Diagnostic Imaging on",
            "Lakeside Diagnostic Imaging",
        ),
    ],
)
def test_when_a_place_is_written_in_a_form_or_letter_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("part_of_a_building", CITIES, "Pt in West Tower bed 4"),
        ("sentence_start_then_home", INSTITUTIONS, "Repeat lab at 6. Phlebotomy home draw: ok."),
        ("abbreviation_then_labs", INSTITUTIONS, "CBC labs pending."),
        ("english_word_then_labs", INSTITUTIONS, "Morning Labs drawn."),
        ("sentence_end_inside", INSTITUTIONS, "Wed. the twelfth too. Lab called"),
        ("name_then_state_name", CITIES, "Lee, Georgia was seen"),
    ],
)
def test_when_words_near_a_place_shape_are_no_place_then_they_are_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        (
            "mobile_home_park_space_town",
            INSTITUTIONS,
            "meet the nurse at the Riverside Manor, Lot 16, Port Renwick. For",
            "Riverside Manor, Lot 16, Port Renwick",
        ),
        ("va_clinic", INSTITUTIONS, "from Dunhaven VA Clinic on 3/3", "Dunhaven VA Clinic"),
        ("family_health", INSTITUTIONS, "and Orrin Family Health too", "Orrin Family Health"),
        ("town_after_move", CITIES, "Moved here from Crowley Springs in 11/97.", "Crowley Springs"),
        (
            "town_after_distance",
            CITIES,
            "3 mi north of Crowley Springs\nCaregiver",
            "Crowley Springs",
        ),
        ("town_before_zip", CITIES, "4872 Hwy 57 S, East Callow 90401", "East Callow"),
        ("zip_after_town", ADDRESSES, "4872 Hwy 57 S, East Callow 90401", "90401"),
    ],
)
def test_when_a_home_is_described_then_its_place_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("article_after_lives_in", CITIES, "She lives in The Pines now"),
        ("english_word_before_number", CITIES, "seen 3/4, Total 12345"),
        ("english_word_before_number_zip", ADDRESSES, "seen 3/4, Total 12345"),
    ],
)
def test_when_a_cue_is_followed_by_no_town_then_nothing_is_found(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "transferred from lakeside medical center today",
        "came from eastfield health center",
        "pt from Oak Ridge cancer center",
    ],
)
def test_when_a_lower_case_facility_has_a_place_cue_then_it_is_still_found(text: str) -> None:
    assert found(INSTITUTIONS, text) != set()


# The second leaks pass (issue 13, tuned on the occ_health dev voice): towns named by a form's
# field, an employer's site, a letterhead, a "lives out past", and schools named for a place.
@pytest.mark.parametrize(
    ("case", "recognizer", "text", "expected"),
    [
        (
            "town_field",
            CITIES,
            "Address: 12 Wren St\nCity: Tillery Gap\nZIP",
            {("Tillery Gap", "CITY")},
        ),
        ("town_site", CITIES, "works at the Quimby depot", {("Quimby", "CITY")}),
        ("site_label", CITIES, "Site: Marsh Gap distribution center", {("Marsh Gap", "CITY")}),
        (
            "letterhead",
            CITIES,
            "School Health Office, Shelbourne Falls\n",
            {("Shelbourne Falls", "CITY")},
        ),
        ("lives_past", CITIES, "He lives out past Okanee now", {("Okanee", "CITY")}),
        # town fields as registration forms label and fill them (issue 13, leaks pass 3): in
        # capitals or small letters, after "Mailing City", "City, State, ZIP", "Place of
        # residence", "Lives in"; before a postcode
        (
            "field_capitals",
            CITIES,
            "Mailing City: LAKE NATALIEVILLE\n",
            {("LAKE NATALIEVILLE", "CITY")},
        ),
        (
            "field_small_letters",
            CITIES,
            "Pt city: east karlfurt\nHealth insurance: yes",
            {("east karlfurt", "CITY")},
        ),
        (
            "field_city_state_zip",
            CITIES,
            "City, State, ZIP: NORTH JASONBURGH\n",
            {("NORTH JASONBURGH", "CITY")},
        ),
        (
            "field_residence",
            CITIES,
            "Place of Residence: Barcelona\nClinic: Family Medicine",
            {("Barcelona", "CITY")},
        ),
        (
            "field_lives_in",
            CITIES,
            "Lives in: WEST TYLERSHIRE\nHealth Plan: Aetna",
            {("WEST TYLERSHIRE", "CITY")},
        ),
        ("field_of_birth", CITIES, "City of Birth: BUCKTOWN H8B1N5\n", {("BUCKTOWN", "CITY")}),
        (
            "field_listed_town_in_small_letters",
            CITIES,
            "Town: melsungen\n",
            {("melsungen", "CITY")},
        ),
        ("field_county", CITIES, "County: Kerr\nHome Phone: 555-0100", {("Kerr", "CITY")}),
        ("field_suburb_capitals", CITIES, "SUBURB: AMBERBOROUGH\n", {("AMBERBOROUGH", "CITY")}),
        (
            "field_township",
            CITIES,
            "Township: Rebeccaport\nHealth Plan: Aetna",
            {("Rebeccaport", "CITY")},
        ),
        (
            "school",
            INSTITUTIONS,
            "School: Harlow Bend Elementary",
            {("Harlow Bend Elementary", "INSTITUTION")},
        ),
        (
            "saint_school",
            INSTITUTIONS,
            "at St. Brendan's School",
            {("St. Brendan's School", "INSTITUTION")},
        ),
        (
            "school_town",
            INSTITUTIONS,
            "School: Lincoln Primary, Duvall Corner\n",
            {("Lincoln Primary, Duvall Corner", "INSTITUTION")},
        ),
    ],
)
def test_when_a_form_or_letter_names_a_town_or_school_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert expected <= found(recognizer, text)


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("field_same", CITIES, "City: Same as above\n"),
        ("field_same_small", CITIES, "City: same as above\nHome Phone: 555-1234"),
        ("field_unknown_capitals", CITIES, "CITY: UNKNOWN\n"),
        ("field_lives_in_words", CITIES, "Lives in: a flat with her son\n"),
        ("field_residence_words", CITIES, "Residence: nursing home\n"),
        ("site_main", CITIES, "meet at the Main office"),
        ("summer_school", INSTITUTIONS, "she starts Summer School"),
        ("medical_school", INSTITUTIONS, "after Medical School"),
        ("office_team", CITIES, "sent to the Front Office, Please call\n"),
    ],
)
def test_when_a_field_or_site_word_names_no_town_then_nothing_is_found(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert not found(recognizer, text)


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        (
            "house_range",
            ADDRESSES,
            "home at 44-62 David Grove Lot 29; card",
            "44-62 David Grove Lot 29",
        ),
        (
            "half_number_direction",
            ADDRESSES,
            "then 1053 1/2 Thompson Lane SW (",
            "1053 1/2 Thompson Lane SW",
        ),
        (
            "flat_first",
            ADDRESSES,
            "Flat 10, 99 Griffin Lane, Port Sylvia",
            "Flat 10, 99 Griffin Lane",
        ),
        ("pob", ADDRESSES, "mail to POB 51552, Cedar Rapids", "POB 51552"),
        ("post_office_box", ADDRESSES, "Post Office Box 55695\nYuma", "Post Office Box 55695"),
        ("box_line", ADDRESSES, "Joshua Berry\nBox 30516\nYuma, Ky. 94935", "Box 30516"),
        ("box_after_mail_to", ADDRESSES, "mail to Box 42539, Thomasport, IA", "Box 42539"),
        ("apo_zip", ADDRESSES, "PSC 5489, Box 5917\nDPO AA 24403\n", "DPO AA 24403"),
        ("ap_state_zip", ADDRESSES, "Box 30516\nYuma, Ky. 94935", "94935"),
        ("zip_area", ADDRESSES, "The 88598 area is off our route", "88598"),
        (
            "town_state_zip_line",
            CITIES,
            "4712 Stone Port Apt. 353\nLake Davidfort MN 45707",
            "Lake Davidfort",
        ),
        ("ap_state_town", CITIES, "Box 30516\nYuma, Ky. 94935", "Yuma"),
        ("glued_town", CITIES, "Roads were icy, so the Whitefort stops go", "Whitefort"),
        ("glued_town_view", CITIES, "then 4 Oak Mall (Curtisview), then", "Curtisview"),
        (
            "head_and_given_name",
            CITIES,
            "Her niece drives up from Port Rita or West Brian",
            "West Brian",
        ),
        ("head_and_glued", CITIES, "so the New Matthewberg stops go tomorrow", "New Matthewberg"),
        ("neighbourhood", CITIES, "lives alone in the Five Points neighborhood", "Five Points"),
        ("street_name_ordinal", CITIES, "the laundromat on 79th Ave, in", "79th Ave"),
        ("street_name_direction", CITIES, "the laundromat on Rios St E, in", "Rios St E"),
        ("street_name_words", CITIES, "then back up Old Mill Ln to the", "Old Mill Ln"),
        # a listed town in lower case after the street's comma, though it is also in the word
        # list (a regression of 61f4ff1's "then" veto)
        ("lower_listed_town_after_street", CITIES, "dc home to 12 oak ave, fresno ca", "fresno"),
        ("lower_town_before_postcode", CITIES, "6174 park rd, springfield sw17 4bp", "springfield"),
        ("lower_town_line_end", CITIES, "she's at her sister's, 19 king st, leeds", "leeds"),
    ],
)
def test_when_an_address_part_town_or_street_is_written_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("title_surname_glued", CITIES, "ask Dr. Ashford about it"),
        ("glued_name_is_a_name", CITIES, "Milton will call back"),
        ("glued_word", CITIES, "press the Button twice"),
        ("state_after_head", CITIES, "West Virginia Medicaid pays for it"),
        ("glen_is_a_given_name", CITIES, "Glen Smith called back"),
        ("street_type_is_a_title", CITIES, "put it on Dr Lee's list"),
        ("title_case_heading", CITIES, "Slides Are On The Shared Drive"),
        ("weekday_and_dr", CITIES, "follow up Friday Dr. visit"),
        ("then_after_street", CITIES, "6761 Hart Cove, then 1053 1/2 Thompson Lane"),
        ("box_in_prose", ADDRESSES, "put 2 in the box 12 times"),
    ],
)
def test_when_a_word_only_looks_like_a_town_or_street_then_it_is_left_alone(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    spans_found = {span for span, _subtype in found(recognizer, text)}
    assert not spans_found & {"Ashford", "Milton", "Button", "West Virginia", "Glen Smith",
                              "Dr Lee", "The Shared Drive", "Friday Dr", "then", "box 12"}  # fmt: skip


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        ("trip_from", CITIES, "Mileage log: Dunhaven to Port Renwick, 38 mi, 10th", "Dunhaven"),
        ("trip_to", CITIES, "Mileage log: Dunhaven to Port Renwick, 38 mi, 10th", "Port Renwick"),
        ("system_and_town", INSTITUTIONS, "found outside Mercy Oshkosh, Oshkosh.", "Mercy Oshkosh"),
        ("town_va", INSTITUTIONS, "now resides at Mount Airy VA in Jordan Co.", "Mount Airy VA"),
    ],
)
def test_when_a_trip_or_a_branch_hospital_names_a_town_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("trip_of_words", CITIES, "Home to Work, 12 mi each way"),
        ("system_and_word", INSTITUTIONS, "the Mercy Sunday service"),
        ("va_with_number", INSTITUTIONS, "talk to the VA 2 times"),
        ("va_after_words", INSTITUTIONS, "the New Patient VA form"),
    ],
)
def test_when_a_trip_or_branch_shape_names_no_town_then_nothing_is_found(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "recognizer", "text", "value"),
    [
        ("ship", ADDRESSES, "USS Crawford\nFPO AP 87025", "USS Crawford"),
        ("military_post_office", ADDRESSES, "USS Crawford\nFPO AP 87025", "FPO AP 87025"),
        ("territory_zip", ADDRESSES, "North Amanda, FM 91391", "91391"),
        ("territory_town", CITIES, "2585 Hubbard Lodge\nLake Jack, AS 45290", "Lake Jack"),
        (
            "state_after_hospital",
            INSTITUTIONS,
            "to Children's Hospital Colorado now",
            "Children's Hospital Colorado",
        ),
        (
            "of_town",
            INSTITUTIONS,
            "from Children's Hospital of Philadelphia",
            "Children's Hospital of Philadelphia",
        ),
        (
            "direction_after_listed",
            INSTITUTIONS,
            "admitted to Mount Sinai West on",
            "Mount Sinai West",
        ),
        (
            "health_care",
            INSTITUTIONS,
            "seen at Stanford Health Care last week",
            "Stanford Health Care",
        ),
        ("listed_good_samaritan", INSTITUTIONS, "she was at Good Samaritan for", "Good Samaritan"),
        ("town_ed", INSTITUTIONS, "came through the Franklinside ED at 3", "Franklinside ED"),
        (
            "town_after_facility",
            INSTITUTIONS,
            "at Lakeside Clinic Boston",
            "Lakeside Clinic Boston",
        ),
        (
            "campus_after_dash",
            INSTITUTIONS,
            "from Lakeview Regional Medical Center - North Campus",
            "Lakeview Regional Medical Center - North Campus",
        ),
        ("joined_french_town", CITIES, "Dad lives in Garcia-sur-Ferrand now", "Garcia-sur-Ferrand"),
        ("french_glued_town", CITIES, "born in Guyondan, moved", "Guyondan"),
        ("french_ville", CITIES, "then moved to MercierVille", "MercierVille"),
    ],
)
def test_when_an_institution_carries_its_place_or_a_town_is_shaped_then_it_is_found(
    case: str, recognizer: EntityRecognizer, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(recognizer, text)}


@pytest.mark.parametrize(
    ("case", "recognizer", "text"),
    [
        ("generic_hospital_room", INSTITUTIONS, "Children's Hospital Emergency Room"),
        ("main_ed", INSTITUTIONS, "the Main ED is full"),
        ("ed_alone", INSTITUTIONS, "send to the ED now"),
        ("ship_word_in_prose", ADDRESSES, "the USS dashboard"),
        ("territory_without_zip", ADDRESSES, "AS of today, FM radio"),
    ],
)
def test_when_a_facility_or_ship_shape_names_no_place_then_nothing_is_found(
    case: str, recognizer: EntityRecognizer, text: str
) -> None:
    assert found(recognizer, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("home_then_town", "Alexis Cordova seen at home, New Lisle. BP 132/78", "New Lisle"),
        ("home_then_place_noun_town", "Luke Murphy seen at home, Pike Hollow. BP", "Pike Hollow"),
        ("her_home_in", "visited at her home in Vail Crossing (rural)", "Vail Crossing"),
    ],
)
def test_when_a_visit_names_the_town_after_the_home_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in {span for span, _subtype in found(CITIES, text)}


@pytest.mark.parametrize(
    "text", ["seen at home, Family present.", "seen at home, Tuesday.", "at home, The End."]
)
def test_when_words_after_the_home_are_no_town_then_nothing_is_found(text: str) -> None:
    assert found(CITIES, text) == set()


# An outpatient clinic named by what it treats is a hospital's service, not a place (issue 13,
# `clinic_letters` dev voice); a clinic named by a place or a name still is one.
@pytest.mark.parametrize(
    "text",
    [
        "Your appointment with Mr Shah in the Fracture Clinic is on 4 June.",
        "booked into the Colposcopy Clinic next week",
        "Please attend the Pre-assessment Clinic first",
        "Follow up at the Heart Failure Clinic in 1-2 weeks.",
        "referred to the Sickle Cell Clinic",
        "seen in the Movement Disorders Clinic",
        "She has been referred to the Falls Clinic.",
        "Please bring your medications to the Pre-op Assessment Clinic.",
    ],
)
def test_when_a_clinic_is_named_by_what_it_treats_then_it_is_no_institution(text: str) -> None:
    assert found(INSTITUTIONS, text) == set()


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs Lee was seen at Harlow Bend Clinic on 4 June", "Harlow Bend Clinic"),
        ("seen at Shelbourne Falls Clinic today", "Shelbourne Falls Clinic"),
    ],
)
def test_when_a_clinic_is_named_by_a_place_then_it_is_an_institution(text: str, value: str) -> None:
    assert value in {span for span, _subtype in found(INSTITUTIONS, text)}


def test_when_a_town_ending_in_city_is_followed_by_a_colon_then_the_sentence_is_no_town() -> None:
    text = "she would rather not go to Lake Havasu City: it is a 40-minute drive each way"
    assert "it is a" not in {value for value, _ in found(CITIES, text)}
