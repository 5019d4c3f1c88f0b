"""Names before a possessive: "Jane's bloods are back", "Maria's daughter called".

Before a relation ("daughter", "husband") any listed or unknown word is a name; before anything
else only a solid name is, and an eponym ("Parkinson's") never. Composed into `NameRecognizer`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import POSSESSIVE, Span, alpha, tokens
from bot.detect.recognizers.names_lexicon import RELATIONS
from bot.detect.recognizers.names_words import NameWords, shape_ok


def possessives(doc: Doc, inf: bool, words: NameWords) -> list[Span]:
    """ "Jane's bloods", "Maria's daughter": a name before its possessive."""
    out: list[Span] = []
    toks = tokens(doc)
    for i in range(len(doc) - 2):
        tok, poss, nxt = toks[i], toks[i + 1], toks[i + 2]
        if poss.text not in POSSESSIVE or not alpha(tok) or words.clinical_next(doc, i + 1):
            continue
        if i > 0 and toks[i - 1].lower_ in {"st", "st.", "saint", "ste", "ste."}:
            continue
        if words.lex.is_eponym(tok.text) and nxt.lower_ not in RELATIONS:
            continue
        if not shape_ok(tok, inf) and nxt.lower_ not in RELATIONS:
            continue
        if nxt.lower_ in RELATIONS and (words.lex.is_name(tok.text) or words.unknown(tok)):
            out.append((i, i + 1, 0.8, "PATIENT"))
        elif words.solid(tok) and (tok.text[:1].isupper() or not inf):
            out.append((i, i + 1, 0.7, "PATIENT"))
    return out
