"""A pharmacy's and a clinic's operations channel: formulary and shortage notices, dosing
tables, callback numbers and opening hours, beside messages about one patient (DEV).

A DEV voice, written on 2026-12-07 by the organisations' false-alarm pass of issue 13 (helper
`orgfp`) and committed before its first measurement. It is for tuning: the held-out voices
(`pharmacy_fax` among them) stay held out, and this corpus's figures are dev figures, never
evidence. Written from how such posts are typed, not from any other corpus.

What counts as PHI here: a patient's or a relative's name and phone (direct), a patient's exact
age (quasi; over 89, direct), and a day or relative date (quasi: the product reads "Monday",
"next week" as dates on purpose, since a patient's "admitted last night" is a date of service).
NOT PHI (plain text, never gold): an organisation's own numbers (a toll-free or freephone line,
a pharmacy's fax, a clinic's front desk, a switchboard, a ward's number), and the ages a dosing
table, a label, an eligibility rule or a screening guideline gives a population ("patients 65
years and older", "children under 12 years", "ages 2 to 11 years", "women aged 50-74"). Messages
about a patient mix both: a label's population threshold beside the patient's own age, a
pharmacy's fax beside a daughter's cell.

    python -m bench.corpus.pharmacy_ops --n 3
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
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_US", "en_US", "en_GB", "en_CA", "en_AU")

_DRUGS = (
    "amoxicillin", "apixaban", "metformin", "ondansetron", "paracetamol", "ibuprofen",
    "enoxaparin", "levothyroxine", "cetirizine", "prednisolone", "gabapentin", "atorvastatin",
    "salbutamol", "cefalexin", "oseltamivir", "zolpidem", "tramadol", "loratadine",
)  # fmt: skip
_STRENGTHS = ("250 mg/5 mL", "5 mg", "500 mg", "4 mg ODT", "2.5 mg", "40 mg/0.4 mL", "10 mg")
_DOSES = (
    "5 mL",
    "2.5 mL",
    "1 tablet",
    "2 tablets",
    "10 mg once daily",
    "0.25 mL/kg",
    "half a tablet",
)
# What a label, a dosing table, an eligibility rule or a guideline says a population is.
_POPULATIONS = (
    "For patients 65 years and older", "Not for children under 12 years",
    "Ages 2 to 11 years", "Age 18 and over", "Adults 18 years and older",
    "Children 6 to 11 years", "Patients aged 75 years or older", "For ages 12+",
    "Pediatric patients 6 months to 5 years", "In patients older than 75",
    "Children younger than 2 years", "Adults over 65", "Ages 12 and up",
    "Patients 80 years of age and older", "Adolescents 12 to 17 years",
    "Children aged 2-5 years", "For people aged 65 and over", "Infants under 6 months",
    "Over-65s", "Patients under 18 years", "Adults aged 18-64",
)  # fmt: skip
# The same thresholds inside a sentence ("reduce the dose in patients 65 years and older").
_THRESHOLDS = (
    "in patients 65 years and older", "for ages 2 to 11 years", "in children under 12 years",
    "for adults over 65", "in patients older than 75", "for those aged 80 and over",
    "in patients aged 75 years or older", "for children 6 months to 5 years",
    "in adults 18 years and older", "for ages 12+", "in over-65s", "for patients under 18 years",
)  # fmt: skip
_SCREENING = (
    "adults over 50 should be screened for colorectal cancer",
    "women aged 50-74 get a mammogram every two years",
    "offer the shingles vaccine to adults 50 years and older",
    "pneumococcal vaccine for everyone 65 years or older",
    "AAA screening for men aged 65 to 75 who have ever smoked",
    "HPV catch-up for ages 9 through 26",
    "RSV vaccine now approved for adults 60 years and older",
    "flu jabs for children aged 2 to 17 at the school clinics",
)  # fmt: skip
_DAYS = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "next week",
    "tomorrow", "next Monday", "this Friday", "today",
)  # fmt: skip
_RELATIVES = ("daughter", "son", "wife", "husband", "mother", "carer", "partner")
_DESKS = (
    "Pharmacy fax", "Pharmacy line", "Clinic fax", "Front desk", "Switchboard",
    "Our main line", "Helpline", "Outpatient pharmacy", "Dispensary", "Clinic office",
)  # fmt: skip
_NANP_TOLL_FREE = ("800", "888", "877", "866", "855", "844", "833")
_AREA_CODES = ("617", "312", "415", "206", "512", "404", "303", "416", "604", "213", "718")


def _toll_free(rng: random.Random) -> str:
    """An organisation's toll-free or freephone number (NANP 8xx, UK 0800/0808, AU 1800)."""
    a, b, c = rng.choice(_NANP_TOLL_FREE), f"{rng.randint(2, 9)}{digits(rng, 2)}", digits(rng, 4)
    uk = f"{rng.choice(['0800', '0808'])} {digits(rng, 3)} {digits(rng, 4)}"
    return rng.choice(
        [f"1-{a}-{b}-{c}", f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"1 ({a}) {b}-{c}", f"{a}.{b}.{c}",
         uk, uk, f"1800 {digits(rng, 3)} {digits(rng, 3)}"]
    )  # fmt: skip


def _local(rng: random.Random) -> str:
    """A geographic number, a desk's or a person's: US/CA, UK landline or mobile, AU mobile."""
    a, b, c = rng.choice(_AREA_CODES), f"{rng.randint(2, 9)}{digits(rng, 2)}", digits(rng, 4)
    return rng.choice(
        [f"{a}-{b}-{c}", f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"1-{a}-{b}-{c}",
         f"020 7946 {digits(rng, 4)}", f"0161 496 {digits(rng, 4)}",
         f"07700 900{digits(rng, 3)}", f"04{digits(rng, 2)} {digits(rng, 3)} {digits(rng, 3)}"]
    )  # fmt: skip


class Case:
    """Who a message is about (when it is about anyone), so name, age and relative agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        fake = fakers[rng.choice(LOCALES)]
        fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = fake.first_name(), fake.last_name()
        self.age = rng.choice([rng.randint(2, 17), rng.randint(18, 64), rng.randint(65, 89)])
        self.relative = rng.choice(_RELATIVES)


def _age(c: Case) -> list[Part]:
    """The patient's own age, in the shapes a chat types it; over 89 it is direct."""
    rng, n = c.rng, c.age if c.rng.random() < 0.9 else c.rng.randint(90, 99)
    text = rng.choice(
        [f"{n}-year-old", f"{n} y/o", f"{n}yo", f"aged {n}", f"age {n}", f"{n} years old"]
    )
    return [pii(text, "AGE", "direct" if n > 89 else "quasi", "dates" if n > 89 else "")]


def _fill(c: Case, slot: str) -> Part | list[Part]:
    rng = c.rng
    plain = {
        "drug": lambda: rng.choice(_DRUGS),
        "drug2": lambda: rng.choice(_DRUGS),
        "strength": lambda: rng.choice(_STRENGTHS),
        "dose": lambda: rng.choice(_DOSES),
        "dose2": lambda: rng.choice(_DOSES),
        "population": lambda: rng.choice(_POPULATIONS),
        "population2": lambda: rng.choice(_POPULATIONS),
        "threshold": lambda: rng.choice(_THRESHOLDS),
        "screening": lambda: rng.choice(_SCREENING),
        "toll_free": lambda: _toll_free(rng),
        "desk_number": lambda: _local(rng),
        "desk_number2": lambda: _local(rng),
        "desk": lambda: rng.choice(_DESKS),
        "relative": lambda: c.relative,
        "lot": lambda: f"{rng.randint(10, 99)}{rng.choice('ABKLMX')}{digits(rng, 3)}",
    }
    if slot in plain:
        return lit(plain[slot]())
    if slot == "day":
        return pii(rng.choice(_DAYS), "DATE", "quasi", "dates")
    if slot == "name":
        return pii(f"{c.first} {c.last}", "NAME", "direct", "names")
    if slot == "last":
        return pii(c.last, "NAME", "direct", "names")
    if slot == "phone":
        return pii(_local(rng), "CONTACT", "direct", "telephone numbers")
    if slot == "age":
        return _age(c)
    raise KeyError(slot)


TEMPLATES: dict[str, list[str]] = {
    "pharmacy_ops": [
        # clean: no patient, an organisation's numbers, a population's ages, days
        "Formulary change effective {day}: {drug} replaces {drug2} on the adult list.",
        "{drug} oral suspension dosing\n{population}: {dose}\n{population2}: {dose2}\n"
        "Max 4 doses in 24 hours.",
        "Shortage update: {drug} {strength} back-ordered until {day}. Questions: {toll_free}.",
        "Please call our pharmacy line at {toll_free} with questions.",
        "{desk}: {desk_number}",
        "Pick-up window extended to {day}. {desk}: {desk_number}, fax {desk_number2}.",
        "Effective {day}, the clinic hours change to 8:00-17:00. Front desk: {desk_number}.",
        "Screening reminder: {screening}.",
        "{population}: do not use {drug}. Poison control {toll_free}.",
        "Label change for {drug}: {population}, {dose}. {population2}, {dose2}.",
        "Renal dosing: {drug} - reduce the dose {threshold}.",
        "Manufacturer hotline {toll_free} for the {drug} recall, lot {lot}.",
        "Freephone {toll_free} for the {drug} shortage update.",
        "Send the fax to the clinic at {desk_number}. Prior auths for {drug} only.",
        "Refill requests: fax to the clinic on {desk_number} or call {toll_free}.",
        "Guideline update: {screening}; see the intranet page.",
        # about a patient: the patient's age or phone beside the organisation's and a label's
        "Callback: {name}, cell {phone}, re {drug} refill.",
        "Pt {name} ({age}) - label says {dose} {threshold}. OK to dispense?",
        "This patient ({age}) over 60 kg gets 1 g of {drug}; table says 2 g {threshold}.",
        "Her {relative}'s number is {phone}; {desk_lower} {desk_number}.",
        "Please call the patient back on {phone} about the {drug} shortage.",
        "{name}, {age}, on {drug} {strength}. {population}: {dose}.",
        "Pt's home phone {phone}. Pharmacy line {toll_free} if questions.",
        "{name} asks for a text at {phone} when the {drug} is in, ETA {day}.",
        "Mrs {last}'s {relative} called from {phone} about the {drug} dose.",
        "New pt on {drug}, {age}, eGFR 38. Renal table: 5 mg {threshold}.",
        "Spoke to the patient ({age}) and {relative}; callback {phone}. Fax {toll_free}.",
    ]
}


def _lower(phrase: str) -> str:
    return phrase[0].lower() + phrase[1:]


def render(template: str, c: Case) -> list[Part]:
    """A template's text as parts; a `_lower` slot is its phrase after a word."""

    def fill(slot: str) -> Part | list[Part]:
        if slot.endswith("_lower"):
            part = _fill(c, slot.removesuffix("_lower"))
            assert isinstance(part, Part)
            return Part(_lower(part.text), part.kind, part.role, part.harbor)
        return _fill(c, slot)

    return render_slots(template, fill)


@on_reference_day
def generate(n: int, seed: int, split: str = "pharmacy_ops") -> list[dict[str, Any]]:
    """`n` operations posts, one or two templates each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Case(rng, fakers), render, between="\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="pharmacy_ops",
        default_n=10,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
