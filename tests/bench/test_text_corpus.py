"""The synthetic corpus must be reproducible, well-formed and honest about its splits."""

from __future__ import annotations

from bench.corpus import (
    templates_board,
    templates_clinic_dev,
    templates_dialysis,
    templates_fresh,
    templates_heldout,
    templates_main,
    templates_shift,
)
from bench.corpus.text_corpus import (
    BOARD_CITIES,
    BOARD_EXTRA_NAMES,
    BOARD_LOCALES,
    CLINIC_DEV_EXTRA_NAMES,
    CLINIC_DEV_LOCALES,
    DIALYSIS_CITIES,
    DIALYSIS_EXTRA_NAMES,
    DIALYSIS_LOCALES,
    FRESH_CITIES,
    FRESH_LOCALES,
    HELDOUT_CITIES,
    HELDOUT_EXTRA_NAMES,
    HELDOUT_LOCALES,
    MAIN_CITIES,
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
    for split in ("main", "heldout", "fresh", "board", "dialysis"):
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


def test_when_split_dialysis_then_its_templates_and_name_sources_are_its_own() -> None:
    dialysis = set(templates_dialysis.PHI + templates_dialysis.LOW + templates_dialysis.CLEAN)
    others = (
        templates_main,
        templates_heldout,
        templates_fresh,
        templates_shift,
        templates_board,
        templates_clinic_dev,
    )
    for other in others:
        assert not dialysis & set(other.PHI + other.LOW + other.CLEAN), other.__name__
    used = (
        set(MAIN_LOCALES)
        | set(HELDOUT_LOCALES)
        | set(FRESH_LOCALES)
        | set(BOARD_LOCALES)
        | set(CLINIC_DEV_LOCALES)
    )
    assert not set(DIALYSIS_LOCALES) & used
    extras = set(MAIN_EXTRA_NAMES) | set(HELDOUT_EXTRA_NAMES) | set(BOARD_EXTRA_NAMES)
    assert not set(DIALYSIS_EXTRA_NAMES) & (extras | set(CLINIC_DEV_EXTRA_NAMES))
    cities = set(MAIN_CITIES) | set(HELDOUT_CITIES) | set(FRESH_CITIES) | set(BOARD_CITIES)
    assert not set(DIALYSIS_CITIES) & cities


def test_when_dialysis_split_then_chairs_are_rooms_and_every_verdict_occurs() -> None:
    examples = generate(600, seed=2, split="dialysis")

    chairs = [ex.text[a:b] for ex in examples for a, b, kind, _ in ex.spans if kind == "ROOM"]
    assert any(
        c.lower().startswith(("chair", "ch ", "stn", "station", "pod", "iso")) for c in chairs
    )
    assert {ex.verdict for ex in examples} == {"phi", "low", "clean"}


def test_when_main_split_then_enough_distinct_templates() -> None:
    assert len(set(templates_main.PHI)) >= 80
    assert len(set(templates_main.LOW + templates_main.CLEAN)) >= 60


def test_when_generated_then_every_kind_and_verdict_occurs() -> None:
    examples = generate(1500, seed=1, split="main")
    assert {sp[2] for ex in examples for sp in ex.spans} == KINDS
    assert {ex.verdict for ex in examples} == {"phi", "low", "clean"}
    assert {ex.category for ex in examples} == {"phi", "low", "clean", "hard"}
