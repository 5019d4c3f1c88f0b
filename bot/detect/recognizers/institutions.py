"""Institutions: hospitals, clinics, labs, residences and schools, from the deployment's own
list (`Settings.institutions`), the well-known short names in `data/institutions.txt` and name
shapes ("St. Mary's", "Mercy General", "Lakeside Medical Center", "Mass General"). A
quasi-identifier (`INSTITUTION`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.data import load_words
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    words_after,
    words_before,
    wordset,
)
from bot.detect.recognizers.facility_names import CAP, FACILITY, PLACE_CUES, name_start
from bot.detect.recognizers.facility_places import (
    SYSTEMS,
    branch_town,
    facility_trail,
    placed_facility,
)
from bot.detect.recognizers.names_lexicon import lexicon
from bot.detect.recognizers.town_shapes import NOT_CITY_AFTER

# what makes a listed hospital's name part of a clinical term ("Parkland formula", "Mayo
# score", "Duke criteria"), named for where it was devised
_TERM_AFTER = NOT_CITY_AFTER | wordset("formula scale staging index calculator regimen")
_SAINTS = frozenset({"St.", "Ste.", "Mt."})
# Kinds of school, not places ("Summer School", "Medical School", "Nursing School"), though
# some are also names
_SCHOOL_KINDS = wordset(
    "summer medical nursing sunday night law graduate boarding public private charter local "
    "secondary grade driving dental business art music dance language flight home catholic "
    "christian pharmacy residency fellowship this that our your the new old"
)
_STREET_BEFORE = re.compile(
    r"(?<![\w/.-])\d{1,6}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:(?!(?:at|from|to|in|for|with|and|or|the|pts?|patients?|of|on|by)\b)[\w'’.-]+\s+){1,3}$",
    re.IGNORECASE,
)


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_RESIDENCE_LEAD = re.compile(r"(?:(?:The|At|From|To|In|Meet|Visit|Called)\s+)+")
_SCHOOL_LEAD = re.compile(r"(?:(?:The|At|From|To|In|Our|Your)\s+)+")


class InstitutionRecognizer(ClinicalPatternRecognizer):
    """Hospitals and clinics: the deployment's list plus name shapes."""

    ENTITY = "LOCATION"
    SUBTYPE = "INSTITUTION"
    # looked for backwards first (`BACKWARDS_FIRST`): a facility word ends it
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset({"named_facility_strong"})
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "saint_strong",
            r"\b(?:st\.?|saint|ste\.?)\s+[A-Z][a-z]+(?:'s|’s|s)?(?:\s+" + FACILITY + r")?\b",
            0.7,
        ),
        Pattern("named_facility_strong", rf"\b(?:{CAP}\s+){{1,3}}{FACILITY}\b", 0.6),
        Pattern(
            "university_hospital_strong",
            rf"\buniversity\s+of\s+(?:\p{{L}}[\p{{L}}'’.-]+\s+){{1,3}}{FACILITY}\b",
            0.75,
        ),
        Pattern(
            "facility_prefix_strong",
            r"\b(?:hôpital|hopital|clínica|clinica|klinikum|ospedale|policlinico|szpital|hastanesi|centre\s+hospitalier"
            r"|centro\s+m[ée]dico|hospital\s+(?:de|del|da|do|san|santa|são|sao)|sanatorio|bệnh\s+viện|our\s+lady\s+of)"
            r"\s+(?:(?:de|del|da|do|la|le|san|santa|são|sao|st\.?)\s+)?(?-i:\p{Lu})[\p{L}\p{M}'’-]+(?:\s+(?-i:\p{Lu})[\p{L}\p{M}'’-]+){0,2}",
            0.8,
        ),
        # Where people live together, with the space or lot inside it: "Sunset Mobile Home
        # Park, Space 78", "Pinebrook Apartments", "Cedar Ridge Estates, Lot 90"
        Pattern(
            "residence_strong",
            r"(?-i:\b(?:[A-Z][\w'’-]+\s+){1,3}(?:Mobile\s+Home\s+Park|Trailer\s+Park|RV\s+Park|Apartments|Apts\.?"
            r"|Estates|Manor|Condominiums|Condos|Townhomes|Senior\s+Living|Hospice\s+House|Retirement\s+Community))"
            r"(?:,?\s+(?:space|spc|lot|unit|apt\.?|bldg\.?|#)\s*#?\s*\w{1,5}(?:-\w{1,3})?(?:,?\s*#\s*\d{1,5})?"
            # and the town after the unit, when the line or sentence ends with it
            r"(?:,\s+(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})(?=\s*(?:[.;\n]|$)))?)?",
            0.75,
        ),
        # A school named for its town or a person ("Quimby Middle School", "Tillery Gap
        # Elementary", "Lincoln Primary"): where a student is, as a form or a nurse writes it
        Pattern(
            "school_medium",
            r"(?-i:\b(?:(?:St|Ste|Mt)\.\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:Elementary(?:\s+School)?|Middle\s+School|High\s+School"
            r"|Junior\s+High|Primary(?:\s+School)?|Intermediate\s+School|Consolidated\s+Schools?|School\s+District|School))\b"
            # and its town after a comma, at the end of the line ("Lincoln Primary, Duvall Corner")
            r"(?:,[ \t]+(?-i:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})(?=[ \t]*(?:\n|$)))?",
            0.6,
        ),
        # A health system's name before the town its hospital is in ("Mercy Oshkosh", "Banner
        # Casa Grande"): the town words are checked in `refine`
        Pattern(
            "system_town_medium",
            rf"(?-i:\b(?:{SYSTEMS})(?:[ ](?:Health|Hospital|Medical[ ]Center))?(?:[ ][-–][ ]|[ ])(?P<v>[A-Z][a-z'’]+(?:[ ][A-Z][a-z'’]+){{0,2}}))\b",
            0.6,
        ),
        # A VA hospital by its town, after a place word ("resides at the Mount Airy VA")
        Pattern(
            "town_va_medium",
            r"\b(?:the|at|outside|from|to)\s+(?P<v>(?-i:[A-Z][\w'’]+(?:[ ][A-Z][\w'’]+){0,2}[ ]VA))\b(?![ \t]*[\d-])",
            0.6,
        ),
        # A generic hospital word made a name by its place ("Children's Hospital Colorado",
        # "Children's Hospital of Philadelphia", "Shriners Hospitals for Children Boston")
        Pattern(
            "generic_hospital_place_medium",
            r"(?-i:\b(?:Children['’]?s|Childrens|Shriners|Veterans|Women['’]?s|University|Community|County|State"
            r"|Regional|General|Memorial|Baptist|Methodist|Presbyterian|Lutheran|Adventist)[ ](?:Hospitals?|Medical[ ]Center"
            r"|Health(?:[ ]Care|care)?)(?:[ ]for[ ]Children)?(?:[ ]of)?(?:[ ]the)?[ ](?P<place>[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}))\b",
            0.6,
        ),
        # A town's hospital unit ("the Franklinside ED", "Quimby Urgent Care"): the town
        # words are checked in `refine`, the unit word goes with them
        Pattern(
            "town_unit_medium",
            r"(?-i:\b(?P<town>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)[ ](?:ED|ER|ICU|NICU|PICU|Campus|Urgent[ ]Care|Walk-[Ii]n|Dialysis|Infusion[ ]Center))\b",
            0.6,
        ),
        Pattern(
            "mass_general_strong", r"\b(?:mass|mass\.)\s+(?:general|gen|eye\s+and\s+ear)\b", 0.85
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "at",
        "from",
        "to",
        "transferred",
        "transfer",
        "osh",
        "admitted",
        "sent",
    ]

    def __init__(self, institutions: Sequence[str] = ()) -> None:
        names = sorted(
            {
                n.strip()
                for n in (*institutions, *load_words("institutions.txt", lower=False))
                if n.strip()
            },
            key=len,
            reverse=True,
        )
        patterns = list(self.PATTERNS)
        if names:
            alternation = trie_alternation(names)
            patterns.append(
                Pattern(
                    "listed_institution_strong",
                    rf"(?<![\w-])(?:{alternation})(?:\s+{FACILITY})?(?![\w-])",
                    0.85,
                )
            )
        super().__init__(patterns=patterns)

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "listed_institution_strong" and value.split()[-1].lower() not in {
            "hospital",
            "clinic",
        }:
            after = words_after(text, result.end, 1)
            if after and after[0] in _TERM_AFTER:
                return None  # "Parkland formula", "Duke criteria": a term, not the place
        if name in {"system_town_medium", "town_va_medium"}:
            return branch_town(text, result)
        if name in {"generic_hospital_place_medium", "town_unit_medium"}:
            return placed_facility(text, result)
        if name == "residence_strong":
            lead = _RESIDENCE_LEAD.match(value)
            if lead:
                result.start += lead.end()
            return result if result.start < result.end else None
        if name == "school_medium":
            lead = _SCHOOL_LEAD.match(value)
            if lead:
                result.start += lead.end()
            words = text[result.start : result.end].split(",")[0].split()
            own = words[: -2 if words[-1] in {"School", "High", "Schools", "District"} else -1]
            if words[-1] == "School" and words[-2] not in {
                "Middle",
                "High",
                "Primary",
                "Intermediate",
            }:
                own = words[:-1]  # "St. Brendan's School"
            lex = lexicon()
            if not own or all(
                w.lower() in _SCHOOL_KINDS or (lex.is_english(w) and not lex.is_name(w))
                for w in own
                if w not in _SAINTS
            ):
                return None  # "Summer School", "Medical School": no place named
            return result
        if name == "named_facility_strong":
            if text[result.end : result.end + 1] == "#":
                return None  # "Case Hosp# 4441663956": a hospital number's label
            trimmed = name_start(text, result.start, result.end)
            if trimmed is None:
                return None
            result.start = trimmed
        if name in {"named_facility_strong", "listed_institution_strong", "saint_strong"}:
            # "Mount Sinai West", "Lakeview Regional - North Campus", "Children's Hospital Oakland"
            result.end = facility_trail(text, result.end)
        if name == "saint_strong" and _STREET_BEFORE.search(
            text[max(0, result.start - 40) : result.start]
        ):
            return None  # "4521 Elm St Eugene": a street suffix, then the city
        bare_st = (
            name == "saint_strong"
            and value.split()[0].lower() == "st"
            and value.islower()
            and not value.endswith(("'s", "’s"))
        )
        if bare_st and not any(w in PLACE_CUES for w in words_before(text, result.start, 2)):
            return None  # "st francis" needs "at"/"from"; "st" alone is often "street" or "stat"
        return result


def trie_alternation(names: Sequence[str]) -> str:
    """One regex for many case-insensitive names, as a character trie ("mass (?:general|eye)")
    rather than a flat alternation: a flat one retries every name at every position. A
    longer name is tried before its prefix, as the flat one sorted by length did; a space
    matches any run of whitespace."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for name in names:
        node = trie
        for ch in name.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        branches = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(child)
            for ch, child in sorted(node.items())
            if ch
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)
