"""Names from spaCy's PERSON entities, checked against the gazetteer and the clinical words.

The statistical NER is one source among several: it misses lower-case chat and takes eponyms,
towns and shouted acronyms for people, so an entity counts only where the lists agree.
Composed into `NameRecognizer`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import Span, alpha, is_city, tokens
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import FACILITY_WORDS, MONTHS, US_STATES
from bot.detect.recognizers.names_words import NameWords


def person_entities(doc: Doc, inf: bool, words: NameWords, cues: NameCues) -> list[Span]:
    """spaCy's PERSON entities that hold a listed name (or, where case says something, only
    unknown words in Title Case with a cue), less eponyms, months, towns, states and facilities."""
    out: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON" or any(t.like_num for t in ent):
            continue
        start, end = ent.start, ent.end
        while end > start and not alpha(tokens(doc)[end - 1]):
            end -= 1
        while start < end and not alpha(tokens(doc)[start]):
            start += 1
        toks = [t for t in tokens(doc)[start:end] if alpha(t)]
        if (
            not toks
            or words.clinical_next(doc, end)
            or any(words.lex.is_eponym(t.text) for t in toks)
        ):
            continue
        if any(t.lower_ in MONTHS or t.lower_ in FACILITY_WORDS for t in toks) or (
            inf and not all(t.text[:1].isupper() for t in toks)
        ):
            continue
        if (
            is_city(toks)
            or (end < len(doc) and tokens(doc)[end].lower_ in FACILITY_WORDS)
            or any(t.lower_ in US_STATES for t in toks)
        ):
            continue
        if any(t.text == "," for t in tokens(doc)[start:end]) or any(
            t.text.isupper() and not words.lex.is_name(t.text) for t in toks
        ):
            continue
        known = [t for t in toks if words.lex.is_name(t.text)]
        if not known and not (
            inf
            and all(words.unknown(t) and t.text.istitle() for t in toks)
            and cues.cue(doc, start, end)
        ):
            continue
        if all(
            words.lex.is_ambiguous(t.text)
            or (words.lex.is_english(t.text) and not words.lex.is_name(t.text))
            for t in toks
        ):
            continue
        out.append((start, end, 0.8 if known else 0.6, cues.subtype(doc, start, end)))
    return out
