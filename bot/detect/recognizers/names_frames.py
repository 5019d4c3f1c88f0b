"""Names read by the verb frame around them, and nicknames in quotes inside a name.

Scheduling and hand-off chat names patients as the object of a handful of verbs ("bump okafor
to the 2nd case", "swap lake and Tululy", "give rose her Norco", "saw grace in holding") or in
a question about them ("is kariuki still on the board", "PACU says black is ready"), often in
lower case and often by a surname alone. A word no list knows is a name there in any case; a
listed name that is also an English word ("rose", "grace", "hunter") only where the frame is a
person's on both sides (a pronoun or preposition after it). Composed into `NameRecognizer`.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    ID_LABELS,
    ROOM_LETTER,
    SEPARATORS,
    Span,
    Tok,
    after_room,
    alpha,
    doc_text,
    sent_start,
    tokens,
)
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import DAYS, MONTHS, PARTICLES, ROOM_WORDS
from bot.detect.recognizers.names_words import NameWords, words_of

# Verbs whose object, in clinical operations chat, is a patient: "bump X to", "swap X and Y"
PERSON_OBJECT_VERBS = words_of(
    "bump bumped swap swapped move moved room roomed board boarded book booked add added "
    "schedule scheduled reschedule rescheduled prep prepped consent consented extubate "
    "extubated intubate intubated sedate sedated wake woke transport transported bring "
    "brought take took send sent put saw see seen discharge discharged admit admitted "
    "give gave got get"
)
_DAY_WORDS = DAYS | MONTHS
# What follows a person after those verbs: a preposition, a pronoun, "and", a clause's end
_AFTER_OBJECT = words_of(
    "to and in into out up back first from for off over onto at her his him their , . ? ! ;"
) | {""}
# Ditransitive verbs take a drug or a thing as often as a person: the person needs a pronoun after
_DITRANSITIVE = words_of("give gave got get bring brought send sent take took put")
_PRONOUN_AFTER = words_of("her his him their")
# "is kariuki still on the board", "was mensah ever seen": a question about a person
_QUESTION_AFTER = words_of("still already ever back awake up done ready due going coming here")
# "PACU says black is ready", "anesthesia thinks mensah can go": a report about a person
_REPORT_BEFORE = words_of("says said thinks thought reports reported confirms confirmed")
_REPORT_AFTER = words_of("is was has had can can't needs wants will should")
QUOTES = frozenset({'"', "'", "“", "”", "‘", "’", "`"})
_NUMBER_LABELS = ID_LABELS | words_of("mrn# mr# case acct# fin# csn#")
_QUESTION_BEFORE = words_of("is was has did does")
_TRIGGERS = PERSON_OBJECT_VERBS | _QUESTION_BEFORE | _REPORT_BEFORE
# What a patient does, after the name that opens a clause ("X asking for", "X pulled her IV")
_PATIENT_VERBS = words_of(
    "asking keeps kept pulled pulling refusing refused fell desatted spiked vomited coded "
    "removed ripped yelling crying screaming"
)
# What a patient has, undergoes or is, right after the surname that opens a clause in unit
# chatter ("Okafor labs pending", "Williams PD training moved", "lindqvist dizzy after the
# Reclast"): a word no list knows, or a listed name that is not also a word, is the patient
_PATIENT_THINGS = words_of(
    "labs counts port picc hickman line lines bloods cultures consent chart vitals obs sats "
    "pd hd training teaching dressing wristband transport ride family daughter son wife husband "
    "dizzy nauseous nauseated vomiting reacted reacting tolerated tolerating febrile hypotensive "
    "tachy sleepy drowsy anxious tearful teary flushed itchy wheezy rigors"
)
# The same after a word a drug's brand opens a clause with as often ("Entyvio infusion at 2",
# "Venofer premeds"): only a listed name that is not a word ("Nguyen infusion is Tues")
_PATIENT_OR_DRUG_THINGS = words_of(
    "infusion infusions premeds premed chemo cycle iron rate titration reaction needs wants "
    "cold appointment appt slot f/u"
)
# Services and therapies that open a clause before the same words ("Chemo teaching done",
# "Ortho consent signed"): no list here knows them as words
_SERVICE_WORDS = words_of(
    "chemo chemotherapy radiation rads onc oncology ortho neuro psych cardio cardiology derm "
    "gyn uro peds nephro heme rheum endo pulm rehab palliative hospice biologic biologics "
    "immunotherapy immuno transfusion dialysis"
)
# "X in bay 4", "X at chair 6": where a patient sits
_PLACED_IN = frozenset({"in", "at", "on"})
# "Yayatenang type and screened", "Hull T&S": a blood-bank order names its patient
_ORDER_AFTER = words_of("t&s g&s")
_TYPE_AND_SCREEN = [["and", "screen"], ["and", "screened"], ["and", "cross"], ["and", "crossed"]]
# "reviewed kotsaopruemmam with dr X": whom a round reviews with a colleague
_REVIEW_VERBS = words_of("reviewed review reviewing discussed discuss")
# "Taufa going to St Catherine's": a patient on the move
_GOING = words_of("going gone went headed heading off")
# "Joel, your fitting is moved": a message that addresses its reader by name
_SECOND_PERSON = words_of("you your you're you've you'll you'd u ur yours")
# words that open such a sentence as often, and are listed first names too
_NOT_ADDRESSED = words_of("hope will may mark bill pat sue say see")
# What opens a clause before the surname: a bracket, a comma, a room ("chair 6 okafor labs")
_CLAUSE_OPENERS = frozenset({",", ";", "(", ")", "/", "|", "-", "—", ":", "•", "*"})
# Verbs of the unit's hands-on work whose object is the patient ("hold Okafor,", "re-access
# Lindqvist?", "moving Hall from bay 2"); "hold" and "flush" take a drug or a line as often, so
# a word no list knows needs a pronoun or a question mark after it there
_CARE_VERBS = words_of("moving seating seated chairing")
_DRUG_OR_LINE_VERBS = words_of(
    "hold held access accessed reaccess re-access deaccess flush flushed"
)
_QUOTE_CHARS = re.compile("[\"'“”‘’`]")


def _opens_clause(tok: Tok, prev: str, inf: bool) -> bool:
    """Whether `tok` opens its sentence or a clause (after one of `_CLAUSE_OPENERS`, `prev`
    lower-cased) and is no short acronym where case means something (`inf`): "MRSA in bay 2",
    "ICU going to call" name a germ and a unit, not the patient a frame would make of them."""
    return (sent_start(tok) or prev in _CLAUSE_OPENERS) and not (
        inf and tok.text.isupper() and len(tok.text) <= 4
    )


class NameFrames:
    """Spans for single names in verb frames, and quoted nicknames joined to their name."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.cues = cues

    def _candidate(self, tok: Tok, strict: bool) -> bool:
        """A word that could be a name here: unknown and name-shaped, or a listed name (one
        that is also an English word only when the frame is `strict`)."""
        if not alpha(tok) or tok.is_stop or tok.lower_ in MONTHS or tok.lower_ in PARTICLES:
            return False
        if self.words.nameish(tok):
            return True
        lex = self.words.lex
        if not lex.is_name(tok.text) or lex.is_eponym(tok.text):
            return False
        return strict or not lex.is_english(tok.text)

    def spans(self, doc: Doc, inf: bool) -> list[Span]:
        out: list[Span] = []
        toks = tokens(doc)
        n = len(toks)
        texts = [t.text for t in toks]
        lows = [s.lower() for s in texts]
        for i in range(n):
            prev, before = (lows[i - 1], texts[i - 1]) if i else ("", "")
            # only a trigger word or a number (or a separator) before can open a frame: the
            # cheap test first, since most words have neither (issue 13's cost per message)
            slot = before in SEPARATORS or (
                not before.isalpha() and any(c.isdigit() for c in before)
            )
            nxt = lows[i + 1] if i + 1 < n else ""
            if (
                (nxt in _PLACED_IN and self._placed(toks, i, prev, inf))
                or (nxt == "," and self._addressed(toks, i))
                or ((nxt in _ORDER_AFTER or nxt == "type") and self._ordered_for(lows, toks, i))
                or (nxt == "with" and prev in _REVIEW_VERBS and self._candidate(toks[i], False))
                or (nxt in _GOING and self._going(lows, toks, i, prev, inf))
            ):
                out.append((i, i + 1, 0.6, "PATIENT"))
                continue
            if (
                prev not in _TRIGGERS
                and not slot
                and nxt not in _PATIENT_VERBS
                and nxt not in _PATIENT_THINGS
                and nxt not in _PATIENT_OR_DRUG_THINGS
                and prev not in _CARE_VERBS
                and prev not in _DRUG_OR_LINE_VERBS
                and prev != "taking"
            ):
                continue
            tok = toks[i]
            if not alpha(tok) or (inf and texts[i].isupper() and len(texts[i]) <= 3):
                continue  # an acronym where case means something
            prev2 = lows[i - 2] if i > 1 else ""
            if (
                self._object(tok, prev, nxt)
                or self._question(tok, prev, prev2, nxt, i)
                or (prev in _REPORT_BEFORE and nxt in _REPORT_AFTER and self._candidate(tok, True))
                or (nxt in _PATIENT_VERBS and self._subject(tok, prev, inf))
                or self._thing_subject(doc, tok, i, prev, nxt, inf)
                or self._care_object(toks, tok, i, prev, nxt, inf)
            ):
                out.append((i, i + 1, 0.6, self.cues.subtype(doc, i, i + 1)))
            elif slot and self._after_number(toks, i) and self._candidate(tok, False):
                out.append((i, i + 1, 0.6, "PATIENT"))  # "case mrn 0517588 möny moved to OR 6"
            elif slot and self.words.nameish(tok) and after_room(doc, i):
                out.append((i, i + 1, 0.6, "PATIENT"))  # "holding 4 jelimumi, holding 5 Ojo"
        return out

    def _placed(self, toks: list[Tok], i: int, prev: str, inf: bool) -> bool:
        """ "muguras in Bay 19 wants a blanket", "okonjo in chair 6 asking": a word no list
        knows, opening a clause, put in a numbered seat is the patient sitting there."""
        if i + 3 >= len(toks) or toks[i + 2].lower_ not in ROOM_WORDS:
            return False
        seat = toks[i + 3].text
        if not (any(c.isdigit() for c in seat) or ROOM_LETTER.fullmatch(seat)):
            return False
        tok = toks[i]
        return not tok.is_stop and _opens_clause(tok, prev, inf) and self.words.nameish(tok)

    def _ordered_for(self, lows: list[str], toks: list[Tok], i: int) -> bool:
        """ "Dr Mohamed wants Yayatenang type and screened", "Hull T&S before we roll back":
        whom a blood-bank order is for."""
        if lows[i + 1] == "type" and lows[i + 2 : i + 4] not in _TYPE_AND_SCREEN:
            return False
        tok = toks[i]
        return not tok.is_stop and tok.lower_ not in _SERVICE_WORDS and self._candidate(tok, True)

    def _going(self, lows: list[str], toks: list[Tok], i: int, prev: str, inf: bool) -> bool:
        """ "Taufa going to St Catherine's for PCI", "obi went to cath": a patient who opens a
        clause and goes somewhere; a word no list knows, or a listed name that is no word."""
        if i + 2 >= len(lows) or lows[i + 2] != "to":
            return False
        tok = toks[i]
        if tok.lower_ in _SERVICE_WORDS or not _opens_clause(tok, prev, inf):
            return False
        return self._candidate(tok, False)

    def _addressed(self, toks: list[Tok], i: int) -> bool:
        """ "Joel, your fitting is moved", "Paca, you are booked for 3": the person a reminder
        or a text message opens by addressing, before "you" or "your"."""
        if i + 2 >= len(toks) or toks[i + 2].lower_ not in _SECOND_PERSON:
            return False
        tok = toks[i]
        if not (sent_start(tok) and tok.text[:1].isupper()) or tok.lower_ in _NOT_ADDRESSED:
            return False
        if tok.is_stop or tok.lower_ in _DAY_WORDS:
            return False
        lex = self.words.lex
        return self.words.nameish(tok) or (lex.is_first(tok.text) and not lex.is_eponym(tok.text))

    def _object(self, tok: Tok, prev: str, nxt: str) -> bool:
        if prev not in PERSON_OBJECT_VERBS or nxt not in _AFTER_OBJECT:
            return False
        if prev in _DITRANSITIVE:
            return nxt in _PRONOUN_AFTER and self._candidate(tok, True)
        strict = nxt in _PRONOUN_AFTER or nxt in {"and", "to", "in", "first", "back"}
        return self._candidate(tok, strict)

    def _question(self, tok: Tok, prev: str, prev2: str, nxt: str, i: int) -> bool:
        """ "is kariuki still on the board?", "has mensah already had his versed"."""
        if prev not in _QUESTION_BEFORE or nxt not in _QUESTION_AFTER:
            return False
        opens = i == 1 or sent_start(tokens(tok.doc)[i - 1]) or prev2 in {",", "so", "and", "but"}
        return opens and self._candidate(tok, True)

    def _subject(self, tok: Tok, prev: str, inf: bool) -> bool:
        """ "family is in the waiting room, hunter asking for an update", "Marc pulled her IV":
        a given name opening a clause before what a patient does, even a name that is a word."""
        if not (prev in {",", ";"} or sent_start(tok)) or tok.is_stop:
            return False
        if inf and not tok.text[:1].isupper():
            return False
        lex = self.words.lex
        return self.words.nameish(tok) or (lex.is_first(tok.text) and not lex.is_eponym(tok.text))

    def _opens_clause(self, doc: Doc, tok: Tok, prev: str) -> bool:
        return sent_start(tok) or prev in _CLAUSE_OPENERS or after_room(doc, tok.i, seats=True)

    def _thing_subject(self, doc: Doc, tok: Tok, i: int, prev: str, nxt: str, inf: bool) -> bool:
        """ "Okafor labs pending", "stewart PD training moved", "(chair 9) Lindqvist dizzy": a
        surname opening a clause before what a patient has or is."""
        if nxt not in _PATIENT_THINGS and nxt not in _PATIENT_OR_DRUG_THINGS:
            return False
        if tok.is_stop or (inf and not tok.text[:1].isupper()) or tok.lower_ in _DAY_WORDS:
            return False
        if not self._opens_clause(doc, tok, prev) or self.words.clinical_next(doc, i + 1):
            return False
        if self.words.solid(tok):
            return True  # a listed name that is neither an ordinary word nor an eponym
        return (
            nxt in _PATIENT_THINGS and self.words.nameish(tok) and tok.lower_ not in _SERVICE_WORDS
        )

    def _care_object(
        self, toks: list[Tok], tok: Tok, i: int, prev: str, nxt: str, inf: bool
    ) -> bool:
        """ "hold Okafor, ANC 0.7", "re-access lindqvist?", "moving Hall from bay 2", "who is
        taking Mensah?": the patient as the object of the unit's hands-on work."""
        if inf and not tok.text[:1].isupper():
            return False
        if nxt not in _AFTER_OBJECT or tok.lower_ in _DAY_WORDS:
            return False
        if prev == "taking":  # "who is taking X?", "who's taking X": not "is she taking Eliquis"
            lows = [t.lower_ for t in toks[max(0, i - 3) : i - 1]]
            if lows[-1:] not in (["is"], ["'s"]) or "who" not in lows:
                return False
            return self._candidate(tok, False)
        if prev in _CARE_VERBS:
            return self._candidate(tok, nxt in _PRONOUN_AFTER or nxt in {"from", "to", "and"})
        if prev not in _DRUG_OR_LINE_VERBS:
            return False
        if self.words.solid(tok):
            return True  # "hold Nguyen, counts low": a listed name that is no word
        return self.words.nameish(tok) and nxt in _PRONOUN_AFTER | {"?"}

    @staticmethod
    def _after_number(toks: list[Tok], i: int) -> bool:
        """The word right after an identifier's value: "mrn#: 94375121 relae"."""
        if not any(c.isdigit() for c in toks[i - 1].text) or i < 2:
            return False
        j = i - 2
        while j >= 0 and toks[j].text in {":", "#", "-"}:
            j -= 1
        return j >= 0 and toks[j].lower_.rstrip(":#") in _NUMBER_LABELS

    def nicknames(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """`Robert "Bobby" Okafor`, `"Sunny" Wood`: a quoted word inside or just before a
        name belongs to it; found apart, the nickname (and the other half) stayed visible."""
        if not _QUOTE_CHARS.search(doc_text(doc)):
            return []
        toks = tokens(doc)
        n = len(toks)
        out: list[Span] = []
        for i in range(n - 2):
            if toks[i].text not in QUOTES or toks[i + 2].text not in QUOTES:
                continue
            nick = toks[i + 1]
            if not alpha(nick) or not (nick.text[:1].isupper() or nick.text.islower()):
                continue
            before = next((s for s in spans if s[1] == i), None)
            after = next((s for s in spans if s[0] == i + 3), None)
            right = i + 3 < n and self._name_word(toks[i + 3])
            left = i > 0 and self._name_word(toks[i - 1])
            if before and (after or right):
                end = after[1] if after else i + 4
                out.append((before[0], end, max(before[2], 0.7), before[3]))
            elif after:
                out.append((i - 1 if left else i, after[1], max(after[2], 0.7), after[3]))
            elif right and (left or nick.text[:1].isupper()):
                start = i - 1 if left else i
                out.append((start, i + 4, 0.7, self.cues.subtype(doc, start, i + 4)))
        return out

    def _name_word(self, tok: Tok) -> bool:
        return alpha(tok) and (self.words.nameish(tok, 3) or self.words.lex.is_name(tok.text))
