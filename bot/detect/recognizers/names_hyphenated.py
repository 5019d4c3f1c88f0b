"""Given names of two romanised syllables, joined by a hyphen ("Eun-jeong", "Ji-hoon", "SEO-YEON")
or spaced ("Ha Eun", "Seo Yeon").

Korean given names are two syllables, and the romanisations that forms and letters use write
them joined by a hyphen with the second in lower case, which no capitalised-word rule reads as
one name ("jeong" alone is lower case, "Eun" is also a dictionary word). A syllable is matched
by its shape (initial, vowel, final of the Revised and McCune-Reischauer romanisations), and at
least one half must be no English word, so "Set-up", "Pop-up" and "Hip-hop" stay words, and so does a word said twice ("Yo-yo").
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.data import load_words
from bot.detect.recognizers.names_context import Tok, alpha, clinical_message, tokens
from bot.detect.recognizers.names_lexicon import Lexicon
from bot.detect.recognizers.names_unknown import SUBJECT_VERBS

# what follows a person more than a phrase: "Ha Eun's mum", "Ji Woo and Seo Yeon", "in bed 4"
_PERSON_AFTER = frozenset({"'s", "’s", "and", "in", "has", "needs", "for", ","})

_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|sh|[gndrmbsjktphwy])?"
    r"(?:yae|wae|yeo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|a|e|o|u|i)"
    r"(?:ng|[kntlmp])?",
    re.IGNORECASE,
)


def syllable(word: str) -> bool:
    """Whether `word` is one romanised Korean syllable ("eun", "jeong", "hoon", "kyung")."""
    return _SYLLABLE.fullmatch(word) is not None


def hyphenated_given(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """The token extents of "Eun-jeong" (and a listed surname after it, "Eun-jeong Han")."""
    toks = tokens(doc)
    out: list[tuple[int, int]] = []
    for i in range(len(toks) - 2):
        a, dash, b = toks[i], toks[i + 1], toks[i + 2]
        if dash.text != "-" or a.whitespace_ or dash.whitespace_ or not _halves(a, b, lex):
            continue
        if i > 0 and toks[i - 1].text == "-" and not toks[i - 1].whitespace_:
            continue  # the middle of a longer compound
        if i + 3 < len(toks) and toks[i + 3].text == "-" and not b.whitespace_:
            continue  # "Son-in-law": a compound of more parts
        end = i + 3
        if end < len(toks) and _surname(toks[end], lex):
            end += 1
        out.append((i, end))
    return out


def given_syllables(a: Tok, b: Tok) -> bool:
    """Whether both halves are syllables Korean given names use ("Ha" "Eun", "Mi" "young")."""
    known = load_words("korean_given_syllables.txt")
    return a.lower_ != b.lower_ and a.lower_ in known and b.lower_ in known


def spaced_given(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """The token extents of "Ha Eun", "Seo Yeon" (and a listed surname after, "Ha Eun Kim"):
    two capitalised given-name syllables side by side, in a message about care or before a
    verb or a word that follows a person."""
    toks = tokens(doc)
    out: list[tuple[int, int]] = []
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if not (a.text.istitle() and b.text.istitle() and a.whitespace_ == " "):
            continue
        if not given_syllables(a, b):
            continue
        end = i + 2
        nxt = toks[end].lower_ if end < len(toks) else ""
        if end < len(toks) and toks[end].like_num:
            continue  # "Min Jun 4": a day and its month
        if not (clinical_message(doc) or nxt in _PERSON_AFTER or nxt in SUBJECT_VERBS):
            continue
        if end < len(toks) and _surname(toks[end], lex):
            end += 1
        out.append((i, end))
    return out


def _halves(a: Tok, b: Tok, lex: Lexicon) -> bool:
    shaped = a.text[:1].isupper() and (b.text.islower() or b.text.istitle() or a.text.isupper())
    if shaped and given_syllables(a, b):
        return True  # "Mi-young": both halves are also English words
    return (
        shaped
        and alpha(a)
        and alpha(b)
        and syllable(a.text)
        and syllable(b.text)
        and a.lower_ != b.lower_  # "Yo-yo", "So-so": a word said twice
        and not (lex.is_english(a.text) and lex.is_english(b.text))
        and not lex.is_english(f"{a.text}-{b.text}")
    )


def _surname(tok: Tok, lex: Lexicon) -> bool:
    return alpha(tok) and tok.text[:1].isupper() and lex.is_last(tok.text)
