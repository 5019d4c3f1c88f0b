"""The shapes of a town's name: glued suffixes, heads before a name, form fields and the town
before a ZIP, and the names and words that share them."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.town_shapes import field_town, glued_town, name_town, value_before_zip


@pytest.mark.parametrize("word", ["Dianefort", "Curtisview", "Whitefort"])
def test_when_a_name_has_a_town_suffix_glued_on_then_it_is_a_town(word: str) -> None:
    assert glued_town("moved to ", 9, word)


@pytest.mark.parametrize(
    ("text", "word"), [("x ", "Milton"), ("x ", "Button"), ("ask Dr. ", "Ashford")]
)
def test_when_a_glued_shape_is_a_name_a_word_or_after_a_title_then_it_is_no_town(
    text: str, word: str
) -> None:
    assert not glued_town(text, len(text), word)


@pytest.mark.parametrize("before", ["Adams ", "Grandpa "])
def test_when_a_word_before_only_ends_like_a_title_then_a_glued_town_is_still_one(
    before: str,
) -> None:
    # "Adams" ends in "ms" and "Grandpa" in "pa": the title check reads whole words only
    assert glued_town(before, len(before), "Dianefort")


def test_when_a_compass_head_leads_a_given_name_then_it_is_a_town() -> None:
    assert name_town("from ", 5, "West Brian")
    assert not name_town("from ", 5, "West Virginia")
    assert not name_town("Dr. ", 4, "West Brian")


@pytest.mark.parametrize(
    ("value", "town"),
    [("Tillery Gap", True), ("melsungen", True), ("same as above", False), ("UNKNOWN", False)],
)
def test_when_a_town_field_is_filled_in_then_only_a_town_counts(value: str, town: bool) -> None:
    assert field_town(value) is town


def test_when_a_zip_follows_words_then_only_a_town_is_read_before_it() -> None:
    text = "4872 Hwy 57 S, East Callow 90401; seen 3/4, Total 12345"
    assert value_before_zip(text, text.index("90401")) == "East Callow"
    assert value_before_zip(text, text.index("12345")) is None
