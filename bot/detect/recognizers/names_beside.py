"""Names beside the names already found: the other members of a list ("Dr Gachenuuri and
Khogar", "beds 3/4: Ruiz, Patel", "Gold's Moa"), the same name written again elsewhere in the
message, a Vietnamese given name after a middle name ("nguyễn văn an", even when it is an
English word) and the family name before one ("NGO Thi Mai", "Do Van Nam", even when it is
an acronym or a word), and a name span's closing month left to the date.

Each rule reads the spans the other sources found, so `NameRecognizer` runs these after them.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import Span, Tok, alpha, tokens
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_lexicon import (
    DAYS,
    MONTHS,
    RELATIONS,
    VIETNAMESE_SURNAMES,
    fold,
)
from bot.detect.recognizers.names_unknown import FAMILY_WORDS, MIDDLE_NAMES, same_shape
from bot.detect.recognizers.names_words import NameWords, words_of

# what joins the names of a list ("Ruiz, Patel", "mokoena + kehukemai", "Kang & Swift")
_LIST_JOINS = frozenset({"and", "&", "+", ","})
# listed names that are far likelier the word between list items ("pt, new AF, will call")
NOT_LIST_NAMES = words_of("will may can mark sue bill said see new pat art all both none one")
# "Gold's Moa": the mark of a relative named by whose she is
_POSSESSIVES = frozenset({"'s", "’s"})
# who was spoken to before a relative named by whose she is ("spoke with okafor's daughter")
_CALLED_BEFORE = words_of("with to called rang phoned messaged texted paged")


class NamesBeside:
    """Spans grown from the spans already found."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.cues = cues

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
            return called and self.words.nameish(tok) and same_shape([toks[start], tok], inf)
        if sep not in _LIST_JOINS or self.words.clinical_next(doc, k + 1):
            return False
        # the reading of "and": the next word shares the name's reading
        if (
            sep in {"and", "&"}
            and k > joint
            and (self.words.nameish(tok) or self.words.solid(tok))
            and (
                same_shape([toks[start], tok], inf)
                # "swap baseer and Tululy": a capitalised unknown word is a name anyway
                or (tok.text.istitle() and self.words.nameish(tok))
            )
        ):
            return True
        # a list of single surnames: the name beside the joint is a single word too
        if end - start != 1 or not same_shape([toks[start], tok], inf):
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

    def middle_name_head(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """ "Pt NGO Thi Mai", "Do Van Nam": a Vietnamese family name right before a span that
        opens with a middle name joins it, even when it is alone an acronym or an English word
        ("NGO", "Do"), written in capitals, in Title Case, or in lower case as the span is."""
        toks = tokens(doc)
        out: list[Span] = []
        for start, end, score, subtype in spans:
            if start == 0 or fold(toks[start].text) not in MIDDLE_NAMES:
                continue
            head, middle = toks[start - 1], toks[start]
            if "\n" in head.whitespace_ or fold(head.text) not in VIETNAMESE_SURNAMES:
                continue
            if head.text.islower() and not middle.text.islower():
                continue  # "do Thi Mai": the verb before a name, not her family name
            out.append((start - 1, end, score, subtype))
        return out
