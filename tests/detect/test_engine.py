from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind, Verdict


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("pt john smith 67yo M, MRN 12345678", Verdict.PHI),
        ("grand rounds today at noon", Verdict.LOW),
        ("Dr. Okafor wants a repeat echo", Verdict.LOW),
        ("Dr. Okafor saw the 67M in bed 8 yesterday", Verdict.PHI),
        ("does anyone have the new sepsis order set?", Verdict.CLEAN),
        ("Parkinson's pt with Bell's palsy, BP 120/80, 3/6 murmur, Norco 5/325", Verdict.CLEAN),
        # an untitled name nobody listed as staff: fail closed (with the directory: `test_staff`)
        ("Priya is on call this weekend", Verdict.PHI),
        ("Dr. Okafor is covering nights at St Mary's", Verdict.LOW),
        ("Dr. Okafor saw the pt yesterday at St Mary's", Verdict.PHI),
        ("Dr. Okafor admitted him last night", Verdict.PHI),
    ],
)
def test_when_message_scanned_then_verdict_follows_combination_rule(
    engine: TextEngine, text: str, verdict: Verdict
) -> None:
    assert engine.scan(text).verdict is verdict


def test_when_batch_scanned_then_results_keep_input_order(engine: TextEngine) -> None:
    texts = ["MRN 12345678", "lunch?", "call 617-555-1234", ""]
    results = engine.scan_batch(texts, batch_size=2)
    assert [r.verdict for r in results] == [Verdict.PHI, Verdict.CLEAN, Verdict.PHI, Verdict.CLEAN]
    assert [r.verdict for r in results] == [engine.scan(t).verdict for t in texts]


def test_when_slack_markup_present_then_ids_ignored_and_offsets_kept(engine: TextEngine) -> None:
    text = "<@U0123ABCD> *John Smith* in <#C0123ABCD|icu> :hospital:"
    found = engine.findings(text)
    assert [(text[f.start : f.end], f.kind) for f in found] == [("John Smith", Kind.NAME)]


def test_when_redacted_then_placeholders_and_age_ranges(engine: TextEngine) -> None:
    out = engine.redact("pt john smith 67yo M, 92 y/o mother, MRN 12345678")
    assert "john" not in out and "12345678" not in out
    assert "60s M" in out and "90+" in out and "[NAME]" in out and "[ID]" in out


def test_when_text_is_long_then_chunks_are_scanned_with_true_offsets(engine: TextEngine) -> None:
    text = "ok " * 20_000 + "MRN 12345678"
    found = engine.findings(text)
    assert [text[f.start : f.end] for f in found] == ["12345678"]


def test_the_analyzer_skips_presidios_context_pass_and_its_lemma_enhancer(
    engine: TextEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Our recognizers weigh their context words themselves; Presidio's lemma enhancer would
    raise scores a second time on words like "patient" near a finding."""

    class Untouchable:
        def enhance_using_context(self, **_: object) -> None:
            raise AssertionError("the context enhancer ran")

    monkeypatch.setattr(engine.analyzer, "context_aware_enhancer", Untouchable())
    assert engine.scan("patient John Smith, MRN 12345678").verdict is Verdict.PHI
