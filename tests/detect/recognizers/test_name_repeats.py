"""A name found once in a message is a name wherever else the message writes it (issue 13):
"Mrs Nguyen in bay 3, daughter of nguyen called" leaked the second "nguyen"."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.names import NameRecognizer
from tests.detect.recognizers.tables import tokens

NAMES = NameRecognizer()


def starts(text: str) -> set[int]:
    """Where each name the recognizer reports in `text` starts."""
    return {r.start for r in NAMES.analyze(text, NAMES.supported_entities, tokens(text))}


@pytest.mark.parametrize(
    ("text", "again"),
    [
        ("Mrs Nguyen in bay 3, daughter of nguyen called", "nguyen"),
        ("Mr Okonkwo in bay 4 - told the family Okonkwo is stable", "Okonkwo is"),
        ("Mrs Rose Kaur in bay 2; Rose is asking for water", "Rose is"),
        ("pt Łacina, 67F. ask Michał to check on łacina, pain 9/10", "łacina"),
    ],
)
def test_when_a_found_name_is_written_again_then_that_mention_is_a_name(
    text: str, again: str
) -> None:
    assert text.rindex(again) in starts(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Mrs Rose Kaur in bay 2; BP rose to 180 overnight", "rose"),
        ("Mrs Hope Adeyemi in bay 2, hope she settles", "hope"),
        ("Mr Parkinson in bay 4 has Parkinson disease", "Parkinson disease"),
        ("Mrs Baker in bay 4; the baker brought a cake", "baker"),
    ],
)
def test_when_a_found_names_word_is_written_as_a_word_then_it_is_no_name(
    text: str, word: str
) -> None:
    assert text.rindex(word) not in starts(text)
