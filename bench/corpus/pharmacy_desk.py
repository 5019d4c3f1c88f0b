"""A pharmacy's service desk: prior-auth forms, refill renewals, courier tickets, callbacks (DEV).

Written on 2026-12-02 for the precision pass of issue 13 (organisations' own identifiers read
as a patient's) and committed before its first measurement; after that it is a DEV voice,
tuned on, so its figures are dev figures, never evidence. The held-out `pharmacy_fax` voice
stays held out; this generator was written without reading it.

The voice: what a pharmacy technician, a prescriber's office or a plan's help desk pastes into
chat: prior-authorisation request forms and their fax covers, refill-renewal requests to the
prescriber, delivery and courier tickets, callback notes, payer sheets, recall notices,
manufacturer copay-card notes and the desk's own announcements. About 30% of its messages
hold no patient at all, but are full of business identifiers.

What counts as PHI here (HIPAA Safe Harbor, 45 CFR 164.514(b)(2): the identifiers "of the
individual or of relatives, employers, or household members of the individual"):
- PHI (gold spans, planted): a patient's or a relative's name, the patient's birth date and
  dates of fill, service or delivery, the patient's phone, cell and e-mail, the patient's
  street address, town and ZIP, the member id, the Rx number (the patient's prescription,
  "any other unique number"), an MRN, a case or claim number of the patient's request.
- NOT PHI (plain text, never gold): an organisation's own contact details and registry
  numbers, whichever organisation it is (pharmacy, clinic, prescriber's office, insurer, PBM,
  manufacturer): its phone, fax, toll-free and help-desk numbers, its street address, its NPI,
  DEA and NCPDP numbers, its store number, a plan's BIN, PCN and group number (the plan's, not
  the member's id), NDC codes, lot numbers and expiry dates of a batch, a form's revision date
  ("Rev. 03/2024") and a policy's effective date, drug names, pharmacy chains, insurers, PBMs
  and manufacturers. A prescriber's name is a practitioner (quasi); a desk's staff signing off
  is staff (one quasi identifier alone, no patient).

Scored like `lab_eob`: a planted value leaks when an identifying token of it survives
`scan --redact`.

    python -m bench.corpus.pharmacy_desk --n 3
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

LOCALES = ("en_US", "en_US", "en_US", "es_MX", "en_IN", "vi_VN")
CLEAN_SHARE = 0.3

# Messages about a patient: each plants at least one direct identifier of the patient, beside
# the organisations' own numbers (which are plain text, not gold).
PATIENT_TEMPLATES = [
    "PRIOR AUTHORIZATION REQUEST\nTo: {plan} Pharmacy Prior Auth Dept  Fax {org_fax}\n"
    "From: {clinic}  Phone {org_phone}  Fax {org_fax2}\nPrescriber: Dr. {prescriber}  NPI "
    "{npi}  DEA {dea}\nPatient: {name}  DOB: {dob}\nMember ID: {member}\nDrug: {drug} "
    "{strength}, qty 30, 90-day supply\nDx: E11.65  Tried and failed: metformin, glipizide\n"
    "Form {form} Rev. {rev}",
    "Fax cover - {pharmacy} #{store}, {org_street}, {org_town}\nPh {org_phone} / Fx {org_fax}\n"
    "NCPDP {ncpdp}  NPI {npi}\nRE: refill renewal for {name} (DOB {dob}), Rx {rx}, {drug} "
    "{strength}. Last filled {date}. Please sign and fax back.",
    "Refill request: {name_upper}  Rx#{rx}  {drug} {strength}  last fill {date}  0 refills "
    "left. Prescriber Dr. {prescriber}, office fax {org_fax}. Patient prefers a text at "
    "{phone}.",
    "DELIVERY TICKET #{ticket}\nDeliver to: {name}\n{street}\n{city}, {state} {zip}\nCall on "
    "arrival: {phone}\nItems: {drug} {strength} x1 (cold chain), sharps container\nFrom: "
    "{pharmacy} #{store}, {org_phone}\nDriver: {staff}",
    "Callback for {name}: she called about the {drug} copay. Her number is {phone}. I gave her "
    "the {manufacturer} copay card line, {org_tollfree}, and our fax {org_fax}. - {staff}",
    "{plan} called back re PA case {case} for {name}, member {member}: approved through "
    "{date}. Their help desk is {org_tollfree}, BIN {bin} PCN {pcn} Group {group}.",
    "Denial on {date} for {name} ({dob}): {drug} not on the {pbm} formulary. Appeal by fax to "
    "{org_fax}, attn Clinical Review, {org_street}, {org_town}. Patient's email {email}.",
    "Transfer in: {name}, DOB {dob}, from {pharmacy} #{store} (ph {org_phone}, DEA {dea}). Rx "
    "{rx} {drug} {strength}, {refills} refills remaining. New address {street}, {city} {zip}.",
    "Recall notice {drug} lot {lot} (NDC {ndc}, exp {expiry}): we dispensed it to {name} on "
    "{date}. Called the home number {phone}, left a message with {relative}.",
    "Courier log {date}: {pharmacy} #{store} -> {name}, {street}. Signed by {relative} "
    "(daughter). Tracking {tracking}.",
    "Rx {rx} for {name_upper} is on hold: insurance rejected (NCPDP reject 75, PA required). "
    "Plan {plan}, BIN {bin}, PCN {pcn}. MRN {mrn} at {clinic}.",
    "Hi, this is {staff} at {pharmacy}, {org_phone}. {name}'s {drug} is ready; DOB on file "
    "{dob}. Store hours 9-9, {org_street}.",
]

# Messages with no patient in them: the organisations' own numbers, addresses, forms, drugs and
# the desk's staff, and nothing of anyone's care.
CLEAN_TEMPLATES = [
    "{pharmacy} #{store}\n{org_street}\n{org_town}, {state} {org_zip}\nPhone {org_phone}  "
    "Fax {org_fax}\nNPI {npi}  NCPDP {ncpdp}  DEA {dea}",
    "Payer sheet update: {plan} Part D, BIN {bin}, PCN {pcn}, Group {group}. Help desk "
    "{org_tollfree}. Effective {policy_date}.",
    "New PA fax number for {plan}: {org_fax} (was {org_fax2}). Phone reviews still go to "
    "{org_tollfree}, option 3.",
    "{manufacturer} recall: {drug} {strength}, NDC {ndc}, lots {lot} and {lot2}, exp "
    "{expiry}. Pull from shelves and quarantine; return via {wholesaler}, ph {org_tollfree}.",
    "Reminder: the {form} prior-auth form was revised (Rev. {rev}). Old versions are "
    "rejected by {pbm} from {policy_date}.",
    "{clinic} changed its e-prescribing fax to {org_fax}. Dr. {prescriber}'s office line is "
    "{org_phone}. NPI {npi} unchanged.",
    "Shortage: {drug} {strength} back-ordered at {wholesaler} until {policy_date}. "
    "{manufacturer} suggests the 0.5 mg pens; NDC {ndc}.",
    "Courier schedule for store #{store}: pickups at 11:00 and 16:30 from {org_street}. "
    "Dispatch {org_phone}. Thanks, {staff}",
    "{pbm} network notice: pharmacies with NCPDP {ncpdp} must re-credential by "
    "{policy_date}. Questions: {org_tollfree} or fax {org_fax}.",
    "Copay card for {drug}: {manufacturer} savings program, BIN {bin}, PCN {pcn}, group "
    "{group}. Call {org_tollfree} to activate. - {staff}, CPhT",
    "{pharmacy} ({org_town} store #{store}) closes at 6 pm on {holiday}. Transfers to "
    "{pharmacy2}, {org_street2}, ph {org_phone2}.",
    "Form {form} (Rev. {rev}) page 2 asks for prescriber NPI, DEA and the clinic's fax. Leave "
    "the member fields blank on the template copy.",
    "Drug names that look alike: {drug} / {drug2}. Tall-man lettering on the bin labels by "
    "Friday, please. {staff}",
    "{plan} moved to {pbm} for pharmacy benefits on {policy_date}. New BIN {bin}, PCN {pcn}; "
    "prescriber help line {org_tollfree}, PA fax {org_fax}.",
]

CATEGORY = {
    "name": "names",
    "name_upper": "names",
    "relative": "names",
    "street": "geographic subdivisions",
    "city": "geographic subdivisions",
    "zip": "geographic subdivisions",
    "dob": "dates",
    "date": "dates",
    "phone": "telephone numbers",
    "email": "email addresses",
    "member": "health plan beneficiary numbers",
    "mrn": "medical record numbers",
    "rx": "any other unique number",
    "case": "any other unique number",
    "ticket": "any other unique number",
    "tracking": "any other unique number",
}
QUASI = frozenset({"city", "zip", "date"})

_DRUGS = (
    "Eliquis", "Ozempic", "Jardiance", "Humira", "Trulicity", "Xarelto", "Entresto", "Dupixent",
    "Mounjaro", "Farxiga", "Januvia", "Enbrel", "Stelara", "Tresiba", "Lantus", "Basaglar",
    "Wegovy", "Rybelsus", "Symbicort", "Breo Ellipta", "Spiriva", "Trelegy", "Otezla", "Xeljanz",
    "Brilinta", "Victoza", "Adalimumab", "Semaglutide", "Apixaban", "Rivaroxaban",
)  # fmt: skip
_STRENGTHS = ("5 mg", "10 mg", "0.25 mg/0.5 mL", "1 mg pen", "40 mg/0.4 mL", "2.5 mg", "25 mg",
              "100 units/mL", "160/4.5 mcg", "20 mg")  # fmt: skip
_PHARMACIES = (
    "CVS Pharmacy", "Walgreens", "Rite Aid", "Kroger Pharmacy", "Bartell Drugs", "Hy-Vee Pharmacy",
    "Meijer Pharmacy", "Publix Pharmacy", "Harmon Drug", "Fenwick Family Pharmacy",
    "Larkspur Apothecary", "Whitcomb Drug", "Hollister Compounding", "Mercer Specialty Pharmacy",
    "Gable & Finch Pharmacy", "Duane Reade", "Wegmans Pharmacy", "Costco Pharmacy",
)  # fmt: skip
_PLANS = (
    "Aetna", "Humana", "Cigna", "Anthem Blue Cross", "Highmark", "Molina Healthcare",
    "Kaiser Permanente", "Blue Cross Blue Shield of Michigan", "UnitedHealthcare", "Wellcare",
    "Ambetter", "Harvard Pilgrim", "Priority Health", "Medica",
)  # fmt: skip
_PBMS = ("Express Scripts", "OptumRx", "CVS Caremark", "MedImpact", "Prime Therapeutics",
         "Navitus", "Elixir", "Capital Rx")  # fmt: skip
_MANUFACTURERS = (
    "Novo Nordisk", "AbbVie", "Boehringer Ingelheim", "Janssen", "Pfizer", "Teva", "Sandoz",
    "Amneal", "Lupin", "Zydus", "Aurobindo", "Eli Lilly", "Bristol Myers Squibb", "Sanofi",
    "AstraZeneca", "Genentech", "Merck", "Viatris",
)  # fmt: skip
_WHOLESALERS = ("McKesson", "Cardinal Health", "AmerisourceBergen", "Cencora", "Morris & Dickson")
_CLINICS = (
    "Brookside Internal Medicine", "Pinecrest Family Practice", "Dr. Alvarez & Associates",
    "Lakeview Endocrinology", "Summit Rheumatology", "Harbor Point Cardiology",
    "Westgate Medical Group", "Maple Hill Pediatrics", "Riverbend Dermatology",
)  # fmt: skip
_FORMS = ("PA-101", "RX-PA-7", "CMS-10440", "UPAF-2", "MCD-PA-3", "Form 61-211")
_STAFF = ("Priya", "Marcus", "Dana", "Tomas", "Keisha", "Hui", "Roberto", "Anneliese", "Jo",
          "Devon", "Farah", "Owen")  # fmt: skip
_HOLIDAYS = ("Thanksgiving Day", "Christmas Eve", "New Year's Eve", "July 4th", "Labor Day")
_STREETS = ("Main St", "Commerce Blvd", "Market Street", "Route 9", "Elm Ave", "Plaza Dr",
            "Industrial Pkwy", "Broadway", "Center Street", "Harbor Rd", "Mill Pond Rd")  # fmt: skip
_TOWNS = ("Springfield", "Fairview", "Greenville", "Madison", "Clinton", "Georgetown",
          "Ashland", "Oxford", "Salem", "Dover", "Milton", "Lexington")  # fmt: skip
_STATES = ("OH", "PA", "MI", "NY", "TX", "GA", "WA", "NC", "IL", "FL")


class Patient:
    """One patient, a relative, a prescriber and the organisations one message is about."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.us = fakers["en_US"]
        self.us.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.prescriber = self.us.last_name()
        self.staff = rng.choice(_STAFF)
        self.dob = dt.date(1931, 1, 1) + dt.timedelta(days=rng.randrange(365 * 80))
        self.drugs = rng.sample(_DRUGS, 2)
        self.pharmacies = rng.sample(_PHARMACIES, 2)


def _us_number(rng: random.Random, toll_free: bool = False) -> str:
    a = (
        rng.choice(("800", "888", "877", "866", "855"))
        if toll_free
        else f"{rng.randint(2, 9)}{digits(rng, 2)}"
    )
    b, c = f"{rng.randint(2, 9)}{digits(rng, 2)}", digits(rng, 4)
    return rng.choice(
        [f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"1-{a}-{b}-{c}", f"{a} {b} {c}",
         f"({a}){b}-{c}"]
    )  # fmt: skip


def _date(rng: random.Random, d: dt.date) -> str:
    return rng.choice(
        [
            f"{d.month}/{d.day}/{d.year}",
            f"{d.month:02d}/{d.day:02d}/{d.year % 100:02d}",
            f"{d.strftime('%b')} {d.day}, {d.year}",
            f"{d.isoformat()}",
            f"{d.month}-{d.day}-{d.year}",
        ]
    )


def _business(p: Patient, slot: str) -> str | None:
    """An organisation's own value: plain text, not PHI (see the module docstring)."""
    rng = p.rng
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(700))
    values = {
        "org_phone": lambda: _us_number(rng),
        "org_phone2": lambda: _us_number(rng),
        "org_fax": lambda: _us_number(rng),
        "org_fax2": lambda: _us_number(rng),
        "org_tollfree": lambda: _us_number(rng, toll_free=True),
        "org_street": lambda: f"{rng.randint(10, 9800)} {rng.choice(_STREETS)}",
        "org_street2": lambda: f"{rng.randint(10, 9800)} {rng.choice(_STREETS)}",
        "org_town": lambda: rng.choice(_TOWNS),
        "org_zip": lambda: digits(rng, 5),
        "state": lambda: rng.choice(_STATES),
        "npi": lambda: rng.choice("12") + digits(rng, 9),
        "dea": lambda: f"{rng.choice('ABFM')}{letters(rng, 1)}{digits(rng, 7)}",
        "ncpdp": lambda: digits(rng, 7),
        "store": lambda: str(rng.randint(100, 19999)),
        "bin": lambda: digits(rng, 6),
        "pcn": lambda: rng.choice(["ADV", "MEDDPRIME", "CN", "PCS", "A4", "9999", "WELLRX", f"{letters(rng, 3)}{digits(rng, 2)}"]),
        "group": lambda: rng.choice([f"RX{digits(rng, 4)}", f"{letters(rng, 3)}{digits(rng, 3)}", digits(rng, 6), f"GRP{digits(rng, 5)}"]),
        "ndc": lambda: rng.choice([f"{digits(rng, 5)}-{digits(rng, 4)}-{digits(rng, 2)}", f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}", f"{digits(rng, 5)}-{digits(rng, 3)}-{digits(rng, 2)}"]),
        "lot": lambda: rng.choice([f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 3)}", f"{letters(rng, 2)}{digits(rng, 5)}", f"{letters(rng, 1)}{digits(rng, 6)}{letters(rng, 1)}"]),
        "lot2": lambda: f"{letters(rng, 2)}{digits(rng, 5)}",
        "expiry": lambda: rng.choice([f"{day.month:02d}/{day.year}", f"{day.strftime('%b').upper()} {day.year}", f"{day.year}-{day.month:02d}"]),
        "rev": lambda: rng.choice([f"{day.month:02d}/{day.year}", f"{day.month}/{day.year % 100:02d}", f"{day.strftime('%b')} {day.year}", f"{day.month:02d}-{day.year}"]),
        "policy_date": lambda: _date(rng, day),
        "form": lambda: rng.choice(_FORMS),
        "drug": lambda: p.drugs[0],
        "drug2": lambda: p.drugs[1],
        "strength": lambda: rng.choice(_STRENGTHS),
        "refills": lambda: str(rng.randint(1, 5)),
        "pharmacy": lambda: p.pharmacies[0],
        "pharmacy2": lambda: p.pharmacies[1],
        "plan": lambda: rng.choice(_PLANS),
        "pbm": lambda: rng.choice(_PBMS),
        "manufacturer": lambda: rng.choice(_MANUFACTURERS),
        "wholesaler": lambda: rng.choice(_WHOLESALERS),
        "clinic": lambda: rng.choice(_CLINICS),
        "holiday": lambda: rng.choice(_HOLIDAYS),
    }  # fmt: skip
    draw = values.get(slot)
    return draw() if draw is not None else None


def _fill(p: Patient, slot: str) -> Part:
    rng = p.rng
    business = _business(p, slot)
    if business is not None:
        return lit(business)
    if slot == "prescriber":
        return pii(p.prescriber, "NAME", "staff")
    if slot == "staff":
        return pii(p.staff, "NAME", "staff")
    if slot in {"name", "name_upper", "relative"}:
        if slot == "relative":
            text = p.relative
        elif slot == "name_upper":
            text = rng.choice([f"{p.last.upper()}, {p.first.upper()}", f"{p.last}, {p.first}"])
        else:
            text = f"{p.first} {p.last}"
        return pii(text, "NAME", "direct", CATEGORY[slot])
    day = dt.date(2025, 3, 1) + dt.timedelta(days=rng.randrange(500))
    values: dict[str, tuple[str, str]] = {
        "street": (f"{rng.randint(2, 24000)} {p.us.street_name()}{rng.choice(['', '', f' Apt {rng.randint(1, 40)}'])}", "LOCATION"),
        "city": (p.us.city(), "LOCATION"),
        "zip": (p.us.postcode(), "LOCATION"),
        "dob": (_date(rng, p.dob), "DATE"),
        "date": (_date(rng, day), "DATE"),
        "phone": (_us_number(rng), "CONTACT"),
        "email": (f"{p.first[0]}.{p.last.replace(' ', '')}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'yahoo.com', 'mail.test'])}".lower(), "CONTACT"),
        "member": (rng.choice([f"{letters(rng, 3)}{digits(rng, 9)}", f"W{digits(rng, 9)}", f"{digits(rng, 9)}-0{rng.randint(1, 4)}", f"{letters(rng, 1)}{digits(rng, 8)}"]), "ID"),
        "mrn": (rng.choice([digits(rng, 8), f"{letters(rng, 1)}{digits(rng, 7)}"]), "ID"),
        "rx": (rng.choice([digits(rng, 7), f"{digits(rng, 7)}-{digits(rng, 5)}", f"RX{digits(rng, 8)}"]), "ID"),
        "case": (rng.choice([f"PA-{digits(rng, 8)}", f"{digits(rng, 4)}{letters(rng, 2)}{digits(rng, 4)}"]), "ID"),
        "ticket": (f"{letters(rng, 1)}{digits(rng, 7)}", "ID"),
        "tracking": (f"1Z{letters(rng, 3)}{digits(rng, 11)}", "ID"),
    }  # fmt: skip
    text, kind = values[slot]
    return pii(text, kind, "quasi" if slot in QUASI else "direct", CATEGORY[slot])


def render(template: str, patient: Patient) -> list[Part]:
    return render_slots(template, lambda slot: _fill(patient, slot))


TEMPLATES: dict[str, list[str]] = {"pharmacy_desk": PATIENT_TEMPLATES + CLEAN_TEMPLATES}


@on_reference_day
def generate(n: int, seed: int, split: str = "pharmacy_desk") -> list[dict[str, Any]]:
    """`n` messages, about CLEAN_SHARE of them with no patient, reproducible by seed.

    A patient's message is one or two patient templates; a clean one, one or two clean ones.
    """
    fakers = stable_fakers(LOCALES)
    rng = random.Random(f"{split}:{seed}")
    out = []
    for index in range(n):
        patient = Patient(rng, fakers)
        clean = rng.random() < CLEAN_SHARE
        pool, base = (CLEAN_TEMPLATES, len(PATIENT_TEMPLATES)) if clean else (PATIENT_TEMPLATES, 0)
        picks = rng.sample(range(len(pool)), rng.randint(1, 2))
        parts: list[Part] = []
        for k, t in enumerate(picks):
            if k:
                parts.append(lit("\n\n"))
            parts += render(pool[t], patient)
        name = f"{split}/{'-'.join(str(base + t) for t in picks)}"
        out.append(example(parts, split, seed, index, name))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="pharmacy_desk",
        default_n=10,
    )  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
