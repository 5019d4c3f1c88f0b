"""CONTACT: an organisation's phone or fax in a post about no one.

Safe Harbor's telephone and fax numbers are those "of the individual or of relatives,
employers, or household members of the individual" (45 CFR 164.514(b)(2)). Clinicians paste a
pharmacy's callback number, a plan's toll-free help desk or a clinic's fax all day ("Pharmacy
fax: 800-555-0199", "Please call our pharmacy line at 1-800-555-0142"), and each alone made the
post `phi` (issue 13). Here a phone or fax is an organisation's, and no finding, when:

- no one is identified in the post: no other direct identifier (a patient's name, an ID, an
  e-mail, an address, an age over 89; a practitioner's name, a city or a day are quasi and
  allowed);
- the number says it is an organisation's: it is toll-free, shared-cost, premium-rate or a
  universal access number by `phonenumbers` (NANP 800/888/877/866/855/844/833, UK 0800/0808,
  AU 1800/1300; no person's line is one), or a freephone word stands beside it ("toll-free",
  "freephone"), or a desk's word is among the few words before it in its clause ("pharmacy",
  "clinic", "helpline", "switchboard", "front desk", "our main line", "the ward's number",
  "the office", "Dr Okafor's office", "PA fax", "its e-prescribing fax"), or it follows such a
  number in a list ("main line ...; fax ...", "(was ...)");
  a business named for its kind owns it too ("Transfers to Harmon Drug, 7696 Main St, ph ..."),
  a vendor's desk only as the number's label ("Pyxis support on ...", "Sodexo catering: ..."),
  and in a post about no one a letterhead's first line ("Fenwick Family Pharmacy #2197 /
  street / town / Phone ...");
- and never where the clause asks for a callback ("ring Gold back on", "wants a callback",
  "can be reached on", "best number", "contact"): c5c62e0 let a desk's word anywhere in the
  clause own the number, and "Clinic asked us to ring Gold back on 617-..." went clean;
- where a person is in the post all the same (an age, a room, a patient, clinical or relative
  word of `verdict.PERSON_WORDS`, relatives and carers, a personal pronoun or possessive in
  English or the deployment's other languages, "her", "my", "mi", "meine", or a personal line,
  "cell", "mobile", "home"), the number's type is not enough: a desk's or freephone word must
  own it, and no such person's word may stand in its own clause ("Pt 72yo, CrCl 30.\nPharmacy
  fax 617-..." loses the fax; "call her at 800-..." and "pharmacy fax 617-..., her cell 617-..."
  keep both). Synthetic voices draw a person's number from any area code, toll-free ones too
  (Faker's en_US "$##", es_ES "900"/"901", pt_BR "0800"): the general-PII voice lost one planted
  phone to its type alone in such a post.

A first version (98448a2 undid it) read the owner off the words before a number alone and
dropped patients' own numbers beside their names ("reach her at the office on ..."). The post
gates keep those: where someone is identified every number stays a finding, an organisation's
too; where someone is only mentioned, a number needs a desk's word and a clause with no person's
word. With no one in the post, a business's line identifies no individual.
"""

from __future__ import annotations

from collections.abc import Sequence

import phonenumbers
import regex as re

from bot.detect.post_gates import about_someone, identified, personal
from bot.detect.recognizers.base import wordset
from bot.detect.recognizers.contact import DEFAULT_PHONE_REGIONS
from bot.detect.types import Finding, Kind

# Number types no person's own line has.
ORG_NUMBER_TYPES = frozenset(
    {
        phonenumbers.PhoneNumberType.TOLL_FREE,
        phonenumbers.PhoneNumberType.SHARED_COST,
        phonenumbers.PhoneNumberType.PREMIUM_RATE,
        phonenumbers.PhoneNumberType.UAN,
    }
)
# A desk's, a service's or an organisation's own word before its number.
DESK_WORDS = wordset(
    "pharmacy pharmacy's pharmacies dispensary clinic clinic's clinics helpline helpline's "
    "hotline switchboard reception desk dispatch ward's department dept department's "
    "outpatients freephone toll-free tollfree freecall manufacturer wholesaler our its "
    "scheduling appointments bookings pbm plan's insurer's e-prescribing eprescribing erx "
    "prior-auth "
    # an organisation's own kind ("Larkspur Apothecary, ... ph")
    "apothecary"
)
# A vendor's or a service's desk owns a number only as its label, right before it ("Pyxis
# support on ...", "Sodexo catering: ..."): "Facilities query from Gold about parking, 617-..."
# and "Compounding request for Gold, ..." are a person's request, not the desk's line.
LABEL_DESK_WORDS = wordset(
    "support helpdesk help-desk servicedesk catering biomed facilities compounding"
)
# A business named for its kind in Title Case, not opening the clause ("Transfers to Harmon
# Drug, ..."); "Drug screen came back ..." and "Drugs team want ..." are no desk.
_SHOP_NAME = re.compile(r"\w[\s,]+\p{Lu}\p{Ll}+\s+(?:Drugs?|Chemists?)\b")
# What may stand between a label's desk word and its number.
_LABEL_FILLERS = wordset("line number no desk fax phone tel ph on at is main direct hotline ext")
# Callback wording: the number is someone's to be rung, whoever passed it on ("Clinic asked us
# to ring Gold back on ...", "wants a callback on ...", "can be reached on ...", "best number").
CALLBACK = re.compile(
    r"\b(?:call|ring|phone|text|get)(?:ing|ed|s)?\s+(?:[\w'’-]+\s+){0,3}?back\b"
    r"|\b(?:rang|called|phoned)\s+back\b|\bcall-?\s?backs?\b|\breach(?:ed|able)?\b"
    r"|\bcontact(?:ed|able)?\b|\bbest\s+(?:number|no|contact|phone)\b"
    r"|\bwants?\s+(?:a\s+)?(?:call|ring|text|phone\s+call)\b",
    re.I,
)
# Words that make "office", "line", "number", "ward" a desk's: "the office", "main line".
_DESK_LEADS = wordset(
    "the our main clinic practice pharmacy front back billing doctor's dr's help prescriber "
    "service support interpreter"
)
_DESK_NOUNS = wordset("office line number ward unit")
FREEPHONE = re.compile(r"\b(?:toll[- ]?free|freephone|free\s?phone|freecall|gratuit[oa]?)\b", re.I)
_PHONES = frozenset({"PHONE", "FAX", ""})
_WORD = re.compile(r"[\w'’-]+")
_CLAUSE = re.compile(r"[.;!?](?:\s|$)|\n")
# Only labels and joiners between two numbers of one desk ("; fax ", " / Fx ", " or ").
_JOINER = re.compile(
    r"[\s,;:/()]*(?:(?:or|and|was|ph|phone|tel|fax|fx|f|p|t|line|main)[\s.:,;/()]*)*", re.I
)
_LINK = re.compile(r"/|\b(?:or|was|ph|phone|tel|fax|fx|f|p|t)\b", re.I)
LABEL_REACH = 6
# A letterhead's block: the organisation's line, street, town and the phone line.
LETTERHEAD_LINES = 6
# A letterhead's phone line opens with its label; its first line is a name, not a sentence.
_PHONE_LINE = re.compile(r"\s*(?:phone|ph|tel|telephone|main|fax|p|t|f)\.?:?\s*", re.I)
_SENTENCE = re.compile(r"[.!?](?:\s|$)")
# A letterhead's middle lines are its street and town, nothing else (review F2: "Referral from
# Fenwick Family Pharmacy / Jane Gold / Dover, MI 48503 / Phone ..." is a patient's block).
_STREET_LINE = re.compile(
    r"\s*(?:\d{1,6}[A-Za-z]?(?:-\d{1,4})?\s+[\p{L}\d .,'’#-]+"
    r"|(?:Suite|Ste|Unit|Floor|Fl|Bldg|Building|P\.?\s?O\.?\s+Box)\.?\s*#?\s*[\dA-Z-]+)\s*",
    re.I,
)
_TOWN_LINE = re.compile(
    r"\s*[\p{L} .'’-]+,\s*\p{Lu}{2}\.?(?:\s+\d{5}(?:-\d{4})?)?\s*"
    r"|\s*[\p{L} .'’-]+,?\s+\p{Lu}{1,2}\d[\dA-Z]?\s*\d\p{Lu}{2}\s*"
)


def organisation_phone_spans(
    text: str, findings: Sequence[Finding], regions: Sequence[str] = DEFAULT_PHONE_REGIONS
) -> list[tuple[int, int]]:
    """The spans of the phones and faxes in `findings` that are an organisation's (module
    docstring); none when someone is identified in the post."""
    phones = [f for f in findings if f.kind is Kind.CONTACT and f.subtype in _PHONES]
    others = [f for f in findings if f not in phones]
    if not phones or identified(others):
        return []
    anyone = about_someone(text, others)
    claimed: list[tuple[int, int]] = []
    last: Finding | None = None
    for f in phones:
        gap = text[last.end : f.start] if last is not None else ""
        joined = last is not None and _JOINER.fullmatch(gap) is not None and bool(_LINK.search(gap))
        if _callback(text, f):
            owned = False  # a number to ring someone back on is theirs, whoever's desk asks
        elif anyone:
            # someone is in the post: a desk must own the number in words, in a clause with
            # no person's word (a number's type alone is a generator's draw as often as not)
            owned = (joined or _desk_labelled(text, f)) and not personal(_clause_words(text, f))
        else:
            owned = (
                joined
                or _org_number(text[f.start : f.end], regions)
                or _desk_labelled(text, f)
                or _letterhead(text, f, others)
            )
        if owned:
            claimed.append((f.start, f.end))
            last = f
    return claimed


def _clause_start(text: str, pos: int, back: int) -> int:
    """Where the clause that `pos` stands in opens, looking at most `back` characters back."""
    lo = 0
    for m in _CLAUSE.finditer(text, max(0, pos - back), pos):
        lo = m.end()
    return lo


def _clause_end(text: str, pos: int, ahead: int = 160) -> int:
    end = _CLAUSE.search(text, pos, pos + ahead)
    return end.start() if end else min(len(text), pos + ahead)


def _clause_words(text: str, f: Finding) -> list[str]:
    """The words of the clause the number stands in, both sides of it."""
    lo, hi = _clause_start(text, f.start, 160), _clause_end(text, f.end)
    return [*_WORD.findall(text, lo, f.start), *_WORD.findall(text, f.end, hi)]


def _callback(text: str, f: Finding) -> bool:
    """Callback wording in the number's clause, either side of it (`CALLBACK`)."""
    lo, hi = _clause_start(text, f.start, 160), _clause_end(text, f.end)
    return bool(CALLBACK.search(text[lo : f.start]) or CALLBACK.search(text[f.end : hi]))


def _org_number(value: str, regions: Sequence[str]) -> bool:
    """Toll-free, shared-cost, premium-rate or UAN in the first region whose rules accept it."""
    for region in regions[:1] if value.lstrip().startswith("+") else regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.number_type(number) in ORG_NUMBER_TYPES
    return False


def _letterhead(text: str, f: Finding, others: Sequence[Finding]) -> bool:
    """The number stands in a letterhead: its block (the lines since a blank line) opens with a
    line that names a desk or an organisation, and every line between is a street's or a
    town's with no name found in it ("Fenwick Family Pharmacy #2197 / 4459 Industrial Pkwy /
    Dover, MI / Phone ..."). Asked only in a post about no one."""
    start = text.rfind("\n\n", 0, f.start)
    begin = start + 2 if start >= 0 else 0
    lines = text[begin : f.start].split("\n")
    if len(lines) < 2 or len(lines) > LETTERHEAD_LINES or not _PHONE_LINE.fullmatch(lines[-1]):
        return False
    head = lines[0].strip()
    if _SENTENCE.search(head) or not any(w.lower() in DESK_WORDS for w in _WORD.findall(head)):
        return False
    middle = (begin + len(lines[0]) + 1, f.start - len(lines[-1]))
    if any(o.kind is Kind.NAME and o.start < middle[1] and o.end > middle[0] for o in others):
        return False
    return all(_STREET_LINE.fullmatch(x) or _TOWN_LINE.fullmatch(x) for x in lines[1:-1])


def _desk_labelled(text: str, f: Finding) -> bool:
    """A desk's word among the last few words before the number in its clause, a vendor's
    desk word as the number's label, or a freephone word right beside it ("Freephone 0808
    ...", "1-888-... (toll-free)")."""
    lo = _clause_start(text, f.start, 120)
    if FREEPHONE.search(text, max(lo, f.start - 24), f.start) or FREEPHONE.match(
        text[f.end : f.end + 16].lstrip(" ,(-–")
    ):
        return True
    words = [w.lower().replace("’", "'") for w in _WORD.findall(text, lo, f.start)]
    if _SHOP_NAME.search(text, lo, f.start):
        return True
    words = words[-LABEL_REACH:]
    for i, w in enumerate(words):
        if w in LABEL_DESK_WORDS and all(x in _LABEL_FILLERS for x in words[i + 1 :]):
            return True  # "Pyxis support on ...", "Sodexo catering: ..."
        if w in DESK_WORDS:
            return True
        if w == "pa" and words[i + 1 : i + 2] in (["fax"], ["line"], ["desk"], ["dept"]):
            return True  # "PA fax": a prior-auth desk ("PA" alone is also Pennsylvania)
        lead = words[i - 1] if i else ""
        if w in _DESK_NOUNS and (lead in _DESK_LEADS or lead.endswith(("'s", "’s"))):
            return True  # "the office", "our main line", "the ward", "Dr Okafor's office"
    return False
