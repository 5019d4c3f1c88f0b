"""`age_cues`: whose age "X is 93" gives (a person's, not a reading's)."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.age_cues import persons_age


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # "Elms", "Terms" end in "ms": only a whole title word before the subject counts
        ("the Elms Report was 95", False),
        ("the Terms Report was 95", False),
        # the one title list (`titles.TITLES`) holds ranks and clergy too
        ("Sgt Report was 95", True),
        ("Mrs Report was 95", True),
    ],
)
def test_when_a_title_or_a_word_ending_like_one_precedes_the_subject_then_only_a_title_counts(
    text: str, person: bool
) -> None:
    assert persons_age(text, len(text) - 2) is person
