"""LOCATION: the street and county shapes Safe Harbor's "geographic subdivisions" cover.

`addresses.AddressRecognizer` reads "123 Main St" with the suffixes chat uses. An address in a
letter or form may end in any of the USPS street suffixes ("326 James Parkways Apt. 727",
"06915 Tyler Mount"); those beyond the chat list are taken only in Title Case, where "4 Pine"
cannot be "4 pine nuts". European addresses put the street type first or glue it to the name
and the number after ("Calle Mayor 12", "Hauptstraße 5a", "Kerkstraat 12"). Counties are
`counties.CountyRecognizer`'s.
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
    # and Australian road types (AS/NZS 4819) that are no everyday word after a house number
    # ("3/228 Susan Arcade", "7/619 Michael Copse", "758 Patrick Gully")
    | wordset(
        "Access Amble Approach Arcade Boulevarde Brae Circus Colonnade Copse Dell Fairway Grange "
        "Gully Meander Quad Quadrant Retreat Serviceway Tor Glen Nook Outlook"
        # the rest of AS/NZS 4819's types that are no everyday word after a number and a name
        # ("2 Noah Dip", "34 Walker Villas", "802 Beth Trunkway"); not those that end towns'
        # names too ("Tillery Gap", "Long Reach", "Cedar Basin")
        " Alleyway Artery Brace Brow Byway Centreway Circlet Corso Courtyard Cruiseway Deviation"
        " Dip Distributor Driveway Firetrail Footway Foreshore Frontage Highroad Interchange"
        " Laneway Link Parklands Piazza Quadrangle Quays Ramble Ridgeway Riverway Riviera"
        " Roadside Roadway Ronde Rosebowl Rotary Subway Thoroughfare Tollway Trunkway Villas"
        " Walkway"
    )
)
# Title Case (or upper case) only: a capitalised suffix after capitalised words.
USPS_TITLE = (
    "(?-i:(?:" + "|".join(sorted(USPS_SUFFIXES, key=len, reverse=True)) + ")"
    "|(?:" + "|".join(s.upper() for s in sorted(USPS_SUFFIXES, key=len, reverse=True)) + "))"
)
# (and New Zealand's rural delivery round after the street, "87 Michael Heights, RD 3")
UNIT = r"(?:,?\s*(?:apt|apartment|unit|suite|ste|flat|bldg|building|lot|fl|floor|rm|trlr|spc|#|(?-i:RD)(?=\s\d))\.?\s*#?\w{1,6}(?:-\w{1,3})?){0,2}"
# A house number as addresses print it: "4521", "71B", a range ("91-33", Queens), a half
# ("1053 1/2"), or a grid prefix ("W8207", "N5863": Wisconsin and Illinois rural numbering).
HOUSE = r"(?:(?-i:[NSEW])\d{2,6}|\d{1,6}(?:-\d{1,5})?[A-Z]?(?:\s1/2)?)"
# An Australian unit and house number ("3/228 Susan Arcade"), in Title Case addresses only: in
# chat "1/2 mile" is a half, and no fraction is one
_AU_HOUSE = r"(?:(?![1-3]/[2-4]\b)\d{1,4}/\d{1,5}[A-Z]?)"
# A direction after the street type, upper case only ("Gonzalez Pkwy NW", "Rios St E").
AFTER_DIRECTION = r"(?:\s(?-i:[NS][EW]|[NSEW])\b)?"
# The flat or unit some addresses give first ("Flat 10, 99 Griffin Lane").
UNIT_FIRST = (
    r"(?:(?-i:Flat|Unit|Apt\.?|Apartment|Suite|Studio|Level|FLAT|UNIT|APT\.?|APARTMENT|SUITE|STUDIO"
    r"|LEVEL)\s\d{1,4}[A-Z]?,?\s){0,2}"
)
# A floor, flat or door after a European street and number ("Piano 9", "Piso 2", "Flat 98c").
# Each language's own words ("Top 3", "App. 1", "appt 4", "Bât. B", "porte 4", "Scala B, Int.
# 9", "lok. 4", "m. 1", "byt 2", "leil. H0909", "Bl. 53 Sc. 39 Ap. 370", "fsz. 3."), a
# numbered floor ("3. OG", "5e étage", "7º Esq.", "4. th.", "6. sal", "8. etg.", "1. em. 2.",
# "2-hoog"), and a Finnish staircase and flat ("A 3", "B 9").
_EU_UNIT = (
    r"(?:\s?,?\s+(?:(?i:piano|piso|planta|puerta|appartamento|apto\.?|apt\.?|andar|bloco|bloque|escalera"
    r"|[ée]tage|flat|studio|wohnung|top|stiege|tür|bus|boîte|edif\.?|edificio|depto\.?|dpto\.?|departamento|interior"
    r"|int\.|interno|scala|local|casa|lote|manzana|mz\.?|app\.|appt\.?|bât\.|porte|lok\.|m\.|byt|lgh|leil\."
    r"|bl\.|sc\.|ap\.|et\.|fsz\.|esc\.)\s*\w{1,5}\.?"
    r"|\d{1,2}(?:\.|º|ª|o|a|e|er)?\s?(?i:og|etg|th|tv|mf|sal|tr|em|étage|etage|stock|esq|dto|izq|andar)\b\.?(?:\s\d{1,3}\.)?"
    r"|\d{1,2}-hoog|(?-i:[A-F])\s\d{1,3}\b)){0,3}"
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
    r"|bulevardul|calea|aleea|[șş]oseaua|soseaua|splaiul|pia[țţ]a|intrarea|drumul|canale|incrocio"
    # Mexico's road kinds ("Diagonal Quintanilla 302", "Eje vial Zacatecas 408") and Portugal's
    # "R." for Rua, only before its particle ("R. do Monte Cativo, 3": "R. Patel 2" is a name)
    r"|diagonal|prolongaci[óo]n|eje\s+vial|ampliaci[óo]n|circunvalaci[óo]n|continuaci[óo]n|corredor"
    r"|viaducto|peatonal|(?-i:R)\.(?=\s(?:do|da|dos|das|de)\s)"
    # Spain's and Brazil's other kinds ("Vial Esperanza Criado 15", "Distrito Manuella
    # Monteiro, 6", "Praia Leandro da Rocha, 7")
    r"|ca[ñn]ada|vial|aeroporto|campo|col[ôo]nia|condom[íi]nio|distrito|esta[çc][ãa]o|favela|feira"
    r"|lagoa|praia|p[áa]tio|s[íi]tio|trecho|trevo|viaduto)"
)
# Street types glued to the name (German, Dutch, Scandinavian).
_TYPE_GLUED = (
    r"(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|straat|laan|plein"
    r"|gracht|kade|singel|steeg|dreef|gatan|gata|vägen|v[äa]g|gade|vej|veien|gate|baan|hof|dijk|pad"
    r"|markt|plantsoen|stræde|straede|vænge|plads|torv|gränd|stig"
    # Dutch and Danish boulevards and canals ("Noortjeboulevard 98", "Achterburgwal 5")
    r"|boulevard|burgwal|kanaal"
    # Swedish and Norwegian definite forms ("Skolstigen 3", "Ringtorget 62", "Kristiansenkollen
    # 166", "Nielsenroa 6"), Finnish types ("Sahaajanpolku 85", "Maakuja 129",
    # "Damaskuksenbulevardi 4"); not "-lia" or "-dalen", which end given names ("Julia 3")
    r"|stigen|gränd(?:en)?|torget|backen|allén|leden|platsen|stråket|gången|alléen|bakken|berget"
    r"|bråten|flata|grenda|haugen|jordet|kollen|kroken|løkka|moen|myra|plassen|roa|røa|skogen"
    r"|sletta|stien|stubben|stykket|svingen|toppen|tunet|vollen|åsen|vegen|veien"
    r"|katu|tie|kuja|polku|bulevardi|kaari|rinne|aukio|väylä|raitti|puistikko)"
)
# Street types written apart and after the name in Finnish and Hungarian ("Taavetti Laitisen
# bulevardi 764", "Nyékhídi utca 219.", "Ady Endre tér 159."), lower case as written
_TYPE_APART = (
    r"(?:katu|tie|kuja|polku|bulevardi|kaari|aukio|väylä|raitti|puistikko|utca|út|útja|tér|tere"
    r"|körút|köz|sor|sétány|rakpart|fasor|lakótelep|dűlő|sugárút|liget)"
)
# A Czech street is a name with no type: a preposition before it ("Na Šubě 2", "Nad Zavážkou
# 580", "V Nížinách 5") or an adjective's ending ("Máslova 34", "Vídeňská 67", "Plynární 88");
# `refine` keeps those that carry a Czech letter or a preposition no English text starts with
_CZ_STREET = (
    r"(?:(?:Na|Nad|Pod|Za|Před|Mezi|U|V|Ve|K|Ke)[ ]\p{Lu}[\p{Ll}\p{M}]+(?:[ ]\p{L}[\p{Ll}\p{M}]+)?"
    r"|\p{Lu}[\p{Ll}\p{M}]{2,}(?:ova|ová|ská|cká|ní|ého|ých|ské|cké|ovo))"
)
_CZ_LETTERS = re.compile(r"[áčďéěíňóřšťúůýž]", re.IGNORECASE)
_CZ_PREPOSITIONS = wordset("na nad mezi před ve ke")
# The first word of a Nordic or German street that is no part of its glued name ("Store
# Regnevej 163", "Gamla Kyrkvägen 4", "Obere Hauptstraße 2")
_LEADING_WORD = (
    r"(?:Store|Lille|Nørre|Søndre|Vester|Øster|Gamle|Nye|Ny|Gamla|Nya|Norra|Södra|Östra|Västra"
    r"|Stora|Lilla|Alte|Alter|Große|Grosse|Kleine|Neue|Obere|Untere|Hintere|Vordere|Lange)"
)


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_STATE_OR_ZIP = re.compile(r"\s*\([A-Z]{2}\)$|\d{5},?")


class ForeignAddressRecognizer(ClinicalPatternRecognizer):
    """Addresses in Title Case with every USPS suffix, and European street-then-number shapes."""

    NEEDS_DIGIT = True
    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    # what every match holds (`REFINE_NEEDS`): a line's or a field's start, a code of four to
    # twelve capitals, digits, blanks and dashes opening on a capital or a digit, a blank and
    # the town's capital; one scan instead of the lookbehind the pattern tries at every position
    REFINE_NEEDS: ClassVar[dict[str, str]] = {
        "postcode_city_medium": (
            r"(?m)(?:^|[,;\n])[ \t]{0,2}[A-Z\d][A-Z\d -]{3,11}[ \t][\p{Lu}\p{Lo}\p{M}]"
        ),
    }
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "usps_street_strong",
            rf"(?<![\w./-]){UNIT_FIRST}(?:{_AU_HOUSE}|{HOUSE})\s+(?:[NSEW]\.?\s+)?(?:{_CAPWORD}\s+){{1,3}}{USPS_TITLE}\b\.?{AFTER_DIRECTION}{UNIT}",
            0.75,
        ),
        # A British flat with no house number, then its building or street ("Flat 14Z, Smith
        # Mount", "Studio 5, Power Forks")
        Pattern(
            "unit_first_street_strong",
            rf"(?-i:\b(?:Flat|Studio|Apartment|Unit|FLAT|STUDIO|APARTMENT|UNIT)\s\d{{1,4}}[A-Z]?,\s(?:{_CAPWORD}\s+){{1,3}}{USPS_TITLE}\b)",
            0.75,
        ),
        # A street with its unit's number sign and no house number ("Maple Court #2019", "Cedar
        # Lane #12B"), as delivery tickets write a flat: without the street the sign's number
        # read as a year ("2019 on 3/4")
        Pattern(
            "street_hash_unit_strong",
            rf"(?-i:(?<![\w./-])(?!(?:The|A|An|Our|Your|Her|His|Their|My|This|That)\s)(?:{_CAPWORD}\s+){{1,3}}{USPS_TITLE}\b\.?\s?#\s?\d{{1,5}}[A-Z]?)(?![\w/-])",
            0.75,
        ),
        Pattern(
            "type_first_street_strong",
            rf"(?-i:\b(?i:{_TYPE_FIRST})\s+(?:(?:de|del|de\s+la|da|do|dos|das|di|della|des|du|van|la|le)\s+){{0,2}}"
            rf"\p{{Lu}}[\p{{L}}\p{{M}}'’.-]{{1,30}}(?:\s+(?:(?:de|del|la|da|do|di|du)\s+)?\p{{Lu}}[\p{{L}}\p{{M}}'’.-]{{1,30}}){{0,3}}"
            r",?\s+(?:(?:n\.?[ºo°]?|nr\.?)\s*)?\d{1,5}[a-zA-Z]?(?:\s*[-/]\s*\d{1,4})?"
            # Mexico's interior number after the outside one ("Diagonal Quintanilla 302 019,")
            r"(?:[ ]\d{1,4}(?=[ \t]*(?:[,;\n]|$)|[ ](?i:edif|int|depto|dpto)))?)(?![\d/.:-]|\.\d)"
            + _EU_UNIT,
            0.75,
        ),
        # French and Belgian order: the number first ("59, rue Roussel", "9 avenue de Guérin").
        Pattern(
            "number_type_street_strong",
            r"(?<![\d./-])\b(?:\d{1,5}-)?\d{1,5}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e?"
            r"|impasse|quai|place|cours|route|voie|square|passage"
            # Quebec's ("6979 montée Sophie", "12 rang Saint-Joseph", "4 côte Gagnon")
            r"|mont[ée]e|rang|c[ôo]te|croissant|terrasse|promenade|ruelle|sentier)\s+(?:(?:de|du|des|de\s+la|d'|la|le)\s*){0,2}"
            r"(?-i:\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:\s+(?!(?i:apt|appt|app|suite)\b)\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,3})"
            + _EU_UNIT,
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
            rf"(?-i:\b(?:{_LEADING_WORD}[ ])?(?=\p{{Lu}}\S{{2,32}}\s+\d)\p{{Lu}}[\p{{L}}\p{{M}}'’-]{{1,30}}(?i:{_TYPE_GLUED})\s+\d{{1,5}}[a-zA-Z]?(?:\s*[-/]\s*\d{{1,4}})?)(?![\d/.:-]|\.\d)"
            + _EU_UNIT,
            0.75,
        ),
        Pattern(
            "type_apart_street_strong",
            rf"(?-i:\b\p{{Lu}}[\p{{L}}\p{{M}}'’-]{{1,30}}(?:[ ]\p{{L}}[\p{{L}}\p{{M}}'’-]{{1,30}}){{0,2}}[ ]{_TYPE_APART}[ ]\d{{1,4}}[a-zA-Z]?(?:/\d{{1,4}})?\.?)(?![\d/:-])"
            + _EU_UNIT,
            0.75,
        ),
        Pattern(
            "cz_street_medium",
            rf"(?-i:\b{_CZ_STREET}[ ]\d{{1,4}}(?:/\d{{1,4}})?[a-z]?)(?![\d/.:-])" + _EU_UNIT,
            0.65,
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
            r"(?-i:\b(?=(?:\p{Lu}\S{0,30}[ ]){2,4}\d)\p{Lu}[\p{L}\p{M}'’-]{1,30}(?:[ ]\p{Lu}[\p{L}\p{M}'’-]{1,30}){0,2}[ ](?:Allé|Alle|Vej|Gade|Plads|Stræde|Vænge|Torv|Gränd|Väg|Gata|Straat|Laan|Weg)[ ]\d{1,4}[a-zA-Z]?)(?![\d/.:-])"
            + _EU_UNIT,
            0.75,
        ),
        Pattern(
            "postcode_city_medium",
            # a Czech, Slovak or Swedish code in two groups ("112 04 Rožmitál pod Třemšínem"),
            # Portugal's ("9606-682 Seia"), and Italy's province after the town ("(AN)")
            r"(?-i:(?<=(?:[,;\n]|^)[ \t]{0,2})(?:(?:[A-Z]{1,2}-)?\d{4,6}(?:[ ]?[A-Z]{2})?|\d{2}-\d{3}|\d{5}-\d{3}|\d{4}-\d{3}|\d{3}[ ]\d{2}|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[A-Z]\d[A-Z][ ]\d[A-Z]\d)[ \t]+"
            r"(?:\p{Lu}[\p{L}\p{M}]{2,30}(?:(?:[ \t-]|-(?:les|le|la|de|du|sur|en|am|an|im|bei)-|[ ](?:an[ ]der|am|im|vorm|bei|ob[ ]der|in[ ]der|upon|on|de|del|la|do|da|pod|nad)[ ])\p{Lu}[\p{L}\p{M}]{2,30}){0,2}"
            r"|[\p{Lo}\p{M}]{2,30}))(?![\w-])(?=\s*(?:[,.;:)\n]|$|\((?-i:[A-Z]{2})\)))",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["lives", "address", "at", "to", "home"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        name = pattern_name(result)
        if name == "cz_street_medium":
            street = text[result.start : result.end]
            czech = _CZ_LETTERS.search(street) or street.split()[0].lower() in _CZ_PREPOSITIONS
            return result if czech else None  # "Casanova 3", "U Penn 2": no Czech street
        if "road" in name:
            after = text[result.end : result.end + 12].lower().split()
            if after and after[0].strip(".,;") in _ROAD_NOT_AFTER:
                return None  # "highway 20 minutes", "hwy 2 hrs": a duration
            return result
        if name in {"postcode_comma_city_medium", "city_comma_postcode_medium"}:
            town = _STATE_OR_ZIP.sub("", text[result.start : result.end]).strip(" ,")
            return set_subtype(result, "ZIP") if _town_like(town) else None
        if name in {"nl_postcode_line_medium", "mx_state_postcode_medium"}:
            return set_subtype(result, "ZIP")
        if name == "postcode_city_medium":
            place = text[result.start : result.end].split()[-1]
            if place.lower() in load_words("common_words.txt") or place.lower() in _COUNTED:
                return None  # ", 1000 Units": a count, not a postcode and town
            return set_subtype(result, "ZIP")
        return result


_ROAD_NOT_AFTER = wordset("min mins minutes hrs hours h mi miles mph km exits exit")
_COUNTED = wordset(
    "units unit tabs tablets doses patients pts beds cases days hours people calories steps "
    "cells copies tests samples visits calls messages"
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
