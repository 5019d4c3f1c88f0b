"""Call-centre and patient-transport notes, Safe Harbor identifiers planted, shapes from Faker.

A sixth other voice (issue 13), written on 2026-12-02 after the plate and grouped-number
changes of that day and committed before its first measurement: an insurer's or transport
service's agent types what the caller said ("Caller verified DOB", "pickup booked", "plate
read back"). The identifier shapes come from Faker's own providers in each locale (licence
plates, passport numbers, BBANs, MSISDNs, URIs, postcodes), not from anything written here,
so the check does not share a maker with the rules it checks. Scored like `safe_harbor`.

    python -m bench.corpus.call_centre --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import (
    Part,
    digits,
    documents,
    generator_main,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "nl_NL", "it_IT", "es_ES", "en_AU", "en_CA")

TEMPLATES: dict[str, list[str]] = {
    "call_centre": [
        "Caller {name} verified DOB {dob} and postcode {zip}; asked about claim {claim}.\n",
        "Transport booked: pickup {name} at {street}, {city}, vehicle {plate}, driver's mobile "
        "{phone}.\n",
        "Agent note: {relative} rang for her father {name}, passport {passport} on file, "
        "callback {phone}.\n",
        "Refund to account {bban} approved for {name}; confirmation sent to {email}.\n",
        "Member {name}, plan number {plan}, said the portal {url} shows the wrong address.\n",
        "Complaint logged {date}: ambulance {plate} arrived late at {street}.\n",
        "Caller gave fax {fax} for the referral of {name} (hospital no. {mrn}).\n",
        "Device return: glucose meter serial {serial} from {name}, posted from {city} on {date}.\n",
        "Login help for {username} from {ip}; the user is {name}, aged {oldage}.\n",
        "Identity check passed with voice id {voice} and selfie {selfie} for {name}.\n",
        "Licence check: {relative}'s driving licence {license} for the hire car.\n",
        "Queue long today, average wait nine minutes; no callbacks pending.\n",
        "Reminder: read the privacy notice to every caller before verifying identity.\n",
    ],
}

CATEGORY = {
    "name": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "city": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "oldage": "dates",
    "phone": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "mrn": "medical record numbers",
    "plan": "health plan beneficiary numbers",
    "claim": "account numbers",
    "bban": "account numbers",
    "passport": "certificate/license numbers",
    "license": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "serial": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "voice": "biometric identifiers",
    "selfie": "full-face photographs",
    "username": "any other unique number",
}
QUASI = frozenset({"city", "zip", "date"})


class Caller:
    """One caller and one relative in one locale, so the slots of a note agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.patient = self.fake.name()
        self.relative = self.fake.name()


def _fill(c: Caller, slot: str) -> Part:
    f, rng = c.fake, c.rng
    if slot in {"name", "relative"}:
        return pii(c.patient if slot == "name" else c.relative, "NAME", "direct", CATEGORY[slot])
    values: dict[str, tuple[str, str]] = {
        "street": (f.street_address(), "LOCATION"),
        "city": (f.city(), "LOCATION"),
        "zip": (f.postcode(), "LOCATION"),
        "dob": (f.date_of_birth(minimum_age=1, maximum_age=88).strftime("%d/%m/%Y"), "DATE"),
        "date": (
            f.date_between("-2y", "today").strftime(rng.choice(["%d %B", "%Y-%m-%d"])),
            "DATE",
        ),
        "oldage": (str(rng.randint(90, 101)), "AGE"),
        "phone": (f.phone_number(), "CONTACT"),
        "fax": (f.phone_number(), "CONTACT"),
        "email": (f.email(), "CONTACT"),
        "mrn": (digits(rng, 8), "ID"),
        "plan": (f.bothify("???#########").upper(), "ID"),
        "claim": (f.bothify("CL-####-####"), "ID"),
        "bban": (f.bban(), "ID"),
        "passport": (f.passport_number(), "ID"),
        "license": (f.bothify("?#######").upper(), "ID"),
        "plate": (f.license_plate(), "ID"),
        "serial": (f.bothify("??##-####-??").upper(), "ID"),
        "url": (f.uri(), "CONTACT"),
        "ip": (f.ipv4_public(), "CONTACT"),
        "voice": (f.bothify("VX########"), "ID"),
        "selfie": (f.file_name(category="image"), "ID"),
        "username": (f.user_name(), "ID"),
    }
    text, kind = values[slot]
    text = " ".join(text.split())  # Faker's es_ES street addresses end in a space
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, caller: Caller) -> list[Part]:
    return render_slots(template, lambda slot: _fill(caller, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "call_centre") -> list[dict[str, Any]]:
    """`n` notes of one or two entries each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(n, seed, split, TEMPLATES[split], lambda rng: Caller(rng, fakers), render)


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="call_centre",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
