"""Overlapping findings merge into one with the strongest member's kind."""

from __future__ import annotations

from bot.detect.merge import merge
from bot.detect.types import Finding, Kind


def test_when_spans_overlap_then_merged_into_strongest_kind() -> None:
    a = Finding(0, 8, Kind.DATE, 0.5, subtype="SERVICE_DATE")
    b = Finding(5, 14, Kind.ID, 0.6, subtype="MRN")
    c = Finding(20, 25, Kind.ROOM, 0.9)
    assert merge([c, a, b]) == [Finding(0, 14, Kind.ID, 0.6, "", "MRN"), c]


def test_when_a_listed_town_follows_a_title_then_the_name_wins_the_merge() -> None:
    text = "Mrs Rutledge called; she moved to Rutledge"
    town = Finding(4, 12, Kind.LOCATION, 0.9, "CityGazetteerRecognizer", "CITY")
    name = Finding(4, 12, Kind.NAME, 0.9, "NameRecognizer", "PATIENT")
    later_town = Finding(34, 42, Kind.LOCATION, 0.9, "CityGazetteerRecognizer", "CITY")
    later_name = Finding(34, 42, Kind.NAME, 0.5, "NameRecognizer", "PATIENT")
    merged = merge([town, name, later_town, later_name], text)
    assert [f.kind for f in merged] == [Kind.NAME, Kind.LOCATION]
