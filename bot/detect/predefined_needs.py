"""Presidio's number recognizers that the engine keeps (IP, card, IBAN), asked only where
their patterns could match.

Most chat lines have no digit, and each of these costs its recognizer a full pass of its
patterns. What each cannot match without is read off its patterns: IPv4 has a digit, a dot and
a digit, and every IPv6 form "::" or a hex digit on both sides of a colon (the full form, and
the one before an embedded IPv4; a label's "Note:" has neither); a card number four digits,
then after at most one blank or dash three more (issue digit and three, then a group of three
or four); an IBAN two capitals and two digits (its pattern is case-sensitive). A text without
that shape is not given to the recognizer. Compiled as Presidio compiles its own (the `regex`
module: `\\d` is any script's digit).
"""

from __future__ import annotations

from typing import Any

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    IbanRecognizer,
    IpRecognizer,
)

from bot.detect.recognizers.gate_reading import has_digit

PREDEFINED_NEEDS: dict[str, Any] = {
    "IpRecognizer": regex.compile(r"[0-9A-Fa-f]:[0-9A-Fa-f]|::|[0-9]\.[0-9]"),
    "CreditCardRecognizer": regex.compile(r"\d{4}[- ]?\d{3}"),
    "IbanRecognizer": regex.compile(r"[A-Z]{2}[0-9]{2}"),
}


class DigitGated(EntityRecognizer):
    """One of Presidio's number recognizers, run only on texts with a digit and the shape its
    patterns need (`PREDEFINED_NEEDS`)."""

    def __init__(self, inner: EntityRecognizer) -> None:
        super().__init__(
            supported_entities=inner.supported_entities,
            name=type(inner).__name__,
            supported_language=inner.supported_language,
            context=inner.context,
        )
        self.inner = inner
        self.needs = PREDEFINED_NEEDS.get(type(inner).__name__)

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts
    ) -> list[RecognizerResult]:
        if not has_digit(text) or (self.needs is not None and self.needs.search(text) is None):
            return []
        return list(self.inner.analyze(text, entities, nlp_artifacts))


def predefined_recognizers() -> tuple[DigitGated, ...]:
    """The Presidio recognizers the engine registers beside ours (see `bot.detect.engine`)."""
    return (
        DigitGated(IpRecognizer()),
        DigitGated(CreditCardRecognizer()),
        DigitGated(IbanRecognizer()),
    )
