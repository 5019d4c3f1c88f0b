"""The town of a postal address block: the words after a street line, on its line or the next.

A street the recognizers found ("810 Jacqueline Burg Suite 961", "Brigitta-Bohlander-Platz 728")
is followed, in a form, a letter's address block or a mail signature, by its town: after a comma
on the same line ("..., Berlin") or alone on the next line ("...\\nLake Kelly\\nHome: ..."),
perhaps after a postcode ("\\n10115 Berlin") and before a state or a postcode ("Lake Kelly, WA
98101"). A town that is also a surname or a word ("Berlin", "Lake Kelly") needs such a cue, and
the street line is the strongest one an address gives. The institution recognizer used to cover
these by accident, by running a facility name up from the next line ("Lake Kelly\\nHome" read as
a nursing home) until issue 13's precision pass stopped names crossing a line.

Only Title Case or capitalised words up to the end of their line, a comma, a state or a postcode
count, and not when every word is an everyday English one ("Home Phone", "Thanks") or a unit's
label ("Apt 4", "Suite 200").
"""

from __future__ import annotations

import regex as re

from bot.detect.recognizers.base import wordset
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.types import Finding, Kind

_WORD = r"\p{Lu}[\p{L}\p{M}'’-]*\.?"
_PARTICLE = r"(?:de|di|da|del|della|la|le|les|sur|sous|am|an|im|bei|upon|on|en|op|aan|y)"
_TOWN = rf"(?:(?:St|Ste|Mt|Ft)\.?[ \t])?{_WORD}(?:[ \t](?:{_PARTICLE}[ \t])?{_WORD}){{0,3}}"
_AFTER_STREET = re.compile(
    # the street line's own tail: a comma and a unit ("..., Apt 4"), then the town after a
    # comma on the same line or at the start of the next (after a postcode written first)
    rf"(?:[ \t]*,[ \t]*|[ \t]*\r?\n[ \t]*)"
    rf"(?:(?:[A-Z]{{1,2}}-?)?\d{{4,5}}[ \t]+)?"
    rf"(?P<town>{_TOWN})"
    rf"(?=[ \t]*(?:$|\r?\n|[,;(]|[ \t]\p{{Lu}}{{2,3}}\b|[ \t]\d|[ \t]\p{{Lu}}\d))",
    re.MULTILINE,
)
# The first word of a unit or a form's next field, never a town
_NOT_TOWN = wordset(
    "apt apartment unit suite ste flat floor fl bldg building room rm lot po box p.o. c/o attn "
    "tel phone fax email e-mail mobile cell home work dob date re subject sent from to cc ref "
    "mrn dear hi hello thanks regards sincerely county state zip postcode country"
)
_WINDOW = 60


def towns_after_addresses(text: str, findings: list[Finding]) -> list[Finding]:
    """`findings` plus the town right after each street address that no finding covers yet."""
    lex = lexicon()
    added: list[Finding] = []
    for f in findings:
        if f.kind is not Kind.LOCATION or f.subtype != "ADDRESS":
            continue
        m = _AFTER_STREET.match(text, f.end, min(len(text), f.end + _WINDOW))
        if m is None:
            continue
        start = m.start("town")
        words = m.group("town").rstrip(".").split()
        if not all(w.isupper() for w in words):
            while len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 3:
                words.pop()  # "Lake Kelly WA": the state, which Safe Harbor keeps
        town = " ".join(words)
        if text[start : start + len(town)] != town:
            continue  # a tab or two spaces inside: leave it to the recognizers
        end = start + len(town)
        if words[0].lower().strip(".") in _NOT_TOWN:
            continue
        if not listed_town(town) and all(lex.is_english(w) and not lex.is_name(w) for w in words):
            continue  # "Thanks", "Please Call": a sentence, not a town ("Hannover" is one)
        if any(g.start <= start and end <= g.end for g in findings):
            continue  # already found whole, as a town or as something else
        added.append(Finding(start, end, Kind.LOCATION, 0.6, "TownAfterAddress", "CITY"))
    if not added:
        return findings
    return sorted([*findings, *added], key=lambda g: (g.start, -g.end))
