"""Organisations' names, street addresses and forms: no one's PHI (issue 13, pharmacy desk).

A pharmacy desk names its chains, plans, PBMs, manufacturers and wholesalers in nearly every
message, and those names are surnames, towns or unknown capitalised words to the name rules
("Kroger", "Publix", "Medica", "Sandoz", "Morris & Dickson"). Safe Harbor's identifiers are the
individual's (45 CFR 164.514(b)(2)); an organisation's name, its own street address and the
numbers of its printed forms are not. Run on the merged findings, before the organisations'
numbers (`org_numbers`), which would read a chain's name taken for a person as a patient's cue.

An organisation's name is found three ways:
- a listed one (`data/organisations.txt`: the large chains, PBMs, plans, manufacturers and
  wholesalers, reviewed by hand);
- by the word it ends in: one to three capitalised words before a company suffix ("Harmon
  Drug", "Fenwick Family Pharmacy", "Acme Biologics Inc", "Gable & Finch Pharmacy"); not
  "Labs" (lab_eob's labs are places of care, quasi-identifiers) nor "Co." (a county);
- by the store's place: the words right before "store #N" ("Madison store #330").
A name finding wholly inside such a span goes, and so does a town, or an institution inside a
listed name (an insurer is no place of care); a name
finding reaching beyond it ("Holly Kroger") stays, and so does any span with a person's
evidence beside it: a title, "pt", a relative word before it, or a birth date right after.

A street address right after an organisation's name (its store number, commas and line breaks
between), or after "attn <desk>", is the organisation's, and so are the town, state and ZIP
that follow it. An ID right after "Form" or right before "form" or "(Rev." is a form's number.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex as re

from bot.detect.data import load_words
from bot.detect.recognizers.base import wordset
from bot.detect.recognizers.names_lexicon import TITLES_PERSON, TITLES_PRACTITIONER
from bot.detect.types import Finding, Kind

SUFFIXES = (
    "Inc|Inc\\.|LLC|L\\.L\\.C\\.|Ltd|Ltd\\.|GmbH|AG|Corp|Corp\\.|Corporation|Company|"
    "Pharmaceuticals?|Pharma|Pharmacy|Pharmacies|Drugs?|Apothecary|Compounding|Chemists?|"
    "Health\\s+Plan|Healthcare|Rx|Specialty|Therapeutics|Biosciences|"
    "Biologics|Scripts|Wholesale|Distributors?|Medical\\s+Supply"
)
# A capitalised word from the start of its run (no start inside "O'O'O'...", and no giving
# back of its letters): a scan stays linear on long runs of name-like characters (issue 11)
_CAP = r"(?<![\p{L}'’-])\p{Lu}[\p{L}'’-]*+"
# One to three capitalised words, "&" or "and" between two, before a suffix ("& Co." too).
_SUFFIXED = re.compile(
    rf"\b{_CAP}(?:[ \t]+(?:&[ \t]+|and[ \t]+)?{_CAP}){{0,2}}[ \t]+(?:{SUFFIXES})(?![\p{{L}}])"
    rf"|\b{_CAP}(?:[ \t]+{_CAP})?[ \t]+&[ \t]+Co\b\.?"
)
# The store's town: "(Madison store #330)", "Lexington Store #18".
_STORE_PLACE = re.compile(rf"\b{_CAP}(?:[ \t]+{_CAP})?(?=[ \t]+[Ss]tore[ \t]*(?:#|No\.?)[ \t]*\d)")
_ATTN = re.compile(r"\battn:?[ \t]+(?:\p{Lu}[\p{L}-]*[ \t]*){1,3}", re.IGNORECASE)
# What may stand between an organisation's name and its street: its store number, commas.
_TO_STREET = re.compile(r"[ \t]*(?:#[ \t]*\d+)?[ \t]*[,\n(-]?[ \t\n]*")
_AFTER_STREET = re.compile(r"[ \t]*[,\n]?[ \t]*(?:\p{Lu}{2}\b\.?)?[ \t]*")
_FORM_BEFORE = re.compile(r"\b(?:form|rev)\.?[ \t]*(?:no\.?|#|number)?[ \t]*$", re.IGNORECASE)
_FORM_AFTER = re.compile(r"^[ \t]*(?:\(?rev\b|(?:[\w-]+[ \t]+)?form\b)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w.'’]+)[\s,:]*$")
_DOB_AFTER = re.compile(r"^[\s,(]*(?:dob|d\.o\.b|born|b\.)\b", re.IGNORECASE)
PERSON_BEFORE = (
    TITLES_PERSON
    | TITLES_PRACTITIONER
    | wordset(
        "pt pt. pt's patient patient's pts patients member resident client wife husband "
        "daughter son mother mom mum father dad sister brother spouse partner caregiver carer "
        "guardian niece nephew aunt uncle cousin grandson granddaughter grandmother "
        "grandfather friend neighbour neighbor"
    )
)
_DROPPED = frozenset({"PATIENT", "PERSON", "CITY", "INSTITUTION", ""})


@cache
def _listed() -> re.Pattern[str]:
    names = sorted(load_words("organisations.txt", lower=False), key=len, reverse=True)
    return re.compile(r"(?<![\p{L}\d])(?:" + "|".join(map(re.escape, names)) + r")(?![\p{L}\d])")


def _name_spans(text: str) -> list[tuple[int, int, bool]]:
    """The spans of organisations' names in `text` that have no person's evidence beside them,
    each with whether it is a listed name (a lab or a clinic found by its shape may be a place
    of care, an institution, which stays found)."""
    spans = [(*m.span(), True) for m in _listed().finditer(text)]
    spans += [(*m.span(), False) for m in _SUFFIXED.finditer(text)]
    spans += [(*m.span(), False) for m in _STORE_PLACE.finditer(text)]
    return [(s, e, listed) for s, e, listed in spans if not _person_evidence(text, s, e)]


def _person_evidence(text: str, start: int, end: int) -> bool:
    before = _WORD_BEFORE.search(text, max(0, start - 24), start)
    if before is not None and before.group(1).lower() in PERSON_BEFORE:
        return True
    return _DOB_AFTER.match(text[end : end + 12]) is not None


def organisation_name_spans(text: str, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """The spans of `findings` that are organisations' names, their own streets and towns, and
    form numbers (claimed, so a later pass that finds them again drops them too)."""
    findings = list(findings)
    # only a name or place it may drop, or a street it may claim, reads the organisations'
    # spans: most messages have neither, and the listed names' pattern scans the whole text
    orgs: list[tuple[int, int, bool]] = []
    if any(_reads_orgs(f) for f in findings):
        orgs = _name_spans(text)
        orgs += [(*m.span(), False) for m in _ATTN.finditer(text)]
    dropped: set[int] = set()
    for i, f in enumerate(findings):
        if f.kind in (Kind.NAME, Kind.LOCATION) and f.subtype in _DROPPED:
            if any(
                s <= f.start and f.end <= e and (listed or f.subtype != "INSTITUTION")
                for s, e, listed in orgs
            ):
                dropped.add(i)
        elif f.kind is Kind.ID and _form_number(text, f):
            dropped.add(i)
    dropped |= _org_streets(text, findings, orgs)
    return [(findings[i].start, findings[i].end) for i in sorted(dropped)]


def _reads_orgs(f: Finding) -> bool:
    """Whether `organisation_name_spans` asks the organisations' spans about `f`: a name or
    place it may drop, or a street (a town or ZIP is claimed only after its street)."""
    if f.kind is Kind.LOCATION and f.subtype == "ADDRESS":
        return True
    return f.kind in (Kind.NAME, Kind.LOCATION) and f.subtype in _DROPPED


# `_form_number`'s shapes, compiled once (a module-level `regex` call costs a cache look-up)
_FORM_CODE = re.compile(r"[A-Z]{1,6}\d*(?:-[A-Z0-9]{1,6}){1,3}|[A-Z]{1,6}-?\d{1,6}")
_DIGIT_PAIR = re.compile(r"\d{1,4}-\d{1,4}")
_FORM_WORD_BEFORE = re.compile(r"\bform[ \t]*$", re.IGNORECASE)


def _form_number(text: str, f: Finding) -> bool:
    # a letter in it, or one hyphen after "Form" ("Form 61-211"): never a bare 3-2-4 number,
    # an SSN, whatever stands around it
    value = text[f.start : f.end]
    if not _FORM_CODE.fullmatch(value):
        digits_only = _DIGIT_PAIR.fullmatch(value) is not None
        before = text[max(0, f.start - 16) : f.start]
        return digits_only and _FORM_WORD_BEFORE.search(before) is not None
    before = text[max(0, f.start - 16) : f.start]
    return bool(_FORM_BEFORE.search(before) or _FORM_AFTER.match(text[f.end : f.end + 24]))


def _org_streets(text: str, findings: list[Finding], orgs: list[tuple[int, int, bool]]) -> set[int]:
    """The streets right after an organisation's name, and the towns and ZIPs that follow."""
    ends = {e for _, e, _ in orgs}
    out: set[int] = set()
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    chained_end: int | None = None
    for i in order:
        f = findings[i]
        # a street, or a street line read with its town as one span ("4459 Industrial Pkwy\n
        # Dover, MI" after "Fenwick Family Pharmacy #2197")
        street = (
            f.subtype == "ADDRESS"
            or (f.subtype == "CITY" and text[f.start : f.start + 1].isdigit())
        ) and any(e <= f.start and _TO_STREET.fullmatch(text, e, f.start) for e in ends)
        town = (
            chained_end is not None
            and f.subtype in {"CITY", "ZIP"}
            and _AFTER_STREET.fullmatch(text, chained_end, f.start) is not None
        )
        if f.kind is Kind.LOCATION and (street or town):
            out.add(i)
            chained_end = f.end
        else:
            chained_end = None
    return out
