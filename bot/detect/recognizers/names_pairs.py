"""Names written surname first with a comma: "Smith, John", "SMITH, JOHN A", "Price,Dawn",
"alert on adeyemi, mary, ...".

Records, lists and headings put the surname first; the comma pair is a name only where both
words can be names and the shape, the line's start or a cue before it says so ("Hope, Faith and
Charity" is a list of words). Composed into `NameRecognizer`.
"""

from __future__ import annotations

from spacy.tokens import Doc

from bot.detect.recognizers.names_context import Span, Tok, alpha, tokens
from bot.detect.recognizers.names_lexicon import FACILITY_WORDS, STAFF_BEFORE, US_STATES
from bot.detect.recognizers.names_unknown import middle_initial
from bot.detect.recognizers.names_words import NameWords

# Words a patient's "Last, First" follows mid-sentence: "alert on adeyemi, mary, ..."
_PAIR_BEFORE = frozenset({"on", "for", "re", "re:", "about", "pt", "patient", "admitting"})


class NamePairs:
    """ "Last, First" pairs, always a patient's."""

    def __init__(self, words: NameWords) -> None:
        self.words = words
        self.lex = words.lex

    def last_first(self, doc: Doc, inf: bool) -> list[Span]:
        out: list[Span] = []
        toks = tokens(doc)
        for i in range(len(doc) - 2):
            a, comma, b = toks[i], toks[i + 1], toks[i + 2]
            if comma.text != "," or not (alpha(a) and alpha(b)):
                continue
            if not (self.lex.is_name(a.text) or self.words.unknown(a)) or not self.lex.is_first(
                b.text
            ):
                continue
            if (
                a.lower_ in FACILITY_WORDS
                or b.lower_ in FACILITY_WORDS
                or a.lower_ in US_STATES
                or a.lower_ in STAFF_BEFORE  # "hey, centa nohlmans": a greeting, then the name
            ):
                continue
            same_shape = (a.text.isupper() and b.text.isupper()) or (
                a.text.istitle() and b.text.istitle()
            )
            lower_pair = a.text.islower() and b.text.islower()
            if (same_shape or lower_pair) and not a.whitespace_ and not comma.whitespace_:
                out.append((i, i + 3, 0.85, "PATIENT"))  # "Price,Dawn": a header's glued comma
                continue
            if (
                (same_shape or (lower_pair and (not inf or self._cued_pair(doc, i))))
                and (
                    self._record_start(doc, i)
                    or (self._cued_pair(doc, i) and not (lower_pair and self._both_words(a, b)))
                )
                and not (a.is_stop or b.is_stop)
                and not self._word_list(doc, i)
            ):
                # "Bell, Daisy insurance denied", "YOUNG, RAY is here": a record's opening
                # "Last, First" of two listed names, even names that are also words
                end = i + 3
                if end < len(doc) and middle_initial(toks[end], inf) and b.whitespace_:
                    end += 1  # "WILSON, HOWARD E MRN ...": the middle initial
                out.append((i, end, 0.8, "PATIENT"))
                continue
            if not (
                self.words.solid(a)
                or self.words.solid(b)
                or (
                    self.lex.is_name(a.text)
                    and self.lex.is_first(b.text)
                    and not self.lex.is_ambiguous(b.text)
                )
            ):
                continue
            same_shape = (a.text.isupper() and b.text.isupper()) or (
                a.text.istitle() and b.text.istitle()
            )
            if inf and not same_shape and not self._surname_header(doc, i):
                continue
            if (
                not inf
                and not (
                    (self.lex.is_name(a.text) or self.words.unknown(a)) and self.words.solid(b)
                )
                and not same_shape
            ):
                continue
            end = i + 3
            if end < len(doc) and alpha(toks[end]) and self.words.solid(toks[end]):
                end += 1
            elif end < len(doc) and middle_initial(toks[end], inf) and b.whitespace_:
                end += 1  # "SMITH, JOHN A checked in": the middle initial, no full stop
            out.append((i, end, 0.85, "PATIENT"))
        return out

    @staticmethod
    def _cued_pair(doc: Doc, i: int) -> bool:
        """ "alert on adeyemi, mary, Mallampati 4": "Last, First" after a word a patient follows
        and before a break (a comma, a bracket, a dash, a number, the end)."""
        prev = tokens(doc)[i - 1].lower_ if i > 0 else ""
        nxt = tokens(doc)[i + 3] if i + 3 < len(doc) else None
        return prev in _PAIR_BEFORE and (
            nxt is None or nxt.text in {",", "(", "-", ":", ";"} or nxt.like_num
        )

    def _both_words(self, a: Tok, b: Tok) -> bool:
        return self.lex.is_english(a.text) and self.lex.is_english(b.text)

    def _word_list(self, doc: Doc, i: int) -> bool:
        """ "Hope, Faith and Charity": two words that are also names, in a list of words."""
        english = self.lex.is_english
        nxt = tokens(doc)[i + 3].lower_ if i + 3 < len(doc) else ""
        return (
            english(tokens(doc)[i].text)
            and english(tokens(doc)[i + 2].text)
            and nxt in {",", "and", "&", "or", "/", "n"}
        )

    def _surname_header(self, doc: Doc, i: int) -> bool:
        """ "RE: KIM, Brandi DOB ...", "Patient: NGO, Sarah": a letter's or a form's heading
        writes the surname in capitals before the given name, also a short surname that
        elsewhere in mixed case reads as an acronym. Both must be listed as such (a surname, a
        given name) and the pair must open its line, perhaps after one label and its colon."""
        toks = tokens(doc)
        a, b = toks[i], toks[i + 2]
        if not (a.text.isupper() and len(a.text) >= 2 and b.text.istitle()):
            return False
        if not (self.lex.is_last(a.text) and self.lex.is_first(b.text)):
            return False
        labelled = i >= 2 and toks[i - 1].text == ":" and self._record_start(doc, i - 2)
        return labelled or self._record_start(doc, i)

    @staticmethod
    def _record_start(doc: Doc, i: int) -> bool:
        """doc[i] opens the message or a line (after a bullet or a label's colon at most)."""
        toks = tokens(doc)
        j = i - 1
        if j >= 0 and toks[j].text in {"-", "*", "•", ":"}:
            j -= 1
        return j < 0 or toks[j].is_space or "\n" in toks[j].whitespace_
