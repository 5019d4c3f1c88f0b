"""A town found before a particle's tail is widened over it; other findings are left as they are."""

from __future__ import annotations

import pytest

from bot.detect.town_tails import widen_towns
from bot.detect.types import Finding, Kind


def _widened(text: str, head: str, kind: Kind, subtype: str) -> list[tuple[str, Kind, str]]:
    start = text.index(head)
    found = [Finding(start, start + len(head), kind, 0.6, "test", subtype)]
    return [(text[f.start : f.end], f.kind, f.subtype) for f in widen_towns(text, found)]


@pytest.mark.parametrize(
    ("text", "head", "town"),
    [
        ("se mudó a San Carlos los altos.", "San Carlos", "San Carlos los altos"),
        ("moved to Pacheco do Oeste last spring", "Pacheco", "Pacheco do Oeste"),
        ("lives in Villanueva de la Serena now", "Villanueva", "Villanueva de la Serena"),
    ],
)
def test_when_a_town_ends_in_a_particles_tail_then_the_tail_is_the_towns(
    text: str, head: str, town: str
) -> None:
    assert _widened(text, head, Kind.LOCATION, "CITY") == [(town, Kind.LOCATION, "CITY")]


def test_when_a_saints_name_read_as_a_person_has_a_towns_tail_then_it_is_a_town() -> None:
    text = "C.P. 39614 San Esperanza los bajos, MEX"
    widened = _widened(text, "San Esperanza", Kind.NAME, "PATIENT")
    assert widened == [("San Esperanza los bajos", Kind.LOCATION, "CITY")]


@pytest.mark.parametrize(
    ("text", "head", "kind", "subtype"),
    [
        ("moved to Boston last year", "Boston", Kind.LOCATION, "CITY"),
        ("from Boston de facto", "Boston", Kind.LOCATION, "CITY"),
        ("Maria Santos do Rio called", "Maria Santos", Kind.NAME, "PATIENT"),
        ("seen at Mercy de la Salle", "Mercy", Kind.LOCATION, "INSTITUTION"),
    ],
)
def test_when_no_towns_tail_follows_or_the_finding_is_no_town_then_it_is_kept(
    text: str, head: str, kind: Kind, subtype: str
) -> None:
    assert _widened(text, head, kind, subtype) == [(head, kind, subtype)]


def test_when_the_tail_is_another_finding_already_then_the_town_is_kept() -> None:
    text = "moved to Pacheco do Oeste"
    town = Finding(9, 16, Kind.LOCATION, 0.6, "test", "CITY")
    other = Finding(20, 25, Kind.NAME, 0.6, "test", "PATIENT")
    assert widen_towns(text, [town, other]) == [town, other]
