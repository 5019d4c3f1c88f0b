"""Vendor and insurer support desks, calendar invites and transport logs: a DEV voice, tuned on.

Written on 2026-12-02 by the dates-and-identifiers pass of issue 13 and committed before its
first measurement. It is for tuning: the measured other voices (`pharmacy_fax`, `call_centre`,
`front_desk`, `referral_mail`, `harbor_after`) stay held out, and this corpus's figures are dev
figures, never evidence.

The voice: e-mail threads with full headers as Outlook, Gmail and Apple Mail quote them; a
medical-device vendor's and an insurer's customer-service tickets; calendar invites and
appointment reminders; a patient-transport fleet's dispatch log. It plants dates in every
written style (quoted-reply headers, "Sent:" lines, RFC 2822 and ISO stamps with time and zone,
"03.04.26", "3rd of March", "the 3rd", "Mar 3rd", ranges, day-first and month-first orders,
German, French and Spanish months, iCalendar stamps) and identifiers of many shapes, labelled
and not: Faker's own ssn, passport, licence plate, VIN, IBAN/BBAN, SWIFT, EAN, ISBN, UUID, MD5,
IMEI-like and MAC-address providers, ticket, claim and case references, device serials, photo
file names and biometric template ids; phone and fax numbers in national and international
formats. Names come from Faker's en_US, en_GB, de_DE, fr_FR, es_ES and nl_NL.

    python -m bench.corpus.support_desk --n 3
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

LOCALES = ("en_US", "en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "nl_NL")

TEMPLATES: dict[str, list[str]] = {
    "support_desk": [
        # e-mail threads, quoted the way each client quotes
        "Thanks, that works.\n\nOn {gmail_header}, {name} <{email}> wrote:\n> The sensor "
        "keeps dropping out at night. Serial {serial}. Can you send a new one?",
        "From: {name} <{email}>\nSent: {outlook_sent}\nTo: Device Support\nSubject: RE: "
        "replacement for ticket {ticket}\n\nHi, the replacement arrived {prose_date} but the "
        "pump shows error 41. Pump S/N {serial}.",
        "> On {apple_header}, {name} wrote:\n>\n> Still waiting on my claim {claim}. I was "
        "told it would be reviewed by {prose_date} at the latest.\n\nForwarding to appeals.",
        "Date: {rfc_date}\nFrom: claims@insurer.example\nTo: {email}\nSubject: Claim {claim} "
        "received\n\nDear {name}, we received your claim for services on {numeric_date}.",
        "-----Original Message-----\nFrom: {relative}\nSent: {outlook_sent}\nSubject: my "
        "mother {name}\n\nShe has a new phone: {phone}. Please update her file, member "
        "{member}.",
        # customer-service tickets
        "Ticket {ticket} | opened {iso_stamp} | customer {name} | device {model} S/N "
        "{serial} | status: awaiting return",
        "Case {case_ref}: caller {name} (DOB {dob}) reports the CGM receiver {serial} reset "
        "itself on {prose_date}; callback {phone}.",
        "Agent note {iso_stamp}: verified {name}, SSN {ssn}, passport {passport}. "
        "Refund to IBAN {iban}, BIC {swift}.",
        "RMA {rma} for {name}. Unit {serial}, MAC {mac}, IMEI {imei}. Return label sent "
        "{prose_date}; box with barcode {ean}.",
        "Escalation: {name}'s account {account} was charged twice on {numeric_date}. Bank "
        "account {bban}. Ref {unique}.",
        "Warranty lookup: owner {name}, serial {serial}, purchased {numeric_date}, proof of "
        "purchase {unique}. Handbook ISBN {isbn} sent.",
        "Photos from {name}: {photo}, {photo2}. The crack is on the left side of the housing.",
        "Enrollment for {name}: fingerprint template {biometric}, kiosk {kiosk}. Enrolled "
        "{iso_stamp}.",
        "{name} called from {phone}; wants the fax sent to {fax} instead. Reference {unique}.",
        "Session log {uuid} for {name}: login from {ip} at {iso_stamp}; token {md5}.",
        # calendar invites and reminders
        "Invitation: Follow-up with {name}\nWhen: {when}\nWhere: Room 4, {clinic}\n"
        "Organizer: scheduling@clinic.example",
        "BEGIN:VEVENT\nSUMMARY:Fitting - {name}\nDTSTART:{ics}\nDESCRIPTION:Bring the "
        "device ({serial}) and charger.\nEND:VEVENT",
        "Reminder: {name}, you have an appointment on {reminder}. Reply C to confirm or call {phone}.",
        "{name_first}, your fitting is moved from {prose_date} to {prose_date2}, same time.",
        "Hi {name_first}, can we do {range}? If not, {prose_date} works too.",
        "Rendez-vous de {name} le {foreign_date}. Tél. {phone}.",
        "Termin für {name} am {foreign_date}, Versichertennummer {member}.",
        # transport fleet log
        "DISPATCH {iso_stamp} | unit {unit} plate {plate} | pickup {name}, {street} | "
        "drop {clinic}",
        "Trip {trip}: vehicle VIN {vin} (plate {plate}) collected {name} at {time_date}; "
        "wheelchair, 1 escort ({relative}).",
        "Fleet note {numeric_date}: {name} no-show; driver waited 15 min. Plate {plate}, "
        "driver licence {license}.",
        # clean: nobody is identified
        "Firmware 4.2.17 is out; it fixes the Bluetooth pairing bug on the G7 receivers. "
        "Roll it out after the 2pm huddle.",
        "Reminder: the fleet's vans go in for inspection the week of the 14th; book the "
        "spares through the portal.",
        "Lot 24K118 of the infusion sets is on hold pending QA. Use lot 24K131 or later.",
        "Calendar: all-hands moved to Thursday at 10. The March 3-5 training is full.",
        "KB article 4471: how to reset a receiver. Hold the button for 10 seconds until it "
        "beeps twice.",
        "Ticket volume is up 18% this week; average handle time 6 min 40 s.",
        "Please use the new fax cover sheet (v3.2) for every prior authorization.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_first": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "clinic": "geographic subdivisions",
    "dob": "dates",
    "gmail_header": "dates",
    "apple_header": "dates",
    "outlook_sent": "dates",
    "rfc_date": "dates",
    "iso_stamp": "dates",
    "numeric_date": "dates",
    "prose_date": "dates",
    "prose_date2": "dates",
    "foreign_date": "dates",
    "when": "dates",
    "ics": "dates",
    "reminder": "dates",
    "range": "dates",
    "time_date": "dates",
    "phone": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "ssn": "social security numbers",
    "passport": "certificate/license numbers",
    "license": "certificate/license numbers",
    "member": "health plan beneficiary numbers",
    "account": "account numbers",
    "iban": "account numbers",
    "bban": "account numbers",
    "swift": "account numbers",
    "ticket": "any other unique number",
    "claim": "any other unique number",
    "case_ref": "any other unique number",
    "rma": "any other unique number",
    "unique": "any other unique number",
    "trip": "any other unique number",
    "ean": "any other unique number",
    "isbn": "any other unique number",
    "uuid": "any other unique number",
    "md5": "any other unique number",
    "serial": "device identifiers",
    "mac": "device identifiers",
    "imei": "device identifiers",
    "kiosk": "device identifiers",
    "plate": "vehicle identifiers",
    "vin": "vehicle identifiers",
    "unit": "vehicle identifiers",
    "ip": "IP addresses",
    "biometric": "biometric identifiers",
    "photo": "full-face photographs",
    "photo2": "full-face photographs",
}
_DATES = {k for k, v in CATEGORY.items() if v == "dates"} - {"dob"}
QUASI = frozenset({"street", "clinic", *_DATES})

_MODELS = ("G7 receiver", "t:slim pump", "Libre 3 reader", "CPAP AirSense", "hearing aid")
_CLINICS = ("Harbour View Clinic", "Eastgate Hearing Centre", "St. Olave's Outpatients",
            "the Brookmere Diabetes Center")  # fmt: skip
_MONTHS_DE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
              "September", "Oktober", "November", "Dezember")  # fmt: skip
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")  # fmt: skip
_MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
              "septiembre", "octubre", "noviembre", "diciembre")  # fmt: skip
_ZONES = ("+0100", "-0500", "+0000", "-0800", "+0530")


class Customer:
    """One customer or patient with a relative, so a ticket's fields agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.dob = dt.date(1938, 1, 1) + dt.timedelta(days=rng.randrange(365 * 70))


def _clock(rng: random.Random) -> tuple[int, int]:
    return rng.randint(7, 18), rng.randint(0, 59)


def _ampm(h: int, m: int) -> str:
    return f"{(h - 1) % 12 + 1}:{m:02d} {'AM' if h < 12 else 'PM'}"


def _numeric(rng: random.Random, d: dt.date) -> str:
    """A numeric date in one of several locales' orders."""
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year}",
            f"{d.day:02d}/{d.month:02d}/{d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
            f"{d.day}.{d.month}.{d.year}",
            f"{d.year}-{d.month:02d}-{d.day:02d}",
            f"{d.year}/{d.month:02d}/{d.day:02d}",
            f"{d.month:02d}-{d.day:02d}-{d.year}",
            f"{d.day}-{d.strftime('%b')}-{d.year % 100:02d}",
            f"{d.strftime('%b')} {d.day}{day_suffix(d.day)}, {d.year}",
            f"{d.day} {d.strftime('%B')} {d.year}",
        ]
    )


def _prose(rng: random.Random, d: dt.date) -> str:
    """A date as a customer writes it, often without a year."""
    th = f"{d.day}{day_suffix(d.day)}"
    return rng.choice(
        [
            f"the {th}",
            f"{th} of {d.strftime('%B')}",
            f"the {th} of {d.strftime('%B')}",
            f"{d.strftime('%b')} {th}",
            f"{d.strftime('%B')} {th}",
            f"{WEEKDAY_NAMES[d.weekday()]} the {th}",
            f"{WEEKDAYS[d.weekday()]} {d.day} {d.strftime('%b')}",
            f"{d.day}/{d.month}",
            f"{d.month}/{d.day}",
            f"{d.day:02d}.{d.month:02d}.",
            f"{d.strftime('%B')} {d.day}",
            f"{d.day} {d.strftime('%B')}",
            f"{WEEKDAY_NAMES[d.weekday()]}, {d.strftime('%b')}. {d.day}",
        ]
    )


def _gmail(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    return rng.choice(
        [
            f"{WEEKDAYS[d.weekday()]}, {d.day} {d.strftime('%b')} {d.year} at {h:02d}:{m:02d}",
            f"{WEEKDAYS[d.weekday()]}, {d.strftime('%b')} {d.day}, {d.year} at {_ampm(h, m)}",
        ]
    )


def _apple(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    return rng.choice(
        [
            f"{d.strftime('%b')} {d.day}, {d.year}, at {_ampm(h, m)}",
            f"{d.day} {d.strftime('%b')} {d.year}, at {h:02d}:{m:02d}",
        ]
    )


def _outlook(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    return rng.choice(
        [
            f"{WEEKDAY_NAMES[d.weekday()]}, {d.strftime('%B')} {d.day}, {d.year} {_ampm(h, m)}",
            f"{WEEKDAY_NAMES[d.weekday()]}, {d.day} {d.strftime('%B')} {d.year} {h:02d}:{m:02d}",
            f"{d.day:02d} {d.strftime('%B')} {d.year} {h:02d}:{m:02d}",
        ]
    )


def _rfc(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    z = rng.choice(_ZONES)
    return f"{WEEKDAYS[d.weekday()]}, {d.day:02d} {d.strftime('%b')} {d.year} {h:02d}:{m:02d}:{rng.randint(0, 59):02d} {z}"


def _iso(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    base = f"{d.year}-{d.month:02d}-{d.day:02d}"
    return rng.choice(
        [
            f"{base}T{h:02d}:{m:02d}:{rng.randint(0, 59):02d}Z",
            f"{base}T{h:02d}:{m:02d}:00{rng.choice(['+01:00', '-05:00', '+05:30'])}",
            f"{base} {h:02d}:{m:02d} {rng.choice(['UTC', 'CET', 'EST', 'PST'])}",
            f"{base} {h:02d}:{m:02d}:{rng.randint(0, 59):02d}",
        ]
    )


def _when(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    end = _ampm(h, m + 30) if m < 30 else _ampm(h + 1, m - 30)
    return rng.choice(
        [
            f"{WEEKDAY_NAMES[d.weekday()]}, {d.strftime('%B')} {d.day}, {d.year} {_ampm(h, m)}-{end} (UTC-05:00)",
            f"{WEEKDAYS[d.weekday()]} {d.strftime('%b')} {d.day}, {d.year} {h:02d}:{m:02d} – {h + 1:02d}:{m:02d} (CET)",
            f"{d.day} {d.strftime('%B')} {d.year}, {h:02d}:{m:02d}",
        ]
    )  # fmt: skip


def _ics(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    return f"{d.year}{d.month:02d}{d.day:02d}T{h:02d}{m:02d}00{rng.choice(['Z', ''])}"


def _reminder(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    return rng.choice(
        [
            f"{WEEKDAYS[d.weekday()]} {d.month}/{d.day} @ {(h - 1) % 12 + 1}{'am' if h < 12 else 'pm'}",
            f"{d.strftime('%d/%m/%Y')} at {h:02d}:{m:02d}",
            f"{WEEKDAY_NAMES[d.weekday()]} {d.day}{day_suffix(d.day)} {d.strftime('%B')} at {_ampm(h, m)}",
            f"{d.strftime('%b')} {d.day}{day_suffix(d.day)} at {h:02d}{m:02d}h",
        ]
    )  # fmt: skip


def _range(rng: random.Random, d: dt.date) -> str:
    e = d + dt.timedelta(days=rng.randint(1, 4))
    return rng.choice(
        [
            f"{d.day}-{e.day} {d.strftime('%B')}" if e.month == d.month else f"{d.day} {d.strftime('%b')} - {e.day} {e.strftime('%b')}",
            f"{d.strftime('%B')} {d.day}-{e.day}" if e.month == d.month else f"{d.strftime('%b')} {d.day} to {e.strftime('%b')} {e.day}",
            f"{d.strftime('%b')} {d.day}{day_suffix(d.day)} to the {e.day}{day_suffix(e.day)}",
            f"{d.month}/{d.day} - {e.month}/{e.day}",
            f"{d.day}.{d.month}.–{e.day}.{e.month}.{e.year}",
            f"{d.day}{day_suffix(d.day)}-{e.day}{day_suffix(e.day)} {e.strftime('%B')}",
        ]
    )  # fmt: skip


def _foreign(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.day}. {_MONTHS_DE[d.month - 1]} {d.year}",
            f"{d.day} {_MONTHS_FR[d.month - 1]} {d.year}",
            f"{d.day} de {_MONTHS_ES[d.month - 1]} de {d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year}",
        ]
    )


def _time_date(rng: random.Random, d: dt.date) -> str:
    h, m = _clock(rng)
    return rng.choice(
        [f"{h:02d}{m:02d} on {d.day:02d}/{d.month:02d}", f"{h:02d}:{m:02d} {d.strftime('%d%b%y').upper()}",
         f"{_ampm(h, m)}, {d.strftime('%a')} {d.day}/{d.month}"]
    )  # fmt: skip


def _phone(rng: random.Random, fake: Faker) -> str:
    a, b, c = f"{rng.randint(2, 9)}{digits(rng, 2)}", f"{rng.randint(2, 9)}{digits(rng, 2)}", digits(rng, 4)  # fmt: skip
    return rng.choice(
        [
            fake.phone_number(),
            fake.phone_number(),
            f"+1 ({a}) {b}-{c}",
            f"+1.{a}.{b}.{c}",
            f"+44 {rng.choice(['20', '161', '7700'])} {digits(rng, 3)} {digits(rng, 4)}",
            f"0{rng.randint(20, 79)} {digits(rng, 4)} {digits(rng, 4)}",
            f"+49 (0){rng.randint(30, 89)} {digits(rng, 7)}",
            f"0049 {rng.randint(30, 89)} {digits(rng, 7)}",
            f"+33 {rng.randint(1, 7)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}",
            f"0{rng.randint(6, 7)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)}",
            f"+31 6 {digits(rng, 8)}",
            f"{a}{b}{c}",
        ]
    )


def _serial(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{letters(rng, 2)}{digits(rng, 7)}",
            f"{digits(rng, 4)}-{letters(rng, 1)}{digits(rng, 3)}-{letters(rng, 2)}",
            f"C02{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 1)}{letters(rng, 2)}",
            f"SN{digits(rng, 10)}",
            f"{letters(rng, 3)}-{digits(rng, 3)}-{letters(rng, 1)}{digits(rng, 2)}",
            f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 5)}{letters(rng, 1)}",
        ]
    )


def _unique(rng: random.Random, fake: Faker) -> str:
    """A reference number in the shapes offices print (and Faker's own identifier providers)."""
    return rng.choice(
        [
            fake.bothify("??-########").upper(),
            fake.bothify("#####-???-###").upper(),
            fake.ean8(),
            fake.bothify("REF/####/??").upper(),
            f"{digits(rng, 3)}.{digits(rng, 3)}.{digits(rng, 3)}",
            f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 1)}-{digits(rng, 4)}-{letters(rng, 2)}",
            str(fake.uuid4())[:8],
            fake.swift11(),
            digits(rng, 10),
        ]
    )


def _photo(rng: random.Random, c: Customer) -> str:
    return rng.choice(
        [
            f"IMG_{digits(rng, 4)}.JPG",
            f"PXL_{c.dob.year + 60}{digits(rng, 4)}_{digits(rng, 9)}.jpg",
            f"DSC{digits(rng, 5)}.JPG",
            f"{c.first.lower()}_{c.last.lower().replace(' ', '')}.heic",
            f"photo_{digits(rng, 3)}.png",
            f"WhatsApp Image {rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} at {rng.randint(10, 23)}.{rng.randint(10, 59)}.{rng.randint(10, 59)}.jpeg",
        ]
    )  # fmt: skip


def _biometric(rng: random.Random, fake: Faker) -> str:
    return rng.choice(
        [
            f"FPT-{digits(rng, 6)}",
            f"tmpl_{fake.md5()[:12]}",
            f"BIO{digits(rng, 3)}{letters(rng, 2)}{digits(rng, 2)}",
            f"FaceID {letters(rng, 2)}-{digits(rng, 5)}",
            str(fake.uuid4()),
        ]
    )


def _fill(c: Customer, slot: str) -> Part:
    rng, fake = c.rng, c.fake
    if slot == "model":
        return lit(rng.choice(_MODELS))
    names = {"name": f"{c.first} {c.last}", "name_first": c.first, "relative": c.relative}
    if slot in names:
        return pii(names[slot], "NAME", "direct", CATEGORY[slot])
    day = dt.date(2025, 6, 2) + dt.timedelta(days=rng.randrange(400))
    email = f"{c.first.lower()}.{c.last.lower().replace(' ', '')}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'icloud.com', 'mail.example', 'web.de'])}"  # fmt: skip
    values: dict[str, tuple[str, str]] = {
        "street": (fake.street_address(), "LOCATION"),
        "clinic": (rng.choice(_CLINICS).removeprefix("the "), "LOCATION"),
        "dob": (_numeric(rng, c.dob), "DATE"),
        "gmail_header": (_gmail(rng, day), "DATE"),
        "apple_header": (_apple(rng, day), "DATE"),
        "outlook_sent": (_outlook(rng, day), "DATE"),
        "rfc_date": (_rfc(rng, day), "DATE"),
        "iso_stamp": (_iso(rng, day), "DATE"),
        "numeric_date": (_numeric(rng, day), "DATE"),
        "prose_date": (_prose(rng, day), "DATE"),
        "prose_date2": (_prose(rng, day + dt.timedelta(days=rng.randint(1, 9))), "DATE"),
        "foreign_date": (_foreign(rng, day), "DATE"),
        "when": (_when(rng, day), "DATE"),
        "ics": (_ics(rng, day), "DATE"),
        "reminder": (_reminder(rng, day), "DATE"),
        "range": (_range(rng, day), "DATE"),
        "time_date": (_time_date(rng, day), "DATE"),
        "phone": (_phone(rng, fake), "CONTACT"),
        "fax": (_phone(rng, fake), "CONTACT"),
        "email": (email, "CONTACT"),
        "ssn": (fakers_ssn(rng), "ID"),
        "passport": (fake.passport_number(), "ID"),
        "license": (rng.choice([f"{letters(rng, 1)}{digits(rng, 7)}", f"{letters(rng, 5)}{digits(rng, 6)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 2)}", f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}"]), "ID"),
        "member": (rng.choice([f"{letters(rng, 1)}{digits(rng, 9)}", f"{letters(rng, 3)}{digits(rng, 6)}-{digits(rng, 2)}", f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}"]), "ID"),
        "account": (rng.choice([digits(rng, 8), f"{digits(rng, 4)}-{digits(rng, 4)}", f"AC-{digits(rng, 6)}"]), "ID"),
        "iban": (fake.iban(), "ID"),
        "bban": (fake.bban(), "ID"),
        "swift": (fake.swift(), "ID"),
        "ticket": (rng.choice([f"INC{digits(rng, 7)}", f"#{digits(rng, 6)}", f"CS-{rng.randint(2024, 2026)}-{digits(rng, 6)}", f"TKT-{letters(rng, 2)}{digits(rng, 5)}"]), "ID"),
        "claim": (rng.choice([f"{digits(rng, 2)}-{digits(rng, 7)}-{digits(rng, 2)}", f"CLM{digits(rng, 9)}", f"{letters(rng, 1)}{digits(rng, 4)}{letters(rng, 1)}{digits(rng, 4)}"]), "ID"),
        "case_ref": (rng.choice([f"{digits(rng, 8)}", f"0{digits(rng, 7)}", f"{letters(rng, 2)}-{digits(rng, 4)}-{letters(rng, 1)}"]), "ID"),
        "rma": (rng.choice([f"RMA{digits(rng, 7)}", f"R-{digits(rng, 5)}-{letters(rng, 2)}", digits(rng, 9)]), "ID"),
        "unique": (_unique(rng, fake), "ID"),
        "trip": (rng.choice([f"{digits(rng, 6)}", f"T{digits(rng, 5)}", f"{day.strftime('%y%m%d')}-{digits(rng, 3)}"]), "ID"),
        "ean": (rng.choice([fake.ean13(), fake.ean8()]), "ID"),
        "isbn": (rng.choice([fake.isbn13(), fake.isbn10()]), "ID"),
        "uuid": (str(fake.uuid4()), "ID"),
        "md5": (fake.md5(), "ID"),
        "serial": (_serial(rng), "ID"),
        "mac": (fake.mac_address().upper() if rng.random() < 0.5 else fake.mac_address(), "ID"),
        "imei": (digits(rng, 15), "ID"),
        "kiosk": (rng.choice([f"K-{digits(rng, 4)}", f"KIOSK{digits(rng, 3)}{letters(rng, 1)}"]), "ID"),
        "plate": (fake.license_plate(), "ID"),
        "vin": (vin(rng), "ID"),
        "unit": (rng.choice([f"M{digits(rng, 2)}", f"AMB-{digits(rng, 3)}", f"W{digits(rng, 3)}"]), "ID"),
        "ip": (fake.ipv4_public(), "CONTACT"),
        "biometric": (_biometric(rng, fake), "ID"),
        "photo": (_photo(rng, c), "ID"),
        "photo2": (_photo(rng, c), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def fakers_ssn(rng: random.Random) -> str:
    """A US SSN in a valid area and group, dashed, spaced or run together."""
    a, g, s = rng.randint(100, 665), rng.randint(10, 99), rng.randint(1000, 9999)
    return rng.choice([f"{a}-{g}-{s}", f"{a} {g} {s}", f"{a}{g}{s}"])


def render(template: str, customer: Customer) -> list[Part]:
    return render_slots(template, lambda slot: _fill(customer, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "support_desk") -> list[dict[str, Any]]:
    """`n` tickets, e-mails, invites or log lines of one or two items each, by seed alone."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Customer(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="support_desk",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
