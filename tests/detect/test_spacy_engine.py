"""spaCy as the engine runs it: the text it tokenized handed on, one token list per doc, and a
fresh model once the vocabulary grows past its limit."""

from __future__ import annotations

import pytest

from bot.detect.engine import TextEngine
from bot.detect.types import Verdict


def test_when_vocabulary_grows_past_limit_then_model_reloads_and_still_detects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import bot.detect.spacy_engine as spacy_module

    fresh = TextEngine()
    monkeypatch.setattr(spacy_module, "MAX_VOCAB", 1)
    before = fresh.nlp_engine.get_nlp("en")
    results = fresh.scan_batch(["MRN 12345678", "zyxwv qwerty"])
    assert fresh.nlp_engine.get_nlp("en") is not before
    assert [r.verdict for r in results] == [Verdict.PHI, Verdict.CLEAN]


def test_the_engine_hands_the_name_rules_the_text_it_tokenized(engine: TextEngine) -> None:
    """`doc.text` is rebuilt from every token at each call; the rules read the stored copy
    (`names_context.doc_text`), which must be the text spaCy tokenized (issue 13, speed)."""
    from bot.detect.recognizers.names_context import DOC_TEXT_KEY, doc_text

    text = "pt  Mekonu\tsaw Dr. Okafor yday\n  bed 8 "
    doc = engine.nlp_engine.process_text(text, "en").tokens
    assert doc.user_data[DOC_TEXT_KEY] == text == doc.text
    assert doc_text(doc) == text


def test_the_name_rules_share_one_token_list_per_doc(engine: TextEngine) -> None:
    """`doc[i]` builds a new `Token` each call; the rules share one list (issue 13, speed)."""
    from bot.detect.recognizers.names_context import tokens

    doc = engine.nlp_engine.process_text("can u see kraesaom maiwaekul in bed 8", "en").tokens
    assert tokens(doc) is tokens(doc)
    assert [t.text for t in tokens(doc)] == [t.text for t in doc]
