"""`bench.name_words` counts every invented name word once, in exactly one class."""

from __future__ import annotations

from bench.name_words import classes


def test_when_names_are_counted_then_every_word_lands_in_one_class() -> None:
    counts = classes(200, seed=1)
    assert sum(counts.values()) == 400  # a first and a last name each
    assert counts["unknown"] > 300  # invented names are mostly in no list and no dictionary
