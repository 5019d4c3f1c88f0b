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

An address block goes on after its town (issue 13's address pass): a county ("Devon", "Co.
Kerry", "jud. Dolj") and a postcode alone on their lines or fields ("E8 5HS", "E65 3K2E", "119
16"), and a postcode before its town ("112 04 Rožmitál pod Třemšínem to the clinic"); so the
pass follows the block field by field, a comma, a semicolon or a line break apart, and stops at
the first field that is none of these (a country, a state, a form's next label). And a postcode
and town the recognizers found tell that the field before them is the street ("Máslova 34,
239 56 Karlovy Vary", "Postboks 599\n6386 Sondrefjell"), whatever words its street uses.
"""

from __future__ import annotations

import regex as re

from bot.detect.recognizers.address_fields import COUNTRIES
from bot.detect.recognizers.base import wordset
from bot.detect.recognizers.city_index import listed_county, listed_town
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.states import is_state
from bot.detect.types import Finding, Kind

_WORD = r"\p{Lu}[\p{L}\p{M}'’-]*\.?"
_PARTICLE = (
    r"(?:de|di|da|do|dos|das|del|della|la|le|les|los|las|sur|sous|am|an|im|bei|upon|on|en|op|aan|y"
    r"|pod|nad)"
)
_TOWN = rf"(?:(?:St|Ste|Mt|Ft)\.?[ \t])?{_WORD}(?:[ \t](?:{_PARTICLE}[ \t])?{_WORD}){{0,3}}"
# A postcode of an address block: UK, Irish Eircode, Canadian, Dutch, and digits in one or two
# groups with an optional country letter ("H-2907", "112 04", "9606-682", "45-759")
_CODE = (
    r"(?-i:[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[A-Z]\d[\dW][ ]?[A-Z\d]{4}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d"
    r"|\d{4}[ ]?[A-Z]{2}|(?:[A-Z]{1,2}-)?\d{2,5}(?:[- ]\d{2,4})?)"
)
_SEP = re.compile(r"[ \t]*[,;][ \t]*|[ \t]*\r?\n[ \t]*")
# after a postcode the town may run on into a sentence ("1376 Naters to the clinic"), so no
# word of it but the first may end in a full stop ("213 65 Březová. Ring the bell")
_PLAIN_TOWN = (
    rf"(?:(?:St|Ste|Mt|Ft)\.?[ \t])?\p{{Lu}}[\p{{L}}\p{{M}}'’-]*"
    rf"(?:[ \t](?:{_PARTICLE}[ \t])?\p{{Lu}}[\p{{L}}\p{{M}}'’-]*){{0,3}}"
)
_CODE_TOWN = re.compile(rf"(?P<code>{_CODE})[ \t]+(?P<town>{_PLAIN_TOWN})\b(?![-'’])")
_CODE_ALONE = re.compile(rf"(?P<code>{_CODE})(?=[ \t]*(?:$|\r?\n|[,;.]))", re.MULTILINE)
_COUNTY = re.compile(
    r"(?-i:(?:Co\.|County|jud\.|Jud\.|județul|Județul)[ \t]+(?P<town>\p{Lu}[\p{L}\p{M}'’]+(?:-\p{Lu}[\p{L}\p{M}'’]+)?))"
)
_MAX_FIELDS = 4
# The street field before a postcode and its town: words and a house number, a unit perhaps
_STREET_BEFORE_CODE = re.compile(
    r"(?:^|(?<=[,:;]|\bat|\bto|\bfrom|\bis))[ \t]*"
    r"(?P<street>\p{L}[\p{L}\p{M}'’.-]*(?:[ ][\p{L}\p{M}'’.-]+){0,3}[ ]\d{1,5}[a-zA-Z]?(?:/\d{1,4})?"
    r"(?:,?[ ](?:\p{L}{1,6}\.?[ ]?)?\d{1,4}[a-zA-Z]?\.?)?)"
    r"[ \t]*(?:,|\r?\n)[ \t]*$",
    re.MULTILINE,
)
_AFTER_TOWN = re.compile(
    # a town field ends its line or field, or comes before a state or a postcode ("LAKE TINA
    # FK88 0HH": a British code may open on two letters)
    rf"(?P<town>{_TOWN})"
    rf"(?=[ \t]*(?:$|\r?\n|[,;(]|[ \t]\p{{Lu}}{{2,3}}\b|[ \t]\d|[ \t]\p{{Lu}}{{1,2}}\d))",
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
    """`findings` plus what an address block holds beside each street that no finding covers
    yet: the town, county and postcode fields after it, and the street before a postcode."""
    added: list[Finding] = []
    for f in findings:
        if f.kind is not Kind.LOCATION:
            continue
        if f.subtype == "ADDRESS":
            added += _block_after(text, f.end, findings)
        elif f.subtype == "ZIP" and _CODE_TOWN.fullmatch(text, f.start, f.end):
            added += _street_before(text, f.start, findings)
    if not added:
        return findings
    return sorted([*findings, *added], key=lambda g: (g.start, -g.end))


def _block_after(text: str, pos: int, findings: list[Finding]) -> list[Finding]:
    """The fields of an address block after its street, up to the first that is none."""
    out: list[Finding] = []
    limit = min(len(text), pos + _WINDOW * 2)
    for index in range(_MAX_FIELDS):
        sep = _SEP.match(text, pos, limit)
        if sep is None:
            break
        field = _field(text, sep.end(), limit, first=index == 0)
        if field is None:
            break
        spans, pos = field
        out += [
            Finding(a, b, Kind.LOCATION, 0.6, "TownAfterAddress", sub)
            for a, b, sub in spans
            if not any(g.start <= a and b <= g.end for g in (*findings, *out))
        ]
    return out


def _field(
    text: str, at: int, limit: int, *, first: bool
) -> tuple[list[tuple[int, int, str]], int] | None:
    """One field of an address block at `at`: its spans (start, end, subtype) and its end."""
    coded = _CODE_TOWN.match(text, at, limit)
    if coded and _is_code(coded.group("code")):
        town = _town_span(text, coded.start("town"), coded.group("town"), strict=False)
        if town:
            return [(coded.start("code"), coded.end("code"), "ZIP"), (*town, "CITY")], town[1]
    county = _COUNTY.match(text, at, limit)
    if county:
        return [(county.start("town"), county.end("town"), "CITY")], county.end()
    alone = _CODE_ALONE.match(text, at, limit)
    code = alone.group("code") if alone else ""
    if alone and _is_code(code) and (not first or not code.isdigit()):
        # digits alone right after a street may be anything ("12 Oak St, 2024"); later in
        # the block, or with letters, a postcode
        return [(alone.start(), alone.end(), "ZIP")], alone.end()
    m = _AFTER_TOWN.match(text, at, limit)
    if m is None:
        return None
    town = _town_span(text, m.start("town"), m.group("town"), strict=not first)
    return ([(*town, "CITY")], town[1]) if town else None


def _is_code(code: str) -> bool:
    """A postcode, not a count: letters in it, or four digits at least."""
    return any(c.isalpha() for c in code) or sum(c.isdigit() for c in code) >= 4


def _town_span(text: str, start: int, value: str, *, strict: bool) -> tuple[int, int] | None:
    """Where the town of `value` (at `start`) is, unless it is a word, a label or a country;
    `strict` (a field after the town, with no postcode before it) wants no English word in it
    ("..., MADRID, WIFE ÁNH REACHABLE AT": a sentence after the town)."""
    lex = lexicon()
    words = value.rstrip(".").split()
    if not all(w.isupper() for w in words):
        while len(words) > 1 and words[-1].isupper() and len(words[-1]) <= 3:
            words.pop()  # "Lake Kelly WA": the state, which Safe Harbor keeps
    town = " ".join(words)
    if text[start : start + len(town)] != town:
        return None  # a tab or two spaces inside: leave it to the recognizers
    if words[0].lower().strip(".") in _NOT_TOWN or town.lower() in COUNTRIES:
        return None
    if is_state(town) or is_state(f"{town}."):
        return None  # "..., Mich. 48104", "..., Alberta": the state or province
    if all(w.isupper() for w in words) and len(town) <= 3:
        return None  # "WA", "QC": a state or a province
    if text[start + len(town) : start + len(town) + 1] == ":":
        return None  # "City: ...": a form's next label
    english = [lex.is_english(w) and not lex.is_name(w) for w in words]
    listed = listed_town(town) or listed_county(town)
    if not listed and (all(english) or (strict and any(english))):
        return None  # "Thanks", "Please Call": a sentence, not a town ("Hannover" is one)
    return start, start + len(town)


def _street_before(text: str, code_start: int, findings: list[Finding]) -> list[Finding]:
    """The street field right before a postcode and town, on its line or the line before."""
    m = _STREET_BEFORE_CODE.search(text, max(0, code_start - _WINDOW), code_start)
    if m is None:
        return []
    start, end = m.span("street")
    if any(g.start < end and start < g.end for g in findings):
        return []  # the street, or a part of the field, is found already ("wohnhaft in ...")
    return [Finding(start, end, Kind.LOCATION, 0.6, "TownAfterAddress", "ADDRESS")]
