"""ID: vehicle licence plates (Safe Harbor item 12), with or without a label.

`ids.IdRecognizer` takes a plate written after its label in groups ("plate VT 22 EN") or right
after a vehicle word ("the van KLM 482"). A plate is also written alone, and many national
shapes are distinctive enough to stand so: the UK's "AB12 CDE", the French and Italian
"AB-123-CD", the Dutch hyphenated sidecodes ("12-ABC-3"), the German "B-MW 1234", the Spanish
"1234 BCD" (consonants only), the Indian "KA 01 AB 1234", the Mercosur "ABC1D23" and the US
"ABC-1234". Shapes that lab values and scores share ("BP 120", "CD4 350", "LDH 1500") are
taken only after a plate label or with a vehicle or car make within a few words before.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, wordset

_VEHICLE = (
    r"(?:car|van|truck|vehicle|motorbike|motorcycle|moped|scooter|ambulance|taxi|cab|minibus|minivan"
    r"|suv|pickup|sedan|hatchback|wagon|camper|rv|trailer|lorry|jeep|toyota|honda|ford|chevrolet"
    r"|chevy|nissan|bmw|volkswagen|vw|hyundai|kia|subaru|tesla|mazda|dodge|audi|mercedes|volvo"
    r"|peugeot|renault|fiat|skoda|opel|lexus|buick|cadillac|gmc|chrysler|mitsubishi|suzuki|citro[eë]n"
    r"|dacia|prius|corolla|camry|civic|parked|towed)"
)
# A plate in groups: upper-case letters and digits, both present, 4 to 10 characters in all.
_GROUPED = r"(?-i:(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,4}){0,3})"
_NOT_PLATE_WORDS = wordset(
    "icd cpt iso dsm cyp hla sop npi mrn gcs nyha asa fev covid sars hiv hpv ebv cmv mcg kcl hrs pst "
    "icu ed er or ct pacu nicu picu ward bay rm room bed lot level gate exit hwy route us sr "
    "cst mst est gmt bst cdt mdt pdt edt bpm ecg ekg mri jan feb mar apr may jun jul aug sep sept oct "
    "nov dec "
    # a dose and its frequency ("amox-clav 500/125 TID" a few words after "van")
    "tid bid qid qd qod qhs qam qpm prn mg ml units"
)


# A clock time and weekday initials ("0530 MWF", "1300 TTS"): a dialysis chair's schedule
_DAYS_AND_CLOCK = re.compile(
    r"(?:[MTWRFS]|Tu|Th|Sa|Su)(?:[-/](?:[MTWRFS]|Tu|Th|Sa|Su))+\s(?:[01]\d|2[0-3])[0-5]\d"
)
_CLOCK_AND_DAYS = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d\s?[MTWRFSH]{2,3}")


# What `refine` asks of a match, compiled once (a module-level `regex` call costs a cache look-up)
_JOINERS = re.compile(r"[ -]")
_FORM_AFTER = re.compile(r"[ \t]+(?:form|forms|packet)\b", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")


class PlateRecognizer(ClinicalPatternRecognizer):
    """Licence plates by national shape, and looser shapes near a plate label or vehicle."""

    NEEDS_DIGIT = True
    ENTITY = "ID"
    SUBTYPE = "MRN"
    # looked for backwards first (`BACKWARDS_FIRST`): the plate's last group ends them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {"mercosur_plate_strong", "in_plate_strong", "us_plate_medium"}
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("uk_plate_strong", r"(?-i:\b[A-Z]{2}\d{2}\s?[A-Z]{3}\b)", 0.8),
        Pattern("fr_it_plate_strong", r"(?-i:\b[A-Z]{2}(?:-\d{3}-|\d{3})[A-Z]{2}\b)", 0.8),
        Pattern(
            "hyphen_groups_plate_medium",
            r"(?-i:(?<![\w-])(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{1,3}-[A-Z0-9]{1,4}-[A-Z0-9]{1,3}(?![\w-]))",
            0.65,
        ),
        Pattern("de_plate_strong", r"(?-i:\b[A-ZÄÖÜ]{1,3}-[A-Z]{1,2}\s\d{2,4}[EH]?\b)", 0.75),
        Pattern("es_plate_medium", r"(?-i:\b\d{4}\s?[BCDFGHJKLMNPRSTVWXYZ]{3}\b)", 0.6),
        Pattern("in_plate_strong", r"(?-i:\b[A-Z]{2}[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}\b)", 0.8),
        Pattern("mercosur_plate_strong", r"(?-i:\b[A-Z]{3}\d[A-Z]\d{2}\b)", 0.75),
        Pattern("us_plate_medium", r"(?-i:\b(?:[A-Z]{3}-\d{3,4}|\d{3}-[A-Z]{3})\b)", 0.6),
        Pattern(
            "labelled_plate_strong",
            r"\b(?:plates?|licen[cs]e\s+plates?|number\s+plate|reg(?:istration)?|tag|lp)"
            r"(?:\s+(?:no\.?|number|#))?(?:\s+(?:is|was|reads|of))?\s*[:#]?\s*"
            rf"(?P<v>{_GROUPED})(?![\w-])",
            0.85,
        ),
        Pattern(
            # a transport's fleet number on a dispatch line ("unit W967 plate F-422-MI",
            # "medic M73"): the vehicle that carried the patient; not a dose ("1000 unit B12")
            "fleet_unit_strong",
            r"(?-i:(?<!\d\s?)\b(?:[Uu]nit|UNIT|[Mm]edic|MEDIC|[Rr]ig|RIG)\s#?(?P<v>[A-Z]{1,2}\d{2,4})\b)",
            0.8,
        ),
        Pattern(
            "near_vehicle_plate_strong",
            rf"\b{_VEHICLE}\b[^.\n;]{{0,40}}?(?<![\w-])(?P<v>{_GROUPED})(?![\w-])",
            0.8,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["plate", "plates", "reg", "registration", "car", "vehicle"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        groups = _JOINERS.split(value)
        if any(g.lower() in _NOT_PLATE_WORDS for g in groups):
            return None  # "ICD-10-CM", "12-JAN-24", "1200 MCG", "0800 PST"
        if _FORM_AFTER.match(text[result.end :]):
            return None  # "CMS-2728 form": a form's number, on every copy of it
        if _DAYS_AND_CLOCK.fullmatch(value):
            return None  # "M-W-F 0600": the days and the time of a standing slot
        if name == "es_plate_medium" and _CLOCK_AND_DAYS.fullmatch(value):
            return None  # "at 0530 MWF": a chair's time and its days, not a Spanish plate
        alnum = len(_JOINERS.sub("", value))
        if name in {"labelled_plate_strong", "near_vehicle_plate_strong"}:
            if alnum < 4 or sum(c.isdigit() for c in value) < 2:
                return None  # "reg A1", "the car in lot B4": too short for a plate
            if _YEAR.fullmatch(groups[-1]) and len(groups) > 1:
                return None  # "Honda CRV 2019": a model and its year
        if name == "near_vehicle_plate_strong" and alnum < 5:
            return None
        if name == "hyphen_groups_plate_medium" and alnum < 5:
            return None  # "A-1-B": too short for a plate
        return result


_PLATE_QUALIFIER = r"(?:vanity|personali[sz]ed|private|cherished|custom)"
_QUALIFIED_PLATE = (
    rf"{_PLATE_QUALIFIER}[ \t]+(?:number[ \t]+)?(?:plates?|reg(?:istration)?)"
    r"|(?:number|licen[cs]e|registration|reg)[ \t]+plates?"
)
_QUALIFIED = re.compile(rf"\b(?:{_QUALIFIED_PLATE})\b[^\n]{{0,16}}$", re.IGNORECASE)
_NO_PLATE = wordset("none unknown tbc tba not nil obscured missing unreadable illegible na")


_VEHICLE_BEFORE = re.compile(rf"\b{_VEHICLE}\b[^.\n;]{{0,40}}$", re.IGNORECASE)


class VanityPlateRecognizer(ClinicalPatternRecognizer):
    """A plate of letters alone ("vanity plate GRANDMA", "car in the drive is plate MUMSTAXI"):
    a personalised plate names its keeper as surely as one with digits (Safe Harbor item 12).
    Its own recognizer, since `PlateRecognizer` skips a text with no digit. A bare "plate"
    needs a vehicle's word before it, as a petri dish's "plate MRSA" has none."""

    ENTITY = "ID"
    SUBTYPE = "MRN"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "lettered_plate_strong",
            rf"\b(?:{_QUALIFIED_PLATE}|plates?)"
            r"(?:[ \t]+(?:no\.?|number))?(?:[ \t]+(?:is|was|reads|says|of))?[ \t]*[:#]?[ \t]*['\"‘“]?"
            r"(?P<v>(?-i:[A-Z]{3,8}))(?![\w-])",
            0.8,
        ),
        # after a vanity or personalised label, quoted or in any case ("vanity plate 'Grandma'")
        Pattern(
            "quoted_vanity_plate_strong",
            rf"\b(?:{_PLATE_QUALIFIER}[ \t]+(?:number[ \t]+)?(?:plates?|reg(?:istration)?))"
            r"(?:[ \t]+(?:is|was|reads|says|of))?[ \t]*[:#]?[ \t]*['\"‘“](?P<v>[A-Za-z]{3,8})['\"’”]",
            0.8,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        if value.lower() in _NO_PLATE or value.lower() in _NOT_PLATE_WORDS:
            return None  # "number plate UNKNOWN", "plate ICU"
        head = text[max(0, result.start - 60) : result.start]
        qualified = _QUALIFIED.search(head)
        vehicle = _VEHICLE_BEFORE.search(head)
        return result if qualified or vehicle else None
