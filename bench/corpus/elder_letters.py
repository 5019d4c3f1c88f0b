"""Letters, e-mails and notes about people aged 90 to 110: every way prose gives such an age.

A DEV voice, written on 2026-12-07 by helper `dates` for issue 13's "ages over 89" pass, and
committed before its first measurement. HIPAA Safe Harbor takes every age over 89 (and the
year of birth that gives it away) as an identifier; letters and e-mails state such ages in
shapes a chart's "94yo" does not. Written from how such correspondence reads (referral
letters, GP e-mails, discharge letters, family e-mails, care-home notes, social-work reports,
therapy and medication reviews, ambulance handovers), not from any other corpus.

Each planted age is the number or number words alone ("aged [94]", "a [ninety-three]-year-old",
"[94]yo", "her [100th] birthday", "born [1931]"): the words around it identify no one. About a
quarter of the items are clean sentences with numbers 90-110 that are no ages (doses, "BP
94/60", "room 96", "95% on air", "90 minutes", "the 1990s"), and most letters carry such
numbers beside the age too, so precision is measured where the numbers are.

    python -m bench.corpus.elder_letters --n 3

First measured (`--split elder_letters --n 300 --repeat 1 --engine ours`, at 29eea54, before
any tuning): token recall 0.904, precision 0.618, AGE recall 0.789, clean flagged 12.0%, fully
scrubbed 70.9%, planted "dates" leaked 88/589. The misses: ages in words over a hundred, "now
101", "reached 106", "(92M)", "her 92nd" and "in her 97th year" without "birthday", "one
hundred and ten," after a name, "Age (years): 102", "107yrs M". The false positives of that
first run were partly the generator's own: its "clean" numbers named rooms and beds ("room 96",
"bay 93"), which the detector rightly takes, and its frames wrote relative dates ("today",
"next month") as plain text. Both fixed after that run (rooms and beds out of the clean
numbers, no relative dates in the frames, "a a hundred" and ",," mended): the corpus measured
since is the one pinned now.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_GB", "en_GB", "en_US", "en_IE", "en_AU", "en_NZ", "en_CA")
YEAR_NOW = 2026

_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip


def words(n: int, hyphen: bool = True) -> str:
    """90-110 in words: "ninety-three", "a hundred and two", "one hundred"."""
    if n < 100:
        unit = _UNITS[n - 90]
        return "ninety" + (("-" if hyphen else " ") + unit if unit else "")
    head = random.Random(n).choice(("a hundred", "one hundred"))
    rest = n - 100
    if not rest:
        return head
    tail = _UNITS[rest] if rest < 10 else "ten"
    return f"{head} and {tail}"


def ordinal_words(n: int) -> str:
    if n == 90:
        return "ninetieth"
    if n == 100:
        return "hundredth"
    if n < 100:
        tail = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                "eight": "eighth", "nine": "ninth"}.get(_UNITS[n - 90], _UNITS[n - 90] + "th")  # fmt: skip
        return "ninety-" + tail
    return "one hundred and " + {1: "first", 2: "second", 3: "third"}.get(n - 100, f"{n - 100}th")


def suffix(n: int) -> str:
    return "th" if 10 < n % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class Elder:
    """The person a document speaks of, and the people around them."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.female = rng.random() < 0.65
        self.first = self.fake.first_name_female() if self.female else self.fake.first_name_male()
        self.last = self.fake.last_name()
        self.title = rng.choice(("Mrs", "Miss", "Ms")) if self.female else "Mr"
        self.relative = f"{self.fake.first_name()} {self.fake.last_name()}"
        self.gp = self.fake.last_name()
        self.age = rng.randint(90, 110)
        self.birth_year = YEAR_NOW - self.age - rng.choice((0, 1))
        self.she, self.her = ("she", "her") if self.female else ("he", "his")
        self.sex = "F" if self.female else "M"
        self.noun = (
            rng.choice(("lady", "woman", "widow"))
            if self.female
            else rng.choice(("gentleman", "man", "widower"))
        )


def _article(spelled: str) -> str:
    """ "a " before an age in words, unless the words begin with their own ("a hundred")."""
    return "" if spelled.startswith("a ") else "a "


def _age(a: str, before: str = "", after: str = "") -> list[Part]:
    return [lit(before), pii(a, "AGE", "direct", "dates"), lit(after)]


def _birth(a: str, before: str = "", after: str = "") -> list[Part]:
    return [lit(before), pii(a, "DATE", "direct", "dates"), lit(after)]


# Each shape gives (before, planted, after) for one grammatical place an age stands in.
def _np(e: Elder, rng: random.Random) -> list[Part]:
    """Before a noun: "a 94-year-old lady"."""
    n = e.age
    return rng.choice([
        lambda: _age(str(n), "a ", f"-year-old {e.noun}"),
        lambda: _age(str(n), "a ", f" year old {e.noun}"),
        lambda: _age(words(n), _article(words(n)), f"-year-old {e.noun}"),
        lambda: _age(str(n), "a ", f"-yr-old {e.noun}"),
        lambda: _age(str(n), "a ", f" yo {e.noun}"),
        lambda: _age(f"{n}yo", "a ", f" {e.noun}"),
        lambda: _age(str(n), "a nonagenarian aged " if n < 100 else "a centenarian aged ", ""),
        lambda: _age(str(n), "a frail ", f" year-old {e.noun}"),
        lambda: _age(str(n), "a very independent ", f" y/o {e.noun}"),
        lambda: _age(words(n, hyphen=False), _article(words(n)), f" year old {e.noun}"),
    ])()  # fmt: skip


def _pred(e: Elder, rng: random.Random) -> list[Part]:
    """After "who is", "is": "94", "94 years old", "ninety-four"."""
    n = e.age
    return rng.choice([
        lambda: _age(str(n)),
        lambda: _age(str(n), "", " years old"),
        lambda: _age(words(n)),
        lambda: _age(str(n), "now ", ""),
        lambda: _age(str(n), "", " years of age"),
        lambda: _age(str(n), "aged ", ""),
        lambda: _age(words(n), "", " years old"),
        lambda: _age(str(n), "", " this year"),
        lambda: _age(str(n), "", " yrs"),
        lambda: _age(str(n), "nearly ", "") if n > 90 else _age(str(n), "just ", ""),
    ])()  # fmt: skip


def _paren(e: Elder, rng: random.Random) -> list[Part]:
    """After a name: "(94)", "(aged 94)", ", 94,"."""
    n = e.age
    return rng.choice([
        lambda: _age(str(n), " (", ")"),
        lambda: _age(str(n), " (aged ", ")"),
        lambda: _age(str(n), " (", " yrs)"),
        lambda: _age(f"{n}y", " (", ")"),
        lambda: _age(str(n), " (age ", ")"),
        lambda: _age(str(n), ", ", ""),
        lambda: _age(f"{n}{e.sex}", " (", ")"),
        lambda: _age(str(n), ", aged ", ""),
        lambda: _age(str(n), " (", " y/o)"),
        lambda: _age(words(n), ", ", ""),
    ])()  # fmt: skip


def _field(e: Elder, rng: random.Random) -> list[Part]:
    """A form's or a note's age field."""
    n = e.age
    return rng.choice([
        lambda: _age(str(n), "Age: ", ""),
        lambda: _age(str(n), "Age ", ""),
        lambda: _age(str(n), "age: ", ""),
        lambda: _age(str(n), "Age | ", " |"),
        lambda: _age(str(n), "Age/Sex: ", f"/{e.sex}"),
        lambda: _age(str(n), "", f" y/o {e.sex}"),
        lambda: _age(f"{n}{e.sex}", "Pt ", ""),
        lambda: _age(str(n), f"{e.sex}/", ""),
        lambda: _age(f"{n}yo", "", f" {e.sex}"),
        lambda: _age(str(n), "AGE ", " YRS"),
        lambda: _age(str(n), "Age (years): ", ""),
        lambda: _age(str(n), "Age at referral: ", ""),
        lambda: _age(str(n), "", f" {e.sex}"),
        lambda: _age(str(n), "", f"yrs {e.sex}"),
        lambda: _age(f"{n}yrs", "", ""),
        lambda: _age(str(n), "Age\t", ""),
    ])()  # fmt: skip


def _event(e: Elder, rng: random.Random) -> list[Part]:
    """A birthday or an age reached, as a clause."""
    n = e.age
    return rng.choice([
        lambda: _age(str(n), f"{e.she} turned ", " recently"),
        lambda: _age(f"{n}{suffix(n)}", f"{e.she} celebrated {e.her} ", " birthday on the ward"),
        lambda: _age(f"{n}{suffix(n)}", f"the family are celebrating {e.her} ", " with the family"),
        lambda: _age(f"{n}{suffix(n)}", f"{e.she} is in {e.her} ", " year"),
        lambda: _age(str(n), f"{e.she} will be ", f" in {rng.choice(_MONTHS)}"),
        lambda: _age(words(n), f"{e.she} turns ", " soon"),
        lambda: _age(ordinal_words(n), f"{e.she} had {e.her} ", " birthday in the spring"),
        lambda: _age(str(n), f"{e.she} reached ", " in the summer"),
        lambda: _age(f"{n}{suffix(n)}", f"a card from the King for {e.her} ", "") if n >= 100 else _age(str(n), f"{e.she} has just turned ", ""),
        lambda: _age(str(n), "at ", f" {e.she} still does {e.her} own shopping"),
    ])()  # fmt: skip


def _birth_cue(e: Elder, rng: random.Random) -> list[Part]:
    """A year or date of birth that gives the age away."""
    y, m, d = e.birth_year, rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([
        lambda: _birth(str(y), "born ", ""),
        lambda: _birth(str(y), "born in ", ""),
        lambda: _birth(str(y), "b. ", ""),
        lambda: _birth(str(y), "YOB ", ""),
        lambda: _birth(f"{d:02d}/{m:02d}/{y}", "DOB ", ""),
        lambda: _birth(f"{d} {_MONTHS[m - 1]} {y}", "date of birth ", ""),
        lambda: _birth(f"{d:02d}.{m:02d}.{y}", "D.O.B. ", ""),
        lambda: _birth(str(y), "year of birth: ", ""),
    ])()  # fmt: skip


def _foreign(e: Elder, rng: random.Random) -> list[Part]:
    """Another language's age, as bilingual families and forms write it."""
    n = e.age
    return rng.choice([
        lambda: _age(str(n), "Patientin, ", " Jahre alt,") if e.female else _age(str(n), "Patient, ", " Jahre alt,"),
        lambda: _age(str(n), "âgée de " if e.female else "âgé de ", " ans"),
        lambda: _age(str(n), "la paciente de " if e.female else "el paciente de ", " años"),
        lambda: _age(f"{n}-jährige", "die " if e.female else "der ", " Bewohnerin" if e.female else " Bewohner"),
        lambda: _age(str(n), "paziente di ", " anni"),
        lambda: _age(str(n), "", " jaar oud"),
        lambda: _age(f"{n}歳", "", ""),
        lambda: _age(str(n), "", " år gammal"),
        lambda: _age(str(n), "edad: ", ""),
        lambda: _age(str(n), "idade ", " anos"),
    ])()  # fmt: skip


# Numbers of 90-110 that are no ages, as the same letters write them.
NOT_AGES = (
    "BP 94/60 lying, 90/58 standing", "sats 95% on air", "SpO2 96% on 2L", "pulse 102 irregular",
    "HR 92", "weight 98 kg", "glucose 95 mg/dL", "Hb 104 g/L", "eGFR 91", "temp 99.1F",
    "furosemide 100 mg once daily", "paracetamol 1 g QDS, max 4 g; tramadol 100 mg PRN",
    "the 90 minutes the assessment took",
    "a 90-day supply", "within 90 days of discharge", "since the 1990s", "in the 1990s",
    "about 95 residents", "a 100-bed unit", "extension 9104", "route 97 bus", "page 104 of the policy",
    "the home opened in 1995", "a £95 weekly top-up", "MMSE 19/30 and ACE-III 62/100",
    "walked 100 metres with a frame", "100 mL/hr of saline", "a 96-hour cooling-off period",
    "form SW-101", "score 92/100", "the 99th centile", "the 100th referral this year",
)  # fmt: skip


def _not_age(e: Elder, rng: random.Random) -> list[Part]:
    return [lit(rng.choice(NOT_AGES))]


def _name(e: Elder, rng: random.Random) -> list[Part]:
    return [pii(f"{e.first} {e.last}", "NAME", "direct", "names")]


def _name_title(e: Elder, rng: random.Random) -> list[Part]:
    return [lit(f"{e.title} "), pii(e.last, "NAME", "direct", "names")]


def _relative(e: Elder, rng: random.Random) -> list[Part]:
    return [pii(e.relative, "NAME", "direct", "names")]


def _gp(e: Elder, rng: random.Random) -> list[Part]:
    return [lit("Dr "), pii(e.gp, "NAME", "staff", "")]


SLOTS: dict[str, Callable[[Elder, random.Random], list[Part]]] = {
    "np": _np, "pred": _pred, "paren": _paren, "field": _field, "event": _event,
    "birth": _birth_cue, "foreign": _foreign, "num": _not_age, "name": _name,
    "name_title": _name_title, "relative": _relative, "gp": _gp,
}  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "elder_letters": [
        # referral letters
        "Dear {gp},\n\nRe: {name}{paren}\n\nThank you for seeing this {np} with recurrent falls. "
        "On examination {num}. I would be grateful for your opinion.",
        "Re: {name_title}, {birth}\n\nI am writing to refer {name_title}, who is {pred}, to the "
        "memory clinic. Recent bloods: {num}.",
        "REFERRAL FORM\nName: {name}\n{field}\nReason: reduced mobility; {num}.",
        # GP e-mails
        "Hi {gp}, quick one about {name_title} - {event}. Family worried about the stairs. "
        "Observations: {num}.",
        "Subject: {name_title} ({birth})\n\nMorning, just to let you know {name_title} is {pred} and "
        "still managing at home. {num}.",
        # discharge letters
        "DISCHARGE LETTER\nPatient: {name}   {field}\nAdmitted with a chest infection. On discharge "
        "{num}. Medication changes: {num}.",
        "{name_title} is {np} admitted after a fall at home. {event}, and we hope to get "
        "{name_title} home before then.",
        # family e-mails
        "Hello, I'm writing about my grandmother {name}{paren} at Elm Court. {event}. Could someone "
        "ring me back? Thanks, {relative}",
        "Hi all, Mum ({relative} here) - Dad is {pred} now and {num}. He was {birth}.",
        "Dear Sir or Madam, my aunt {name_title} is {np} and lives alone. {event}.",
        # care-home notes
        "Resident: {name}\n{field}\nNight note: settled, {num}. {event}.",
        "Care plan review for {name_title}, {pred}. Mobility: {num}. Diet: soft.",
        "Handover - {name_title}: {np}, {birth}, DNACPR in place; {num}.",
        # social-work reports
        "SOCIAL WORK ASSESSMENT\nService user: {name}\n{field}\n{name_title} is {np} who was "
        "widowed in the 1990s. Carers visit four times daily.",
        "Safeguarding concern raised for {name}, {birth}. {name_title} is {pred}; the neighbour "
        "{relative} reports {num}.",
        # therapy, medication review, ambulance
        "OT home visit: {name_title}, {np}, managed the stairs with one rail. {num}.",
        "Medication review for {name}{paren}: {num}. Stop the amlodipine; {num}.",
        "Ambulance handover: {field}, found on the floor at home, {num}.",
        "Falls clinic note. {name}, {pred}. {event}. Timed up-and-go over {num}.",
        "Palliative care note: {name_title}{paren}, {foreign}, family at the bedside.",
        "Interpreter booked for {name_title}: {foreign}. {num}.",
        "Bed board: {name_title} {field} - awaiting a care-home place.",
        # clean: numbers that are no ages, no patient
        "Reminder: the falls clinic runs on Tuesdays; {num}, {num}.",
        "Audit: {num} and {num} across the unit this quarter.",
        "Policy update: {num}; see {num}.",
        "Staffing note: {num}. The lift is out of order.",
    ],
}


def render(template: str, e: Elder) -> list[Part]:
    parts: list[Part] = []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        parts.append(lit(template[pos : m.start()]))
        filled = SLOTS[m.group(1)](e, e.rng)
        if m.group(1) == "event" and template[: m.start()].rstrip(" ").endswith(
            (".", "\n", "-")
        ) | (m.start() == 0):
            head = filled[0] if filled[0].text else filled[1]  # a clause opens its sentence
            filled[filled.index(head)] = Part(
                head.text[:1].upper() + head.text[1:], head.kind, head.role, head.harbor
            )
        parts += filled
        pos = m.end()
    parts.append(lit(template[pos:]))
    return [p for p in parts if p.text or p.kind]


@on_reference_day
def generate(n: int, seed: int, split: str = "elder_letters") -> list[dict[str, Any]]:
    """`n` documents of one or two items each, reproducible by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Elder(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="elder_letters",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
