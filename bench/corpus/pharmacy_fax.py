"""Pharmacy faxes: prior-authorisation requests, refill renewals, delivery tickets, callbacks.

A seventh other voice (issue 13), written on 2026-12-02 by the dates/places/identifiers pass
and committed before its first measurement, before that pass changed any detection: the text a
retail or specialty pharmacy faxes to a clinic and a clinic faxes back, OCR'd or retyped into
chat. Form fields with terse labels ("PT:", "Mbr ID", "Fx", "Ship-to"), upper-case headers,
drug lines with strengths, NDCs, quantities and ICD-10 codes that are not PHI, and every Safe
Harbor category planted: US addresses from this module's own street, town and county parts
(units, PO boxes, rural routes, towns led by East/West/Lake/Port/New/Fort/Saint), dates in a
dozen shapes (weekday before, ranges, spelled-out days, month/year in a history, day-first),
identifiers with letters. Patients' names come from Faker locales no other generator draws
them from (da_DK, cs_CZ, es_AR, ro_RO, fi_FI) beside en_US. Scored like `safe_harbor`: a
planted value leaks when an identifying token of it survives `scan --redact`.

    python -m bench.corpus.pharmacy_fax --n 3
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
    WEEKDAY_NAMES,
    WEEKDAYS,
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

LOCALES = ("en_US", "en_US", "en_US", "da_DK", "cs_CZ", "es_AR", "ro_RO", "fi_FI")

TEMPLATES: dict[str, list[str]] = {
    "pharmacy_fax": [
        # prior authorisation requests
        "PRIOR AUTHORIZATION REQUEST\nPT: {name_upper}   DOB: {dob}\nMbr ID: {member}   Rx BIN on file\n"
        "Drug: semaglutide 1 mg/0.75 mL pen, qty 3 mL / 28 DS\nDx: E11.65; A1c 8.4% on {date}\n"
        "Prescriber: Dr. {prescriber}   Fx {fax}",
        "PA request for {name} (DOB {dob}), member # {member}. Tried metformin 1000 mg BID x 6 mo "
        "and glipizide 5 mg since {since}. Please fax chart notes to {fax} by {date}.",
        "Re: PA Case {case} for {name}\nStatus: pending clinicals. Submitted {date} from {ip}.\n"
        "Call {phone} or upload at {url}",
        "Patient {name}, {age} y/o, member ID {member}, plan ID {member}. Step therapy "
        "exception requested: failed atorvastatin 40 mg in {since} (myalgias, CK 480).",
        "PRIOR AUTH - APPROVED {date} through {date}\n{name_upper} / DOB {dob}\nAuth #: {case}\n"
        "Dispense adalimumab 40 mg/0.4 mL, 2 pens per 28 days.",
        # refill and renewal requests
        "REFILL REQUEST  {date}\nPatient: {name}\nDOB: {dob}   Ph: {phone}\nRx# {rx}  "
        "lisinopril 20 mg tab, #90, 1 PO daily\nLast fill {date}. Refills remaining: 0.\n"
        "Please sign and fax back to {fax}.",
        "{name} called {weekday_date} asking for an early refill of oxycodone 5 mg (#60); DL {license} "
        "verified at pickup. Chart MRN{mrn}.",
        "Renewal for {name} ({mrn_paren}) - levothyroxine 88 mcg, 1 tab qAM, 90 DS, 3 RF. "
        "Next appt {date}.",
        "Rx# {rx} for {name_upper} was transferred in from {institution} on {date}; "
        "their fax {fax}, SSN on the transfer form {ssn}.",
        # delivery tickets, specialty and home infusion
        "DELIVERY TICKET\nShip-to: {name}\n{street}\n{city}, {state} {zip}\n{county}\n"
        "Deliver {range} (cold chain, 2-8 C). Contact {relative} at {phone}.",
        "Home infusion: pump serial {serial}, IV pole, 7 days of vancomycin 1.25 g q12h. "
        "Nurse visit {weekday_date} at {street}, {city} {zip}.",
        "Ship CGM sensors (Dexcom G7, 10-day) to {street}, {city}, {state} {zip}. "
        "Receiver {serial}. Email tracking to {email}.",
        "Courier: {relative} will pick up for {name} in a {car}, plate {plate}; "
        "VIN on the pickup log {vin}.",
        "Mail-order account {account} for {name}: card on file ending 4471, ship to "
        "{foreign_street}, {foreign_city} {foreign_zip}.",
        # callbacks and notes
        "{month_day}: spoke with {relative} (daughter) re {name}'s warfarin 5 mg; INR 3.4 on {date}, "
        "holding tonight's dose. Callback {phone}.",
        "Pharmacist note {date}: {name}, {age} yo, lives in {city}, {county}. Interaction flagged "
        "between clarithromycin 500 mg and simvastatin 40 mg; prescriber notified.",
        "Patient {name} enrolled in the copay program, ID {program}, biometric sign-in {biometric}. "
        "Photo ID on file: {photo}.",
        "Vaccine record for {name}: influenza quadrivalent 0.5 mL IM given {date}, lot on file, "
        "next dose due {date}. Certificate {certificate}.",
        "{name_upper}\n{street}\n{city}, {state} {zip}\nHome {phone}   Fax {fax}\nDOB {dob}   "
        "Ins: {member}",
        # clean: no patient in them
        "FAX COVER - {pages} pages including cover. This fax may contain confidential information; "
        "if received in error, call the pharmacy and destroy all copies.",
        "Formulary update: dapagliflozin 10 mg moves to tier 2 on the 1st; empagliflozin stays "
        "tier 3. NDC 0310-6210-30 replaces 0310-6205-30.",
        "Holiday hours: closed Thursday, open 9-1 Friday. Compounding orders placed after 2 pm "
        "ship the next business day.",
        "Reminder: amoxicillin 400 mg/5 mL suspension is on backorder; substitute 250 mg/5 mL and "
        "adjust the volume. Call with questions, ext 2.",
        "Clinic: PA forms for GLP-1s now need the last two A1c values and BMI (>= 30, or >= 27 "
        "with a comorbidity). Incomplete forms come back within 24 h.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_upper": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "foreign_street": "geographic subdivisions",
    "city": "geographic subdivisions",
    "foreign_city": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "foreign_zip": "geographic subdivisions",
    "county": "geographic subdivisions",
    "institution": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "weekday_date": "dates",
    "month_day": "dates",
    "range": "dates",
    "since": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "ssn": "social security numbers",
    "mrn": "medical record numbers",
    "mrn_paren": "medical record numbers",
    "rx": "medical record numbers",
    "member": "health plan beneficiary numbers",
    "account": "account numbers",
    "program": "account numbers",
    "license": "certificate/license numbers",
    "certificate": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "vin": "vehicle identifiers",
    "serial": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "biometric": "biometric identifiers",
    "photo": "full-face photographs",
    "case": "any other unique number",
}
QUASI = frozenset({"city", "foreign_city", "zip", "foreign_zip", "county", "institution", "date"})
QUASI |= {"weekday_date", "month_day", "range", "since"}

_STREETS = (
    "Calloway", "Orchard Hill", "Birchwood", "Tamarack", "Quarry", "Old Mill", "Sycamore",
    "Kestrel", "Lantern", "Fenwick", "Harlan", "Juniper Ridge", "Monarch", "Prospect",
    "Willow Bend", "Cobblestone", "Red Fox", "Alder", "Stonegate", "Marsh Creek",
)  # fmt: skip
_SUFFIX = ("St", "Street", "Ave", "Avenue", "Rd", "Road", "Dr", "Ct", "Ln", "Blvd", "Way", "Pl",
           "Ter", "Cir", "Pkwy", "Trl", "Hwy")  # fmt: skip
_DIRS = ("N", "S", "E", "W", "NE", "SW", "North", "West", "")
_TOWN_HEAD = ("East", "West", "Lake", "Port", "New", "Fort", "Saint", "North", "Mount", "")
_TOWN_BASE = (
    "Harmony", "Millbrook", "Ashford", "Cedar Falls", "Granville", "Hollis", "Kinross",
    "Bellmont", "Dunmore", "Pinecrest", "Riverton", "Tallow", "Wexford", "Brightwater",
    "Marlow", "Oakhurst", "Sheffield", "Galena", "Carver", "Linden",
)  # fmt: skip
_COUNTY = ("Lassen", "Otter Tail", "Kittitas", "Barnstable", "Coconino", "Pike", "Hardin",
           "Washtenaw", "Ottawa", "Cheboygan", "Yavapai", "Sussex", "St. Clair", "Door")  # fmt: skip
_STATES = ("OR", "WA", "MI", "MN", "AZ", "NY", "PA", "OH", "TX", "GA", "VT", "NM", "ME", "IL")
_INSTITUTIONS = (
    "Northgate Pharmacy #2214", "St. Brigid Medical Center", "Lakeshore Specialty Rx",
    "Fairhaven Community Hospital", "the Eastbrook Clinic", "Mercy West Outpatient Pharmacy",
    "Copper Valley Health", "Bayside Home Infusion",
)  # fmt: skip
_CARS = ("grey Toyota Sienna", "blue Ford F-150", "white Kia Soul", "red Subaru Outback")


class Patient:
    """One patient, a relative and one prescriber, so the slots of a fax agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.fake = fakers[self.locale]
        self.fake.seed_instance(rng.getrandbits(32))
        self.us = fakers["en_US"]
        self.us.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.prescriber = f"{self.us.first_name()} {self.us.last_name()}"
        self.dob = dt.date(1931, 1, 1) + dt.timedelta(days=rng.randrange(365 * 80))
        self.town = _town(rng)


def _town(rng: random.Random) -> str:
    head = rng.choice(_TOWN_HEAD)
    return f"{head} {rng.choice(_TOWN_BASE)}".strip()


def _us_date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{d.month}/{d.day}/{d.year % 100:02d}",
            d.strftime("%d-%b-%Y").upper(),
            d.strftime("%b %d, %Y"),
            f"{d.strftime('%B')} {d.day}{day_suffix(d.day)}, {d.year}",
            d.isoformat(),
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day} {d.strftime('%B')} {d.year}",
            f"{d.month}/{d.day}",
            f"{d.strftime('%b')} {d.day}",
            f"the {ORDINALS[d.day - 1]} of {d.strftime('%B')}",
            f"{d.strftime('%B')} {ORDINALS[d.day - 1]}",
            f"{d.year}{d.month:02d}{d.day:02d}" if rng.random() < 0.2 else d.strftime("%m-%d-%Y"),
        ]
    )


def _phone(rng: random.Random) -> str:
    area, ex, line = (
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        digits(rng, 4),
    )
    return rng.choice(
        [
            f"({area}) {ex}-{line}",
            f"{area}.{ex}.{line}",
            f"{area}-{ex}-{line}",
            f"{area}-{ex}-{line} x{rng.randint(2, 299)}",
            f"+1 {area} {ex} {line}",
            f"1-{area}-{ex}-{line}",
            f"{area}{ex}{line}",
            f"{area} {ex} {line}",
        ]
    )


def _street(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.12:
        return f"PO Box {rng.randint(10, 9999)}"
    if r < 0.2:
        return f"Rural Route {rng.randint(1, 9)} Box {rng.randint(1, 200)}"
    direction = rng.choice(_DIRS)
    line = f"{rng.randint(1, 29999)} {direction} {rng.choice(_STREETS)} {rng.choice(_SUFFIX)}"
    line = " ".join(line.split())
    unit = rng.random()
    if unit < 0.2:
        line += f" Apt {rng.randint(1, 40)}{rng.choice(['', 'A', 'B', 'C'])}"
    elif unit < 0.3:
        line += f", Unit {rng.randint(100, 999)}"
    elif unit < 0.38:
        line += f" #{rng.randint(2, 60)}"
    elif unit < 0.44:
        line += f", Suite {rng.randint(100, 450)}"
    return line


def _member(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{letters(rng, 3)}-{digits(rng, 2)}-{digits(rng, 5)}",
            f"{letters(rng, 1)}{digits(rng, 9)}",
            f"{letters(rng, 3)}{digits(rng, 9)}",
            f"{letters(rng, 3)} {digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}",
            f"MBR-{digits(rng, 4)}-{digits(rng, 4)}",
            f"{digits(rng, 9)}{letters(rng, 2)}",
            f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}-{letters(rng, 2)}{digits(rng, 1)}-{letters(rng, 2)}{digits(rng, 2)}",
        ]
    )


def _email(p: Patient) -> str:
    user = f"{p.first}.{p.last}".lower().replace(" ", "")
    user = "".join(ch for ch in user if ch.isascii() and (ch.isalnum() or ch == "."))
    domain = p.rng.choice(["mail.test", "inbox.example", "gmail.com", "yahoo.com", "fastmail.fm"])
    return f"{user}{p.rng.randint(1, 99)}@{domain}"


def _fill(p: Patient, slot: str) -> Part:
    rng = p.rng
    if slot == "prescriber":
        return pii(p.prescriber, "NAME", "staff")
    if slot == "pages":
        return lit(str(rng.randint(2, 14)))
    if slot == "car":
        return lit(rng.choice(_CARS))
    if slot == "state":
        return lit(rng.choice(_STATES))
    if slot in {"name", "name_upper", "relative"}:
        if slot == "relative":
            text = p.relative
        elif slot == "name_upper":
            text = rng.choice([f"{p.last}, {p.first}", f"{p.last},{p.first}"]).upper()
        else:
            text = f"{p.first} {p.last}"
        return pii(text, "NAME", "direct", CATEGORY[slot])
    service = dt.date(2025, 6, 1) + dt.timedelta(days=rng.randrange(500))
    values: dict[str, tuple[str, str]] = {
        "street": (_street(rng), "LOCATION"),
        "foreign_street": (" ".join(p.fake.street_address().split()), "LOCATION"),
        "city": (p.town, "LOCATION"),
        "foreign_city": (p.fake.city(), "LOCATION"),
        "zip": (rng.choice([digits(rng, 5), f"{digits(rng, 5)}-{digits(rng, 4)}"]), "LOCATION"),
        "foreign_zip": (p.fake.postcode(), "LOCATION"),
        "county": (f"{rng.choice(_COUNTY)} County", "LOCATION"),
        "institution": (rng.choice(_INSTITUTIONS), "LOCATION"),
        "dob": (_us_date(rng, p.dob), "DATE"),
        "date": (_us_date(rng, service), "DATE"),
        "weekday_date": (_weekday_date(rng, service), "DATE"),
        "month_day": (
            rng.choice([service.strftime("%b %d"), f"{service.month}/{service.day}"]),
            "DATE",
        ),
        "range": (_range(rng, service), "DATE"),
        "since": (
            rng.choice(
                [
                    f"{rng.randint(1, 12)}/{rng.randint(1990, 2024)}",
                    f"{rng.randint(1, 12)}/{rng.randint(80, 99)}",
                    f"{rng.randint(1, 12):02d}/{rng.randint(0, 24):02d}",
                    service.strftime("%B %Y"),
                    service.strftime("%b '%y"),
                ]
            ),
            "DATE",
        ),
        "age": (str(rng.randint(90, 104)), "AGE"),
        "phone": (_phone(rng), "CONTACT"),
        "fax": (_phone(rng), "CONTACT"),
        "email": (_email(p), "CONTACT"),
        "ssn": (rng.choice([f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 4)}", digits(rng, 9)]), "ID"),
        "mrn": (digits(rng, 8), "ID"),
        "mrn_paren": (digits(rng, 6), "ID"),
        "rx": (rng.choice([digits(rng, 7), f"{digits(rng, 4)}-{digits(rng, 3)}", f"RX{digits(rng, 8)}"]), "ID"),
        "member": (_member(rng), "ID"),
        "account": (rng.choice([f"{digits(rng, 2)}-{digits(rng, 4)}-{digits(rng, 2)}", f"MO{digits(rng, 7)}"]), "ID"),
        "program": (f"CP{digits(rng, 3)}-{letters(rng, 2)}{digits(rng, 4)}", "ID"),
        "license": (rng.choice([f"{letters(rng, 1)}{digits(rng, 7)}", f"{letters(rng, 1)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}", f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}"]), "ID"),
        "certificate": (f"VC-{digits(rng, 4)}-{letters(rng, 3)}{digits(rng, 2)}", "ID"),
        "plate": (rng.choice([f"{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 3)}", f"{letters(rng, 3)}-{digits(rng, 4)}", f"{letters(rng, 3)} {digits(rng, 3)}"]), "ID"),
        "vin": (vin(rng), "ID"),
        "serial": (rng.choice([f"SN-{letters(rng, 2)}{digits(rng, 1)}-{digits(rng, 6)}{letters(rng, 1)}", f"{letters(rng, 3)}{digits(rng, 7)}", f"PMP{digits(rng, 4)}-{digits(rng, 5)}"]), "ID"),
        "url": (f"https://portal.{rng.choice(['northgate-rx', 'lakeshore-specialty', 'covermymeds'])}.example/pa/{letters(rng, 4).lower()}{digits(rng, 6)}", "CONTACT"),
        "ip": (f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", "CONTACT"),
        "biometric": (f"FP-{digits(rng, 4)}-{letters(rng, 1)}{digits(rng, 4)}", "ID"),
        "photo": (rng.choice([f"{p.first.lower()}_{p.last.lower()}_id.jpg", f"IMG_{digits(rng, 8)}_{digits(rng, 4)}.jpg", f"photoID-{digits(rng, 5)}.png"]), "ID"),
        "case": (rng.choice([f"{digits(rng, 2)}-{digits(rng, 4)}-{digits(rng, 5)}", f"PA{digits(rng, 7)}", f"{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 5)}"]), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def _weekday_date(rng: random.Random, d: dt.date) -> str:
    short, long = WEEKDAYS[d.weekday()], WEEKDAY_NAMES[d.weekday()]
    return rng.choice(
        [
            f"{short} {d.month}/{d.day}",
            f"{short}, {d.strftime('%b')} {d.day}",
            f"{long} {d.strftime('%B')} {d.day}",
            f"{short} {d.day} {d.strftime('%b')}",
            f"{long}, the {ORDINALS[d.day - 1]}",
            f"{short} {d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
        ]
    )


def _range(rng: random.Random, d: dt.date) -> str:
    e = d + dt.timedelta(days=rng.randint(1, 5))
    if e.month != d.month:
        e = d
    return rng.choice(
        [
            f"{d.day}-{e.day} {d.strftime('%B')}",
            f"{d.strftime('%b')} {d.day}-{e.day}",
            f"{d.month}/{d.day}-{e.month}/{e.day}",
            f"{d.strftime('%b')} {d.day} to {d.strftime('%b')} {e.day}",
            f"between the {ORDINALS[d.day - 1]} and the {ORDINALS[e.day - 1]} of {d.strftime('%B')}",
        ]
    )


def render(template: str, patient: Patient) -> list[Part]:
    return render_slots(template, lambda slot: _fill(patient, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "pharmacy_fax") -> list[dict[str, Any]]:
    """`n` faxes of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Patient(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="pharmacy_fax",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
