"""`SpelledAgeRecognizer` alone: ages in words over 89 as letters spell them; numbers in words
that are no one's age; `spelled_age` reading them back."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.ages_spelled import SpelledAgeRecognizer, spelled_age
from tests.detect.recognizers.tables import found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Mrs Hickman is ninety-eight and still managing.", "ninety-eight"),
        ("Review for Stanley Jones, one hundred and ten: temp 37.1", "one hundred and ten"),
        ("He had his ninety-sixth birthday in the spring.", "ninety-sixth"),
        ("She had her one hundred and first birthday.", "one hundred and first"),
        ("She is in her ninety-third year.", "ninety-third"),
        ("He had his ninety-eighth birthday in May.", "ninety-eighth"),
    ],
)
def test_when_an_age_over_89_is_spelled_in_a_letter_then_it_is_found(text: str, value: str) -> None:
    assert (value, "AGE_OVER_89") in found(SpelledAgeRecognizer(), text)


@pytest.mark.parametrize(
    "text",
    ["The wait is ninety minutes.", "Sats were ninety-four", "Glucose, ninety-five, fasting"],
)
def test_when_a_spelled_number_is_no_one_s_age_then_it_is_left_alone(text: str) -> None:
    assert found(SpelledAgeRecognizer(), text) == set()


@pytest.mark.parametrize(
    ("value", "age"), [("ninety-third", 93), ("one hundred and first", 101), ("ninetieth", 90)]
)
def test_when_a_spelled_ordinal_is_read_then_it_gives_the_age(value: str, age: int) -> None:
    assert spelled_age(value) == age


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("clause_goes_on", "the transfer of Terry Stewart, one hundred and five to your unit",
         "one hundred and five"),
        ("surname_with_inner_capital", "my grandmother Che McDaeid, one hundred and six at Elm",
         "one hundred and six"),
    ],
)  # fmt: skip
def test_when_an_age_over_89_is_spelled_after_a_name_then_the_whole_number_is_found(
    case: str, text: str, value: str
) -> None:
    assert found(SpelledAgeRecognizer(), text) == {(value, "AGE_OVER_89")}


@pytest.mark.parametrize(
    ("case", "text"),
    [("minutes", "Smith, ninety minutes late"), ("a_reading", "Glucose, ninety-five mg")],
)
def test_when_spelled_words_after_a_name_count_a_quantity_then_they_are_no_age(
    case: str, text: str
) -> None:
    assert found(SpelledAgeRecognizer(), text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("label_with_words", "Re: Ricky Harper, aged one hundred and thirteen", "aged one hundred and thirteen"),
        ("under_90", "aged seventy-one", "aged seventy-one"),
        ("age_of", "at the age of ninety-five she moved", "ninety-five"),
    ],
)  # fmt: skip
def test_when_a_label_spells_an_age_then_the_finding_holds_the_label_as_the_digits_do(
    case: str, text: str, value: str
) -> None:
    assert value in {v for v, _ in found(SpelledAgeRecognizer(), text)}
