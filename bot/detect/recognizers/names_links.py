"""Names that are also part of an e-mail address or a social or fundraising link in the same
message ("Price says her old number is off, new email price.debra@wp.pl").

A word of the address is the name of whoever's address is passed around, even a word that is
also English ("Price"); the address itself is the contact rules'. Composed into
`NameRecognizer`.
"""

from __future__ import annotations

import regex as re
from spacy.tokens import Doc

from bot.detect.recognizers.names_context import Span, alpha, doc_text, tokens
from bot.detect.recognizers.names_lexicon import fold
from bot.detect.recognizers.names_words import NameWords

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


def linked_names(doc: Doc, words: NameWords) -> list[Span]:
    """ "Price says her old number is off, new email price.debra@wp.pl": a word that is also
    part of an email address or a social/fundraising link in the same message is a name."""
    links = list(_LINK.finditer(doc_text(doc)))
    if not links:
        return []
    parts = {
        fold(p)
        for m in links
        for p in _LINK_SPLIT.split(m.group("part") or m.group("part2") or m.group("part3") or "")
        if len(p) >= 3
    } - _LINK_WORDS
    inside = {i for m in links for i in range(m.start(), m.end())}
    out: list[Span] = []
    for i, tok in enumerate(tokens(doc)):
        if fold(tok.text) not in parts or not alpha(tok) or tok.idx in inside:
            continue
        if words.lex.is_name(tok.text) or words.nameish(tok, 3):
            out.append((i, i + 1, 0.7, "PATIENT"))  # whose personal address is being passed around
    return out
