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
from bot.detect.recognizers.names_context import (
    INITIAL,
    POSSESSIVE,
    Span,
    Tok,
    after_room,
    alpha,
    casing_informative,
    dedupe,
    doc_text,
    is_city,
    join_particles,
    sent_start,
    tokens,
)
from bot.detect.recognizers.names_cues import NameCues, asked_about
from bot.detect.recognizers.names_frames import NameFrames
from bot.detect.recognizers.names_hyphenated import hyphenated_given
from bot.detect.recognizers.names_letters import LetterNames
from bot.detect.recognizers.names_lexicon import (
    CLINICAL_AFTER,
    CUE_AFTER,
    DAYS,
    FACILITY_WORDS,
    FORM_LABELS,
    MONTHS,
    PARTICLES,
    PLACE_NOUNS,
    RELATIONS,
    STAFF_BEFORE,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
    US_STATES,
    Lexicon,
    fold,
    lexicon,
)
from bot.detect.recognizers.names_reach import NameReach
from bot.detect.recognizers.names_unknown import SUBJECT_VERBS, UnknownNames, middle_initial
from bot.detect.recognizers.names_words import CHAT_SHORTHAND, NOT_NAMES, NameWords, has_lower
from bot.detect.staff import StaffDirectory

__all__ = ["NameRecognizer"]

# Words that end a name when they follow it in lower case ("Dr. Smith said", "smith said"),
# though some are also names ("Said", "Will"); "son" stays: "nguyen van son" is a given name.
_VERBS_AFTER_NAME = SUBJECT_VERBS - RELATIONS
# Two or three initials written as one token ("t.r. mbeki", "J.R. Okafor"); the Latin and
# clinical abbreviations of the same shape are none ("p.o.", "b.i.d.", "a.m.", "e.g.")
_JOINED_INITIALS = re.compile(r"(?:[^\W\d_]\.){2,3}")
_DOTTED_ABBREVIATIONS = frozenset(
    {
        "a.m.",
        "p.m.",
        "p.o.",
        "i.e.",
        "e.g.",
        "n.b.",
        "b.i.d.",
        "t.i.d.",
        "q.i.d.",
        "q.d.",
        "q.h.",
        "h.s.",
        "q.h.s.",
        "p.r.n.",
        "n.p.o.",
        "o.d.",
        "o.s.",
        "o.u.",
        "a.c.",
        "p.c.",
        "s.c.",
        "i.m.",
        "i.v.",
        "p.r.",
        "s.l.",
        "u.s.",
        "u.k.",
        "d.c.",
        "s.o.b.",
        "c.o.",
    }
)


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


# Words a patient's "Last, First" follows mid-sentence: "alert on adeyemi, mary, ..."
_PAIR_BEFORE = frozenset({"on", "for", "re", "re:", "about", "pt", "patient", "admitting"})
# The weak cues before a name that take a thing as often as a person ("out of toner", "on
# paper"); not "to", "for", "is" ("spoke to toner", "chase the ct for lin", "bed 25a is obi"),
# which a person follows more
_FUNCTION_CUES = frozenset({"of", "on"})


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
        self.frames = NameFrames(self.words, self.cues)
        self.reach = NameReach(self.lex)
        self.letters = LetterNames(self.words, self.cues)

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
            *self._titled(doc, inf),
            *self._initials(doc, inf),
            *self._last_first(doc, inf),
            *self._runs(doc, inf),
            *self._possessives(doc, inf),
            *self._entities(doc, inf),
            *self.unlisted.runs(doc, inf),
            *self.unlisted.last_first(doc, inf),
            *self.unlisted.single(doc, inf),
            *self.unlisted.name_initial(doc, inf),
            *self.unlisted.linked(doc),
            *self.frames.spans(doc, inf),
            *self.letters.spans(doc),
            *(
                (s, e, 0.7, self.cues.subtype(doc, s, e))
                for s, e in hyphenated_given(doc, self.lex)
            ),
        ]
        spans = dedupe(spans)
        extra = [
            *self.unlisted.coordinated(doc, spans, inf),
            *self.unlisted.middle_name_tail(doc, spans),
            *self.frames.nicknames(doc, spans),
        ]
        if extra:
            spans = dedupe(spans + extra)
        again = self.unlisted.repeated(doc, spans)
        if again:
            spans = dedupe(spans + again)
        spans = self.reach.widen(doc, join_particles(doc, spans))
        return [
            self._result(doc, s)
            for s in (self.unlisted.trim_month(doc, s) for s in spans)
            if s and not self._is_date(doc, s) and not _is_label(doc, s)
        ]

    def _shape_ok(self, tok: Tok, inf: bool) -> bool:
        return not inf or tok.text[:1].isupper()

    # --- sources -----------------------------------------------------------------------------
    def _titled(self, doc: Doc, inf: bool) -> list[Span]:
        out: list[Span] = []
        for i, tok in enumerate(tokens(doc)):
            low = tok.lower_
            if low not in TITLES_PRACTITIONER and low not in TITLES_PERSON:
                continue
            j = i + 2 if i + 1 < len(doc) and tokens(doc)[i + 1].text == "." else i + 1
            end = j
            while (
                end < len(doc)
                and end - j < 3
                and self._after_title(tokens(doc)[end], inf, end == j)
            ):
                end += 1
            while (
                end > j
                and end + 1 < len(doc)
                and tokens(doc)[end].text == "-"
                and not tokens(doc)[end - 1].whitespace_
                and not tokens(doc)[end].whitespace_
                and alpha(tokens(doc)[end + 1])
            ):
                end += 2  # "Dr. Dubois-Lambert": the surname's second half is the name too
            if end > j:
                out.append(
                    (j, end, 0.9, "PRACTITIONER" if low in TITLES_PRACTITIONER else "PATIENT")
                )
        return out

    def _after_title(self, tok: Tok, inf: bool, first: bool) -> bool:
        if INITIAL.match(tok.text):
            return True
        if (
            not first
            and tok.text.islower()
            and (tok.lower_ in _VERBS_AFTER_NAME or tok.text in NOT_NAMES)
        ):
            return (
                False  # "Dr. Smith said ...", "dr lambert ok'd": a verb or "ok", not "Said", "Ok"
            )
        if (
            not alpha(tok)
            or (tok.is_stop and not self.lex.is_name(tok.text))
            or tok.lower_ in MONTHS
        ):
            return False
        if inf:
            return tok.text[:1].isupper()
        if self.lex.is_name(tok.text) and not self.lex.is_ambiguous(tok.text):
            return True
        if not first and self.words.nameish(tok):
            return True  # "dr. poma egonavulua": an unknown surname after the first name
        return first and not (self.lex.is_english(tok.text) and not self.lex.is_name(tok.text))

    def _initials(self, doc: Doc, inf: bool) -> list[Span]:
        """ "E. Klinkosz", "a. yılmaz": an initial followed by a surname."""
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(doc) - 1):
            tok, nxt = toks[i], toks[i + 1]
            joined = self._joined_initials(toks, i, inf)
            if joined:
                out.append((i, joined, 0.75, self.cues.subtype(doc, i, joined)))
                continue
            if not alpha(nxt) or not self._shape_ok(nxt, inf):
                continue
            if not INITIAL.match(tok.text):
                continue
            if tok.i > 0 and toks[i - 1].lower_ in {"dr", "dr.", "mr", "mrs", "ms"}:
                continue
            if i > 0 and toks[i - 1].text == "/" and not toks[i - 1].whitespace_:
                continue  # "3.5-5.1 mmol/L. Hemolysed samples": a unit's letter, then a sentence
            if self.words.clinical_next(doc, i + 2):
                continue
            if self.words.solid(nxt) or self.words.unknown(nxt) or self.lex.is_name(nxt.text):
                end = i + 2
                if (
                    end < len(doc)
                    and alpha(toks[end])
                    and self.words.solid(toks[end])
                    and self._shape_ok(toks[end], inf)
                ):
                    end += 1
                out.append((i, end, 0.75, self.cues.subtype(doc, i, end)))
        return out

    def _joined_initials(self, toks: list[Tok], i: int, inf: bool) -> int:
        """The end of "t.r. mbeki", "J.R. Okafor" from `i`: initials in one token (the tokenizer
        splits a lower-case one's last full stop off, "t.r" "."), then a surname no vocabulary
        knows as a word (not "a.m. labs", "J.R. will call"); 0 if there is none."""
        text, k = toks[i].text, i + 1
        if k < len(toks) and toks[k].text == "." and not toks[i].whitespace_:
            text, k = text + ".", k + 1
        if k >= len(toks) or not _JOINED_INITIALS.fullmatch(text):
            return 0
        nxt = toks[k]
        ok = (
            text.lower() not in _DOTTED_ABBREVIATIONS
            and alpha(nxt)
            and self._shape_ok(nxt, inf)
            and not self.words.clinical_next(nxt.doc, k + 1)
            and (self.words.solid(nxt) or self.words.unknown(nxt))
            and not self.lex.is_english(nxt.text)
        )
        return k + 1 if ok else 0

    def _last_first(self, doc: Doc, inf: bool) -> list[Span]:
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(doc) - 2):
            a, comma, b = toks[i], toks[i + 1], toks[i + 2]
            if comma.text != "," or not (alpha(a) and alpha(b)):
                continue
            if not (self.lex.is_name(a.text) or self.words.unknown(a)) or not self.lex.is_first(
                b.text
            ):
                continue
            if (
                a.lower_ in FACILITY_WORDS
                or b.lower_ in FACILITY_WORDS
                or a.lower_ in US_STATES
                or a.lower_ in STAFF_BEFORE  # "hey, centa nohlmans": a greeting, then the name
            ):
                continue
            same_shape = (a.text.isupper() and b.text.isupper()) or (
                a.text.istitle() and b.text.istitle()
            )
            lower_pair = a.text.islower() and b.text.islower()
            if (same_shape or lower_pair) and not a.whitespace_ and not comma.whitespace_:
                out.append((i, i + 3, 0.85, "PATIENT"))  # "Price,Dawn": a header's glued comma
                continue
            if (
                (same_shape or (lower_pair and (not inf or self._cued_pair(doc, i))))
                and (
                    self._record_start(doc, i)
                    or (self._cued_pair(doc, i) and not (lower_pair and self._both_words(a, b)))
                )
                and not (a.is_stop or b.is_stop)
                and not self._word_list(doc, i)
            ):
                # "Bell, Daisy insurance denied", "YOUNG, RAY is here": a record's opening
                # "Last, First" of two listed names, even names that are also words
                end = i + 3
                if end < len(doc) and middle_initial(toks[end], inf) and b.whitespace_:
                    end += 1  # "WILSON, HOWARD E MRN ...": the middle initial
                out.append((i, end, 0.8, "PATIENT"))
                continue
            if not (
                self.words.solid(a)
                or self.words.solid(b)
                or (
                    self.lex.is_name(a.text)
                    and self.lex.is_first(b.text)
                    and not self.lex.is_ambiguous(b.text)
                )
            ):
                continue
            same_shape = (a.text.isupper() and b.text.isupper()) or (
                a.text.istitle() and b.text.istitle()
            )
            if inf and not same_shape and not self._surname_header(doc, i):
                continue
            if (
                not inf
                and not (
                    (self.lex.is_name(a.text) or self.words.unknown(a)) and self.words.solid(b)
                )
                and not same_shape
            ):
                continue
            end = i + 3
            if end < len(doc) and alpha(toks[end]) and self.words.solid(toks[end]):
                end += 1
            elif end < len(doc) and middle_initial(toks[end], inf) and b.whitespace_:
                end += 1  # "SMITH, JOHN A checked in": the middle initial, no full stop
            out.append((i, end, 0.85, "PATIENT"))
        return out

    @staticmethod
    def _cued_pair(doc: Doc, i: int) -> bool:
        """ "alert on adeyemi, mary, Mallampati 4": "Last, First" after a word a patient follows
        and before a break (a comma, a bracket, a dash, a number, the end)."""
        prev = tokens(doc)[i - 1].lower_ if i > 0 else ""
        nxt = tokens(doc)[i + 3] if i + 3 < len(doc) else None
        return prev in _PAIR_BEFORE and (
            nxt is None or nxt.text in {",", "(", "-", ":", ";"} or nxt.like_num
        )

    def _both_words(self, a: Tok, b: Tok) -> bool:
        return self.lex.is_english(a.text) and self.lex.is_english(b.text)

    def _word_list(self, doc: Doc, i: int) -> bool:
        """ "Hope, Faith and Charity": two words that are also names, in a list of words."""
        english = self.lex.is_english
        nxt = tokens(doc)[i + 3].lower_ if i + 3 < len(doc) else ""
        return (
            english(tokens(doc)[i].text)
            and english(tokens(doc)[i + 2].text)
            and nxt in {",", "and", "&", "or", "/", "n"}
        )

    def _thing_after_function_word(self, doc: Doc, start: int, end: int) -> bool:
        """A lower-case listed name that is also an English word, whose only cue is a function
        word before it ("out of toner", "is toner here"): in a message whose case says nothing,
        that is the word. A cue after it ("of toner keeps asking") still makes it a name."""
        tok = tokens(doc)[start]
        prev = tokens(doc)[start - 1].lower_ if start > 0 else ""
        nxt = tokens(doc)[end].lower_ if end < len(doc) else ""
        return (
            tok.text.islower()
            and self.lex.is_english(tok.text)
            and prev in _FUNCTION_CUES
            and nxt not in CUE_AFTER
        )

    def _surname_header(self, doc: Doc, i: int) -> bool:
        """ "RE: KIM, Brandi DOB ...", "Patient: NGO, Sarah": a letter's or a form's heading
        writes the surname in capitals before the given name, also a short surname that
        elsewhere in mixed case reads as an acronym. Both must be listed as such (a surname, a
        given name) and the pair must open its line, perhaps after one label and its colon."""
        toks = tokens(doc)
        a, b = toks[i], toks[i + 2]
        if not (a.text.isupper() and len(a.text) >= 2 and b.text.istitle()):
            return False
        if not (self.lex.is_last(a.text) and self.lex.is_first(b.text)):
            return False
        labelled = i >= 2 and toks[i - 1].text == ":" and self._record_start(doc, i - 2)
        return labelled or self._record_start(doc, i)

    @staticmethod
    def _record_start(doc: Doc, i: int) -> bool:
        """doc[i] opens the message or a line (after a bullet or a label's colon at most)."""
        toks = tokens(doc)
        j = i - 1
        if j >= 0 and toks[j].text in {"-", "*", "•", ":"}:
            j -= 1
        return j < 0 or toks[j].is_space or "\n" in toks[j].whitespace_

    def _runs(self, doc: Doc, inf: bool) -> list[Span]:
        """Maximal runs of name-like tokens, judged as a whole."""
        out: list[Span] = []
        toks = tokens(doc)
        i, n = 0, len(toks)
        known: dict[int, bool] = {}  # `_run_token` by index: a run's end is asked again

        def run_token(k: int) -> bool:
            hit = known.get(k)
            if hit is None:
                hit = known[k] = self._run_token(toks[k], inf)
            return hit

        while i < n:
            if not run_token(i):
                i += 1
                continue
            end = i + 1
            while end < n:
                if run_token(end) or (
                    INITIAL.match(toks[end].text) and end + 1 < n and run_token(end + 1)
                ):
                    end += 1
                elif (
                    toks[end].text == "-"
                    and end + 1 < n
                    and run_token(end + 1)
                    and not toks[end - 1].whitespace_
                ):
                    end += 2
                else:
                    break
            while end > i and (
                toks[end - 1].lower_ in PARTICLES or INITIAL.match(toks[end - 1].text)
            ):
                end -= 1
            if (
                end - i == 2
                and self.lex.is_eponym(toks[end - 1].text)
                and not self.lex.is_first(toks[i].text)
            ):
                end -= 1  # "Okafor Foley day 3": a surname, then the catheter
            last = toks[end - 1]
            if (
                end - i >= 2
                and last.text.islower()
                and last.lower_ in CLINICAL_AFTER
                and not (self.lex.is_last(last.text) and not self.lex.is_ambiguous(last.text))
            ):
                end -= 1  # "the metro line", "georgia law": the thing the word before names
            span = self._judge_run(doc, i, end, inf) if end > i else None
            if span:
                out.append(span)
            i = max(end, i + 1)
        return out

    def _run_token(self, tok: Tok, inf: bool) -> bool:
        if not alpha(tok) or (
            tok.i > 0 and tokens(tok.doc)[tok.i - 1].lower_ in {"st", "st.", "saint", "ste", "ste."}
        ):
            return False
        if tok.lower_ in PARTICLES:
            return True
        if tok.i > 0 and tok.lower_ in _VERBS_AFTER_NAME and not tok.text[:1].isupper():
            return False  # "Dr. Smith said", "smith said": the verb after a name, not "Said"
        if tok.text.islower() and (tok.text in CHAT_SHORTHAND or tok.text in NOT_NAMES):
            return False  # "ty all for a smooth shift": thank you, not Ty
        if tok.text.isupper() and tok.lower_ in NOT_NAMES:
            return False  # "CASE MRN#90394 ...": a label in capitals, not the surname Case
        if inf and tok.text.isupper() and len(tok.text) <= 3 and not self._capital_given(tok):
            return False  # "Can IR do a drain", "ROM", "DOA": an acronym where case means something
        if (
            tok.text.isupper()
            and len(tok.text) <= 4
            and tok.i > 0
            and tokens(tok.doc)[tok.i - 1].text.istitle()
            and has_lower(tok.doc)
            and not self.lex.is_name(tok.text)
        ):
            return False  # "Mr. Smith BFR dropped": an acronym after a name in Title Case
        if tok.lower_ in FACILITY_WORDS:
            return False
        if tok.is_stop and not (
            tok.text.istitle()
            and tok.i > 0
            and self.words.solid(tokens(tok.doc)[tok.i - 1])
            and not sent_start(tok)
        ):
            return False
        if self.words.compound_blocked(tok):
            return False
        if tok.lower_ in MONTHS and (
            (tok.i + 1 < len(tok.doc) and tokens(tok.doc)[tok.i + 1].like_num) or tok.lower_ in DAYS
        ):
            return False
        if self.lex.is_name(tok.text):
            return not (inf and tok.text.islower() and self.lex.is_ambiguous(tok.text))
        if (
            tok.i > 1
            and tokens(tok.doc)[tok.i - 1].text == "-"
            and tokens(tok.doc)[tok.i - 2].lower_ in PARTICLES
            and (tok.text.istitle() or not inf)
        ):
            return True  # "Al-Farsi", "El-Sayed"
        return (
            self.words.unknown(tok) and self._shape_ok(tok, inf) and not tok.text.isupper()
        ) or (self.words.unknown(tok) and not inf)

    def _capital_given(self, tok: Tok) -> bool:
        """ "pt IB KOCH", "BO LINDQVIST": a short given name a form prints in capitals, before a
        surname in capitals; an acronym is no listed given name, or no surname follows it."""
        toks = tokens(tok.doc)
        if tok.i + 1 >= len(toks) or len(tok.text) < 2 or not self.words.known_given(tok):
            return False
        nxt = toks[tok.i + 1]
        return (
            nxt.text.isupper()
            and alpha(nxt)
            and len(nxt.text) >= 2
            and self.lex.is_last(nxt.text)
            and not self.lex.is_english(nxt.text)
        )

    def _judge_run(self, doc: Doc, start: int, end: int, inf: bool) -> Span | None:
        toks = [
            t
            for t in tokens(doc)[start:end]
            if t.text != "-" and t.lower_ not in PARTICLES and not INITIAL.match(t.text)
        ]
        if not toks or self.words.clinical_next(doc, end):
            return None
        if (
            end < len(doc)
            and tokens(doc)[end].text == ":"
            and len(toks) == 1
            and toks[0].lower_ in FORM_LABELS
        ):
            return None  # a form label: "Age: 72", "Room: 4"
        known = [t for t in toks if self.lex.is_name(t.text)]
        solid = [t for t in toks if self.words.solid(t)]
        unknown = [t for t in toks if self.words.unknown(t)]
        cue = self.cues.cue(doc, start, end)
        subtype = self.cues.subtype(doc, start, end)
        # "asking for Leopold maneuvers", "paged about ivor lewis": a test, sign or procedure
        # is asked for and about as often as a person, so that cue does not make an eponym one
        asked = cue == "strong" and asked_about(doc, start)
        if tuple(fold(t.text) for t in toks) in self.lex.eponym_phrases and (
            cue != "strong" or asked
        ):
            return None  # "Ivor Lewis", "Grey Turner", "Marcus Gunn"
        if len(toks) >= 2:
            if (
                all(self.lex.is_eponym(t.text) or self.lex.is_ambiguous(t.text) for t in toks)
                and cue != "strong"
                and not (inf and all(t.text.istitle() for t in toks))
            ):
                return None
            if all(self.lex.is_eponym(t.text) for t in toks) and cue != "strong":
                return None
            if is_city(toks) and cue != "strong":
                return None
            lower_full = (
                all(t.text.islower() for t in toks)
                and self.words.solid(toks[0])
                and self.lex.is_first(toks[0].text)
                and len(known) == len(toks)
            )
            if solid and len(solid) + len(unknown) + len(known) >= len(toks):
                if (
                    inf
                    and not all(t.text[:1].isupper() for t in toks)
                    and not (len(solid) == len(toks) and all(t.text.islower() for t in toks))
                    and not lower_full
                ):
                    return self._judge_run(doc, start, start + 1, inf) if len(toks) == 2 else None
                return (start, end, 0.85, subtype)
            if (
                known
                and inf
                and all(t.text.istitle() for t in toks)
                and (cue or len(known) == len(toks))
            ):
                return (start, end, 0.6, subtype)
            if (
                cue in {"strong", "room"}
                and (known or unknown)
                and all(self._shape_ok(t, inf) for t in toks)
            ):
                return (start, end, 0.6, subtype)
            return None
        tok = toks[0]
        if not self._shape_ok(tok, inf) and cue not in {"strong", "room"}:
            return None
        if asked and self.lex.is_eponym(tok.text):
            return None
        if (
            self.lex.is_eponym(tok.text)
            and end < len(doc)
            and tokens(doc)[end].text in POSSESSIVE
            and not (end + 1 < len(doc) and tokens(doc)[end + 1].lower_ in RELATIONS)
        ):
            return None  # "Sjögren's", "Hashimoto's"
        if (
            start > 0
            and tokens(doc)[start - 1].lower_ in {"from", "in", "near", "to", "at"}
            and is_city([tok])
        ):
            return None
        if tok.lower_ in US_STATES and cue != "strong":
            return None  # "from rural Montana": a state, which Safe Harbor allows
        if (
            cue != "strong"
            and end < len(doc)
            and tokens(doc)[end].lower_ in PLACE_NOUNS
            and tokens(doc)[end].text.islower()
            and is_city([tok])
        ):
            return None  # "our London office", "the Paris team": a town naming a place or body
        if tok in solid:
            if inf and (not sent_start(tok) or cue):
                return (start, end, 0.75, subtype)
            if cue == "weak" and self._thing_after_function_word(doc, start, end):
                return None  # "the printer is out of toner again": a thing, not Mr Toner
            if cue:
                return (start, end, 0.7, subtype)
            if not self.lex.is_english(tok.text) and not (
                tok.text.isupper() and len(tok.text) <= 4 and has_lower(doc)
            ):
                return (start, end, 0.5, subtype)
            return None  # "KUB confirms position": capitals in a message that has lower case
            # are an acronym when no cue says otherwise
        if (
            tok not in unknown
            and self.lex.is_ambiguous(tok.text)
            and end < len(doc)
            and tokens(doc)[end].like_num
        ):
            return None  # "day 3", "will 2": an ordinary word before a number
        # "bed 22 Mai", "room 712 White": in a handoff line a capitalised listed name right after
        # the bed is the patient, even when the name is also a word; before the bed ("Mark bed
        # 3 ...") it is as likely an imperative, so there the word must not be ambiguous.
        # "6 East bed 21: POTTER": a board prints the surname in capitals; an acronym is shorter
        capital_after_bed = (
            tok.text.istitle() or (tok.text.isupper() and len(tok.text) >= 4)
        ) and after_room(doc, start)  # not "AKI"
        room_ok = cue == "room" and (
            tok in unknown
            or (tok in known and (capital_after_bed or not self.lex.is_ambiguous(tok.text)))
        )
        if (
            start > 0
            and tokens(doc)[start - 1].lower_ == "for"
            and tok.text.islower()
            and self.lex.is_english(tok.text)
        ):
            return None  # "keeps asking for water": a thing asked for, not the surname Water
        if (cue == "strong" and (tok in unknown or tok in known)) or room_ok:
            return (start, end, 0.6, subtype)
        return None

    def _possessives(self, doc: Doc, inf: bool) -> list[Span]:
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(doc) - 2):
            tok, poss, nxt = toks[i], toks[i + 1], toks[i + 2]
            if (
                poss.text not in POSSESSIVE
                or not alpha(tok)
                or self.words.clinical_next(doc, i + 1)
            ):
                continue
            if i > 0 and toks[i - 1].lower_ in {"st", "st.", "saint", "ste", "ste."}:
                continue
            if self.lex.is_eponym(tok.text) and nxt.lower_ not in RELATIONS:
                continue
            if not self._shape_ok(tok, inf) and nxt.lower_ not in RELATIONS:
                continue
            if nxt.lower_ in RELATIONS and (self.lex.is_name(tok.text) or self.words.unknown(tok)):
                out.append((i, i + 1, 0.8, "PATIENT"))
            elif self.words.solid(tok) and (tok.text[:1].isupper() or not inf):
                out.append((i, i + 1, 0.7, "PATIENT"))
        return out

    def _entities(self, doc: Doc, inf: bool) -> list[Span]:
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
                or self.words.clinical_next(doc, end)
                or any(self.lex.is_eponym(t.text) for t in toks)
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
                t.text.isupper() and not self.lex.is_name(t.text) for t in toks
            ):
                continue
            known = [t for t in toks if self.lex.is_name(t.text)]
            if not known and not (
                inf
                and all(self.words.unknown(t) and t.text.istitle() for t in toks)
                and self.cues.cue(doc, start, end)
            ):
                continue
            if all(
                self.lex.is_ambiguous(t.text)
                or (self.lex.is_english(t.text) and not self.lex.is_name(t.text))
                for t in toks
            ):
                continue
            out.append((start, end, 0.8 if known else 0.6, self.cues.subtype(doc, start, end)))
        return out

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


# Endings of disease, procedure and drug names: such a word is not an unknown surname.
