"""Postal addresses and place mentions of 26 locales, as people write them: a DEV voice.

Written on 2026-12-03 by the address pass of issue 13 (engineer `addr`), after `deliveries` and
`intake_desk` were tuned on, and committed before its first measurement. It is for tuning the
address and place recognizers: the measured other voices stay held out, and this corpus's
figures are dev figures, never evidence. Written from how addresses are written, not from any
other corpus.

The voice: e-mails asking where to send a letter, forms with an address block or one field per
line, chat about where a patient lives or moved to. Every address is Faker's for the person's
locale (en_US, en_GB, en_CA, en_AU, en_IE, de_DE, de_AT, de_CH, fr_FR, fr_CA, es_ES, es_MX,
it_IT, nl_NL, pt_PT, pt_BR, pl_PL, sv_SE, da_DK, no_NO, fi_FI, cs_CZ, ro_RO, hu_HU, ja_JP,
zh_CN), laid out in the locale's own order: on one line or several, with or without the
country, with a flat, unit or floor, a PO box in the locale's words, a "c/o" line, the town
before or after its postcode; and towns, counties and postcodes alone in running text ("lives in
X", "moved to X County", "from Y", "her postcode is Z"), in English and in the locale's
language. A state, a province or a country is no subdivision smaller than a state: it is
written, not planted.

    python -m bench.corpus.address_stress --n 3
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = (
    "en_US", "en_US", "en_GB", "en_CA", "en_AU", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR",
    "fr_CA", "es_ES", "es_MX", "it_IT", "nl_NL", "pt_PT", "pt_BR", "pl_PL", "sv_SE", "da_DK",
    "no_NO", "fi_FI", "cs_CZ", "ro_RO", "hu_HU", "ja_JP", "zh_CN",
)  # fmt: skip

GEO = "geographic subdivisions"

# The locale's country, as its people write it and as an English letter writes it.
COUNTRY = {
    "en_US": ("USA", "United States"), "en_GB": ("UK", "United Kingdom"),
    "en_CA": ("Canada", "Canada"), "en_AU": ("Australia", "Australia"),
    "en_IE": ("Ireland", "Ireland"), "de_DE": ("Deutschland", "Germany"),
    "de_AT": ("Österreich", "Austria"), "de_CH": ("Schweiz", "Switzerland"),
    "fr_FR": ("France", "France"), "fr_CA": ("Canada", "Canada"), "es_ES": ("España", "Spain"),
    "es_MX": ("México", "Mexico"), "it_IT": ("Italia", "Italy"),
    "nl_NL": ("Nederland", "Netherlands"), "pt_PT": ("Portugal", "Portugal"),
    "pt_BR": ("Brasil", "Brazil"), "pl_PL": ("Polska", "Poland"), "sv_SE": ("Sverige", "Sweden"),
    "da_DK": ("Danmark", "Denmark"), "no_NO": ("Norge", "Norway"), "fi_FI": ("Suomi", "Finland"),
    "cs_CZ": ("Česko", "Czech Republic"), "ro_RO": ("România", "Romania"),
    "hu_HU": ("Magyarország", "Hungary"), "ja_JP": ("日本", "Japan"), "zh_CN": ("中国", "China"),
}  # fmt: skip

# A flat, floor or unit in the locale's words, and its PO box ({n} is a number).
UNITS = {
    "en": ("Apt {n}", "Apt. {n}B", "Unit {n}", "Flat {n}", "Suite {n}00", "#{n}", "Apartment {n}"),
    "de": ("Wohnung {n}", "Top {n}", "{n}. OG", "App. {n}"),
    "fr": ("appt {n}", "Bât. B, appt {n}", "{n}e étage", "porte {n}"),
    "es": ("Piso {n}, Puerta 2", "{n}º B", "Dpto. {n}", "Interior {n}"),
    "it": ("Scala B, Int. {n}", "Piano {n}", "Interno {n}"),
    "nl": ("bus {n}", "{n}-hoog", "app. {n}"),
    "pt": ("Apto {n}", "{n}º Esq.", "Bloco B, Apto {n}", "Andar {n}"),
    "pl": ("m. {n}", "lok. {n}"),
    "sv": ("lgh {n}0{n}", "{n} tr"),
    "da": ("{n}. th.", "{n}. sal"),
    "no": ("leil. H0{n}0{n}", "{n}. etg."),
    "fi": ("A {n}", "B {n}"),
    "cs": ("byt {n}",),
    "ro": ("Bl. {n}, Sc. A, Ap. {n}{n}", "Ap. {n}"),
    "hu": ("{n}. em. 2.", "fsz. {n}."),
}
POBOX = {
    "en": ("PO Box {n}", "P.O. Box {n}", "Post Office Box {n}"),
    "de": ("Postfach {n}",),
    "fr": ("BP {n}", "Boîte postale {n}", "CP {n}"),
    "es": ("Apartado de Correos {n}", "Apdo. {n}"),
    "it": ("Casella Postale {n}", "C.P. {n}"),
    "nl": ("Postbus {n}",),
    "pt": ("Apartado {n}", "Caixa Postal {n}"),
    "pl": ("skrytka pocztowa {n}",),
    "sv": ("Box {n}",),
    "da": ("Postboks {n}",),
    "no": ("Postboks {n}",),
    "fi": ("PL {n}",),
    "cs": ("P.O.Box {n}",),
    "ro": ("C.P. {n}",),
    "hu": ("Pf. {n}",),
}
# Form labels in the locale's language: address, town, postcode, county.
LABELS = {
    "en": ("Address", "City", "Postcode", "County"),
    "de": ("Anschrift", "Ort", "PLZ", "Landkreis"),
    "fr": ("Adresse", "Ville", "Code postal", "Département"),
    "es": ("Dirección", "Localidad", "C.P.", "Provincia"),
    "it": ("Indirizzo", "Città", "CAP", "Provincia"),
    "nl": ("Adres", "Woonplaats", "Postcode", "Gemeente"),
    "pt": ("Morada", "Localidade", "Código postal", "Concelho"),
    "pl": ("Adres", "Miejscowość", "Kod pocztowy", "Powiat"),
    "sv": ("Adress", "Ort", "Postnummer", "Kommun"),
    "da": ("Adresse", "By", "Postnr.", "Kommune"),
    "no": ("Adresse", "Poststed", "Postnummer", "Kommune"),
    "fi": ("Osoite", "Postitoimipaikka", "Postinumero", "Kunta"),
    "cs": ("Adresa", "Obec", "PSČ", "Okres"),
    "ro": ("Adresa", "Localitatea", "Cod poștal", "Județul"),
    "hu": ("Cím", "Város", "Irányítószám", "Megye"),
    "ja": ("住所", "市区町村", "郵便番号", "都道府県"),
    "zh": ("地址", "城市", "邮编", "省份"),
}
# "lives in X", "moved to X" in the locale's language ({town} is planted).
LIVES = {
    "de": ("wohnt jetzt in {town}", "ist nach {town} gezogen", "kommt aus {town}"),
    "fr": ("habite à {town}", "a déménagé à {town}", "vient de {town}"),
    "es": ("vive en {town}", "se mudó a {town}", "es de {town}"),
    "it": ("abita a {town}", "si è trasferita a {town}", "viene da {town}"),
    "nl": ("woont in {town}", "is verhuisd naar {town}", "komt uit {town}"),
    "pt": ("mora em {town}", "mudou-se para {town}", "é de {town}"),
    "pl": ("mieszka w miejscowości {town}", "przeprowadziła się do miejscowości {town}"),
    "sv": ("bor i {town}", "har flyttat till {town}"),
    "da": ("bor i {town}", "er flyttet til {town}"),
    "no": ("bor i {town}", "har flyttet til {town}"),
    "fi": ("kotikunta: {town}",),
    "cs": ("bydlí v obci {town}",),
    "ro": ("locuiește în {town}", "s-a mutat la {town}"),
    "hu": ("lakóhely: {town}",),
}

TEMPLATES: dict[str, list[str]] = {
    "address_stress": [
        # e-mails
        "Hi,\n\nCould you post the results letter to {name} at this address:\n\n{block}\n\n"
        "Thanks,\nReception",
        "Hello, {name_first} has a new address: {line}. Please update her file before the "
        "next appointment.",
        "Please send the invoice to {name}, {line}, not to the old one.",
        "{name}\n{block}\n\nDear {name_first},\nyour next appointment is on the 12th.",
        "Mail came back undeliverable from {line}. Do we have a newer address for {name}?",
        "Forwarding address for {name}: c/o {relative}, {line}",
        "Ship the meter to:\n{name}\nc/o {relative}\n{block}",
        "Correspondence to {name}, {pobox_line}, please - she doesn't get post at home.",
        "{name}'s daughter says the home address is {street}, {town}. The postcode on file "
        "({postcode}) is right.",
        # forms
        "Name: {name}\nAddress: {street_unit}\nCity: {town}\nPostcode: {postcode}\nCountry: "
        "{country}",
        "{l_address}: {street}\n{l_postcode}: {postcode}\n{l_town}: {town}",
        "PATIENT DETAILS\nSurname: {last}\nFirst name: {name_first}\nHome address: {line}\n"
        "Phone: see file",
        "{l_address}: {line}",
        "Emergency contact: {relative}, {block_inline}",
        "{l_town}: {town}\n{l_county}: {county}",
        # chat and notes
        "fyi {name_first} lives in {town} now, not {town2}",
        "{name} moved to {county_phrase} last spring, so the home visits go through that team.",
        "Pt is from {town}, staying with her son at {street} while she recovers.",
        "{name} {lives}.",
        "can someone call {name_first}? she's at {street_unit} until Friday",
        "Transport booked from {line} to the clinic, pickup 8:30.",
        "{name_first}'s postcode is {postcode}, town {town}.",
        "Born in {town}, grew up in {town2}, lives in {county_phrase}.",
        "Home visit: {street}, {postcode} {town}. Ring the bell twice.",
        "{name} gave {town} as her town of residence and {postcode} as the postcode.",
        # clean: no person in them
        "The main entrance on the street side is closed; use the side door by the car park.",
        "Reminder: forms without a postcode are sent back by the mailroom.",
        "Street parking is free after 6pm; the garage is on level 2.",
        "Box 3 of gloves is in the cupboard by the lift.",
        "Please check the address field is filled in before you print the labels.",
    ],
}


class Person:
    """One patient of one locale, a relative, and an address in that locale's shapes."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.lang = self.locale[:2]
        fake = fakers[self.locale]
        fake.seed_instance(rng.getrandbits(32))
        self.fake = fake
        self.first, self.last = str(fake.first_name()), str(fake.last_name())
        self.relative = f"{fake.first_name()} {fake.last_name()}"
        self.town, self.town2 = self._town(), self._town()
        self.postcode = str(fake.postcode())
        self.street = self._street()
        self.region = self._region()
        self.county = self._county()
        local, english = COUNTRY[self.locale]
        self.country = rng.choice((local, english))

    def _town(self) -> str:
        if self.locale == "ja_JP":
            return str(self.fake.city())
        return str(self.fake.city()).replace("\n", " ")

    def _street(self) -> str:
        if self.locale == "ja_JP":
            f = self.fake
            return f"{f.city()}{f.town()}{f.chome()}{f.ban()}{f.gou()}"
        if self.locale == "zh_CN":
            f = self.fake
            return f"{f.city()}{f.district()}区{f.street_name()}{f.building_number()}"
        street = str(self.fake.street_address()).replace("\n", ", ")
        return " ".join(street.split())

    def _region(self) -> str:
        """The state, province or prefecture: written, not planted."""
        f = self.fake
        for attr in ("state_abbr", "province_abbr", "estado_sigla", "prefecture", "province"):
            if hasattr(f, attr) and self.locale not in {"es_ES", "it_IT", "ro_RO"}:
                return str(getattr(f, attr)())
        return str(f.administrative_unit()) if hasattr(f, "administrative_unit") else ""

    def _county(self) -> str:
        """A subdivision smaller than a state: Faker's county where it has one."""
        f = self.fake
        if hasattr(f, "county"):
            return str(f.county())
        if self.locale in {"es_ES", "it_IT", "ro_RO"}:
            return str(f.administrative_unit())  # a provincia, a județ
        return self.last if self.lang == "en" else self._town()

    def unit(self) -> str:
        kinds = UNITS.get(self.lang, UNITS["en"])
        return self.rng.choice(kinds).format(n=self.rng.randint(1, 9))

    def pobox(self) -> str:
        kinds = POBOX.get(self.lang, POBOX["en"])
        return self.rng.choice(kinds).format(n=self.rng.randint(10, 9999))


def _geo(text: str, role: str = "quasi") -> Part:
    return pii(text, "LOCATION", role, GEO)


# The flat or floor Faker's own street addresses may already carry ("Apt. 290", "Piso 0")
_HAS_UNIT = re.compile(
    r"\b(?:apt|suite|flat|interior|piso|edif|depto|appartamento|ap|bl)\b\.?", re.I
)


def _street_part(p: Person, unit: bool) -> Part:
    if not unit or p.lang in {"ja", "zh"} or _HAS_UNIT.search(p.street):
        return _geo(p.street, "direct")
    u = p.unit()
    glue = " " if u.startswith("#") else p.rng.choice((", ", " "))
    return _geo(f"{p.street}{glue}{u}", "direct")


def _town_lines(p: Person) -> list[list[Part]]:
    """The lines after the street in the locale's order: town, region and postcode."""
    town, code, region = _geo(p.town), _geo(p.postcode), lit(p.region)
    loc = p.locale
    if loc in {"en_US", "en_CA", "fr_CA"}:
        return [[town, lit(", "), region, lit(p.rng.choice(("  ", " "))), code]]
    if loc == "en_AU":
        return [[town, lit(" "), region, lit(" "), code]]
    if loc == "en_GB":
        return [[town], [_geo(p.county)], [code]] if p.rng.random() < 0.4 else [[town], [code]]
    if loc == "en_IE":
        return [[town], [lit("Co. "), _geo(p.county)], [code]]
    if loc == "it_IT":
        return [[code, lit(" "), town, lit(f" ({p.region[:2].upper()})")]]
    if loc == "pt_BR":
        return [[town, lit(f" - {p.region}")], [lit("CEP "), code]]
    if loc == "es_MX":
        return [[lit("C.P. "), code, lit(" "), town, lit(f", {p.region}")]]
    if loc == "ro_RO":
        return [[town, lit(", jud. "), _geo(p.county)], [code]]
    if loc == "hu_HU":
        return [[code, lit(" "), town]]
    if loc == "ja_JP":
        return []
    if loc == "zh_CN":
        return [[lit("邮编 "), code]]
    # the continent's order: postcode then town
    return [[code, lit(" "), town]]


def block(p: Person, sep: str, *, unit: bool, pobox: bool, country: bool) -> list[Part]:
    """An address laid out in the locale's order, its lines joined by `sep`."""
    if p.locale == "ja_JP":
        lines = [[lit("〒"), _geo(p.postcode)], [lit(p.region), _geo(p.street, "direct")]]
    elif p.locale == "zh_CN":
        lines = [[lit(p.region), _geo(p.street, "direct")], *_town_lines(p)]
    else:
        first = _geo(p.pobox(), "direct") if pobox else _street_part(p, unit)
        lines = [[first], *_town_lines(p)]
        if p.locale == "hu_HU" and p.rng.random() < 0.5:
            lines = lines[::-1]  # "H-2907 Tamásifalva, Városi utca 149."
    if country:
        lines.append([lit(p.country if p.lang != "en" else p.country.upper())])
    out: list[Part] = []
    for i, line in enumerate(lines):
        if i:
            out.append(lit(sep))
        out += line
    return out


def _fill(p: Person, slot: str) -> list[Part]:
    rng = p.rng
    labels = LABELS.get(p.lang, LABELS["en"])
    if slot.startswith("l_"):
        index = ("l_address", "l_town", "l_postcode", "l_county").index(slot)
        return [lit(labels[index])]
    names = {
        "name": f"{p.first} {p.last}",
        "name_first": p.first,
        "last": p.last,
        "relative": p.relative,
    }
    if slot in names:
        return [pii(names[slot], "NAME", "direct", "names")]
    country = rng.random() < 0.35
    layouts: dict[str, Callable[[], list[Part]]] = {
        "block": lambda: block(
            p, "\n", unit=rng.random() < 0.4, pobox=rng.random() < 0.15, country=country
        ),
        "block_inline": lambda: block(p, "; ", unit=rng.random() < 0.3, pobox=False, country=False),
        "line": lambda: block(
            p, ", ", unit=rng.random() < 0.4, pobox=rng.random() < 0.1, country=country
        ),
        "pobox_line": lambda: block(p, ", ", unit=False, pobox=True, country=country),
        "street": lambda: [_street_part(p, unit=False)],
        "street_unit": lambda: [_street_part(p, unit=True)],
        "town": lambda: [_geo(p.town)],
        "town2": lambda: [_geo(p.town2)],
        "postcode": lambda: [_geo(p.postcode)],
        "county": lambda: [_geo(p.county)],
        "country": lambda: [lit(p.country)],
        "county_phrase": lambda: _county_phrase(p),
        "lives": lambda: _lives(p),
    }
    return layouts[slot]()


def _county_phrase(p: Person) -> list[Part]:
    """A county as English writes it: "Kerry County", "County Kerry", "Kerry"."""
    county = p.county
    if p.locale == "en_IE":
        return [lit("County "), _geo(county)] if rng_bool(p) else [lit("Co. "), _geo(county)]
    if p.locale in {"en_US", "en_CA", "en_AU"}:
        return [_geo(county), lit(" County")]
    return [_geo(county)]


def rng_bool(p: Person) -> bool:
    return p.rng.random() < 0.5


def _lives(p: Person) -> list[Part]:
    """ "lives in X" in the locale's language, or in English."""
    phrases = LIVES.get(p.lang, ("lives in {town}", "moved to {town}", "is from {town}"))
    if p.lang != "en" and rng_bool(p):
        phrases = ("lives in {town}", "moved to {town}", "is from {town}")
    head, _, tail = p.rng.choice(phrases).partition("{town}")
    return [lit(head), _geo(p.town), lit(tail)]


def render(template: str, person: Person) -> list[Part]:
    """A template's parts: a slot may fill several (an address block's lines and labels)."""
    return render_slots(template, lambda slot: _fill(person, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "address_stress") -> list[dict[str, Any]]:
    """`n` e-mails, forms or chat lines of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Person(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="address_stress",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
