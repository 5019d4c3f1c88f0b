"""LOCATION: a form's address field, whatever the address's words, and addresses in CJK script.

The street recognizers know streets by their types and numbers, in the orders of many languages;
a form says where its address is instead ("Address: V Nížinách 5", "Osoite: Ylä-Fallin
bulevardi 14", "Adresse: Kristiansenkollen 166", "Cím: Pf. 8533, H-7280 Hátháza"), so the
value of an address field, to the end of its line, is one address when it holds a number, in any
language. A country closing the line is left out: it is no subdivision Safe Harbor lists.

Japanese and Chinese addresses run without spaces from the prefecture or province down to the
block and building ("長崎県四街道市外国府間5丁目7番2号", "陕西省成都市龙潭区太原路y座"): the
administrative suffixes (都道府県, 市区町村郡; 省, 市县区) and the block's (丁目, 番, 号; 路街道,
号, 座) mark them.
"""

from __future__ import annotations

from typing import ClassVar

import regex as re
from presidio_analyzer import Pattern, RecognizerResult

from bot.detect.recognizers.base import ClinicalPatternRecognizer, pattern_name, wordset

_ADDRESS_LABEL = (
    r"(?:(?:home|mailing|postal|street|residential|billing|current|new|old|forwarding|patient)\s+)?"
    r"(?:address|adresse|anschrift|adresa|adres|adress|osoite|direcci[óo]n|domicilio|indirizzo"
    r"|morada|endere[çc]o|c[íi]m|住所|地址)"
)
_KANA = r"\p{Han}\p{Hiragana}\p{Katakana}ー"
# The words before a label that make it no postal address ("E-mail address:", "IP address:")
_NOT_POSTAL = re.compile(
    r"(?:e-?mail|ip|mac|web|url|ipv[46]|server|wallet|memory)\s*$", re.IGNORECASE
)
# A sentence after the address on the field's line: a full stop, a capitalised word and a
# lower-case one ("... 6259 Trieben. Please update her file"); "Str. Mihai Eminescu" goes on
_SENTENCE_AFTER = re.compile(r"\.\s+(?=\p{Lu}\p{Ll}+\s+\p{Ll})")
_COUNTRY_TAIL = re.compile(r",\s*(?P<c>[^\d,]{2,30})$")
# A country closes an address line or block: it is no subdivision Safe Harbor lists
COUNTRIES = wordset(
    "usa us u.s. u.s.a. america uk england scotland wales canada australia ireland eire germany "
    "deutschland austria österreich switzerland schweiz suisse svizzera france spain españa "
    "mexico méxico italy italia netherlands nederland holland portugal brazil brasil poland "
    "polska sweden sverige denmark danmark norway norge finland suomi czechia česko hungary "
    "magyarország romania românia japan 日本 china 中国 belgium belgique belgië luxembourg"
) | {
    "united states", "united kingdom", "great britain", "northern ireland", "new zealand",
    "republic of ireland", "czech republic", "česká republika", "united states of america",
}  # fmt: skip


# compiled once: a module-level `regex` call costs a cache look-up through flag enums
_LABEL_BEFORE = re.compile(rf"{_ADDRESS_LABEL}[ \t]*[:：][ \t]*$", re.I)


class AddressFieldRecognizer(ClinicalPatternRecognizer):
    """An address field's value to the end of its line; Japanese and Chinese addresses."""

    NEEDS_DIGIT = True
    ENTITY = "LOCATION"
    SUBTYPE = "ADDRESS"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "address_field_strong",
            # "Address line 2: Flat 28 | Town/City: ...": a numbered line, a field a bar closes
            rf"\b{_ADDRESS_LABEL}(?:[ \t]+line[ \t]*\d)?[ \t]*[:：][ \t]*(?P<v>[^\s:：|][^\n|]{{2,100}}?)[ \t]*(?:$|(?=\|))",
            0.8,
        ),
        # 〒 and a prefecture before the town and block: "〒468-9692 長崎県四街道市外国府間5丁目7番2号"
        Pattern(
            "ja_address_strong",
            rf"(?:〒\s?\d{{3}}-?\d{{4}}[,、\s]*)?(?:[{_KANA}]{{1,4}}?[都道府県])?[{_KANA}]{{1,8}}?[市区町村郡]"
            rf"[{_KANA}]{{0,12}}?\d{{1,4}}丁目(?:\d{{1,4}}番地?)?(?:\d{{1,4}}号)?",
            0.8,
        ),
        # a province or city down to the road and the number or building: "陕西省成都市龙潭区太原路y座"
        Pattern(
            "zh_address_strong",
            r"(?:\p{Han}{2,4}(?:省|自治区))?\p{Han}{1,6}?[市县]\p{Han}{0,6}?[区县镇乡]?\p{Han}{1,8}?"
            r"(?:路|街|道|巷|弄)(?:[A-Za-z\d]{1,5}(?:座|号|栋|楼|室)|\d{1,5})",
            0.75,
        ),
        Pattern("ja_postcode_strong", r"〒\s?(?P<v>\d{3}-?\d{4})\b", 0.85),
    ]

    def refine(self, text: str, result: RecognizerResult) -> RecognizerResult | None:
        if pattern_name(result) != "address_field_strong":
            return result
        value = text[result.start : result.end]
        if not any(c.isdigit() for c in value) or "@" in value or "://" in value:
            return None  # "Address: see chart", "Email address: a@b.example"
        label = _LABEL_BEFORE.search(text[: result.start])
        if label and _NOT_POSTAL.search(text, 0, label.start()):
            return None
        sentence = _SENTENCE_AFTER.search(value)
        if sentence:
            result.end = result.start + sentence.start()  # "...: 12 Oak St. Please update ..."
            value = value[: sentence.start()]
        tail = _COUNTRY_TAIL.search(value)
        if tail and tail.group("c").strip().lower() in COUNTRIES:
            result.end = result.start + tail.start()  # "..., Hungary": the country stays
        return result
