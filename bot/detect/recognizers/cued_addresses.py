"""LOCATION: an address after the words that give one, in any case ("it's um 57 tangitapu
causeway, in whakawhare, postcode 5050", "deliver to schaubstrasse 42, wohlen",
"CONFIRMED ADDRESS AS FLAT 31, 7314 DAVID CURVE").

`streets` and `addresses` read a street by its case: "4 Pine Road" in Title Case, since in
chat "4 pine nuts" is no street. A caller's address typed as heard, a driver's note or a
delivery label in capitals has no such case, but it has a cue: "address is/as", "deliver to",
"lives at", "is now at", "moved to", "send it to", "it's". After one, the comma-parted run that
holds a house number and a street type of any locale (USPS, British, Romance, German, Nordic,
Dutch, Polish, Indian) is an address; its fields up to the first one that is prose ("no change
to the GP", "side door") are reported one by one, a state or province and the label words
("in", "postcode") left out.
"""

from __future__ import annotations

from typing import Any, ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import SUBTYPE_KEY, ClinicalPatternRecognizer, wordset
from bot.detect.recognizers.city_index import listed_county, listed_town
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.states import is_state
from bot.detect.recognizers.streets import _TYPE_FIRST, _TYPE_GLUED, USPS_SUFFIXES

_CUE = (
    r"\b(?:address(?:\s+(?:is|as|was|now|on\s+file))?\s*(?::|is|as|-)"
    r"|deliver(?:y|ed|ing)?\s+to|(?:lives?|living|staying|resides?|is\s+now|now)\s+at"
    r"|moved\s+to|(?:send|post|mail|ship|drop)\s+(?:it|them|this|these|that|the\s+\w+\s+)?\s*(?:off\s+)?to"
    r"|it'?s|it\s+is)"
)
# what a caller says before the address itself
_FILLER = r"(?:\s*(?:um+|uh+|er+m?|erm|like|just)\b,?)*"
_BODY = r"[^\n\"“”;()|?!]{6,140}"

_SUFFIXES = "|".join(sorted((s.lower() for s in USPS_SUFFIXES), key=len, reverse=True))
_HOUSE = r"(?:\d{1,6}(?:[-/]\d{1,5})?[a-z]?|h\.?\s?no\.?\s?\d{1,5}(?:/\d{1,4})?)"
_NAME_WORD = r"[\p{L}\p{M}'’.-]{2,30}"
# the street shapes, read case-blind: number, name and type; type, name and number; a type
# glued to its name and the number; the number, a French type and its name
_STREET = re.compile(
    rf"(?<![\w/.-])(?:{_HOUSE}|(?:flat|studio|unit|apartment)\s\d{{1,4}}[a-z]?),?\s+(?:{_NAME_WORD}\s+){{1,3}}(?:{_SUFFIXES}|marg|nagar|chowk|close|rise"
    rf"|parade|quay|crescent|grove|mews)\b\.?"
    rf"|\b(?:{_TYPE_FIRST})\s+(?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD},?\s+\d{{1,5}}[a-z]?\b"
    rf"|\b[\p{{L}}\p{{M}}-]{{2,30}}(?:{_TYPE_GLUED})\s+\d{{1,5}}(?:[-/]\d{{1,4}})?[a-z]?\b"
    rf"|(?<![\w/.-])\d{{1,5}},?\s+(?:rue|route|boulevard|avenue|chemin|mont[ée]e|rang|all[ée]e?|place"
    rf"|impasse|c[ôo]te)\s+{_NAME_WORD}",
    re.IGNORECASE,
)
# the words of a field that is an address's label, not the address ("in whakawhare",
# "postcode 5050", "zip 06082")
_LABEL_HEAD = re.compile(
    r"^(?:(?:in|at|of|near|town|city|postcode|post\s?code|zip(?:\s?code)?|eircode|cep|c\.p\.)\b[\s:]*)+",
    re.IGNORECASE,
)
# where the address's run ends: a sentence (not a short word's abbreviation, "al.", "edif.",
# "h.no."), " - " before a note, a word that starts a clause
_END = re.compile(
    r"(?<!\b[\p{L}.]{1,5})\.(?:\s|$)"
    r"|\s[-–—]\s(?![A-Za-z]{2,3}\b,|\d)|\s(?:and|but|so|until|till|for|please|thanks"
    r"|which|where|when|with|because|if|then|from|since|not|no)\s",
    re.IGNORECASE,
)
_NOT_NAME = wordset(
    "the a an of to down up along across over past off mins min minutes miles mile km hours hrs "
    "blocks block steps yards metres meters tablets pills doses times days weeks his her their my "
    "your our this that"
)
_PROSE = wordset(
    "no not change gp the a an her his their she he they we i you please thanks door side back "
    "front ring bell dog call confirmed read number phone today tomorrow yesterday is was are "
    "will be been has have had to for from with at on by wife husband son daughter mother father "
    "mum dad sister brother partner friend carer neighbour reachable contact mobile tel"
)


class CuedAddressRecognizer(ClinicalPatternRecognizer):
    """An address in any case after a word that gives one; each field reported alone."""

    # `analyze` splits each match into its fields, nothing without one
    SKIP_WHEN_IDLE: ClassVar[bool] = True

    NEEDS_DIGIT = True
    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("cued_address_medium", rf"{_CUE}{_FILLER}[\s,:]*(?P<v>{_BODY})", 0.7),
    ]
    CONTEXT: ClassVar[list[str]] = []

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: Any = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        out: list[RecognizerResult] = []
        for body in super().analyze(text, entities, nlp_artifacts, regex_flags):
            out += self._fields(text, body)
        return out

    def _fields(self, text: str, body: RecognizerResult) -> list[RecognizerResult]:
        """The body's fields up to the first that is prose, when a street opens them."""
        run = text[body.start : body.end]
        end = _END.search(run)
        run = run[: end.start()] if end else run
        street = next((m for m in _STREET.finditer(run) if _named_street(m.group())), None)
        if street is None or street.start() > 12:
            return []  # no street near the cue: "it's 2 miles down the road", "moved to bay 3"
        head = run[: street.start()]
        if head.strip(" ,") and not _FLATS.fullmatch(head):
            return []  # prose before the street, not a flat ("flat 31, 7314 david curve")
        cut = run.find(",", street.end())
        cut = len(run) if cut < 0 else cut
        # the flat and the street are the address's line; what follows it, a town or a
        # postcode (so `address_towns` follows no block from them)
        spans = [(m.start(), m.end(), "ADDRESS") for m in _FIELD.finditer(head)]
        spans.append((street.start(), cut, "ADDRESS"))
        for m in _TAIL_FIELD.finditer(run[cut:]):
            value = m.group()
            label = _LABEL_HEAD.match(value.lstrip(" -–—"))
            lead = len(value) - len(value.lstrip(" -–—")) + (label.end() if label else 0)
            value = value[lead:].rstrip()
            if not value:
                continue
            if not _address_field(value):
                break
            if (value.isalpha() and len(value) <= 3) or _is_state(value):
                continue  # a state or province ("wi", "NL", "go") is no subdivision below one
            at = cut + m.start() + lead
            spans.append((at, at + len(value), "CITY"))
        return [
            RecognizerResult(
                body.entity_type, body.start + s, body.start + e, body.score,
                body.analysis_explanation, {**(body.recognition_metadata or {}), SUBTYPE_KEY: sub},
            )
            for s, e, sub in spans
        ]  # fmt: skip


def _is_state(value: str) -> bool:
    return is_state(value) or is_state(value.upper()) or is_state(value.title())


# compiled once (tests/detect/test_compiled_once.py)
_FLATS = re.compile(r"[\s,]*(?:[\p{L}.]+\s?#?\d{1,5}[a-z]?[\s,]*)+")
_FIELD = re.compile(r"[^,\s][^,]*")
_TAIL_FIELD = re.compile(r"[^,]+?(?=\s[-–—]\s|,|$)")
_WORD = re.compile(r"[\p{L}\p{M}'’]+")
_WORD_OR_NUMBER = re.compile(r"[\p{L}\p{M}'’]+|\d+")


def _named_street(street: str) -> bool:
    """A street's name is no measure or clause ("2 miles down the road", "5 mins walk")."""
    words = _WORD.findall(street.lower())
    return not any(w in _NOT_NAME for w in words)


def _address_field(value: str) -> bool:
    """A town, a postcode or a region after the street, not a clause ("no change to the GP")."""
    words = _WORD_OR_NUMBER.findall(value)
    if not words or len(words) > 5:
        return False
    if any(w.lower() in _PROSE for w in words):
        return False
    if any(w.isdigit() for w in words) or listed_town(value) or listed_county(value):
        return True
    lex = lexicon()
    # a field of English words is a note ("side door", "WIFE ANH REACHABLE"); a town holds one
    # at most beside its name ("lake linda", "north kevin", "oliveira do bairro")
    english = sum(lex.is_english(w) and not lex.is_name(w) for w in words)
    return english < min(2, len(words))
