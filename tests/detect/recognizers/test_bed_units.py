"""The units a bed board names a bed by (`bed_units`): one list, so every unit's bed is a ROOM and
a name after it is read as after a bed, spaced ("PCU 26: reed") or glued ("micu12 reed"), in
both rules alike; the two copies it replaced had drifted ("NICU 4", "micu12", "hallway 3")."""

from __future__ import annotations

import pytest
import regex as re

from bot.detect.recognizers.bed_units import BED_UNITS, SEAT_UNITS, alternation
from bot.detect.recognizers.names import NameRecognizer
from bot.detect.recognizers.rooms import RoomRecognizer
from tests.detect.recognizers.tables import found

NAMES = NameRecognizer()
ROOMS = RoomRecognizer()
UNITS = sorted(BED_UNITS)


def test_the_seat_units_are_bed_units_and_the_alternation_tries_the_longest_first() -> None:
    assert SEAT_UNITS <= BED_UNITS
    assert re.fullmatch(rf"(?:{alternation(BED_UNITS)})", "micu")
    assert alternation(["icu", "micu"]) == "micu|icu"


@pytest.mark.parametrize("unit", UNITS)
def test_when_a_bed_is_named_by_any_units_code_then_it_is_a_room(unit: str) -> None:
    assert f"{unit.upper()}-12" in {span for span, _ in found(ROOMS, f"{unit.upper()}-12 clean")}


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("shape", ["{unit}12 reed stable", "{unit} 26: reed stable"])
def test_when_a_word_follows_any_units_bed_then_it_is_a_name(unit: str, shape: str) -> None:
    text = shape.format(unit=unit)
    assert "reed" in {span for span, _ in found(NAMES, text, nlp=True)}


@pytest.mark.parametrize("text", ["ICU 2 beds open", "PCU 4 admits pending", "tele 3 pending"])
def test_when_a_unit_is_counted_then_the_word_after_is_no_name(text: str) -> None:
    assert found(NAMES, text, nlp=True) == set()
