"""Helpers for the recognizer tables: what one recognizer finds in one text, without spaCy."""

from __future__ import annotations

from functools import cache

import spacy
from presidio_analyzer import EntityRecognizer
from presidio_analyzer.nlp_engine import NlpArtifacts
from spacy.language import Language

from bot.detect.recognizers.base import get_subtype
from bot.detect.recognizers.names_lexicon import Lexicon
from bot.detect.recognizers.names_words import NameWords, words_of


@cache
def _blank() -> Language:
    return spacy.blank("en")  # a tokenizer only: no model is loaded


def tokens(text: str) -> NlpArtifacts:
    """The artifacts a token-based recognizer reads, from the blank tokenizer (no tags, no ents)."""
    doc = _blank()(text)
    return NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[t.idx for t in doc],
        lemmas=[t.text for t in doc],
        nlp_engine=None,
        language="en",
    )


def found(recognizer: EntityRecognizer, text: str, *, nlp: bool = False) -> set[tuple[str, str]]:
    """The (span, subtype) pairs `recognizer` reports in `text`."""
    results = recognizer.analyze(text, recognizer.supported_entities, tokens(text) if nlp else None)
    return {(text[r.start : r.end], get_subtype(r)) for r in results}


def english_only(english: str) -> NameWords:
    """Word classes over a hand-made lexicon that knows only `english` (space-separated words)
    and no names, so that every other word is one no list knows."""
    return NameWords(
        Lexicon(
            first=frozenset(),
            last=frozenset(),
            ambiguous=frozenset(),
            english=words_of(english),
            eponyms=frozenset(),
            eponym_phrases=frozenset(),
        )
    )
