"""Prose with every HIPAA Safe Harbor identifier planted: a leak test, not a recall test.

45 CFR 164.514(b)(2)(i) lists eighteen kinds of identifier that must be removed for data to
count as de-identified. Each paragraph here (a referral letter, an incident report, a research
log, a case narrative) plants several of them; across a few hundred paragraphs every kind
appears many times. `bench.text_bench` scores it like the other corpora and also runs the
redaction `scan --redact` posts, counting a planted value as leaked when any identifying
piece of it survives in the output. Split `harbor` was written before the detector changes of
issue 13 and measured first; `harbor_after` holds paragraphs written after them.

    python -m bench.corpus.safe_harbor --n 3 --split harbor
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
    Part,
    digits,
    example,
    generator_main,
    letters,
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

# The eighteen categories, in the rule's order (the names the leak report uses).
CATEGORIES = (
    "names",
    "geographic subdivisions",
    "dates",
    "telephone numbers",
    "fax numbers",
    "email addresses",
    "social security numbers",
    "medical record numbers",
    "health plan beneficiary numbers",
    "account numbers",
    "certificate/license numbers",
    "vehicle identifiers",
    "device identifiers",
    "URLs",
    "IP addresses",
    "biometric identifiers",
    "full-face photographs",
    "any other unique number",
)

PARAGRAPHS: dict[str, list[str]] = {
    "harbor": [
        "Dear colleague, I am referring {name}, born {dob}, who lives at {street} in {city}, "
        "{zipcode}. She can be reached on {phone} or by fax at {fax}.",
        "Incident report: on {date} the patient {name} (SSN {ssn}) left the ward; security traced "
        "the car by its plate {plate} and found it near {county} County.",
        "Research log: subject {subject} enrolled on {date}; the fingerprint template "
        "{biometric} was stored with the consent form. Contact {email} for the key.",
        "The insurer lists member number {member} and claim account {account} for {name}; "
        "medical record {mrn} was sent on {date}.",
        "Case narrative: a {oldage}-year-old woman from {city} was brought in by her son "
        "{relative}. Her insulin pump, serial {device}, had alarmed since {date}.",
        "Ambulance {plate} carried {name} from {street}, {city}. The driver's licence on file "
        "is {license} and the vehicle VIN is {vin}.",
        "The family shared a fundraising page at {url} and the portal logged a login for "
        "{name} from {ip} on {date}.",
        "Photo consent: a face photograph of {name} is stored as {photo}; the voiceprint "
        "enrolment is {voiceprint}.",
        "Pager {pager} belongs to the patient's husband {relative}, who also uses {email}.",
        "Death certificate {certificate} for {name}, who died on {date} aged {oldage}, was "
        "signed at the county office in {city}.",
    ],
    "harbor_after": [
        "Appeal letter: {name} (member {member}, account {account}) disputes the bill for the "
        "stay that began {date}; write to {street}, {city} {zipcode}.",
        "The registry enrolled {name} as participant {subject}; her voice sample {voiceprint} "
        "and face photo {photo} sit on the study server at {ip}.",
        "Security note: the visitor's car ({plate}, VIN {vin}) was parked at the {county} "
        "County lot while {relative} waited; her phone is {phone}.",
        "Home health: {name}, {oldage} years old, lives alone at {street}; fax orders to {fax}, "
        "questions to {email}.",
        "Nursing licence {license} and device {device} appear on the report for {name}, "
        "admitted {date} with SSN {ssn} on file.",
        "The obituary at {url} names {name}, born {dob}, and her son {relative}; page him at "
        "{pager}.",
        "Birth certificate {certificate} lists {name} and the record number {mrn}; "
        "fingerprint {biometric} was taken at intake.",
    ],
}


class Person:
    """One patient and one relative for a paragraph, so the slots agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(sorted(fakers))]
        self.fake.seed_instance(rng.getrandbits(32))
        self.us = fakers["en_US"]
        self.us.seed_instance(rng.getrandbits(32))


def _date(rng: random.Random) -> str:
    d = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(2200))
    return rng.choice(
        [
            d.strftime("%B %d, %Y").replace(" 0", " "),
            f"{d.month}/{d.day}/{d.year}",
            d.strftime("%Y-%m-%d"),
            f"{d.day} {d.strftime('%B')}",
        ]
    )


def _fill(p: Person, slot: str) -> Part:
    rng, us = p.rng, p.us
    h = {
        "name": "names",
        "relative": "names",
        "street": "geographic subdivisions",
        "city": "geographic subdivisions",
        "zipcode": "geographic subdivisions",
        "county": "geographic subdivisions",
        "dob": "dates",
        "date": "dates",
        "oldage": "dates",
        "phone": "telephone numbers",
        "fax": "fax numbers",
        "email": "email addresses",
        "ssn": "social security numbers",
        "mrn": "medical record numbers",
        "member": "health plan beneficiary numbers",
        "account": "account numbers",
        "license": "certificate/license numbers",
        "certificate": "certificate/license numbers",
        "plate": "vehicle identifiers",
        "vin": "vehicle identifiers",
        "device": "device identifiers",
        "url": "URLs",
        "ip": "IP addresses",
        "biometric": "biometric identifiers",
        "voiceprint": "biometric identifiers",
        "photo": "full-face photographs",
        "subject": "any other unique number",
        "pager": "any other unique number",
    }[slot]
    if slot in {"name", "relative"}:
        return pii(p.fake.name() if slot == "name" else us.first_name(), "NAME", "direct", h)
    values: dict[str, tuple[str, str]] = {
        "street": (us.street_address(), "LOCATION"),
        "city": (us.city(), "LOCATION"),
        "zipcode": (us.zipcode(), "LOCATION"),
        "county": (us.last_name(), "LOCATION"),
        "dob": (us.date_of_birth(minimum_age=20, maximum_age=85).strftime("%m/%d/%Y"), "DATE"),
        "date": (_date(rng), "DATE"),
        "oldage": (str(rng.randint(90, 104)), "AGE"),
        "phone": (us.phone_number(), "CONTACT"),
        "fax": (f"({digits(rng, 3)}) {digits(rng, 3)}-{digits(rng, 4)}", "CONTACT"),
        "email": (us.email(), "CONTACT"),
        "ssn": (us.ssn(), "ID"),
        "mrn": (digits(rng, rng.choice([7, 8, 9])), "ID"),
        "member": (f"{letters(rng, 3)}-{digits(rng, 2)}-{digits(rng, 5)}", "ID"),
        "account": (digits(rng, 11), "ID"),
        "license": (f"{letters(rng, 1)}{digits(rng, 7)}", "ID"),
        "certificate": (f"{digits(rng, 4)}-{digits(rng, 6)}", "ID"),
        "plate": (f"{digits(rng, 1)}{letters(rng, 3)}{digits(rng, 3)}", "ID"),
        "vin": (f"1HG{letters(rng, 2)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 9)}", "ID"),
        "device": (f"{letters(rng, 2)}{digits(rng, 6)}{letters(rng, 1)}", "ID"),
        "url": (f"https://www.gofundme.com/f/{us.user_name()}-recovery", "CONTACT"),
        "ip": (us.ipv4_public(), "CONTACT"),
        "biometric": (f"FP-{digits(rng, 4)}-{letters(rng, 2)}{digits(rng, 2)}", "ID"),
        "voiceprint": (f"VP{digits(rng, 7)}", "ID"),
        "photo": (f"IMG_{digits(rng, 4)}.jpg", "ID"),
        "subject": (f"STUDY-{digits(rng, 3)}-{digits(rng, 4)}", "ID"),
        "pager": (f"{digits(rng, 3)}-{digits(rng, 4)}", "CONTACT"),
    }
    text, kind = values[slot]
    role = "quasi" if slot in {"city", "zipcode", "county", "date"} else "direct"
    return pii(text, kind, role, h)


def render(template: str, person: Person) -> list[Part]:
    return render_slots(template, lambda slot: _fill(person, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "harbor") -> list[dict[str, Any]]:
    """`n` paragraphs of one or two planted sentences each, reproducible by seed."""
    paragraphs = PARAGRAPHS[split]
    if not paragraphs:
        raise ValueError(f"split {split!r} has no templates yet")
    rng = random.Random(f"{split}:{seed}")
    fakers = stable_fakers(("en_US", "en_GB", "es_MX", "de_DE", "fr_FR"))
    out = []
    for index in range(n):
        person = Person(rng, fakers)
        picks = rng.sample(range(len(paragraphs)), rng.randint(1, 2))
        parts: list[Part] = []
        for k, t in enumerate(picks):
            if k:
                parts.append(lit(" "))
            parts += render(paragraphs[t], person)
        out.append(example(parts, split, seed, index, f"{split}/{'-'.join(map(str, picks))}"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, PARAGRAPHS, default_split="harbor", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
