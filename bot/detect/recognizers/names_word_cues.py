"""Patients named by ordinary words ("Gold", "Rose", "Will", "Green"), told by the ward's grammar.

A listed name that is also an English word needs a name's evidence; a night nurse's chat gives
it in a few closed frames, which a word used as a word does not take:
- capitalised mid-sentence after a verb whose object is a patient: "saw Gold at 0200", "can you
  check on Rose", "escorted Golden to CT", "bloods from Ivy" (not "the gold standard");
- capitalised mid-sentence before a possessive: "hold Norman's heparin", "check Seven's BMs";
- before "in" and a room or bed, also at a sentence's start: "Will in bed 4 is NPO", "Green in
  5 needs a bolus", "Power in T4-06D" (not "in 5 minutes");
- before a patient's own verb or state, also at a sentence's start: "Joy pulled the cannula
  out", "Olive NBM from midnight", "Daisy refusing obs" (not "Will call", "May need");
- a census board's row: after its bed, before an initial, an age, a cell's mark or the row's
  end, in capitals too ("T4-06D  COOK H  26M", "Tower 2 bed 21 Fox 29M", "rm 4 - PRICE -");
  the initial after it is the name's.
Only where the message's capitals mean something (`casing_informative`), or, for the last two
frames, at a sentence's start in a message with lower case (its only capital may be the name's:
"Will in bed 4 is NPO"): in all-lower chat a word is a word. Composed into `NameRecognizer`; its vetoes still run on these spans.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    POSSESSIVE,
    Span,
    Tok,
    after_room,
    alpha,
    sent_start,
    tokens,
)
from bot.detect.recognizers.names_lexicon import (
    CLINICAL_TERMS,
    MONTHS,
    ROOM_WORDS,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
)
from bot.detect.recognizers.names_words import NOT_NAMES, NameWords, has_lower, words_of

# A verb whose next word is the patient it was done to ("saw Gold", "turned Seven")
_OBJECT_VERBS = words_of(
    "saw seen see visited reviewed examined assessed turned repositioned escorted transferred "
    "moved gave giving bathed washed fed weighed mobilised mobilized sat offered rang ringing "
    "phoned called hold held found catheterised cannulated settled woke wake bleep bleeped"
)
# A verb and preposition before the patient ("check on Rose", "spoke with Hope")
_OBJECT_PAIRS = frozenset(
    {
        ("check", "on"), ("checked", "on"), ("checking", "on"), ("look", "in"),
        ("looked", "in"), ("pop", "in"), ("eye", "on"), ("spoke", "with"), ("speak", "with"),
        ("spoken", "with"), ("talked", "with"), ("talk", "to"), ("spoke", "to"), ("sat", "with"),
        ("stayed", "with"), ("bloods", "from"), ("cultures", "from"), ("sample", "from"),
        ("gas", "from"), ("obs", "on"), ("help", "with"), ("helped", "with"), ("asked", "after"),
        ("worried", "about"), ("concerned", "about"), ("update", "on"), ("updates", "on"),
        ("happy", "with"),
    }
)  # fmt: skip
# What only a patient does or is, written right after the name ("Joy pulled", "Olive NBM")
_PATIENT_AFTER = words_of(
    "pulled pulling refusing refused declining declined spiked spiking desatting desaturating "
    "settled vomited vomiting fell agitated wandering asking npo nbm pyrexial febrile "
    "tachycardic hypotensive desatted absconded scratched"
)
# After "is"/"was": the same states and acts ("Bird is asking for you", "Will is NPO")
_PATIENT_STATE = _PATIENT_AFTER | words_of("confused drowsy comfortable sleeping awake")
# Units after "in N" that make it a time, not a bed ("in 5 minutes")
_TIME_UNITS = words_of(
    "min mins minute minutes hr hrs hour hours h day days d wk wks week weeks month months sec "
    "secs seconds am pm mm cm mg ml l kg"
)
# A tower, wing or board bed written without a bed word: "T4-06D", "6S", "4 West", "B12"
_TOWER_ROOM = re.compile(r"(?:t\d{1,2}-?\d{0,3}[a-d]?|\d{1,2}[nsew](?:-\d{1,3}[a-d]?)?|b\d{1,3})")
_WINGS = words_of("west east north south")


def _word_name(tok: Tok, words: NameWords, caps: bool = False) -> bool:
    """A capitalised listed name that is a word too (the other name rules take the rest); in
    capitals too with `caps` (a board's row)."""
    text = tok.text
    low = tok.lower_
    return (
        alpha(tok)
        and len(text) >= 3
        and text[0].isupper()
        and (text[1:].islower() or (caps and text.isupper()))
        and low not in NOT_NAMES
        and low not in CLINICAL_TERMS  # "rm528 – AKI, phos 1.9"
        and low not in TITLES_PERSON
        and low not in TITLES_PRACTITIONER
        and words.lex.is_name(text)
        and not words.lex.is_eponym(text)
    )


def _room_after_in(toks: list[Tok], k: int) -> bool:
    """Whether toks[k:] read as a room or bed: "bed 4", "5", "T4-06D", "4 West 12B"."""
    if k >= len(toks):
        return False
    first = toks[k]
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if first.lower_ in ROOM_WORDS or first.lower_ == "tower":
        return nxt is not None and any(c.isdigit() for c in nxt.text)
    if _TOWER_ROOM.fullmatch(first.lower_):
        return True
    if first.text.isdigit() and len(first.text) <= 4:
        return nxt is None or (nxt.lower_ not in _TIME_UNITS and not nxt.like_num)
    return False


def _room_beside(toks: list[Tok], k: int) -> bool:
    """ "Hope, 6S 7B, pain": a room right after the name and its comma or bracket."""
    return k < len(toks) and toks[k].text in {",", "("} and _room_after_in(toks, k + 1)


_CELL_MARKS = frozenset({"|", "-", "–", ":", ",", "/"})
_SEX = frozenset({"M", "F"})


def _skip_spaces(toks: list[Tok], k: int) -> int:
    while k < len(toks) and toks[k].is_space:
        k += 1
    return k


def _initial(toks: list[Tok], k: int) -> bool:
    """A lone capital that is an initial, not the sex after an age ("COOK H  26M")."""
    return (
        k < len(toks)
        and len(toks[k].text) == 1
        and toks[k].text.isupper()
        and toks[k].text.isalpha()
    )


def _board_row(doc: Doc, toks: list[Tok], i: int) -> int:
    """The end of a board row's name at toks[i] (its initial included), or 0 when it is none:
    after the row's bed, before an initial, an age, a cell's mark or the row's end."""
    if not after_room(doc, i):
        return 0
    k = _skip_spaces(toks, i + 1)
    if k >= len(toks) or "\n" in toks[k - 1].whitespace_ or "\n" in toks[k - 1].text:
        return i + 1
    nxt = toks[k]
    if _initial(toks, k) and nxt.text not in _SEX:
        return k + 1
    if nxt.text == "," and _initial(toks, k + 1):
        return k + 2
    if nxt.text in _CELL_MARKS or (
        nxt.text.isdigit() and k + 1 < len(toks) and toks[k + 1].text in _SEX
    ):
        return i + 1
    return 0


def word_names(doc: Doc, inf: bool, words: NameWords) -> list[Span]:
    """Listed names that are also words, in the frames only a patient takes (module doc)."""
    toks = tokens(doc)
    out: list[Span] = []
    for i, tok in enumerate(toks):
        if not _word_name(tok, words, caps=True):
            continue
        board = _board_row(doc, toks, i)
        if board:
            out.append((i, board, 0.7, "PATIENT"))
            continue
        if tok.text.isupper() or words.clinical_next(doc, i + 1):
            continue  # "Bell's palsy", "Hunter syndrome": an eponym's term
        start = sent_start(tok)
        if not inf and (not start or not has_lower(doc)):
            continue
        prev = toks[i - 1].lower_ if i > 0 else ""
        prev2 = toks[i - 2].lower_ if i > 1 else ""
        nxt = toks[i + 1].lower_ if i + 1 < len(toks) else ""
        nxt2 = toks[i + 2].lower_ if i + 2 < len(toks) else ""
        # a month takes a verb's object and a possessive as a name does ("saw May", "June's
        # rota"): only a patient's own frames tell ("May settled after oramorph")
        month = tok.lower_ in MONTHS
        verb = prev in _OBJECT_VERBS or (prev2, prev) in _OBJECT_PAIRS
        mid = inf and not start and not month and verb
        possessive = inf and not start and not month and nxt in POSSESSIVE and nxt2.isalpha()
        roomed = (nxt == "in" and _room_after_in(toks, i + 2)) or _room_beside(toks, i + 1)
        acting = nxt in _PATIENT_AFTER or (nxt in {"is", "was"} and nxt2 in _PATIENT_STATE)
        if mid or possessive or roomed or acting:
            out.append((i, i + 1, 0.7, "PATIENT"))
    return out
