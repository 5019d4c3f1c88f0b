"""General PII sentences in several locales: the voice of forms, support tickets and letters.

Nobody on the project writes chat like this: "Please send the refund to IBAN DE89 3704 ...",
"Contact: Ana Beatriz Carvalho, +55 11 98765-4321". Identities come from Faker in ten locales
(names in their own scripts for zh_CN and hi_IN), so phone formats, postcodes, IBANs and street
shapes are each country's own. Split `pii` was written before the detector changes of issue 13
and measured first; `pii_after` holds templates written after them.

    python -m bench.corpus.pii_sentences --n 5 --split pii
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Sequence
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
    luhn_complete,
    pii,
)
from bench.corpus.voice_kit import (
    fakers as stable_fakers,
)

LOCALES = (
    "en_US",
    "en_GB",
    "de_DE",
    "fr_FR",
    "es_ES",
    "it_IT",
    "nl_NL",
    "pt_BR",
    "zh_CN",
    "hi_IN",
)

TEMPLATES: dict[str, list[str]] = {
    "pii": [
        "My name is {name} and you can reach me at {phone}.",
        "Please update the billing address to {street}, {city} {postcode}.",
        "Hi, this is {name}; my email is {email} in case the form failed.",
        "Refund to IBAN {iban}, account holder {name}.",
        "The card ending in the number {card} was charged twice on {date}.",
        "{name} was born on {dob} and lives in {city}.",
        "Login attempts from {ip} were blocked for user {email}.",
        "Send the documents to {name}, {street}, {postcode} {city}.",
        "Our new contact is {name} ({phone}, {email}).",
        "See {url} for {name}'s public profile.",
        "Date of birth: {dob}. Passport holder: {name}.",
        "I moved from {city} to {city} last spring; new number is {phone}.",
        "Customer {name} asked us to delete everything tied to {email}.",
        "Ship to: {name}\n{street}\n{postcode} {city}",
        "Wire details: beneficiary {name}, IBAN {iban}, reference {ref}.",
        "The courier called {phone} twice and left the parcel with {name}.",
        "Es ist {name}, Telefon {phone}, wohnhaft in {street}, {postcode} {city}.",
        "Je m'appelle {name}, né le {dob}, joignable au {phone}.",
        "Me llamo {name} y mi correo es {email}.",
        "Mio fratello {name} abita in {street}, {city}.",
        "The meeting with the vendor is on Thursday at 3pm in the main office.",
        "Thanks for your order! It will ship within two business days.",
        "Please reset the router and try again; the firmware is version 4.2.1.",
        "We are closed on public holidays, including the first of January.",
    ],
    "pii_after": [
        "Account holder: {name}. Direct debit from {iban} starting {date}.",
        "Could you call me back on {phone}? Ask for {name}.",
        "Invoice recipient {name}, {street}, {postcode} {city}, reference {ref}.",
        "New sign-up from {ip}: {email} (display name {name}).",
        "{name} paid with card {card} and asked for a receipt at {email}.",
        "Our records show {name}, date of birth {dob}, at {street} in {city}.",
        "Der Kunde {name} ist unter {phone} oder {email} erreichbar.",
        "Adresse de livraison : {name}, {street}, {postcode} {city}.",
        "Datos del titular: {name}, IBAN {iban}, teléfono {phone}.",
        "Profile link {url} was shared by {name} on {date}.",
        "Emergency contact {name} ({phone}) lives in {city}.",
        "The package for {name} goes to {street}; the doorbell code is written on the slip.",
        "The warehouse opens at 8 and the return window is thirty days.",
        "Please attach the signed form and keep a copy for your records.",
        "Version 2.4 of the app fixes the login loop on older phones.",
    ],
}


def _pick_locale(rng: random.Random) -> str:
    return rng.choice(LOCALES)


class Identity:
    """One person in one locale, drawn once per sentence so the slots agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.locale = _pick_locale(rng)
        fake = fakers[self.locale]
        fake.seed_instance(rng.getrandbits(32))
        self.fake = fake
        self.us = fakers["en_US"]
        self.us.seed_instance(rng.getrandbits(32))


def _name(i: Identity) -> Part:
    return pii(i.fake.name(), "NAME", "direct", "names")


def _phone(i: Identity) -> Part:
    return pii(i.fake.phone_number(), "CONTACT", "direct", "telephone numbers")


def _email(i: Identity) -> Part:
    r = i.rng.random()
    email = i.us.email() if i.locale in {"zh_CN", "hi_IN"} else i.fake.email()
    if r < 0.2:
        user, _, _ = email.partition("@")
        email = f"{user}+{i.rng.choice(['news', 'billing', 'x1'])}@example.test"
    elif r < 0.35:
        email = email.rsplit(".", 1)[0] + ".example"
    return pii(email, "CONTACT", "direct", "email addresses")


def _street(i: Identity) -> Part:
    return pii(i.fake.street_address(), "LOCATION", "direct", "geographic subdivisions")


def _city(i: Identity) -> Part:
    return pii(i.fake.city(), "LOCATION", "quasi", "geographic subdivisions")


def _postcode(i: Identity) -> Part:
    return pii(i.fake.postcode(), "LOCATION", "quasi", "geographic subdivisions")


def _iban(i: Identity) -> Part:
    try:
        iban = i.fake.iban()
    except AttributeError:
        iban = i.us.iban()
    if i.rng.random() < 0.5:
        iban = " ".join(iban[k : k + 4] for k in range(0, len(iban), 4))
    return pii(iban, "ID", "direct", "account numbers")


def _card(i: Identity) -> Part:
    prefix, length = i.rng.choice([("4", 16), ("51", 16), ("37", 15), ("6011", 16), ("35", 16)])
    number = luhn_complete(prefix, length, i.rng)
    if i.rng.random() < 0.5 and length == 16:
        number = " ".join(number[k : k + 4] for k in range(0, 16, 4))
    return pii(number, "ID", "direct", "account numbers")


def _date(i: Identity) -> Part:
    d = i.fake.date_between("-2y", "today")
    fmt = i.rng.choice(["%d/%m/%Y", "%B %d, %Y", "%Y-%m-%d", "%d.%m.%Y"])
    return pii(d.strftime(fmt), "DATE", "quasi", "dates")


def _dob(i: Identity) -> Part:
    d = i.fake.date_of_birth(minimum_age=18, maximum_age=88)
    fmt = i.rng.choice(["%d/%m/%Y", "%B %d, %Y", "%Y-%m-%d", "%d.%m.%Y", "%d %B %Y"])
    return pii(d.strftime(fmt), "DATE", "direct", "dates")


def _ip(i: Identity) -> Part:
    value = i.us.ipv6() if i.rng.random() < 0.3 else i.us.ipv4_public()
    return pii(value, "CONTACT", "direct", "IP addresses")


def _url(i: Identity) -> Part:
    user = re.sub(r"[^a-z]", "", i.us.user_name().lower()) or "user"
    site = i.rng.choice(["https://www.linkedin.com/in/", "https://example.org/people/", "http://"])
    url = f"{site}{user}" if site != "http://" else f"http://{user}.example.net/about"
    return pii(url, "CONTACT", "direct", "URLs")


def _ref(i: Identity) -> Part:
    return pii(f"{letters(i.rng, 3)}-{digits(i.rng, 6)}", "ID", "direct", "any other unique number")


FILLERS: dict[str, Callable[[Identity], Part]] = {
    "name": _name,
    "phone": _phone,
    "email": _email,
    "street": _street,
    "city": _city,
    "postcode": _postcode,
    "iban": _iban,
    "card": _card,
    "date": _date,
    "dob": _dob,
    "ip": _ip,
    "url": _url,
    "ref": _ref,
}
_SLOT = re.compile(r"\{(\w+)\}")


def render(template: str, ident: Identity) -> list[Part]:
    parts: list[Part] = []
    pos = 0
    for m in _SLOT.finditer(template):
        parts.append(lit(template[pos : m.start()]))
        parts.append(FILLERS[m.group(1)](ident))
        pos = m.end()
    parts.append(lit(template[pos:]))
    return parts


@on_reference_day
def generate(n: int, seed: int, split: str = "pii") -> list[dict[str, Any]]:
    """`n` sentences from the split's templates, reproducible by seed."""
    templates = TEMPLATES[split]
    if not templates:
        raise ValueError(f"split {split!r} has no templates yet")
    rng = random.Random(f"{split}:{seed}")
    fakers = stable_fakers(LOCALES)
    out = []
    for index in range(n):
        t = rng.randrange(len(templates))
        parts = render(templates[t], Identity(rng, fakers))
        out.append(example(parts, split, seed, index, f"{split}/{t}"))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="pii", default_n=20
    )


if __name__ == "__main__":
    sys.exit(main())
