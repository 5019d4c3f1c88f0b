"""The pattern recognizers' gate strings read once per text for all of them (`GateIndex`): each
recognizer gets the mask of patterns it would have built itself."""

from __future__ import annotations

from bench.text_bench import corpus
from bot.detect.recognizers import default_recognizers
from bot.detect.recognizers.base import ClinicalPatternRecognizer
from bot.detect.recognizers.dates import ClinicalDateRecognizer
from bot.detect.recognizers.gate_index import GateIndex
from bot.detect.recognizers.ids import IdRecognizer

OTHER_SCRIPTS = [
    "患者王小明，男，65岁，2025年3月4日入院",
    "Zimmer 12, geb. 03.04.1961, Straße 4, İstanbul",
    "cama 4: Sr. Muñoz, 58 años, ſ and K",
]


def _pattern_recognizers() -> list[ClinicalPatternRecognizer]:
    return [r for r in default_recognizers() if isinstance(r, ClinicalPatternRecognizer)]


def test_every_recognizer_gets_the_mask_it_would_have_built_itself() -> None:
    texts = [e["text"] for e in corpus("dev", 200, 3)[0]] + OTHER_SCRIPTS + ["", "a", "ab"]
    recognizers = [r for r in _pattern_recognizers() if r._gated]
    assert len(recognizers) > 15
    for text in texts:
        for r in recognizers:
            assert r._shared_gates is not None
            index, position = r._shared_gates
            assert index.runs(text, position, r._compiled) == r._own_runs(text), (r.name, text)


def test_a_recognizer_whose_patterns_were_replaced_reads_its_own_gates() -> None:
    dates, ids = ClinicalDateRecognizer(), IdRecognizer()
    index = GateIndex([dates, ids])
    text = "seen 3/4/2025, MRN 12345678"
    assert index.runs(text, 1, ids._compiled) == ids._own_runs(text)
    before = [(r.start, r.end) for r in ids.analyze(text, ["ID"])]
    ids._compiled = list(ids._compiled)  # the same patterns, a new list (as a timer wraps them)
    assert index.runs(text, 1, ids._compiled) is None
    assert [(r.start, r.end) for r in ids.analyze(text, ["ID"])] == before != []


def test_a_text_is_read_once_for_all_the_recognizers() -> None:
    dates, ids = ClinicalDateRecognizer(), IdRecognizer()
    index = GateIndex([dates, ids])
    reads: list[str] = []
    real = index._masks

    def counting(text: str) -> list[int]:
        reads.append(text)
        return real(text)

    index._masks = counting  # type: ignore[method-assign]
    text = "seen 3/4/2025, MRN 12345678"
    dates.analyze(text, ["DATE"])
    ids.analyze(text, ["ID"])
    assert reads == [text]
