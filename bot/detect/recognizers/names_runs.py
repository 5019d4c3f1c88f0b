"""Runs of name-like words judged as a whole: "John Smith", "pt ivor okafor", "bed 22 Mai",
"IB KOCH".

A run is as long as its words can be names (listed, or no word any vocabulary knows); the run
is then judged by what it holds and the cue around it, so that eponyms ("Ivor Lewis"), towns
("our London office"), acronyms ("KUB confirms") and words that are also names ("day 3", "out
of toner") are left alone. Composed into `NameRecognizer`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    INITIAL,
    POSSESSIVE,
    Span,
    Tok,
    after_room,
    alpha,
    is_city,
    sent_start,
    tokens,
)
from bot.detect.recognizers.names_cues import NameCues, asked_about
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
    US_STATES,
    fold,
)
from bot.detect.recognizers.names_titled import VERBS_AFTER_NAME
from bot.detect.recognizers.names_words import (
    CHAT_SHORTHAND,
    NOT_NAMES,
    NameWords,
    has_lower,
    shape_ok,
)

# The weak cues before a name that take a thing as often as a person ("out of toner", "on
# paper"); not "to", "for", "is" ("spoke to toner", "chase the ct for lin", "bed 25a is obi"),
# which a person follows more
_FUNCTION_CUES = frozenset({"of", "on"})


class NameRuns:
    """Maximal runs of name-like tokens and the judgement of each."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.lex = words.lex
        self.cues = cues

    def runs(self, doc: Doc, inf: bool) -> list[Span]:
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
        if tok.i > 0 and tok.lower_ in VERBS_AFTER_NAME and not tok.text[:1].isupper():
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
        return (self.words.unknown(tok) and shape_ok(tok, inf) and not tok.text.isupper()) or (
            self.words.unknown(tok) and not inf
        )

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
                    if len(toks) == 2:
                        return self._judge_run(doc, start, start + 1, inf)
                    # "Kimberly Mcintyre asks for a text": a name in Title Case, then a
                    # lower-case word that is also in a list; the name is judged alone
                    head = self._title_head(doc, start, end)
                    return self._judge_run(doc, start, start + head, inf) if head >= 2 else None
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
                and all(shape_ok(t, inf) for t in toks)
            ):
                return (start, end, 0.6, subtype)
            return None
        tok = toks[0]
        if not shape_ok(tok, inf) and cue not in {"strong", "room"}:
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

    @staticmethod
    def _title_head(doc: Doc, start: int, end: int) -> int:
        """How many of the run's first tokens are in Title Case, when lower-case ones follow."""
        head = 0
        for tok in tokens(doc)[start:end]:
            if not tok.text[:1].isupper():
                break
            head += 1
        return head if head < end - start else 0

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
