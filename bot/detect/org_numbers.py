"""An organisation's own numbers: a pharmacy's fax, a plan's help desk, a prescriber's NPI.

Safe Harbor's identifiers are those "of the individual or of relatives, employers, or household
members of the individual" (45 CFR 164.514(b)(2)): a pharmacy's fax, a plan's toll-free help
desk, a clinic's DEA or NPI number, a store number and a plan's BIN and PCN identify an
organisation, not a patient, and a pharmacy's desk pastes them into nearly every message.
Found as phones and IDs, each alone made a message `phi` (issue 13: prior-auth forms, refill
renewals, delivery tickets). Run on the merged findings; a span claimed here is no PHI.

Who owns a number is read off what stands before it in its clause, nearest word first, the
first cue deciding: an organisation's word ("office fax", "help desk", "Dispatch", "our fax",
"its", "Pharmacy", "Cardiology") or a patient's ("her number", "home", "cell", "you", a
relative, the patient's name). A toll-free number is not enough by itself: lab_eob's ordering
office fax and the patients' phones other generators draw take any area code, 8xx too, and were
dropped with it (issue 13). A number joined to an organisation's by "or", "/" or "(was ...)" is that
organisation's too; on a letterhead line that is only labels and numbers ("Phone ... Fax ..."),
the lines above it in the same block decide. A registry label right before an ID (NPI, DEA,
NCPDP, BIN, PCN, store #, NDC, lot; a group number where the clause has a BIN or PCN) says it
is the organisation's or the product's. With no cue a phone stays a finding: a patient's
number is never dropped for want of a label.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex as re

from bot.detect.recognizers.base import wordset
from bot.detect.types import Finding, Kind

# Words that put a number in an organisation's hands: the desk, line or office it rings, the
# organisation itself by the words its names end in, and pronouns no person is ("its", "our").
ORG_CUES = wordset(
    "pharmacy pharmacies pharmacy's drug drugs apothecary clinic clinic's clinics practice office "
    "office's offices dept department desk helpdesk help-desk hotline helpline line switchboard "
    "dispatch store store's its our ours plan's insurer insurer's pbm program programme "
    "services reception scheduling e-prescribing eprescribing erx prior-auth auth attn "
    "medicine medical associates health healthcare hospital hospitals center centre labs lab "
    "laboratory laboratories cardiology dermatology pediatrics paediatrics endocrinology "
    "rheumatology oncology orthopedics orthopaedics radiology neurology urology gastroenterology "
    "pulmonology nephrology therapeutics pharma pharmaceuticals inc llc corp ltd wholesaler "
    "manufacturer vendor supplier courier toll-free tollfree"
)
# Words that put it in the patient's or a relative's hands.
PATIENT_CUES = wordset(
    "patient patient's pt pt's her hers his him she he my me mine you your yours home cell "
    "mobile personal daughter son wife husband mother father mom mum dad sister brother spouse "
    "partner caregiver carer guardian relative family niece nephew grandson granddaughter "
    "grandmother grandfather friend neighbour neighbor arrival text texts member's"
)
# Labels that say an ID is a registry's, a plan's routing number or a product's batch.
REGISTRY_LABELS = wordset(
    "npi dea ncpdp nabp bin rxbin pcn rxpcn rxgrp ndc store lot lots nsn tin ein"
)
STOREFRONTS = wordset("pharmacy drug drugs apothecary store shop branch location")
GROUP_LABELS = wordset("group grp group#")
_PHONES = frozenset({"PHONE", "FAX", ""})
_WORD = re.compile(r"[\w'’#-]+")
_CLAUSE_END = re.compile(r"[.;!?](?:\s|$)|\n")
# Only labels and connectors between two numbers of one organisation ("or fax", " / Fx ").
_JOINER = re.compile(r"[\s,;:/()]*(?:(?:or|and|was|ph|phone|tel|fax|fx|f|p|t)[\s.:,;/()]*)*")
_LABELS_ONLY = wordset("phone ph tel telephone fax fx f p t main toll-free no number")
_BLOCK_LINES = 4
ORG_REACH = 5


def organisation_spans(text: str, findings: Iterable[Finding]) -> list[tuple[int, int]]:
    """The spans of `findings` that are an organisation's or a product's own phones and IDs."""
    claimed: list[tuple[int, int]] = []
    kept: list[Finding] = []
    last_org_phone: Finding | None = None
    for f in findings:
        if f.kind in (Kind.ID, Kind.CONTACT) and _registry_labelled(text, f):
            claimed.append((f.start, f.end))
        elif f.kind is Kind.CONTACT and f.subtype in _PHONES:
            if _org_phone(text, f, last_org_phone, kept):
                last_org_phone = f
                claimed.append((f.start, f.end))
            else:
                kept.append(f)
        else:
            kept.append(f)
    return claimed


def without_spans(findings: Iterable[Finding], spans: Iterable[tuple[int, int]]) -> list[Finding]:
    """`findings` less those overlapping any of `spans` (a number claimed as no one's stays
    no one's when a later pass finds it again as a bare number)."""
    spans = list(spans)
    return [f for f in findings if not any(f.start < e and s < f.end for s, e in spans)]


def _org_phone(text: str, f: Finding, last_org: Finding | None, kept: list[Finding]) -> bool:
    if last_org is not None and _JOINER.fullmatch(text, last_org.end, f.start, partial=False):
        return True
    clause = _clause_start(text, f.start)
    owner = _owner(text, clause, f.start, kept)
    if owner is None and _letterhead(text, clause, f.start):
        owner = _block_owner(text, clause, kept)
    return owner == "org"


def _clause_start(text: str, start: int) -> int:
    cut = 0
    for m in _CLAUSE_END.finditer(text, max(0, start - 200), start):
        cut = m.end()
    return cut


def _owner(text: str, lo: int, hi: int, kept: list[Finding]) -> str | None:
    """'org' or 'patient' by the cue nearest before `hi` in text[lo:hi], among its last
    ORG_REACH words (a number's own label: "office fax", "its e-prescribing fax to"); None
    without one. Farther back an organisation's word is what the clause is about, not whose
    number it is, and a patient's number stays found (issue 13)."""
    people = [k for k in kept if k.kind is Kind.NAME and k.subtype != "PRACTITIONER"]
    for m in list(_WORD.finditer(text, lo, hi))[::-1][:ORG_REACH]:
        if any(p.start <= m.start() < p.end for p in people):
            return "patient"
        word = m.group().lower().replace("’", "'")
        base = word[:-2] if word.endswith("'s") else word
        if word in PATIENT_CUES or base in PATIENT_CUES:
            return "patient"
        if word in ORG_CUES or base in ORG_CUES or _desk_initials(text, word, m.end()):
            return "org"
    return None


def _desk_initials(text: str, word: str, end: int) -> bool:
    """ "PA fax", "PA line": a prior-auth desk; "PA" alone is also Pennsylvania."""
    if word != "pa":
        return False
    after = _WORD.search(text, end, end + 16)
    return after is not None and after.group().lower() in {"fax", "line", "desk", "dept", "team"}


def _letterhead(text: str, lo: int, hi: int) -> bool:
    """A line that so far holds only phone labels and numbers ("Phone 555-... Fax")."""
    line_start = text.rfind("\n", 0, hi) + 1
    if lo < line_start:
        return False
    words = [w.lower().strip(".:") for w in _WORD.findall(text, line_start, hi)]
    return all(w in _LABELS_ONLY or w.isdigit() for w in words)


def _block_owner(text: str, line_start: int, kept: list[Finding]) -> str | None:
    """Who the lines above a letterhead line, up to a blank line, say owns its numbers."""
    hi = line_start
    for _ in range(_BLOCK_LINES):
        if hi <= 0:
            return None
        lo = text.rfind("\n", 0, hi - 1) + 1
        if not text[lo : hi - 1].strip():
            return None
        owner = _owner(text, lo, hi - 1, kept)
        if owner is not None:
            return owner
        hi = lo
    return None


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
