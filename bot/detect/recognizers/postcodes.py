"""LOCATION: postcodes and towns named by their label, away from an address line.

Safe Harbor item 2 covers every geographic subdivision smaller than a state: a ZIP or postcode
and a town. `addresses.AddressRecognizer` reads a US ZIP after a state or a street and
`streets.ForeignAddressRecognizer` a postcode before its town; a form or a note also writes
them alone after a label ("postcode: SW1A 1AA", "her zip is 02139", "PLZ 10115", "CEP
01310-100", "Eircode D02 X285", "town: Quarrington"). A town no gazetteer lists is taken only
after a town label and a colon, "is" or "of" ("the village of Hollowmere"). A Canadian postcode
("K1A 0B6", with its space) is shaped distinctively enough to stand alone.
"""

from __future__ import annotations

from typing import ClassVar

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

_POSTCODE_LABEL = (
    r"(?:post\s?code|postal\s+code|zip(?:\s?code)?|plz|code\s+postal|cep|pin\s?code"
    r"|eircode|postleitzahl|c[oó]digo\s+postal|codice\s+postale|postnummer"
    # and as the other languages' forms label it: Danish and Norwegian "Postnr.", Finnish,
    # Czech and Slovak "PSČ", Mexico's "C.P.", Italy's "CAP", Polish, Hungarian, Romanian,
    # Japanese and Chinese
    r"|postnr\.?|postinumero|ps[čc]|c\.\s?p\.|cap|kod\s+pocztowy|irányítószám|cod\s+po[șşs]tal"
    r"|〒|郵便番号|邮编|邮政编码)"
)
# the letters of a code and the space inside it stay on its line ("7310\nBy: Nexø" is a
# Danish postcode and the next field's label, no Dutch postcode)
_POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}"  # UK
    r"|[A-Z]\d[A-Z][ ]?\d[A-Z]\d"  # Canada
    r"|[A-Z]\d[\dW][ ]?[A-Z\d]{4}"  # Ireland (Eircode)
    r"|\d{4}[ ]?(?-i:[A-Z]{2})"  # Netherlands
    r"|(?:[A-Z]{1,2}-)?\d{3,7}(?:[\s-]\d{2,4})?|\d{2}-\d{3})"  # digits: US ZIP(+4), CEP, JP, PL, SE, DE ...
)
# whose code it is, before the colon ("new postcode for Marianna: 77-491", "zip for her mum:")
_FOR_WHOM = r"\s+for\s+[^\s:,.]{2,30}(?:\s+[^\s:,.]{2,30}){0,2}(?=\s*:)"
_TOWN_LABEL = (
    r"(?:town|city|village|hamlet|hometown|home\s+town|municipality|suburb|locality|parish"
    r"|place\s+of\s+(?:birth|residence)|birthplace|residence)"
)
_FOREIGN_TOWN_LABEL = (
    # the town and county fields of other languages' forms ("Ort: Baden", "Poststed:
    # Sondrefjell", "Megye: Zala", "Județul: Dolj", "Okres: Fulnek")
    r"(?:ort|wohnort|landkreis|kreis|gemeinde|bezirk|kanton|ville|commune|d[ée]partement|localidad|municipio"
    r"|provincia|citt[àa]|comune|woonplaats|gemeente|provincie|localidade|cidade|concelho|distrito"
    r"|munic[ií]pio|miejscowo[śs][ćc]|miasto|powiat|wojew[óo]dztwo|gmina|kommun|kommune|postort|by"
    r"|poststed|fylke|l[äa]n|postitoimipaikka|kunta|kotikunta|obec|okres|m[ěe]sto|kraj|localitatea"
    r"|ora[șşs]ul|jude[țţ]ul|comuna|v[áa]ros|megye|telep[üu]l[ée]s|helys[ée]g)"
)
_TOWN_NAME = (
    r"(?-i:\p{Lu}[\p{L}\p{M}'’]{2,30}(?:[ -](?:(?:on|upon|le|la|de|am|an|sur|do|da|dos|das|del|di|du"
    r"|pod|nad|bei|im|in|der)[ -])?\p{Lu}[\p{L}\p{M}'’]{2,30}){0,2})"
)


_PROVINCE = (
    r"(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT|Alberta|British\s+Columbia|Manitoba|New\s+Brunswick"
    r"|Newfoundland(?:\s+and\s+Labrador)?|Nova\s+Scotia|Ontario|Prince\s+Edward\s+Island|Qu[ée]bec"
    r"|Saskatchewan|Yukon)"
)


class PostcodeRecognizer(ClinicalPatternRecognizer):
    """Postcodes of many countries after their label; towns after theirs."""

    ENTITY = "LOCATION"
    SUBTYPE = "ZIP"
    # looked for backwards first (`BACKWARDS_FIRST`): a postcode or its label ends them
    BACKWARDS_FIRST: ClassVar[frozenset[str]] = frozenset(
        {"ca_postcode_after_province_strong", "ca_postcode_medium", "postcode_before_label_strong"}
    )
    # what every match holds (`REFINE_NEEDS`): the code itself, a cheaper scan than the town
    # before it
    REFINE_NEEDS: ClassVar[dict[str, str]] = {
        "postcode_after_town_medium": r"[A-Z]\d[\dW] [A-Z\d]{4}|[A-Z]\d[A-Z]\d[A-Z]\d",
    }
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "labelled_postcode_strong",
            # "postcode: 2380", "C.P. 39614", "〒468-9692", "the postcode on file (2380)"
            rf"(?:\b|(?=〒)){_POSTCODE_LABEL}(?:\s+(?:is|was|of|on\s+file)|{_FOR_WHOM})?\s*[:#：(]?\s*(?P<v>{_POSTCODE})(?![\w-])",
            0.85,
        ),
        # the code before its label ("gave 2466 as the postcode", "75-207 is her zip")
        Pattern(
            "postcode_before_label_strong",
            rf"(?<![\w-])(?P<v>{_POSTCODE})\s+(?:as|is|was)\s+(?:the|her|his|their|its|our|your)\s+{_POSTCODE_LABEL}\b",
            0.8,
        ),
        Pattern("ca_postcode_medium", r"(?-i:\b[A-Z]\d[A-Z]\s\d[A-Z]\d\b)", 0.6),
        # after its province, with or without the space ("BC Y3R3B6", "Alberta T5A 5P7")
        Pattern(
            "ca_postcode_after_province_strong",
            rf"(?-i:\b{_PROVINCE},?\s+(?P<v>[A-Z]\d[A-Z]\s?\d[A-Z]\d)\b)",
            0.85,
        ),
        # At the end of an address line, right after its town: an Irish Eircode ("Athlone, G06
        # W8E1", "Athlone E86 M2U0") and a Canadian postcode without its space ("Janettown
        # Y8B5V9"), which alone could be any code. The town is a capitalised word.
        Pattern(
            "postcode_after_town_medium",
            r"(?-i:\b\p{Lu}\p{Ll}{2,}(?:[ -]\p{Lu}\p{Ll}+)?,?[ ]"
            r"(?P<v>[A-Z]\d[\dW][ ][A-Z\d]{4}|[A-Z]\d[A-Z]\d[A-Z]\d))(?=[.,;:)]?(?:\s|$))",
            0.6,
        ),
        Pattern(
            "labelled_town_strong",
            rf"\b(?:{_TOWN_LABEL}(?:\s*:\s*|\s+(?:is|was|of)\s+)|{_FOREIGN_TOWN_LABEL}[ \t]*:[ \t]*)(?:(?-i:the)\s+)?(?P<v>{_TOWN_NAME})(?![\w-])",
            0.75,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["postcode", "zip", "address", "lives", "town"]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        value = text[result.start : result.end]
        if pattern_name(result) == "postcode_after_town_medium":
            head = text[max(0, result.start - 40) : result.start].split()
            town = head[-1].rstrip(",") if head else ""
            if lexicon().is_english(town) and not listed_town(town):
                return None  # "Update A1B2C3": a word, not a town, before a code
            letters = "".join(c for c in value.split()[-1] if c.isalpha())
            if len(letters) >= 3 and lexicon().is_english(letters):
                return None  # "C12 BED4": a bed, not a postcode's random letters
            return result
        if pattern_name(result) != "labelled_town_strong":
            if value.replace(" ", "").replace("-", "").isalpha():
                return None
            return result
        words = value.split()
        lex = lexicon()
        common = load_words("common_words.txt")
        if listed_town(value):
            return set_subtype(result, "CITY")  # "Ort: Baden": a listed town, though a word too
        if words[0].lower() in _NOT_A_PLACE or all(
            w.lower() in common or (lex.is_english(w) and not lex.is_name(w)) for w in words
        ):
            return None  # "city: Unknown", "the town of Residence": words, not a place
        return set_subtype(result, "CITY")


_NOT_A_PLACE = wordset(
    "unknown none same other various withheld redacted pending tbd tba unspecified hospital "
    "centre center council hall limits"
)
