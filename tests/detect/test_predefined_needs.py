"""Presidio's IP, card and IBAN recognizers are skipped on a text without the shape their
patterns need (`predefined_needs.PREDEFINED_NEEDS`): the shape is in every match, so nothing is lost."""

from __future__ import annotations

import pytest
import regex as re
from presidio_analyzer import PatternRecognizer
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
)

from bench.text_bench import corpus
from bot.detect.predefined_needs import PREDEFINED_NEEDS, DigitGated

SHAPES = [
    "from 10.0.0.12 and 192.168.1.1/24, gw ::ffff:10.1.2.3, v6 2001:db8::7 fe80::1%eth0",
    "host 742d:8cde:19a2:4410:0000:1b2c:900d:70da: then ::1 and :: alone, 2001:db8:0:0:1::1",
    "card 4111 1111 1111 1111, 5500-0000-0000-0004, 378282246310005, 6011000990139424",
    "IBAN DE89 3704 0044 0532 0130 00, GB82WEST12345698765432, fr1420041010050500013m02606",
    "١٢٣٤ ١١١١ ١١١١ ١١١١ and 4111\u00a01111 1111 1111, 10:30 at bed 4, MRN 12345678",
]


def _recognizers() -> list[PatternRecognizer]:
    return [IpRecognizer(), CreditCardRecognizer(), IbanRecognizer()]


def test_every_match_of_the_recognizers_patterns_has_the_needed_shape() -> None:
    texts = [*SHAPES, *(e["text"] for e in corpus("lab_eob", 200, 5)[0])]
    checked = 0
    for recognizer in _recognizers():
        need = PREDEFINED_NEEDS[type(recognizer).__name__]
        for pattern in recognizer.patterns:
            regex = re.compile(pattern.regex, flags=recognizer.global_regex_flags)
            for text in texts:
                for match in regex.finditer(text):
                    checked += 1
                    assert need.search(match.group()), (pattern.name, match.group())
    assert checked > 20


@pytest.mark.parametrize("text", SHAPES)
def test_the_gated_recognizer_finds_what_presidios_own_finds(text: str) -> None:
    for recognizer in _recognizers():
        gated = DigitGated(recognizer)
        assert gated.needs is not None
        expect = {(r.start, r.end, r.score) for r in recognizer.analyze(text, [])}
        assert {(r.start, r.end, r.score) for r in gated.analyze(text, [], None)} == expect  # type: ignore[arg-type]


def test_a_text_without_the_shape_is_not_given_to_the_recognizer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    inner = IpRecognizer()

    def refuse(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("the recognizer ran")

    monkeypatch.setattr(inner, "analyze", refuse)
    gated = DigitGated(inner)
    assert gated.analyze("bed 4 at 1030, BP 120/80", [], None) == []  # type: ignore[arg-type]
    # a label's colon after a letter that is a hex digit ("Med:", "Code:") is no IPv6 shape
    assert gated.analyze("Med: 5 mg at 2pm. Code: 12", [], None) == []  # type: ignore[arg-type]
    with pytest.raises(AssertionError):
        gated.analyze("from 10.0.0.12", [], None)  # type: ignore[arg-type]
