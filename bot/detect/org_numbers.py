"""An organisation's own registry numbers: a prescriber's NPI or DEA, a store number, a plan's
BIN and PCN, an NDC, a lot.

Safe Harbor's identifiers are those "of the individual or of relatives, employers, or household
members of the individual" (45 CFR 164.514(b)(2)): a clinic's DEA or NPI number, a store number
and a plan's BIN and PCN identify an organisation, not a patient, and a pharmacy's desk pastes
them into nearly every message (issue 13: prior-auth forms, refill renewals, delivery tickets).
Run on the merged findings; a span claimed here is no PHI. A registry label right before an ID
(NPI, DEA, NCPDP, BIN, PCN, store #, NDC, lot; a group number where the clause has a BIN or PCN)
says it is the organisation's or the product's.

Phones and faxes stay findings, whoever's they are. A first version read an organisation's
phone off the words before it ("office fax", "help desk", "our") and dropped it; on the
general-PII voice that dropped patients' own numbers (11 of 87 planted phones leaked, 0 before;
2026-12-06). A pharmacy's fax redacted costs a reader little, a patient's phone left in a
channel is a leak: the guard fails closed.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from bot.detect.recognizers.base import wordset
from bot.detect.types import Finding, Kind

# Labels that say an ID is a registry's, a plan's routing number or a product's batch.
REGISTRY_LABELS = wordset(
    "npi dea ncpdp nabp bin rxbin pcn rxpcn rxgrp ndc store lot lots nsn tin ein"
)
STOREFRONTS = wordset("pharmacy drug drugs apothecary store shop branch location")
GROUP_LABELS = wordset("group grp group#")
_WORD = re.compile(r"[\w'’#-]+")
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")


def organisation_spans(text: str, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """The spans of `findings` that are an organisation's or a product's registry numbers."""
    return [
        (f.start, f.end)
        for f in findings
        # an NPI's ten digits or an NDC read as a phone are the registry's too; a phone after
        # a store's word ("store 614-...") stays a phone
        if (f.kind is Kind.ID or (f.kind is Kind.CONTACT and not _after_store(text, f)))
        and _registry_labelled(text, f)
    ]


def without_spans(findings: Iterable[Finding], spans: Iterable[tuple[int, int]]) -> list[Finding]:
    """`findings` less those overlapping any of `spans` (a number claimed as no one's stays
    no one's when a later pass finds it again as a bare number)."""
    spans = list(spans)
    return [f for f in findings if not any(f.start < e and s < f.end for s, e in spans)]


def _clause_start(text: str, start: int) -> int:
    cut = 0
    for m in _CLAUSE_END.finditer(text, max(0, start - 200), start):
        cut = m.end()
    return cut


def _registry_labelled(text: str, f: Finding) -> bool:
    """An ID right after a registry label, or a group number in a clause with a BIN or PCN."""
    lo = _clause_start(text, f.start)
    words = [w.lower().strip("#:.") for w in _WORD.findall(text, max(lo, f.start - 24), f.start)]
    words = [w for w in words if w and w not in {"no", "number", "num", "and", "or", "id"}]
    if not words:
        return False
    if words[-1] in REGISTRY_LABELS or (len(words) > 1 and words[-2] in {"lot", "lots"}):
        return True
    if words[-1] in STOREFRONTS and text[f.start : f.start + 1] == "#":
        return True  # "Kroger Pharmacy #15069": the store's number
    if words[-1] in GROUP_LABELS:
        clause = {w.lower() for w in _WORD.findall(text, lo, f.start)}
        return bool(clause & {"bin", "pcn", "rxbin", "rxpcn"})
    return False


def _after_store(text: str, f: Finding) -> bool:
    words = _WORD.findall(text, max(0, f.start - 24), f.start)
    return bool(words) and words[-1].lower().strip("#:.") in STOREFRONTS
