"""LOCATION: the street and county shapes Safe Harbor's "geographic subdivisions" cover.

`places.AddressRecognizer` reads "123 Main St" with the suffixes chat uses. An address in a
letter or form may end in any of the USPS street suffixes ("326 James Parkways Apt. 727",
"06915 Tyler Mount"); those beyond the chat list are taken only in Title Case, where "4 Pine"
cannot be "4 pine nuts". European addresses put the street type first or glue it to the name
and the number after ("Calle Mayor 12", "Hauptstraße 5a", "Kerkstraat 12"). A county or
parish is a subdivision smaller than a state ("Hunt County", "County Cork").
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.data import load_words
from bot.detect.recognizers.base import (
    ClinicalPatternRecognizer,
    pattern_name,
    set_subtype,
    wordset,
)
from bot.detect.recognizers.city_index import listed_town
from bot.detect.recognizers.names_lexicon import lexicon

# USPS Publication 28, Appendix C1 (street suffix names), full forms, singular and plural.
USPS_SUFFIXES = sorted(
    wordset(
        "Alley Anex Arcade Avenue Bayou Beach Bend Bluff Bluffs Bottom Boulevard Branch Bridge Brook "
        "Brooks Burg Burgs Bypass Camp Canyon Cape Causeway Center Centers Circle Circles Cliff Cliffs "
        "Club Common Commons Corner Corners Course Court Courts Cove Coves Creek Crescent Crest "
        "Crossing Crossroad Crossroads Curve Dale Dam Divide Drive Drives Estate Estates Expressway "
        "Extension Extensions Fall Falls Ferry Field Fields Flat Flats Ford Fords Forest Forge Forges "
        "Fork Forks Fort Freeway Garden Gardens Gateway Glen Glens Green Greens Grove Groves Harbor "
        "Harbors Haven Heights Highway Hill Hills Hollow Inlet Island Islands Isle Junction Junctions "
        "Key Keys Knoll Knolls Lake Lakes Land Landing Lane Light Lights Loaf Lock Locks Lodge Loop "
        "Mall Manor Manors Meadow Meadows Mews Mill Mills Mission Motorway Mount Mountain Mountains "
        "Neck Orchard Oval Overpass Park Parks Parkway Parkways Pass Passage Path Pike Pine Pines "
        "Place Plain Plains Plaza Point Points Port Ports Prairie Radial Ramp Ranch Rapid Rapids Rest "
        "Ridge Ridges River Road Roads Route Row Rue Run Shoal Shoals Shore Shores Skyway Spring "
        "Springs Spur Spurs Square Squares Station Stravenue Stream Street Streets Summit Terrace "
        "Throughway Trace Track Trafficway Trail Trailer Tunnel Turnpike Underpass Union Unions "
        "Valley Valleys Via Viaduct View Views Village Villages Ville Vista Walk Walks Wall Way Ways "
        "Well Wells"
    )
    # and the street types of British, Irish and Australasian addresses that Publication 28
    # does not list ("167 Gupta Close", "4 Harbour Parade", "9 Kings Quay")
    | wordset(
        "Close Rise Parade Chase Wynd Quay Wharf Esplanade Promenade Pathway Circuit Concourse "
        "Crossway Broadway Vale Glade"
    )
)
# Title Case (or upper case) only: a capitalised suffix after capitalised words.
USPS_TITLE = (
    "(?-i:(?:" + "|".join(sorted(USPS_SUFFIXES, key=len, reverse=True)) + ")"
    "|(?:" + "|".join(s.upper() for s in sorted(USPS_SUFFIXES, key=len, reverse=True)) + "))"
)
UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|flat|bldg|building|lot|fl|floor|rm|trlr|spc|#)\.?\s*#?\w{1,6}(?:-\w{1,3})?){0,2}"
# A house number as addresses print it: "4521", "71B", a range ("91-33", Queens), a half
# ("1053 1/2"), or a grid prefix ("W8207", "N5863": Wisconsin and Illinois rural numbering).
HOUSE = r"(?:(?-i:[NSEW])\d{2,6}|\d{1,6}(?:-\d{1,5})?[A-Z]?(?:\s1/2)?)"
# A direction after the street type, upper case only ("Gonzalez Pkwy NW", "Rios St E").
AFTER_DIRECTION = r"(?:\s(?-i:[NS][EW]|[NSEW])\b)?"
# The flat or unit some addresses give first ("Flat 10, 99 Griffin Lane").
UNIT_FIRST = r"(?:(?-i:Flat|Unit|Apt\.?|Apartment|Suite)\s\d{1,4}[A-Z]?,?\s)?"
# A floor, flat or door after a European street and number ("Piano 9", "Piso 2", "Flat 98c").
_EU_UNIT = (
    r"(?:\s?,?\s+(?i:piano|piso|planta|puerta|appartamento|apto\.?|apt\.?|andar|bloco|bloque|escalera"
    r"|[ée]tage|flat|studio|wohnung|top|bus|boîte|edif\.?|edificio|depto\.?|dpto\.?|departamento|interior"
    r"|int\.|local|casa|lote|manzana|mz\.?)\s+\w{1,4}){0,2}"
)
_CAPWORD = r"(?-i:[A-Z][\w'’.-]{0,30}|\d{1,3}(?:st|nd|rd|th))"  # "Garcia", "49th"
# Street types that come before the name (Romance languages, Dutch, Portuguese, ...).
_TYPE_FIRST = (
    r"(?:calle|c/|avenida|avda\.?|av\.?|paseo|plaza|camino|carrera|glorieta|ronda|traves[ií]a"
    r"|rua|travessa|largo|pra[çc]a|alameda|estrada|via|viale|piazza|piazzale|corso|vicolo|strada"
    r"|rue|boulevard|bd|chemin|all[ée]e|impasse|quai|place|cours|route|sentier|voie|ulica|ul\."
    r"|acceso|bajada|barrio|bulevar|calleja|callej[óo]n|carretera|cuesta|pasaje|rambla|sector|senda"
    r"|urbanizaci[óo]n|borgo|contrada|salita|stretto|rotonda|jardim|loteamento|vila|quadra|setor"
    r"|conjunto|residencial|ch[áa]cara|fazenda|n[úu]cleo|vereda|ladeira|passeio|viela|rodovia"
    r"|passarela|morro|recanto|parque|lago|travessa|esplanada|boulevard|steenweg|al\.|aleja|pl\.|plac"
    r"|os\.|osiedle|perif[ée]rico|calzada|privada|retorno|cerrada|circuito|andador|pasadizo|callej[óo]n"
    # Romanian ("Bulevardul Dorian Barbu Nr. 92", "Calea Victoriei 12") and Italian canals
    r"|bulevardul|calea|aleea|[șş]oseaua|splaiul|pia[țţ]a|intrarea|drumul|canale|incrocio)"
)
# Street types glued to the name (German, Dutch, Scandinavian).
_TYPE_GLUED = (
    r"(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|straat|laan|plein"
    r"|gracht|kade|singel|steeg|dreef|gatan|gata|vägen|v[äa]g|gade|vej|veien|gate|baan|hof|dijk|pad"
    r"|markt|plantsoen|stræde|straede|vænge|plads|torv|gränd|stig"
    # Dutch and Danish boulevards and canals ("Noortjeboulevard 98", "Achterburgwal 5")
    r"|boulevard|burgwal|kanaal)"
)


class ForeignAddressRecognizer(ClinicalPatternRecognizer):
    """Addresses in Title Case with every USPS suffix, and European street-then-number shapes."""

    NEEDS_DIGIT = True
    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "usps_street_strong",
            rf"(?<![\w./-]){UNIT_FIRST}{HOUSE}\s+(?:[NSEW]\.?\s+)?(?:{_CAPWORD}\s+){{1,3}}{USPS_TITLE}\b\.?{AFTER_DIRECTION}{UNIT}",
            0.75,
        ),
        Pattern(
            "type_first_street_strong",
            rf"(?-i:\b(?i:{_TYPE_FIRST})\s+(?:(?:de|del|de\s+la|da|do|dos|das|di|della|des|du|van|la|le)\s+){{0,2}}"
            rf"\p{{Lu}}[\p{{L}}\p{{M}}'’.-]{{1,30}}(?:\s+(?:(?:de|del|la|da|do|di|du)\s+)?\p{{Lu}}[\p{{L}}\p{{M}}'’.-]{{1,30}}){{0,3}}"
            r",?\s+(?:(?:n\.?[ºo°]?|nr\.?)\s*)?\d{1,5}[a-zA-Z]?(?:\s*[-/]\s*\d{1,4})?)(?![\d/.:-]|\.\d)"
            + _EU_UNIT,
            0.75,
        ),
        # French and Belgian order: the number first ("59, rue Roussel", "9 avenue de Guérin").
        Pattern(
            "number_type_street_strong",
            r"(?<![\d./-])\b(?:\d{1,5}-)?\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e"
            r"|impasse|quai|place|cours|route|voie|square|passage)\s+(?:(?:de|du|des|de\s+la|d'|la|le)\s*){0,2}"
            r"(?-i:\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:\s+\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,3})",
            0.75,
        ),
        # A house number and street in a caseless script, between commas ("2246 संदीप जैन,").
        Pattern(
            "caseless_street_medium",
            r"(?<=,\s)\d{1,5}(?:/\d{1,5})?\s+[\p{Lo}\p{M}]{2,}(?:\s[\p{Lo}\p{M}]{2,}){0,3}(?=,)",
            0.6,
        ),
        Pattern(
            "glued_street_strong",
            # the lookahead drops a capitalised word with no number after it before the
            # suffixes are tried at each of its letters
            rf"(?-i:\b(?=\p{{Lu}}\S{{2,32}}\s+\d)\p{{Lu}}[\p{{L}}\p{{M}}'’-]{{1,30}}(?i:{_TYPE_GLUED})\s+\d{{1,5}}[a-zA-Z]?(?:\s*[-/]\s*\d{{1,4}})?)(?![\d/.:-]|\.\d)",
            0.75,
        ),
        # Rural and numbered roads: "7606 County Road 38", "State Route 68", "4872 Hwy 57 S",
        # "Rural Route 9, Box 14", "HC 31 Box 878", "off CR 450" (abbreviations only after a
        # house number or a travel word: "RR 18" alone is a respiratory rate)
        Pattern(
            "numbered_road_strong",
            r"\b(?:county\s+(?:road|rd\.?)|state\s+(?:route|road|highway|hwy\.?)"
            r"|us\s+(?:route|highway|hwy\.?)|rural\s+route|highway|hwy\.?|farm\s+to\s+market\s+road|interstate)"
            r"\s+\d{1,4}(?-i:[A-Z])?\b(?:\s+(?-i:[NSEW])\b)?(?:,?\s+box\s+\d{1,5}\b)?",
            0.75,
        ),
        # "the 400 block of Mulberry Road": where a house is, to the hundred
        Pattern(
            "block_of_street_strong",
            rf"(?<![\d./-])\b\d{{1,3}}00\s+block\s+of\s+(?:[NSEW]\.?\s+)?(?:{_CAPWORD}\s+){{1,3}}(?:{USPS_TITLE}|(?-i:St|Ave|Rd|Dr|Ln|Ct|Blvd|Pl|Ter|Cir|Pkwy|Hwy|Way))\b\.?",
            0.75,
        ),
        # the same after its house number (apart: an optional number before the words made
        # the pass twice as slow)
        Pattern(
            "house_numbered_road_strong",
            rf"(?<![\w./-]){HOUSE}\s+(?:county\s+(?:road|rd\.?)|state\s+(?:route|road|highway|hwy\.?)"
            r"|us\s+(?:route|highway|hwy\.?)|highway|hwy\.?|farm\s+to\s+market\s+road)"
            r"\s+\d{1,4}(?-i:[A-Z])?\b(?:\s+(?-i:[NSEW])\b)?" + UNIT,
            0.75,
        ),
        # Wisconsin's lettered county highways after a house number ("W5640 County Rd K")
        Pattern(
            "house_lettered_county_road_strong",
            rf"(?<![\w./-]){HOUSE}\s+county\s+(?:road|rd\.?|highway|hwy\.?|trunk)\s+(?-i:[A-Z]{{1,2}})\b"
            + UNIT,
            0.75,
        ),
        # A Utah-style grid address: house number, direction, block number, direction
        # ("1450 S 700 E", "457 W 5600 E, Unit 4")
        Pattern(
            "grid_address_strong",
            r"(?<![\w./-])\d{1,5}\s(?-i:[NSEW])\.?\s\d{2,4}0\s(?-i:[NSEW])\b" + UNIT,
            0.75,
        ),
        # Military mail: "PSC 4466, Box 8056", "Unit 8434 Box 5766", "CMR 450 Box 12"
        Pattern(
            "military_box_strong",
            r"\b(?:psc|cmr|unit)\s\d{3,5},?\s+box\s+\d{1,5}\b",
            0.8,
        ),
        Pattern(
            "rural_box_strong",
            r"\b(?:hc|rr|r\.r\.|star\s+route)\s*\d{1,3},?\s+box\s+\d{1,5}\b",
            0.8,
        ),
        Pattern(
            "house_abbreviated_road_strong",
            r"(?<![\w./-])\d{2,6}\s+(?-i:CR|FM|SR|Rte|RTE)\s?\d{1,4}\b(?:\s+(?-i:[NSEW])\b)?",
            0.75,
        ),
        Pattern(
            "cued_abbreviated_road_medium",
            r"\b(?:off|via|along|take|took)\s+(?P<v>(?-i:CR|FM|SR|US|Rte|RTE)\s?\d{1,4}\b(?:\s+(?-i:[NSEW])\b)?)",
            0.7,
        ),
        # an Italian postcode, a comma, the town and its province ("33043, Purgessimo (UD)"); a
        # Spanish town, a comma and its postcode ending the line ("Badajoz, 30267")
        Pattern(
            "postcode_comma_city_medium",
            r"(?-i:(?<=(?:[,\n]|^)[ \t]{0,2})\d{5},[ ]\p{Lu}[\p{L}\p{M}'’]{2,30}(?:[ ]\p{Lu}[\p{L}\p{M}'’]{2,30}){0,2}(?:[ ]\([A-Z]{2}\))?)(?![\w-])",
            0.6,
        ),
        Pattern(
            "city_comma_postcode_medium",
            r"(?-i:(?<=(?:[,\n]|^)[ \t]{0,2})\p{Lu}[\p{L}\p{M}'’]{2,30}(?:[ ]\p{Lu}[\p{L}\p{M}'’]{2,30}){0,2},[ ]\d{5}(?=[ \t]*(?:\n|$)))",
            0.6,
        ),
        # a Dutch postcode alone on its line, the town on the next ("8921 TJ")
        Pattern(
            "nl_postcode_line_medium",
            r"(?-i:^[ \t]*\d{4}[ ]?[A-Z]{2}(?=[ \t]*\n[ \t]*\p{Lu}))",
            0.6,
        ),
        # Mexico's state abbreviation and its postcode ("GTO 81003", "OAX 06123-1007")
        Pattern(
            "mx_state_postcode_medium",
            r"(?-i:(?<=,[ ])(?:AGS|BC|BCS|CAMP|CHIS|CHIH|COAH|COL|CDMX|DF|DGO|GTO|GRO|HGO|JAL|MEX|MICH|MOR|NAY|NL|OAX"
            r"|PUE|QRO|QROO|SLP|SIN|SON|TAB|TAMPS|TLAX|VER|YUC|ZAC)[ ](?P<v>\d{5}(?:-\d{4})?))\b",
            0.7,
        ),
        # Nordic and Dutch types written apart after the name ("Olympos Allé 4", "Kansas Vej 9")
        Pattern(
            "type_after_street_strong",
            r"(?-i:\b(?=(?:\p{Lu}\S{0,30}[ ]){2,4}\d)\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:[ ]\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,2}[ ](?:Allé|Alle|Vej|Gade|Plads|Stræde|Vænge|Torv|Gränd|Väg|Gata|Straat|Laan|Weg)[ ]\d{1,4}[a-zA-Z]?)(?![\d/.:-])",
            0.75,
        ),
        Pattern(
            "postcode_city_medium",
            r"(?-i:(?<=(?:[,\n]|^)[ \t]{0,2})(?:(?:[A-Z]{1,2}-)?\d{4,6}(?:\s?[A-Z]{2})?|\d{2}-\d{3}|\d{5}-\d{3}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d)\s+"
            r"(?:\p{Lu}[\p{L}\p{M}]{2,30}(?:(?:[\s-]|-(?:les|le|la|de|du|sur|en|am|an|im|bei)-|\s(?:an\sder|am|im|vorm|bei|ob\sder|in\sder|upon|on|de|del|la|do|da)\s)\p{Lu}[\p{L}\p{M}]{2,30}){0,2}"
            r"|[\p{Lo}\p{M}]{2,30}))(?![\w-])(?=\s*(?:[,.;:)\n]|$))",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["lives", "address", "at", "to", "home"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        name = pattern_name(result)
        if "road" in name:
            after = text[result.end : result.end + 12].lower().split()
            if after and after[0].strip(".,;") in _ROAD_NOT_AFTER:
                return None  # "highway 20 minutes", "hwy 2 hrs": a duration
            return result
        if name in {"postcode_comma_city_medium", "city_comma_postcode_medium"}:
            town = re.sub(r"\s*\([A-Z]{2}\)$|\d{5},?", "", text[result.start : result.end]).strip(
                " ,"
            )
            return set_subtype(result, "ZIP") if _town_like(town) else None
        if name in {"nl_postcode_line_medium", "mx_state_postcode_medium"}:
            return set_subtype(result, "ZIP")
        if name == "postcode_city_medium":
            place = text[result.start : result.end].split()[-1]
            if place.lower() in load_words("common_words.txt") or place.lower() in _COUNTED:
                return None  # ", 1000 Units": a count, not a postcode and town
            return set_subtype(result, "ZIP")
        return result


class CountyRecognizer(ClinicalPatternRecognizer):
    """Counties and parishes by name: "Hunt County", "St. Louis County", "County Cork". Only
    the name is reported: the word "County" identifies nobody."""

    ENTITY = "LOCATION"
    SUBTYPE = "CITY"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "county_after_strong",
            r"(?-i:\b(?P<v>(?:(?:St\.?|Saint|Fort|Fond\s+du|Prince|King|Queen|De|La|Le|Du|Van|Los|Las|El)\s+)?"
            r"[A-Z][\w'’-]{1,30}(?:\s+[A-Z][\w'’-]{1,30})?)\s+(?P<c>County|Parish|Borough|Township|COUNTY|PARISH|county|parish|Co\.|CO\.|Twp\.?))",
            0.75,
        ),
        Pattern("county_before_strong", r"(?-i:\bCounty[ \t]+(?P<v>[A-Z][a-z]{2,30})\b)", 0.7),
        # "the County of Kanawha", "Parish of St. Landry": all of it, "of" is no word a reader skips
        Pattern(
            "county_of_strong",
            r"(?-i:\b(?:County|Parish|Borough)\s+of\s+(?:St\.\s)?[A-Z][\w'’-]{1,30}(?:[ ][A-Z][\w'’-]{1,30})?)",
            0.75,
        ),
        # a form's own field, to the end of its line ("County: Dutchess", "County: Vargas Co.")
        Pattern(
            "county_field_strong",
            r"\b(?:county|parish)(?:\s+of\s+residence)?\s*:[ \t]*(?P<v>(?-i:(?:St\.\s)?[A-Z][\w'’-]+(?:[ ][A-Z][\w'’.-]+){0,2}))(?=[ \t]*(?:[,;\n]|$))",
            0.75,
        ),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if (
            pattern_name(result) == "county_before_strong"
            and text[result.start : result.end].lower() in _COUNTY_OFFICES
        ):
            return None  # "County Clerk", "County Jail": an office, not a county's name
        if pattern_name(result) == "county_field_strong":
            value = text[result.start : result.end]
            return None if value.lower() in _NOT_COUNTY_FIELD else result
        kept = _KEPT_AFTER.match(text, result.end)
        if kept:
            cue = _COUNTY_CUE.search(text, max(0, result.start - 12), result.start)
            if kept.group().strip().lower().startswith("co") and not cue:
                return None  # "Acme Co.": a company; "of Bannock Co.", ", Yolo Co." a county
            result.end = kept.end()  # "Co.", "Twp" are no words a reader skips: they go too
        words = text[result.start : result.end].split()
        while words and words[0].lower() in _NOT_COUNTY_NAME:
            if len(words) == 1:
                return None  # "The County", "This Parish"
            result.start = text.index(words[1], result.start + len(words[0]))
            words = words[1:]
        return result


_ROAD_NOT_AFTER = wordset("min mins minutes hrs hours h mi miles mph km exits exit")
_KEPT_AFTER = re.compile(r"\s+(?:Co\.|CO\.|Township|Twp\b\.?|Parish|Borough)")
# "of Bannock Co.", "(Polk Co.)", "75788, Tillamook Co.", "in Bangor, Yolo Co.", "County:
# Vargas Co."; a bare ", Acme Co." after a lower-case word is a company
_COUNTY_CUE = re.compile(
    r"(?:\b(?:of|in|from|lives|resident|near)|\(|\d{5}(?:-\d{4})?,|(?-i:\b[A-Z][a-z]+),|county\s*:)\s*$",
    re.IGNORECASE,
)
_COUNTY_OFFICES = wordset(
    "clerk court courts commissioner commissioners jail hospital health road roads line fair seat "
    "executive council attorney sheriff board office department assessor treasurer recorder "
    "coroner judge probate services"
)
_NOT_COUNTY_FIELD = wordset("unknown none same n/a na other tbd pending")
_COUNTED = wordset(
    "units unit tabs tablets doses patients pts beds cases days hours people calories steps "
    "cells copies tests samples visits calls messages"
)
_NOT_COUNTY_NAME = wordset(
    "the a an this that each every our your their his her its which what same per any no one "
    "another other in at of to from for by and or next home"
)


def _town_like(town: str) -> bool:
    """A town a postcode stands beside: listed in the gazetteer, or not all English words
    ("Total, 12345" and ", 1000 Units" are a label and a count)."""
    words = town.split()
    if not words:
        return False
    if listed_town(town):
        return True
    lex = lexicon()
    common = load_words("common_words.txt")
    return not any(w.lower() in common or w.lower() in _COUNTED for w in words) and not all(
        lex.is_english(w) and not lex.is_name(w) for w in words
    )
