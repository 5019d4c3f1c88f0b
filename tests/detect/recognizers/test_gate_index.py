"""The pattern recognizers' gate strings read once per text for all of them (`GateIndex`): each
recognizer gets the mask of patterns it would have built itself."""

from __future__ import annotations

from typing import ClassVar

import pytest
from presidio_analyzer import Pattern

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


class PinQuestion(ClinicalPatternRecognizer):
    """A toy recognizer: a "pin" question on its own line, which needs "pin" (its gate), "?" and
    a line break in a row (its other requirement), and a bare "pin" that needs only "pin"."""

    ENTITY = "TEST_ID"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("question_strong", r"\bpin\b[^\n]*\?\n", 0.9),
        Pattern("bare_weak", r"\bpin\b", 0.4),
    ]


def _pattern_recognizers() -> list[ClinicalPatternRecognizer]:
    return [r for r in default_recognizers() if isinstance(r, ClinicalPatternRecognizer)]


def test_every_recognizer_gets_the_mask_it_would_have_built_itself() -> None:
    texts = [e["text"] for e in corpus("dev", 200, 3)[0]] + OTHER_SCRIPTS + ["", "a", "ab"]
    recognizers = [r for r in _pattern_recognizers() if r._gated]
    assert len(recognizers) > 15
    index = GateIndex(recognizers)
    assert index.members == tuple(recognizers)
    for text in texts:
        for position, r in enumerate(recognizers):
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


@pytest.mark.parametrize(
    ("text", "mask"),
    [
        ("what is your pin?\nok", 0b11),  # "pin" gates both; the bare pattern needs no more
        ("what is your pin? ok", 0b10),  # no "?" before a line break: the question cannot match
        ("pin?\n", 0b11),
        ("pin? \n", 0b10),  # the "?" not right before the line break: nor here
        ("Pİn?\n", 0b11),  # the dotted capital I reads as "i", as the pattern matches it
        ("what now?\n", 0b00),  # no "pin": neither
    ],
)
def test_when_a_text_lacks_a_pattern_s_other_requirement_then_its_bit_is_not_set(
    text: str, mask: int
) -> None:
    question, ids = PinQuestion(), IdRecognizer()
    index = GateIndex([ids, question])
    assert question._also[0] and not question._also[1]
    assert index.runs(text, 1, question._compiled) == mask == question._own_runs(text)


def test_a_pattern_recognizer_finds_nothing_where_the_index_says_it_is_idle() -> None:
    """The engine skips an idle recognizer that declares it finds nothing then
    (`GateIndex.idle`, `SKIP_WHEN_IDLE`): on every dev text where one is idle, asked anyway, it
    finds nothing (a subclass's own `analyze` included)."""
    texts = [e["text"] for e in corpus("dev", 200, 3)[0]] + OTHER_SCRIPTS + ["", "a", "ab"]
    recognizers = _pattern_recognizers()
    index = GateIndex(recognizers)
    skipped = 0
    for text in texts:
        idle = index.idle(text)
        skipped += len(idle)
        for r in idle:
            assert r.analyze(text, [r.ENTITY]) == [], (r.name, text)
    assert skipped > len(texts) * 5


def test_a_pattern_that_needs_more_digits_in_a_row_than_the_text_has_is_not_let_run() -> None:
    ids = IdRecognizer()
    index = GateIndex([ids])
    wanting = {i for i, (*_, wants) in enumerate(ids._compiled) if wants >= 6}
    assert wanting
    for text in ("MRN 12345", "MRN 123456789"):
        runs = index.runs(text, 0, ids._compiled)
        assert runs == ids._own_runs(text)
        let = {i for i in wanting if runs is not None and runs >> i & 1}
        assert (let != set()) == (text == "MRN 123456789"), text
