"""Names no lexicon knows: judged by shape and position, not by lookup.

The gazetteer can never list every name ("Yohannes Tesfaye", "keoni kahananui"), but a word that
is neither English, nor a clinical term, nor a drug, in a person's position, is a name far more
often than anything else in clinical chat. Composed into `NameRecognizer`; its rules add spans
that the lexicon-based sources miss:

- two or more unknown name-shaped words in a row, in a message about patient care;
- "LAST, FIRST" banners made of unknown words at a line or record start;
- an unknown word before a possessive ("Keoni's mom", "Kummo's Foley"), or after "the" and
  before "family";
- a capitalised unknown word mid-sentence next to a cue verb ("Yohannes is precepting").

The names beside names already found (lists, repeats, a given name after a middle name) are
`names_beside`'s; a word that is also part of an address in the message, `names_links`'.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    ID_LABELS,
    INITIAL,
    POSSESSIVE,
    Span,
    Tok,
    after_room,
    alpha,
    clinical_message,
    doc_text,
    id_label,
    sent_start,
    tokens,
)
from bot.detect.recognizers.names_cues import OBJECT_CUE_BEFORE, NameCues
from bot.detect.recognizers.names_lexicon import (
    CUE_AFTER,
    MONTHS,
    RELATIONS,
    STAFF_BEFORE,
)
from bot.detect.recognizers.names_words import NameWords, words_of

# A dose right after a word ("Venofer 100 mg x 5", "Sensipar 30 mg", "Epogen 4000 units"): the
# word is a drug's brand, which no list here can hold all of; not after a verb of giving,
# where the word is who got it ("gave Okafor 4 mg")
_DOSE_AFTER = re.compile(
    r"[ \t]*\d[\d,.]*[ \t]*(?:mg|mcg|µg|ug|gm?|units?|iu|ml|meq|mmol|mg/kg|mcg/kg|puffs?|tabs?|caps?|%)\b",
    re.IGNORECASE,
)
_GIVEN_BEFORE = words_of("gave give giving given gives got bolused pushed dosed hung started")
# Vietnamese (and a few Korean) middle names: the word after one is the given name.
MIDDLE_NAMES = words_of("van thi duc huu ngoc minh quoc thanh xuan kim thu hong dinh cong ba dang")
# Verbs and phrases after which the next word is the person talked about.
OBJECT_PAIRS = frozenset(
    [
        ("check", "on"),
        ("checked", "on"),
        ("checking", "on"),
        ("summary", "for"),
        ("update", "on"),
        ("updates", "on"),
        ("orders", "for"),
        ("consult", "for"),
        ("consult", "on"),
        ("note", "on"),
        ("note", "for"),
        ("notes", "for"),
        ("records", "for"),
        ("labs", "for"),
        ("results", "for"),
        ("covering", "for"),
        ("cover", "for"),
        ("swapped", "with"),
        ("swapped", "w/"),
        ("rounding", "on"),
        ("round", "on"),
        ("eyes", "on"),
        ("sign", "out"),
    ]
)
SUBJECT_VERBS = CUE_AFTER | words_of(
    "is was will can can't won't keeps refusing refused pulled pulling fell spiked desatted coded precepting covering "
    "rounding presenting swapped pls please needs wants no-showed noshowed no-show arrived checked cancelled "
    "canceled missed declined rescheduled left lives"
)
_BANNER_BEFORE = frozenset(
    {
        "for",
        "get",
        "re",
        "re:",
        "about",
        "see",
        "pt",
        "patient",
        "on",
        "with",
        "admit",
        "admitted",
        "saw",
    }
)
_LOWER_PERSON_BEFORE = frozenset(
    {
        "see",
        "saw",
        "seen",
        "call",
        "called",
        "page",
        "paged",
        "tell",
        "ask",
        "visit",
        "meant",
        "re",
        "about",
    }
)
_CLAUSE_END = frozenset({"", ",", ".", "!", "?", ";", ":", "-", "—", "(", "shows", "showed"})
# What a person sends: "from" after these is followed by the sender, not a place
_MESSAGE_WORDS = words_of(
    "req request requests refill message msg msgs email e-mail text voicemail vm call calls "
    "referral fax letter note portal"
)
# A middle initial written without its full stop after "LAST, FIRST": not "I", and in lower
# case not the letters chat types for words ("a", "i", "u" you, "r" are, "k" ok, "c" see, ...)
_MIDDLE_INITIAL = re.compile(r"^[A-HJ-Z]$")
_MIDDLE_INITIAL_LOWER = re.compile(r"^[defghjlmpqstvwxz]$")


def middle_initial(tok: Tok, inf: bool) -> bool:
    """ "SMITH, JOHN A", "ohusisalo, rekopuu m": a lone letter closing a "LAST, FIRST" banner
    (a word of its own: the "S" of "S/P" is not one)."""
    if not tok.whitespace_ and tok.i + 1 < len(tok.doc) and not tokens(tok.doc)[tok.i + 1].is_space:
        return False
    if _MIDDLE_INITIAL.match(tok.text):
        return True
    return not inf and _MIDDLE_INITIAL_LOWER.match(tok.text) is not None


_PERSON_BEFORE = frozenset({"and", "&", "with", "w/", "for", "to", "about", "see", "call"})
FAMILY_WORDS = frozenset({"family", "fam", "household", "kids", "parents", "clan"})


def same_shape(toks: list[Tok], inf: bool) -> bool:
    """Whether the words are written alike as a name's words are (all capitalised, all in
    capitals, all in lower case; the last two only where case says nothing, or in capitals)."""
    if all(t.text.istitle() or (t.text[:1].isupper() and not t.text.isupper()) for t in toks):
        return True
    if all(t.text.isupper() for t in toks) or all(t.text.islower() for t in toks):
        return not inf or all(t.text.isupper() for t in toks)
    return False


class UnknownNames:
    """Spans for names no list knows, judged with the shared word classes and cues."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.cues = cues

    # --- sources -----------------------------------------------------------------------------
    def runs(self, doc: Doc, inf: bool) -> list[Span]:
        """Two to four unknown name-shaped words in a row ("kraesaom maiwaekul"), in a message
        about patient care or next to a cue."""
        out: list[Span] = []
        toks = tokens(doc)
        n, i = len(toks), 0
        clinical: bool | None = None
        while i < n:
            end = i
            while (
                end < n
                and end - i < 4
                and (
                    self.words.nameish(toks[end], 3)
                    or (end > i and self.words.known_given(toks[end]))
                )
            ):
                end += 1
            if end - i < 2:  # one word or none: nothing below can hold
                i = max(end, i + 1)
                continue
            long_enough = any(
                self.words.nameish(t, 5) for t in toks[i:end]
            )  # "ike hauui", not "agn abt"
            lower = all(t.text.islower() for t in toks[i:end])
            shape = (
                same_shape(toks[i:end], inf)
                or (
                    lower
                    and (
                        self._labelled_next(doc, end)
                        or self._person_before(doc, i)
                        or (sent_start(toks[i]) and end < n and toks[end].lower_ in SUBJECT_VERBS)
                        or (
                            i == 0
                            and end < n
                            and (toks[end].like_num or toks[end].lower_ in MONTHS)
                        )
                    )
                )
                or self._last_first_caps(toks[i:end])
            )
            if end - i >= 2 and long_enough and shape and not self.words.clinical_next(doc, end):
                if clinical is None:
                    clinical = clinical_message(doc) or any(c.isdigit() for c in doc_text(doc))
                if clinical or self.cues.cue(doc, i, end) or self._person_before(doc, i):
                    out.append((i, end, 0.6, self.cues.subtype(doc, i, end)))
            i = max(end, i + 1)
        return out

    @staticmethod
    def _last_first_caps(toks: list[Tok]) -> bool:
        """ "CHURJARGAL Lugsheg", "JỤNYUNGELUMUBA Nnajachi": the surname in capitals, then the
        given name, as registration lists write them."""
        return (
            len(toks) == 2
            and toks[0].text.isupper()
            and len(toks[0].text) >= 3
            and toks[1].text[:1].isupper()
            and not toks[1].text.isupper()
        )

    def _banner_caps(self, tok: Tok, other: Tok) -> bool:
        """ "YEBAO, FEDA is here": short capitals read as an acronym in a mixed-case message
        ("HCAP"), but beside another capitalised unknown word across a comma they are a name."""
        return (
            tok.text.isupper()
            and other.text.isupper()
            and len(tok.text) >= 3
            and self.words.unknown(tok)
            and self.words.unknown(other)
            and not self.words.typo(tok.lower_)
        )

    @staticmethod
    def _person_before(doc: Doc, start: int) -> bool:
        """ "new pt luva nepolua", "can u see kraesaom maiwaekul": a lower-case run after a
        word that is followed by a person, even where capitals elsewhere carry meaning."""
        prev = tokens(doc)[start - 1].lower_ if start > 0 else ""
        prev2 = tokens(doc)[start - 2].lower_ if start > 1 else ""
        if prev == "from" and prev2 in _MESSAGE_WORDS:
            return True  # "refill req from ...", "portal msg from ...": a person sent it
        return prev in _LOWER_PERSON_BEFORE or prev in _BANNER_BEFORE or prev in OBJECT_CUE_BEFORE

    @staticmethod
    def _labelled_next(doc: Doc, end: int) -> bool:
        """ "gyoren zsoszan, D.O.B. ...": an ID or birth-date label follows the words."""
        j = end + 1 if end < len(doc) and tokens(doc)[end].text in {",", ":", "-", "("} else end
        return j < len(doc) and (
            tokens(doc)[j].lower_.rstrip(":#") in ID_LABELS | {"d.o.b."}
            or id_label(tokens(doc)[j].text)
        )

    def last_first(self, doc: Doc, inf: bool) -> list[Span]:
        """ "TATUMI, DUKIGBI (16 y/o", "praongbilapkul, saenyaesi, dob: ...": a record banner."""
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(doc) - 2):
            a, comma, b = toks[i], toks[i + 1], toks[i + 2]
            if (
                comma.text == ","
                and INITIAL.match(b.text)
                and self.words.nameish(a)
                and (a.text[:1].isupper() or not inf)
            ):
                out.append((i, i + 3, 0.7, "PATIENT"))  # "Rasuno, T."
                continue
            if comma.text != "," or not same_shape([a, b], inf) or a.lower_ in STAFF_BEFORE:
                continue  # "hey, chulchochi ...": a greeting, then the name
            if not (
                (self.words.nameish(a, 3) or self.words.solid(a) or self._banner_caps(a, b))
                and (
                    self.words.nameish(b, 3)
                    or self.words.lex.is_first(b.text)
                    # "LANEFA, SIMENO": a given name no list has, one slip from a word
                    or (self.words.nameish(a, 3) and self.words.unknown(b))
                    or self._banner_caps(b, a)
                )
            ):
                continue
            if not (
                self.words.nameish(a, 3) or self.words.nameish(b, 3) or self._banner_caps(a, b)
            ):
                continue  # both listed: `_last_first` decides
            prev = toks[i - 1] if i > 0 else None
            line_start = (
                prev is None
                or prev.is_space
                or "\n" in prev.whitespace_
                or prev.text in {"-", "*", "•", ":", "(", "~", "`", ">"}
            )
            after_record = (
                prev is not None
                and prev.text == ","
                and i > 1
                and any(c.isdigit() for c in toks[i - 2].text)
            )
            cued = prev is not None and (
                prev.lower_ in _BANNER_BEFORE or after_room(doc, i) or after_record
            )
            end = i + 3
            if end < len(doc) and middle_initial(toks[end], inf) and toks[end - 1].whitespace_:
                end += 1  # "FEYUKAWALE, LOFEFE W checked in": the middle initial, no full stop
            nxt = toks[end] if end < len(doc) else None
            boundary = (
                nxt is None
                or nxt.is_space
                or nxt.text in {",", "(", "-", ":", "/", ";", "|", "~", "*", "`"}
                or nxt.like_num
                or id_label(nxt.text)
                or "\n" in b.whitespace_
                or self.cues.cue(doc, i, end) in {"strong", "room"}
            )
            # "OROZCO,KYLE": a comma with no space either side is how a note header or a board
            # writes a name, hardly ever how a sentence runs on
            glued = not a.whitespace_ and not comma.whitespace_
            boundary = boundary or glued or (nxt is not None and nxt.lower_ in SUBJECT_VERBS)
            both = self.words.nameish(a, 3) and self.words.nameish(b, 3)
            before_verb = nxt is not None and nxt.lower_ in SUBJECT_VERBS
            if (
                (line_start and (boundary or (i == 0 and not self.words.lex.is_english(a.text))))
                or (cued and (boundary or both))
                or (both and before_verb)  # "ok khuepphakraon, kaomuprung is in room 5"
            ):
                out.append((i, end, 0.75, "PATIENT"))
        return out

    def name_initial(self, doc: Doc, inf: bool) -> list[Span]:
        """ "Homau L. (pt id ...)", "Tammy S. paperwork": a name, then the initial of the other
        name, then a break (a bracket, a comma, a label, a verb, the end) or the other name
        ("Tsuzo E. Tsösjargal")."""
        out: list[Span] = []
        toks = tokens(doc)
        n = len(doc)
        for i in range(n - 1):
            tok, initial = toks[i], toks[i + 1]
            if not INITIAL.match(initial.text) or not (
                self.words.nameish(tok, 3) or self.words.solid(tok)
            ):
                continue
            if inf and not (tok.text[:1].isupper() and initial.text[:1].isupper()):
                continue
            nxt = toks[i + 2] if i + 2 < n else None
            if (
                nxt is not None
                and alpha(nxt)
                and (self.words.nameish(nxt, 3) or self.words.solid(nxt))
                and (nxt.text[:1].isupper() or not inf)
            ):
                # "Tsuzo E. Tsösjargal", "bugupen p. dibadosong": the initial between two names
                out.append((i, i + 3, 0.75, self.cues.subtype(doc, i, i + 3)))
                continue
            if (
                nxt is None
                or nxt.is_space
                or nxt.text in {"(", ",", "-", ":", ";", "|"}
                or nxt.like_num
                or id_label(nxt.text)
                or nxt.lower_ in SUBJECT_VERBS
            ):
                out.append((i, i + 2, 0.7, self.cues.subtype(doc, i, i + 2)))
        return out

    def single(self, doc: Doc, inf: bool) -> list[Span]:
        """One unknown word in a person's position."""
        out: list[Span] = []
        toks = tokens(doc)
        n = len(toks)
        text = doc_text(doc)
        for i, tok in enumerate(toks):
            if not self.words.nameish(tok):
                continue
            prev = toks[i - 1].lower_ if i > 0 else ""
            prev2 = toks[i - 2].lower_ if i > 1 else ""
            if prev not in _GIVEN_BEFORE and _DOSE_AFTER.match(text, tok.idx + len(tok.text)):
                continue  # "Venofer 100 mg": a drug and its dose
            nxt = toks[i + 1].lower_ if i + 1 < n else ""
            nxt2 = toks[i + 2].lower_ if i + 2 < n else ""
            if nxt2 == "-" and i + 3 < n and not toks[i + 1].whitespace_:
                nxt, nxt2 = f"{nxt}-{toks[i + 3].lower_}", ""  # "no-showed": one word
            shaped = tok.text[:1].isupper() or not inf
            if nxt in POSSESSIVE and shaped and not self.words.clinical_next(doc, i + 1):
                out.append((i, i + 1, 0.8 if nxt2 in RELATIONS else 0.65, "PATIENT"))
            elif prev == "the" and nxt in FAMILY_WORDS:
                out.append((i, i + 1, 0.75, "PATIENT"))
            elif ((prev2, prev) in OBJECT_PAIRS and shaped) or (
                inf
                and tok.text.istitle()
                and not sent_start(tok)
                and (nxt in SUBJECT_VERBS or prev in _PERSON_BEFORE)
            ):
                out.append((i, i + 1, 0.6, self.cues.subtype(doc, i, i + 1)))
            elif inf and tok.text.istitle() and not sent_start(tok) and clinical_message(doc):
                out.append(
                    (i, i + 1, 0.5, self.cues.subtype(doc, i, i + 1))
                )  # "dr lee saw Mekonu yday"
            elif (
                not inf
                and (
                    prev in _LOWER_PERSON_BEFORE or (nxt in SUBJECT_VERBS and nxt not in POSSESSIVE)
                )
                and clinical_message(doc)
            ):
                out.append(
                    (i, i + 1, 0.5, self.cues.subtype(doc, i, i + 1))
                )  # "can u see rasuno", "rasuno refusing"
            elif shaped and (
                (sent_start(tok) and nxt in SUBJECT_VERBS and nxt2 not in {"a", "an", "the"})
                or (
                    prev in {"for", "about", "re", "re:"}
                    and (nxt in SUBJECT_VERBS or nxt in _CLAUSE_END)
                )
            ):
                out.append((i, i + 1, 0.55, self.cues.subtype(doc, i, i + 1)))
        return out
