"""E-mails between clinics, families and outside agencies, Safe Harbor identifiers planted.

A fifth other voice (issue 13), written on 2026-12-02 after that day's detector changes and
committed before its first measurement, so it checks them on text they were not shaped on:
forwarded referral e-mails ("Fwd: referral for Ms Dlamini"), a family member writing in,
a school nurse, a home-care agency, a pharmacy. Identities come from Faker locales no other
generator uses: pt_PT, es_CO, de_AT, fr_CA, en_NG, en_KE, plus en_US. Scored like
`safe_harbor`: a planted value leaks when any identifying token of it survives
`scan --redact`.

    python -m bench.corpus.referral_mail --n 3
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

LOCALES = ("pt_PT", "es_CO", "de_AT", "fr_CA", "en_NG", "en_KE", "en_US", "en_US")

TEMPLATES: dict[str, list[str]] = {
    "referral_mail": [
        "Fwd: referral\n\nHello team, please see {name} (DOB {dob}) next week. She moved to "
        "{street} in {city} and her new mobile is {phone}.\n",
        "From: {email}\nSubject: my mother {name}\n\nHer room at the care home is {room} and "
        "the home's fax is {fax}. She turned {oldage} on {date}.\n",
        "School nurse here: student {name}, ID {student}, was sent home on {date}; parent "
        "{relative} can be reached at {phone}.\n",
        "The home-care agency logged visit {visit} for {name} at {street}, {zip} {city}; the "
        "carer's tablet (serial {serial}) recorded it from {ip}.\n",
        "Pharmacy note: prescription {rx} for {name}, insurance card {card}, picked up by "
        "{relative} who showed driving licence {license}.\n",
        "Claim form attached for {name}: policy {policy}, bank account {account}. Scans at "
        "{url}.\n",
        "The transport company's van {plate} collects {name} from {street} every {weekday}.\n",
        "Consent on file: retina scan {retina} and the ward photo {photo} of {name}, taken "
        "{date}.\n",
        "Kind regards,\n{relative}\n{phone}\n",
        "Thanks all, the clinic rota for next month is on the shared drive.\n",
        "Reminder that the flu clinic runs Tuesday and Thursday mornings this month.\n",
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
    "student": "any other unique number",
    "visit": "account numbers",
    "rx": "medical record numbers",
    "card": "health plan beneficiary numbers",
    "policy": "health plan beneficiary numbers",
    "account": "account numbers",
    "license": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "serial": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "retina": "biometric identifiers",
    "photo": "full-face photographs",
}
QUASI = frozenset({"city", "zip", "date"})


class Family:
    """A patient and a relative in one locale, so the slots of one e-mail agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.us = fakers["en_US"]
        self.us.seed_instance(rng.getrandbits(32))
        self.patient = self.fake.name()
        self.relative = self.fake.name()


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            d.strftime("%d %b %Y"),
            d.strftime("%d/%m/%Y"),
            d.strftime("%B %d").replace(" 0", " "),
            d.isoformat(),
            f"{d.day}-{d.month}-{d.year}",
        ]
    )


def _fill(f: Family, slot: str) -> Part:
    rng, us = f.rng, f.us
    if slot == "weekday":
        return lit(rng.choice(["Monday", "Wednesday", "Friday"]))
    if slot == "room":
        return pii(f"{rng.randint(1, 40)}", "ROOM", "quasi")
    if slot in {"name", "relative"}:
        return pii(f.patient if slot == "name" else f.relative, "NAME", "direct", CATEGORY[slot])
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randrange(1200))
    values: dict[str, tuple[str, str]] = {
        "street": (f.fake.street_address(), "LOCATION"),
        "city": (f.fake.city(), "LOCATION"),
        "zip": (f.fake.postcode(), "LOCATION"),
        "dob": (_date(rng, us.date_of_birth(minimum_age=5, maximum_age=88)), "DATE"),
        "date": (_date(rng, day), "DATE"),
        "oldage": (str(rng.randint(90, 103)), "AGE"),
        "phone": (f.fake.phone_number(), "CONTACT"),
        "fax": (f.fake.phone_number(), "CONTACT"),
        "email": (f.fake.email(), "CONTACT"),
        "student": (f"S{digits(rng, 7)}", "ID"),
        "visit": (f"V-{digits(rng, 4)}-{digits(rng, 4)}", "ID"),
        "rx": (f"RX{digits(rng, 8)}", "ID"),
        "card": (f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}", "ID"),
        "policy": (f"{letters(rng, 2)}-{digits(rng, 8)}", "ID"),
        "account": (f"{digits(rng, 2)}-{digits(rng, 6)}-{digits(rng, 2)}", "ID"),
        "license": (f"{letters(rng, 2)}{digits(rng, 6)}", "ID"),
        "plate": (f"{letters(rng, 3)} {digits(rng, 3)}", "ID"),
        "serial": (f"{digits(rng, 4)}-{letters(rng, 4)}-{digits(rng, 4)}", "ID"),
        "url": (f"https://share.{us.domain_word()}.net/s/{letters(rng, 6).lower()}", "CONTACT"),
        "ip": (us.ipv4(), "CONTACT"),
        "retina": (f"RS{digits(rng, 9)}", "ID"),
        "photo": (f"ward{rng.randint(1, 9)}-{digits(rng, 5)}.jpeg", "ID"),
    }
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, family: Family) -> list[Part]:
    return render_slots(template, lambda slot: _fill(family, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "referral_mail") -> list[dict[str, Any]]:
    """`n` e-mails of one to three items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Family(rng, fakers), render, most_items=3
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="referral_mail",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
