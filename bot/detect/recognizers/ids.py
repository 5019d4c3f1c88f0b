"""ID: record, accession, account, health-plan, licence, device, vehicle and study numbers, SSN.

With a label ("MRN 12345678", "mrn#: 00123456", "acc A1234567") the value is an ID whatever
its shape; without one, a run of 7 to 12 digits standing alone is treated as an ID too (the
issue's "bare number next to a name"): labs, doses and vitals never need that many digits.
Identifiers with letters count unlabelled when they look like nothing else: a token of letters
and at least four digits ("HPX-77-40921", "SN-CG5-881207X", "2MAJ499", "chartMRN04857211"),
except a quantity with its unit ("1500mL") and technical strings (a lower-case hex hash, "0x7ff").
A 5- or 6-digit number in parentheses ("Frazier, Gerald (254487)") is a record number.
A plate, registration or IBAN written in groups after its label, a username after its label,
and a numbered photo file name ("IMG_4471.jpg": Safe Harbor item 17) count too.
Every ID is a direct identifier (Safe Harbor items 7-13, 16 and 18). Only the value is
reported, not the label.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    words_after,
    words_before,
    wordset,
)

LABELS = (
    r"(?:mrn|mr\s?#|med\s?rec(?:ord)?(?:\s?(?:no|num|number))?|medical\s+record(?:\s+(?:no|num|number))?"
    r"|acc(?:ession)?|acct|account|fin|csn|har|enc(?:ounter)?|visit|member(?:\s?id)?|policy|subscriber(?:\s?id)?"
    r"|group|health\s?plan(?:\s?(?:id|no|number))?|plan\s?id|insurance(?:\s?id)?|ins\s?id|medicaid|medicare|mbi|hicn"
    r"|pt\s?id|patient\s?id|case|specimen|order|req|requisition|empi|epi|uid|id|ssn|ss#|social|soc\s?sec"
    r"|npi|dea|license|lic|cert(?:ificate)?|serial|device|vin|plate)"
)
_SEP = r"(?:\s*(?:#|no\.?|num(?:ber)?|number)?\s*[:#=]?\s*)"
_UNITS = frozenset(
    [
        "mg",
        "mcg",
        "g",
        "kg",
        "ml",
        "l",
        "units",
        "u",
        "iu",
        "cells",
        "k",
        "/ul",
        "ul",
        "mm",
        "mmol",
        "meq",
        "cal",
        "kcal",
        "steps",
        "ft",
        "lbs",
        "lb",
        "%",
    ]
)


_QUANTITY = re.compile(r"\d+(?:[.,]\d+)?(?P<unit>[a-z]{1,6})", re.IGNORECASE)
_HEX = re.compile(r"(?:0x)?[0-9a-f]{7,64}")
_TIME_UNITS = frozenset({"h", "hr", "hrs", "hours", "z", "am", "pm", "min", "mins", "s", "ms"})
# An in-house phone extension ("blood bank is x4-5567", "ext4-5567", "x45567"): a department's
# line, written the way switchboards print them, not a patient's record number. It was read as
# a mixed identifier, and it was every clean post the load bench deleted (104 of 6,000).
_EXTENSION = re.compile(r"(?:x|ext)\.?\d{1,2}-?\d{3,4}", re.IGNORECASE)


# What a photo or a video is saved as: phones' and cameras' own formats too (JFIF, AVIF, and the
# raw files of DSLRs: DNG, NEF, CR2, ARW), and DICOM.
IMAGE_EXT = r"(?:jpe?g|jfif|png|heic|heif|avif|gif|tiff?|bmp|webp|dcm|raw|dng|nef|cr2|arw|mov|mp4)"


def _mixed_id(value: str) -> bool:
    """A token of letters and digits that is an identifier, not a quantity or a hash."""
    digits = sum(c.isdigit() for c in value)
    if digits < 4 or len(value) < 6:
        return False
    if _HEX.fullmatch(value) or value.lower().startswith("0x"):
        return False  # a git hash, a memory address: technical text in a screenshot
    if _EXTENSION.fullmatch(value):
        return False
    quantity = _QUANTITY.fullmatch(value)
    unit = quantity.group("unit").lower() if quantity else ""
    return not (unit in _UNITS or unit in _TIME_UNITS or unit in {"x", "k", "m", "b"})


# The number after these words names a batch, a release or a product, not a person: a
# medication's lot is shared by every patient who got that batch, a firmware version by every
# device. A privacy officer keeps them (recalls and adverse-event reports need them); a device's
# serial number, by contrast, is that one patient's (Safe Harbor item 13) and is not listed.
# A form's number is printed on every copy of the form ("CMS-2728 form", "I-9 form")
_FORM_WORDS = wordset("form forms packet packets survey worksheet")
# Clinical code systems: a number after one codes a diagnosis, a test or a procedure
CODE_SYSTEMS = wordset(
    "snomed sct sctid loinc hcpcs rxnorm rxcui cpt icd icd9 icd10 icd-9 icd-10 icd-10-cm icd-10-pcs ndc"
)
NOT_A_PERSON_BEFORE = (
    wordset(
        "lot lots lot# batch batches exp expiry expires firmware fw version ver release build "
        "model sku catalog cat ref. kb article ndc cpt icd machine dialyzer"
    )
    | CODE_SYSTEMS
)
# A clinical code system named right after a number ("44054006 (SNOMED)", "2345-7 LOINC"): the
# code is the same for every patient with that diagnosis, test or procedure
_CODE_SYSTEM_AFTER = re.compile(
    r"[ \t]*[(\[]?[ \t]*(?:snomed|sct(?:id)?|loinc|cpt|hcpcs|icd(?:-?1?[09])?(?:-?cm)?|rxnorm|rxcui|ndc)\b",
    re.IGNORECASE,
)


def after_non_identifying_word(text: str, start: int) -> bool:
    """True when `start` follows a lot, batch, version or product word ("lot 24K118") or a
    clinical code system ("SNOMED 22298006", "SNOMED CT 44054006", "LOINC 2345-7")."""
    before = words_before(text, start, 3)
    if before[-1:] == ["#"]:
        before = before[:-1]
    near = before[-1:]
    if before[-2:-1] and before[-2] in CODE_SYSTEMS and near[0] in {"ct", "code", "codes", "id"}:
        return True  # "SNOMED CT 44054006", "LOINC code 4548-4"
    return bool(near) and (
        near[0] in NOT_A_PERSON_BEFORE or near[0].rstrip("#") in {"lot", "batch"}
    )


def names_a_form(text: str, start: int, end: int) -> bool:
    """A short number before a form word ("CMS-2728 form", "Medicare 2728 packet"): printed on
    every copy of the form, so it names no one."""
    after = words_after(text, end, 1)
    return bool(after) and after[0] in _FORM_WORDS and sum(c.isdigit() for c in text[start:end]) < 7


def code_system_after(text: str, end: int) -> bool:
    """A code system named right after the value: "dx code 44054006 (SNOMED)"."""
    return _CODE_SYSTEM_AFTER.match(text, end) is not None


# What `refine` asks of a value, compiled once (a module-level `regex` call costs a cache look-up)
_SHORT_CODE = re.compile(r"[A-Z]{0,4}-?\d{1,3}")
_SHORT_LABEL = re.compile(r"\b(?:id|case|order|visit|group|device)$")
_PLATE_JOINERS = re.compile(r"[ -]")
_COMPACT_DATE = re.compile(r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_NOT_DIGIT = re.compile(r"\D")


class IdRecognizer(ClinicalPatternRecognizer):
    """Labelled and bare record numbers."""

    ENTITY = "ID"
    SUBTYPE = "MRN"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "labelled_id_strong",
            rf"\b{LABELS}{_SEP}(?P<v>(?=[A-Z0-9-]*\d)[A-Z]{{0,4}}-?\d[\dA-Z-]{{3,17}})\b",
            0.9,
        ),
        # Grouped the way a number is read out ("mrn 369 258 14", "acct 3692581 4", "ssn
        # 123.45.6789"): one kind of gap, at least six digits, so "visit 2 30 min" or
        # "group 1.5 2.5" stays a count.
        Pattern(
            "labelled_grouped_id_strong",
            rf"\b{LABELS}{_SEP}(?P<v>(?=\d{{1,7}}(?P<g>[ ./]))(?=(?:\d(?P=g)?){{6}})"
            rf"\d{{1,7}}(?:(?P=g)\d{{1,7}}){{1,5}})\b",
            0.9,
        ),
        Pattern("hash_number_medium", r"(?<![\w&])#\s?\d{5,12}\b", 0.7),
        # after a code's capitals glued before the sign ("PR#48213", "CASE#55123"): the number
        # alone, as after a label (a registry's, "NPI#...", is `org_numbers`' to drop)
        Pattern(
            "glued_hash_number_medium", r"(?<![\w&])(?-i:[A-Z]{1,5})#\s?(?P<v>\d{5,12})\b", 0.7
        ),
        Pattern("bare_digits_medium", r"(?<![\d.,/:\-+$])\b\d{7,12}\b(?![.,]\d|/\d|-\d|:\d)", 0.6),
        Pattern("paren_digits_medium", r"(?<=\()(?P<v>\d{5,6})(?=\))", 0.55),
        Pattern(
            "mixed_id_medium",
            r"(?<![\w@/.:#+-])(?=[\w-]*\d)(?=[\w-]*[a-z])[a-z0-9]+(?:[-_][a-z0-9]+){0,4}(?![\w@-]|\.\w*\d)",
            0.6,
        ),
        Pattern("letters_digits_medium", r"\b[A-Z]{1,3}\d{6,10}\b", 0.55),
        # Values written in groups after their label: "plate VT 22 EN", "IBAN GB89 NOHR 1407 ..."
        # (an IBAN whose checksum or length fails is still an account number when labelled).
        Pattern(
            "labelled_grouped_strong",
            r"\b(?:plate|licen[cs]e\s+plate|registration|reg\.|iban|tag|asset\s+tag)"
            r"(?:\s+(?:no\.?|number|#))?\s*:?\s*(?P<v>(?-i:(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){1,7}))(?![\w-])",
            0.85,
        ),
        # A plate after the vehicle it belongs to ("the van ABC 123", "car 4XR 882", "truck
        # KL-5521"): letters and digits, upper case, at least five characters.
        Pattern(
            "vehicle_plate_strong",
            r"\b(?:car|van|truck|vehicle|motorbike|motorcycle|ambulance|taxi|cab|minibus|suv|pickup)"
            r"(?:'s)?\s+(?:(?:plate|reg(?:istration)?|tag)\s+)?(?:no\.?\s+|#\s?)?"
            r"(?P<v>(?-i:(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}(?:[ -][A-Z0-9]{1,4}){0,2}))(?![\w-])",
            0.8,
        ),
        # Digits in groups after an insurance label ("insurance card 123 456 789", "member ID
        # 12 3456 7890"): a health-plan number however it is spaced.
        Pattern(
            "plan_grouped_strong",
            r"\b(?:(?:insurance|health|medicare|medicaid|id)\s+card|policy|member(?:\s?id)?|subscriber(?:\s?id)?"
            r"|insurance\s+(?:no\.?|number|id))\s*(?:no\.?|number|#)?\s*:?\s*"
            r"(?P<v>\d{1,5}(?:[ -]\d{1,5}){1,5})(?![\w-]|[.,]\d)",
            0.85,
        ),
        Pattern(
            "username_strong",
            r"\b(?:user\s?name|user\s?id|login(?:\s+name)?|screen\s?name|handle)"
            r"(?:\s*:\s*(?P<v>[\w.-]{2,40}\w)|\s+(?P<v>(?=[\w.-]*\d)[\w.-]{2,40}\w))",
            0.85,
        ),
        # A photo or scan saved under a numbered name ("IMG_4471.jpg", "checkin_20240311.png").
        Pattern(
            "photo_file_strong",
            rf"(?<![\w/.-])[\w-]*\d[\w-]*\.{IMAGE_EXT}\b",
            0.85,
        ),
        # The names phones and messengers give photos, spaces and all ("WhatsApp Image
        # 2026-03-04 at 20.16.48.jpeg", "Screenshot 2026-03-03 at 10.14.22.png"); the name
        # starts with its date or number, so "photo IMG_0122.HEIC" leaves the label out.
        Pattern(
            "spaced_photo_file_strong",
            r"(?<![\w/.-])(?:whatsapp\s+(?:image|video)|screen\s?shot|scan|photo|image|camera)"
            rf"\s\d[\w .,()-]{{0,60}}?\.{IMAGE_EXT}\b",
            0.85,
        ),
        # A network card's hardware address ("MAC 3a:c0:9e:47:fb:ab", "00-1A-2B-3C-4D-5E",
        # "0011.2233.4455"): the device's own number, Safe Harbor item 13.
        Pattern(
            "mac_address_strong",
            r"(?<![\w:.-])(?:[0-9a-f]{2}(?P<s>[:-])(?:[0-9a-f]{2}(?P=s)){4}[0-9a-f]{2}"
            r"|[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4})(?![\w:-]|\.\w)",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "mrn",
        "id",
        "acc",
        "account",
        "acct",
        "fin",
        "record",
        "number",
        "no",
        "#",
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        after = words_after(text, result.end, 1)
        name = pattern_name(result)
        if after and after[0] in _UNITS:
            return None
        if names_a_form(text, result.start, result.end):
            return None  # "CMS-2728 form", "the Medicare 2728 packet": a form's number
        if name == "labelled_id_strong":
            label = " ".join(words_before(text, result.start, 2))
            if _SHORT_CODE.fullmatch(value) and "mrn" not in label:
                return None
            if _SHORT_LABEL.search(label) and sum(c.isdigit() for c in value) < 5:
                return None
            if "ssn" in label or "soc" in label or "social" in label or "ss#" in label:
                return set_subtype(result, "SSN")
            return result
        if name == "vehicle_plate_strong" and len(_PLATE_JOINERS.sub("", value)) < 5:
            return None  # "car T1", "van 2B": too short for a plate
        if name == "plan_grouped_strong" and sum(c.isdigit() for c in value) < 6:
            return None  # "policy 2 3": counts, not a number
        if name == "letters_digits_medium" and value[:1].islower():
            return None
        if name in _SHAPE_ONLY and (
            after_non_identifying_word(text, result.start) or code_system_after(text, result.end)
        ):
            return None  # "lot 24K118", "firmware 4210173", "SNOMED 22298006": no one's number
        if name == "mixed_id_medium" and not _mixed_id(value):
            return None
        if name == "bare_digits_medium" and _COMPACT_DATE.fullmatch(value):
            result.score = 0.5  # could be a compact date; still an identifier-shaped number
        return result


_SHAPE_ONLY = frozenset(
    {
        "mixed_id_medium",
        "letters_digits_medium",
        "bare_digits_medium",
        "hash_number_medium",
        "glued_hash_number_medium",
    }
)


class SsnRecognizer(ClinicalPatternRecognizer):
    """US Social Security numbers, dashed or spaced; invalid areas and groups rejected."""

    NEEDS_DIGIT = True
    ENTITY = "ID"
    SUBTYPE = "SSN"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("ssn_strong", r"(?<![\d-])\b\d{3}([- ])\d{2}\1\d{4}\b(?![\d-])", 0.85),
    ]
    CONTEXT: ClassVar[list[str]] = ["ssn", "social", "security", "ss#", "ss"]

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = _NOT_DIGIT.sub("", pattern_text)
        area, group, serial = digits[:3], digits[3:5], digits[5:]
        if area in {"000", "666"} or area.startswith("9") or group == "00" or serial == "0000":
            return False
        return None
