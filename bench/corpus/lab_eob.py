"""Lab requisitions and insurers' explanation-of-benefits prose: a DEV voice, tuned on.

Written on 2026-12-02 by the dates/places/identifiers pass of issue 13 and committed before its
first measurement. Unlike the other voices this one is for tuning: the already-measured
corpora (`call_centre`, `front_desk`, `referral_mail`, `harbor_after`, `pharmacy_fax`) stay
held out, and this split is where the dates, places and identifier rules are developed. Report
its figures as dev figures, never as evidence.

The voice: the slip a phlebotomist fills in and a lab retypes (specimen labels, requisition
fields glued to their labels, collection times), and the letters an insurer writes about a
claim (explanation of benefits, denials, appeals), pasted into chat. Its own street, town and
county parts (towns led by East/West/Lake/Port/New, addresses with units, a city span ending
a sentence), dates in the shapes issue 13 lists (spelled-out days, "Jul 16:", month/year in a
history, note-header dates, weekday abbreviations before a date), identifiers with letters,
and every Safe Harbor category planted. Patients' names come from Faker's en_US, en_GB, pt_BR
and sv_SE. Scored like `safe_harbor`: a planted value leaks when an identifying token of it
survives `scan --redact`.

    python -m bench.corpus.lab_eob --n 3
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

LOCALES = ("en_US", "en_US", "en_GB", "pt_BR", "sv_SE")

TEMPLATES: dict[str, list[str]] = {
    "lab_eob": [
        # requisition slips and specimen labels
        "LAB REQUISITION\nPatient: {name_upper}  DOB {dob}  Sex F\nAddr: {street}, {city}, {state} "
        "ZIP {zip}\nOrdering: Dr. {clinician}  NPI on file  Fax: {fax}\nTests: CBC w/ diff, CMP, "
        "lipid panel, HbA1c\nCollected {collected}",
        "Specimen label: {name_upper} | MRN:{mrn} | Acc#{accession} | {collected}",
        "Req for {name}, chart{mrn_glued}, drawn {weekday_date} by the mobile unit at {street}. "
        "Tubes: 2 lavender, 1 SST. Fasting 12 h.",
        "Lab called {month_day_colon} critical K 6.4 on {name}, repeat ordered; read back to "
        "Dr. {clinician}.",
        "{header_date} - LAB NOTE\n{name} seen for a glucose tolerance test. Hx: CABG x 3 in "
        "{history}, DVT {history}. Lives in {city}. Daughter drives her.",
        "Courier log: specimen box for {name} picked up from {institution} on {spelled}; driver "
        "plate {plate}, VIN {vin}.",
        "Phlebotomy home draw: {name}, {street}, {city} {zip}, {county}. Contact {relative} at "
        "{phone}. Device on file: glucometer SN {serial}.",
        "Requisition error: {name}'s card reads member {member_glued}, but the lab has plan "
        "{member}. Please confirm with the patient at {email}.",
        # explanation of benefits, denials, appeals
        "EXPLANATION OF BENEFITS\nMember: {name}\nMember ID: {member}\nGroup #: {group}\n"
        "Claim #: {claim}\nDate of service: {date}\nProvider: {institution}\nAmount billed "
        "$412.00  Allowed $188.40  You owe $37.68",
        "Dear {name}, we received your claim {claim} for services on {spelled}. It was denied "
        "because the referral on file expired {date}. You may appeal within 180 days by fax to "
        "{fax} or by mail to PO Box {pobox}, {city}, {state} {zip}.",
        "Appeal letter re {name} (member {member}, acct {account}): the infusion given {range} "
        "was medically necessary. The patient moved from {old_city} to {city} in {history}.",
        "Coordination of benefits: {name} is also covered under the spouse's plan, ID "
        "{member}, certificate no. {certificate}. Primary since {history}.",
        "Our records show {name}, {age}, of {county}, used the portal at {url} from {ip} on "
        "{date}. Biometric login id {biometric} was reset.",
        "Claim {claim} for {name} was reprocessed {date}. Driver's licence {license} and "
        "photo {photo} were accepted as proof of identity.",
        "{relative} called on behalf of {name} (DOB {dob}), SSN {ssn}, about the bill for "
        "{spelled}. Callback {phone}.",
        "Member {name} lives at {street}, {city}. {state} {zip}. Effective date {date}; "
        "termination date {date}.",
        # clean: no patient in them
        "Reminder: label every tube at the bedside with two identifiers; unlabeled specimens are "
        "rejected and must be redrawn.",
        "Reference ranges for potassium change on the 1st: 3.5-5.1 mmol/L. Hemolysed samples "
        "read high; redraw if K > 5.5 and the sample is pink.",
        "EOB codes: CO-45 charge exceeds fee schedule; PR-1 deductible; PR-2 coinsurance; "
        "CO-97 bundled. Appeals go to the claims team, ext 4410.",
        "The courier runs at 10:30 and 15:00 Monday to Friday; Saturday pickups only on request. "
        "Cold packs in the blue cooler.",
        "Prior-auth is not needed for CPT 80053 or 85025 under the commercial plans; Medicare "
        "Advantage needs an ABN for the vitamin D panel.",
    ],
}

CATEGORY = {
    "name": "names",
    "name_upper": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "city": "geographic subdivisions",
    "old_city": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "county": "geographic subdivisions",
    "institution": "geographic subdivisions",
    "pobox": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "collected": "dates",
    "weekday_date": "dates",
    "month_day_colon": "dates",
    "header_date": "dates",
    "history": "dates",
    "spelled": "dates",
    "range": "dates",
    "age": "dates",
    "phone": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "ssn": "social security numbers",
    "mrn": "medical record numbers",
    "mrn_glued": "medical record numbers",
    "accession": "medical record numbers",
    "member": "health plan beneficiary numbers",
    "member_glued": "health plan beneficiary numbers",
    "group": "health plan beneficiary numbers",
    "account": "account numbers",
    "claim": "any other unique number",
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
    {"city", "old_city", "zip", "county", "institution", "date", "collected", "weekday_date"}
    | {"month_day_colon", "header_date", "history", "spelled", "range"}
)

_STREETS = (
    "Ridgeview", "Hawthorne", "Copperleaf", "Bramble", "Gullwing", "Pennyroyal", "Larchmont",
    "Saddle Creek", "Ironwood", "Belvedere", "Whistler", "Heron Pond", "Amberly", "Chisholm",
    "Foxglove", "Mariner", "Thistle", "Grange Hall", "Kingfisher", "Sawmill",
)  # fmt: skip
_SUFFIX = ("Street", "St.", "Avenue", "Ave.", "Road", "Drive", "Lane", "Court", "Circle",
           "Terrace", "Boulevard", "Place", "Trail", "Parkway", "Row", "Loop", "Crossing")  # fmt: skip
_UNITS = ("Apt.", "Apartment", "Unit", "Ste", "Suite", "Bldg", "Lot", "Fl", "Rm", "#")
_TOWN_HEAD = ("East", "West", "Lake", "Port", "New", "South", "Glen", "")
_TOWN_BASE = (
    "Ellery", "Norwood", "Brackett", "Talbot", "Wynmoor", "Sorrento", "Aldridge", "Quinton",
    "Harrow", "Belfry", "Marston", "Lindell", "Corwin", "Bexley", "Stanwick", "Redmire",
)  # fmt: skip
_COUNTY = ("Tioga", "Bannock", "Presque Isle", "Shawano", "Kanabec", "Okanogan", "Tillamook",
           "Lamoille", "Bourbon", "Humboldt", "Yolo", "De Kalb", "St. Lawrence", "Fond du Lac")  # fmt: skip
_STATES = ("NY", "ID", "WI", "MN", "OR", "VT", "KY", "CA", "IN", "MI", "Iowa", "Maine", "Ohio")
_INSTITUTIONS = (
    "Quinton Valley Labs", "Harrow Street Draw Station", "St. Agnes Regional",
    "Bexley Family Practice", "Lakeside Diagnostic Imaging", "Redmire Urgent Care",
    "Holy Cross Outpatient Lab", "Marston Clinic",
)  # fmt: skip


class Member:
    """One patient, a relative and one clinician, so the fields of a slip or a letter agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.us = fakers["en_US"]
        self.us.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.clinician = self.us.last_name()
        self.dob = dt.date(1928, 1, 1) + dt.timedelta(days=rng.randrange(365 * 85))
        self.town = _town(rng)


def _town(rng: random.Random) -> str:
    return f"{rng.choice(_TOWN_HEAD)} {rng.choice(_TOWN_BASE)}".strip()


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year}",
            f"{d.month:02d}-{d.day:02d}-{d.year % 100:02d}",
            d.strftime("%d%b%Y").upper(),
            f"{d.strftime('%b')}. {d.day}, {d.year}",
            f"{d.day}{day_suffix(d.day)} {d.strftime('%B')} {d.year}",
            f"{d.strftime('%B')} {d.day}{day_suffix(d.day)}",
            f"{d.year}/{d.month:02d}/{d.day:02d}",
            f"{d.day}/{d.month}/{d.year}",
            f"{d.strftime('%a')} {d.strftime('%d %b %Y')}",
            f"{d.strftime('%B')} {d.year}" if rng.random() < 0.3 else f"{d.month}.{d.day}.{d.year}",
        ]
    )


def _spelled(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"the {ORDINALS[d.day - 1]} of {d.strftime('%B')}",
            f"{d.strftime('%B')} the {ORDINALS[d.day - 1]}",
            f"the {d.day}{day_suffix(d.day)} of {d.strftime('%B')}",
            f"{ORDINALS[d.day - 1]} {d.strftime('%B')}",
            f"{d.strftime('%B')} {ORDINALS[d.day - 1]}, {d.year}",
        ]
    )


def _weekday_date(rng: random.Random, d: dt.date) -> str:
    wd, long = WEEKDAYS[d.weekday()], WEEKDAY_NAMES[d.weekday()]
    return rng.choice(
        [
            f"{wd} {d.month}/{d.day}",
            f"{wd}. {d.month}/{d.day}",
            f"{long} {d.month}/{d.day}",
            f"{wd} {d.strftime('%b')} {d.day}",
            f"{long} the {d.day}{day_suffix(d.day)}",
            f"{wd.upper()} {d.month:02d}/{d.day:02d}",
        ]
    )


def _collected(rng: random.Random, d: dt.date) -> str:
    h, m = rng.randint(5, 20), rng.choice((0, 5, 15, 20, 30, 45, 50))
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year % 100:02d} {h:02d}:{m:02d}",
            f"{d.isoformat()}T{h:02d}:{m:02d}",
            f"{d.strftime('%d-%b-%y').upper()} @ {h:02d}{m:02d}",
            f"{d.month:02d}/{d.day:02d} {h}:{m:02d}",
        ]
    )


def _header_date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month:02d}/{d.day:02d}/{d.year}",
            f"{d.strftime('%b').upper()} {d.day} {d.year}",
            f"{d.isoformat()}",
            f"{d.strftime('%A')}, {d.strftime('%B')} {d.day}, {d.year}",
            f"{d.day:02d}.{d.month:02d}.{d.year % 100:02d}",
        ]
    )


def _history(rng: random.Random) -> str:
    # a month and a year: a year alone ("in 2013", "'90") is no Safe Harbor date element
    return rng.choice(
        [
            f"{rng.randint(1, 12)}/{rng.randint(70, 99)}",
            f"{rng.randint(1, 12)}/{rng.randint(2001, 2024)}",
            f"{rng.choice(['Jan', 'Mar', 'Jun', 'Aug', 'Oct', 'Dec'])} {rng.randint(1988, 2023)}",
            f"{rng.choice(['January', 'April', 'July', 'November'])} of {rng.randint(1979, 2023)}",
        ]
    )


def _range(rng: random.Random, d: dt.date) -> str:
    e = d + dt.timedelta(days=rng.randint(1, 6))
    return rng.choice(
        [
            f"{d.month}/{d.day} through {e.month}/{e.day}",
            f"{d.strftime('%B')} {d.day} to {e.strftime('%B')} {e.day}",
            f"{d.strftime('%b')} {d.day}–{e.strftime('%b')} {e.day}, {e.year}",
            f"{d.month}/{d.day}/{d.year}-{e.month}/{e.day}/{e.year}",
        ]
    )


def _street(rng: random.Random) -> str:
    line = f"{rng.randint(2, 48000)} {rng.choice(['', 'N.', 'S.', 'E.', 'W.', 'Old', ''])} "
    line += f"{rng.choice(_STREETS)} {rng.choice(_SUFFIX)}"
    line = " ".join(line.split())
    if rng.random() < 0.45:
        unit = rng.choice(_UNITS)
        number = f"{rng.randint(1, 420)}{rng.choice(['', '', 'B', 'F'])}"
        line += f"{rng.choice([' ', ', '])}{unit}{'' if unit == '#' else ' '}{number}"
    return line


def _phone(rng: random.Random) -> str:
    a, b, c = (
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        f"{rng.randint(2, 9)}{digits(rng, 2)}",
        digits(rng, 4),
    )
    return rng.choice(
        [f"({a}){b}-{c}", f"{a}/{b}-{c}", f"{a}.{b}.{c}", f"+1-{a}-{b}-{c}", f"{a} {b}-{c}",
         f"1 ({a}) {b} {c}", f"{a}-{b}-{c} ext. {rng.randint(10, 999)}"]
    )  # fmt: skip


def _member_id(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{letters(rng, 2)}{digits(rng, 7)}",
            f"{letters(rng, 3)}{digits(rng, 6)}-{digits(rng, 2)}",
            f"{digits(rng, 3)}{letters(rng, 1)}{digits(rng, 5)}",
            f"W{digits(rng, 8)}",
            f"{letters(rng, 4)}-{digits(rng, 6)}",
            f"{digits(rng, 4)} {digits(rng, 4)} {letters(rng, 2)}",
        ]
    )


def _fill(m: Member, slot: str) -> Part:
    rng = m.rng
    if slot == "clinician":
        return pii(m.clinician, "NAME", "staff")
    if slot == "state":
        return lit(rng.choice(_STATES))
    if slot in {"name", "name_upper", "relative"}:
        if slot == "relative":
            text = m.relative
        elif slot == "name_upper":
            text = rng.choice([f"{m.last}, {m.first}", f"{m.last.upper()}, {m.first.upper()}",
                               f"{m.last.upper()},{m.first.upper()}"])  # fmt: skip
        else:
            text = f"{m.first} {m.last}"
        return pii(text, "NAME", "direct", CATEGORY[slot])
    day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(600))
    glue = rng.choice(["MRN", "#", "no"])  # glued, so the label is part of the token
    values: dict[str, tuple[str, str]] = {
        "street": (_street(rng), "LOCATION"),
        "city": (m.town, "LOCATION"),
        "old_city": (_town(rng), "LOCATION"),
        "zip": (rng.choice([digits(rng, 5), f"{digits(rng, 5)}-{digits(rng, 4)}"]), "LOCATION"),
        "county": (f"{rng.choice(_COUNTY)} {rng.choice(['County', 'Co.', 'county'])}", "LOCATION"),
        "institution": (rng.choice(_INSTITUTIONS), "LOCATION"),
        "pobox": (str(rng.randint(100, 99999)), "LOCATION"),
        "dob": (_date(rng, m.dob), "DATE"),
        "date": (_date(rng, day), "DATE"),
        "collected": (_collected(rng, day), "DATE"),
        "weekday_date": (_weekday_date(rng, day), "DATE"),
        "month_day_colon": (rng.choice([f"{day.strftime('%b')} {day.day}:", f"{day.month}/{day.day}:", f"{day.strftime('%B')} {day.day}:"]), "DATE"),
        "header_date": (_header_date(rng, day), "DATE"),
        "history": (_history(rng), "DATE"),
        "spelled": (_spelled(rng, day), "DATE"),
        "range": (_range(rng, day), "DATE"),
        "age": (rng.choice([f"{rng.randint(90, 103)} years old", f"aged {rng.randint(90, 103)}", f"{rng.randint(90, 103)}yo"]), "AGE"),
        "phone": (_phone(rng), "CONTACT"),
        "fax": (_phone(rng), "CONTACT"),
        "email": (f"{m.first[0]}{m.last.replace(' ', '')}{rng.randint(1, 999)}@{rng.choice(['post.example', 'mailbox.test', 'outlook.com', 'proton.me'])}".lower(), "CONTACT"),
        "ssn": (rng.choice([f"{digits(rng, 3)} {digits(rng, 2)} {digits(rng, 4)}", f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 4)}", f"xxx-xx-{digits(rng, 4)}"]), "ID"),
        "mrn": (rng.choice([digits(rng, 7), f"{letters(rng, 1)}{digits(rng, 7)}", f"{digits(rng, 2)}-{digits(rng, 5)}"]), "ID"),
        "mrn_glued": (f"{glue}{digits(rng, rng.choice([6, 7, 8]))}", "ID"),
        "accession": (rng.choice([f"{letters(rng, 2)}{digits(rng, 2)}-{digits(rng, 6)}", f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 7)}"]), "ID"),
        "member": (_member_id(rng), "ID"),
        "member_glued": (f"ID{_member_id(rng)}", "ID"),
        "group": (rng.choice([f"{digits(rng, 6)}", f"GRP-{digits(rng, 5)}{letters(rng, 1)}", f"{letters(rng, 1)}{digits(rng, 4)}"]), "ID"),
        "account": (rng.choice([f"{digits(rng, 10)}", f"AC-{digits(rng, 3)}-{digits(rng, 4)}", f"{letters(rng, 2)}{digits(rng, 6)}"]), "ID"),
        "claim": (rng.choice([f"{digits(rng, 4)}{letters(rng, 2)}{digits(rng, 6)}", f"CLM-{digits(rng, 9)}", f"{digits(rng, 3)}-{digits(rng, 7)}-{digits(rng, 2)}", f"E{digits(rng, 11)}"]), "ID"),
        "license": (rng.choice([f"{letters(rng, 2)}{digits(rng, 6)}", f"{digits(rng, 9)}", f"{letters(rng, 1)}-{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 3)}"]), "ID"),
        "certificate": (rng.choice([f"{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 6)}", f"BC{digits(rng, 8)}", f"{letters(rng, 3)}/{digits(rng, 6)}"]), "ID"),
        "plate": (rng.choice([f"{letters(rng, 2)} {digits(rng, 4)}", f"{digits(rng, 3)}-{letters(rng, 3)}", f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 3)}", f"{digits(rng, 1)}-{letters(rng, 2)}-{digits(rng, 4)}"]), "ID"),
        "vin": (vin(rng), "ID"),
        "serial": (rng.choice([f"{letters(rng, 2)}{digits(rng, 8)}", f"{digits(rng, 4)}-{letters(rng, 4)}-{digits(rng, 3)}", f"G{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 6)}"]), "ID"),
        "url": (f"https://members.{rng.choice(['brightcare', 'unityhealthplan', 'lakemed'])}.example/eob?c={digits(rng, 8)}", "CONTACT"),
        "ip": (rng.choice([f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}", f"2001:db8:{digits(rng, 2)}::{rng.randint(1, 99)}"]), "CONTACT"),
        "biometric": (rng.choice([f"VOICE-{digits(rng, 6)}", f"bio{letters(rng, 2).lower()}{digits(rng, 5)}", f"RET-{letters(rng, 2)}{digits(rng, 4)}"]), "ID"),
        "photo": (rng.choice([f"{m.last.lower().replace(' ', '_')}_license.png", f"DSC{digits(rng, 5)}.JPG", f"selfie_{digits(rng, 6)}.heic"]), "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, member: Member) -> list[Part]:
    return render_slots(template, lambda slot: _fill(member, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "lab_eob") -> list[dict[str, Any]]:
    """`n` slips or letters of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Member(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="lab_eob", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
