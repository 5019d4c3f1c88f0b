"""One text through the engine's recognizers: what `AnalyzerEngine.analyze` returns for them,
without its per-call work that changes nothing here.

`AnalyzerEngine.analyze` picks the recognizers again from the registry for every text (into a
set, so their order changed from run to run), runs the context pass (a no-op for ours: they
weigh context words themselves, `recognizers.base`) and rewrites the results. This asks the
recognizers the engine picked once, in the registry's order, and skips those the gate index
(`GateIndex.idle`) shows none of whose patterns may match the text, where they declare that
they then find nothing (`ClinicalPatternRecognizer.SKIP_WHEN_IDLE`). Scores below the
threshold go before duplicates are removed, as there. About a tenth of a chat message's CPU
time (issue 13).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from bot.detect.recognizers.gate_index import GateIndex


class RecognizerPass:
    """`recognizers` asked for `entities` on each text; `gates` files the gate strings of the
    pattern recognizers among them (built with them, at the engine's composition)."""

    def __init__(
        self,
        recognizers: Sequence[EntityRecognizer],
        entities: Sequence[str],
        score_threshold: float,
        gates: GateIndex | None = None,
    ) -> None:
        self.recognizers = list(recognizers)
        self.entities = list(entities)
        self.score_threshold = score_threshold
        self.gates = gates
        asked = set(self.recognizers)
        # the members that may be skipped when idle: declared so, and asked by this pass
        self._skippable: frozenset[Any] = frozenset(
            r
            for r in (gates.members if gates is not None else ())
            if r in asked and getattr(type(r), "SKIP_WHEN_IDLE", False)
        )

    def analyze(self, text: str, nlp_artifacts: NlpArtifacts) -> list[RecognizerResult]:
        """The recognizers' results for `text` above the threshold, duplicates removed."""
        results: list[RecognizerResult] = []
        skip = self._skipped(text)
        for recognizer in self.recognizers:
            if recognizer not in skip:
                results.extend(recognizer.analyze(text, self.entities, nlp_artifacts))
        threshold = self.score_threshold
        return EntityRecognizer.remove_duplicates([r for r in results if r.score >= threshold])

    def _skipped(self, text: str) -> set[Any] | frozenset[Any]:
        if self.gates is None or not self._skippable:
            return frozenset()
        return self.gates.idle(text) & self._skippable
