"""What trails a facility's name (a direction, a campus, a state, a listed town); the hospitals
named by their place are tested through the recognizer in `test_institutions.py`."""

from __future__ import annotations

import pytest

from bot.detect.recognizers.facility_places import facility_trail


@pytest.mark.parametrize(
    ("text", "facility", "name"),
    [
        ("admitted to Mount Sinai West on", "Mount Sinai", "Mount Sinai West"),
        (
            "from Lakeview Regional - North Campus today",
            "Lakeview Regional",
            "Lakeview Regional - North Campus",
        ),
        (
            "to Children's Hospital Colorado now",
            "Children's Hospital",
            "Children's Hospital Colorado",
        ),
        ("at Lakeside Clinic Boston", "Lakeside Clinic", "Lakeside Clinic Boston"),
    ],
)
def test_when_a_direction_campus_state_or_town_trails_a_facility_then_it_is_its_name(
    text: str, facility: str, name: str
) -> None:
    start = text.index(facility)
    assert text[start : facility_trail(text, start + len(facility))] == name


def test_when_ordinary_words_follow_a_facility_then_its_name_ends_there() -> None:
    text = "seen at Lakeside Clinic Today"
    end = text.index(" Today")
    assert facility_trail(text, end) == end
