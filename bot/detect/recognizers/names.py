"""NAME: patients, relatives and practitioners, in any case and of any origin.

Clinical chat defeats a statistical NER alone ("can someone see boyd in bed 8", "SMITH, JOHN",
"dr okafor wants"), so spaCy's PERSON entities are one source among several: titles, a
multi-locale gazetteer (`data/first_names.txt`, `data/last_names.txt`, built from Faker by
`scripts/gen_name_lists.py`), "Last, First" pairs, possessive relations ("Maria's daughter") and
cue words around a lone name ("pt", "see", "in bed"). Names that are ordinary words ("will",
"grace") or eponyms ("Parkinson's", "Foley") need stronger evidence. Subtypes: `PRACTITIONER`
(a quasi-identifier), `PATIENT` and `RELATIVE` (direct identifiers).
"""

from __future__ import annotations

from typing import Any

import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from spacy.tokens import Doc, Token

from bot.detect.recognizers.base import SUBTYPE_KEY
from bot.detect.recognizers.names_lexicon import (
    CLINICAL_AFTER,
    CUE_AFTER,
    CUE_BEFORE,
    PARTICLES,
    PRACTITIONER_AFTER,
    PRACTITIONER_BEFORE,
    RELATIONS,
    STRONG_CUE_BEFORE,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
    Lexicon,
    lexicon,
)

Span = tuple[int, int, float, str]  # token start, token end (exclusive), score, subtype


def _alpha(tok: Token) -> bool:
    t = tok.text.replace("'", "").replace("’", "").replace("-", "").replace(".", "")
    return t.isalpha() and len(t) >= 2


_TITLE_WORD = re.compile(r"(?<![.!?:\n]\s{0,3})(?<=\S\s+)[A-Z][a-z]+")


def casing_informative(text: str) -> bool:
    """True when the writer capitalises words mid-sentence, so capitals carry meaning.

    All-lower and ALL-CAPS messages, and lower-case ones with a few acronyms ("pt john smith
    67M, MRN ..."), are not: there, case says nothing about names.
    """
    return _TITLE_WORD.search(text) is not None


class NameRecognizer(EntityRecognizer):
    """Finds person names from spaCy entities, titles, the gazetteer and cue words."""

    ENTITY = "NAME"
    CONTEXT = ["pt", "patient", "dr", "mr", "mrs", "ms", "family", "wife", "husband", "daughter", "son"]

    def __init__(self, lex: Lexicon | None = None) -> None:
        super().__init__(supported_entities=[self.ENTITY], name="NameRecognizer", context=list(self.CONTEXT))
        self.name: str = "NameRecognizer"
        self.lex = lex or lexicon()

    def load(self) -> None:
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None or len(doc) == 0:
            return []
        informative = casing_informative(text)
        spans: list[Span] = []
        spans += self._titled(doc, informative)
        spans += self._last_first(doc, informative)
        spans += self._gazetteer_runs(doc, informative)
        spans += self._possessives(doc, informative)
        spans += self._entities(doc, informative)
        return [self._result(doc, s) for s in _dedupe(spans)]

    # --- sources -------------------------------------------------------------------------
    def _titled(self, doc: Doc, informative: bool) -> list[Span]:
        out: list[Span] = []
        for i, tok in enumerate(doc):
            low = tok.lower_
            if low not in TITLES_PRACTITIONER and low not in TITLES_PERSON:
                continue
            j = i + 1
            if j < len(doc) and doc[j].text == ".":
                j += 1
            end = j
            while end < len(doc) and end - j < 3 and self._name_like_after_title(doc[end], informative, end == j):
                end += 1
            if end > j:
                subtype = "PRACTITIONER" if low in TITLES_PRACTITIONER else "PATIENT"
                out.append((j, end, 0.9, subtype))
        return out

    def _name_like_after_title(self, tok: Token, informative: bool, first: bool) -> bool:
        if not _alpha(tok) or (tok.is_stop and not self.lex.is_name(tok.text)):
            return False
        if informative:
            return tok.text[:1].isupper() and (first or not self.lex.is_ambiguous(tok.text) or tok.text.istitle())
        if self.lex.is_name(tok.text) and not self.lex.is_ambiguous(tok.text):
            return True
        return first and not self.lex.is_english(tok.text)

    def _last_first(self, doc: Doc, informative: bool) -> list[Span]:
        out: list[Span] = []
        for i in range(len(doc) - 2):
            a, comma, b = doc[i], doc[i + 1], doc[i + 2]
            if comma.text != "," or not (_alpha(a) and _alpha(b)):
                continue
            if not (self.lex.is_name(a.text) and self.lex.is_first(b.text)):
                continue
            if self.lex.is_ambiguous(a.text) and self.lex.is_ambiguous(b.text):
                continue
            same_shape = (a.text.isupper() and b.text.isupper()) or (a.text.istitle() and b.text.istitle())
            if informative and not same_shape:
                continue
            end = i + 3
            if end < len(doc) and _alpha(doc[end]) and self.lex.is_name(doc[end].text) and not self.lex.is_ambiguous(doc[end].text):
                end += 1
            out.append((i, end, 0.85, "PATIENT"))
        return out

    def _gazetteer_runs(self, doc: Doc, informative: bool) -> list[Span]:
        out: list[Span] = []
        i = 0
        n = len(doc)
        while i < n:
            if not self._run_token(doc[i], informative):
                i += 1
                continue
            end = i + 1
            while end < n:
                if self._run_token(doc[end], informative):
                    end += 1
                elif doc[end].text == "-" and end + 1 < n and self._run_token(doc[end + 1], informative) and not doc[end - 1].whitespace_:
                    end += 2
                else:
                    break
            while end > i and doc[end - 1].lower_ in PARTICLES:
                end -= 1
            if end > i:
                span = self._judge_run(doc, i, end, informative)
                if span:
                    out.append(span)
            i = max(end, i + 1)
        return out

    def _run_token(self, tok: Token, informative: bool) -> bool:
        if not _alpha(tok) or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"st", "st.", "saint", "ste", "ste."}):
            return False
        if tok.lower_ in PARTICLES:
            return True
        if not self.lex.is_name(tok.text):
            # An unknown capitalised word may be a surname next to a known first name.
            return informative and tok.text.istitle() and not self.lex.is_english(tok.text) and not tok.is_sent_start
        return not (informative and tok.text.islower() and self.lex.is_ambiguous(tok.text))

    def _judge_run(self, doc: Doc, start: int, end: int, informative: bool) -> Span | None:
        toks = [t for t in doc[start:end] if t.text != "-" and t.lower_ not in PARTICLES]
        if not toks:
            return None
        known = [t for t in toks if self.lex.is_name(t.text)]
        solid = [t for t in known if not self.lex.is_ambiguous(t.text) and not self.lex.is_eponym(t.text)]
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and (nxt.lower_ in CLINICAL_AFTER or (nxt.text in {"'s", "’s", "'"} and end + 1 < len(doc) and doc[end + 1].lower_ in CLINICAL_AFTER)):
            return None
        subtype = self._subtype(doc, start, end)
        if len(toks) >= 2 and known:
            if solid or (informative and all(t.text[:1].isupper() for t in toks)):
                if informative and not all(t.text[:1].isupper() or t.lower_ in PARTICLES for t in toks) and not solid:
                    return None
                if not informative or len(solid) >= 1 or all(t.text.istitle() for t in toks):
                    return (start, end, 0.85 if solid else 0.6, subtype)
            return None
        tok = toks[0]
        if not known:
            return None
        cue = self._cue(doc, start, end)
        if tok in solid:
            if informative and tok.text[:1].isupper() and (not tok.is_sent_start or cue):
                return (start, end, 0.75, subtype)
            if cue:
                return (start, end, 0.7, subtype)
            if informative and tok.text[:1].isupper() and self.lex.is_first(tok.text) and not self.lex.is_english(tok.text):
                return (start, end, 0.6, subtype)
            return None
        if cue == "strong" and (tok.text[:1].isupper() or not informative):
            return (start, end, 0.6, subtype)
        return None

    def _possessives(self, doc: Doc, informative: bool) -> list[Span]:
        out: list[Span] = []
        for i in range(len(doc) - 2):
            tok, poss, rel = doc[i], doc[i + 1], doc[i + 2]
            if poss.text not in {"'s", "’s"} or rel.lower_ not in RELATIONS or not _alpha(tok):
                continue
            if self.lex.is_eponym(tok.text) and not self.lex.is_first(tok.text):
                continue
            titled = tok.text.istitle() and informative and not tok.is_sent_start
            if (self.lex.is_name(tok.text) and not self.lex.is_ambiguous(tok.text)) or titled or (tok.text.istitle() and not self.lex.is_english(tok.text)):
                out.append((i, i + 1, 0.8, "PATIENT"))
        return out

    def _entities(self, doc: Doc, informative: bool) -> list[Span]:
        out: list[Span] = []
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            toks = [t for t in ent if _alpha(t)]
            if not toks or any(t.like_num for t in ent):
                continue
            start, end = ent.start, ent.end
            while end > start and not _alpha(doc[end - 1]):
                end -= 1
            toks = [t for t in doc[start:end] if _alpha(t)]
            if not toks:
                continue
            if all(self.lex.is_eponym(t.text) or (self.lex.is_english(t.text) and not self.lex.is_name(t.text)) for t in toks):
                continue
            nxt = doc[end] if end < len(doc) else None
            if nxt is not None and (nxt.lower_ in CLINICAL_AFTER or (nxt.text in {"'s", "’s"} and end + 1 < len(doc) and doc[end + 1].lower_ in CLINICAL_AFTER)):
                continue
            plain = all(self.lex.is_ambiguous(t.text) or (self.lex.is_english(t.text) and not self.lex.is_name(t.text)) for t in toks)
            if plain and not (informative and all(t.text.istitle() for t in toks) and self._cue(doc, start, end)):
                continue
            if informative and not any(t.text[:1].isupper() for t in toks):
                continue
            score = 0.8 if any(self.lex.is_name(t.text) for t in toks) else 0.6
            out.append((start, end, score, self._subtype(doc, start, end)))
        return out

    # --- helpers ---------------------------------------------------------------------------
    def _cue(self, doc: Doc, start: int, end: int) -> str:
        """"strong", "weak" or "" depending on the words around doc[start:end]."""
        prev = doc[start - 1].lower_ if start > 0 else ""
        prev2 = doc[start - 2].lower_ if start > 1 else ""
        nxt = doc[end].lower_ if end < len(doc) else ""
        nxt2 = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if prev in STRONG_CUE_BEFORE or prev2 in TITLES_PERSON or prev in TITLES_PERSON or prev in TITLES_PRACTITIONER:
            return "strong"
        if nxt in {"'s", "’s"} and nxt2 in RELATIONS:
            return "strong"
        if nxt == "in" and nxt2 in {"bed", "room", "rm", "bay", "icu", "micu", "sicu", "ccu", "ed", "er"}:
            return "strong"
        if nxt in PRACTITIONER_AFTER or (nxt == "," and nxt2 in PRACTITIONER_AFTER):
            return "strong"
        if end < len(doc) and doc[end].like_num and nxt2 in {"m", "f", "yo", "y/o"}:
            return "strong"
        if prev in CUE_BEFORE or nxt in CUE_AFTER:
            return "weak"
        return ""

    def _subtype(self, doc: Doc, start: int, end: int) -> str:
        prev = doc[start - 1].lower_ if start > 0 else ""
        prev2 = doc[start - 2].lower_ if start > 1 else ""
        nxt = doc[end].lower_ if end < len(doc) else ""
        nxt2 = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        if prev in PRACTITIONER_BEFORE or (prev == "." and prev2 in {"dr", "prof"}) or prev2 in {"dr", "dr."}:
            return "PRACTITIONER"
        if nxt in PRACTITIONER_AFTER or (nxt == "," and nxt2 in PRACTITIONER_AFTER):
            return "PRACTITIONER"
        if prev in RELATIONS and prev not in {"labs", "room", "bed", "chart", "meds", "case", "note", "notes"}:
            return "RELATIVE"
        return "PATIENT"

    def _result(self, doc: Doc, span: Span) -> RecognizerResult:
        start, end, score, subtype = span
        explanation = AnalysisExplanation(recognizer=self.name, original_score=score, textual_explanation="name")
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=doc[start].idx,
            end=doc[end - 1].idx + len(doc[end - 1].text),
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                SUBTYPE_KEY: subtype,
            },
        )


def _dedupe(spans: list[Span]) -> list[Span]:
    """Merge overlapping token spans, keeping the widest extent and the best score."""
    merged: list[list[Any]] = []
    for s, e, score, sub in sorted(spans):
        if merged and s < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], e)
            if score > last[2]:
                last[2] = score
            if sub == "PRACTITIONER" or (last[3] == "PATIENT" and sub == "RELATIVE"):
                last[3] = sub
        else:
            merged.append([s, e, score, sub])
    return [(int(a), int(b), float(c), str(d)) for a, b, c, d in merged]
