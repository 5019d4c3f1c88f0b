"""LOCATION: institutions, street addresses, cities, ZIP codes.

Institutions come from the deployment's own list (`Settings.institutions`) plus shapes
("St. Mary's", "Mercy General", "Lakeside Medical Center", "Mass General") and well-known
short names in `data/institutions.txt`. A street address is a direct identifier (`ADDRESS`);
institution, city and ZIP are quasi-identifiers (`INSTITUTION`, `CITY`, `ZIP`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.data import load_words
from bot.detect.recognizers.base import ClinicalPatternRecognizer, words_after, words_before

_CAP = r"(?:[A-Z][\w'’.-]*|[a-z][a-z'’-]{2,})"
_FACILITY = (
    r"(?:general(?:\s+hospital)?|memorial(?:\s+hospital)?|medical\s+center|med\s+center|medical\s+centre|hospital"
    r"|regional(?:\s+(?:medical\s+center|hospital))?|children'?s(?:\s+hospital)?|infirmary|health\s+system"
    r"|health\s+center|cancer\s+center|rehab(?:ilitation)?\s+(?:center|hospital)|nursing\s+home|clinic"
    r"|university\s+hospital|va\s+medical\s+center|vamc|community\s+hospital|healthcare|health)"
)
_STREET = (
    r"(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|ter|terrace|pkwy"
    r"|parkway|cir|circle|hwy|highway|sq|square|trl|trail|loop|row|run|pike|alley|path|crescent|cres|close"
    r"|walk|plaza|point|pt|ridge|view|crossing|xing|grove|gardens?|heights|hills?|park|manor|meadows?|mews"
    r"|station|summit|vista|via|creek|brook|harbor|landing|junction|isle|island|valley|village|ville|well|wells"
    r"|estates?|falls|fields?|forest|fork|glen|green|haven|knoll|lakes?|mill|mission|orchard|oval|pass|port"
    r"|route|spring|springs|stravenue|street|streets|throughway|track|trace|turnpike|union|skyway|shore|shoals?)"
)
_STATES = ["AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR"]
_STATE_RE = "(?:" + "|".join(_STATES) + ")"
_NOT_ADDRESS = frozenset(
    ["mg", "mcg", "ml", "units", "u", "tab", "tabs", "tablet", "po", "iv", "im", "sq", "pm", "am", "with", "at", "by", "for", "the", "of", "to", "and", "or", "x", "q", "prn", "bid", "tid", "daily", "hours", "hrs", "min", "minutes", "days", "weeks", "mo", "months", "times", "doses", "liters", "l"]
)
_NOT_INSTITUTION_BEFORE = frozenset(
    ["the", "a", "an", "in", "at", "of", "to", "for", "from", "and", "or", "with", "our", "my", "your", "this", "that", "surgery", "medicine", "internal", "general", "peds", "pediatric", "family", "emergency", "mental", "public", "primary", "urgent", "home", "va"]
)
# A synthetic-town shape common in generated data and in real US place names.
_TOWN = (
    r"\b(?:(?:North|South|East|West|New|Lake|Port|Fort|Mount|Glen)\s+[A-Z][a-z]+(?:\s?(?:town|ton|land|ville|berg|burgh"
    r"|borough|bury|view|port|mouth|stad|furt|chester|fort|haven|side|shire|field|ford|wood))?"
    r"|[A-Z][a-z]+(?:town|ton|land|ville|berg|burgh|borough|bury|view|port|mouth|stad|furt|chester|haven|side|shire))\b"
)


class InstitutionRecognizer(ClinicalPatternRecognizer):
    """Hospitals and clinics: the deployment's list plus name shapes."""

    ENTITY = "LOCATION"
    SUBTYPE = "INSTITUTION"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("saint_strong", r"\b(?:st\.?|saint|ste\.?)\s+[A-Z][a-z]+(?:'s|’s|s)?(?:\s+" + _FACILITY + r")?\b", 0.7),
        Pattern("named_facility_strong", rf"\b(?:{_CAP}\s+){{1,3}}{_FACILITY}\b", 0.6),
        Pattern("mass_general_strong", r"\b(?:mass|mass\.)\s+(?:general|gen|eye\s+and\s+ear)\b", 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["at", "from", "to", "transferred", "transfer", "osh", "admitted", "sent"]

    def __init__(self, institutions: Sequence[str] = ()) -> None:
        names = sorted({n.strip() for n in (*institutions, *load_words("institutions.txt", lower=False)) if n.strip()}, key=len, reverse=True)
        patterns = list(self.PATTERNS)
        if names:
            alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
            patterns.append(Pattern("listed_institution_strong", rf"(?<![\w-])(?:{alternation})(?![\w-])", 0.85))
        super().__init__(patterns=patterns)

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = result.analysis_explanation.pattern_name if result.analysis_explanation else ""
        if name == "named_facility_strong":
            words = value.split()
            # Trim leading function words: "transferred from Mercy General" keeps "Mercy General".
            while words and words[0].lower() in _NOT_INSTITUTION_BEFORE:
                result.start += len(words[0]) + (len(value) - len(value.lstrip())) + 1
                value = text[result.start : result.end]
                words = value.split()
            if len(words) < 2 or words[0].lower() in _NOT_INSTITUTION_BEFORE:
                return None
            if value.islower() and words[-1].lower() in {"health", "clinic", "hospital", "healthcare"}:
                return None
        if name == "saint_strong" and value.split()[0].lower() == "st" and value.islower():
            return None
        return result


class AddressRecognizer(ClinicalPatternRecognizer):
    """Street addresses ("123 Main St", "45 Oak Avenue Apt 3") and ZIP codes in context."""

    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "street_strong",
            rf"(?<![\d./-])\b\d{{1,6}}[A-Z]?\s+(?:[NSEW]\.?\s+)?(?:[\w'’.-]+\s+){{1,3}}{_STREET}\b\.?(?:,?\s*(?:apt|apartment|unit|suite|ste|#)\.?\s*#?\w+)?",
            0.75,
        ),
        Pattern("po_box_strong", r"\bp\.?\s?o\.?\s+box\s+\d+\b", 0.85),
        Pattern("zip_after_state_strong", rf"(?<=\b{_STATE_RE},?\s+)\d{{5}}(?:-\d{{4}})?\b", 0.8),
        Pattern("zip_labelled_strong", r"(?<=\b(?:zip|zipcode|zip\s+code|postal\s+code)\s*:?\s*)\d{5}(?:-\d{4})?\b", 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["lives", "address", "at", "on", "home"]
    FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = result.analysis_explanation.pattern_name if result.analysis_explanation else ""
        if name.startswith("zip"):
            result.recognition_metadata["subtype"] = "ZIP"
            return result
        if name == "street_strong":
            inner = [w.lower().strip(".,") for w in value.split()[1:-1]]
            if any(w in _NOT_ADDRESS for w in inner):
                return None
            if value.split()[-1].lower().strip(".") in {"dr", "st", "pt"} and words_after(text, result.end, 1)[:1] and text[result.end : result.end + 2].strip()[:1].isupper():
                return None  # "3 with Dr Lee", "2 St Mary's": a title, not a street type
        return result


class CityRecognizer(ClinicalPatternRecognizer):
    """Cities: "City, ST", listed city names, town-shaped names after "from"/"in"/"lives in"."""

    ENTITY = "LOCATION"
    SUBTYPE = "CITY"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("city_state_strong", rf"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{0,2}},\s+{_STATE_RE}\b", 0.8),
        Pattern("town_shape_medium", _TOWN, 0.55),
    ]
    CONTEXT: ClassVar[list[str]] = ["from", "in", "lives", "near", "to", "resident", "moved", "visiting", "home"]
    FLAGS = re.DOTALL | re.MULTILINE

    def __init__(self) -> None:
        cities = sorted(load_words("cities.txt", lower=False), key=len, reverse=True)
        patterns = list(self.PATTERNS)
        if cities:
            alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in cities)
            patterns.append(Pattern("listed_city_medium", rf"(?<![\w-])(?i:{alternation})(?![\w-])", 0.6))
        super().__init__(patterns=patterns)

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = result.analysis_explanation.pattern_name if result.analysis_explanation else ""
        before = words_before(text, result.start, 2)
        cued = any(w in {"from", "in", "lives", "near", "to", "of", "at", "resident", "visiting", "moved", "home"} for w in before)
        if name == "town_shape_medium" and not cued:
            return None
        if name == "listed_city_medium" and not (cued or value[:1].isupper()):
            return None
        if value.lower() in load_words("common_words.txt"):
            return None
        return result
