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
    ],
)
def test_when_words_or_digits_are_no_reading_of_a_number_then_they_are_left(
    case: str, text: str
) -> None:
    assert found(SPOKEN, text) == set()


def test_double_and_triple_count_their_digit_twice_and_three_times() -> None:
    assert spoken_digits("double four triple oh one") == 6
