"""Recognizer-level tables run without the spaCy model: loading one here fails the test.

Pattern recognizers need no NLP at all; the token-based ones (names, the city gazetteer) get a
blank English tokenizer (`spacy.blank("en")`, rules only, no trained pipeline), through
`tests.detect.recognizers.tables.tokens`.
"""

from __future__ import annotations

from typing import Any, NoReturn

import pytest
import spacy


@pytest.fixture(autouse=True)
def no_spacy_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> NoReturn:
        raise AssertionError("a recognizer-level table test loaded a spaCy model")

    monkeypatch.setattr(spacy, "load", refuse)
