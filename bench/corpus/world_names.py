"""Ward chat, handover lists, on-call pages, theatre lists and letters naming patients of many
cultures the way clinicians type them, beside clinical acronyms, eponyms and Latin that name nobody.

A DEV voice, written on 2026-12-07 by the world-names pass of issue 13 (helper `names`) and
committed before its first measurement. It is for tuning: the held-out voices stay held out,
and this corpus's figures are dev figures, never evidence. Written from how ward messages name
people, not from any other corpus; the names are put together here from common given names and
surnames of each culture, so they name nobody in particular.

The cultures: Māori and Pacific ("Aroha TE RANGI", "Sione Tupou"), Korean (two-syllable given
names spaced, hyphenated or run together: "Ha Eun", "Mi-young", "Jiwoo"), Vietnamese ("Nguyen Thi
Lan", family name first), Chinese romanised in either order ("Wang Xiaoming", "Xiaoming Wang"),
Arabic with its particles ("Abdullah bin Hamad", "Fatima Al-Sayed", "al-Rashid"), Spanish double
surnames ("María José García Pérez"), Dutch and German particles ("van der Berg", "von Arx"),
Icelandic patronymics ("Jónsdóttir"), Yoruba and Igbo ("Chukwuemeka", "Adebayo") and Indian
("Venkatesh Subramanian"). The shapes: given and family name in the culture's order, a
handover list's surname in capitals ("TUPOU Sione", "TE RANGI, Aroha"), a surname then an initial
("Potter C", "Nguyen L."), a given name alone ("Ha Eun in bed 12"), a title and surname ("Mrs
van der Berg"), a possessive ("Mi-young's mum"). The hard negatives around them, and the clean
messages: clinical acronyms in capitals (DNACPR, NBM, SHO, TTO, ReSPECT, NEWS2), eponyms
("Foley", "Hartmann's"), Latin ("de novo", "in situ", "ad lib", "in utero"), drug brands
("Tazocin", "Oramorph") and list markers before them ("A. de novo mutation"). Beds, ages and
relative days are gold too (ROOM, AGE, DATE), and a letter's doctor a staff name.

First measurement (`python -m bench.text_bench --split world_names --n 300 --engine ours`, at
1b35ff7, before its beds, ages and days were gold): token recall 0.825, names leaked 71/302
(surnames then an initial, list surnames in capitals, Korean given names), clean flagged 23.2%
(list markers before Latin, "A. post", drug brands, "Parkinson's").

    python -m bench.corpus.world_names --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots

H = "names"

# culture: (given names, family names, family name first?)
CULTURES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    "maori": (
        ("Aroha", "Wiremu", "Hemi", "Mere", "Tama", "Ngaio", "Rawiri", "Huia", "Anahera",
         "Manaia", "Tipene", "Hine", "Kahu", "Mereana", "Rangi"),
        ("Te Rangi", "Ngata", "Te Whare", "Parata", "Tawhiri", "Te Awa", "Horomona", "Ruatapu",
         "Te Kani", "Whaanga", "Tamihana", "Te Huia", "Paewai", "Rangihuna"),
        False,
    ),
    "pacific": (
        ("Sione", "Mele", "Losana", "Siaosi", "Viliami", "Ana", "Talia", "Sefo", "Lupe",
         "Tevita", "Salote", "Iosefa", "Malia", "Semisi", "Fetu"),
        ("Tupou", "Fifita", "Vakalahi", "Faleolo", "Tuilagi", "Taufa", "Latu", "Havili",
         "Fonua", "Lolohea", "Tuipulotu", "Leota", "Faamausili", "Kioa"),
        False,
    ),
    "korean": (
        ("Ha Eun", "Mi-young", "Ji Woo", "Seo Yeon", "Min Jun", "Do Hyun", "Su Bin", "Ye Jin",
         "Ji-hoon", "Eun-ji", "Seo-jun", "Hye Jin", "Jiwoo", "Haeun", "Min-seo", "Yu Na"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Han", "Yoon", "Jang", "Lim", "Shin",
         "Seo", "Kwon", "Hwang"),
        True,
    ),
    "vietnamese": (
        ("Thi Lan", "Van Minh", "Thi Hoa", "Van Thanh", "Thi Mai", "Duc Anh", "Thi Huong",
         "Van Hung", "Minh Tuan", "Thi Linh", "Quang Huy", "Thi Thu", "Van Dung", "Bao Ngoc"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong",
         "Ly", "Truong", "Phan"),
        True,
    ),
    "chinese": (
        ("Xiaoming", "Wei", "Jing", "Fang", "Lei", "Yan", "Jun", "Xiuying", "Haoran", "Zihan",
         "Yuxuan", "Mingzhu", "Jianguo", "Lihua", "Zhiwei", "Xinyi"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu",
         "Sun", "Guo", "Lin", "Zheng", "Cai"),
        True,
    ),
    "arabic": (
        ("Abdullah", "Mohammed", "Fatima", "Aisha", "Omar", "Khalid", "Layla", "Noura",
         "Yousef", "Hamad", "Salma", "Mariam", "Tariq", "Huda", "Faisal", "Rania"),
        ("Al-Sayed", "al-Rashid", "Al-Qahtani", "El-Masri", "Haddad", "Abdel-Rahman",
         "bin Hamad", "bin Khalid", "bint Saleh", "Al-Amin", "El-Sharif", "Al Mansouri",
         "Nasrallah", "Abu Bakr", "Al-Zahrani"),
        False,
    ),
    "spanish": (
        ("María José", "Juan Carlos", "José Luis", "Ana Belén", "Luis Miguel", "Mari Carmen",
         "Francisco Javier", "Rocío", "Inmaculada", "Jesús", "Pilar", "Álvaro", "Nuria"),
        ("García Pérez", "Fernández López", "Martínez Ruiz", "Sánchez de la Torre",
         "Rodríguez Gómez", "Hernández Díaz", "Jiménez Moreno", "Muñoz Alonso", "Navarro Gil",
         "Romero Serrano", "Ortega", "Castillo Vega"),
        False,
    ),
    "dutch_german": (
        ("Jan", "Pieter", "Anke", "Sanne", "Hans", "Lukas", "Greta", "Joost", "Femke", "Ruud",
         "Ursula", "Wilhelmina", "Dirk", "Liesbeth"),
        ("van der Berg", "van den Bosch", "de Vries", "von Arx", "van Dijk", "ter Horst",
         "van Leeuwen", "von Bergen", "de Jong", "van der Meer", "van 't Hof", "zu Salm",
         "von der Heide", "Verhoeven"),
        False,
    ),
    "icelandic": (
        ("Guðrún", "Jón", "Sigríður", "Ólafur", "Helga", "Björn", "Kristín", "Gunnar",
         "Þóra", "Sigurður", "Anna", "Einar"),
        ("Jónsdóttir", "Einarsson", "Sigurðardóttir", "Ólafsson", "Magnúsdóttir", "Gunnarsson",
         "Jonsdottir", "Stefánsson", "Björnsdóttir", "Kristjánsson", "Sigurdardottir"),
        False,
    ),
    "west_african": (
        ("Chukwuemeka", "Adebayo", "Ngozi", "Oluwaseun", "Chidi", "Adaeze", "Folasade",
         "Obinna", "Temitope", "Ifeoma", "Oluwadamilola", "Chinonso", "Babatunde", "Nkechi"),
        ("Okonkwo", "Adeyemi", "Nwosu", "Obi", "Adebayo", "Eze", "Okafor", "Oyelaran",
         "Nwachukwu", "Ogunleye", "Adebayo-Williams", "Onyekachi", "Olaniyan", "Chukwu"),
        False,
    ),
    "indian": (
        ("Venkatesh", "Priya", "Lakshmi", "Arjun", "Kavitha", "Suresh", "Meenakshi", "Rajesh",
         "Anjali", "Srinivasan", "Padma", "Karthik", "Deepa", "Ganesh"),
        ("Subramanian", "Raghunathan", "Narayanan", "Iyer", "Krishnamurthy", "Venkataraman",
         "Chatterjee", "Reddy", "Gupta", "Balasubramaniam", "Pillai", "Ramaswamy", "Bhattacharya"),
        False,
    ),
}  # fmt: skip

# hard negatives: what a ward writes in capitals, after a list marker, or in Latin, naming nobody
ACRONYMS = (
    "DNACPR", "NBM", "TTO", "TTA", "ReSPECT", "NEWS2", "SALT", "MDT", "OGD", "ERCP", "TWOC",
    "AKI", "CAP", "UTI", "VTE", "MUST", "CAMHS", "IVAB", "TPN", "CTPA", "DOLS", "MCA", "PEEP",
    "AMTS", "DKA", "NOF", "COPD", "SOB", "ACP", "EOL", "ROSC", "BiPAP", "OOH", "AMU", "SDEC",
)  # fmt: skip
ROLES = ("SHO", "FY1", "FY2", "SpR", "ANP", "CNS", "HCA", "ODP", "ACP", "RMN")
LATIN = (
    "de novo", "in situ", "ad lib", "in utero", "post mortem", "per os", "status quo",
    "ab initio", "sine die", "in vivo", "in vitro", "de facto",
)  # fmt: skip
DRUGS = (
    "Tazocin", "Augmentin", "Clexane", "Oramorph", "Sando-K", "Co-amoxiclav", "Meropenem",
    "Fragmin", "Oromorph", "Buscopan", "Zomorph", "Movicol", "Laxido", "Difflam", "Fortisip",
    "Ensure", "Kapake", "Cyclizine", "Sytron", "Fultium",
)  # fmt: skip
EPONYMS = (
    "Foley catheter", "Hartmann's procedure", "Whipple's", "Murphy's sign", "Crohn's flare",
    "Parkinson's meds", "Glasgow score", "Waterlow score", "Braden score", "Bell's palsy",
    "Guedel airway", "Seldinger wire", "Colles' fracture", "Trendelenburg",
)  # fmt: skip
DOCTORS = ("Hughes", "Okoro", "Fitzgerald", "Ramanathan", "Kowalski", "Bergstrom")
FINDINGS = (
    "mutation", "variant", "DVT", "lesion", "carcinoma", "thrombus", "AF", "deletion",
)  # fmt: skip


class Patient:
    """Who an item is about: a culture's given and family names, and how they are ordered."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.culture = rng.choice(sorted(CULTURES))
        given, family, family_first = CULTURES[self.culture]
        self.given, self.family = rng.choice(given), rng.choice(family)
        self.family_first = family_first and rng.random() < 0.6
        self.her = rng.choice(("her", "his"))
        self.title = rng.choice(("Mrs", "Ms", "Miss")) if self.her == "her" else "Mr"
        self.age = f"{rng.randint(18, 88)}{'F' if self.her == 'her' else 'M'}"

    def full(self) -> str:
        if self.family_first:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"

    def listed(self) -> str:
        """A handover list's form: the surname in capitals, perhaps a comma, then the given."""
        sep = self.rng.choice((" ", ", "))
        return f"{self.family.upper()}{sep}{self.given}"

    def initial(self) -> str:
        """A surname then the given name's initial ("Potter C", "Nguyen L.")."""
        return f"{self.family} {self.given[0]}{self.rng.choice(('', '', '.'))}"


def _negative(rng: random.Random) -> str:
    """A clinical phrase that names nobody."""
    form = rng.randrange(6)
    if form == 0:
        return f"{rng.choice(ACRONYMS)} in place"
    if form == 1:
        return f"{rng.choice('ABC')}. {rng.choice(LATIN)} {rng.choice(FINDINGS)}"
    if form == 2:
        return f"{rng.choice(LATIN)} {rng.choice(FINDINGS)} on imaging"
    if form == 3:
        return f"started on {rng.choice(DRUGS)}, {rng.choice(ACRONYMS)} reviewed"
    if form == 4:
        return f"{rng.choice(EPONYMS)} noted"
    return f"{rng.choice(ROLES)} aware, {rng.choice(ACRONYMS)} discussed"


TEMPLATES: dict[str, list[str]] = {
    "world_names": [
        # ward chat
        "{full} in {bed_n} is for discharge once {neg}",
        "can someone review {given} in {bay_n}? {neg}",
        "{given} in {side_room_n} spiking temps, {neg}",
        "pt {full}, {age}, admitted with CAP {when}. {neg}.",
        "{initial} in {bay_n} needs bloods - {neg}",
        "{initial} for TTO, {neg}",
        "{title} {family} complaining of chest pain, {neg}",
        "{possessive} mum is visiting at 3, {neg}",
        "FYI {given} {family_upper}'s daughter rang re visiting",
        # handover lists
        "Handover:\n1. {listed} {age} sepsis - {neg}\n2. {listed2} {age2} AKI",
        "{Bed_n} - {listed} - for dialysis. {neg}",
        "{bay_n}: {initial}, {initial2}",
        "Theatre list: {listed} (lap chole), {listed2} (hernia). {neg}.",
        "Outstanding jobs\n- {initial}: {neg}\n- {initial2}: bloods",
        # on-call pages and phone notes
        "Bleep 4412: please see {full} {ward_n}, NEWS2 5. {neg}.",
        "Phone msg: {given}'s husband called, wants an update on {her} scan",
        "On call: asked to review {title} {family}, {neg}",
        # letters
        "Dear Dr {doctor},\nI saw {full} ({age}) in clinic {when}. {neg}.",
        "Re: {full}\nThank you for referring this {age} patient. {neg}.",
        "Discharge summary: {title} {family} was admitted under the medical team; {neg}.",
        # clean: no patient named
        "Ward update: {neg}; {neg2}.",
        "{neg}. {neg2}.",
        "{Bay_n} update: {neg}, {neg2}, obs stable",
        "Reminder to all: {neg} for every patient on the list",
        "Handover:\n1. {neg}\n2. {neg2}",
    ],
}


class Round:
    """A message's two patients (a list names more than one)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.a, self.b = Patient(rng), Patient(rng)


def _fill(r: Round, slot: str) -> Part | list[Part]:
    rng, p, q = r.rng, r.a, r.b
    names = {
        "full": p.full,
        "given": lambda: p.given,
        "family": lambda: p.family,
        "family_upper": lambda: p.family.upper(),
        "listed": p.listed,
        "listed2": q.listed,
        "initial": p.initial,
        "initial2": q.initial,
    }
    if slot in names:
        return pii(names[slot](), "NAME", "direct", H)
    if slot.endswith("_n"):  # a bed, bay, side room or ward and its number
        return pii(f"{slot[:-2].replace('_', ' ')} {rng.randint(1, 24)}", "ROOM", "quasi")
    if slot in ("age", "age2"):
        return pii((p if slot == "age" else q).age, "AGE", "quasi")
    if slot == "when":
        return pii(
            rng.choice(("overnight", "today", "this morning", "last night")), "DATE", "quasi"
        )
    if slot == "doctor":
        return pii(rng.choice(DOCTORS), "NAME", "staff")
    if slot == "possessive":
        return [pii(p.given, "NAME", "direct", H), lit("'s")]
    plain = {
        "n": lambda: str(rng.randint(1, 24)),
        "neg": lambda: _negative(rng),
        "neg2": lambda: _negative(rng),
        "title": lambda: p.title,
        "her": lambda: p.her,
    }
    return lit(plain[slot]())


def render(template: str, r: Round) -> list[Part]:
    """A template's text as parts; a possessive fills with the name and its "'s"."""
    return render_slots(template, lambda slot: _fill(r, slot))


def generate(n: int, seed: int, split: str = "world_names") -> list[dict[str, Any]]:
    """`n` ward messages, lists, pages or letters, reproducible by seed."""
    return documents(n, seed, split, TEMPLATES[split], Round, render, most_items=1)


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="world_names",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
