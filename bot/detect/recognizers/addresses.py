"""Street addresses ("123 Main St", "45 Oak Avenue Apt 3"), post-office boxes and ZIP and
postcodes in context: a street address is a direct identifier (`ADDRESS`), a ZIP a
quasi-identifier (`ZIP`)."""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    words_after,
    wordset,
)
from bot.detect.recognizers.states import ANY_STATE_RE, AP_STATE_RE, TERRITORY_RE
from bot.detect.recognizers.streets import (
    AFTER_DIRECTION,
    HOUSE,
    UNIT_FIRST,
    USPS_TITLE,
)
from bot.detect.recognizers.town_shapes import value_before_zip

STREET = (
    r"(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|ter|terrace|pkwy"
    r"|parkway|cir|circle|hwy|highway|sq|square|trl|trail|loop|row|run|pike|alley|path|crescent|cres|close"
    r"|walk|plaza|point|ridge|view|crossing|xing|grove|gardens?|heights|hills?|park|manor|meadows?|mews"
    r"|station|summit|vista|via|creek|brook|harbor|landing|junction|isle|island|valley|village|ville|well|wells"
    r"|estates?|falls|fields?|forest|fork|glen|green|haven|knoll|lakes?|mill|mission|orchard|oval|pass|port"
    r"|route|spring|springs|stravenue|street|streets|throughway|track|trace|turnpike|union|skyway|shore|shoals?)"
)
ANY_STREET = rf"(?:{STREET}|{USPS_TITLE})"
_NOT_ADDRESS = wordset(
    "mg mcg ml units u tab tabs tablet po iv im sq pm am with at by for the of to and or x q prn "
    "bid tid daily hours hrs min minutes days weeks mo months times doses liters l"
)
_STRONG_STREET = wordset(
    "st street ave avenue rd road blvd boulevard dr drive ln lane ct court pl place ter terrace pkwy parkway cir circle "
    "hwy highway sq square way trl trail plaza crescent cres alley"
)
_SAINT_AFTER = re.compile(
    r"\.?\s+[A-Z][\w-]*(?:'s|’s|s')?(?:\s+(?:hospital|medical|general|regional|memorial|clinic|health)\b|'s|’s|s'|\W*$)"
)
_STOP = wordset(
    "is are was were be been being doing done has have had will would can could not no the a an to in on for with at by of and or it he she they we you i his her"
)
_STREET_MATCH = re.compile(
    rf"{UNIT_FIRST}{HOUSE}\s+(?:[NSEW]\.?\s+)?(?:[\w'’.-]+\s+){{1,3}}?{STREET}\b", re.IGNORECASE
)
_LEAD = re.compile(rf"{UNIT_FIRST}{HOUSE}", re.IGNORECASE)


class AddressRecognizer(ClinicalPatternRecognizer):
    """Street addresses ("123 Main St", "45 Oak Avenue Apt 3") and ZIP codes in context."""

    NEEDS_DIGIT = True
    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    # looked for backwards first (`BACKWARDS_FIRST`): a postcode or a ZIP ends them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {
            "uk_postcode_after_street_medium",
            "uk_postcode_medium",
            "zip4_after_street_town_medium",
            "zip_after_state_strong",
            "zip_after_street_medium",
        }
    )
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "street_strong",
            # the words between the number and the street type are no number themselves: in
            # "16:30 from 4868 Market Street" the street's number is 4868, not the time's 30;
            # but a numbered road's own number is ("20000 W 7 Mile Rd")
            rf"(?<![\w./-]){UNIT_FIRST}{HOUSE}\s+(?:[NSEW]\.?\s+)?(?:(?!\d+\s(?!mile\b))[\w'’.-]+\s+){{1,3}}{STREET}\b\.?{AFTER_DIRECTION}"
            r"(?:,?\s*(?:apt|apartment|unit|suite|ste|bldg|building|lot|fl|floor|rm|trlr|spc|#)\.?\s*#?\w+(?:-\w{1,3})?){0,2}",
            0.75,
        ),
        Pattern(
            "po_box_strong",
            r"\b(?:p\.?\s?o\.?\s*box|p\.?o\.?b\.?|post\s+office\s+box)\s*#?\s*\d+\b",
            0.85,
        ),
        # a post-office box in the words of other languages ("Postfach 4683", "Postbus 3976",
        # "Postboks 599", "Caixa Postal 7286", "Apartado de Correos 9589", "Casella Postale
        # 9846", "skrytka pocztowa 3840", "Boîte postale 12", "Pf. 8533"); not "BP 120" or
        # "PL 250", a blood pressure and platelets, which only an address block's postcode
        # after them makes a box (`bot.detect.address_towns`)
        Pattern(
            "foreign_po_box_strong",
            r"\b(?:postfach|postbus|postboks|postbox|caixa\s+postal|apartado\s+de\s+correos|apdo\."
            r"|casella\s+postale|skrytka\s+pocztowa|bo[iî]te\s+postale|pf\.|postilokero|p\.?\s?o\.?\s?box)"
            r"\s*(?:n[°º.]\s*)?\d{2,6}(?:[ ]\d{2,3}){0,2}\b",
            0.85,
        ),
        # "Box 30516" alone on an address line, or after "mail to", before the town's comma
        Pattern(
            "box_line_strong",
            r"(?:^[ \t]*|(?<=\b(?:to|at|address|mail)\s?:?\s))box\s+\d{1,6}\b(?=[ \t]*(?:,|$))",
            0.8,
        ),
        # a military post office and its ZIP ("APO AE 09012", "FPO AP 96349"), all of it
        # (Faker's addresses plant the whole line), and a ship's name before it ("USS Crawford")
        Pattern(
            "ship_strong",
            r"(?-i:\b(?:USS|USNS|USCGC|USNV)[ ][A-Z][a-z]+(?:[ ][A-Z][a-z]+)?)\b",
            0.8,
        ),
        Pattern(
            "zip_after_military_strong",
            r"(?-i:\b(?:APO|FPO|DPO)\s+(?:AA|AE|AP)\s+\d{5}(?:-\d{4})?\b)",
            0.85,
        ),
        Pattern(
            "zip_after_state_strong",
            rf"(?-i:\b(?:{ANY_STATE_RE}|{AP_STATE_RE}|{TERRITORY_RE})),?\s+(?P<v>\d{{5}}(?:-\d{{4}})?)\b",
            0.8,
        ),
        Pattern("zip_plus4_strong", r"(?<![\d-])\b\d{5}-\d{4}\b(?!-)", 0.75),
        # Australian and New Zealand postcodes are four digits: after a state or territory
        # ("Parramatta NSW 2150", "Fitzroy VIC 3065"), or closing a street line's town
        # ("22 Queen St, Auckland 1010"); a time or a count after a street has no town before it
        Pattern(
            "zip_after_au_state_strong",
            r"(?-i:\b(?:NSW|VIC|QLD|TAS|ACT|NT|SA|WA)),?\s+(?P<v>\d{4})\b(?![-\d:.,]\d)",
            0.8,
        ),
        Pattern(
            "zip4_after_street_town_medium",
            # the town on the street's line or the next, after a rural delivery round ("87
            # Michael Heights, RD 3, Araporua 9604", "51 HAM CIRCLE\nRONGOROHE 4744")
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{ANY_STREET}\b\.?(?:,[ ]RD[ ]\d{{1,2}})?,?(?:[ ]+|[ ]*\n[ ]*)"
            r"(?-i:(?:(?:St|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}|[A-Z]{3,}(?:[ ][A-Z]{3,}){0,2}),?[ ]+"
            r"(?P<v>\d{4})\b(?![-\d:.,]\d)",
            0.6,
        ),
        # and after a PO box ("PO Box 738, Mokotaihoro 5105", "PO BOX 12\nRONGOROHE 4744")
        Pattern(
            "zip4_after_box_town_medium",
            r"(?-i:\b(?:P\.?O\.?|Post\s+Office)\s?(?:Box|BOX)\s\d{1,6},?(?:[ ]+|[ ]*\n[ ]*)"
            r"(?:[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}|[A-Z]{3,}(?:[ ][A-Z]{3,}){0,2}),?[ ]+"
            r"(?P<v>\d{4})\b(?![-\d:.,]\d))",
            0.6,
        ),
        Pattern(
            "zip_after_street_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{ANY_STREET}\b[^\n]{{0,60}}?\s(?P<v>\d{{5}})\b(?!-)",
            0.6,
        ),
        Pattern(
            "uk_postcode_after_street_medium",
            rf"\b\d{{1,6}}\s+(?:[\w'’.-]+\s+){{1,3}}{ANY_STREET}\b[^\n]{{0,60}}?\s(?P<v>[a-z]{{1,2}}\d[a-z\d]?\s\d[a-z]{{2}})\b",
            0.6,
        ),
        Pattern("uk_postcode_medium", r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b)", 0.6),
        Pattern(
            "zip_after_town_medium",
            r"(?<![\w./-])\d[^\n,;]{0,40},\s{1,2}(?-i:(?:(?:St|Ste|Mt|Ft)\.\s)?[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
            r"\s+(?P<v>\d{5}(?:-\d{4})?)\b",
            0.6,
        ),
        # "the 45601 area", "outside the 02139 zip code": a ZIP named as a place
        Pattern(
            "zip_area_medium",
            r"\bthe\s+(?P<v>\d{5})\s+(?:area|zip|zip\s?code|zipcode|postal\s+code|postcode)\b",
            0.7,
        ),
        Pattern(
            "zip_labelled_strong",
            r"\b(?:zip|zipcode|zip\s+code|postal\s+code)\s*:?\s*(?P<v>\d{5}(?:-\d{4})?)\b",
            0.85,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["lives", "address", "at", "on", "home"]
    FLAGS = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        name = pattern_name(result)
        if name == "zip_after_town_medium":
            town = value_before_zip(text, result.start)
            if town is None:
                return None  # "…, Total 12345": a word and a count, not a town and its ZIP
        if name.startswith("zip"):
            result.recognition_metadata["subtype"] = "ZIP"
            return result
        if name == "street_strong":
            street = _STREET_MATCH.match(value)
            body = value[: street.end()] if street else value
            lead = _LEAD.match(body)
            # the house number itself ("99" of "Flat 10, 99", "1053" of "1053 1/2")
            number = [t for t in (lead.group() if lead else body).split() if t != "1/2"][-1]
            words = [number, *(body[lead.end() :] if lead else body).split()[0 if lead else 1 :]]
            inner = [w.lower().strip(".,") for w in words[1:-1]]
            suffix = words[-1].lower().strip(".,")
            if any(w in _NOT_ADDRESS or w in _STOP for w in inner):
                return None
            if suffix not in _STRONG_STREET and (
                len(words[0].rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")) < 2
                or not all(w[:1].isalpha() for w in words[1:])
            ):
                return None  # "4 is doing well": a common word, not a street type
            last = value.split()[-1].lower().strip(".")
            saint = last == "st" and _SAINT_AFTER.match(text, result.end) is not None
            if (
                (saint or last in {"dr", "pt"})
                and words_after(text, result.end, 1)[:1]
                and text[result.end : result.end + 2].strip()[:1].isupper()
            ):
                return None  # "3 with Dr Lee", "2 St Mary's": a title, not a street type
        return result
