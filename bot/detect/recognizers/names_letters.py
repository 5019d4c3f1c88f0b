"""Names that letters, e-mails and phone slips frame: where the document's shape says "a person".

Chat names a person inside a sentence; correspondence names them in slots whose shape says so
whatever the words are, and which the sentence rules never see as cues:

- an e-mail address's display name ("From: SANG HUN KIM <sanghun.kim@...>", RFC 5322's
  `display-name <addr-spec>`), in a header or a quoted reply ("On ..., Ha Eun Kim <...> wrote:");
- the line under a closing ("Best wishes,\\nIda", "Signed,\\nHordiy Oberemko");
- a name before a bracketed kinship ("Left message with Faith (daughter)");
- a lower-case name opening a slip's line before what the caller did ("holly hawkins called re
  a refill").

In each slot a team or an office is as likely as a person ("Customer Service <noreply@...>",
"Regards,\\nBilling Office"), so a slot's words must all be name-shaped: listed names, unknown
words, initials, particles; none an English word that no list holds as a name, nor an office's.
Composed into `NameRecognizer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.gate_reading import may_hold
from bot.detect.recognizers.literal_gate import literal_gate
from bot.detect.recognizers.names_context import (
    INITIAL,
    Span,
    Tok,
    alpha,
    casing_informative,
    doc_text,
    tokens,
)
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import FACILITY_WORDS, fold
from bot.detect.recognizers.names_reach import LEADING_PARTICLES, capital_initial, caps_surname
from bot.detect.recognizers.names_words import NOT_NAMES, NameWords, words_of

_EMAIL = re.compile(r"<[^<>\s@]+@[^<>\s]+>")
# where a display name starts: a line, a header's colon, a list's comma or semicolon, "On <date>,"
_DISPLAY_OPEN = re.compile(r"(?:^|[\n:;,])[ \t\"']*$")
_CLOSING = re.compile(
    r"(?im)^[ \t]*(?:(?:kind|best|warm|warmest|with)[ \t]+regards|regards|best[ \t]+wishes|best"
    r"|all[ \t]+the[ \t]+best|many[ \t]+thanks|thanks|thank[ \t]+you|cheers|sincerely"
    r"|yours[ \t]+(?:sincerely|faithfully|truly)|sincerely[ \t]+yours|respectfully|cordially"
    r"|signed|take[ \t]+care|warmly|love)[ \t]*[,.!]?[ \t]*\n[ \t]*([^\n]{2,60}?)[ \t]*$"
)
# the kin a slip writes in brackets after a caller's name ("Faith (daughter)")
KIN = words_of(
    "daughter son wife husband mother mom mum father dad sister brother partner spouse carer "
    "caregiver guardian niece nephew aunt uncle cousin grandson granddaughter grandmother "
    "grandfather grandma grandpa friend neighbour neighbor poa fiance fiancee boyfriend "
    "girlfriend stepson stepdaughter stepmother stepfather sibling"
)
# a form's labels whose value is a person ("Policy holder: Sunny Day", "Signed: Hope Baker"),
# opening a line or a field of a row
_PERSON_LABEL = re.compile(
    r"(?im)(?:^|[ \t]{2,}|\t)[ \t]*(?:[-*•][ \t]*)?(?:full[ \t]+|patient(?:'s)?[ \t]+|caller(?:'s)?[ \t]+"
    r"|contact[ \t]+)?(?:name|patient|signed(?:[ \t]+by)?|signature|contact(?:[ \t]+person)?"
    r"|emergency[ \t]+contact(?:[ \t]+name)?|next[ \t]+of[ \t]+kin|nok|guarantor|guardian"
    r"|parent(?:/guardian)?|responsible[ \t]+party|(?:policy|account|card)[ \t]?holder"
    r"|subscriber(?:[ \t]+name)?|insured|member(?:[ \t]+name)?|beneficiary|recipient"
    r"|addressee|bill[ \t]+to|attn|attention|caller|sent[ \t]+by|completed[ \t]+by|witness"
    r"|interpreter|employee|applicant|claimant|spouse|carer|caregiver)[ \t]*(?::|[-–][ \t])"
    r"[ \t]*([^\n\t(;|<>\d]{2,60}?)(?=[ \t]{2,}|[\t(;|<>\d]|[ \t]*$)"
)
# what a caller did, after their name at a slip line's start
_CALLER_VERBS = words_of(
    "called phoned rang emailed e-mailed texted wrote faxed messaged came stopped dropped asked "
    "requested says said states stated wants needs left returned"
)
# words of a team's or an office's name, which a display name or a sign-off also holds
_OFFICE_WORDS = FACILITY_WORDS | words_of(
    "office team service services department dept desk billing scheduling records accounts "
    "support admin administration reception registration pharmacy lab laboratory portal "
    "noreply no-reply notifications customer patient patients relations front staff "
    "management information group unit practice surgery the of and"
)


# the label words one of which a person label needs, and its colon or dash: the pattern tries
# every line start and wide gap of every text, and most hold neither (issue 13)
_PERSON_LABEL_GATE = literal_gate(_PERSON_LABEL.pattern, _PERSON_LABEL.flags)
_LABEL_MARK = re.compile(r"[:\-–]")


def _label_values(text: str) -> Iterator[tuple[int, int]]:
    """Where each person label's value lies: up to the next field, "CHASE, Hunter" whole but
    "Nicola Holl, son, tel" only to its comma."""
    if _LABEL_MARK.search(text) is None or not may_hold(_PERSON_LABEL_GATE, text):
        return
    for m in _PERSON_LABEL.finditer(text):
        head, comma, rest = m.group(1).partition(",")
        rest = rest.split(",")[0]
        inverted = comma and " " not in head.strip() and rest.strip()[:1].isupper()
        yield m.start(1), m.start(1) + (len(head) + 1 + len(rest) if inverted else len(head))


class LetterNames:
    """Spans for the slots of correspondence that hold a person's name."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.cues = cues
        self.lex = words.lex

    def spans(self, doc: Doc) -> list[Span]:
        text = doc_text(doc)
        return [
            *self._display_names(doc, text),
            *self._sign_offs(doc, text),
            *self._before_kin(doc),
            *self._slip_callers(doc),
            *self._form_pairs(doc),
            *self._labelled(doc, text),
            *self._kin_apposition(doc),
        ]

    # --- slots -------------------------------------------------------------------------------
    def _display_names(self, doc: Doc, text: str) -> list[Span]:
        out: list[Span] = []
        for m in _EMAIL.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            head = text[line_start : m.start()]
            # the display name runs back to the header's colon or the reply's "On <date>,"
            cut = max(head.rfind(":"), head.rfind(";"), head.rfind(" wrote"))
            if "," in head[cut + 1 :] and not self._inverted(head[cut + 1 :]):
                cut = max(cut, head.rfind(","))
            start = line_start + cut + 1
            # a word the address also spells is the name's, even one that is an English word
            # ("SANG HUN KIM <sanghun.kim@...>")
            local = fold(m.group()[1:].split("@")[0])
            span = self._slot(doc, start, m.start(), spelt=local)
            if span:
                out.append(span)
        return out

    @staticmethod
    def _inverted(name: str) -> bool:
        """ "Leyva Rodríquez, Nancy A." is one name; "On 05/08/2026, Ha Eun Kim" is not."""
        before, _, after = name.partition(",")
        return not any(ch.isdigit() for ch in before) and bool(after.strip())

    def _sign_offs(self, doc: Doc, text: str) -> list[Span]:
        return self._slots(doc, ((m.start(1), m.end(1)) for m in _CLOSING.finditer(text)), 4)

    def _before_kin(self, doc: Doc) -> list[Span]:
        out: list[Span] = []
        toks = tokens(doc)
        inf = casing_informative(doc_text(doc))
        for k in range(1, len(toks) - 1):
            if toks[k].text != "(" or toks[k + 1].lower_ not in KIN:
                continue
            start = k
            while start > 0 and k - start < 4 and self._name_part(toks[start - 1], inf):
                start -= 1
            while start < k and not alpha(toks[start]):
                start += 1  # an initial or a particle does not open the span alone
            if start < k and self._name_words(toks[start:k], strict=False):
                out.append((start, k, 0.75, "RELATIVE"))
        return out

    def _slip_callers(self, doc: Doc) -> list[Span]:
        """ "holly hawkins called re a refill": a line opened by a lower-case given name and a
        surname, before what the caller did."""
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(toks) - 2):
            if i and not ("\n" in toks[i - 1].whitespace_ or toks[i - 1].is_space):
                continue
            end = i + 2 if i + 2 < len(toks) and toks[i + 2].lower_ in _CALLER_VERBS else i + 3
            if end >= len(toks) or toks[end].lower_ not in _CALLER_VERBS:
                continue
            run = toks[i:end]
            if not all(t.text.islower() and alpha(t) for t in run):
                continue
            if self.lex.is_first(run[0].text) and self._name_words(run[1:], strict=True):
                out.append((i, end, 0.7, self.cues.subtype(doc, i, end)))
        return out

    def _labelled(self, doc: Doc, text: str) -> list[Span]:
        return self._slots(doc, _label_values(text), 5)

    def _kin_apposition(self, doc: Doc) -> list[Span]:
        """ "spoke with her son, Jack, about the bill": a name set off by commas after a kin."""
        out: list[Span] = []
        toks = tokens(doc)
        for k in range(1, len(toks) - 2):
            if toks[k].text != "," or toks[k - 1].lower_ not in KIN:
                continue
            end = k + 1
            while (
                end < len(toks)
                and end - k <= 3
                and alpha(toks[end])
                and toks[end].text[:1].isupper()
            ):
                end += 1
            closed = end == len(toks) or toks[end].text in {",", ".", ";", ")"}
            if end > k + 1 and closed and self._name_words(toks[k + 1 : end], strict=False):
                out.append((k + 1, end, 0.75, "RELATIVE"))
        return out

    def _form_pairs(self, doc: Doc) -> list[Span]:
        """ "Guarantor: YUAN, Li J.": a form's surname in capitals, a comma, the given name and
        a middle initial, opening a line or a label's value; the shape alone says "a person"."""
        out: list[Span] = []
        toks = tokens(doc)
        for k in range(1, len(toks) - 2):
            given, initial = toks[k + 1], toks[k + 2]
            if toks[k].text != "," or not (given.text.istitle() and alpha(given)):
                continue
            if (
                given.is_stop
                or not capital_initial(initial)
                or not caps_surname(toks[k - 1], self.lex)
            ):
                continue
            start = k - 1
            while (
                start >= 2
                and toks[start - 1].text == "-"
                and caps_surname(toks[start - 2], self.lex)
            ):
                start -= 2  # "SZEKERES-JÓNÁS, Edit P."
            prev = toks[start - 1] if start else None
            if prev is None or prev.text == ":" or "\n" in prev.whitespace_ or prev.is_space:
                out.append((start, k + 3, 0.8, self.cues.subtype(doc, start, k + 3)))
        return out

    # --- judging a slot -----------------------------------------------------------------------
    def _slots(self, doc: Doc, ranges: Iterable[tuple[int, int]], max_words: int) -> list[Span]:
        return [span for a, b in ranges if (span := self._slot(doc, a, b, max_words))]

    def _slot(
        self, doc: Doc, start_char: int, end_char: int, max_words: int = 6, spelt: str = ""
    ) -> Span | None:
        toks = [t for t in tokens(doc) if t.idx >= start_char and t.idx + len(t.text) <= end_char]
        while toks and not (alpha(toks[0]) or INITIAL.match(toks[0].text)):
            toks = toks[1:]
        while toks and not (alpha(toks[-1]) or INITIAL.match(toks[-1].text)):
            toks = toks[:-1]
        if not toks or any(not self._slot_token(t) for t in toks):
            return None
        words = [t for t in toks if alpha(t)]
        if not words or len(words) > max_words:
            return None
        unspelt = [t for t in words if fold(t.text) not in spelt]
        named = [t for t in words if self._name_words([t], strict=False)]
        if not named or (unspelt and not self._name_words(unspelt, strict=False)):
            return None
        if any(t.lower_ in _OFFICE_WORDS for t in words):
            return None
        start, end = toks[0].i, toks[-1].i + 1
        return (start, end, 0.75, self.cues.subtype(doc, start, end))

    @staticmethod
    def _slot_token(tok: Tok) -> bool:
        return (
            alpha(tok)
            or INITIAL.match(tok.text) is not None
            or tok.text in {",", "-", "'", "’"}
            or tok.lower_ in LEADING_PARTICLES
        )

    def _name_part(self, tok: Tok, inf: bool) -> bool:
        if INITIAL.match(tok.text) or tok.lower_ in LEADING_PARTICLES:
            return True
        return alpha(tok) and (not inf or tok.text[:1].isupper()) and not tok.is_stop

    def _name_words(self, toks: list[Tok], strict: bool) -> bool:
        """Every word name-shaped, none an office's; `strict`: every one a listed or unknown
        name (else one may be a listed name that is also a word, as "Faith" or "Hunter")."""
        words = [t for t in toks if alpha(t) and t.lower_ not in LEADING_PARTICLES]
        if not words:
            return False
        for t in words:
            low = t.lower_
            if low in _OFFICE_WORDS or low in NOT_NAMES or t.is_stop:
                return False
            listed = self.lex.is_name(t.text)
            if not listed and not self.words.unknown(t):
                return False
            if strict and listed and self.lex.is_ambiguous(t.text):
                return False
        return True
