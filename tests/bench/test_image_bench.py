"""The image corpus and scoring: labelled words land where they are drawn; coverage is area-based."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from bench.corpus.image_corpus import CLEAN_SCENES, SCENES, generate
from bench.image_bench import coverage, polygons_mask


def test_corpus_has_every_scene_as_screenshot_and_photo_with_gold_words() -> None:
    corpus = list(generate(1, seed=3))
    assert {(c.scene, c.variant) for c in corpus} == {
        (s, v) for s in SCENES for v in ("screenshot", "photo")
    }
    for item in corpus:
        image = Image.open(io.BytesIO(item.data))
        assert image.size == (1024, 768)
        assert item.words and all(len(w.quad) == 4 for w in item.words)
        assert any(w.phi for w in item.words) != (item.scene in CLEAN_SCENES)


def test_gold_box_covers_the_drawn_ink() -> None:
    item = next(c for c in generate(1, seed=3) if c.scene == "pacs" and c.variant == "screenshot")
    pixels = np.asarray(Image.open(io.BytesIO(item.data)).convert("L"))
    word = next(w for w in item.words if w.phi)
    mask = polygons_mask(pixels.shape, [word.quad])
    assert pixels[mask].max() > 150  # the text is inside its box


def test_coverage_is_the_redacted_share_of_the_word_area() -> None:
    quad = [[10, 10], [30, 10], [30, 20], [10, 20]]
    half = polygons_mask((40, 40), [[[10, 10], [20, 10], [20, 20], [10, 20]]])
    assert abs(coverage(half, quad) - 0.5) < 0.1
    assert coverage(polygons_mask((40, 40), []), quad) == 0.0


def test_the_overlays_split_has_phi_corners_and_clean_technical_screens() -> None:
    from bench.corpus import image_corpus_overlays

    corpus = list(image_corpus_overlays.generate(per_scene=2, seed=3))
    assert {(c.scene, c.variant) for c in corpus} == {
        (s, v) for s in image_corpus_overlays.SCENES for v in ("screenshot", "photo")
    }
    corners = [c for c in corpus if c.scene == "corners"]
    assert all(any(w.phi and w.kind == "AGE" for w in c.words) for c in corners)
    technical = [c for c in corpus if c.scene == "technical"]
    assert all(c.clean and not any(w.phi for w in c.words) for c in technical)


def test_the_viewer_dev_split_has_patient_blocks_and_clean_phantoms() -> None:
    from bench.corpus import image_corpus_viewer
    from bench.image_bench import corpus_of

    corpus = corpus_of("viewer", 2, 3)
    assert {(c.scene, c.variant) for c in corpus} == {
        (s, v) for s in image_corpus_viewer.SCENES for v in ("screenshot", "photo")
    }
    viewers = [c for c in corpus if c.scene == "viewer"]
    assert all({"NAME", "ID", "DATE"} <= {w.kind for w in c.words if w.phi} for c in viewers)
    phantoms = [c for c in corpus if c.scene == "phantom"]
    assert all(c.clean and not any(w.phi for w in c.words) for c in phantoms)


def test_the_consoles_dev_split_is_all_clean_technical_screens_in_six_styles() -> None:
    """Every scene clean (the bench then asks for pixel-identical output), each with text."""
    from bench.corpus import image_corpus_consoles
    from bench.image_bench import corpus_of

    corpus = corpus_of("consoles", 1, 3)
    assert {(c.scene, c.variant) for c in corpus} == {
        (s, v) for s in image_corpus_consoles.SCENES for v in ("screenshot", "photo")
    }
    assert all(c.clean and c.words and not any(w.phi for w in c.words) for c in corpus)
    texts = {w.text for c in corpus for w in c.words}
    assert {"Traceback", "Collecting", "CONTAINER", "LOINC"} <= texts


def test_a_baseline_tree_runs_its_own_code_on_the_same_corpus(tmp_path: object) -> None:
    """`--baseline-tree`: another checkout's phiwarden in the same run (before/after under one
    load); the tree's own `bench.image_bench` is imported, with this run's arguments."""
    from pathlib import Path

    from bench.image_bench import run_in_tree

    tree = Path(str(tmp_path))
    (tree / "bench").mkdir()
    (tree / "bench" / "__init__.py").write_text("")
    (tree / "bench" / "image_bench.py").write_text(
        "def run_isolated(engine, split, per_scene, seed, ocr_engine):\n"
        "    return ({'engine': 'phiwarden (rapidocr)', 'args': [engine, split, per_scene, seed,"
        " ocr_engine]}, {'NAME': 1})\n"
    )
    row, missed = run_in_tree(tree, "overlays", 6, 4242, "rapidocr")
    assert row["args"] == ["ours", "overlays", 6, 4242, "rapidocr"]
    assert row["engine"].startswith("phiwarden (rapidocr) at ") and "(baseline)" in row["engine"]
    assert missed == {"NAME": 1}
