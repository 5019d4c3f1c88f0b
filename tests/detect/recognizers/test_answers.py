"""A value given the turn after the question that names it, PINs, the digits of one, memorable
dates and security answers (issue 13, `unique_ids` dev voice); and what only looks like them."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.answers import AnsweredIdRecognizer, SecurityAnswerRecognizer
from tests.detect.recognizers.tables import found

ANSWERED, SECURITY = AnsweredIdRecognizer(), SecurityAnswerRecognizer()


def _values(recognizer: object, text: str) -> set[str]:
    return {span for span, _subtype in found(recognizer, text)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("reply_with_filler", "Agent: Can I take your customer number?\nCaller: Yes, it's 4471 2290 88.\nAgent: ok", "4471 2290 88"),
        ("reply_hang_on", "Agent: I just need library card please.\nCaller: Hang on... W 07102.\nAgent: Lovely", "W 07102"),
        ("pin_reply", "Agent: and for security, your PIN?\nCaller: 4741.", "4741"),
        ("security_question_digits", "Agent: the answer to your security question?\nCaller: 157317.", "157317"),
        ("pin_after_word", "gave gym member ID - CA-336-801 and PIN 2700. Passed", "2700"),
        ("pin_colon", "Verified with PIN: 0738; reset link sent.", "0738"),
        ("security_digits_pairs", "and security digits 57 55; reset", "57 55"),
        ("memorable_date", "and memorable date 87 88; reset", "87 88"),
        ("digits_of_pin", "the second and fourth digits of her PIN: 0 and 1.", "0 and 1"),
    ],
)  # fmt: skip
def test_when_a_number_is_given_in_reply_or_after_a_secrets_word_then_it_is_found(
    case: str, text: str, value: str
) -> None:
    assert value in _values(ANSWERED, text)


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("question_then_count", "Agent: how many boxes did the customer order?\nCaller: 2."),
        ("pin_site", "pin site clean, 2 pins 4mm"),
        ("pin_size", "K-wire pin 2.0 mm in situ"),
        ("reply_a_year", "Agent: member since when?\nCaller: 2019."),
    ],
)
def test_when_a_reply_or_a_pin_word_holds_no_secret_then_nothing_is_found(
    case: str, text: str
) -> None:
    assert _values(ANSWERED, text) == set()


@pytest.mark.parametrize(
    ("case", "text", "value"),
    [
        ("first_pet", "first pet (security question): Pickles.", "Pickles"),
        ("memorable_word", "Also memorable word Bramble.", "Bramble"),
        ("maiden_name", "mother's maiden name given as Young. Passed", "Young"),
        ("reply_word", "Agent: the answer to your security question?\nCaller: marmalade.", "marmalade"),
        ("passcode_reply", "Agent: and for security, the passcode?\nCaller: Biscuit.", "Biscuit"),
    ],
)  # fmt: skip
def test_when_a_security_answer_is_given_then_it_is_found(case: str, text: str, value: str) -> None:
    assert _values(SECURITY, text) == {value}


@pytest.mark.parametrize(
    ("case", "text"),
    [
        ("verdict", "security answer is wrong, reset it"),
        ("not_given", "the memorable word was not given"),
        ("lower_word_no_mark", "memorable word reset today"),
    ],
)
def test_when_a_security_word_is_not_followed_by_an_answer_then_nothing_is_found(
    case: str, text: str
) -> None:
    assert _values(SECURITY, text) == set()


def test_when_a_forms_line_gives_its_value_then_the_next_line_is_no_reply() -> None:
    # `deliveries` dev voice: a ticket's serial line, then its delivery window
    text = "Item: hospital bed, S/N 8471-11234\nWindow: 10/28/25 8-12"
    assert _values(ANSWERED, text) == set()
