"""Referral letters and e-mails, referral subject lines, ward chat and record rows, planting an
exact age (0-104) where no "yo" or "aged" marks it, and rooms and beds in the shapes a label
pair, a location field and number words give them.

A DEV voice, written on 2026-12-07 by the ages pass of issue 13 (helper `ages`) and committed
before its first measurement. It is for tuning: the held-out voices stay held out, and this
corpus's figures are dev figures, never evidence. Written from how referrers and wards type,
not from any other corpus.

What it plants: an age beside a person's name in brackets or between commas ("John Smith (67)
was seen", "Mrs Patel, 82, lives alone", "Re: J. Smith, 67, bed 4"), after a date of birth
("(D.O.B. 1/2/50), 74"), in a record row with a sex letter ("Smith, John, 67, M", "Ana Ruiz |
44 | F | Bed 7", tab- and semicolon-separated), after a patient word ("Patient, 67, referred",
"the patient (61) declined"), in "he is 67 and ..." and "she's 45 and ...", age and sex across a
slash with no label ("Referral for 72/F"), in brackets with a sex letter ("(67M)") and in other
languages' short forms ("(72 J.)", "(45 ans)", "(67 años)"); rooms as "Room/Bed: 412/B",
"Location: 6B/14" and in words ("in room fourteen", "to bed three"). Ages under 90 are
quasi-identifiers (role `quasi`), 90 and over direct. The text around them, and the clean
messages, carry numbers beside names and patient words that are no age: readings ("Sats (94)",
"Glucose, 95, fasting", "BP 120/80", "GCS 15"), counts ("Smith, 3 visits this year", "2 units",
"5 days post-op"), a staff member's extension or bleep ("Dr Jones (x4521)", "Sister Kelly,
4521", "Nurse Patel, ext 4456"), a ward ("Ward 7"), years ("(2019)"), list numbering ("1. Smith,
2. Jones"), times, doses, money and prices.

    python -m bench.corpus.referral_rows --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_US", "en_GB", "en_GB", "en_AU", "en_IE", "en_CA", "en_NZ")
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "eighteen", "twenty", "twenty-two",
)  # fmt: skip
_COMPLAINTS = (
    "chest pain", "worsening SOB", "a fall at home", "back pain", "dysphagia", "weight loss",
    "recurrent UTIs", "new AF", "confusion", "a leg ulcer", "syncope", "abdominal pain",
    "poorly controlled diabetes", "headaches", "a breast lump", "haematuria",
)  # fmt: skip
_SOCIAL = (
    "manages with carers twice a day", "is independent with a frame", "has no package of care",
    "still drives", "uses a stick outdoors",
)  # fmt: skip
# Numbers beside names and care words that are no age: readings, counts, staff numbers, years,
# times, doses, money
_NOISE = (
    "Sats (94) on air", "Glucose, 95, fasting", "BP 120/80", "GCS 15", "NEWS 3", "HR 88",
    "Ward 7 is full", "2 units PRBC given", "paracetamol 1 g QDS", "pain 4/10", "EF 45%",
    "follow-up in 6 weeks", "copay $20", "parking costs £4.50", "seen at 14:30", "weight 82 kg",
    "temp 37.8", "Hb 102", "letter from 2019 (2019) attached", "MMSE 24/30", "takes 12 tablets a day",
    "Score (3)", "Ward 12, 3 beds free", "list of 4 meds", "booked for 10:15", "Hba1c 58",
)  # fmt: skip


class Patient:
    """Who a message is about, so its name, sex, pronoun and age agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        fake = fakers[rng.choice(LOCALES)]
        fake.seed_instance(rng.getrandbits(32))
        self.female = rng.random() < 0.5
        self.first = fake.first_name_female() if self.female else fake.first_name_male()
        self.last = fake.last_name()
        self.other = f"{fake.first_name()} {fake.last_name()}"
        self.dr, self.nurse = fake.last_name(), fake.last_name()
        self.title = rng.choice(("Mrs", "Ms", "Miss")) if self.female else "Mr"
        self.sex = "F" if self.female else "M"
        self.she, self.her = ("she", "her") if self.female else ("he", "his")
        roll = rng.random()
        self.age = (
            rng.randint(1, 17)
            if roll < 0.1
            else rng.randint(90, 104)
            if roll > 0.9
            else rng.randint(18, 89)
        )
        self.dob = f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{(2026 - self.age) % 100:02d}"


def _age(p: Patient, text: str | None = None) -> Part:
    role = "direct" if p.age > 89 else "quasi"
    return pii(text or str(p.age), "AGE", role, "dates" if p.age > 89 else "")


def _room(p: Patient, prose: bool = False) -> list[Part]:
    """A room or bed as a row or a subject line writes it, or (`prose`) as a sentence does."""
    rng = p.rng
    form = rng.randrange(2, 5) if prose else rng.randrange(6)
    if form == 0:
        return [pii(f"Room/Bed: {rng.randint(100, 699)}/{rng.choice('ABCD')}", "ROOM", "quasi")]
    if form == 1:
        ward = f"{rng.randint(2, 9)}{rng.choice('ABNSEW')}"
        return [lit("Location: "), pii(f"{ward}/{rng.randint(1, 30)}", "ROOM", "quasi")]
    if form == 2:
        return [pii(f"{rng.choice(['room', 'bed'])} {rng.choice(_NUMBER_WORDS)}", "ROOM", "quasi")]
    if form == 3:
        return [pii(f"bed {rng.randint(1, 30)}", "ROOM", "quasi")]
    if form == 4:
        return [pii(f"Bed {rng.randint(1, 30)}", "ROOM", "quasi")]
    return [pii(f"Rm/Bed {rng.randint(10, 60)}/{rng.randint(1, 4)}", "ROOM", "quasi")]


def _staff_number(p: Patient) -> list[Part]:
    rng = p.rng
    ext = str(rng.randint(2000, 7999))
    form = rng.randrange(5)
    if form == 0:
        return [lit("Dr "), pii(p.dr, "NAME", "staff"), lit(f" (x{ext})")]
    if form == 1:
        return [lit("Sister "), pii(p.nurse, "NAME", "staff"), lit(f", {ext}, on call")]
    if form == 2:
        return [lit("Nurse "), pii(p.nurse, "NAME", "staff"), lit(f", ext {ext}")]
    if form == 3:
        return [lit("Dr "), pii(p.dr, "NAME", "staff"), lit(f" (bleep {ext[:4]})")]
    return [lit("Dr "), pii(p.dr, "NAME", "staff"), lit(f", {rng.randint(10, 99)} on the rota")]


TEMPLATES: dict[str, list[str]] = {
    "referral_rows": [
        # referral letters and e-mails
        "Dear Dr {dr}, thank you for seeing {name} ({age}) who has {complaint}.",
        "I saw {tname}, {age}, in clinic today with {complaint}. {noise}.",
        "Please see {tname} (D.O.B. {dob}), {age}, with {complaint}.",
        "Dear colleague, {tname}, {age}, lives alone and {social}. {noise}.",
        "{She} is {age} and lives with {her} family. {noise}.",
        "Patient, {age}, referred with {complaint}; {noise}.",
        "Referral for {agesex} with {complaint}. {staff}.",
        "Thank you for referring {name} ({age}{sex}) with {complaint}.",
        "I reviewed the patient ({age}) today; {noise}, {noise2}.",
        # referral subject lines
        "Re: referral - {init}, {age}, {room}",
        "Subject: {tname}, {age}, {complaint}",
        "RE: {name} ({age}) - {complaint}",
        # record rows
        "{rev}, {age}, {sex}, {room}",
        "{name} | {age} | {sex} | {room}",
        "{last}; {first}; {age}; {sex}; {dob}",
        "{name}\t{age}\t{sex}\t{complaint}",
        "| {name} | {age} | {sex} | {complaint} |",
        # ward chat
        "new pt {name} ({age}) in {inroom}, {complaint}",
        "can someone see {name}, {age}, {complaint}? {staff}",
        "{She}'s {age} and came in with {complaint}, {noise}",
        "{tname} in {inroom}, {noise}. {staff}",
        "{tname} ({age}) moved to {inroom} overnight",
        # other languages' short forms
        "{name} ({age} años) ingresó por dolor torácico",
        "{name} ({age} J.) wurde heute gesehen, {room}",
        "{name}, {age} ans, vue ce jour",
        # numbers beside names that are no age
        "{tname}, {count} visits this year. {noise}.",
        "{tname}, 5 days post-op, {noise}.",
        "Clinic list: 1. {name}, 2. {other}. {noise}.",
        "{staff}. {noise}, {noise2}.",
        # clean
        "Bed state: {noise}; {noise2}. {staff}.",
        "Obs: {noise}, {noise2}.",
        "Ward round: {noise}. {noise2}.",
    ],
}


def _fill(p: Patient, slot: str) -> list[Part]:
    rng = p.rng
    names = {
        "name": f"{p.first} {p.last}",
        "first": p.first,
        "last": p.last,
        "rev": f"{p.last}, {p.first}",
        "init": f"{p.first[0]}. {p.last}",
        "other": p.other,
    }
    if slot in names:
        return [pii(names[slot], "NAME", "direct", "names")]
    if slot == "tname":
        return [lit(f"{p.title} "), pii(p.last, "NAME", "direct", "names")]
    if slot == "dr":
        return [pii(p.dr, "NAME", "staff")]
    if slot == "age":
        return [_age(p)]
    if slot == "agesex":
        return [_age(p, f"{p.age}/{p.sex}" if rng.random() < 0.7 else f"{p.sex}/{p.age}")]
    if slot == "dob":
        return [pii(p.dob, "DATE", "direct", "dates")]
    if slot == "sex":
        return [lit(p.sex)]
    if slot in ("She", "she"):
        return [lit(p.she.capitalize() if slot == "She" else p.she)]
    if slot == "her":
        return [lit(p.her)]
    if slot in ("room", "inroom"):
        return _room(p, prose=slot == "inroom")
    if slot == "staff":
        return _staff_number(p)
    if slot in ("noise", "noise2"):
        return [lit(rng.choice(_NOISE))]
    if slot == "count":
        return [lit(str(rng.randint(2, 9)))]
    pick = {"complaint": _COMPLAINTS, "social": _SOCIAL}[slot]
    return [lit(rng.choice(pick))]


def render(template: str, p: Patient) -> list[Part]:
    """A template's text as parts; a slot may fill with a label and its value."""
    return render_slots(template, lambda slot: _fill(p, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "referral_rows") -> list[dict[str, Any]]:
    """`n` referral letters, subject lines, record rows or chat lines."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Patient(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="referral_rows",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
