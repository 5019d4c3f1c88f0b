"""One text engine for the whole detection test session (loading spaCy takes a second)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Kind


@pytest.fixture(scope="session")
def engine() -> TextEngine:
    return TextEngine(institutions=["Lakeside Clinic"])


def spans(engine: TextEngine, text: str, kind: Kind | None = None) -> list[str]:
    """The flagged substrings of `text` (of one kind, if given)."""
    return [text[f.start : f.end] for f in engine.findings(text) if kind is None or f.kind is kind]


def load_script(name: str) -> ModuleType:
    """A `scripts/<name>.py` build script as a module, for the tests that regenerate its data
    file and compare it with the shipped one (drift tests)."""
    path = Path(__file__).resolve().parents[2] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
