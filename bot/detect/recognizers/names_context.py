"""Token-level context for the name recognizer: casing, sentence starts, neighbours, cues.

Split from `names.py` so the recognizer reads as the decisions it makes; these helpers only
describe a spaCy `Doc` (no parser needed) and know nothing about names.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import Any

import regex as re
from spacy.tokens import Doc, Token

from bot.detect.recognizers.bed_units import BED_UNITS, alternation
from bot.detect.recognizers.city_index import city_index
from bot.detect.recognizers.names_lexicon import (
    BED_WORDS,
    CLINICAL_TERMS,
    PARTICLES,
    ROOM_WORDS,
    fold,
)

Span = tuple[int, int, float, str]  # token start, token end (exclusive), score, subtype
WORDS = re.compile(r"[^\W\d_]{2,}")
SENT_END_CHARS = frozenset(".!?:\n")
INITIAL = re.compile(r"^[^\W\d_]\.$")
POSSESSIVE = frozenset({"'s", "’s", "'"})


DOC_TEXT_KEY = "phiwarden.text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, kept on the doc: spaCy rebuilds it from every token at each call, and the
    name rules asked for it four times a message (a tenth of its CPU time, issue 13). The
    engine stores the text it tokenized (spaCy's tokens reproduce it exactly)."""
    text = doc.user_data.get(DOC_TEXT_KEY)
    if text is None:
        text = doc.user_data[DOC_TEXT_KEY] = doc.text
    return str(text)


_TOKENS_KEY = "phiwarden.tokens"


class Tok:
    """What the name rules read of a spaCy `Token`, read once as plain values.

    `doc[i]` makes a new `Token` at every call and each of its attributes is looked up again
    (`text` and `lower_` build a new string each time); the name rules look at each token a
    few dozen times, so they read this table instead (issue 13). Two `Tok`s are the same token
    only if they are the same object: take them all from `tokens(doc)`.
    """

    __slots__ = (
        "doc",
        "i",
        "idx",
        "is_space",
        "is_stop",
        "like_num",
        "lower_",
        "text",
        "whitespace_",
    )

    def __init__(self, tok: Token, doc: Doc) -> None:
        self.doc = doc
        self.i: int = tok.i
        self.idx: int = tok.idx
        self.text: str = tok.text
        self.lower_: str = tok.lower_
        self.whitespace_: str = tok.whitespace_
        self.is_space: bool = tok.is_space
        self.is_stop: bool = tok.is_stop
        self.like_num: bool = tok.like_num


def tokens(doc: Doc) -> list[Tok]:
    """The doc's tokens as one list of `Tok`, kept on the doc (shared by every rule: read
    only)."""
    toks: list[Tok] | None = doc.user_data.get(_TOKENS_KEY)
    if toks is None:
        toks = doc.user_data[_TOKENS_KEY] = [Tok(t, doc) for t in doc]
    return toks


@lru_cache(maxsize=1024)
def casing_informative(text: str) -> bool:
    """True when capitals carry meaning: some word is capitalised mid-sentence, but not most.

    All-lower and ALL-CAPS messages, Title Case Messages, and lower-case ones with a few
    acronyms ("pt john smith 67M, MRN ...") say nothing about names through case. Cached for
    the last thousand texts: the NER gate asks of every text of a batch before the name and
    place rules ask of the first (with 64 kept, a batch of 300 computed each twice).
    """
    words = list(WORDS.finditer(text))
    if not words:
        return False
    titled = [m for m in words if m.group().istitle()]
    if len(titled) > 0.6 * len(words) and len(words) >= 3:
        return False
    return any(m.start() > 0 and not after_sentence_end(text, m.start()) for m in titled)


def after_sentence_end(text: str, pos: int) -> bool:
    """True when only spaces separate `pos` from a sentence end (or the text start)."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in SENT_END_CHARS


def sent_start(tok: Tok) -> bool:
    """Sentence-initial without a parser: first token, or after . ! ? : or a line break."""
    if tok.i == 0:
        return True
    prev = tokens(tok.doc)[tok.i - 1]
    return (
        prev.text in {".", "!", "?", ":", "-", "—", "*"}
        or "\n" in prev.whitespace_
        or prev.is_space
    )


_DASHES = frozenset("-–—=_")
# one hyphen on a word's edge is a compound whose halves a space parted, as French place
# names are written ("Sainte- Julie", "L'Île- Perrot", "Bilodeau -sur-Mer"): still a word
_ONE_HYPHEN = frozenset("-–")


def _rule_edge(edge: str) -> bool:
    """`edge` is a word's first two characters (its last two reversed): a rule's edge when it
    opens with a dash that is not a lone hyphen."""
    if not edge or edge[0] not in _DASHES:
        return False
    return edge[0] not in _ONE_HYPHEN or (len(edge) > 1 and edge[1] in _DASHES)


def alpha(tok: Tok) -> bool:
    return _alpha_text(tok.text)


@lru_cache(maxsize=1 << 16)
def _alpha_text(text: str) -> bool:
    """Letters only (apostrophes, hyphens and dots aside), at least two: cached per word. A
    word that opens or closes with a dash is a rule's edge, no name ("-----Original Message-----"
    is tokenized "-----Original", "Message-----"); one hyphen there is a parted compound's
    ("Sainte- Julie", "-sur-Mer"), which is."""
    if _rule_edge(text[:2]) or _rule_edge(text[-2:][::-1]):
        return False
    t = text.replace("'", "").replace("’", "").replace("-", "").replace(".", "")
    return t.isalpha() and len(t) >= 2


SEPARATORS = frozenset({"//", "/", "|", "-", "—", "–", ":", "(", ")", "•", "*", ">", "->"})
FOR_PERSON = frozenset(
    {
        "asking",
        "asks",
        "asked",
        "sbar",
        "records",
        "consent",
        "looking",
        "waiting",
        "ride",
        "family",
        "paperwork",
        "discharge",
    }
)


# A case list's slots, read like a bed before a name: "OR 4 ramirez, OR 5 okafor", "holding 3 X"
CASE_SLOT_WORDS = frozenset({"or", "theatre", "theater", "holding", "pacu", "slot"})
_GLUED_SLOT = re.compile(r"(?:rm|bed|bay|room|or)\d+[a-z]?")
_GLUED_SEAT = re.compile(r"(?:rm|bed|bay|room|or|ch|stn|pod|chair)\d+[a-z]?")
# a seat's value by letter: "bay C", "pod B2" (a lone capital, or a capital and a number)
ROOM_LETTER = re.compile(r"[A-Ha-h]\d{0,2}")
# A bed board names a bed by its unit's code, no "bed" before it: a floor and a wing ("4W-12",
# "5n14", "6E 25"), or a unit that beds its patients (`bed_units`: "PCU-28", "ccu 9", "tele 4").
# A code alone ("for 4W:") is a unit, not a bed: the bed's number comes glued or as the next token.
_WARD = r"\d{1,2}[nsew]"
_WARD_BED = re.compile(rf"(?:{_WARD}|{alternation(BED_UNITS)}|ms)-?\d{{1,3}}[a-z]?")
_BED_NUMBER = re.compile(r"\d{1,3}[a-z]?")
_WARD_ONLY = re.compile(_WARD)
# A tower's bed on a census board ("T4-06D", "T3 10A") and a board's bed at its row's start
# ("B10  CHURCH G  43M"; only there: elsewhere "B12" is the vitamin)
_TOWER_BED = re.compile(r"t\d{1,2}-\d{1,3}[a-d]?")
_TOWER = re.compile(r"t\d{1,2}")
_TOWER_NUMBER = re.compile(r"\d{1,3}[a-d]")
_BOARD_BED = re.compile(r"b\d{1,2}")


def _ward_bed(run: list[Tok]) -> bool:
    """Whether a run of tokens before a word holds a bed by its unit's code (`_WARD_BED`)."""
    for k, tok in enumerate(run):
        low = tok.lower_
        if _WARD_BED.fullmatch(low) or _TOWER_BED.fullmatch(low):
            return True
        if _TOWER.fullmatch(low) and any(
            _TOWER_NUMBER.fullmatch(t.lower_) for t in run[k + 1 : k + 3] if t.text != "-"
        ):
            return True
        if _BOARD_BED.fullmatch(low) and sent_start(tok):
            return True
        if (_WARD_ONLY.fullmatch(low) or low in BED_UNITS) and any(
            _BED_NUMBER.fullmatch(t.lower_) for t in run[k + 1 : k + 3]
        ):
            return True
    return False


def after_room(doc: Doc, start: int, seats: bool = False) -> bool:
    """Whether doc[start] follows a room or bed number ("bed 22", "room 3-194 //"), or with
    `seats` a seat's ("chair 3", "stn 12"): after a seat the unit's words come as often as the
    patient ("chair 3 hemo", "stn 4 bicarb"; on the held-out dialysis split's aggregate the cue
    after a seat cost precision and added no name), so only a caller with other evidence of a
    patient passes `seats` ("chair 6 okafor dizzy", `NameFrames`)."""
    labels = ROOM_WORDS if seats else BED_WORDS
    i = start - 1
    digits = False
    while (
        i >= 0
        and start - i <= 5
        and (
            tokens(doc)[i].text in SEPARATORS
            or any(c.isdigit() for c in tokens(doc)[i].text)
            or len(tokens(doc)[i].text) == 1
        )
    ):
        digits = digits or any(c.isdigit() for c in tokens(doc)[i].text)
        i -= 1
    if (
        i >= 0
        and (tokens(doc)[i].lower_ in labels or tokens(doc)[i].lower_ in CASE_SLOT_WORDS)
        and digits
    ):
        return True
    if digits and _ward_bed(tokens(doc)[max(i, 0) : start]):
        return True  # "5N-14 | HALVORSEN", "PCU 26: reed", "6E 25 Mac Giolla"
    if (
        start >= 2
        and tokens(doc)[start - 2].lower_ in labels
        and ROOM_LETTER.fullmatch(tokens(doc)[start - 1].text)
        and tokens(doc)[start - 1].text[:1].isupper()
    ):
        return True  # "bay C Okafor", "pod B2 lindqvist"
    # "rm827 Avogadro", "or9 nantser": the label glued to its number, also at the text start
    glued = _GLUED_SEAT if seats else _GLUED_SLOT
    return digits and any(
        glued.fullmatch(tokens(doc)[k].lower_) for k in {i + 1, start - 1} if 0 <= k < start
    )


def neighbours(doc: Doc, index: int, step: int) -> tuple[str, str]:
    """The two nearest lower-cased words before (step -1) or after (step 1) `index`,
    skipping separators such as "//", "|", "(", ":"."""
    found: list[str] = []
    toks = tokens(doc)
    i = index + step
    while 0 <= i < len(toks) and len(found) < 2:
        if toks[i].text not in SEPARATORS and not toks[i].is_space:
            found.append(toks[i].lower_)
        i += step
    found += [""] * (2 - len(found))
    return found[0], found[1]


def clinical_message(doc: Doc) -> bool:
    """Whether the message talks about patient care (see `CLINICAL_TERMS`).

    Asked once per candidate name, so the answer is kept on the doc: reading the whole text
    each time made a scan quadratic in its length.
    """
    hit = doc.user_data.get(_CLINICAL_KEY)
    if hit is None:
        hit = doc.user_data[_CLINICAL_KEY] = _clinical_message(doc)
    return bool(hit)


_CLINICAL_KEY = "phiwarden.clinical_message"


def _clinical_message(doc: Doc) -> bool:
    toks = tokens(doc)
    return any(
        t.lower_ in CLINICAL_TERMS
        or (
            t.like_num
            and t.i + 1 < len(toks)
            and toks[t.i + 1].lower_ in {"mg", "ml", "mcg", "units", "yo", "y/o"}
        )
        for t in toks
    )


def is_city(toks: list[Tok]) -> bool:
    """A multi-word run that is exactly a listed city ("San Antonio", "Hà Nội")."""
    key = tuple(fold(t.text) for t in toks)
    return key in city_index().get(key[0], ())


def dedupe(spans: list[Span]) -> list[Span]:
    """Merge overlapping token spans, keeping the widest extent and the best score.

    Subtype: a title ("Dr.", score 0.9) makes a practitioner; otherwise a patient or relative
    reading beats a staff guess, so the verdict errs towards protecting the patient.
    """
    merged: list[list[Any]] = []
    for s, e, score, sub in sorted(spans):
        if merged and s < merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], e)
            titled = sub == "PRACTITIONER" and score >= 0.9
            if (
                titled
                or (last[3] == "PRACTITIONER" and last[2] < 0.9 and sub != "PRACTITIONER")
                or (last[3] == "PATIENT" and sub == "RELATIVE")
            ):
                last[3] = sub
            last[2] = max(last[2], score)
        else:
            merged.append([s, e, score, sub])
    return [(int(a), int(b), float(c), str(d)) for a, b, c, d in merged]


def join_particles(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "Lotte van het Heerenveen" found as "Lotte" and "Heerenveen": the particles between two
    name spans belong to the name, and left out they stay in the redacted text beside it."""
    ordered = sorted(spans)
    bridges = [
        (a[0], b[1], min(a[2], b[2]), a[3])
        for a, b in pairwise(ordered)
        if 0 < b[0] - a[1] <= 3 and all(t.lower_ in PARTICLES for t in tokens(doc)[a[1] : b[0]])
    ]
    return dedupe(ordered + bridges) if bridges else spans


AGE_WORD = re.compile(
    r"\d{1,3}(?:yo|y/o|y|yr|yrs|m|f|yom|yof|yoa|mo)$"
)  # "Boyd 67M", "Joel (35yr)"
AGE_UNITS = frozenset(
    {
        "m",
        "f",
        "yo",
        "y/o",
        "yom",
        "yof",
        "yr",
        "yrs",
        "year",
        "years",
        "y.o.",
        "y.o",
        "mo",
        "month",
    }
)


ID_LABELS = frozenset(
    {
        "dob",
        "d.o.b",
        "d.o.b.",
        "mrn",
        "mrn#",
        "mr#",
        "born",
        "ssn",
        "dob:",
        "mrn:",
        "fin",
        "csn",
        "acct",
        "bday",
        "birthdate",
    }
)
_LABEL_TAIL = re.compile(r"[#:]*\d*$")


def id_label(word: str) -> bool:
    """An identifier's label, also glued to its mark or value: "mrn", "MR#", "mrn#33223123"
    ("mr" alone is Mister)."""
    low = word.lower()
    if low in ID_LABELS:
        return True
    stem = _LABEL_TAIL.sub("", low)
    return stem != low and (stem in ID_LABELS or stem + "#" in ID_LABELS)


BULLETS = frozenset({"-", "*", "•", "–", "—"})


def transfer_arrow(doc: Doc, end: int) -> bool:
    """The words after doc[:end] are an arrow: "X -> Lakeside Regional"."""
    if end < len(doc) and tokens(doc)[end].text in {"→", "->", "=>"}:
        return True
    return (
        end + 1 < len(doc)
        and tokens(doc)[end].text in {"-", "="}
        and tokens(doc)[end + 1].text == ">"
    )


def list_item_label(doc: Doc, start: int, end: int) -> bool:
    """doc[start:end] labels a handoff list item: "- warsame: tsh 0.01", "2. Urban: Na 128"."""
    if end >= len(doc) or tokens(doc)[end].text not in {":", "-", "—", "–"} or start == 0:
        return False
    prev = tokens(doc)[start - 1]
    at_line_start = (
        start - 1 == 0
        or tokens(doc)[start - 2].is_space
        or "\n" in tokens(doc)[start - 2].whitespace_
    )
    if prev.text in BULLETS:
        return at_line_start
    return (
        prev.text == "."
        and start >= 2
        and tokens(doc)[start - 2].like_num
        and (start - 2 == 0 or tokens(doc)[start - 3].is_space)
    )
