"""The recognizer pass: what Presidio's `analyze` would return, without asking a pattern
recognizer that cannot match and declares it then finds nothing."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.engine import TextEngine
from bot.detect.recognizer_pass import RecognizerPass
from bot.detect.recognizers.base import ClinicalPatternRecognizer
from bot.detect.recognizers.gate_index import GateIndex


@pytest.mark.parametrize(
    "text",
    [
        "pt john smith 67yo M, MRN 12345678, DOB 03/04/1961, lives at 12 Oak St, Springfield IL 62704",
        "Dr. Okafor saw Mekonu yday at St Mary's; call 617-555-0142 or j.smith@example.test",
        "card 4111 1111 1111 1111, IBAN DE89 3704 0044 0532 0130 00, ip 10.0.0.1, plate ABC-1234",
        "患者王小明，男，65岁, cama 4, Zimmer 12",
    ],
)
def test_the_engine_keeps_what_presidios_analyze_would_return(
    engine: TextEngine, text: str
) -> None:
    """`RecognizerPass` calls the recognizers itself (issue 13, speed); it must return what
    `AnalyzerEngine.analyze` returns for the same recognizers, threshold and artifacts."""
    artifacts = engine.nlp_engine.process_text(text, "en")
    ours = engine.recognizer_pass.analyze(text, artifacts)
    presidio = engine.analyzer.analyze(
        text,
        "en",
        entities=engine.recognizer_pass.entities,
        score_threshold=engine.score_threshold,
        nlp_artifacts=artifacts,
    )

    def key(results: list) -> list[tuple[int, int, str, float, str]]:  # type: ignore[type-arg]
        return sorted(
            (r.start, r.end, r.entity_type, r.score, str(r.recognition_metadata.get("subtype")))
            for r in results
        )

    assert ours
    assert key(ours) == key(presidio)


def test_the_engine_does_not_ask_a_pattern_recognizer_none_of_whose_patterns_may_match(
    engine: TextEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message without a digit cannot match a pattern that needs one: its recognizer is not
    asked (`GateIndex.idle`, issue 13, speed); one with a digit and a label is."""
    from bot.detect.recognizers.ids import IdRecognizer

    ids = next(r for r in engine.recognizer_pass.recognizers if isinstance(r, IdRecognizer))
    asked: list[str] = []
    real = ids.analyze

    def counting(text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ids, "analyze", counting)
    engine.scan("can someone check on bed eight please")
    assert asked == []
    engine.scan("MRN 12345678 for bed 8")
    assert asked == ["MRN 12345678 for bed 8"]


class Flagged(ClinicalPatternRecognizer):
    """A toy pattern recognizer whose own `analyze` also reports a fixed span, with no match:
    whether the pass may skip it when idle is for its class to say."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [Pattern("mrn_strong", r"\bmrn\s+\d{6}", 0.9)]

    def analyze(self, text: str, entities: list[str], *args: Any, **kwargs: Any) -> list[Any]:
        return [*super().analyze(text, entities), RecognizerResult("TEST_ID", 0, 3, 0.9)]


class Declared(Flagged):
    SKIP_WHEN_IDLE: ClassVar[bool] = True


def test_an_own_analyze_is_asked_when_idle_unless_its_class_declares_it_may_be_skipped() -> None:
    undeclared, declared = Flagged(), Declared()
    assert not Flagged.SKIP_WHEN_IDLE and Declared.SKIP_WHEN_IDLE
    assert ClinicalPatternRecognizer.SKIP_WHEN_IDLE
    gates = GateIndex([undeclared, declared])
    found = RecognizerPass([undeclared, declared], ["TEST_ID"], 0.4, gates)
    text = "bed four, no number here"
    assert gates.idle(text) == {undeclared, declared}
    assert [(r.start, r.end) for r in found.analyze(text, None)] == [(0, 3)]  # type: ignore[arg-type]


def test_the_engine_hands_its_pass_the_gate_index_of_its_pattern_recognizers(
    engine: TextEngine,
) -> None:
    gates = engine.recognizer_pass.gates
    assert isinstance(gates, GateIndex)
    asked = engine.recognizer_pass.recognizers
    assert set(gates.members) <= set(asked)
    assert len(gates.members) > 15
    assert all(isinstance(r, ClinicalPatternRecognizer) for r in gates.members)
