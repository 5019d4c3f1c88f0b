"""Names after a title or an initial: "Dr Okafor", "Mrs. Dubois-Lambert", "E. Klinkosz",
"t.r. mbeki".

A title is the strongest cue a name has and says whose it is (a practitioner's or a patient's);
an initial before a word no vocabulary knows is nearly as strong. Composed into `NameRecognizer`.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import INITIAL, Span, Tok, alpha, tokens
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import (
    MONTHS,
    PARTICLES,
    RELATIONS,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
)
from bot.detect.recognizers.names_unknown import SUBJECT_VERBS
from bot.detect.recognizers.names_words import NOT_NAMES, NameWords, shape_ok

# Words that end a name when they follow it in lower case ("Dr. Smith said", "smith said"),
# though some are also names ("Said", "Will"); "son" stays: "nguyen van son" is a given name.
VERBS_AFTER_NAME = SUBJECT_VERBS - RELATIONS
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


class TitledNames:
    """Names a title or an initial opens."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.lex = words.lex
        self.cues = cues

    def titled(self, doc: Doc, inf: bool) -> list[Span]:
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
            and (tok.lower_ in VERBS_AFTER_NAME or tok.text in NOT_NAMES)
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

    def initials(self, doc: Doc, inf: bool) -> list[Span]:
        """ "E. Klinkosz", "a. yılmaz": an initial followed by a surname."""
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(doc) - 1):
            tok, nxt = toks[i], toks[i + 1]
            joined = self._joined_initials(toks, i, inf)
            if joined:
                out.append((i, joined, 0.75, self.cues.subtype(doc, i, joined)))
                continue
            if self._particle_surname(toks, i):
                # "H. da Paz", "M. de Rosa": a capital initial, a particle, then a capitalised
                # surname is a name even when the surname is also a word
                out.append((i, i + 3, 0.75, self.cues.subtype(doc, i, i + 3)))
                continue
            if not alpha(nxt) or not shape_ok(nxt, inf):
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
                    and shape_ok(toks[end], inf)
                ):
                    end += 1
                out.append((i, end, 0.75, self.cues.subtype(doc, i, end)))
        return out

    @staticmethod
    def _particle_surname(toks: list[Tok], i: int) -> bool:
        """Whether `i` opens initial + particle + capitalised surname ("H. da Paz")."""
        if i + 2 >= len(toks) or not INITIAL.match(toks[i].text) or not toks[i].text[:1].isupper():
            return False
        particle, surname = toks[i + 1], toks[i + 2]
        return (
            particle.lower_ in PARTICLES
            and particle.text.islower()
            and alpha(surname)
            and surname.text[:1].isupper()
            and surname.text[1:2].islower()
        )

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
            and shape_ok(nxt, inf)
            and not self.words.clinical_next(nxt.doc, k + 1)
            and (self.words.solid(nxt) or self.words.unknown(nxt))
            and not self.lex.is_english(nxt.text)
        )
        return k + 1 if ok else 0
