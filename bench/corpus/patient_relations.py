"""A hospital's patient-relations office: grievance letters, replies, logs and intake forms.

A HELD-OUT other voice for issue 13, written on 2026-12-02 (engineer 06) and committed before
its first measurement, which was taken at the detector code of main 28066f9. Nobody tunes on
it: read its aggregate figures and per-category leak counts only (`--show 0`).

The voice: what a patient advocate's office receives and sends. Families' complaint letters
with a sender's address block and a received stamp; the office's acknowledgement and
resolution letters ("Re: Grievance PR-2025-0412"); e-mail replies with the family's original
quoted below ("> Dad came in through the ED..."); a weekly grievance log as a plain-text table;
telephone-intake forms; faxed records-request complaints; lost-property claims for hearing
aids and CPAP machines; tow and parking disputes; privacy complaints (a statement mailed to the
wrong house, a portal login from an unknown address, a palm-vein scan at registration). Names
come from Faker's en_US, en_PK, ig_NG, es_CA, en_TH and sw (no other generator draws from
them), with nicknames in quotes and header forms; towns and roads from this module's own
invented lists and Faker's en_US city(). Every Safe Harbor category is planted; clean office
documents (agendas, tallies, letter templates with placeholders) carry none.

    python -m bench.corpus.patient_relations --n 3
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
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

LOCALES = ("en_US", "en_US", "en_US", "en_PK", "ig_NG", "es_CA", "en_TH", "sw")

TEMPLATES: dict[str, list[str]] = {
    "patient_relations": [
        # 0 a family's complaint letter
        "{complainant}\n{street}\n{town}, {state} {zip}\n{phone}\n\n{date}\n\nPatient "
        "Relations\n{hospital}\n\nTo Whom It May Concern:\n\nI am writing to file a formal "
        "grievance about the care my {rel} received on the sixth floor from {prose_date} until "
        "{prose_date2}. My {rel}, {name} (date of birth {dob}, MRN {mrn}), waited more than "
        "four hours for pain medication after surgery and the call light was not answered. "
        "The night nurse, {nurse}, told us the floor was short. I expect a written "
        "response.\n\nSincerely,\n\n{complainant}",
        # 1 the office's acknowledgement
        "{date}\n\n{complainant}\n{street}\n{town}, {state} {zip}\n\nRe: Grievance {case}\n"
        "Patient: {name}\n\nDear {title}{complainant_last},\n\nThank you for contacting the "
        "Patient Relations office at {hospital}. We received your concerns on {prose_date} "
        "and have shared them with the unit leadership. You will receive a written response "
        "within seven days. If you have questions, call me at extension 4-2210.\n\n"
        "Respectfully,\n{advocate}\nPatient Advocate",
        # 2 an e-mail reply with the original quoted
        "From: Patient Relations\nSent: {sent}\nTo: {email}\nSubject: RE: my father's hearing "
        "aid\n\nDear {complainant_first},\n\nI have opened lost-property claim {claim} for the "
        "hearing aid (serial {serial}). Security searched the unit and the linen room. Our "
        "risk office will contact you by {prose_date2}.\n\n{advocate}\n\n-----Original "
        "Message-----\nFrom: {complainant} <{email}>\nSent: {sent2}\n\n> Dad ({name}) came in "
        "through the ED and his left hearing aid went missing\n> somewhere between the ED and "
        "{room}. It is a Phonak, serial {serial}.\n> We paid $2,400 for it. His account "
        "number is {account}.",
        # 3 the weekly grievance log, a plain-text table
        "GRIEVANCE LOG  wk of {date}\n\nCase #        | Rec'd       | Patient                "
        "  | Unit | Category       | Status\n--------------+-------------+-----------------"
        "---------+------+----------------+-------\n{case}  | {date2} | {name_hdr}  | 6W   "
        "| Communication  | Open\n{case2}  | {date3} | {other_hdr}  | ED   | Billing        "
        "| Closed",
        # 4 telephone intake form
        "PATIENT RELATIONS - TELEPHONE INTAKE\nTaken by: {advocate}      Date/time: {sent}\n"
        "Caller: {complainant}     Relationship: {rel}\nCallback #: {phone}    Alt: {phone2}\n"
        "Patient name: {name}        DOB: {dob}\nMRN: {mrn}      Acct: {account}\nSummary: "
        "caller states pt was discharged at 11pm without a ride; pt is {age} and lives alone "
        "in {town}. Requests a call from the manager.\nFollow-up due: {prose_date2}",
        # 5 privacy complaint: a statement at the wrong house
        "Subject: Privacy complaint - wrong address\n\nHello,\n\nA statement for {name} was "
        "mailed to my house at {street} instead of hers. It shows her Social Security number "
        "({ssn}), her insurance member ID {member} and account {account}. I shredded it but "
        "you need to fix this.\n\n{complainant}\n{phone}",
        # 6 privacy complaint: a portal login
        "I got an alert that someone logged into my patient portal on {prose_date} from "
        "{ip}. It was not me. My account is tied to {email}. I want to know who looked at my "
        "records and why.\n-- {name}, MRN {mrn}",
        # 7 a tow dispute referred by security
        "Security / Parking referral\nComplainant: {complainant}\nVehicle: {car}, plate "
        "{plate}, VIN {vin}\nTow ticket {tow} issued {prose_date} in Garage B while visiting "
        "{name} on 4 North.\nRequests refund of the $185 tow fee. Driver's license on file: "
        "{license}.",
        # 8 a faxed records-request complaint
        "FAX   {fax}   {sent}   p.1/2\nTO: Patient Advocate\nFROM: {complainant}\nRE: "
        "{name_hdr}   DOB {dob}\n\nI requested the complete medical record on {prose_date} "
        "and still have not received it. Please send the records for my {rel} to {street}, "
        "{town} {zip}, or fax them back to {fax}. A copy of my driver's license ({license}) "
        "and the power of attorney are attached.",
        # 9 a palm-vein scan objection
        "Dear Patient Advocate,\n\nAt registration on {prose_date} I was told I had to scan "
        "my palm. I do not consent. Please delete my palm-vein template {biometric} and "
        "confirm in writing to {email}.\n\n{name}\n{street}\n{town}, {state} {zip}",
        # 10 photos of an injury
        "Attached are the photos I took of Mom's face and arms after the fall ({photo}). She "
        "is {age}, bruised from her eye to her chin, and nobody called me until the next "
        "morning.   - {complainant_first}",
        # 11 a manager's service-recovery note
        "Manager note: {name} posted a one-star review at {url} about the ED wait on "
        "{prose_date}. Service recovery: call {phone}, offer parking validation. Case {case}.",
        # 12 the resolution letter
        "{date}\n\nPERSONAL AND CONFIDENTIAL\n\n{name}\n{street}\n{town}, {state} {zip}\n\n"
        "Re: Your grievance ({case})\n\nDear {title}{name_last},\n\nWe have completed our "
        "review of the concerns you raised about your stay from {prose_date} to "
        "{prose_date2}. The nurse manager met with the staff involved and we have changed how "
        "we tell families about delays. We are sorry for your experience.\n\nIf you are not "
        "satisfied with this response you may contact the state Department of Health.\n\n"
        "Sincerely,\n\n{advocate}\nDirector, Patient Experience\ncc: Dr. {doctor}",
        # 13 internal routing e-mail
        "To: Nurse Manager, 5 East\nFrom: {advocate}\nSubject: Grievance {case} - response "
        "due {prose_date2}\n\nHi - family of {title}{name_last} ({room}) says the call light "
        "went unanswered for 45 min on nights {prose_date}. Daughter {complainant} can be "
        "reached at {phone}. Please send me your findings.\n\nThanks",
        # 14 a CPAP machine sent home with someone else
        "{name}'s CPAP (ResMed AirSense, S/N {serial}) was sent home with another patient "
        "when he transferred to {facility} on {prose_date}. His wife {complainant} wants it "
        "back before the weekend: {phone} or {email}.",
        # 15 a mailing-address change
        "Please update the mailing address for {name} (MRN {mrn}):\n    {street}\n    {town}, "
        "{county} County\n    {state} {zip}\nAll bills since {prose_date} went to the old "
        "address. Health plan ID {member}.",
        # 16 a death certificate error
        "My mother, {name}, died on {prose_date} at the age of {age}. Her death certificate "
        "({certificate}) lists the wrong hospital and the funeral home cannot correct it "
        "without a letter from you. I can be reached at {phone}.\n\n{complainant}",
        # 17 a handwritten note retyped by the office
        "[retyped from handwritten letter, rec'd {received}]\n\nto the person in charge - "
        "my {rel} {name_lower} was in {room} and they lost the dentures and the glasses. "
        "my {rel} is {age}. nobody will call me back. my number is {phone}. {complainant_first} "
        "{complainant_last}",
        # clean: no patient in them
        "PATIENT EXPERIENCE COMMITTEE - AGENDA\n1. Q3 grievance trends (142 received, 61% "
        "closed within 7 days)\n2. Interpreter response times\n3. Lost property: dentures and "
        "hearing aids\n4. New letter templates\nMeets in the Board Room, 2nd floor.",
        "Reminder to all advocates: a grievance needs a written response within 7 days, or a "
        "letter saying when the review will be finished. Log every call the same day.",
        "Category            Jan   Feb   Mar\nCommunication        31    27    35\nBilling     "
        "         18    22    19\nLost belongings       9    11     7\nWait times           "
        "24    30    28",
        "Template - acknowledgement letter\n\nDear [Name],\n\nThank you for sharing your "
        "concerns. We have assigned case number [####] and will respond within seven days.",
        "Lost and found: unclaimed items are kept 30 days in Security (B1). Hearing aids and "
        "dentures go to the advocate office, not Security.",
        "Service recovery tools: parking vouchers ($10), meal tickets, the gift shop card. "
        "Approval is needed above $50.",
        "Interpreter line for Spanish, Mandarin and Somali is now option 3. Video "
        "interpreters are on the iPads in each unit's med room.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_hdr": "names",
    "name_lower": "names",
    "name_last": "names",
    "other_hdr": "names",
    "complainant": "names",
    "complainant_first": "names",
    "complainant_last": "names",
    "street": "geographic subdivisions",
    "town": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "county": "geographic subdivisions",
    "hospital": "geographic subdivisions",
    "facility": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "date2": "dates",
    "date3": "dates",
    "prose_date": "dates",
    "prose_date2": "dates",
    "sent": "dates",
    "sent2": "dates",
    "received": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "phone2": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "ssn": "social security numbers",
    "mrn": "medical record numbers",
    "member": "health plan beneficiary numbers",
    "account": "account numbers",
    "case": "any other unique number",
    "case2": "any other unique number",
    "claim": "any other unique number",
    "tow": "any other unique number",
    "license": "certificate/license numbers",
    "certificate": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "vin": "vehicle identifiers",
    "serial": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "biometric": "biometric identifiers",
    "photo": "full-face photographs",
}
QUASI = frozenset(
    {
        "town",
        "zip",
        "county",
        "hospital",
        "facility",
        "date",
        "date2",
        "date3",
        "prose_date",
        "prose_date2",
        "sent",
        "sent2",
        "received",
        "age",
    }
)

# Invented places: no gazetteer lists them.
_TOWNS = ("Marrowfield", "Pelham Crossing", "Dunmore Heights", "Ashby Fork", "Lower Kittering",
          "Vance Hollow", "Glenrock", "Tarrant Mills", "Cyprus Bay", "Halleck", "North Amberly",
          "Saint Olaf", "Brisco", "Fennimore Station", "Oakum", "Lydgate")  # fmt: skip
_ROADS = ("Larkspur", "Tamarind", "Carriage House", "Old Orchard", "Bexley", "Greystone",
          "Magnolia Bend", "Pecan", "Stonecrop", "Ellery", "Rook", "Vinegar Hill")  # fmt: skip
_SUFFIX = ("Road", "Terrace", "Pl", "Pkwy", "Trail", "Ct", "Avenue", "St.", "Drive", "Cir")
_COUNTIES = ("Kittering", "Bexar Hollow", "Amberly", "Tarrant Creek", "Wexley", "Pendle")
_STATES = ("TX", "GA", "NC", "TN", "AL", "SC", "Texas", "Georgia")
_HOSPITALS = ("St. Cuthbert Medical Center", "Alderbrook University Hospital",
              "Greyfield Memorial", "Tallis Regional Medical Center")  # fmt: skip
_FACILITIES = ("Brookhollow Rehab", "Kittering Manor", "the Glenrock skilled nursing facility",
               "Sandhill Post-Acute")  # fmt: skip
_RELS = ("mother", "father", "husband", "wife", "son", "daughter", "grandmother", "aunt")
_CARS = ("2014 Honda CR-V", "gray Camry", "blue F-150", "2019 Kia Soul", "white Odyssey")
_STAFF = {
    "advocate": ("Renata Solberg", "Tom Whitlock", "Delphine Achterberg", "Gus Fairweather"),
    "nurse": ("Brenda", "Kwame", "Solveig", "Marisol"),
    "doctor": ("Vasquez-Orr", "Lindqvist", "Amadi", "Pemberton"),
}
_CALLING = {  # a relative abroad gives the number as it is dialled at home
    "en_PK": ("+92 3{a} {b}", 2, 7),
    "ig_NG": ("+234 80{a} {b}", 1, 7),
    "es_CA": ("+34 6{a} {b}", 2, 6),
    "en_TH": ("+66 8{a} {b}", 1, 7),
    "sw": ("+255 7{a} {b}", 2, 6),
}


class Person:
    """One patient, the relative who writes in, a second patient for the log, and a home."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = rng.choice(LOCALES)
        self.fake = fakers[self.locale]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.comp_first = self.fake.first_name()
        self.comp_last = self.last if rng.random() < 0.6 else self.fake.last_name()
        self.other = (self.fake.first_name(), self.fake.last_name())
        self.rel = rng.choice(_RELS)
        self.dob = dt.date(1928, 1, 1) + dt.timedelta(days=rng.randrange(365 * 70))
        us = fakers["en_US"]
        self.town = rng.choice(_TOWNS) if rng.random() < 0.6 else us.city()
        self.state = rng.choice(_STATES)
        self.hospital = rng.choice(_HOSPITALS)
        self.day = dt.date(2025, 1, 27) + dt.timedelta(days=rng.randrange(620))
        # a value a document repeats (the e-mail in a quoted reply, a serial, the case number)
        self.seen: dict[str, Part] = {}


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year}",
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{d.strftime('%B')} {d.day}, {d.year}",
            f"{d.strftime('%b')} {d.day}, {d.year}",
            f"{d.day:02d}-{d.strftime('%b').upper()}-{d.year}",
            f"{d.year}-{d.month:02d}-{d.day:02d}",
            f"{d.strftime('%B')} {d.day}{day_suffix(d.day)}, {d.year}",
            f"{d.month}.{d.day}.{d.year % 100:02d}",
        ]
    )


def _prose(rng: random.Random, d: dt.date) -> str:
    """A date as a family writes it in a letter."""
    return rng.choice(
        [
            f"{d.strftime('%B')} {d.day}{day_suffix(d.day)}",
            f"{d.strftime('%A')}, {d.strftime('%B')} {d.day}",
            f"{d.month}/{d.day}",
            f"{d.strftime('%B')} {d.day}",
            f"the {d.day}{day_suffix(d.day)}",
            f"{d.strftime('%A')} the {d.day}{day_suffix(d.day)}",
            f"{d.strftime('%b')} {d.day}",
            f"{d.day} {d.strftime('%B')}",
            f"{d.strftime('%B')} {d.day}, {d.year}",
            f"{d.month}/{d.day}/{d.year % 100:02d}",
        ]
    )


def _sent(rng: random.Random, d: dt.date) -> str:
    h, m = rng.randint(1, 12), rng.randint(0, 59)
    return rng.choice(
        [
            f"{d.strftime('%A')}, {d.strftime('%B')} {d.day}, {d.year} {h}:{m:02d} {rng.choice(['AM', 'PM'])}",
            f"{d.month}/{d.day}/{d.year} {h}:{m:02d}{rng.choice(['a', 'p'])}",
            f"{d.strftime('%a')} {d.strftime('%b')} {d.day} {d.year} {rng.randint(7, 19):02d}{m:02d}",
        ]
    )  # fmt: skip


def _street(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.1:
        return f"P.O. Box {rng.randint(10, 9999)}"
    line = f"{rng.randint(3, 24999)} {rng.choice(_ROADS)} {rng.choice(_SUFFIX)}"
    if r < 0.3:
        line += f", Apt. {rng.randint(1, 40)}{rng.choice('ABCD')}"
    elif r < 0.4:
        line += f" Lot {rng.randint(1, 80)}"
    elif r < 0.5:
        line = f"{rng.randint(3, 24999)} {rng.choice('NSEW')} {rng.choice(_ROADS)} {rng.choice(_SUFFIX)}"
    return line


def _us_phone(rng: random.Random) -> str:
    a = f"{rng.randint(2, 9)}{digits(rng, 2)}"
    b = f"{rng.randint(2, 9)}{digits(rng, 2)}"
    c = digits(rng, 4)
    return rng.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"{a} {b} {c}",
                       f"({a}){b}-{c}", f"{a}-{b}-{c} ext {rng.randint(2, 499)}",
                       f"1 {a} {b}-{c}"])  # fmt: skip


def _phone(p: Person) -> str:
    rng = p.rng
    if p.locale in _CALLING and rng.random() < 0.5:
        shape, na, nb = _CALLING[p.locale]
        return shape.format(a=digits(rng, na), b=digits(rng, nb))
    return _us_phone(rng)


def _name_full(rng: random.Random, first: str, last: str) -> str:
    r = rng.random()
    if r < 0.55:
        return f"{first} {last}"
    if r < 0.7:
        return f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}"
    if r < 0.8 and len(first) >= 6:
        return f'{first} "{first[: 4 if len(first) >= 7 else 3]}" {last}'
    if r < 0.9:
        return f"{first.upper()} {last.upper()}"
    return f"{first} {last}".title()


def _header(rng: random.Random, first: str, last: str) -> str:
    return rng.choice([f"{last.upper()}, {first.upper()}", f"{last.upper()},{first.upper()}",
                       f"{last}, {first}", f"{last.upper()}, {first} {rng.choice('ABCDEFGHJKLM')}"])  # fmt: skip


def _ident(rng: random.Random, slot: str, p: Person, day: dt.date) -> str:
    """The identifier shapes an office types or copies from a form."""
    yr = day.year
    shapes: dict[str, list[str]] = {
        "case": [f"PR-{yr}-{digits(rng, 4)}", f"GRV{yr % 100}-{digits(rng, 5)}",
                 f"{yr}-PR-{digits(rng, 4)}", f"PE#{digits(rng, 5)}", f"C-{digits(rng, 7)}"],
        "claim": [f"LP-{digits(rng, 6)}", f"RISK-{yr % 100}-{digits(rng, 4)}", digits(rng, 7)],
        "tow": [f"T{digits(rng, 6)}", f"{digits(rng, 2)}-{digits(rng, 5)}", f"TT {digits(rng, 7)}"],
        "member": [f"{letters(rng, 3)}{digits(rng, 9)}", f"{letters(rng, 3)}{digits(rng, 8)}-01",
                   f"{rng.randint(1, 9)}{letters(rng, 1)}{letters(rng, 1)}{digits(rng, 1)}-{letters(rng, 1)}{letters(rng, 1)}{digits(rng, 1)}-{letters(rng, 2)}{digits(rng, 2)}",
                   f"H{digits(rng, 10)}", f"{digits(rng, 8)}{letters(rng, 1)}"],
        "account": [digits(rng, 9), digits(rng, 10), f"{digits(rng, 3)}-{digits(rng, 6)}-{digits(rng, 2)}",
                    f"G{digits(rng, 8)}"],
        "mrn": [digits(rng, 7), digits(rng, 8), f"MR{digits(rng, 6)}", f"0{digits(rng, 7)}"],
        "ssn": [f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{digits(rng, 4)}",
                f"{rng.randint(100, 665)} {rng.randint(10, 99)} {digits(rng, 4)}",
                f"{rng.randint(100, 665)}{rng.randint(10, 99)}{digits(rng, 4)}"],
        "license": [f"{letters(rng, 1)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}",
                    f"{letters(rng, 1)}{digits(rng, 7)}", f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
                    f"{letters(rng, 1)}{digits(rng, 12)}", digits(rng, 8)],
        "certificate": [f"{yr}-{digits(rng, 6)}", f"{digits(rng, 3)}-{yr}-{digits(rng, 6)}",
                        f"DC{digits(rng, 8)}"],
        "plate": [f"{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 3)}", f"{letters(rng, 3)}-{digits(rng, 4)}",
                  f"{letters(rng, 2)} {digits(rng, 5)}", f"{digits(rng, 3)}-{letters(rng, 3)}",
                  f"{letters(rng, 3)} {digits(rng, 1)}{letters(rng, 2)}"],
        "vin": [vin(rng)],
        "serial": [f"{digits(rng, 4)}X{digits(rng, 4)}", f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}",
                   digits(rng, 11), f"{letters(rng, 2)}{digits(rng, 6)}-{letters(rng, 1)}{digits(rng, 2)}"],
        "biometric": [f"PSV-{digits(rng, 8)}", f"PV{digits(rng, 6)}{letters(rng, 1)}",
                      "".join(rng.choice("0123456789abcdef") for _ in range(12))],
        "photo": [f"IMG_{digits(rng, 4)}.HEIC", f"PXL_{day.strftime('%Y%m%d')}_{digits(rng, 9)}.jpg",
                  f"{p.comp_first.lower()}_mom_face_{digits(rng, 2)}.jpg", f"photo{digits(rng, 3)}.jpeg"],
    }  # fmt: skip
    return rng.choice(shapes[slot])


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


# Slots whose value stays the same each time one document names it.
_STABLE = frozenset(
    {"email", "serial", "mrn", "case", "account", "member", "ssn", "license", "phone"}
)


def _fill(p: Person, slot: str) -> Part:
    if slot in _STABLE:
        if slot not in p.seen:
            p.seen[slot] = _draw(p, slot)
        return p.seen[slot]
    return _draw(p, slot)


def _draw(p: Person, slot: str) -> Part:
    rng = p.rng
    if slot == "state":
        return lit(p.state)
    if slot == "rel":
        return lit(p.rel)
    if slot == "car":
        return lit(rng.choice(_CARS))
    if slot == "title":
        return lit(rng.choice(["Mr. ", "Ms. ", "Mrs. ", "Mx. ", ""]))
    if slot == "room":
        room = rng.choice([f"room {rng.randint(2, 9)}{rng.randint(10, 40)}",
                           f"rm {rng.randint(100, 999)}", f"bed {rng.randint(1, 30)}{rng.choice('AB')}"])  # fmt: skip
        return pii(room, "ROOM", "quasi")
    if slot in _STAFF:
        # workspace members (the advocate, the nurse, the doctor): not patients
        return pii(rng.choice(_STAFF[slot]), "NAME", "staff")
    first, last = p.first, p.last
    names = {
        "name": lambda: _name_full(rng, first, last),
        "name_hdr": lambda: _header(rng, first, last),
        "name_lower": lambda: f"{first.lower()} {last.lower()}",
        "name_last": lambda: last,
        "other_hdr": lambda: _header(rng, *p.other),
        "complainant": lambda: _name_full(rng, p.comp_first, p.comp_last),
        "complainant_first": lambda: p.comp_first,
        "complainant_last": lambda: p.comp_last,
    }
    if slot in names:
        return pii(names[slot](), "NAME", "direct", CATEGORY[slot])
    day = p.day - dt.timedelta(days=rng.randrange(21))
    if slot in {"case", "case2", "claim", "tow", "member", "account", "mrn", "ssn", "license",
                "certificate", "plate", "vin", "serial", "biometric", "photo"}:  # fmt: skip
        text, kind = _ident(rng, slot.rstrip("2"), p, day), "ID"
    else:
        user = f"{_ascii(p.comp_first)}{rng.choice(['.', '_', ''])}{_ascii(p.comp_last)}{rng.choice(['', str(rng.randint(1, 99))])}"
        values: dict[str, tuple[str, str]] = {
            "street": (_street(rng), "LOCATION"),
            "town": (p.town, "LOCATION"),
            "zip": (rng.choice([f"{rng.randint(30000, 79999)}", f"{rng.randint(30000, 79999)}-{digits(rng, 4)}"]), "LOCATION"),
            "county": (rng.choice(_COUNTIES), "LOCATION"),
            "hospital": (p.hospital, "LOCATION"),
            "facility": (rng.choice(_FACILITIES).removeprefix("the "), "LOCATION"),
            "dob": (_date(rng, p.dob), "DATE"),
            "date": (_date(rng, p.day + dt.timedelta(days=rng.randint(7, 14))), "DATE"),
            "date2": (_date(rng, day - dt.timedelta(days=rng.randint(1, 6))), "DATE"),
            "date3": (_date(rng, day - dt.timedelta(days=rng.randint(1, 6))), "DATE"),
            "prose_date": (_prose(rng, day), "DATE"),
            "prose_date2": (_prose(rng, p.day + dt.timedelta(days=rng.randint(1, 6))), "DATE"),
            "sent": (_sent(rng, day), "DATE"),
            "sent2": (_sent(rng, day - dt.timedelta(days=rng.randint(1, 4))), "DATE"),
            "received": (rng.choice([day.strftime("%b %d %Y").upper(), f"{day.month}/{day.day}/{day.year % 100:02d}"]), "DATE"),
            "age": (rng.choice([f"{rng.randint(90, 101)}", f"{rng.randint(90, 101)} years old", f"{rng.randint(90, 101)} yrs"]), "AGE"),
            "phone": (_phone(p), "CONTACT"),
            "phone2": (_us_phone(rng), "CONTACT"),
            "fax": (_us_phone(rng), "CONTACT"),
            "email": (f"{user}@{rng.choice(['gmail.com', 'aol.com', 'att.net', 'comcast.net', 'hotmail.com', 'family.example', 'mail.test'])}", "CONTACT"),
            "url": (rng.choice([f"https://www.yelp.example/biz/{p.hospital.split()[0].lower().strip('.')}-hospital?hrid={letters(rng, 6)}{digits(rng, 6)}",
                                f"https://www.facebook.com/{_ascii(p.first)}.{_ascii(p.last)}.{rng.randint(1, 99)}/posts/{digits(rng, 12)}",
                                f"gofundme.com/f/{_ascii(p.first)}-{_ascii(p.last)}-medical-bills",
                                f"https://g.page/r/{letters(rng, 4)}{digits(rng, 6)}/review"]), "CONTACT"),
            "ip": (rng.choice([f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                               f"2600:{rng.randint(1, 9999):x}:{rng.randint(1, 65535):x}::{rng.randint(1, 255):x}"]), "CONTACT"),
        }  # fmt: skip
        text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, person: Person) -> list[Part]:
    return render_slots(template, lambda slot: _fill(person, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "patient_relations") -> list[dict[str, Any]]:
    """`n` letters, e-mails, logs or forms of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n,
        seed,
        split,
        TEMPLATES[split],
        lambda rng: Person(rng, fakers),
        render,
        between="\n\n---\n\n",
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="patient_relations",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
