"""Spans the name sources found that a ward's own words explain: a Latin phrase after a list's
letter ("A. de novo mutation", "C. per os"), a drug where a drug is started or dosed ("started
on Tazocin", "Sytron 5ml bd") and an eponym's disease before its treatment ("Parkinson's meds").

Each source judges a few words; these phrases look like a name to each of them (an initial and
a particle, an unknown capitalised word mid-sentence, a listed surname with its possessive) and
only the words around them tell. Composed into `NameRecognizer`, run on its merged spans.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import INITIAL, Span, alpha, tokens
from bot.detect.recognizers.names_lexicon import TITLES_PERSON, TITLES_PRACTITIONER
from bot.detect.recognizers.names_words import NameWords, words_of

# Latin that clinical writing keeps in Latin ("de novo", "in situ", "per os"): none is a name,
# though "de", "per", "die", "novo" and "situ" are listed names or name particles
LATIN_PHRASES = frozenset(
    tuple(p.split())
    for p in (
        "de novo", "in situ", "in vivo", "in vitro", "ex vivo", "in utero", "ad lib", "ad libitum",
        "per os", "per rectum", "per vaginam", "post mortem", "ante mortem", "ab initio",
        "sine die", "status quo", "de facto", "pro re nata", "in extremis", "per se",
        "prima facie", "vice versa", "et al", "inter alia", "bona fide", "a priori", "ad hoc",
        "in toto", "en bloc", "situs inversus", "sub judice", "nil per os", "post partum",
    )
)  # fmt: skip
_LATIN_LONGEST = max(len(p) for p in LATIN_PHRASES)
# Where a word is a drug: after the verb that starts or changes it, before its frequency
_DRUG_BEFORE = frozenset(
    {
        ("started", "on"), ("start", "on"), ("commenced", "on"), ("restarted", "on"),
        ("switched", "to"), ("switch", "to"), ("changed", "to"), ("stepped", "to"),
        ("course", "of"), ("dose", "of"), ("trial", "of"), ("stopped", ""), ("withheld", ""),
        ("prescribed", ""), ("charted", ""), ("regular", ""), ("prn", ""), ("iv", ""),
        ("oral", ""),
    }
)  # fmt: skip
_DRUG_AFTER = words_of("prn bd tds qds od nocte mane stat sachet sachets tablets tabs infusion")
# What an eponym's disease takes after its possessive ("Parkinson's meds", "Crohn's flare")
_DISEASE_AFTER = words_of(
    "meds medication medications tablets drugs nurse nurses team clinic flare flares patients "
    "symptoms plus"
)


class NameVetoes:
    """Drops the merged name spans that a ward's Latin, drug or disease words explain."""

    def __init__(self, words: NameWords) -> None:
        self.words = words
        self.lex = words.lex

    def keep(self, doc: Doc, spans: list[Span]) -> list[Span]:
        latin = _latin_tokens(doc)
        return [
            s
            for s in spans
            if not (self._latin(doc, s, latin) or self._drug(doc, s) or self._disease(doc, s))
        ]

    def _latin(self, doc: Doc, span: Span, latin: set[int]) -> bool:
        """Every word of the span is a Latin phrase's or a list's letter ("A. de", "ab initio")."""
        toks = tokens(doc)[span[0] : span[1]]
        if not any(t.i in latin for t in toks):
            return False
        return all(t.i in latin or INITIAL.match(t.text) or not alpha(t) for t in toks)

    def _drug(self, doc: Doc, span: Span) -> bool:
        """One word no name list holds, where a drug stands ("started on Sytron")."""
        start, end = span[0], span[1]
        if end - start != 1:
            return False
        toks = tokens(doc)
        tok = toks[start]
        if self.lex.is_name(tok.text) or not alpha(tok):
            return False
        prev = toks[start - 1].lower_ if start > 0 else ""
        prev2 = toks[start - 2].lower_ if start > 1 else ""
        nxt = toks[end].lower_ if end < len(toks) else ""
        return (prev2, prev) in _DRUG_BEFORE or (prev, "") in _DRUG_BEFORE or nxt in _DRUG_AFTER

    def _disease(self, doc: Doc, span: Span) -> bool:
        """An eponym, its possessive and its treatment, no title before ("Parkinson's meds";
        not "Mr Parkinson's meds")."""
        start, end = span[0], span[1]
        toks = tokens(doc)
        if end - start != 1 or end + 1 >= len(toks) or not self.lex.is_eponym(toks[start].text):
            return False
        prev = toks[start - 1].lower_.rstrip(".") if start > 0 else ""
        titled = prev in TITLES_PERSON or prev in TITLES_PRACTITIONER
        return (
            not titled
            and toks[end].lower_ in {"'s", "’s"}
            and toks[end + 1].lower_ in _DISEASE_AFTER
        )


def _latin_tokens(doc: Doc) -> set[int]:
    """The indices of the tokens that make up a Latin phrase in the doc."""
    toks = tokens(doc)
    low = [t.lower_ for t in toks]
    out: set[int] = set()
    for i in range(len(low)):
        for n in range(2, _LATIN_LONGEST + 1):
            if tuple(low[i : i + n]) in LATIN_PHRASES:
                out.update(range(i, i + n))
    return out
