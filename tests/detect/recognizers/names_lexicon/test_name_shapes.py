"""Surname endings and particles: lower case; an ending of at least three letters (shorter ones
would make half the vocabulary surnames), each listed once; a particle is a short word."""

from __future__ import annotations

from bot.detect.recognizers.names_lexicon.name_shapes import PARTICLES, SURNAME_SUFFIXES


def test_a_surname_ending_is_lower_case_at_least_three_letters_and_listed_once() -> None:
    assert all(s == s.lower() and len(s) >= 3 for s in SURNAME_SUFFIXES)
    assert len(set(SURNAME_SUFFIXES)) == len(SURNAME_SUFFIXES)


def test_a_particle_is_a_short_lower_case_word() -> None:
    assert all(p == p.lower() and p.isalpha() and len(p) <= 5 for p in PARTICLES)
    assert {"van", "de", "bin", "al"} <= PARTICLES
