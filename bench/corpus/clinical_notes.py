"""Discharge-summary and progress-note excerpts: the voice of the chart, pasted into chat.

Dictated and templated notes read nothing like chat: "OROZCO,KYLE  MRN: 04857211", "Mr. Orozco
is a 67 year old man s/p CABG x 4 in 3/80 who presented to Good Samaritan on Jul 16:",
"Attending: FILBERT BRIGHT, M.D.". Each excerpt is a header, a few narrative sentences and
perhaps a signature, filled with Faker identities. Split `notes` was written before the
detector changes of issue 13 and measured first; `notes_after` holds excerpts written after.

    python -m bench.corpus.clinical_notes --n 3 --split notes
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    Part,
    digits,
    example,
    generator_main,
    letters,
    lit,
    pii,
)
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_US", "en_US", "en_US", "es_MX", "en_IN", "vi_VN", "pl_PL", "en_GB", "it_IT")
HOSPITALS = (
    "Good Samaritan Hospital",
    "Children's Hospital Colorado",
    "Stanford Health Care",
    "Mount Sinai West",
    "St. Vincent Medical Center",
    "Providence Portland Medical Center",
    "Lakeview Regional",
    "Baptist Memorial",
)

HEADERS = {
    "notes": [
        "{LAST},{FIRST}  MRN: {mrn}  DOB: {dob}\nAdmission Date: {adate}  Discharge Date: {ddate}\n",
        "DISCHARGE SUMMARY\nPatient: {First} {Last}\nMedical Record #: {mrn}\nDate of Birth: {dob}\n",
        "PROGRESS NOTE {adate}\nName: {LAST}, {FIRST}   Acct: {acct}\n",
        "Pt: {Last}, {First} ({mrn6})   Unit 4W Rm {room}\n",
        "",
    ],
    "notes_after": [
        "ADMISSION H&P\n{LAST}, {FIRST}  (MRN {mrn})  Adm {adate}\n",
        "Patient Name: {First} {Last}   DOB {dob}   Room {room}\n",
        "{LAST},{FIRST} -- {age}y -- seen {adate}\n",
        "Clinic visit {fdate}. Subscriber ID {member}.\n",
    ],
}
BODY = {
    "notes": [
        "{Title} {Last} is a {age} year old {sex} with a history of CABG x 4 in {my} who presented "
        "to {hospital} with chest pain. ",
        "The patient was seen in the emergency department on {mdate}: troponin was negative and "
        "ECG unchanged. ",
        "{Title} {Last} lives with {rel_first} at {street}, {city}, {state} {zip}. ",
        "HPI: {age} yo {sex} transferred from {hospital} on {adate} for further management. ",
        "Wife {rel_first} can be reached at {phone}. ",
        "Follow-up with Dr. {Doc} in clinic on {fdate}. ",
        "Social history: retired, lives in {county} County, quit smoking in {my}. ",
        "Insurance: member ID {member}. PCP is Dr. {Doc}. ",
        "Home pacemaker serial {serial} interrogated without events. ",
        "Hospital course: admitted to telemetry, diuresed with IV furosemide, creatinine peaked "
        "at 1.9 and improved to 1.3 at discharge. ",
        "Assessment and plan: continue aspirin, atorvastatin and metoprolol; recheck BMP in one "
        "week. ",
        "Physical exam: alert, oriented x3, lungs with bibasilar crackles, no edema. ",
    ],
    "notes_after": [
        "{First} {Last} is a {age}-year-old {sex} admitted from {hospital} on {adate} after a fall "
        "at home. ",
        "Daughter {rel_first} ({phone}) is the health care proxy. ",
        "Past history: MI in {my}, right hip replacement in {my}. ",
        "Discharged to home at {street}, {city} {zip} with home health. ",
        "ICD serial {serial} checked by the device clinic on {mdate}. ",
        "Plan discussed with Dr. {Doc}; patient and {rel_first} agree. ",
        "Overnight: no events, afebrile, pain controlled on oral medication. ",
        "Labs notable for sodium 131 and hemoglobin 9.8, stable from yesterday. ",
        "Resides in {county} County with her husband; retired teacher. ",
        "{Title} {Last} was transferred to {hospital} for cardiac catheterization. ",
    ],
}
SIGNATURES = {
    "notes": [
        "\nAttending: {DOC_FIRST} {DOC_LAST}, M.D.",
        "\nElectronically signed by {Doc_first} {Doc}, MD on {ddate}",
        "\n-- {Doc_first} {Doc}, NP",
        "",
    ],
    "notes_after": [
        "\nDictated by {Doc_first} {Doc}, MD. Transcribed {ddate}.",
        "\n{DOC_LAST}, {DOC_FIRST} M.D. (attending)",
        "",
    ],
}
STATES = ("CA", "TX", "NY", "OH", "WA", "Colorado", "Oregon", "FL")


class Chart:
    """One patient, one relative and one clinician for an excerpt, so the slots agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        fake = fakers[rng.choice(LOCALES)]
        fake.seed_instance(rng.getrandbits(32))
        us = fakers["en_US"]
        us.seed_instance(rng.getrandbits(32))
        self.us = us
        self.male = rng.random() < 0.5
        self.first = (fake.first_name_male() if self.male else fake.first_name_female()).split()[0]
        self.last = fake.last_name().split()[0]
        self.rel_first = (us.first_name_female() if self.male else us.first_name_male()).split()[0]
        self.doc_first = us.first_name().split()[0]
        self.doc = us.last_name().split()[0]
        self.admit = us.date_between(dt.date(2021, 1, 1), dt.date(2026, 6, 1))

    def date(self, days: int) -> str:
        d = self.admit + dt.timedelta(days=days)
        return self.rng.choice(
            [f"{d.month}/{d.day}/{d.year}", d.strftime("%m/%d/%Y"), d.strftime("%B %d, %Y")]
        )


def _f(chart: Chart, slot: str) -> Part:
    c, rng = chart, chart.rng
    name_slots: dict[str, tuple[str, str]] = {
        "LAST": (c.last.upper(), "direct"),
        "FIRST": (c.first.upper(), "direct"),
        "Last": (c.last, "direct"),
        "First": (c.first, "direct"),
        "rel_first": (c.rel_first, "direct"),
        "Doc": (c.doc, "quasi"),
        "Doc_first": (c.doc_first, "quasi"),
        "DOC_LAST": (c.doc.upper(), "quasi"),
        "DOC_FIRST": (c.doc_first.upper(), "quasi"),
    }
    if slot in name_slots:
        text, role = name_slots[slot]
        return pii(text, "NAME", role, "names" if role == "direct" else "")
    if slot == "Title":
        return lit("Mr." if c.male else "Ms.")
    if slot == "sex":
        return lit("male" if c.male else "female")
    if slot == "age":
        age = rng.randint(40, 99)
        return pii(
            str(age), "AGE", "direct" if age > 89 else "quasi", "ages over 89" if age > 89 else ""
        )
    if slot == "mrn":
        return pii(digits(rng, 8), "ID", "direct", "medical record numbers")
    if slot == "mrn6":
        return pii(digits(rng, 6), "ID", "direct", "medical record numbers")
    if slot == "acct":
        return pii(digits(rng, 10), "ID", "direct", "account numbers")
    if slot == "member":
        value = f"{letters(rng, 3)}-{digits(rng, 2)}-{digits(rng, 5)}"
        return pii(value, "ID", "direct", "health plan beneficiary numbers")
    if slot == "serial":
        value = f"SN-{letters(rng, 2)}{digits(rng, 1)}-{digits(rng, 6)}{letters(rng, 1)}"
        return pii(value, "ID", "direct", "device identifiers")
    if slot == "dob":
        d = c.us.date_of_birth(minimum_age=40, maximum_age=89)
        return pii(d.strftime(rng.choice(["%m/%d/%Y", "%Y-%m-%d"])), "DATE", "direct", "dates")
    if slot in {"adate", "ddate", "fdate", "mdate"}:
        offset = {"adate": 0, "ddate": 5, "fdate": 19, "mdate": 1}[slot]
        if slot == "mdate":
            d = c.admit + dt.timedelta(days=1)
            return pii(d.strftime("%b %d").replace(" 0", " "), "DATE", "quasi", "dates")
        return pii(c.date(offset), "DATE", "quasi", "dates")
    if slot == "my":
        return pii(f"{rng.randint(1, 12)}/{rng.randint(80, 99)}", "DATE", "quasi", "dates")
    if slot == "hospital":
        return pii(rng.choice(HOSPITALS), "LOCATION", "quasi")
    if slot == "street":
        return pii(c.us.street_address(), "LOCATION", "direct", "geographic subdivisions")
    if slot == "city":
        return pii(c.us.city(), "LOCATION", "quasi", "geographic subdivisions")
    if slot == "state":
        return lit(rng.choice(STATES))
    if slot == "zip":
        return pii(c.us.postcode(), "LOCATION", "quasi", "geographic subdivisions")
    if slot == "county":
        return pii(c.us.last_name(), "LOCATION", "quasi", "geographic subdivisions")
    if slot == "phone":
        return pii(c.us.phone_number(), "CONTACT", "direct", "telephone numbers")
    if slot == "room":
        return pii(f"{rng.randint(400, 480)}{rng.choice('AB')}", "ROOM", "quasi")
    raise KeyError(slot)


_SLOT = re.compile(r"\{(\w+)\}")


def render(template: str, chart: Chart) -> list[Part]:
    parts: list[Part] = []
    pos = 0
    for m in _SLOT.finditer(template):
        parts.append(lit(template[pos : m.start()]))
        parts.append(_f(chart, m.group(1)))
        pos = m.end()
    parts.append(lit(template[pos:]))
    return parts


@on_reference_day
def generate(n: int, seed: int, split: str = "notes") -> list[dict[str, Any]]:
    """`n` excerpts (header, 2-4 body sentences, maybe a signature), reproducible by seed."""
    if not BODY[split]:
        raise ValueError(f"split {split!r} has no templates yet")
    rng = random.Random(f"{split}:{seed}")
    fakers = stable_fakers(LOCALES)
    out = []
    for index in range(n):
        chart = Chart(rng, fakers)
        h = rng.randrange(len(HEADERS[split]))
        body = rng.sample(range(len(BODY[split])), rng.randint(2, 4))
        sig = rng.randrange(len(SIGNATURES[split]))
        parts = render(HEADERS[split][h], chart)
        for b in body:
            parts += render(BODY[split][b], chart)
        parts += render(SIGNATURES[split][sig], chart)
        template = f"{split}/h{h}/b{'-'.join(map(str, body))}/s{sig}"
        out.append(example(parts, split, seed, index, template))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, BODY, default_split="notes", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
