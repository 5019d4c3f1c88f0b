"""Front-desk and billing paperwork with Safe Harbor identifiers planted: forms, phone slips,
patient e-mails.

A fourth other voice (issue 13), written on 2026-12-02 before the leak fixes of that day and
committed before its first measurement: registration forms ("Home phone: 613.555.0142 x22"),
phone-message slips ("Caller: Siobhan Kelly re: her father, call back 0412 555 019"),
insurance correspondence and short e-mails from patients, with identities from Faker locales the
other generators do not use (en_CA, en_AU, en_IE, en_NZ, nl_BE, sv_SE). The identifier shapes
are each category's common forms, drawn independently of the other generators' fillers. Scored
like `safe_harbor`: a planted value leaks when any identifying token of it survives
`scan --redact`.

    python -m bench.corpus.front_desk --n 3
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

LOCALES = ("en_CA", "en_AU", "en_IE", "en_NZ", "nl_BE", "sv_SE", "en_US", "en_US")

TEMPLATES: dict[str, list[str]] = {
    "front_desk": [
        "NEW PATIENT REGISTRATION\nName: {name}\nDate of birth: {dob}\nAddress: {street}, "
        "{city} {zip}\nHome phone: {phone}\nEmail: {email}\n",
        "Phone message {time} - caller {relative} re: {name}, wants a call back on {phone}. "
        "Says the fax went to {fax} by mistake.\n",
        "Insurance on file: plan ID {plan}, group {group}, subscriber {name}. Claim {claim} "
        "was denied on {date}.\n",
        "Hi, it's {name} again. My new address is {street} and my cell is {phone}. Can you "
        "update my chart ({mrn}) before {date}?\n",
        "Billing: statement for account {account} mailed to {street}, {city}. Patient {name} "
        "disputes the charge from {date}.\n",
        "Parking desk: {relative} left the car with plate {plate} in bay 3; the ticket is "
        "under the visitor log for {name}.\n",
        "Equipment loan: wheelchair asset tag {asset} and home oxygen concentrator serial "
        "{serial} issued to {name} on {date}.\n",
        "Portal support: {name} cannot log in; last attempt from {ip}, username {username}. "
        "Reset link sent to {email}.\n",
        "Records request: {relative} asks for {name}'s chart, MRN {mrn}, to be sent to "
        "{url}. Driver's licence {license} copied for ID.\n",
        "Intake kiosk: palm-vein scan id {biometric} and check-in photo {photo} saved for "
        "{name}.\n",
        "Deceased patient notice: {name}, {oldage} years old, of {county} County. Next of kin "
        "{relative}, {phone}.\n",
        "Lab courier: specimen for {name} ({mrn}) picked up at {street}; contact the driver on "
        "pager {pager}.\n",
        "Reminder: clinic closed on the public holiday; the phones forward to the answering "
        "service.\n",
        "Please remind patients to bring their insurance card and a list of medications.\n",
    ],
}


class Caller:
    """One patient and one relative per form, in one locale, so the slots agree."""

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
            d.strftime("%d-%b-%Y"),
            d.strftime("%b %d %Y").replace(" 0", " "),
            f"{d.day}.{d.month}.{d.year}",
            d.strftime("%A, %B %d").replace(" 0", " "),
            f"{d.month}-{d.day}-{d.year % 100:02d}",
        ]
    )


def _phone(rng: random.Random) -> str:
    a, b, c = digits(rng, 3), digits(rng, 3), digits(rng, 4)
    return rng.choice(
        [
            f"{a}.{b}.{c}",
            f"{a} {b} {c}",
            f"+1 {a} {b} {c}",
            f"({a}){b}-{c} x{rng.randint(10, 99)}",
            f"0{rng.randint(2, 4)}{digits(rng, 2)} {b} {digits(rng, 3)}",
        ]
    )


CATEGORY = {
    "name": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "city": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "county": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "oldage": "dates",
    "phone": "telephone numbers",
    "fax": "fax numbers",
    "email": "email addresses",
    "mrn": "medical record numbers",
    "plan": "health plan beneficiary numbers",
    "group": "health plan beneficiary numbers",
    "claim": "account numbers",
    "account": "account numbers",
    "license": "certificate/license numbers",
    "plate": "vehicle identifiers",
    "serial": "device identifiers",
    "asset": "device identifiers",
    "url": "URLs",
    "ip": "IP addresses",
    "username": "any other unique number",
    "biometric": "biometric identifiers",
    "photo": "full-face photographs",
    "pager": "any other unique number",
}
QUASI = frozenset({"city", "zip", "county", "date"})


def _fill(c: Caller, slot: str) -> Part:
    rng, us = c.rng, c.us
    if slot == "time":
        return lit(f"{rng.randint(8, 17)}:{rng.randint(0, 59):02d}")
    if slot in {"name", "relative"}:
        return pii(c.patient if slot == "name" else c.relative, "NAME", "direct", CATEGORY[slot])
    seen = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1500))
    values: dict[str, tuple[str, str]] = {
        "street": (c.fake.street_address(), "LOCATION"),
        "city": (c.fake.city(), "LOCATION"),
        "zip": (c.fake.postcode(), "LOCATION"),
        "county": (us.last_name(), "LOCATION"),
        "dob": (_date(rng, us.date_of_birth(minimum_age=1, maximum_age=88)), "DATE"),
        "date": (_date(rng, seen), "DATE"),
        "oldage": (str(rng.randint(90, 106)), "AGE"),
        "phone": (_phone(rng), "CONTACT"),
        "fax": (_phone(rng), "CONTACT"),
        "email": (c.fake.email(), "CONTACT"),
        "mrn": (
            rng.choice(
                [
                    f"MR{digits(rng, 7)}",
                    f"{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 2)}",
                    digits(rng, 10),
                ]
            ),
            "ID",
        ),
        "plan": (f"{letters(rng, 3)}{digits(rng, 9)}", "ID"),
        "group": (f"{digits(rng, 5)}-{letters(rng, 1)}{digits(rng, 2)}", "ID"),
        "claim": (f"CLM{digits(rng, 10)}", "ID"),
        "account": (f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 3)}", "ID"),
        "license": (f"{letters(rng, 1)}{digits(rng, 4)}-{digits(rng, 5)}-{digits(rng, 5)}", "ID"),
        "plate": (
            rng.choice(
                [
                    f"{letters(rng, 3)}-{digits(rng, 4)}",
                    f"{letters(rng, 2)} {digits(rng, 2)} {letters(rng, 2)}",
                ]
            ),
            "ID",
        ),
        "serial": (f"{letters(rng, 3)}{digits(rng, 8)}", "ID"),
        "asset": (f"AT-{digits(rng, 6)}", "ID"),
        "url": (f"https://records.{us.domain_word()}.org/upload/{digits(rng, 6)}", "CONTACT"),
        "ip": (rng.choice([us.ipv4_private(), us.ipv6()]), "CONTACT"),
        "username": (f"{us.user_name()}{rng.randint(10, 99)}", "ID"),
        "biometric": (f"PV-{letters(rng, 2)}{digits(rng, 6)}", "ID"),
        "photo": (f"checkin_{digits(rng, 8)}.png", "ID"),
        "pager": (f"#{digits(rng, 4)}", "CONTACT"),
    }
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, caller: Caller) -> list[Part]:
    return render_slots(template, lambda slot: _fill(caller, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "front_desk") -> list[dict[str, Any]]:
    """`n` pieces of paperwork of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(n, seed, split, TEMPLATES[split], lambda rng: Caller(rng, fakers), render)


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="front_desk",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
