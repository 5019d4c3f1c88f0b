"""Cue words around a candidate name: is it a person at all, and patient, relative or staff?

Composed into `NameRecognizer` and `UnknownNames`, kept apart so the cue rules can be read on
their own.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.age_populations import POPULATION_NOUNS
from bot.detect.recognizers.names_context import (
    AGE_UNITS,
    AGE_WORD,
    FOR_PERSON,
    POSSESSIVE,
    ROOM_LETTER,
    after_room,
    alpha,
    id_label,
    list_item_label,
    neighbours,
    tokens,
    transfer_arrow,
)
from bot.detect.recognizers.names_lexicon import (
    CUE_AFTER,
    CUE_BEFORE,
    PRACTITIONER_AFTER,
    PRACTITIONER_BEFORE,
    RELATIONS,
    ROOM_WORDS,
    SEAT_WORDS,
    STAFF_AFTER_PAIRS,
    STAFF_BEFORE,
    STRONG_CUE_BEFORE,
    TITLES_PERSON,
    TITLES_PRACTITIONER,
    Lexicon,
)
from bot.detect.recognizers.names_words import NameWords
from bot.detect.staff import EMPTY, StaffDirectory

# Scheduling verbs whose object is the patient: "roomed ray young in Room 220", "bumped X"
OBJECT_CUE_BEFORE = frozenset(
    {
        "roomed",
        "bump",
        "bumped",
        "swap",
        "swapped",
        "rescheduled",
        "consented",
        "extubated",
        "intubated",
        "sedated",
        "transported",
        "prepped",
        "discharged",
    }
)
GLUED_ROOM = re.compile(r"(?:rm|bed|bay|room|or)\d+[a-z]?$")
# an age beside a sex as a handoff line writes it after the name: "F/70", "75/F", "M 19",
# "(F 60)", "(53 y F)"; the sex letter is what makes the number an age
_SEX_AGE = re.compile(r"(?:[mf]/\d{1,3}|\d{1,3}/[mf])$")


def age_beside_sex(doc: Doc, end: int) -> bool:
    """Whether the words right after doc[:end] are an age written beside a sex letter."""
    toks = tokens(doc)
    i = end + 1 if end < len(toks) and toks[end].text == "(" else end
    words = [t.lower_ for t in toks[i : i + 3]] + ["", "", ""]
    a, b, c = words[:3]
    if _SEX_AGE.match(a):
        return True
    if a in {"m", "f"} and b.isdigit() and 0 < int(b) < 120:
        return c != "/" and not c.isdigit()  # not "F 60/40": a ratio, no age
    if a.isdigit() and 0 < int(a) < 120:
        return (b == "/" and c in {"m", "f"}) or (b in {"y", "yo", "yr"} and c in {"m", "f"})
    return False


class NameCues:
    """`cue` grades the evidence around a span; `subtype` decides whose name it is."""

    def __init__(self, words: NameWords, staff: StaffDirectory = EMPTY) -> None:
        self.lex: Lexicon = words.lex
        self.words = words
        self.staff = staff

    def cue(self, doc: Doc, start: int, end: int, staff: bool = True) -> str:
        """ "strong", "weak" or "" depending on the words around doc[start:end]."""
        prev, prev2 = neighbours(doc, start, -1)
        nxt, nxt2 = neighbours(doc, end - 1, 1)
        if asked_about(doc, start):
            return "strong"  # "paged about Warsame", "SBAR for keoni kahananui"
        if (
            prev in STRONG_CUE_BEFORE
            or prev in OBJECT_CUE_BEFORE
            or prev in TITLES_PERSON
            or prev in TITLES_PRACTITIONER
            or prev2 in TITLES_PERSON
        ):
            return "strong"
        if after_room(doc, start, seats=seat_list(doc)):
            # "bed 22 BECCARIA", "room 3-194 scott"; after a seat only in a list of seats
            # ("chair 6 okafor, chair 7 rhodes"), not "chair 4 hemo" (`after_room`)
            return "room"
        if (
            nxt in ROOM_WORDS
            and (any(c.isdigit() for c in nxt2) or (ROOM_LETTER.fullmatch(nxt2) and nxt2 != "a"))
            and (nxt not in SEAT_WORDS or self._listed(doc, start, end))
        ) or GLUED_ROOM.match(nxt):
            return "room"  # "Giannone bay 15", "Avogadro rm827", "Johnson chair 9"
        if (nxt in POSSESSIVE and nxt2 in RELATIONS) or (
            nxt == "in"
            and (
                nxt2 in ROOM_WORDS | {"icu", "micu", "sicu", "ccu", "ed", "er"}
                or GLUED_ROOM.match(nxt2)
            )
        ):
            return "strong"
        if nxt in PRACTITIONER_AFTER or (nxt == "," and nxt2 in PRACTITIONER_AFTER):
            return "strong"
        if (
            id_label(nxt)
            or (nxt in {"is", "was", "has"} and id_label(nxt2))
            or (nxt, nxt2) == ("date", "of")  # "... date of birth 29 June 1957"
        ):
            return "strong"  # "holly hunt dob: ...", "roman traversa mrn#: ...", "X is mrn 123"
        if transfer_arrow(doc, end) or list_item_label(doc, start, end):
            return "strong"  # "Tesfaye -> Eastfield Regional", "- warsame: tsh 0.01"
        if (prev2, prev) in {
            ("who", "has"),
            ("who", "is"),
            ("who's", "got"),
            ("admitting", ""),
        } or prev in {"admitting", "re", "re:"}:
            return "strong"
        if (
            AGE_WORD.match(nxt)
            or nxt in {"aged", "age"}
            or (nxt.isdigit() and nxt2 in AGE_UNITS)
            or age_beside_sex(doc, end)
        ) and not (end - start == 1 and doc[start].lower_ in POPULATION_NOUNS):
            return "strong"  # not "Women aged 50-74": a population before its ages
        if nxt in {"no-showed", "noshowed"} or (nxt == "no" and nxt2 in {"showed", "show"}):
            return "strong"  # "Smith no-showed again": only a patient misses an appointment
        if staff and (
            prev in STAFF_BEFORE
            or (prev == "to" and prev2 in STAFF_BEFORE | {"out", "report", "handoff", "handover"})
            or (nxt, nxt2) in STAFF_AFTER_PAIRS
            # "Mary pls restock ...": "pls" before any word (not "Patience please, ...")
            or ((nxt, "") in STAFF_AFTER_PAIRS and nxt2.isalpha())
        ):
            return "strong"
        if prev in CUE_BEFORE or nxt in CUE_AFTER:
            return "weak"
        return ""

    def _listed(self, doc: Doc, start: int, end: int) -> bool:
        """Every word of doc[start:end] a listed name that is neither a word nor an eponym."""
        toks = [t for t in tokens(doc)[start:end] if alpha(t)]
        return bool(toks) and all(self.words.solid(t) for t in toks)

    def subtype(self, doc: Doc, start: int, end: int) -> str:
        prev = tokens(doc)[start - 1].lower_ if start > 0 else ""
        prev2 = tokens(doc)[start - 2].lower_ if start > 1 else ""
        nxt = tokens(doc)[end].lower_ if end < len(doc) else ""
        nxt2 = tokens(doc)[end + 1].lower_ if end + 1 < len(doc) else ""
        if (
            prev in PRACTITIONER_BEFORE
            or (prev == "." and prev2 in {"dr", "prof"})
            or prev2 in {"dr", "dr."}
        ):
            return "PRACTITIONER"
        if nxt in PRACTITIONER_AFTER or (nxt == "," and nxt2 in PRACTITIONER_AFTER):
            return "PRACTITIONER"
        if prev in RELATIONS and prev not in {
            "labs",
            "room",
            "bed",
            "chart",
            "meds",
            "case",
            "note",
            "notes",
        }:
            return "RELATIVE"
        if self.staff.knows([t.text for t in tokens(doc)[start:end] if alpha(t)]):
            return "PRACTITIONER"  # a member of the workspace
        # "Can IR do a drain on Graham over the weekend?", "thanks Kaja": phrasing cannot tell a
        # colleague from a patient, and guessing "colleague" fails open; so an untitled name
        # that is not a member's is the patient's (a direct identifier)
        return "PATIENT"


_SEAT_LIST_KEY = "phiwarden.seat_list"


def seat_list(doc: Doc) -> bool:
    """Whether the message lists two seats or more with their marks ("chair 6 X, chair 7 Y",
    "stn 12 X / stn 13 Y"), as a board assigns patients to them; kept on the doc."""
    hit = doc.user_data.get(_SEAT_LIST_KEY)
    if hit is None:
        n = len(doc)
        hit = doc.user_data[_SEAT_LIST_KEY] = (
            sum(
                1
                for i, t in enumerate(tokens(doc)[:-1])
                if t.lower_ in SEAT_WORDS
                and i + 1 < n
                and (
                    tokens(doc)[i + 1].like_num
                    or ROOM_LETTER.fullmatch(tokens(doc)[i + 1].text) is not None
                )
            )
            >= 2
        )
    return bool(hit)


def asked_about(doc: Doc, start: int) -> bool:
    """ "paged about X", "asking for X", "SBAR for X": a strong cue for a name, though a test or
    a sign is asked about and for too ("asking for Leopold maneuvers results")."""
    prev, prev2 = neighbours(doc, start, -1)
    return prev == "about" or (prev == "for" and prev2 in FOR_PERSON)
