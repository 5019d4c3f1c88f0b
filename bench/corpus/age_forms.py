"""Ages in every form a letter, a transfer e-mail, a clinic note or an insurer writes them: a DEV voice.

Written on 2026-12-07 by the ages pass of issue 13 (helper `ages`) and committed before its
first measurement. It is for tuning the age recognizers: the held-out voices stay held out, and
this corpus's figures are dev figures, never evidence. Written from how referral letters,
nursing-home transfer e-mails, geriatric clinic notes and insurers' letters give an age, not
from any other corpus (and not in our chat voice).

What it plants, with emphasis on 90-119 (about three in four ages; HIPAA Safe Harbor makes
every age over 89 an identifier): "aged 93", "a 93-year-old", "93 y/o", "93yo", "93 yrs",
"age: 93", "Age 93", "Mrs Rhodes (93)", "Mrs R (97)", "93F", "F 93", "93/F", "F/93", "93 y.o.
female", "67Y M", "4/M", "ninety-three years old", "turned 95 last week", "95th birthday", "a
centenarian aged 101", "pt is a 96 yo", "Age | 94" in a table, "(F, 94)", "Age/Sex: 94/F",
"in her 97th year", and other languages' ages ("58 años", "82 ans", "91 Jahre alt", "93 anni",
"92 jaar", "95 år", "90 lat", "93岁"). An age under 90 is planted only in the forms that say
whose it is (a typed age form, a sex letter, another language's year word, a name's brackets):
it is a quasi-identifier (role `quasi`); 90 and over is direct (role `direct`, Safe Harbor
"dates" planted). A gold span is the age with its own unit, sex and label words ("aged 93",
"93 y/o", "93/F", "age: 93", "91 Jahre alt"), not a table's separate label cell.

Decade phrases and the aggregate stay clean: "in her nineties", "a nonagenarian", "aged 90+",
"over 90" said of the patient. Safe Harbor asks that ages over 89 be aggregated into one
category of 90 or older; these already are that category (or wider), and name no exact age.

Near misses, in the planted documents and in clean ones: doses ("90 mg", "furosemide 100 mg"),
saturations ("93% on air"), "BP 95/60", "the 94 bus", "over 90 days", "a 90-day supply",
populations ("patients over 90", "the over-90s", "residents aged 90 and over", "Kinder unter 12
Jahren", "niños menores de 5 años"), years ("in 1993", "since 1995"), "Ward 91", "90 minutes",
durations in other languages ("hace 3 años", "seit 5 Jahren", "depuis 2 ans"), scores, weights,
money, extensions and claim lines. A room ("room 92") is a gold ROOM, as the product takes it.

    python -m bench.corpus.age_forms --n 3

First measured at 309ea96 (before any tuning). After that run, with the text unchanged: the
leak test counted a planted form's unit, sex and label words ("birthday", "alt", the "F" of
"F/96") as identifying, so only the age proper (the number, or its number words) is planted
now, the rest of the form staying gold AGE with no role (so one age is one quasi-identifier
to the verdict, as before); and the relative days the frames wrote
("tomorrow", "this afternoon") are gold DATEs, as the product takes them. Token figures are
those of the first run but for those days.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any

from faker import Faker

from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_GB", "en_GB", "en_US", "en_US", "en_IE", "en_AU", "en_CA", "en_NZ")

_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen")  # fmt: skip
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ORDINAL_UNITS = {"one": "first", "two": "second", "three": "third", "five": "fifth",
                  "eight": "eighth", "nine": "ninth"}  # fmt: skip


def spelled(n: int, hyphen: str = "-") -> str:
    """1-119 in words: "ninety-three", "a hundred and four", "one hundred and twelve"."""
    if n >= 100:
        head = "one hundred" if n % 2 else "a hundred"
        return head if n == 100 else f"{head} and {spelled(n - 100, hyphen)}"
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    unit = _UNITS[n % 10]
    return _TENS[n // 10] + (hyphen + unit if unit else "")


def spelled_ordinal(n: int) -> str:
    """90-119 as an ordinal in words: "ninetieth", "ninety-third", "hundredth"."""
    if n == 100:
        return "hundredth"
    if n > 100:
        rest = spelled(n - 100)
        last = rest.split("-")[-1]
        tail = _ORDINAL_UNITS.get(last, "twelfth" if last == "twelve" else last + "th")
        return "one hundred and " + rest[: len(rest) - len(last)] + tail
    if n % 10 == 0:
        return _TENS[n // 10][:-1] + "ieth"
    unit = _UNITS[n % 10]
    return _TENS[n // 10] + "-" + _ORDINAL_UNITS.get(unit, unit + "th")


def suffix(n: int) -> str:
    return "th" if 10 < n % 100 < 14 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


class Person:
    """Who a document is about, so the name, sex, pronouns and age agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        fake = fakers[rng.choice(LOCALES)]
        fake.seed_instance(rng.getrandbits(32))
        self.female = rng.random() < 0.62
        self.first = fake.first_name_female() if self.female else fake.first_name_male()
        self.last = fake.last_name()
        self.title = rng.choice(("Mrs", "Mrs", "Ms", "Miss")) if self.female else "Mr"
        self.relative = f"{fake.first_name()} {fake.last_name()}"
        self.doctor = fake.last_name()
        self.sex = "F" if self.female else "M"
        self.sexword = (
            rng.choice(("female", "woman")) if self.female else rng.choice(("male", "man"))
        )
        self.she, self.her = ("she", "her") if self.female else ("he", "his")
        roll = rng.random()
        self.age = (
            rng.randint(90, 105)
            if roll < 0.66
            else rng.randint(106, 119)
            if roll < 0.76
            else rng.randint(1, 17)
            if roll < 0.8
            else rng.randint(18, 89)
        )
        adult = ("lady", "woman") if self.female else ("gentleman", "man")
        self.noun = rng.choice(adult if self.age >= 18 else ("girl",) if self.female else ("boy",))


# The age proper in a planted form: its number (with what is glued to it, "93F", "93yo",
# "95th", "93岁") or its number words
_UNIT_WORD = r"(?:-(?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?"
_CORE = re.compile(
    rf"\w*\d+\w*|(?:(?:a|one) )?hundred(?:th)?(?: and [a-z]+{_UNIT_WORD})?"
    rf"|(?:twen|thir|for|fif|six|seven|eigh|nine)t(?:y|ieth){_UNIT_WORD}"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six"
    r"|seven|eigh|nine)teen)\b"
)


def _a(p: Person, before: str, value: str, after: str = "") -> list[Part]:
    """The planted age as gold AGE parts: the whole form is gold (its unit, sex and label words
    too, for precision), and only the age proper is the planted Safe Harbor value, so the leak
    test asks that the number be covered, not "birthday", "alt" or a sex letter."""
    role = "direct" if p.age > 89 else "quasi"
    core = _CORE.search(value)
    assert core is not None, value
    a, b = core.span()
    parts = [  # one age is one identifier: only the number carries the role the verdict counts
        pii(value[:a], "AGE", ""),
        pii(value[a:b], "AGE", role, "dates" if p.age > 89 else ""),
        pii(value[b:], "AGE", ""),
    ]
    return [lit(before), *(q for q in parts if q.text), lit(after)]


Form = Callable[[Person, int], list[Part]]

# Forms any age takes (the words around it say whose it is): (person, age) -> parts
ANY_AGE: tuple[Form, ...] = (
    lambda p, n: _a(p, "", f"aged {n}"),
    lambda p, n: _a(p, "a ", f"{n}-year-old", f" {p.noun}"),
    lambda p, n: _a(p, "a ", f"{n} year old", f" {p.sexword}"),
    lambda p, n: _a(p, "", f"{n} y/o", f" {p.sexword}"),
    lambda p, n: _a(p, "", f"{n}yo", f" {p.sex}"),
    lambda p, n: _a(p, "", f"{n} yrs"),
    lambda p, n: _a(p, "", f"{n} yrs old"),
    lambda p, n: _a(p, "", f"{n} years old"),
    lambda p, n: _a(p, "", f"{n} years of age"),
    lambda p, n: _a(p, "", f"age: {n}"),
    lambda p, n: _a(p, "", f"Age {n}"),
    lambda p, n: _a(p, "", f"AGE: {n}"),
    lambda p, n: _a(p, "", f"{n}{p.sex}"),
    lambda p, n: _a(p, "", f"{p.sex} {n}"),
    lambda p, n: _a(p, "", f"{n}/{p.sex}"),
    lambda p, n: _a(p, "", f"{p.sex}/{n}"),
    lambda p, n: _a(p, "", f"{n} y.o. {p.sexword}"),
    lambda p, n: _a(p, "", f"{n}Y {p.sex}"),
    lambda p, n: _a(p, "", f"{n}y {p.sex}"),
    lambda p, n: _a(p, "pt is a ", f"{n} yo"),
    lambda p, n: _a(p, "", f"{n}-yr-old", f" {p.noun}"),
    lambda p, n: _a(p, "", f"{n}yrs"),
    lambda p, n: _a(p, "", f"{n} yo{p.sex.lower()}"),
    lambda p, n: _a(p, "", f"{n}-y-o", f" {p.sexword}"),
    lambda p, n: _a(p, "", f"Age/Sex: {n}/{p.sex}"),
    lambda p, n: _a(p, "", f"Sex/Age: {p.sex}/{n}"),
    lambda p, n: _a(p, "", f"aged {n} years"),
    lambda p, n: _a(p, "(", f"{n}{p.sex}", ")"),
    lambda p, n: _a(p, "(", f"{n} y", ")"),
    lambda p, n: _a(p, "", f"age {n} yrs"),
    lambda p, n: _a(p, "", f"{spelled(n)} years old"),
    lambda p, n: _a(p, "", f"aged {spelled(n)}"),
    lambda p, n: _a(p, "a ", f"{spelled(n)}-year-old", f" {p.noun}"),
)
# Forms after a name ("Mrs Rhodes (93)", "Mr Hale, 94,"): any age in brackets, and over 89 the
# shapes that only a place beside a name or a sex word makes an age
TAG_ANY: tuple[Form, ...] = (
    lambda p, n: _a(p, " (", f"{n}", ")"),
    lambda p, n: _a(p, " (", f"aged {n}", ")"),
    lambda p, n: _a(p, " (", f"{n}{p.sex}", ")"),
    lambda p, n: _a(p, " (", f"{n} yrs", ")"),
    lambda p, n: _a(p, ", ", f"{n}/{p.sex}"),
)
TAG_OVER_89: tuple[Form, ...] = (
    lambda p, n: _a(p, ", ", f"{n}"),
    lambda p, n: _a(p, ", ", f"{n}", f", {p.sexword}"),
    lambda p, n: _a(p, f", {p.sexword}, ", f"{n}"),
    lambda p, n: _a(p, " (", f"{p.sex}, {n}", ")"),
    lambda p, n: _a(p, " (", f"{n}, {p.sex}", ")"),
    lambda p, n: _a(p, " (", f"{n} y", ")"),
    lambda p, n: _a(p, ", ", f"{spelled(n)}"),
    lambda p, n: _a(p, ", now ", f"{n}"),
)
# Clauses that give an age in prose; over 89 an identifier whatever the cue
PROSE_ANY: tuple[Form, ...] = (
    lambda p, n: _a(p, f"{p.she} is ", f"{n} years old"),
    lambda p, n: _a(p, f"{p.she} is ", f"aged {n}"),
    lambda p, n: _a(p, f"{p.she} is a ", f"{n}-year-old", f" {p.noun}"),
    lambda p, n: _a(p, f"{p.she} is ", f"{n} yrs old"),
    lambda p, n: _a(p, "the patient is a ", f"{n} yo", f" {p.sexword}"),
)
PROSE_OVER_89: tuple[Form, ...] = (
    lambda p, n: _a(p, f"{p.she} turned ", f"{n}", " last week"),
    lambda p, n: _a(p, f"{p.she} celebrated {p.her} ", f"{n}{suffix(n)} birthday", " in the home"),
    lambda p, n: _a(p, f"{p.she} is in {p.her} ", f"{n}{suffix(n)} year"),
    lambda p, n: _a(
        p, f"{p.she} is a " + ("centenarian" if n >= 100 else "nonagenarian") + " ", f"aged {n}"
    ),
    lambda p, n: _a(p, f"{p.she} is ", f"{n}", " and lives alone"),
    lambda p, n: _a(p, "now ", f"{n}", f", {p.she} still walks to the shop"),
    lambda p, n: _a(p, f"{p.she} will be ", f"{n}", " in March"),
    lambda p, n: _a(p, "at ", f"{n}", f" {p.she} remains independent"),
    lambda p, n: _a(p, f"{p.she} turned ", f"{spelled(n)}", " in the spring"),
    lambda p, n: _a(p, f"{p.her} ", f"{spelled_ordinal(n)} birthday", " is next month"),
    lambda p, n: _a(p, f"{p.she} is ", f"{n}", " this year"),
    lambda p, n: _a(p, f"{p.she} turns ", f"{n}", " on Friday"),
    lambda p, n: _a(p, f"{p.she} is ", f"{n}", " yrs young"),
    lambda p, n: _a(p, f"{p.she} is ", f"{spelled(n)}", " and still sharp"),
    lambda p, n: _a(p, f"{p.she} reached ", f"{n}", " in June"),
    lambda p, n: _a(p, "the family are planning " + p.her + " ", f"{n}{suffix(n)}", ""),
)
# Other languages' ages, as bilingual families, forms and transferring homes write them
FOREIGN: tuple[Form, ...] = (
    lambda p, n: _a(p, "paciente de ", f"{n} años"),
    lambda p, n: _a(p, "", f"{n} años", " de edad"),
    lambda p, n: _a(p, ("âgée" if p.female else "âgé") + " de ", f"{n} ans"),
    lambda p, n: _a(p, "patient" + ("e" if p.female else "") + " de ", f"{n} ans"),
    lambda p, n: _a(p, ("Patientin" if p.female else "Patient") + ", ", f"{n} Jahre alt"),
    lambda p, n: _a(p, "", f"{n}-jährige", " Bewohnerin" if p.female else " Bewohner"),
    lambda p, n: _a(p, "paziente di ", f"{n} anni"),
    lambda p, n: _a(p, "", f"{n} jaar", " oud"),
    lambda p, n: _a(p, "", f"{n} år", " gammal"),
    lambda p, n: _a(p, "pacjentka " if p.female else "pacjent ", f"{n} lat"),
    lambda p, n: _a(p, "患者，", f"{n}岁"),
    lambda p, n: _a(p, "", f"{n}歳"),
    lambda p, n: _a(p, "", f"Edad: {n}"),
    lambda p, n: _a(p, "", f"Alter: {n}"),
    lambda p, n: _a(p, "", f"idade {n} anos"),
    lambda p, n: _a(p, "", f"{n} anos"),
)

# Numbers beside ages that are no ages, as the same letters write them
NEAR_MISSES = (
    "furosemide 40 mg increased to 90 mg", "aspirin 75 mg", "tramadol 100 mg PRN",
    "sats 93% on air", "SpO2 94% on 2L", "BP 95/60 lying", "BP 110/70", "pulse 96 irregular",
    "she takes the 94 bus to the day centre", "bus 94 from the station", "over 90 days",
    "a 90-day supply", "within 90 days of discharge", "our service sees patients over 90 weekly",
    "the over-90s clinic on Thursdays", "residents aged 90 and over get a flu jab at home",
    "her husband died in 1993", "she has lived there since 1995", "transferred from Ward 91",
    "the assessment took 90 minutes", "a 90-minute home visit", "weight 94 kg",
    "Barthel 95/100", "MMSE 23/30", "eGFR 91", "Hb 98 g/L", "temp 99.1F", "glucose 95 mg/dL",
    "the top-up is £95 a week", "a copay of $93.50", "claim line 9104",
    "see page 93 of the handbook", "the 95th centile", "her 3rd admission this year",
    "100 mL/hr of saline", "MUST score 2", "ext 9301", "about 95 residents", "a 96-bed home",
    "in her nineties", "a nonagenarian", "aged 90+", "she is over 90",
    "Kinder unter 12 Jahren", "niños menores de 5 años", "hace 3 años", "seit 5 Jahren",
    "depuis 2 ans", "1 in 95 people", "Form 90-B", "since the 1990s", "policy 93-A",
)  # fmt: skip


def _near(p: Person) -> list[Part]:
    return [lit(p.rng.choice(NEAR_MISSES))]


def _room(p: Person) -> list[Part]:
    rng = p.rng
    return [pii(f"{rng.choice(('room', 'Room'))} {rng.randint(80, 120)}", "ROOM", "quasi")]


def _age_form(p: Person, pool: str) -> list[Part]:
    """One planted age: a form any age takes, or one only an age over 89 takes, or another
    language's (`pool` "any", "tag", "prose" or "foreign"; under 90 only the forms that say
    whose the age is)."""
    over = p.age > 89
    forms = {
        "any": ANY_AGE,
        "tag": TAG_ANY + TAG_OVER_89 if over else TAG_ANY,
        "prose": PROSE_ANY + PROSE_OVER_89 if over else PROSE_ANY,
        "foreign": FOREIGN,
    }[pool]
    return p.rng.choice(forms)(p, p.age)


TEMPLATES: dict[str, list[str]] = {
    "age_forms": [
        # referral letters
        "Dear Dr {doctor},\n\nRe: {name}, {any}\n\nThank you for seeing this patient with "
        "recurrent falls and postural dizziness. On examination {near}; {near2}. I would value "
        "your advice on the antihypertensives.\n\nYours sincerely",
        "Dear Colleague,\n\nI would be grateful if you could review {tname}{tag}, who has "
        "been increasingly breathless on exertion. {near}. {She} manages with carers twice "
        "daily.",
        "REFERRAL - ORTHOGERIATRICS\nPatient: {name}\n{any}\nReason: fractured neck of femur, "
        "for review. {near}.",
        "Re: {tname}{tag}\nThis patient, {any}, was seen in the memory clinic; {near}.",
        "Dear Dr {doctor}, many thanks for seeing {name}. {Prose}. {near}, {near2}.",
        # nursing-home transfer e-mails
        "Subject: Transfer - {tname}, {any}\n\nHi team, {tname} is coming to you from "
        "Elmhurst Lodge this afternoon. {near}. Meds in the blister pack. Thanks, {relative}",
        "Hi, just confirming the transfer of {name}{tag} to your unit. {Prose}. {near}. "
        "DNACPR in place.",
        "From the nurse in charge: {tname}, {foreign}, transferred with {her} notes; {near}.",
        "Transfer summary\nResident: {name}\n{any}\nMobility: frame; {near}; {near2}.",
        "Morning all - {title} {initial} ({num}) is being moved to {room} tomorrow. {near}.",
        # geriatric clinic notes
        "GERIATRIC CLINIC\n{any}, lives alone, {near}. Plan: bloods; {near2}.",
        "CGA note: {name}{tag}. Falls x3 this year. {near}. Frailty score 6.",
        "Clinic note - {tname}: {any} with {near}. {Prose}.",
        "| Name | {name} |\n| Age | {num} |\n| Sex | {sex} |\n| Notes | {near} |",
        "Age | {num}\nSex | {sex}\nAdmitted | from home\nComment | {near}",
        "Pt: {name}, {any}. Hx: AF, CKD 3. {near}. Reviewed with {relative} (daughter).",
        "Interpreter note: family report {foreign}; {near}. {foreignnear}.",
        # insurer letters
        "Dear {tname},\n\nRe: your claim for the period in respite care\n\nOur records show the "
        "member, {any}, {near}. {near2}.",
        "Claim review: member {name}{tag}; {near}. Reimbursement for {near2} is approved.",
        "Dear {relative}, we are writing about {tname}{tag}. {Prose}. Under your policy {near}.",
        "Beneficiary: {name}\n{any}\nService: home care; {near}.",
        # clean: near misses with nobody's age
        "Dear member,\n\nPlease note {near}. {near2}. Our helpline is open weekdays.",
        "Team update: {near}; {near2}. {foreignnear}.",
        "Policy reminder: {near}, and {near2}.",
        "Clinic notice: {near}. Parking is free after 6pm.",
    ],
}

FOREIGN_NEAR = ("Kinder unter 12 Jahren nur in Begleitung", "niños menores de 5 años gratis",
                "hace 3 años tuvo una caída", "seit 5 Jahren im Heim", "depuis 2 ans à la maison",
                "personnes de plus de 90 ans", "vor 2 Jahren operiert")  # fmt: skip


def _fill(p: Person, slot: str) -> list[Part]:
    rng = p.rng
    if slot == "name":
        return [pii(f"{p.first} {p.last}", "NAME", "direct", "names")]
    if slot == "tname":
        return [lit(f"{p.title} "), pii(p.last, "NAME", "direct", "names")]
    if slot == "initial":
        return [pii(p.last[0], "NAME", "quasi")]
    if slot == "title":
        return [lit(p.title)]
    if slot == "relative":
        return [pii(p.relative, "NAME", "direct", "names")]
    if slot == "doctor":
        return [pii(p.doctor, "NAME", "staff")]
    if slot in ("any", "tag", "prose", "foreign", "Prose"):
        parts = _age_form(p, slot.lower())
        if slot == "Prose":
            head = next(i for i, q in enumerate(parts) if q.text)
            q = parts[head]
            parts[head] = Part(q.text[:1].upper() + q.text[1:], q.kind, q.role, q.harbor)
        return [q for q in parts if q.text]
    if slot == "num":
        return [q for q in _a(p, "", str(p.age)) if q.text]
    if slot == "sex":
        return [lit(p.sex)]
    if slot == "She":
        return [lit(p.she.capitalize())]
    if slot == "her":
        return [lit(p.her)]
    if slot in ("near", "near2"):
        return _near(p)
    if slot == "foreignnear":
        return [lit(rng.choice(FOREIGN_NEAR))]
    if slot == "room":
        return _room(p)
    raise KeyError(slot)


# Relative days the frames write, gold DATEs as the product takes them (`relative_dates`)
_RELATIVE_DAY = re.compile(r"\b(?:tomorrow|this afternoon|last week|next month|Friday)\b")


def _relative_days(q: Part) -> list[Part]:
    """A literal with its relative days cut out as gold DATE parts (role `quasi`)."""
    if q.kind:
        return [q]
    out, pos = [], 0
    for m in _RELATIVE_DAY.finditer(q.text):
        out += [lit(q.text[pos : m.start()]), pii(m.group(), "DATE", "quasi")]
        pos = m.end()
    return [*out, lit(q.text[pos:])] if out else [q]


def render(template: str, p: Person) -> list[Part]:
    """A template's text as parts; an age slot fills with its words and the planted age. A
    literal that opens a sentence ("... 90 mg. residents ...") gets its capital."""
    parts = render_slots(template, lambda slot: _fill(p, slot))
    out: list[Part] = []
    for q in [r for part in parts for r in _relative_days(part)]:
        opens = not out or out[-1].text.endswith((". ", "\n"))
        if q.text and not q.kind and opens and q.text[:1].islower() and not q.text[1:2].isupper():
            q = Part(q.text[:1].upper() + q.text[1:])
        out.append(q)
    return out


@on_reference_day
def generate(n: int, seed: int, split: str = "age_forms") -> list[dict[str, Any]]:
    """`n` letters, e-mails, notes or insurer letters of one or two items each, by seed."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Person(rng, fakers), render, between="\n\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="age_forms", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
