"""School-nurse and occupational-health forms and e-mails: a third DEV voice for issue 13.

Written on 2026-12-02 by the second leaks pass of issue 13, after `lab_eob` and `home_visit`
were tuned on, and committed before its first measurement. It is for tuning: the measured
other voices (`pharmacy_fax`, `call_centre`, `front_desk`, `referral_mail`, `harbor_after`)
stay held out, and this corpus's figures are dev figures, never evidence.

The voice: a school nurse's health forms, incident slips and notes home; an employer's
occupational-health intake, fitness-for-duty letters and workers'-compensation e-mails; the
e-mail threads between them and families, HR and insurers. It plants most of all what still
leaked after the afternoon's passes, in many shapes: towns with no place cue and no gazetteer
entry ("the Quimby depot", "City: Tillery Gap", "Harlow Bend site"), bare unique numbers with no
label or a label-less reference ("please quote 4417-2209-88", a 13-digit number, a UUID), names
in form fields ("Guardian:", "Emergency contact:", "Employee:", "Signed:"), and dates in
e-mail prose ("back on the 14th", "Thursday 6 November", "Nov. 6th", "the morning of 3/11").
Every Safe Harbor category is planted. Names come from Faker's en_US, en_NZ, de_AT, es_MX and
da_DK; towns from its own invented list and from Faker's en_US city() (synthetic town shapes).

    python -m bench.corpus.occ_health --n 3
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import uuid
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    Part,
    digits,
    documents,
    generator_main,
    letters,
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

LOCALES = ("en_US", "en_US", "en_NZ", "de_AT", "es_MX", "da_DK")

TEMPLATES: dict[str, list[str]] = {
    "occ_health": [
        # school nurse
        "STUDENT HEALTH FORM\nStudent: {name}\nDOB: {dob}   Grade: 4\nSchool: {school}\n"
        "Parent/Guardian: {relative}\nCell: {phone}\nAddress: {street}\nCity: {town}\n"
        "Emergency contact: {relative2}, {phone2}",
        "Incident slip {date}\nName: {name}\nFell from the climbing frame at recess, graze L knee, "
        "ice applied. Called {relative} on {phone}. Photo {photo} in the file.",
        "Hi {relative_first},\n\n{name_first} came to the office {prose_date} with a headache and "
        "a temp of 38.1. Please pick her up before 1pm; we will be at the {town} campus "
        "until 3.\n\nThanks,\nNurse {nurse}",
        "Medication authorization\nStudent: {name}   ID {student}\nMedication: albuterol HFA 2 "
        "puffs PRN\nPrescriber fax: {fax}\nParent signature: {relative}   Date: {date}",
        "Dear {relative},\n\nOur records show {name_first}'s immunizations are incomplete. Please "
        "send the record to {email} or fax {fax} by {prose_date}. The reference for your file "
        "is {unique}.\n\nSchool Health Office, {town}",
        # occupational health
        "OCCUPATIONAL HEALTH INTAKE\nEmployee: {name}\nEmployee no.: {employee}\nSSN: {ssn}\n"
        "Site: {town} distribution center\nSupervisor: {supervisor}\nDate of injury: {date}\n"
        "Claim: {claim}",
        "{name} works second shift at the {town} depot. Seen {prose_date} for low back strain "
        "after lifting; restricted to 20 lb. WC carrier {carrier}, policy {policy}. Our file "
        "{unique}.",
        "Fitness-for-duty: {name} (DOB {dob}) cleared to drive company vehicle {car}, plate "
        "{plate}, from {prose_date}. CDL {license}. Medical examiner cert {certificate}.",
        "Re: {name} - drug screen\n\nThe collection on {prose_date} at {clinic} was "
        "refused; chain-of-custody form {ccf}. Donor ID {unique}. Please call me at {phone}.",
        "From: {relative} <{email}>\nSent: {sent}\nTo: Occupational Health\nSubject: {name} "
        "appointment\n\nHe can't make it {prose_date}; could we do {prose_date2} instead? He "
        "lives out past {town} now, {street}.",
        "Hearing conservation: {name}'s audiogram {date} shows a standard threshold shift. "
        "Audiometer S/N {serial}. Retest {prose_date}.",
        "Badge access for {name}: badge {badge}, palm template {biometric}. Portal login from "
        "{ip}, results at {url}.",
        "Return-to-work note for {name}, {age}, of {street}, {town} {zip}: may resume full duty "
        "{prose_date}. Employer account {account}. Health plan member {member}, MRN {mrn}.",
        "{name}\n{street}\n{town}, {state} {zip}\n\nDear {name_first},\n\nThis confirms your "
        "pre-placement exam {prose_date}. Bring photo ID and your reference number, {unique}.",
        "Please quote {unique} on any reply about {name}. Her case number with the carrier is "
        "{claim_bare}.",
        "Tracking {tracking}: {name}'s respirator fit-test card mailed to {street}, {town} on "
        "{prose_date}.",
        # clean: no patient in them
        "Flu clinic for staff is Thursday 8-11 in the break room; bring your badge. No "
        "appointment needed.",
        "Reminder: epinephrine auto-injectors expire in batches; check the dates in the red "
        "bags every quarter and log them on the sheet by the sink.",
        "Respirator fit-testing moves to the second floor training room. N95 sizes 1870+ and "
        "8210 are in stock; 1860S is on back order.",
        "Hearing tests for the night crew run from 6 to 8 am the first week of each month. "
        "Avoid loud noise for 14 hours before the test.",
        "Lice screening guidance: no-nit policies are not recommended; send a letter home and "
        "let the child return after the first treatment.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_first": "names",
    "relative": "names",
    "relative_first": "names",
    "relative2": "names",
    "street": "geographic subdivisions",
    "town": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "school": "geographic subdivisions",
    "clinic": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "prose_date": "dates",
    "prose_date2": "dates",
    "sent": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "phone2": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "ssn": "social security numbers",
    "mrn": "medical record numbers",
    "member": "health plan beneficiary numbers",
    "policy": "health plan beneficiary numbers",
    "account": "account numbers",
    "student": "any other unique number",
    "employee": "any other unique number",
    "claim": "any other unique number",
    "claim_bare": "any other unique number",
    "unique": "any other unique number",
    "ccf": "any other unique number",
    "badge": "any other unique number",
    "tracking": "any other unique number",
    "license": "certificate/license numbers",
    "certificate": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "serial": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "biometric": "biometric identifiers",
    "photo": "full-face photographs",
}
QUASI = frozenset(
    {"town", "zip", "school", "clinic", "date", "prose_date", "prose_date2", "sent", "age"}
)

# Invented towns: no gazetteer lists them, and most are not town-shaped.
_TOWNS = ("Quimby", "Tillery Gap", "Harlow Bend", "Okanee", "Marsh Gap", "Shelbourne Falls",
          "Cotter Flats", "Wyndale", "Brackett", "Sorrento Ridge", "Halvey", "Pruett Crossing",
          "Ansel", "Keswick Mills", "Duvall Corner", "Ostrander")  # fmt: skip
_ROADS = ("Juniper", "Thistle", "Bramble", "Copperhead", "Fenwick", "Old Mill", "Sawgrass",
          "Cobble Hill", "Wren", "Harrow", "Lindenwood", "Quarry")  # fmt: skip
_SUFFIX = ("St", "Street", "Ave", "Rd", "Lane", "Ln", "Dr", "Court", "Circle", "Blvd", "Way")
_STATES = ("OH", "IN", "MI", "PA", "KY", "IA", "MO", "Ohio", "Iowa")
_SCHOOLS = ("{town} Elementary", "{town} Middle School", "St. Brendan's School",
            "{town} Consolidated Schools", "Lincoln Primary, {town}")  # fmt: skip
_CLINICS = ("{town} Occupational Health", "WorkWell Clinic {town}", "Concentra {town}",
            "the {town} urgent care")  # fmt: skip
_CARRIERS = ("Hartwell Mutual", "Lakeshore Casualty", "the state fund")
_STAFF = {
    "supervisor": ("Dana Whitcombe", "Ravi Oduya", "Corinne Lestrade"),
    "nurse": ("Halvorsen", "Ibarra", "Pettigrew"),
}
_CARS = ("#14", "van 3", "the Ford Transit", "truck 22")


def _th(day: int) -> str:
    if 10 < day % 100 < 14:
        return f"{day}th"
    return f"{day}" + {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


class Person:
    """One student or employee, a parent or spouse and a home, so a form's fields agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.rel_first = self.fake.first_name()
        self.rel2 = f"{self.fake.first_name()} {self.fake.last_name()}"
        self.dob = dt.date(1960, 1, 1) + dt.timedelta(days=rng.randrange(365 * 55))
        us = fakers["en_US"]
        self.town = rng.choice(_TOWNS) if rng.random() < 0.6 else us.city()


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year}",
            f"{d.month:02d}-{d.day:02d}-{d.year % 100:02d}",
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.strftime('%d-%b-%Y')}",
            f"{d.strftime('%B')} {d.day}, {d.year}",
            f"{d.year}-{d.month:02d}-{d.day:02d}",
        ]
    )


def _prose(rng: random.Random, d: dt.date) -> str:
    """A date as people write it in an e-mail."""
    return rng.choice(
        [
            f"{d.strftime('%A')} {d.day} {d.strftime('%B')}",
            f"{d.strftime('%A')}, {d.strftime('%B')} {_th(d.day)}",
            f"{d.strftime('%b')}. {_th(d.day)}",
            f"{_th(d.day)} {d.strftime('%B')}",
            f"{d.strftime('%a')} {d.month}/{d.day}",
            f"{d.strftime('%B')} {d.day}",
            f"{d.day} {d.strftime('%b')}",
            f"{d.month}/{d.day}",
            f"{d.strftime('%A')} ({d.month}/{d.day})",
            f"{_th(d.day)} of {d.strftime('%B')}",
            f"{d.strftime('%b')} {d.day}th" if d.day > 3 and d.day < 21 else f"{d.strftime('%b')} {d.day}",
        ]
    )  # fmt: skip


def _sent(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.strftime('%A')}, {d.strftime('%B')} {d.day}, {d.year} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM",
            f"{d.strftime('%a')} {d.day} {d.strftime('%b')} {d.year} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}",
            f"{d.month}/{d.day}/{d.year} {rng.randint(1, 12)}:{rng.randint(0, 59):02d} AM",
        ]
    )  # fmt: skip


def _street(rng: random.Random) -> str:
    line = f"{rng.randint(2, 9899)} {rng.choice(_ROADS)} {rng.choice(_SUFFIX)}"
    r = rng.random()
    if r < 0.2:
        line += f" Apt {rng.randint(1, 30)}{rng.choice('ABC')}"
    elif r < 0.3:
        line += f", #{rng.randint(100, 420)}"
    elif r < 0.4:
        line = f"{rng.randint(2, 9899)} {rng.choice('NSEW')}. {rng.choice(_ROADS)} {rng.choice(_SUFFIX)}"
    return line


def _phone(rng: random.Random) -> str:
    a, b, c = (
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        digits(rng, 4),
    )
    return rng.choice([f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}",
                       f"1-{a}-{b}-{c}", f"{a}/{b}-{c}"])  # fmt: skip


def _unique(rng: random.Random) -> str:
    """A reference number with no label of its own, in the shapes offices print."""
    return rng.choice(
        [
            f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}",
            digits(rng, 13),
            digits(rng, 16),
            str(uuid.UUID(int=rng.getrandbits(128))),
            f"{letters(rng, 2)}{digits(rng, 2)}-{digits(rng, 5)}",
            f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}",
            f"{letters(rng, 1)}{digits(rng, 3)}{letters(rng, 1)}{digits(rng, 4)}",
            digits(rng, 6),
            f"{rng.randint(2019, 2025)}-{digits(rng, 6)}",
            f"{digits(rng, 2)}/{digits(rng, 5)}/{letters(rng, 2)}",
        ]
    )


def _fill(p: Person, slot: str) -> Part:
    rng = p.rng
    if slot == "state":
        return lit(rng.choice(_STATES))
    if slot == "car":
        return lit(rng.choice(_CARS))
    if slot == "carrier":
        return lit(rng.choice(_CARRIERS))
    if slot in {"supervisor", "nurse"}:
        # colleagues: members of the workspace's directory, not patients
        return pii(rng.choice(_STAFF[slot]), "NAME", "staff")
    names = {
        "name": f"{p.first} {p.last}",
        "name_first": p.first,
        "relative": f"{p.rel_first} {p.last}",
        "relative_first": p.rel_first,
        "relative2": p.rel2,
    }
    if slot in names:
        return pii(names[slot], "NAME", "direct", CATEGORY[slot])
    day = dt.date(2025, 2, 3) + dt.timedelta(days=rng.randrange(600))
    values: dict[str, tuple[str, str]] = {
        "street": (_street(rng), "LOCATION"),
        "town": (p.town, "LOCATION"),
        "zip": (rng.choice([digits(rng, 5), f"{digits(rng, 5)}-{digits(rng, 4)}"]), "LOCATION"),
        "school": (rng.choice(_SCHOOLS).format(town=p.town), "LOCATION"),
        "clinic": (rng.choice(_CLINICS).format(town=p.town).removeprefix("the "), "LOCATION"),
        "dob": (_date(rng, p.dob), "DATE"),
        "date": (_date(rng, day), "DATE"),
        "prose_date": (_prose(rng, day), "DATE"),
        "prose_date2": (_prose(rng, day + dt.timedelta(days=rng.randint(1, 9))), "DATE"),
        "sent": (_sent(rng, day), "DATE"),
        "age": (rng.choice([f"{rng.randint(90, 99)} y.o.", f"aged {rng.randint(90, 99)}"]), "AGE"),
        "phone": (_phone(rng), "CONTACT"),
        "phone2": (_phone(rng), "CONTACT"),
        "fax": (_phone(rng), "CONTACT"),
        "email": (f"{p.rel_first.lower()}.{p.last.lower().replace(' ', '')}{rng.randint(1, 99)}@{rng.choice(['mailbox.example', 'home.test', 'yahoo.com'])}", "CONTACT"),
        "ssn": (rng.choice([f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}", f"{rng.randint(100, 665)} {rng.randint(10, 99)} {rng.randint(1000, 9999)}"]), "ID"),
        "mrn": (rng.choice([f"{digits(rng, 8)}", f"E{digits(rng, 7)}", f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 2)}"]), "ID"),
        "member": (rng.choice([f"{letters(rng, 3)}{digits(rng, 9)}", f"{digits(rng, 9)}-{digits(rng, 2)}", f"W{digits(rng, 8)}"]), "ID"),
        "policy": (rng.choice([f"WC {digits(rng, 7)}", f"{letters(rng, 3)}-{digits(rng, 6)}-{digits(rng, 2)}", f"{digits(rng, 10)}"]), "ID"),
        "account": (rng.choice([f"{digits(rng, 6)}", f"EMP-{digits(rng, 5)}", f"{digits(rng, 3)}-{digits(rng, 4)}"]), "ID"),
        "student": (rng.choice([f"{digits(rng, 6)}", f"S{digits(rng, 7)}", f"{digits(rng, 2)}-{digits(rng, 4)}"]), "ID"),
        "employee": (rng.choice([f"{digits(rng, 5)}", f"E-{digits(rng, 6)}", f"{letters(rng, 2)}{digits(rng, 4)}"]), "ID"),
        "claim": (rng.choice([f"WC-{rng.randint(2020, 2025)}-{digits(rng, 5)}", f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}", f"{digits(rng, 9)}"]), "ID"),
        "claim_bare": (rng.choice([f"{digits(rng, 3)}{letters(rng, 2)}{digits(rng, 5)}", f"{digits(rng, 4)}-{digits(rng, 7)}", digits(rng, 14)]), "ID"),
        "unique": (_unique(rng), "ID"),
        "ccf": (rng.choice([f"{digits(rng, 7)}", f"A{digits(rng, 8)}"]), "ID"),
        "badge": (rng.choice([f"{digits(rng, 5)}", f"B-{digits(rng, 4)}"]), "ID"),
        "tracking": (rng.choice([f"1Z{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 3)}{digits(rng, 10)}", f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", f"9400{digits(rng, 18)}"]), "ID"),
        "license": (rng.choice([f"{letters(rng, 2)}{digits(rng, 6)}", f"{letters(rng, 1)}{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}", f"{digits(rng, 9)}"]), "ID"),
        "certificate": (rng.choice([f"{digits(rng, 10)}", f"ME-{digits(rng, 6)}", f"{letters(rng, 1)}{digits(rng, 7)}"]), "ID"),
        "plate": (rng.choice([f"{letters(rng, 3)} {digits(rng, 4)}", f"{letters(rng, 3)}-{digits(rng, 3)}", f"{digits(rng, 3)} {letters(rng, 3)}", f"{letters(rng, 2)}{digits(rng, 5)}"]), "ID"),
        "serial": (rng.choice([f"{digits(rng, 6)}", f"AD{digits(rng, 5)}-{letters(rng, 1)}", f"{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 4)}"]), "ID"),
        "url": (rng.choice([f"https://results.occmed.example/r/{digits(rng, 8)}", f"http://portal.schoolhealth.test/student?id={digits(rng, 6)}", f"www.workwell.example/{letters(rng, 3).lower()}{digits(rng, 5)}"]), "CONTACT"),
        "ip": (rng.choice([f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", f"2001:db8:{rng.randint(1, 9999):x}::{rng.randint(1, 255):x}"]), "CONTACT"),
        "biometric": (rng.choice([f"PT-{digits(rng, 8)}", f"{letters(rng, 2).lower()}{digits(rng, 6)}", f"HV{digits(rng, 4)}-{digits(rng, 3)}"]), "ID"),
        "photo": (rng.choice([f"incident_{digits(rng, 6)}.jpg", f"IMG{digits(rng, 4)}.JPG", f"{p.last.lower().replace(' ', '')}_knee.png"]), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, person: Person) -> list[Part]:
    return render_slots(template, lambda slot: _fill(person, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "occ_health") -> list[dict[str, Any]]:
    """`n` forms, slips or e-mails of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Person(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="occ_health", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
