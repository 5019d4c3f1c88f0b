"""One text engine for the whole detection test session (loading spaCy takes a second)."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind


@pytest.fixture(scope="session")
def engine() -> TextEngine:
    return TextEngine(institutions=["Lakeside Clinic"])


def spans(engine: TextEngine, text: str, kind: Kind | None = None) -> list[str]:
    """The flagged substrings of `text` (of one kind, if given)."""
    return [text[f.start : f.end] for f in engine.findings(text) if kind is None or f.kind is kind]
