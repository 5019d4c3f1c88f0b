"""The synthetic corpus must be reproducible, well-formed and honest about its splits."""

from __future__ import annotations

from bench.corpus import (
    templates_board,
    templates_fresh,
    templates_heldout,
    templates_main,
    templates_shift,
)
from bench.corpus.text_corpus import (
    BOARD_EXTRA_NAMES,
    BOARD_LOCALES,
    FRESH_LOCALES,
    HELDOUT_EXTRA_NAMES,
    HELDOUT_LOCALES,
    MAIN_EXTRA_NAMES,
    MAIN_LOCALES,
    generate,
    verdict_for,
)

KINDS = {"NAME", "DATE", "AGE", "ID", "CONTACT", "LOCATION", "ROOM"}


def test_when_same_seed_then_same_corpus() -> None:
    a = [e.to_json() for e in generate(200, seed=7, split="main")]
    b = [e.to_json() for e in generate(200, seed=7, split="main")]
    c = [e.to_json() for e in generate(200, seed=8, split="main")]
    assert a == b
    assert a != c


def test_when_generated_then_spans_are_trimmed_ordered_and_typed() -> None:
    for split in ("main", "heldout", "fresh", "board"):
        for ex in generate(600, seed=3, split=split):
            last_end = 0
            for start, end, kind, role in ex.spans:
                piece = ex.text[start:end]
                assert piece and piece == piece.strip(), (ex.id, piece)
                assert start >= last_end, ex.id
                assert kind in KINDS and role in {"direct", "quasi", "staff"}
                last_end = end
            assert ex.verdict == verdict_for([sp[3] for sp in ex.spans])


def test_when_split_heldout_then_templates_and_name_sources_are_disjoint() -> None:
    main_templates = set(templates_main.PHI + templates_main.LOW + templates_main.CLEAN)
    held_templates = set(templates_heldout.PHI + templates_heldout.LOW + templates_heldout.CLEAN)
    assert not main_templates & held_templates
    assert not set(MAIN_LOCALES) & set(HELDOUT_LOCALES)
    assert not set(MAIN_EXTRA_NAMES) & set(HELDOUT_EXTRA_NAMES)


def test_when_split_board_then_its_templates_and_name_sources_are_its_own() -> None:
    board = set(templates_board.PHI + templates_board.LOW + templates_board.CLEAN)
    for other in (templates_main, templates_heldout, templates_fresh, templates_shift):
        assert not board & set(other.PHI + other.LOW + other.CLEAN), other.__name__
    assert not set(BOARD_LOCALES) & (set(MAIN_LOCALES) | set(HELDOUT_LOCALES) | set(FRESH_LOCALES))
    assert not set(BOARD_EXTRA_NAMES) & (set(MAIN_EXTRA_NAMES) | set(HELDOUT_EXTRA_NAMES))


def test_when_main_split_then_enough_distinct_templates() -> None:
    assert len(set(templates_main.PHI)) >= 80
    assert len(set(templates_main.LOW + templates_main.CLEAN)) >= 60


def test_when_generated_then_every_kind_and_verdict_occurs() -> None:
    examples = generate(1500, seed=1, split="main")
    assert {sp[2] for ex in examples for sp in ex.spans} == KINDS
    assert {ex.verdict for ex in examples} == {"phi", "low", "clean"}
    assert {ex.category for ex in examples} == {"phi", "low", "clean", "hard"}
