"""`CityGazetteerRecognizer` over a blank tokenizer (no spaCy model): listed towns; town names
inside other phrases left alone."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.cities import CityGazetteerRecognizer
from tests.detect.recognizers.tables import found

GAZETTEER = CityGazetteerRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "expected"),
    [
        ("from_town", "transferred from Boston yesterday", {("Boston", "CITY")}),
        ("lives_in", "lives in Springfield", {("Springfield", "CITY")}),
        ("moved_to", "moved to Chicago", {("Chicago", "CITY")}),
    ],
)
def test_when_a_listed_town_is_named_then_it_is_found(
    case: str, text: str, expected: set[tuple[str, str]]
) -> None:
    assert found(GAZETTEER, text, nlp=True) == expected


@pytest.mark.parametrize(("case", "text"), [("in_bed", "in bed"), ("dish", "Boston cream pie")])
def test_when_a_town_word_is_not_a_place_then_it_is_left_alone(case: str, text: str) -> None:
    assert found(GAZETTEER, text, nlp=True) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("small_us_town", "Her niece drives up from Keokuk on weekends.", "Keokuk"),
        ("rare_word_town", "so the oxygen comes from the Laramie branch.", "Laramie"),
        ("rare_word_town_no_cue", "Roads were icy, so the Tupelo stops go tomorrow.", "Tupelo"),
        ("uk_town", "Hearing at 9:00, Hebden Bridge courthouse.", "Hebden Bridge"),
        (
            "canadian_town",
            "relocated to 8616 King Street, Portage la Prairie, AB",
            "Portage la Prairie",
        ),
    ],
)
def test_when_a_small_or_rare_word_town_is_named_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert (value, "CITY") in found(GAZETTEER, text, nlp=True)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("frequent_word_town", "The Reading room is closed, the Bath is broken"),
        ("state_is_no_town", "Ship to North Kellyberg, Iowa 75878."),
        ("words_only_town", "meet at the White House lawn"),
    ],
)
def test_when_a_town_is_a_frequent_word_state_or_words_then_it_needs_a_cue(
    case: str, text: str
) -> None:
    found_values = {span for span, _ in found(GAZETTEER, text, nlp=True)}
    assert not found_values & {"Reading", "Bath", "Iowa", "White House"}


def test_when_a_rare_word_town_is_a_listed_clinical_word_then_it_needs_a_cue() -> None:
    assert found(GAZETTEER, "BP 120/80, 3/6 murmur, Norco 5/325", nlp=True) == set()


def test_when_a_state_name_stands_before_a_zip_then_it_is_no_town() -> None:
    assert found(GAZETTEER, "Effective: Peterborough, Montana 83010-4817", nlp=True) == {
        ("Peterborough", "CITY")
    }


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("card left. Bishop's Stortford depot holds it 5 days", "Bishop's Stortford"),
        ("moved to King’s Lynn last year", "King’s Lynn"),
        ("moved to King's Lynn last year", "King's Lynn"),
    ],
)
def test_when_a_town_is_written_with_its_possessive_then_it_is_found(text: str, town: str) -> None:
    assert (town, "CITY") in found(GAZETTEER, text, nlp=True)


@pytest.mark.parametrize("text", ["the doctors' mess is open", "King's ward round at 9"])
def test_when_a_possessive_names_no_town_then_it_is_left_alone(text: str) -> None:
    assert found(GAZETTEER, text, nlp=True) == set()


# A town that is an everyday word ("Mobile", "Reading", "Bath", "Hope") is a town only with
# place evidence: five digits that run on into a phone number are no ZIP, and a preposition
# before the word in lower case is no evidence (it says so for "lives in" or a state after it)
@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("phone_label", "pt mobile 07700 900123"),
        ("phone_label_capital", "Reading 07700 900123 after 5"),
        ("lower_word_after_phone", "call her on bath 07700 900123"),
        ("lower_word_after_preposition", "pt switched to mobile"),
        ("lower_word_in", "ok in bath now"),
        ("lower_hope", "family in hope of discharge"),
    ],
)
def test_when_a_town_that_is_a_word_has_no_place_evidence_then_it_is_left_alone(
    case: str, text: str
) -> None:
    assert found(GAZETTEER, text, nlp=True) == set()


@pytest.mark.parametrize(
    ("case", "text", "town"),
    [
        ("zip_after", "from Mobile 36602", "Mobile"),
        ("state_after", "pt lives in mobile al", "mobile"),
        ("lives_in_lower", "pt lives in reading now", "reading"),
        ("capitalised_after_cue", "pt moved to Mobile last year", "Mobile"),
        # a major city in the vocabulary as a proper noun is no everyday word
        ("major_city_lower", "84 yr old from guadalajara with gi bleed", "guadalajara"),
        ("major_city_before_ems", "cardiff ems bringing 93m sah", "cardiff"),
    ],
)
def test_when_a_town_that_is_a_word_has_place_evidence_then_it_is_found(
    case: str, text: str, town: str
) -> None:
    assert (town, "CITY") in found(GAZETTEER, text, nlp=True)


# Issue 13's places pass (`world_addresses` dev voice): scales, triage systems and charts named
# for a town are no town; the town alone still is. Sentences written for these tests.
@pytest.mark.parametrize(
    ("case", "text"),
    [
        (
            "postnatal_scale",
            "the screen was done today; Edinburgh Postnatal Depression Scale 9 out of 30",
        ),
        ("triage_system", "out of stock; Manchester triage orange, seen in 20 min"),
        ("stool_chart", "loose; Bristol stool chart type 6"),
    ],
)
def test_when_a_town_names_a_scale_or_chart_then_it_is_no_town(case: str, text: str) -> None:
    assert found(GAZETTEER, text, nlp=True) == set()


def test_when_the_town_of_a_scale_is_named_alone_then_it_is_found() -> None:
    assert ("Edinburgh", "CITY") in found(GAZETTEER, "she moved to Edinburgh last year", nlp=True)


# Issue 13's rooms pass (`bed_forms` dev voice): a hospital's ward, wing or tower by its number
# is the hospital's, not the town of that name ("Ward", Arkansas); the town alone still is.
@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("ward_number", "Transfer request from Ward 7, bed 12"),
        ("ward_code", "please move her to Ward C3 after lunch"),
        ("wing_number", "came up from Wing 2 overnight"),
    ],
)
def test_when_a_hospital_part_has_its_number_then_it_is_no_town(case: str, text: str) -> None:
    assert found(GAZETTEER, text, nlp=True) == set()


def test_when_a_town_named_like_a_hospital_part_has_no_number_then_it_is_found() -> None:
    assert ("Ward", "CITY") in found(GAZETTEER, "she lives in Ward, Arkansas", nlp=True)
