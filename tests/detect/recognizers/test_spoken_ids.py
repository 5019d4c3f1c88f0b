"""A number read out digit by digit (issue 13, `unique_ids` dev voice): spelled digits, "double",
"oh", a letter first, and digits one by one; and the counts and words that are no such number."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.spoken_ids import SpokenNumberRecognizer, spoken_digits
from tests.detect.recognizers.tables import found

SPOKEN = SpokenNumberRecognizer()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("words", "Caller: it's four four seven one two nine.", "four four seven one two nine"),
        ("double_and_oh", "Hang on... nine six oh one double three.", "nine six oh one double three"),
        ("dashed_with_letter", "Hang on... Z-one-nine-one-zero-one.", "Z-one-nine-one-zero-one"),
        ("phonetic_letter", "confirm C for charlie one zero one nine four?", "C for charlie one zero one nine four"),
        ("letter_then_words", "the gym card, T six oh four three eight", "T six oh four three eight"),
        ("four_after_pin", "her PIN is four four seven one", "four four seven one"),
        ("phonetic_then_digits", "Hang on... A for alpha 02790.", "A for alpha 02790"),
        ("nato_first", "ref is bravo kilo seven seven two one, ok", "bravo kilo seven seven two one"),
        ("nato_inside", "it's four four delta seven one two", "four four delta seven one two"),
        ("letter_inside", "it's four four K seven one two", "four four K seven one two"),
        ("name_after_stays_out", "it's four four seven one two Mike said", "four four seven one two"),
        # issue 13, `account_desk`: a code's phonetic letters with fewer digits, in capitals and
        # dashes, or before numerals; capitals before digit words
        ("phonetic_capitals_dashed", "it's PAPA-PAPA-FIVE-NINE.", "PAPA-PAPA-FIVE-NINE"),
        ("phonetic_juliett", "Caller: ROMEO-JULIETT-SEVEN-FIVE-SEVEN", "ROMEO-JULIETT-SEVEN-FIVE-SEVEN"),
        ("phonetic_three_digits", "ref delta quebec zero three eight, ok", "delta quebec zero three eight"),
        ("phonetic_numerals", "the number is alpha 7729 on the bag", "alpha 7729"),
        ("phonetic_x_ray", "X-RAY-TANGO-FOUR-TWO please", "X-RAY-TANGO-FOUR-TWO"),
        ("capitals_words", "read it off the bag, TPF five two five four.", "TPF five two five four"),
        ("capitals_dashed_words", "it's LCL six-nine-three-one", "LCL six-nine-three-one"),
        ("label_capitals_stay_out", "claim ID six-five-four-nine-four-five; ok", "six-five-four-nine-four-five"),
        ("pin_stays_out", "PIN four four seven one two", "four four seven one two"),
    ],
)  # fmt: skip
def test_when_a_number_is_read_out_then_it_is_an_id(case: str, text: str, value: str) -> None:
    assert found(SPOKEN, text) == {(value, "UNIQUE")}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("counting", "one or two tabs, three times a day"),
        ("four_alone", "beds four five six seven are clean"),
        ("oh_no", "oh no, one more"),
        ("phonetic_no_code", "that's B for Bob, not P"),
        ("nato_words_no_digits", "the hotel in Lima, then golf with Mike"),
        ("ninety", "one two three ninety"),
        ("one_to_one", "needs one-to-one nursing and two staff"),
        # issue 13, `account_desk`: a phonetic word with a count, a year or a test after it
        ("echo_year", "echo 2019 showed EF 45%"),
        ("echo_weeks", "echo 2 weeks ago was normal"),
        ("golf_holes", "golf 180 holes this summer"),
        ("theatre", "Bravo 3 theatre is free"),
        ("ordinary_word_numerals", "Mike 4471 said he'd call"),
        ("alpha_blockers", "she's on alpha blockers from the GP"),
        ("tango_class", "Tango class vehicle booked"),
        ("service_number", "call NHS one one one tonight"),
        ("one_phonetic_two_digits", "hotel two nights"),
    ],
)
def test_when_words_or_digits_are_no_reading_of_a_number_then_they_are_left(
    case: str, text: str
) -> None:
    assert found(SPOKEN, text) == set()


def test_double_and_triple_count_their_digit_twice_and_three_times() -> None:
    assert spoken_digits("double four triple oh one") == 6
