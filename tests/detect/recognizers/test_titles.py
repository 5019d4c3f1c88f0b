"""The one title check: a whole title word right before a word, within the caller's window."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.titles import TITLES, after_title


@pytest.mark.parametrize("before", ["Dr. ", "dr ", "Mrs ", "Prof. ", "Rev. ", "Herr "])
def test_when_a_title_stands_before_a_word_then_it_is_after_a_title(before: str) -> None:
    text = f"seen by {before}Ashford"
    assert after_title(text, text.index("Ashford"))


@pytest.mark.parametrize("before", ["Adams ", "Grandpa ", "Williams ", "the "])
def test_when_a_word_only_ends_like_a_title_then_it_is_no_title(before: str) -> None:
    text = f"seen by {before}Ashford"
    assert not after_title(text, text.index("Ashford"))


def test_when_the_title_lies_outside_the_window_then_it_is_not_seen() -> None:
    text = "Dr.    Ashford"
    assert after_title(text, text.index("Ashford"), 16)
    assert not after_title(text, text.index("Ashford"), 4)


def test_when_the_name_rules_know_a_title_then_the_one_list_holds_it() -> None:
    assert {"dr", "mrs", "ms.", "professor", "sgt"} <= TITLES
