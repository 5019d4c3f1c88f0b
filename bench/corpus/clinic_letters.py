"""Outpatient correspondence: referral, appointment, insurer, complaint and discharge letters.

A DEV voice, written on 2026-12-02 (late) by engineer 21 for issue 13's dates and "any other
unique identifying number" pass, and committed before its first measurement. It is for tuning:
the measured other voices stay held out, and this corpus's figures are dev figures, never
evidence. Written from how such letters read, not from any other corpus.

The voice: a hospital's outpatient letters and the replies to them, pasted into chat. Referral
and appointment letters ("Date: 3rd March 2024", "Our ref: JS/KL/00871", "Your ref: ...",
"Re: Mrs X, DOB 04.03.1961, NHS No. 485 777 3456"), insurers' and funders' authorisation
letters (pre-certification, claim, authorisation numbers), complaint and PALS replies (case,
incident and complaint numbers, "please quote ... on all correspondence"), discharge letters
to GPs ("seen in clinic on the 4th", "admitted 4-6 March"), records-request letters,
transport bookings and test-kit tracking. Several English locales (en_GB, en_IE, en_AU,
en_NZ, en_CA, en_US, en_IN), so dates come day first and month first, with ordinals, full
stops, apostrophe years, weekdays, week-commencing and ranges; numbers come with letters,
slashes, dashes and spaces, after their label or after a cue to quote them. National numbers
beyond the US ones (NHS, CHI, PPSN, Medicare AU, NHI, OHIP, Aadhaar, NI number) are planted
too. A batch or lot number is left unplanted: it names every patient of that batch, and the
detector keeps it on purpose (`docs/detection.md`, "Numbers that name no one").

    python -m bench.corpus.clinic_letters --n 3
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
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

LOCALES = ("en_GB", "en_GB", "en_GB", "en_IE", "en_AU", "en_NZ", "en_CA", "en_US", "en_IN")

TEMPLATES: dict[str, list[str]] = {
    "clinic_letters": [
        # referral and appointment letters
        "Date: {date_header}\nOur ref: {our_ref}\nYour ref: {your_ref}\n\nDear Dr {gp},\n\n"
        "Re: {name_title}, DOB {dob}, {national_label} {national}\n{street}, {town} {postcode}\n\n"
        "Thank you for referring this lady, whom I saw in clinic on {seen_day}.",
        "Dear {name_title},\n\nYour appointment with Mr {consultant} in the Fracture Clinic is "
        "on {weekday_date} at 10:40. Please quote booking reference {booking} if you need to "
        "change it. Hospital number: {hospital_no}.",
        "APPOINTMENT LETTER  {date_header}\nPatient: {name}\nD.O.B.: {dob}\nHosp No: "
        "{hospital_no}\nClinic: Ophthalmology, week commencing {wc_date}\nConfirmation code: "
        "{booking}",
        "Dear {name_first},\nThis is to confirm your rescheduled scan on {ordinal_date}. Your "
        "new appointment ID is {appt_id}; the old one from {date} is cancelled.",
        "{name} (DOB {dob}) was referred on {date} under the two-week-wait pathway, e-RS UBRN "
        "{ubrn}. First seen {seen_day}.",
        # insurers and funders
        "Dear {name_title},\n\nRe: Claim no. {claim}  Policy {policy}\nWe have received the "
        "invoice dated {date} for treatment between {date_range}. Please quote your claim "
        "number on all correspondence.",
        "Pre-authorisation for {name}: authorisation number {auth}, valid {date_range}. The "
        "pre-cert # {precert} covers the MRI only.",
        "Our ref {our_ref} dated {date}: your client {name} ({dob}) has membership number "
        "{membership}. The excess was paid on {date_numeric}.",
        "Funding request {ifr} for {name}, {town}: the panel met on {weekday_date} and "
        "approved six sessions starting {ordinal_date}.",
        "Medicare card {medicare_au} for {name}, {street}, {town} {state} {postcode}. Claim "
        "{claim} lodged {date_numeric}; reference {ref_slash} for any query.",
        # complaints and PALS replies
        "Dear {name_title}\n\nComplaint ref: {complaint}\n\nThank you for your letter of "
        "{ordinal_date} about your mother's care on ward 7 between {date_range}. I am sorry "
        "for the delay in replying.",
        "PALS case number {case_no} - {name}, {phone}. Incident report {incident} was raised "
        "on {date}; the Datix ID is {datix}.",
        "Please quote {ref_slash} on any reply. We have logged your concerns about {name}'s "
        "discharge on {date_numeric} as case {case_no}.",
        "Further to our telephone call on {weekday_day}, I enclose the notes you asked for. "
        "Your enquiry number is {ticket}. {name}, {street}, {town}.",
        # discharge letters to GPs
        "DISCHARGE SUMMARY\nPatient: {name_upper}   DOB: {dob}   {national_label}: {national}\n"
        "Admitted: {date}   Discharged: {date}\nConsultant: Dr {consultant}\nSeen in clinic "
        "on the {day_only}; follow-up in 6 weeks.",
        "Dear Dr {gp}, {name} was admitted {date_range} with a community-acquired pneumonia. "
        "She was reviewed on {weekday_day} and went home on the {day_only}.",
        "Dear Colleague, I reviewed {name} ({age}) today, {date_header}. Last seen {month_year}. "
        "Our letter of {date} refers. Unit number {hospital_no}.",
        "{name}, d.o.b. {dob}, CHI {chi}, attended the day unit on {date} and {date}.",
        # records requests, transport, kits
        "Subject access request {sar} received {date} from {name}, {email}. Statutory deadline "
        "{date}. ID checked: passport {passport}.",
        "Records request for {name} (PPSN {ppsn}, date of birth {dob}), {street}, {town}, {postcode}: copies of "
        "notes from {month_year} to {date} sent by tracked post, tracking no. {tracking}.",
        "Patient transport booked for {name} w/c {wc_date}, pick-up 08:15 from {street}. "
        "Booking {booking}, job no. {job}. Escort: {relative}.",
        "Home test kit for {name}: kit ID {kit}, sent {date} by courier, consignment "
        "{tracking}. Voucher code {voucher} for the travel refund.",
        "{name}'s loyalty card {loyalty} was used at the hospital pharmacy on {date}. NHI {nhi}.",
        "Letter to {name}, {street}, {town} {postcode}: your ticket {ticket} about the parking "
        "fine of {ordinal_date} is closed. Permit {permit}.",
        "OHIP {ohip} - {name}, {town}, {state}. Referral {referral} dated {date}; seen {seen_day}.",
        "Aadhaar {aadhaar}, {name}, {phone}. File no. {file_no} opened {date}.",
        "Dear {name_title}, NI number {ni} and claim reference {ref_code} confirmed for the "
        "fit note dated {date}. Birth date on our file: {dob}.",
        "RE: {name_upper} DOB {dob}\nWe write further to your letter dated {date} (your ref "
        "{your_ref}). The patient attended on {date_range}.",
        # clean: no patient in them
        "Clinic letters go out within 7 days of the appointment. Please quote the clinic code "
        "(e.g. ORTH2) when you phone the booking office on extension 4410.",
        "The complaints policy (version 4.2, section 3) asks for an acknowledgement within 3 "
        "working days and a full reply within 25 working days.",
        "Form SAR-1 is on the intranet. Reference ranges for the lab are on page 12 of the "
        "handbook; ICD-10 codes go in box 4.",
        "Outpatient clinics run Monday to Friday, 08:30-17:00. The Saturday list starts in the "
        "spring. Parking permits are issued by the estates team.",
        "NICE guideline NG136 covers hypertension; the referral form asks for two readings and "
        "an HbA1c within 3 months.",
        "The batch of flu vaccine, lot 24K118, arrived on the ward. Give 0.5 mL IM; record the "
        "lot in the notes as usual.",
        "Please use template LT-04 for discharge letters and keep the GP practice code in the "
        "header. Version 2.1 of the template replaces 1.9.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_title": "names",
    "name_first": "names",
    "name_upper": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "town": "geographic subdivisions",
    "postcode": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "date_header": "dates",
    "date_numeric": "dates",
    "date_range": "dates",
    "ordinal_date": "dates",
    "weekday_date": "dates",
    "weekday_day": "dates",
    "wc_date": "dates",
    "seen_day": "dates",
    "day_only": "dates",
    "month_year": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "email": "email addresses",
    "national": "health plan beneficiary numbers",
    "chi": "health plan beneficiary numbers",
    "ppsn": "social security numbers",
    "medicare_au": "health plan beneficiary numbers",
    "nhi": "medical record numbers",
    "ohip": "health plan beneficiary numbers",
    "aadhaar": "social security numbers",
    "ni": "social security numbers",
    "hospital_no": "medical record numbers",
    "membership": "health plan beneficiary numbers",
    "policy": "health plan beneficiary numbers",
    "passport": "certificate/license numbers",
    "permit": "certificate/license numbers",
    "our_ref": "any other unique number",
    "your_ref": "any other unique number",
    "booking": "any other unique number",
    "appt_id": "any other unique number",
    "ubrn": "any other unique number",
    "claim": "any other unique number",
    "auth": "any other unique number",
    "precert": "any other unique number",
    "ifr": "any other unique number",
    "ref_slash": "any other unique number",
    "ref_code": "any other unique number",
    "complaint": "any other unique number",
    "case_no": "any other unique number",
    "incident": "any other unique number",
    "datix": "any other unique number",
    "ticket": "any other unique number",
    "sar": "any other unique number",
    "tracking": "any other unique number",
    "job": "any other unique number",
    "kit": "any other unique number",
    "voucher": "any other unique number",
    "loyalty": "any other unique number",
    "referral": "any other unique number",
    "file_no": "any other unique number",
}
# Dates without a year are quasi-identifiers alone (a day of service); with a year, a DOB or an
# age over 89 they are direct.
QUASI = frozenset(
    {"town", "postcode", "weekday_day", "seen_day", "day_only", "wc_date", "weekday_date"}
    | {"ordinal_date", "date_range"}
)

_TOWNS = {
    "en_GB": ("Kettering", "Stockport", "Harrogate", "Bridlington", "Penrith", "Ludlow"),
    "en_IE": ("Mullingar", "Tralee", "Athlone", "Clonmel", "Ennis", "Navan"),
    "en_AU": ("Ballarat", "Toowoomba", "Wagga Wagga", "Bendigo", "Mildura"),
    "en_NZ": ("Whanganui", "Timaru", "Masterton", "Napier", "Gisborne"),
    "en_CA": ("Kamloops", "Moncton", "Peterborough", "Lethbridge", "Sudbury"),
    "en_US": ("Paducah", "Laramie", "Tupelo", "Bozeman", "Dubuque"),
    "en_IN": ("Nashik", "Mysuru", "Kochi", "Guwahati", "Udaipur"),
}
_STATES = {"en_AU": ("VIC", "NSW", "QLD", "WA"), "en_CA": ("ON", "BC", "NB", "AB"),
           "en_US": ("KY", "WY", "MS", "MT", "IA")}  # fmt: skip
_NATIONAL_LABEL = ("NHS No.", "NHS number", "NHS No:", "NHS#")


class Correspondent:
    """One patient, a relative, their GP and a consultant, so a letter's fields agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.fake = fakers[self.locale]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.title = rng.choice(("Mrs", "Mr", "Ms", "Miss", "Mx"))
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.gp = self.fake.last_name()
        self.consultant = self.fake.last_name()
        self.dob = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(365 * 80))
        self.town = rng.choice(_TOWNS[self.locale])
        self.day_first = self.locale != "en_US"


def _mon(d: dt.date) -> str:
    return d.strftime("%b")


def _full(d: dt.date) -> str:
    return d.strftime("%B")


def _date(rng: random.Random, d: dt.date, day_first: bool) -> str:
    """A date with its year, in the ways letters print one."""
    sfx = day_suffix(d.day)
    shapes = [
        f"{d.day}{sfx} {_full(d)} {d.year}",
        f"{d.day}{sfx} of {_full(d)} {d.year}",
        f"{d.day} {_full(d)} {d.year}",
        f"{d.day:02d}.{d.month:02d}.{d.year}",
        f"{d.day}.{d.month}.{d.year % 100:02d}",
        d.isoformat(),
        f"{d.day} {_mon(d)} '{d.year % 100:02d}",
        f"{d.day}-{_mon(d)}-{d.year}",
        f"{d.day:02d}-{_mon(d).upper()}-{d.year % 100:02d}",
        f"{d.day:02d}/{d.month:02d}/{d.year}"
        if day_first
        else f"{d.month:02d}/{d.day:02d}/{d.year}",
        f"{d.day}/{d.month}/{d.year % 100:02d}"
        if day_first
        else f"{d.month}/{d.day}/{d.year % 100:02d}",
        f"{_full(d)} {d.day}{sfx}, {d.year}",
        f"{_full(d)} {d.day}, {d.year}",
        f"{_mon(d)} {d.day} {d.year}",
        f"{d.day} {_mon(d)}. {d.year}",
        f"{d.year}{d.month:02d}{d.day:02d}",
    ]
    return rng.choice(shapes)


def _header(rng: random.Random, d: dt.date, day_first: bool) -> str:
    wd = WEEKDAY_NAMES[d.weekday()]
    return rng.choice(
        [
            _date(rng, d, day_first),
            f"{wd}, {d.day} {_full(d)} {d.year}",
            f"{wd} {d.day}{day_suffix(d.day)} {_full(d)} {d.year}",
            f"{WEEKDAYS[d.weekday()]} {d.day:02d} {_mon(d)} {d.year}",
            f"{wd}, {_full(d)} {d.day}, {d.year}",
        ]
    )


def _dob(rng: random.Random, d: dt.date, day_first: bool) -> str:
    return rng.choice(
        [
            _date(rng, d, day_first),
            f"{d.day:02d}/{d.month:02d}/{d.year}" if day_first else f"{d.month}/{d.day}/{d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
            f"{d.day:02d}{_mon(d).upper()}{d.year}",
            f"{d.day} {_mon(d)} {d.year}",
        ]
    )


def _ordinal(rng: random.Random, d: dt.date) -> str:
    sfx = day_suffix(d.day)
    return rng.choice(
        [
            f"{d.day}{sfx} {_full(d)}",
            f"{_full(d)} {d.day}{sfx}",
            f"the {d.day}{sfx} of {_full(d)}",
            f"{d.day}{sfx} {_mon(d)}",
            f"{_mon(d)} {d.day}{sfx}",
            f"the {ORDINALS[d.day - 1]} of {_full(d)}",
            f"{d.day} {_full(d)}",
            f"{_full(d)} the {d.day}{sfx}",
        ]
    )


def _weekday_date(rng: random.Random, d: dt.date, day_first: bool) -> str:
    wd, short = WEEKDAY_NAMES[d.weekday()], WEEKDAYS[d.weekday()]
    sfx = day_suffix(d.day)
    numeric = f"{d.day}/{d.month}" if day_first else f"{d.month}/{d.day}"
    return rng.choice(
        [
            f"{wd} {d.day}{sfx} {_full(d)}",
            f"{wd}, {d.day} {_full(d)}",
            f"{wd} {d.day}{sfx}",
            f"{short} {d.day} {_mon(d)}",
            f"{wd} {_full(d)} {d.day}{sfx}",
            f"{short} {numeric}",
            f"{wd} the {d.day}{sfx}",
            f"{wd} {d.day:02d}.{d.month:02d}.",
            f"{short}. {d.day}{sfx} {_mon(d)}",
        ]
    )


def _weekday_day(rng: random.Random, d: dt.date) -> str:
    wd = WEEKDAY_NAMES[d.weekday()]
    return rng.choice([f"{wd} {d.day}{day_suffix(d.day)}", f"{wd} the {d.day}{day_suffix(d.day)}",
                       f"{wd} {d.day} {_mon(d)}", f"{WEEKDAYS[d.weekday()]} {d.day}{day_suffix(d.day)}"])  # fmt: skip


def _wc(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [f"{d.day} {_full(d)}", f"{d.day}{day_suffix(d.day)} {_mon(d)}", f"{d.day:02d}/{d.month:02d}",
         f"Monday {d.day}{day_suffix(d.day)} {_full(d)}", f"{d.day}.{d.month}."]
    )  # fmt: skip


def _seen(rng: random.Random, d: dt.date) -> str:
    sfx = day_suffix(d.day)
    return rng.choice(
        [f"the {d.day}{sfx}", f"{d.day}{sfx} {_full(d)}", f"{_mon(d)} {d.day}{sfx}",
         f"the {d.day}{sfx} of this month", f"the {ORDINALS[d.day - 1]}", f"{d.day}/{d.month}"]
    )  # fmt: skip


def _range(rng: random.Random, d: dt.date, day_first: bool) -> str:
    e = d + dt.timedelta(days=rng.randint(1, 5))
    sfx, esfx = day_suffix(d.day), day_suffix(e.day)
    same = d.month == e.month
    shapes = [
        f"{d.day}-{e.day} {_full(d)}" if same else f"{d.day} {_mon(d)}-{e.day} {_mon(e)}",
        f"{d.day}{sfx}-{e.day}{esfx} {_full(d)}"
        if same
        else f"{d.day}{sfx} {_full(d)} - {e.day}{esfx} {_full(e)}",
        f"{d.day} and {e.day} {_full(d)}" if same else f"{d.day} {_full(d)} and {e.day} {_full(e)}",
        f"{_full(d)} {d.day}-{e.day}" if same else f"{_full(d)} {d.day} to {_full(e)} {e.day}",
        f"{d.day:02d}.{d.month:02d}.-{e.day:02d}.{e.month:02d}.{e.year}",
        f"{d.day}/{d.month} to {e.day}/{e.month}/{e.year % 100:02d}"
        if day_first
        else f"{d.month}/{d.day} to {e.month}/{e.day}/{e.year % 100:02d}",
        f"{d.day}{sfx} and {e.day}{esfx} {_mon(d)}"
        if same
        else f"{d.day} {_mon(d)} to {e.day} {_mon(e)}",
        f"{d.isoformat()} to {e.isoformat()}",
    ]
    return rng.choice(shapes)


def _month_year(rng: random.Random, d: dt.date) -> str:
    return rng.choice([f"{_full(d)} {d.year}", f"{_mon(d)} {d.year}", f"{d.month:02d}/{d.year}",
                       f"{_mon(d)} '{d.year % 100:02d}", f"{_mon(d)}-{d.year % 100:02d}"])  # fmt: skip


def _numeric(rng: random.Random, d: dt.date, day_first: bool) -> str:
    dm = (d.day, d.month) if day_first else (d.month, d.day)
    return rng.choice([f"{dm[0]}/{dm[1]}/{d.year}", f"{dm[0]:02d}/{dm[1]:02d}/{d.year % 100:02d}",
                       f"{d.day:02d}.{d.month:02d}.{d.year}", f"{dm[0]}-{dm[1]}-{d.year}"])  # fmt: skip


def _initials(rng: random.Random) -> str:
    return f"{letters(rng, 2)}/{letters(rng, rng.choice([2, 3]))}"


def _ref(rng: random.Random, year: int) -> str:
    """A letter's reference: initials, a year, a serial, in slashes, dashes and dots."""
    return rng.choice(
        [
            f"{_initials(rng)}/{digits(rng, 5)}",
            f"REF/{year}/{digits(rng, 5)}",
            f"{_initials(rng)}/{year}/{digits(rng, 4)}",
            f"{letters(rng, 2)}-{digits(rng, 4)}-{letters(rng, 1)}",
            f"{letters(rng, 3)}.{digits(rng, 6)}",
            f"{digits(rng, 2)}/{digits(rng, 4)}/{letters(rng, 2)}",
            f"{letters(rng, 2)}{digits(rng, 2)}/{digits(rng, 4)}",
            f"{letters(rng, 1)}/{year % 100}/{digits(rng, 4)}",
            f"{year}-{digits(rng, 5)}",
            f"{letters(rng, 3)}/{letters(rng, 3)}/{digits(rng, 3)}",
        ]
    )


def _phone(rng: random.Random, locale: str) -> str:
    if locale == "en_GB":
        return rng.choice([f"01{digits(rng, 3)} {digits(rng, 6)}", f"07{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
                           f"+44 {rng.randint(1, 7)}{digits(rng, 3)} {digits(rng, 6)}"])  # fmt: skip
    if locale == "en_AU":
        return rng.choice(
            [
                f"(0{rng.randint(2, 8)}) {digits(rng, 4)} {digits(rng, 4)}",
                f"04{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}",
            ]
        )
    if locale == "en_IE":
        return f"0{rng.randint(1, 9)}{digits(rng, 1)} {digits(rng, 3)} {digits(rng, 4)}"
    return f"({rng.randint(2, 9)}{digits(rng, 2)}) {rng.randint(2, 9)}{digits(rng, 2)}-{digits(rng, 4)}"


def _street(c: Correspondent) -> str:
    rng = c.rng
    kind = rng.choice(("Road", "Lane", "Close", "Crescent", "Street", "Avenue", "Drive", "Grove",
                       "Way", "Terrace", "Place"))  # fmt: skip
    line = f"{rng.randint(1, 240)} {c.fake.last_name()} {kind}"
    if rng.random() < 0.25:
        line = f"Flat {rng.randint(1, 30)}, {line}"
    return line


def _postcode(c: Correspondent) -> str:
    rng = c.rng
    if c.locale == "en_GB":
        return f"{letters(rng, 2)}{rng.randint(1, 19)} {rng.randint(1, 9)}{letters(rng, 2)}"
    if c.locale == "en_IE":
        return f"{letters(rng, 1)}{digits(rng, 2)} {letters(rng, 1)}{digits(rng, 1)}{letters(rng, 1)}{digits(rng, 1)}"
    if c.locale == "en_CA":
        a = letters(rng, 3)
        return f"{a[0]}{rng.randint(1, 9)}{a[1]} {rng.randint(1, 9)}{a[2]}{rng.randint(1, 9)}"
    if c.locale in {"en_AU", "en_NZ"}:
        return digits(rng, 4)
    if c.locale == "en_IN":
        return f"{rng.randint(1, 8)}{digits(rng, 5)}"
    return digits(rng, 5)


def _fill(c: Correspondent, slot: str) -> Part:
    rng = c.rng
    if slot in {"gp", "consultant"}:
        return pii(c.gp if slot == "gp" else c.consultant, "NAME", "staff")
    if slot == "state":
        return lit(rng.choice(_STATES.get(c.locale, ("",))))
    if slot == "national_label":
        return lit(rng.choice(_NATIONAL_LABEL))
    if slot in {"name", "name_title", "name_first", "name_upper", "relative"}:
        text = {
            "name": f"{c.first} {c.last}",
            "name_title": f"{c.title} {c.last}"
            if rng.random() < 0.6
            else f"{c.title} {c.first} {c.last}",
            "name_first": c.first,
            "name_upper": f"{c.last.upper()}, {c.first}",
            "relative": c.relative,
        }[slot]
        return pii(text, "NAME", "direct", CATEGORY[slot])
    day = dt.date(2024, 1, 8) + dt.timedelta(days=rng.randrange(700))
    year = day.year
    df = c.day_first
    values: dict[str, tuple[str, str]] = {
        "street": (_street(c), "LOCATION"),
        "town": (c.town, "LOCATION"),
        "postcode": (_postcode(c), "LOCATION"),
        "dob": (_dob(rng, c.dob, df), "DATE"),
        "date": (_date(rng, day, df), "DATE"),
        "date_header": (_header(rng, day, df), "DATE"),
        "date_numeric": (_numeric(rng, day, df), "DATE"),
        "date_range": (_range(rng, day, df), "DATE"),
        "ordinal_date": (_ordinal(rng, day), "DATE"),
        "weekday_date": (_weekday_date(rng, day, df), "DATE"),
        "weekday_day": (_weekday_day(rng, day), "DATE"),
        "wc_date": (_wc(rng, day), "DATE"),
        "seen_day": (_seen(rng, day), "DATE"),
        "day_only": (f"{day.day}{day_suffix(day.day)}", "DATE"),
        "month_year": (_month_year(rng, day), "DATE"),
        "age": (rng.choice([f"aged {rng.randint(90, 101)}", f"{rng.randint(90, 101)} years old", f"a {rng.randint(90, 101)}-year-old"]), "AGE"),
        "phone": (_phone(rng, c.locale), "CONTACT"),
        "email": (f"{c.first.lower()}.{c.last.lower().replace(' ', '')}{rng.randint(1, 99)}@{rng.choice(['btinternet.com', 'eircom.net', 'bigpond.com', 'xtra.co.nz', 'mail.example'])}", "CONTACT"),
        "national": (f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 4)}" if rng.random() < 0.7 else digits(rng, 10), "ID"),
        "chi": (f"{c.dob.day:02d}{c.dob.month:02d}{c.dob.year % 100:02d}{digits(rng, 4)}", "ID"),
        "ppsn": (f"{digits(rng, 7)}{letters(rng, rng.choice([1, 2]))}", "ID"),
        "medicare_au": (f"{rng.randint(2, 6)}{digits(rng, 3)} {digits(rng, 5)} {rng.randint(1, 9)}", "ID"),
        "nhi": (f"{letters(rng, 3)}{digits(rng, 4)}", "ID"),
        "ohip": (f"{digits(rng, 4)}-{digits(rng, 3)}-{digits(rng, 3)}-{letters(rng, 2)}", "ID"),
        "aadhaar": (f"{rng.randint(2, 9)}{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 4)}", "ID"),
        "ni": (f"{letters(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {digits(rng, 2)} {rng.choice('ABCD')}", "ID"),
        "hospital_no": (rng.choice([f"{letters(rng, 1)}{digits(rng, 6)}", f"RX{digits(rng, 7)}", f"K{digits(rng, 7)}", digits(rng, 8)]), "ID"),
        "membership": (rng.choice([f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 2)}", f"M{digits(rng, 8)}", f"{letters(rng, 3)}-{digits(rng, 6)}"]), "ID"),
        "policy": (rng.choice([f"{letters(rng, 2)}{digits(rng, 7)}", f"POL/{digits(rng, 6)}/{letters(rng, 1)}", f"{digits(rng, 3)}-{digits(rng, 6)}"]), "ID"),
        "passport": (rng.choice([digits(rng, 9), f"{letters(rng, 2)}{digits(rng, 7)}"]), "ID"),
        "permit": (f"{letters(rng, 1)}{digits(rng, 5)}", "ID"),
        "our_ref": (_ref(rng, year), "ID"),
        "your_ref": (_ref(rng, year), "ID"),
        "booking": (rng.choice([letters(rng, 6), f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}{letters(rng, 2)}", f"{letters(rng, 2)}{digits(rng, 1)}-{digits(rng, 2)}{letters(rng, 1)}", f"BK{digits(rng, 6)}"]), "ID"),
        "appt_id": (rng.choice([f"A{digits(rng, 7)}", f"{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}", f"APT-{digits(rng, 5)}"]), "ID"),
        "ubrn": (f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", "ID"),
        "claim": (rng.choice([f"CLM {digits(rng, 3)} {digits(rng, 4)}", f"{digits(rng, 8)}", f"C-{digits(rng, 6)}-{letters(rng, 2)}", f"{letters(rng, 2)}{digits(rng, 2)}/{digits(rng, 5)}"]), "ID"),
        "auth": (rng.choice([f"PA-{year}-{digits(rng, 6)}", f"{letters(rng, 2)}{digits(rng, 8)}", f"AUTH{digits(rng, 6)}"]), "ID"),
        "precert": (rng.choice([digits(rng, 8), f"{digits(rng, 4)}-{letters(rng, 1)}{digits(rng, 3)}"]), "ID"),
        "ifr": (rng.choice([f"IFR/{year}/{digits(rng, 3)}", f"IFR-{digits(rng, 4)}"]), "ID"),
        "ref_slash": (_ref(rng, year), "ID"),
        "ref_code": (rng.choice([f"{letters(rng, 2)}-{digits(rng, 4)}-{letters(rng, 1)}", f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 3)}"]), "ID"),
        "complaint": (rng.choice([f"C/{year % 100}/{digits(rng, 4)}", f"COMP-{digits(rng, 5)}", f"{year}/{digits(rng, 4)}/PR"]), "ID"),
        "case_no": (rng.choice([f"{year}-{digits(rng, 5)}", f"PALS{digits(rng, 5)}", f"{digits(rng, 6)}", f"CN-{digits(rng, 4)}-{letters(rng, 1)}"]), "ID"),
        "incident": (rng.choice([f"INC{digits(rng, 7)}", f"IR-{digits(rng, 5)}", f"W{digits(rng, 6)}"]), "ID"),
        "datix": (digits(rng, rng.choice([5, 6])), "ID"),
        "ticket": (rng.choice([f"#{digits(rng, 5)}", f"T-{digits(rng, 6)}", f"ENQ{digits(rng, 6)}", f"{letters(rng, 3)}-{digits(rng, 4)}"]), "ID"),
        "sar": (rng.choice([f"SAR/{year}/{digits(rng, 4)}", f"SAR-{digits(rng, 5)}"]), "ID"),
        "tracking": (rng.choice([f"{letters(rng, 2)} {digits(rng, 4)} {digits(rng, 4)} {rng.choice(['GB', 'IE', 'AU'])}", f"1Z{digits(rng, 3)}{letters(rng, 2)}{digits(rng, 10)}", f"{letters(rng, 2)}{digits(rng, 9)}{letters(rng, 2)}"]), "ID"),
        "job": (rng.choice([digits(rng, 6), f"J{digits(rng, 6)}"]), "ID"),
        "kit": (rng.choice([f"KIT-{digits(rng, 6)}", f"{letters(rng, 2)}{digits(rng, 6)}{letters(rng, 1)}"]), "ID"),
        "voucher": (rng.choice([f"V-{digits(rng, 5)}-{letters(rng, 1)}", f"{letters(rng, 4)}-{letters(rng, 4)}", f"{letters(rng, 3)}{digits(rng, 4)}"]), "ID"),
        "loyalty": (rng.choice([f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}", f"{digits(rng, 12)}"]), "ID"),
        "referral": (rng.choice([f"R{digits(rng, 7)}", f"REF-{digits(rng, 6)}"]), "ID"),
        "file_no": (rng.choice([f"F/{digits(rng, 5)}/{year % 100}", f"{letters(rng, 2)}-{digits(rng, 5)}"]), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, c: Correspondent) -> list[Part]:
    return render_slots(template, lambda slot: _fill(c, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "clinic_letters") -> list[dict[str, Any]]:
    """`n` letters of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n,
        seed,
        split,
        TEMPLATES[split],
        lambda rng: Correspondent(rng, fakers),
        render,
        between="\n\n",
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="clinic_letters",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
