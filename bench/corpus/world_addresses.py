"""Addresses, towns, counties and postcodes of 23 locales in seven voices: a DEV voice.

Written on 2026-12-07 by the places pass of issue 13 (helper `places`) and committed before its
first measurement. It is for tuning the place recognizers: the held-out voices stay held out,
and this corpus's figures are dev figures, never evidence. Written from how people give an
address, not from any other corpus.

The voices: a caller giving an address on the phone (spoken, in lower case, with "um"), an
e-mail signature, a referral letter's address block, a pharmacy delivery note (often in
capitals), a complaint letter, a form's address fields on one line, and a chat message. Every
address is Faker's for the person's locale (en_US, en_GB, en_AU, en_CA, en_IN, en_IE, en_NZ,
de_DE, de_AT, de_CH, fr_FR, fr_CA, it_IT, es_ES, es_MX, pt_BR, pt_PT, nl_NL, pl_PL, sv_SE, da_DK,
ja_JP, zh_CN): street, flat, town, postcode, and where the locale has one the subdivision under
its state (a British or Irish county, a French département, a Spanish or Italian provincia, a
US county, a German Landkreis). Real towns said alone ("she lives in Wickford", "from
Ashby-de-la-Zouch"), neighbourhoods ("in Kreuzberg", Brazil's bairros) and postcodes alone in
the locale's shape are planted too. A state, Land, province, canton, région or country is no
subdivision smaller than a state: it is written, not planted.

Hard negatives, in the planted messages and in clean ones: drug and device names (Norco,
Lasix, Dexcom G7, a Minnesota tube), eponyms and scales named for towns (Glasgow Coma Scale,
Bristol stool type 6, Lyme serology, Coxsackie), "Ward 7", hospital departments and levels,
"Main Street" as a phrase, anatomy ("left lower quadrant", "right iliac fossa").

    python -m bench.corpus.world_addresses --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = (
    "en_US", "en_US", "en_GB", "en_GB", "en_AU", "en_CA", "en_IN", "en_IE", "en_NZ", "de_DE",
    "de_AT", "de_CH", "fr_FR", "fr_CA", "it_IT", "es_ES", "es_MX", "pt_BR", "pt_PT", "nl_NL",
    "pl_PL", "sv_SE", "da_DK", "ja_JP", "zh_CN",
)  # fmt: skip
GEO = "geographic subdivisions"

# Real towns people name alone, by country (a few per locale; hyphens, apostrophes, particles).
REAL_TOWNS = {
    "en_US": ("Poughkeepsie", "Kalamazoo", "Ypsilanti", "Chillicothe", "Hackensack",
              "Walla Walla", "Coeur d'Alene", "Winston-Salem", "Sault Ste. Marie", "Tonawanda"),
    "en_GB": ("Wickford", "Ashby-de-la-Zouch", "Kirkby Lonsdale", "Market Harborough",
              "Bishop's Stortford", "Stow-on-the-Wold", "Hebden Bridge", "Saffron Walden",
              "Leighton Buzzard", "Burnham-on-Crouch", "Newton Abbot", "Ross-on-Wye"),
    "en_AU": ("Wagga Wagga", "Toowoomba", "Mudgee", "Kalgoorlie", "Bendigo", "Coffs Harbour"),
    "en_CA": ("Moose Jaw", "Medicine Hat", "Trois-Rivières", "Saint-Jean-sur-Richelieu"),
    "en_IN": ("Thiruvananthapuram", "Navi Mumbai", "Pimpri-Chinchwad", "Vijayawada"),
    "en_IE": ("Mullingar", "Clonakilty", "Dún Laoghaire", "Portlaoise", "Ballina"),
    "en_NZ": ("Whanganui", "Palmerston North", "Te Awamutu", "Paraparaumu"),
    "de_DE": ("Castrop-Rauxel", "Garmisch-Partenkirchen", "Bad Homburg", "Frankfurt (Oder)"),
    "de_AT": ("Wiener Neustadt", "Bruck an der Mur", "Zell am See"),
    "de_CH": ("Rapperswil-Jona", "Küsnacht", "La Chaux-de-Fonds"),
    "fr_FR": ("Aix-en-Provence", "Boulogne-Billancourt", "Saint-Étienne", "Villeneuve-d'Ascq"),
    "fr_CA": ("Trois-Rivières", "Saint-Hyacinthe", "Rivière-du-Loup"),
    "it_IT": ("Reggio nell'Emilia", "San Donà di Piave", "Sesto San Giovanni"),
    "es_ES": ("Alcalá de Henares", "Sant Cugat del Vallès", "Dos Hermanas"),
    "es_MX": ("Ciudad Nezahualcóyotl", "Tlaquepaque", "San Nicolás de los Garza"),
    "pt_BR": ("São José dos Campos", "Feira de Santana", "Juiz de Fora"),
    "pt_PT": ("Vila Nova de Gaia", "Póvoa de Varzim", "Caldas da Rainha"),
    "nl_NL": ("'s-Hertogenbosch", "Alphen aan den Rijn", "Bergen op Zoom"),
    "pl_PL": ("Bielsko-Biała", "Jelenia Góra", "Nowy Sącz"),
    "sv_SE": ("Upplands Väsby", "Mölndal", "Örnsköldsvik"),
    "da_DK": ("Lyngby", "Frederiksberg", "Hillerød"),
    "ja_JP": ("川崎市", "浜松市"),
    "zh_CN": ("苏州市", "东莞市"),
}  # fmt: skip
NEIGHBOURHOODS = {
    "en_US": ("the Mission District", "Roxbury", "Williamsburg", "Hyde Park"),
    "en_GB": ("Shoreditch", "Moss Side", "Jesmond", "Headingley"),
    "en_AU": ("Fitzroy", "Paddington", "Surry Hills"),
    "en_CA": ("Kitsilano", "the Plateau", "Little Portugal"),
    "en_IN": ("Bandra West", "Koramangala", "Salt Lake"),
    "en_NZ": ("Ponsonby", "Te Aro"),
    "de_DE": ("Kreuzberg", "Ehrenfeld", "Schwabing"),
    "fr_FR": ("le Marais", "la Croix-Rousse", "Belleville"),
    "it_IT": ("Trastevere", "Navigli"),
    "nl_NL": ("de Jordaan", "Kralingen"),
    "sv_SE": ("Södermalm", "Majorna"),
    "da_DK": ("Nørrebro", "Vesterbro"),
}  # fmt: skip
US_COUNTIES = ("Cuyahoga", "Maricopa", "Prince George's", "Miami-Dade", "St. Louis", "Hennepin")
DE_KREISE = ("Landkreis Harburg", "Kreis Steinfurt", "Rhein-Sieg-Kreis", "Landkreis Göttingen")

# Words around places that name no one: drugs, devices, eponyms and scales, wards, anatomy.
NEGATIVES = (
    "on Norco 5/325 prn", "Lasix 40 mg mane", "Dexcom G7 sensor", "Minnesota tube removed",
    "GCS 15 on the Glasgow Coma Scale", "Bristol stool type 6", "Lyme serology negative",
    "Coxsackie suspected", "Ward 7", "Station 4B", "Radiology, Level 2", "Cardiology Outpatients",
    "tender in the left lower quadrant", "pain in the right iliac fossa", "Foley in situ",
    "Edinburgh Postnatal Depression Scale 9", "NYHA class II", "Eliquis 5 mg bd", "Keppra 500 mg",
    "Manchester triage orange", "Hickman line flushed", "right upper lobe consolidation",
    "Parkinson's nurse", "Bell's palsy", "Boston Scientific pacemaker", "Oxford knee score 31",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "world_addresses": [
        # a caller on the phone
        "Call 10:42 - {name} rang to change her address. Says: \"it's um {street_lc}, in "
        '{town_lc}, postcode {postcode_lc}". Read back and confirmed.',
        "Phone note: caller (son) says mum is now at {line}. {negative}.",
        "Telephone message: {name_first} says she moved from {real_town} to {town} last month, "
        "wants the letters sent to the new place.",
        "caller confirmed address as {line_lc}, no change to the GP",
        # an e-mail signature
        "Thanks so much for your help.\n\nBest wishes,\n{name}\n{block}\nSent from my iPhone",
        "Hi, can you move my appointment? The {drug} is making me sleepy.\n\n--\n{name}\n{line}",
        "Kind regards,\n{name_upper}\n{block_upper}",
        # a referral letter's address block
        "Re: {name}\n{block}\n\nDear Dr {doctor},\nThank you for seeing this lady, {negative}.",
        "Patient: {name}\nAddress: {block_inline}\n\nReason for referral: {negative}; {negative2}.",
        "RE: {name_upper}, {line_upper}\nPlease see in clinic; {negative}.",
        # a pharmacy delivery note
        "DELIVERY NOTE - {name_upper}\n{block_upper}\nIf out leave with neighbour at no. "
        "{number}. Fridge item.",
        "Pharmacy delivery: {name}, {line}. {negative}. Driver: ring twice, dog in garden.",
        "deliver to {street_lc}, {town_lc} - side door. pt {name_lc}",
        # a complaint letter
        "Dear Sir or Madam,\n\nI am writing to complain about my father's care on {ward}. He "
        "lives at {line} and nobody told us he had been discharged.\n\nYours faithfully,\n{name}",
        "To the Patient Relations team: I live in {county_phrase}, near {real_town}, and "
        "travelled two hours for an appointment that was cancelled. {name}",
        # a form's fields on one line
        "Address line 1: {street} | Address line 2: {unit} | Town/City: {town} | County: "
        "{county} | Postcode: {postcode}",
        "Name: {name}; Address: {line}; Next of kin: {relative}",
        "HOME ADDRESS: {line_upper}",
        "Previous address: {street}, {town}   Moved in: last year",
        # chat
        "fyi {name_first} has moved to {town} now, near {real_town}",
        "pt lives in {neighbourhood}, so the {ward} community team covers her",
        "she lives in {real_town}",
        "{name_first} is from {real_town_lc} originally, grew up in {county_phrase}",
        "new postcode for {name_first}: {postcode}",
        "can someone post this to {name}? {street}, {postcode} {town}",
        "{name} is staying at her sister's in {town} till Friday",
        "pt moved to {town}, {region}, last spring - GP letter to follow",
        # clean: no person, only the words around places
        "{negative}; {negative2}. Plan discussed at the huddle.",
        "Reminder: the Main Street entrance is closed, use the car park door by {ward}.",
        "Staff note: {ward} is short two nurses tonight; {negative}.",
        "Pharmacy: {negative} out of stock until Monday; {negative2} fine.",
        "We are a Main Street practice, not a hospital, so bring a list of your medicines.",
        "Exam: {negative}, {negative2}; no guarding.",
    ],
}

_UNIT_WORDS = {"en": "Flat", "de": "Wohnung", "fr": "appt", "es": "Piso", "it": "Interno",
               "pt": "Apto", "nl": "bus", "pl": "m.", "sv": "lgh", "da": "th."}  # fmt: skip


# Where a locale has no state in its addresses, the country is written instead (not planted).
_COUNTRY = {"en_GB": "England", "en_IE": "Ireland", "en_NZ": "New Zealand", "it_IT": "Italia",
            "es_ES": "España", "pt_PT": "Portugal", "pl_PL": "Polska", "sv_SE": "Sverige",
            "da_DK": "Danmark"}  # fmt: skip


class Person:
    """One patient of one locale and an address in that locale's shapes."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.lang = self.locale[:2]
        fake = fakers[self.locale]
        fake.seed_instance(rng.getrandbits(32))
        self.fake = fake
        self.first, self.last = str(fake.first_name()), str(fake.last_name())
        self.relative = f"{fake.first_name()} {fake.last_name()}"
        self.doctor = str(fakers["en_GB"].last_name())
        self.town = self._town()
        self.postcode = str(fake.postcode())
        self.street = self._street()
        self.region = self._region()
        self.county = self._county()
        self.real_town = rng.choice(REAL_TOWNS[self.locale])
        hoods = NEIGHBOURHOODS.get(self.locale, ())
        self.hood = (
            str(fake.bairro())
            if self.locale == "pt_BR"
            else (rng.choice(hoods) if hoods else self.real_town)
        )

    def _town(self) -> str:
        return " ".join(str(self.fake.city()).split())

    def _street(self) -> str:
        f = self.fake
        if self.locale == "ja_JP":
            return f"{f.city()}{f.town()}{f.chome()}{f.ban()}{f.gou()}"
        if self.locale == "zh_CN":
            return f"{f.city()}{f.district()}区{f.street_name()}{f.building_number()}"
        return " ".join(str(f.street_address()).replace("\n", ", ").split())

    def _region(self) -> str:
        """The state, Land, province, canton or région: written, not planted."""
        f, loc = self.fake, self.locale
        if loc in {"en_US", "en_AU", "es_MX"}:
            return str(f.state_abbr())
        if loc in {"en_CA", "fr_CA"}:
            return str(f.province_abbr())
        if loc == "pt_BR":
            return str(f.estado_sigla())
        if loc in {"de_DE", "de_AT", "en_IN"}:
            return str(f.state())
        if loc == "de_CH":
            return str(f.canton_name())
        if loc == "fr_FR":
            return str(f.region())
        if loc == "nl_NL":
            return str(f.province())
        if loc == "ja_JP":
            return str(f.prefecture())
        if loc == "zh_CN":
            return str(f.province())
        return ""

    def _county(self) -> str:
        """The subdivision under the state, where the locale has one; else the town."""
        f, loc = self.fake, self.locale
        if loc in {"en_GB", "en_IE"}:
            return str(f.county())
        if loc == "fr_FR":
            return str(f.department_name())
        if loc in {"es_ES", "it_IT"}:
            return str(f.state())  # a provincia
        if loc == "en_US":
            return self.rng.choice(US_COUNTIES)
        if loc == "de_DE":
            return self.rng.choice(DE_KREISE)
        return self.town

    def unit(self) -> str:
        word = _UNIT_WORDS.get(self.lang, "Unit")
        return f"{word} {self.rng.randint(1, 40)}"


def _geo(text: str, role: str = "quasi") -> Part:
    return pii(text, "LOCATION", role, GEO)


def _town_line(p: Person) -> list[Part]:
    """The line after the street, in the locale's order."""
    town, code, loc = _geo(p.town), _geo(p.postcode), p.locale
    if loc in {"en_US", "en_CA", "fr_CA", "en_AU"}:
        return [town, lit(f", {p.region} "), code]
    if loc in {"en_GB", "en_NZ", "en_IE"}:
        if loc == "en_GB" and p.rng.random() < 0.4:
            return [town, lit("\n"), _geo(p.county), lit("\n"), code]
        return [town, lit(" "), code]
    if loc == "en_IN":
        return [town, lit(", "), lit(p.region), lit(" - "), code]
    if loc == "it_IT":
        return [code, lit(" "), town, lit(f" ({p.fake.state_abbr()})")]
    if loc == "es_MX":
        return [lit("C.P. "), code, lit(", "), town, lit(f", {p.region}")]
    if loc == "pt_BR":
        return [town, lit(f" - {p.region}, CEP "), code]
    if loc in {"ja_JP", "zh_CN"}:
        return [lit("〒" if loc == "ja_JP" else "邮编 "), code]
    return [code, lit(" "), town]


def _block(p: Person, sep: str, unit: bool) -> list[Part]:
    """Street (with a flat, sometimes), then the town line; lines joined by `sep`."""
    street = p.street
    if unit and p.lang not in {"ja", "zh"} and p.rng.random() < 0.5:
        street = f"{p.unit()}, {street}" if p.lang == "en" else f"{street}, {p.unit()}"
    lines = [_geo(street, "direct"), lit(sep), *_town_line(p)]
    if sep != "\n":
        lines = [replace(x, text=x.text.replace("\n", sep)) for x in lines]
    if p.locale in {"ja_JP", "zh_CN"}:
        lines = [lit(p.region), *lines]
    return lines


def _case(parts: list[Part], how: str) -> list[Part]:
    if how == "lc":
        return [replace(x, text=x.text.lower()) for x in parts]
    if how == "upper":
        return [replace(x, text=x.text.upper()) for x in parts]
    return parts


def _county_phrase(p: Person) -> list[Part]:
    """A county as people write it: "County Kerry", "Maricopa County", "Essex", "Landkreis X"."""
    county, loc = p.county, p.locale
    if loc == "en_IE":
        return [lit(p.rng.choice(("County ", "Co. "))), _geo(county)]
    if loc == "en_US":
        return [_geo(county), lit(" County")]
    if loc == "fr_FR":
        return [lit(p.rng.choice(("the ", "le département de l'"))), _geo(county)]
    if loc in {"es_ES", "it_IT"}:
        return [lit("the province of "), _geo(county)]
    return [_geo(county)]


def _fill(p: Person, slot: str) -> list[Part]:
    rng = p.rng
    base, _, how = slot.rpartition("_")
    if how not in {"lc", "upper"}:
        base, how = slot, ""
    names = {"name": f"{p.first} {p.last}", "name_first": p.first, "relative": p.relative,
             "doctor": p.doctor}  # fmt: skip
    literal = {
        "negative": rng.choice(NEGATIVES),
        "negative2": rng.choice(NEGATIVES),
        "ward": rng.choice(("Ward 7", "Ward 12", "Elm Ward", "Stroke Unit", "AMU")),
        "region": p.region or _COUNTRY.get(p.locale, "abroad"),
        "drug": rng.choice(("Norco", "Lasix", "Keppra", "Lyrica", "Zofran", "new Eliquis")),
        "number": str(rng.randint(2, 60)),
    }
    if base in names:
        out = [pii(names[base], "NAME", "direct", "names")]
    elif base in literal:
        out = [lit(literal[base])]
    else:
        layouts: dict[str, Callable[[], list[Part]]] = {
            "block": lambda: _block(p, "\n", unit=True),
            "block_inline": lambda: _block(p, ", ", unit=True),
            "line": lambda: _block(p, ", ", unit=rng.random() < 0.4),
            "street": lambda: [_geo(p.street, "direct")],
            "unit": lambda: [_geo(p.unit(), "direct")],
            "town": lambda: [_geo(p.town)],
            "real_town": lambda: [_geo(p.real_town)],
            "neighbourhood": lambda: [_geo(p.hood)],
            "postcode": lambda: [_geo(p.postcode)],
            "county": lambda: [_geo(p.county)],
            "county_phrase": lambda: _county_phrase(p),
        }
        out = layouts[base]()
    return _case(out, how)


def render(template: str, person: Person) -> list[Part]:
    """A template's parts: a slot may fill several (an address block's lines)."""
    return render_slots(template, lambda slot: _fill(person, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "world_addresses") -> list[dict[str, Any]]:
    """`n` calls, signatures, letters, delivery notes, complaints, forms or chats, by seed."""
    fakers = stable_fakers((*LOCALES, "en_GB"))
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Person(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="world_addresses",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
