"""Home-health and hospice visit notes, DME orders, social-work referrals: a second DEV voice.

Written on 2026-12-02 by the dates/places/identifiers pass of issue 13, after `lab_eob` was
tuned on, and committed before its first measurement. Like `lab_eob` it is for tuning; the
already-measured corpora stay held out, and its figures are dev figures, never evidence.

The voice: what a visiting nurse, a hospice intake coordinator or a social worker types after
a visit to someone's home, and the order a durable-equipment supplier sends back: start-of-care
dates, directions to the house (rural routes, highway-contract boxes, county roads, mobile-home
spaces, townships), equipment serial numbers, Medicare beneficiary identifiers, Medicaid
numbers with a letter, case numbers of agencies, the relative's car. Dates in prose ("3rd of
March", "the week of 3/3", "SOC 03/03/25"). Every Safe Harbor category planted. Patients' names
come from Faker's en_US, en_CA, en_AU, nl_NL and pl_PL.

    python -m bench.corpus.home_visit --n 3
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    ORDINALS,
    Part,
    day_suffix,
    digits,
    documents,
    generator_main,
    letters,
    lit,
    pii,
    render_slots,
    vin,
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

LOCALES = ("en_US", "en_US", "en_CA", "en_AU", "nl_NL", "pl_PL")

TEMPLATES: dict[str, list[str]] = {
    "home_visit": [
        "HOME HEALTH - SOC {soc}\nPt: {name}  DOB: {dob}\nHome: {street}, {town}, {state} {zip}\n"
        "Directions: {directions}; gravel drive off {highway}, 3 mi north of {old_town}\nCaregiver: {relative} {phone}",
        "Visit note {visit}: {name} seen at home, {town}. BP 132/78, HR 84, SpO2 93% on 2 L. "
        "Wound to L heel 2.1 x 1.4 cm, photo {photo}. Next visit on {next}.",
        "Hospice intake for {name}, {age}, Medicare MBI {mbi}, Medicaid # {medicaid}. Election "
        "date {soc}. DNR on file. Lives with {relative} at {street}.",
        "DME ORDER {order}\nDeliver to {name}, {street}, {town} {zip}\nO2 concentrator S/N "
        "{serial}; hospital bed, semi-electric.\nOrdering NPI on file. Fax signed order to {fax}.",
        "SW referral: APS case {case} opened {date} for {name} ({county}). Daughter {relative} "
        "drives a {car}, plate {plate}. Email {email}.",
        "{name}'s CPAP (serial no. {serial}) uploads from {ip} to {url}; compliance 82% the week "
        "of {week}.",
        "Called {relative} on {spoken_date} re: {name}; she will meet the nurse at the {park}, "
        "{space}, {town}.",
        "Pt {name} transferred care from {institution} on {date}. Ins: {plan_name} ID {member}, "
        "Grp {group}. Acct {account}.",
        "Caregiver cert {certificate} (CNA) on file; {relative}'s driver license {license}. "
        "Palm-vein sign-in {biometric} for the EVV app.",
        "{date}\n{name} - discharged from home health. Last visit on {spoken_date}. Hx: hip fx "
        "{history}, CVA {history}. Moved here from {old_town} in {history}.",
        "Mileage log: {town} to {old_town}, 38 mi, {date}. Patient {name}, {street}. "
        "Vehicle {car}, VIN {vin}.",
        # clean: no patient in them
        "Team huddle moved to Thursday at 8:30; bring your EVV exceptions and mileage logs.",
        "Reminder: O2 tanks must be chained upright in the van; the E-cylinder chart is in the "
        "binder. No open flames within 10 ft.",
        "New wound-care formulary: silver alginate 4x4 replaces the 2x2; foam borders stay. "
        "Order through the supply portal by Tuesday noon.",
        "Hospice aides: the bath schedule for week 12 is posted. Swap shifts with the scheduler, "
        "not with each other.",
    ],
}

CATEGORY = {
    "name": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "directions": "geographic subdivisions",
    "highway": "geographic subdivisions",
    "town": "geographic subdivisions",
    "old_town": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "county": "geographic subdivisions",
    "institution": "geographic subdivisions",
    "park": "geographic subdivisions",
    "space": "geographic subdivisions",
    "dob": "dates",
    "soc": "dates",
    "visit": "dates",
    "next": "dates",
    "date": "dates",
    "spoken_date": "dates",
    "week": "dates",
    "history": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "medicaid": "health plan beneficiary numbers",
    "mbi": "health plan beneficiary numbers",
    "member": "health plan beneficiary numbers",
    "group": "health plan beneficiary numbers",
    "account": "account numbers",
    "order": "any other unique number",
    "case": "any other unique number",
    "certificate": "certificate/license numbers",
    "license": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "vin": "vehicle identifiers",
    "serial": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "biometric": "biometric identifiers",
    "photo": "full-face photographs",
}
QUASI = frozenset(
    {"town", "old_town", "zip", "county", "institution", "park", "soc", "visit", "next", "date"}
    | {"spoken_date", "week", "history"}
)

_ROADS = ("Bittersweet", "Cattail", "Old Quarry", "Hickory Flat", "Mulberry", "Tanager",
          "Wolf Run", "Cider Mill", "Larkspur", "Teaberry", "Pheasant", "Sorrel")  # fmt: skip
_SUFFIX = ("Rd", "Road", "Ln", "Lane", "Dr", "Pike", "Trail", "Hollow", "Way", "Ct")
_TOWNS = ("Fort Halbrook", "Mount Ivey", "Saint Olcott", "Ste. Marthe", "Millersfield",
          "Dunhaven", "Crowley Springs", "Pike Hollow", "Tessburg", "Orrin", "Vail Crossing",
          "North Ashby", "Port Renwick", "New Lisle", "East Callow")  # fmt: skip
_COUNTY = ("Garfield County", "Latah County", "Polk Co.", "Pend Oreille County",
           "Caddo Parish", "Tompkins County", "Ashby Township", "Orrin Twp")  # fmt: skip
_STATES = ("ID", "WA", "MT", "WV", "LA", "AR", "NE", "KS", "TN", "NC", "WY", "Idaho", "Montana")
_PARKS = ("Sunset Mobile Home Park", "Pinebrook Apartments", "Maple Terrace Senior Living",
          "Riverside Manor", "Cedar Ridge Estates")  # fmt: skip
_INSTITUTIONS = ("Crowley Springs Regional", "Tessburg Memorial", "Mount Ivey Hospice House",
                 "Dunhaven VA Clinic", "Orrin Family Health")  # fmt: skip
_PLANS = ("Medicare Advantage", "BlueSky HMO", "Cascade Care plan", "Medicaid")
_CARS = ("silver Chevy Malibu", "maroon Buick", "green Ford Ranger", "white Honda CR-V")


class Household:
    """One patient, a caregiver and a home, so the fields of one note agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.dob = dt.date(1925, 1, 1) + dt.timedelta(days=rng.randrange(365 * 80))
        self.town = rng.choice(_TOWNS)


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
            f"{d.strftime('%d%b%y')}",
            f"{d.strftime('%b')}-{d.day:02d}-{d.year}",
            f"{d.year}.{d.month:02d}.{d.day:02d}",
            f"{d.strftime('%A')}, {d.month}/{d.day}/{d.year % 100:02d}",
            f"{d.day}{day_suffix(d.day)} of {d.strftime('%B')}",
            f"{d.strftime('%B')} {d.day}, {d.year}",
            f"{d.month}-{d.day}-{d.year}",
        ]
    )


def _spoken(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"the {d.day}{day_suffix(d.day)}",
            f"{d.strftime('%A')} the {ORDINALS[d.day - 1]}",
            f"{d.strftime('%B')} {d.day} at {rng.randint(1, 11)}pm",
            f"{d.month}/{d.day} at {rng.randint(8, 17):02d}{rng.choice(['00', '30', '15'])}",
            f"{d.strftime('%a')}., {d.strftime('%b')}. {d.day}",
            f"{d.strftime('%B')} {d.day}{day_suffix(d.day)}",
        ]
    )


def _street(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        return f"Rural Route {rng.randint(1, 9)}, Box {rng.randint(1, 300)}"
    if r < 0.25:
        return f"HC {rng.randint(10, 90)} Box {rng.randint(10, 999)}"
    if r < 0.35:
        return f"{rng.randint(100, 9999)} County Road {rng.randint(1, 900)}"
    if r < 0.42:
        return f"{rng.randint(100, 29999)} State Route {rng.randint(1, 300)}"
    if r < 0.5:
        return (
            f"{rng.randint(100, 9999)} Hwy {rng.randint(1, 99)} {rng.choice(['N', 'S', 'E', 'W'])}"
        )
    line = f"{rng.randint(1, 9999)} {rng.choice(_ROADS)} {rng.choice(_SUFFIX)}"
    if rng.random() < 0.4:
        line += rng.choice([f", Apt. {rng.randint(1, 9)}-{rng.choice('ABCD')}",
                            f" Unit #{rng.randint(1, 40)}", f", Trlr {rng.randint(1, 80)}"])  # fmt: skip
    return line


def _directions(rng: random.Random) -> str:
    return f"{rng.randint(1, 4)}00 block of {rng.choice(_ROADS)} {rng.choice(_SUFFIX)}"


def _highway(rng: random.Random) -> str:
    return rng.choice(
        [f"CR {rng.randint(10, 900)}", f"Hwy {rng.randint(1, 99)}", f"State Route {rng.randint(1, 300)}",
         f"County Road {rng.randint(1, 99)}", f"FM {rng.randint(100, 3000)}"]
    )  # fmt: skip


def _phone(rng: random.Random) -> str:
    a, b, c = (
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        digits(rng, 4),
    )
    return rng.choice([f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}",
                       f"{a}{b}{c}"])  # fmt: skip


def _mbi(rng: random.Random) -> str:
    # CMS MBI shape: digit, letter, alnum, digit, letter, alnum, digit, letter, letter, digit, digit
    def alnum() -> str:
        return rng.choice("ACDEFGHJKMNPQRTUVWXY0123456789")

    body = (f"{rng.randint(1, 9)}{letters(rng, 1)}{alnum()}{rng.randint(0, 9)}"
            f"{letters(rng, 1)}{alnum()}{rng.randint(0, 9)}{letters(rng, 2)}{digits(rng, 2)}")  # fmt: skip
    return body if rng.random() < 0.5 else f"{body[:4]}-{body[4:7]}-{body[7:]}"


def _fill(h: Household, slot: str) -> Part:
    rng = h.rng
    if slot == "state":
        return lit(rng.choice(_STATES))
    if slot == "car":
        return lit(rng.choice(_CARS))
    if slot == "plan_name":
        return lit(rng.choice(_PLANS))
    if slot in {"name", "relative"}:
        return pii(
            f"{h.first} {h.last}" if slot == "name" else h.relative,
            "NAME",
            "direct",
            CATEGORY[slot],
        )
    day = dt.date(2025, 1, 6) + dt.timedelta(days=rng.randrange(640))
    values: dict[str, tuple[str, str]] = {
        "street": (_street(rng), "LOCATION"),
        "directions": (_directions(rng), "LOCATION"),
        "highway": (_highway(rng), "LOCATION"),
        "town": (h.town, "LOCATION"),
        "old_town": (rng.choice(_TOWNS), "LOCATION"),
        "zip": (rng.choice([digits(rng, 5), f"{digits(rng, 5)}-{digits(rng, 4)}"]), "LOCATION"),
        "county": (rng.choice(_COUNTY), "LOCATION"),
        "institution": (rng.choice(_INSTITUTIONS), "LOCATION"),
        "park": (rng.choice(_PARKS), "LOCATION"),
        "space": (rng.choice([f"Space {rng.randint(1, 120)}", f"Lot {rng.randint(1, 90)}", f"Bldg {rng.choice('ABCDEF')}, #{rng.randint(100, 420)}"]), "LOCATION"),
        "dob": (_date(rng, h.dob), "DATE"),
        "soc": (_date(rng, day), "DATE"),
        "visit": (_date(rng, day), "DATE"),
        "next": (_spoken(rng, day + dt.timedelta(days=7)), "DATE"),
        "date": (_date(rng, day), "DATE"),
        "spoken_date": (_spoken(rng, day), "DATE"),
        "week": (rng.choice([f"{day.month}/{day.day}", f"{day.strftime('%B')} {day.day}", f"{day.day} {day.strftime('%b')}"]), "DATE"),
        "history": (rng.choice([f"{rng.randint(1, 12)}/{rng.randint(85, 99)}", f"{rng.choice(['Feb', 'May', 'Sept', 'Nov'])} '{rng.randint(0, 24):02d}", f"{rng.randint(1, 12)}-{rng.randint(2000, 2024)}"]), "DATE"),
        "age": (rng.choice([f"{rng.randint(90, 104)} y/o", f"age {rng.randint(90, 104)}", f"{rng.randint(90, 104)}-year-old"]), "AGE"),
        "phone": (_phone(rng), "CONTACT"),
        "fax": (_phone(rng), "CONTACT"),
        "email": (f"{h.last.lower().replace(' ', '')}.family{rng.randint(1, 99)}@{rng.choice(['homemail.example', 'rural.test', 'gmail.com'])}", "CONTACT"),
        "medicaid": (rng.choice([f"{digits(rng, 8)}{letters(rng, 1)}", f"{letters(rng, 2)}{digits(rng, 5)}{letters(rng, 1)}", f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 4)}A"]), "ID"),
        "mbi": (_mbi(rng), "ID"),
        "member": (rng.choice([f"{letters(rng, 3)}{digits(rng, 8)}", f"{digits(rng, 3)}{letters(rng, 2)}{digits(rng, 4)}", f"{letters(rng, 1)}{digits(rng, 2)}-{digits(rng, 5)}-{digits(rng, 2)}"]), "ID"),
        "group": (rng.choice([f"{digits(rng, 5)}", f"{letters(rng, 2)}{digits(rng, 3)}", f"{digits(rng, 4)}-{letters(rng, 2)}"]), "ID"),
        "account": (rng.choice([f"{digits(rng, 4)}-{digits(rng, 6)}", f"HH{digits(rng, 7)}"]), "ID"),
        "order": (rng.choice([f"DME-{digits(rng, 4)}-{digits(rng, 5)}", f"#{digits(rng, 6)}", f"WO{digits(rng, 6)}{letters(rng, 1)}"]), "ID"),
        "case": (rng.choice([f"{digits(rng, 2)}-{digits(rng, 5)}", f"APS{digits(rng, 6)}", f"{digits(rng, 4)}-{letters(rng, 2)}-{digits(rng, 4)}"]), "ID"),
        "certificate": (rng.choice([f"{digits(rng, 6)}", f"CNA{digits(rng, 6)}", f"{letters(rng, 2)}-{digits(rng, 5)}"]), "ID"),
        "license": (rng.choice([f"{letters(rng, 2)}{digits(rng, 6)}{letters(rng, 1)}", f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", f"{letters(rng, 1)}{digits(rng, 12)}"]), "ID"),
        "plate": (rng.choice([f"{letters(rng, 3)}{digits(rng, 4)}", f"{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 3)}", f"{letters(rng, 2)}-{digits(rng, 3)}-{letters(rng, 2)}"]), "ID"),
        "vin": (vin(rng), "ID"),
        "serial": (rng.choice([f"{digits(rng, 4)}{letters(rng, 2)}{digits(rng, 4)}", f"{letters(rng, 1)}{digits(rng, 1)}{letters(rng, 1)}-{digits(rng, 6)}", f"{letters(rng, 3)}{digits(rng, 9)}"]), "ID"),
        "url": (f"https://{rng.choice(['cpap-cloud', 'airview', 'sleepdata'])}.example/p/{digits(rng, 7)}", "CONTACT"),
        "ip": (f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "CONTACT"),
        "biometric": (rng.choice([f"PV{digits(rng, 7)}", f"palm-{letters(rng, 2).lower()}{digits(rng, 4)}", f"BIO-{digits(rng, 3)}-{digits(rng, 3)}"]), "ID"),
        "photo": (rng.choice([f"IMG_{digits(rng, 4)}.HEIC", f"wound_{digits(rng, 8)}.jpg", f"{h.last.lower().replace(' ', '')}_heel_{digits(rng, 2)}.png"]), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, household: Household) -> list[Part]:
    return render_slots(template, lambda slot: _fill(household, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "home_visit") -> list[dict[str, Any]]:
    """`n` notes or orders of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Household(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="home_visit", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
