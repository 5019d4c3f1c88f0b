"""NAME: patients, relatives and practitioners, in any case and of any origin.

Clinical chat defeats a statistical NER alone ("can someone see boyd in bed 8", "SMITH, JOHN",
"dr okafor wants"), so spaCy's PERSON entities are one source among several: titles, initials,
a multi-locale gazetteer (`data/first_names.txt`, `data/last_names.txt`, built from Faker by
`scripts/gen_name_lists.py`), "Last, First" pairs, possessives ("Maria's daughter") and cue
words around a lone name ("pt", "see", "bed 8"). Names that are ordinary words ("will",
"grace") or eponyms and device names ("Parkinson's", "Foley") need stronger evidence.
Subtypes: `PRACTITIONER` (staff; a quasi-identifier), `PATIENT` and `RELATIVE` (direct).
"""

from __future__ import annotations

from typing import Any

import regex as re
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from spacy.tokens import Doc

from bot.detect.recognizers.base import SUBTYPE_KEY
from bot.detect.recognizers.labelled_ids import LABEL
from bot.detect.recognizers.names_beside import NamesBeside
from bot.detect.recognizers.names_context import (
    Span,
    casing_informative,
    dedupe,
    doc_text,
    join_particles,
    sent_start,
    tokens,
)
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_entities import person_entities
from bot.detect.recognizers.names_foreign import foreign_keep
from bot.detect.recognizers.names_frames import NameFrames
from bot.detect.recognizers.names_hyphenated import hyphenated_given, spaced_given
from bot.detect.recognizers.names_letters import LetterNames
from bot.detect.recognizers.names_lexicon import (
    MONTHS,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
    Lexicon,
    lexicon,
)
from bot.detect.recognizers.names_links import linked_names
from bot.detect.recognizers.names_pairs import NamePairs
from bot.detect.recognizers.names_possessives import possessives
from bot.detect.recognizers.names_reach import NameReach
from bot.detect.recognizers.names_rows import NameRows
from bot.detect.recognizers.names_runs import NameRuns
from bot.detect.recognizers.names_titled import TitledNames
from bot.detect.recognizers.names_unknown import UnknownNames
from bot.detect.recognizers.names_vetoes import NameVetoes
from bot.detect.recognizers.names_word_cues import word_names
from bot.detect.recognizers.names_words import NameWords
from bot.detect.staff import StaffDirectory

__all__ = ["NameRecognizer"]

# An identifier's label, whole, before its mark or value ("Kundennummer 7880...", "Konto-Nr.
# 485 ...", "číslo zákazníka 989 ...", "Referenz QRN719"): the label names the number, not a
# person, however foreign its word; a label that is also a listed name ("Bill", "Kit") stays
_LABEL = re.compile(rf"(?:{LABEL})", re.IGNORECASE)
_MARK_OR_VALUE = re.compile(r"[#:]|n[°º.]|nr\.?|no\.?|-|\S*\d", re.IGNORECASE)


def _is_label(doc: Doc, span: Span) -> bool:
    start, end = span[0], span[1]
    toks = tokens(doc)
    if end >= len(toks):
        return False
    text = doc_text(doc)[toks[start].idx : toks[end - 1].idx + len(toks[end - 1].text)]
    lex = lexicon()
    titled = start > 0 and toks[start - 1].lower_.rstrip(".") in TITLES_PERSON | TITLES_PRACTITIONER
    return (
        not titled
        and _LABEL.fullmatch(text) is not None
        and _MARK_OR_VALUE.match(toks[end].text) is not None
        and not any(lex.is_name(w) for w in text.split())  # "Bill 67M", "Kit 4471": names too
    )


class NameRecognizer(EntityRecognizer):
    """Finds person names from spaCy entities, titles, the gazetteer and cue words."""

    ENTITY = "NAME"
    CONTEXT = [
        "pt",
        "patient",
        "dr",
        "mr",
        "mrs",
        "ms",
        "family",
        "wife",
        "husband",
        "daughter",
        "son",
    ]

    def __init__(self, lex: Lexicon | None = None) -> None:
        super().__init__(
            supported_entities=[self.ENTITY], name="NameRecognizer", context=list(self.CONTEXT)
        )
        self.name: str = "NameRecognizer"
        self.lex = lex or lexicon()
        self.words = NameWords(self.lex)
        self.cues = NameCues(self.words)
        self.unlisted = UnknownNames(self.words, self.cues)
        self.beside = NamesBeside(self.words, self.cues)
        self.frames = NameFrames(self.words, self.cues)
        self.reach = NameReach(self.lex)
        self.letters = LetterNames(self.words, self.cues)
        self.titled = TitledNames(self.words, self.cues)
        self.pairs = NamePairs(self.words)
        self.runs = NameRuns(self.words, self.cues)
        self.rows = NameRows(self.words, self.cues)
        self.vetoes = NameVetoes(self.words)

    def use_staff(self, staff: StaffDirectory) -> None:
        """Names of the workspace's members read as practitioners (`bot.detect.staff`)."""
        self.cues.staff = staff

    def load(self) -> None:
        pass

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: Any = None
    ) -> list[RecognizerResult]:
        doc: Doc | None = getattr(nlp_artifacts, "tokens", None)
        if doc is None or len(doc) == 0:
            return []
        inf = casing_informative(text)
        spans = [
            *self.titled.titled(doc, inf),
            *self.titled.initials(doc, inf),
            *self.pairs.last_first(doc, inf),
            *self.runs.runs(doc, inf),
            *self.rows.spans(doc),
            *possessives(doc, inf, self.words),
            *person_entities(doc, inf, self.words, self.cues),
            *self.unlisted.runs(doc, inf),
            *self.unlisted.last_first(doc, inf),
            *self.unlisted.single(doc, inf),
            *self.unlisted.name_initial(doc, inf),
            *linked_names(doc, self.words),
            *self.frames.spans(doc, inf),
            *word_names(doc, inf, self.words),
            *self.letters.spans(doc),
            *(
                (s, e, 0.7, self.cues.subtype(doc, s, e))
                for s, e in (*hyphenated_given(doc, self.lex), *spaced_given(doc, self.lex))
            ),
        ]
        spans = dedupe(spans)
        extra = [
            *self.beside.coordinated(doc, spans, inf),
            *self.beside.middle_name_tail(doc, spans),
            *self.beside.middle_name_head(doc, spans),
            *self.frames.nicknames(doc, spans),
        ]
        if extra:
            spans = dedupe(spans + extra)
        again = self.beside.repeated(doc, spans)
        if again:
            spans = dedupe(spans + again)
        spans = self.reach.widen(doc, join_particles(doc, spans))
        spans = foreign_keep(doc, self.vetoes.keep(doc, spans), self.words)
        return [
            self._result(doc, s)
            for s in (self.beside.trim_month(doc, s) for s in spans)
            if s and not self._is_date(doc, s) and not _is_label(doc, s)
        ]

    def needs_ner(self, doc: Doc) -> bool:
        """Whether spaCy's NER could add anything: a capitalised word mid-sentence that is
        neither English nor in the gazetteer, in a message whose capitals mean something."""
        if not casing_informative(doc_text(doc)):
            return False
        return any(
            t.text.istitle() and not sent_start(t) and self.words.unknown(t) for t in tokens(doc)
        )

    # --- helpers -----------------------------------------------------------------------------
    def _is_date(self, doc: Doc, span: Span) -> bool:
        start, end = span[0], span[1]
        months = [t for t in tokens(doc)[start:end] if t.lower_ in MONTHS]
        return bool(months) and (
            (end < len(doc) and tokens(doc)[end].like_num)
            or (start > 0 and tokens(doc)[start - 1].like_num)
        )

    def _result(self, doc: Doc, span: Span) -> RecognizerResult:
        start, end, score, subtype = span
        explanation = AnalysisExplanation(
            recognizer=self.name, original_score=score, textual_explanation="name"
        )
        return RecognizerResult(
            entity_type=self.ENTITY,
            start=tokens(doc)[start].idx,
            end=tokens(doc)[end - 1].idx + len(tokens(doc)[end - 1].text),
            score=score,
            analysis_explanation=explanation,
            recognition_metadata={
                RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                SUBTYPE_KEY: subtype,
            },
        )
