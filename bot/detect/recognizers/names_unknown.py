"""Names no lexicon knows: judged by shape and position, not by lookup.

The gazetteer can never list every name ("Yohannes Tesfaye", "keoni kahananui"), but a word that
is neither English, nor a clinical term, nor a drug, in a person's position, is a name far more
often than anything else in clinical chat. Composed into `NameRecognizer`; its rules add spans
that the lexicon-based sources miss:

- two or more unknown name-shaped words in a row, in a message about patient care;
- "LAST, FIRST" banners made of unknown words at a line or record start;
- an unknown word before a possessive ("Keoni's mom", "Kummo's Foley"), or after "the" and
  before "family";
- a capitalised unknown word mid-sentence next to a cue verb ("Yohannes is precepting");
- the second person of "Dr X and Y";
- a Vietnamese given name after a middle name ("nguyễn văn an"), even when it is an English word.
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
    DAYS,
    MONTHS,
    RELATIONS,
    STAFF_BEFORE,
    fold,
)
from bot.detect.recognizers.names_words import NameWords, words_of

# Vietnamese (and a few Korean) middle names: the word after one is the given name.
# A dose right after a word ("Venofer 100 mg x 5", "Sensipar 30 mg", "Epogen 4000 units"): the
# word is a drug's brand, which no list here can hold all of; not after a verb of giving,
# where the word is who got it ("gave Okafor 4 mg")
_DOSE_AFTER = re.compile(
    r"[ \t]*\d[\d,.]*[ \t]*(?:mg|mcg|µg|ug|gm?|units?|iu|ml|meq|mmol|mg/kg|mcg/kg|puffs?|tabs?|caps?|%)\b",
    re.IGNORECASE,
)
_GIVEN_BEFORE = words_of("gave give giving given gives got bolused pushed dosed hung started")
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
# Each run starts where its characters start and is bounded (an address's local part is at
# most 64 characters, a host name 253): unbounded, every start inside a long word re-read the
# rest of it, which made a scan quadratic in its length.
_LINK = re.compile(
    r"(?<![\w.+-])(?P<part>[\w.+-]{1,64})@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}"
    r"|https?://(?:www\.)?[\w.-]{1,253}/(?P<part2>[\w./-]{1,200})"
    r"|(?<![\w.-])(?:www\.)?(?:facebook|instagram|gofundme|linkedin|twitter|x|tiktok)\.com/(?P<part3>[\w./-]{1,200})"
)
_LINK_SPLIT = re.compile(r"[._+/\-\d]+")
_LINK_WORDS = frozenset(
    {
        "www",
        "com",
        "org",
        "net",
        "help",
        "recovery",
        "family",
        "fund",
        "the",
        "for",
        "and",
        "page",
        "profile",
        "blog",
        "blogspot",
        "http",
        "https",
        "gmail",
        "yahoo",
        "hotmail",
        "outlook",
        "mail",
        "email",
        "info",
        "contact",
        "admin",
        "support",
        "team",
        "office",
        "clinic",
        "hospital",
        "health",
        "pharmacy",
        "nurse",
        "nursing",
        "patient",
        "patients",
        "care",
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


# what joins the names of a list ("Ruiz, Patel", "mokoena + kehukemai", "Kang & Swift")
_LIST_JOINS = frozenset({"and", "&", "+", ","})
# listed names that are far likelier the word between list items ("pt, new AF, will call")
NOT_LIST_NAMES = words_of("will may can mark sue bill said see new pat art all both none one")
# "Gold's Moa": the mark of a relative named by whose she is
_POSSESSIVES = frozenset({"'s", "’s"})
# who was spoken to before a relative named by whose she is ("spoke with okafor's daughter")
_CALLED_BEFORE = words_of("with to called rang phoned messaged texted paged")
_PERSON_BEFORE = frozenset({"and", "&", "with", "w/", "for", "to", "about", "see", "call"})
FAMILY_WORDS = frozenset({"family", "fam", "household", "kids", "parents", "clan"})


class UnknownNames:
    """Spans for names no list knows, judged with the shared word classes and cues."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.cues = cues

    @staticmethod
    def _same_shape(toks: list[Tok], inf: bool) -> bool:
        if all(t.text.istitle() or (t.text[:1].isupper() and not t.text.isupper()) for t in toks):
            return True
        if all(t.text.isupper() for t in toks) or all(t.text.islower() for t in toks):
            return not inf or all(t.text.isupper() for t in toks)
        return False

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
                self._same_shape(toks[i:end], inf)
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
            if comma.text != "," or not self._same_shape([a, b], inf) or a.lower_ in STAFF_BEFORE:
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

    def linked(self, doc: Doc) -> list[Span]:
        """ "Price says her old number is off, new email price.debra@wp.pl": a word that is also
        part of an email address or a social/fundraising link in the same message is a name."""
        links = list(_LINK.finditer(doc_text(doc)))
        if not links:
            return []
        parts = {
            fold(p)
            for m in links
            for p in _LINK_SPLIT.split(
                m.group("part") or m.group("part2") or m.group("part3") or ""
            )
            if len(p) >= 3
        } - _LINK_WORDS
        inside = {i for m in links for i in range(m.start(), m.end())}
        out: list[Span] = []
        for i, tok in enumerate(tokens(doc)):
            if fold(tok.text) not in parts or not alpha(tok) or tok.idx in inside:
                continue
            if self.words.lex.is_name(tok.text) or self.words.nameish(tok, 3):
                out.append(
                    (i, i + 1, 0.7, "PATIENT")
                )  # whose personal address is being passed around
        return out

    def coordinated(self, doc: Doc, spans: list[Span], inf: bool) -> list[Span]:
        """ "Dr Gachenuuri and Khogar": the word after "and" shares the name's reading; and in a
        list of surnames ("beds 3/4: Ruiz, Patel", "mokoena + kehukemai", "Kang, Swift,
        Kimura") each word beside a name, before it or after it, is one too, even a listed name
        that is also a word ("Swift", "Gold"), where the list's shape says it is a list."""
        taken = {k for start, end, _, _ in spans for k in range(start, end)}
        out: list[Span] = []
        frontier = list(spans)
        while frontier:
            grown: list[Span] = []
            for start, end, score, subtype in frontier:
                for joint, k in ((end, end + 1), (start - 1, start - 2)):
                    if k in taken or not 0 <= k < len(doc) or not 0 <= joint < len(doc):
                        continue
                    if self._list_member(doc, start, end, joint, k, inf):
                        taken.add(k)
                        grown.append(
                            (
                                k,
                                k + 1,
                                score if subtype == "PRACTITIONER" else min(score, 0.7),
                                subtype,
                            )
                        )
            out += grown
            frontier = grown
        return out

    def _list_member(self, doc: Doc, start: int, end: int, joint: int, k: int, inf: bool) -> bool:
        """Whether doc[k], joined by doc[joint] to the name doc[start:end], is a name of the
        same list."""
        toks = tokens(doc)
        tok, sep = toks[k], toks[joint].lower_
        if sep in _POSSESSIVES:
            called = k > 1 and toks[k - 1 if k < joint else start - 1].lower_ in _CALLED_BEFORE
            if k < joint:
                return self._owner(tok, inf, called)
            # "spoke with chukwu's noshutim at ...": whom the unit spoke to is a person
            return called and self.words.nameish(tok) and self._same_shape([toks[start], tok], inf)
        if sep not in _LIST_JOINS or self.words.clinical_next(doc, k + 1):
            return False
        # the reading of "and": the next word shares the name's reading
        if (
            sep in {"and", "&"}
            and k > joint
            and (self.words.nameish(tok) or self.words.solid(tok))
            and (
                self._same_shape([toks[start], tok], inf)
                # "swap baseer and Tululy": a capitalised unknown word is a name anyway
                or (tok.text.istitle() and self.words.nameish(tok))
            )
        ):
            return True
        # a list of single surnames: the name beside the joint is a single word too
        if end - start != 1 or not self._same_shape([toks[start], tok], inf):
            return False
        if not (self._list_shaped(doc, min(start, k), max(start, k)) or sep in {"+", "&"}):
            return False
        if self.words.nameish(tok) or self.words.solid(tok):
            return True
        # a listed name that is also a word ("Swift", "Gold", "King") only inside a list's
        # joints: "+"/"&", or a joint on both sides of it, or a list opened by a bed's number
        lex = self.words.lex
        return (
            alpha(tok)
            and len(tok.text) >= 3
            and lex.is_name(tok.text)
            and tok.lower_ not in NOT_LIST_NAMES
            and not lex.is_eponym(tok.text)
        )

    def _owner(self, tok: Tok, inf: bool, called: bool = False) -> bool:
        """ "Gold's Moa is staying", "Love's Drew": whose relative a found name is, a name
        too, even one that is also a word; not "the patient's Maria", "Parkinson's", "Monday's".
        After a call ("spoke with frost's jorge") a listed name in lower case is one too."""
        lex = self.words.lex
        if not alpha(tok) or len(tok.text) < 3 or tok.is_stop or lex.is_eponym(tok.text):
            return False
        if (
            tok.lower_ in DAYS
            or tok.lower_ in MONTHS
            or tok.lower_ in RELATIONS
            or tok.lower_ in FAMILY_WORDS
        ):
            return False
        if self.words.nameish(tok) or self.words.solid(tok):
            return not inf or tok.text[:1].isupper() or tok.text.islower()
        # a listed name that is also a word only written as a name is ("Gold", not "gold")
        return (
            (tok.text[:1].isupper() or (called and tok.text.islower()))
            and lex.is_name(tok.text)
            and tok.lower_ not in NOT_LIST_NAMES
        )

    @staticmethod
    def _list_shaped(doc: Doc, first: int, last: int) -> bool:
        """Whether the two words doc[first] and doc[last] (with one joint between) stand in a
        list: opened by a colon, a dash, an equals sign or a bed's number, or closed by another
        joint ("Kang, Swift, Kimura")."""
        toks = tokens(doc)
        before = toks[first - 1].text if first > 0 else ""
        after = toks[last + 1].lower_ if last + 1 < len(doc) else ""
        return (
            before in {":", "-", "=", "–", "—"}
            or any(c.isdigit() for c in before)
            or before.lower() in _LIST_JOINS
            or after in _LIST_JOINS
        )

    def repeated(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "Mrs Nguyen in bay 3, daughter of nguyen called": a patient's or a relative's name
        found once is a name wherever else the message writes it. A name that is also a word
        ("Rose", "Hope") only in the very spelling found and capitalised ("BP rose to 180")."""
        toks = tokens(doc)
        named: dict[str, tuple[str, float]] = {}
        for start, end, score, subtype in spans:
            if subtype == "PRACTITIONER":
                continue
            for tok in toks[start:end]:
                if alpha(tok) and len(tok.text) >= 3 and not tok.is_stop:
                    named.setdefault(fold(tok.text), (tok.text, score))
        if not named:
            return []
        taken = {k for start, end, _, _ in spans for k in range(start, end)}
        lex = self.words.lex
        out: list[Span] = []
        for k, tok in enumerate(toks):
            hit = named.get(fold(tok.text)) if k not in taken and alpha(tok) else None
            if hit is None or self.words.clinical_next(doc, k + 1):
                continue
            spelt, score = hit
            if (lex.is_english(tok.text) or lex.is_ambiguous(tok.text)) and (
                tok.text != spelt or not spelt[:1].isupper()
            ):
                continue
            out.append((k, k + 1, min(score, 0.7), self.cues.subtype(doc, k, k + 1)))
        return out

    @staticmethod
    def trim_month(doc: Doc, span: Span) -> Span | None:
        """ "Wilkinson, Alexandra Sep 4 2023": the month that ends a name span starts the date."""
        start, end, score, subtype = span
        if (
            end - start >= 2
            and tokens(doc)[end - 1].lower_.rstrip(".") in MONTHS
            and end < len(doc)
            and tokens(doc)[end].like_num
        ):
            end -= 1
            while end > start and not alpha(tokens(doc)[end - 1]):
                end -= 1
        return (start, end, score, subtype) if end > start else None

    def middle_name_tail(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "dr. nguyen văn an": a listed given name right after a middle name joins the span,
        even when it is also an English word."""
        out: list[Span] = []
        for start, end, score, subtype in spans:
            if (
                end < len(doc)
                and fold(tokens(doc)[end - 1].text) in MIDDLE_NAMES
                and alpha(tokens(doc)[end])
                and self.words.lex.is_name(tokens(doc)[end].text)
                and tokens(doc)[end].text.islower() == tokens(doc)[end - 1].text.islower()
            ):
                out.append((start, end + 1, score, subtype))
        return out
