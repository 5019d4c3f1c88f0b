"""Names as a handover list's rows write them: the surname in capitals before the given name
("TE RANGI Aroha", "TUPOU, Sione", "EL-MASRI Omar"), or the surname and the given name's initial
("Potter C", "Te Whare R.", "Castillo Vega A", "Nguyen L").

A ward's list, a theatre list and a jobs list open each row with the patient, surname first,
and no title or cue word stands before it. The capitals mark the surname the way a registration
system prints it, so a capitalised surname of any origin (particles and all: "TE", "VAN DER",
"AL-", "BIN") before a given name a list knows, or one no vocabulary knows, is a name; and a
surname then one capital letter is how a list shortens the rest, so a listed surname (also one
that is an English word, "Potter") or a word no vocabulary knows, then a capital letter, then a
row's break or a lower-case word, is a name. Left alone: an acronym before a word ("NBM Monday",
"CT Head"), a place or class with its letter ("Ward C", "Group B strep", "Vitamin D levels") and
"I" before a word ("Potter I think"). Composed into `NameRecognizer`.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import Span, Tok, alpha, tokens
from bot.detect.recognizers.names_cues import NameCues
from bot.detect.recognizers.names_hyphenated import given_syllables
from bot.detect.recognizers.names_lexicon import MONTHS, PARTICLES, ROOM_WORDS
from bot.detect.recognizers.names_unknown import MIDDLE_NAMES, SUBJECT_VERBS
from bot.detect.recognizers.names_words import NOT_NAMES, NameWords, words_of

# Particles a surname in capitals opens with, the lexicon's and Māori "Te", Arabic "Abd"/"Abdel"
_PARTICLES = PARTICLES | words_of("te abd abdel abdul ould ten")
# What opens a row: a list's marker or break, a bed's number, a cue for whom a note is about
_ROW_MARKS = frozenset({"-", "*", "•", ":", "(", ",", ";", "|", "/", "–", ")", ">", "~"})
_ROW_CUES = words_of("pt patient re re: review reviewed see saw admitted admit list list:")
# Words that take a letter as a place, class or part does ("Ward C", "Group B", "Vitamin D"),
# some of them also listed surnames ("Ward", "Hall", "Page")
_LETTERED = ROOM_WORDS | words_of(
    "ward block list hall lane page wing unit level zone floor side group type plan stage grade "
    "class part tower gate row team area site section annex building theatre clinic suite hep "
    "hepatitis vitamin factor protein strep appendix option category phase schedule form box "
    "lead code band track exit entrance lot house court street road table figure north south east "
    "west twin baby patient pt mom dad case"
)
# What a row goes on with after its patient ("Potter C in bay 3", "Adebayo A for TTO")
_AFTER_ROW = SUBJECT_VERBS | words_of(
    "in for on to at needs need has had is was and with from bloods bed bay side room ward nbm "
    "post pre awaiting due seen review reviewed ready discharged admitted transferred"
)
_LETTER = re.compile(r"^[A-Z]\.?$")
_BREAKS = frozenset({",", ":", ";", "-", "(", ")", "/", "|", "–", "—"})


class NameRows:
    """Spans for a list row's surname and given name or initial."""

    def __init__(self, words: NameWords, cues: NameCues) -> None:
        self.words = words
        self.lex = words.lex
        self.cues = cues

    def spans(self, doc: Doc) -> list[Span]:
        toks = tokens(doc)
        out: list[Span] = []
        for i in range(len(toks)):
            if not _row_start(toks, i):
                continue
            end = self._caps_row(toks, i) or self._initial_row(toks, i)
            if end:
                out.append((i, end, 0.7, self.cues.subtype(doc, i, end)))
        return out

    # --- "TE RANGI Aroha", "TUPOU, Sione" -------------------------------------------------
    def _caps_row(self, toks: list[Tok], i: int) -> int:
        j, head = _surname_words(toks, i, caps=True)
        if head is None or not self._caps_head(head, toks[i:j]):
            return 0
        k = j + 1 if j < len(toks) and toks[j].text == "," else j
        # a surname no list knows needs a listed given name, unless it is long ("RAGHUNATHAN
        # Karthik"): the acronyms a list writes in capitals are short ("NBM", "HCA", "SHO")
        # ("TE HUIA, Hine": a particle before it is evidence enough)
        particle = any(t.lower_ in _PARTICLES for t in toks[i:j])
        strong = not self.lex.is_last(head.text) and len(head.text) < 5 and not particle
        end = self._given(toks, k, strong=strong)
        return end

    def _caps_head(self, head: Tok, words: list[Tok]) -> bool:
        """The last word of a surname in capitals: listed, or a word no vocabulary knows."""
        if head.lower_ in NOT_NAMES or head.lower_ in MONTHS:
            return False
        if self.lex.is_last(head.text):
            return True
        return (
            len(head.text) >= 4 and self.words.unknown(head) and not self.words.typo(head.lower_)
        ) or (len(words) > 1 and len(head.text) >= 3 and self.words.unknown(head))

    def _given(self, toks: list[Tok], k: int, strong: bool) -> int:
        """The end of a given name of one to three words from `k`, written with a capital and
        then lower case (a Korean one hyphenated or spaced); 0 if there is none. `strong`: the
        first word must be a listed given name or a Korean one, not merely an unknown word."""
        if k >= len(toks) or "\n" in toks[k - 1].whitespace_:
            return 0
        end = _korean(toks, k)
        if not end:
            tok = toks[k]
            if not _titled(tok) or not (
                self.words.known_given(tok)
                or tok.lower_ in MIDDLE_NAMES
                or (not strong and self._weak_given(tok))
            ):
                return 0
            end = k + 1
        while end < len(toks) and end - k < 3 and "\n" not in toks[end - 1].whitespace_:
            more = _korean(toks, end)
            if more:
                end = more
                continue
            tok = toks[end]
            if _titled(tok) and toks[end - 1].lower_ in MIDDLE_NAMES:
                end += 1  # "LE Thi Thu": the word after a middle name is the given name
                continue
            if not (
                _titled(tok)
                and (
                    self.words.known_given(tok)
                    or self.words.nameish(tok, 3)
                    or self.lex.is_first(tok.text)
                )
            ):
                break
            end += 1
        return end

    def _weak_given(self, tok: Tok) -> bool:
        """A given name after a surname that is evidence enough: a listed given name that is
        also a word ("ÓLAFSSON Anna", "ROMERO SERRANO, Pilar") or any word no vocabulary
        knows, one letter from a word or not ("RAGHUNATHAN Karthik")."""
        if tok.lower_ in MONTHS:
            return False
        return self.lex.is_first(tok.text) or self.words.unknown(tok)

    # --- "Potter C", "Te Whare R." ----------------------------------------------------------
    def _initial_row(self, toks: list[Tok], i: int) -> int:
        j, head = _surname_words(toks, i, caps=False)
        if head is None or j >= len(toks) or not _LETTER.match(toks[j].text):
            return 0
        letter = toks[j]
        words = [t for t in toks[i:j] if alpha(t) and t.lower_ not in _PARTICLES]
        # after a particle ("Al-Sayed", "de Vries") the surname needs no list: "sayed" reads
        # as an inflected English word
        particle = len(words) < len([t for t in toks[i:j] if alpha(t)])
        if not words or not all(
            self._surname_word(t) or (particle and _titled(t) and t.lower_ not in _LETTERED)
            for t in words
        ):
            return 0
        if j + 1 < len(toks) and toks[j + 1].text == "." and not letter.whitespace_:
            j += 1  # "Yang J." as two tokens
        end = j + 1
        nxt = toks[end] if end < len(toks) else None
        english = any(self.lex.is_english(t.text) for t in words)
        if nxt is None or nxt.is_space or "\n" in toks[end - 1].whitespace_ or nxt.like_num:
            return end
        if nxt.text in _BREAKS or nxt.text in {"'s", "’s"}:
            return end
        if not (nxt.text.islower() and alpha(nxt)) or letter.text[0] == "I":
            return 0  # "Potter I think"
        if english or letter.text[0] == "A":
            # "Potter C in bay 3", "Okafor A needs bloods"; not "Young T cells", "Potter A few"
            return end if nxt.lower_ in _AFTER_ROW else 0
        return end  # "Kioa S for TTO"

    def _surname_word(self, tok: Tok) -> bool:
        """A surname's word before an initial: listed (an English word too, "Potter"), or a
        word no vocabulary knows; not a word that takes a letter ("Ward C", "Vitamin D")."""
        if not _titled(tok) or tok.lower_ in _LETTERED or tok.lower_ in NOT_NAMES:
            return False
        if tok.lower_ in MONTHS or self.lex.is_eponym(tok.text):
            return False
        return self.lex.is_last(tok.text) or self.words.solid(tok) or self.words.nameish(tok, 3)


def _titled(tok: Tok) -> bool:
    """A capital, then lower case ("Aroha", "McKenzie"), not capitals throughout."""
    return tok.text[:1].isupper() and not tok.text.isupper() and alpha(tok)


def _korean(toks: list[Tok], k: int) -> int:
    """The end of a Korean given name at `k`, hyphenated or spaced ("Mi-young", "Ha Eun")."""
    n = len(toks)
    if (
        k + 2 < n
        and toks[k + 1].text == "-"
        and not toks[k].whitespace_
        and not toks[k + 1].whitespace_
        and _titled(toks[k])
        and given_syllables(toks[k], toks[k + 2])
    ):
        return k + 3
    if (
        k + 1 < n
        and _titled(toks[k])
        and _titled(toks[k + 1])
        and toks[k].whitespace_ == " "
        and given_syllables(toks[k], toks[k + 1])
    ):
        return k + 2
    return 0


def _row_start(toks: list[Tok], i: int) -> bool:
    """Whether a list row may open at `i`: the text's start, a new line, a list's marker, a
    bed's number or a cue word before it."""
    if i == 0:
        return True
    prev = toks[i - 1]
    if prev.text == "-" and i > 1 and not prev.whitespace_ and not toks[i - 2].whitespace_:
        return False  # "Child-Pugh B": a hyphenated term's second half, not a list's marker
    return (
        prev.is_space
        or "\n" in prev.whitespace_
        or prev.text in _ROW_MARKS
        # a list's number ("1. TE RANGI Aroha"), not a sentence's end ("the team. KIM, Sarah")
        or (prev.text == "." and i > 1 and toks[i - 2].like_num)
        or prev.like_num
        or prev.lower_ in _ROW_CUES
    )


def _surname_words(toks: list[Tok], i: int, caps: bool) -> tuple[int, Tok | None]:
    """The end of a surname of up to three words (particles first, hyphens inside: "TE RANGI",
    "EL-MASRI", "van der Berg", "Castillo Vega") from `i`, and its last word; (i, None) if
    none. `caps`: every word in capitals."""

    def shaped(tok: Tok) -> bool:
        if not alpha(tok):
            return False
        return tok.text.isupper() if caps else tok.text[:1].isupper() or tok.lower_ in _PARTICLES

    n, j, head, words = len(toks), i, None, 0
    while j < n and words < 3 and shaped(toks[j]):
        if j > i and "\n" in toks[j - 1].whitespace_:
            break
        end = j + 1
        while (
            end + 1 < n
            and toks[end].text == "-"
            and not toks[end - 1].whitespace_
            and not toks[end].whitespace_
            and shaped(toks[end + 1])
        ):
            end += 2  # "EL-MASRI", "Al-Sayed", "Adebayo-Williams"
        particle = end == j + 1 and toks[j].lower_ in _PARTICLES
        if particle and end < n and shaped(toks[end]) and "\n" not in toks[j].whitespace_:
            j = end  # "TE", "van der", "bin": the surname goes on
            continue
        head, words, j = toks[end - 1], words + 1, end
    return (j, head) if head is not None else (i, None)
