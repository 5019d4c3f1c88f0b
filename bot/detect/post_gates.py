"""Post gates: is anyone identified, or only mentioned, in a post?

Precision rules that drop a finding in "a post about no one" (an organisation's phone,
`org_phones`; a holiday's closure, `holiday_dates`) ask these gates first, so that they fail
closed: beside a direct identifier or a person's word every finding stays.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from bot.detect.recognizers.base import wordset
from bot.detect.types import Finding, Kind
from bot.detect.verdict import PERSON_WORDS, is_direct

# Someone in the post: relatives and carers, pronouns, a person's own line.
PERSONAL_WORDS = wordset(
    "her hers his him she he herself himself my me mine i i'm i'll cell mobile home personal "
    "brother sister carer caregiver caretaker spouse partner guardian niece nephew grandson "
    "granddaughter grandmother grandfather grandma grandpa aunt uncle friend neighbour "
    "neighbor mum mom dad relative whatsapp "
    # the same in the deployment's other languages: possessives, "me", a personal line
    "mi mis su sus tu tus mío mía llámame móvil movil celular casa particular privado meu minha "
    "seu sua teu tua telemóvel mon ma mes son sa ses ton ta moi portable domicile mein meine "
    "meinem meiner dein deine sein seine ihr ihre ihrer mich mir handy privat mio mia miei suo "
    "tuo cellulare mijn zijn haar jouw uw mobiel thuis"
)
_WORD = re.compile(r"[\w'’-]+")
# Words that are no person's: "Family" in an organisation's name, in Title Case before the kind
# of practice it is, the unit's own rooms, and a state's code before a ZIP.
NO_ONES_WORDS = re.compile(
    r"\bFamily\s+(?:Pharmacy|Practice|Medicine|Health|Healthcare|Dental|Dentistry|Clinic|Care"
    r"|Medical|Physicians|Doctors|Chemist|Drug|Pediatrics|Paediatrics)\b"
    # the unit's own rooms, where no patient lies ("party in the staff room")
    r"|\b(?:staff|break|store|stock|linen|sluice|utility|meeting|training|seminar|conference"
    r"|plaster)\s+room\b"
    # a state before its ZIP that spells another language's "my" ("Dover, MI 48503")
    r"|\b(?-i:MI|MA|ME)(?=\s+\d{5}\b)"
)
# Plurals that name no one ("patients can call the pharmacy line"); a patient's word still does.
_GENERIC = frozenset({"patients", "pts"})


def identified(others: Iterable[Finding]) -> bool:
    """A direct identifier other than a phone or a full date (a patient's name, an ID, an
    e-mail, an address, an age over 89): every number beside it stays a finding."""
    return any(
        is_direct(f) and not (f.kind is Kind.DATE and f.subtype == "FULL_DATE") for f in others
    )


def about_someone(text: str, others: Iterable[Finding]) -> bool:
    """A person is in the post, though not identified: an age, a room, or a patient's,
    clinical, relative's or personal word ("family" not in an organisation's name, "Fenwick
    Family Pharmacy", "room" not in "the staff room", "MI" not before a ZIP)."""
    if any(f.kind in (Kind.AGE, Kind.ROOM) for f in others):
        return True
    return personal(_WORD.findall(NO_ONES_WORDS.sub(" ", text)))


def personal(words: Iterable[str]) -> bool:
    """A relative's, a patient's, a clinical or a personal word among `words`."""
    forms = {w for m in words for w in _forms(m)} - _GENERIC
    return bool(forms & (PERSON_WORDS | PERSONAL_WORDS))


def _forms(word: str) -> tuple[str, ...]:
    """A word lower-cased, and without its possessive ("daughter's" is the daughter's)."""
    word = word.lower().replace("’", "'")
    bare = word.removesuffix("'s").rstrip("'")
    return (word, bare) if bare != word else (word,)
