"""How far a found name reaches: the parts of it that forms and letters write around the part found.

Forms, slips and letters write more of a name than chat does: initials before the surname
("V. O. Ngubeni"), a middle initial after "Last, First" ("Adoma, Hannah R."), a hyphened second half ("NISTOR-POP", "Park, Jung-su", "ya-wen
weng"), a capitalised particle before it ("Abina Ó Fiaich", "Ó CRÉAGÁIN, Basil"), the surname
in capitals before "First M." ("VOVK, Zakhar O.") and the given name after it ("DHADHO, Vasiliy
P."), and in lower case the given name before a found surname ("jaime posada"). A span found on
one part leaves the rest in the redacted text (a Safe Harbor leak); here it grows over them.
Each step looks only at the token next to the edge and takes it only in the name's own shape.
(A second surname and a generational suffix after a whole name are the engine's, in
`bot.detect.name_edges`.)
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import (
    INITIAL,
    SEPARATORS,
    Span,
    Tok,
    alpha,
    dedupe,
    tokens,
)
from bot.detect.recognizers.names_lexicon import FORM_LABELS, PARTICLES, Lexicon
from bot.detect.recognizers.names_words import NOT_NAMES, words_of

# particles that open a surname (Irish and Scottish ones beside those `PARTICLES` lists)
LEADING_PARTICLES = PARTICLES | words_of("ó o ní nic uí ua bean mhic d' o' ten ter")


def _glued(a: Tok, b: Tok) -> bool:
    return not a.whitespace_ and a.i + 1 == b.i


def _same_shape(part: Tok, other: Tok, lex: Lexicon) -> bool:
    """`other` is written as `part` is: both capitals, both lower case, or a capitalised part
    beside a capitalised or a short or unknown lower-case half ("Jung-su", not "Smith-like")."""
    if part.text.isupper() and len(part.text) > 1:  # "Ó" is written so in any case
        return other.text.isupper()
    if part.text.islower():
        return other.text.islower()
    if other.text[:1].isupper():
        return True
    return other.text.islower() and (len(other.text) <= 4 or not lex.is_english(other.text))


def _abbreviation(toks: list[Tok], k: int) -> bool:
    """ "Konto-Nr.", "Kd.-Nr.": a short word with its full stop, a label's end, not a name's."""
    tok = toks[k]
    return (
        len(tok.text) <= 3 and k + 1 < len(toks) and toks[k + 1].text == "." and not tok.whitespace_
    )


def capital_initial(tok: Tok) -> bool:
    return INITIAL.match(tok.text) is not None and tok.text[:1].isupper()


class NameReach:
    """Grows name spans over the parts of the name beside them."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    def widen(self, doc: Doc, spans: list[Span]) -> list[Span]:
        grown = [self._grow(doc, s) for s in spans]
        if grown == spans:
            return spans
        # "Abina" and "Ó Fiaich", touching once the particle is taken: one name
        merged: list[Span] = []
        for span in dedupe(grown):
            if merged and merged[-1][1] == span[0]:
                last = merged.pop()
                span = (last[0], span[1], max(last[2], span[2]), last[3])
            merged.append(span)
        return merged

    def _grow(self, doc: Doc, span: Span) -> Span:
        start, end, score, subtype = span
        while True:
            new_start = self._left(doc, start, end)
            new_end = self._right(doc, new_start, end)
            if (new_start, new_end) == (start, end):
                return (start, end, score, subtype)
            start, end = new_start, new_end

    def _left(self, doc: Doc, start: int, end: int) -> int:
        toks = tokens(doc)
        if start == 0:
            return start
        first, prev = toks[start], toks[start - 1]
        particle = first.lower_ in LEADING_PARTICLES
        opens = capital_initial(first) or particle or (alpha(first) and not first.text.islower())
        if capital_initial(prev) and opens:
            return start - 1  # "V. O. Ngubeni": the initials before the one found
        if (
            len(prev.text) == 1
            and prev.text.isupper()
            and prev.text not in {"I", "A"}
            and end - start == 1
            and not first.text.islower()
            and (start < 2 or toks[start - 2].text in SEPARATORS or toks[start - 2].like_num)
        ):
            return start - 1  # "bed 3 P Garety", "- R Okafor": a board's initial, no stop
        if (
            prev.text == "-"
            and start >= 2
            and _glued(toks[start - 2], prev)
            and _glued(prev, first)
            and alpha(toks[start - 2])
            and _same_shape(first, toks[start - 2], self.lex)
            and toks[start - 2].lower_ not in NOT_NAMES
        ):
            return start - 2  # "LI-HSUEH", "ya-wen": a hyphened given name's first half
        if (
            prev.lower_ in LEADING_PARTICLES
            and not prev.text.islower()
            and alpha(first)
            and not first.text.islower()
        ):
            return start - 1  # "Ó Fiaich", "Van Dyke": a surname's particle, capitalised
        if (
            prev.text == ","
            and start >= 2
            and self._caps_surname(toks[start - 2])
            and end - start >= 2
            and capital_initial(toks[end - 1])
        ):
            return start - 2  # "VOVK, Zakhar O.": the surname a form writes in capitals
        if (
            first.text.islower()
            and prev.text.islower()
            and alpha(prev)
            and prev.lower_ not in NOT_NAMES
            and not prev.is_stop
            and self.lex.is_first(prev.text)
            and not self.lex.is_english(prev.text)
            and not self.lex.is_ambiguous(prev.text)
        ):
            return start - 1  # "jaime posada": a given name before the surname found
        return start

    def _right(self, doc: Doc, start: int, end: int) -> int:
        toks = tokens(doc)
        if end >= len(toks):
            return end
        last, nxt = toks[end - 1], toks[end]
        after = toks[end + 1] if end + 1 < len(toks) else None
        if (
            nxt.text == "-"
            and after is not None
            and _glued(last, nxt)
            and _glued(nxt, after)
            and alpha(after)
            and alpha(last)
            and _same_shape(last, after, self.lex)
            and after.lower_ not in NOT_NAMES
            and not _abbreviation(toks, end + 1)
        ):
            return end + 2  # "NISTOR-POP", "Jung-su": the name's hyphened second half
        initial = self._board_initial(toks, start, end)
        if initial:
            return initial  # "Okafor, I.", "KEALOHA, K", "Nistor L.": a board's surname, initial
        comma_form = any(t.text == "," for t in toks[start:end])
        if capital_initial(nxt) and alpha(last) and (comma_form or self.lex.is_first(last.text)):
            return end + 1  # "Adoma, Hannah R.": the middle initial
        if (
            nxt.text == ","
            and not comma_form
            and all(t.text == "-" or self._caps_surname(t) for t in toks[start:end])
            and after is not None
            and end + 2 < len(toks)
            and alpha(after)
            and after.text.istitle()
            and not after.is_stop
            and after.lower_ not in FORM_LABELS
            and capital_initial(toks[end + 2])
        ):
            return end + 3  # "DHADHO, Vasiliy P.": the given name and initial after it
        return end

    def _caps_surname(self, tok: Tok) -> bool:
        return caps_surname(tok, self.lex)

    @staticmethod
    def _board_initial(toks: list[Tok], start: int, end: int) -> int:
        """The end past a given name's initial after a lone surname, as a bed board or a census
        prints it ("Okafor, I.", "RODRÍGUEZ, J to 4W", "Nistor L.", "winarsih, d."), or 0.

        With a full stop the letter is an initial in any case the surname is written in; with
        none only a capital after a comma, or before the line's end or a separator ("KEALOHA,
        K", "Garety P /"), since "Okafor, I think" and "Okafor A fib" are no initials."""
        last = toks[end - 1]
        if end - start != 1 or not alpha(last):
            return 0
        comma = toks[end].text == ","
        k = end + 1 if comma else end
        if k >= len(toks):
            return 0
        letter = toks[k]
        if INITIAL.match(letter.text):
            return k + 1 if letter.text.isupper() or last.text.islower() else 0
        if len(letter.text) != 1 or not letter.text.isalpha():
            return 0
        closes = k + 1 == len(toks) or toks[k + 1].text in SEPARATORS | {","}
        if letter.text.isupper():
            return k + 1 if closes or (comma and letter.text not in {"I", "A"}) else 0
        return k + 1 if closes and comma and last.text.islower() else 0


def caps_surname(tok: Tok, lex: Lexicon) -> bool:
    """A word in capitals that may be a form's surname: no label, no English word unlisted."""
    return (
        tok.text.isupper()
        and len(tok.text) >= 2
        and alpha(tok)
        and tok.lower_ not in NOT_NAMES
        and tok.lower_ not in FORM_LABELS
        and (lex.is_name(tok.text) or not lex.is_english(tok.text))
    )
