"""Families, care homes and a family portal: ages with a date, rooms at a place, account names in logs: a DEV voice.

Written on 2026-12-08 by the leaks pass of issue 13 (helper `leaks`) and committed before its
first measurement. It is for tuning: the held-out voices stay held out, and this corpus's
figures are dev figures, never evidence. Written from how relatives e-mail a care home, how a
care home's staff write to a GP or a hospital, and how a family portal's access log and its IT
tickets read, not from any other corpus.

What it plants:
- An age with the day it was reached, the day written in figures ("She turned 94 on
  14/03/2026", "he turns 101 on 2026-03-14", "Mum will be 92 on 3.4.2026", "Dad reached 96 on
  05-11-2026", "turned ninety-three on 14/03/2026"), in words or on an occasion ("turned 95 on
  her birthday", "turned 92 on the ward"), beside the forms every other voice has ("turned 93
  in May", "turned 97 last week"). 90 and over is direct (Safe Harbor "dates"); under 90
  quasi. The number alone is the planted value and the gold AGE span.
- A room told after where it is ("her room at the care home is 12", "his room on the
  dementia unit is 4", "Mum's room in the nursing home is number 31", "her room there is 18",
  "his room at the home has changed to 7", "the room she is in is 22", "his bed on the ward is
  14"): gold ROOM, the number alone (quasi).
- Account names in a portal's access log and IT tickets, with no label word right before
  them ("Failed login for jsmith from 10.2.3.4", "Password reset requested for mary.jones
  (IP ...)", "MFA reset for tom42", "Account r_patel locked after 5 attempts", "Session for
  pkhan expired", "Audit: j.doe viewed the care plan from ..."): Safe Harbor item 18, "any
  other unique identifying number, characteristic, or code" (R), direct; the IP address after
  them is planted too.

What is clean beside them: readings with "on" ("sats 94 on 2L", "BP 95/60 on the left arm", "weight 92 on the ward scales"),
measures and counts after a room at a place ("the room at the home is 20 minutes from us",
"the lounge at the hospice is 3 floors down", "the room at the home is 12 square metres", "£950
a week"), and a log's words that are no account ("Failed login for the ward PC from the
library", "Password reset for staff from IT", "Session for carers from 2pm", "Account locked
for 30 minutes").

    python -m bench.corpus.family_portal --n 3
"""

from __future__ import annotations

import random
import sys
from collections.abc import Sequence
from typing import Any

from faker import Faker

from bench.corpus.age_forms import spelled
from bench.corpus.reference_day import on_reference_day
from bench.corpus.voice_kit import Part, documents, generator_main, lit, pii, render_slots
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_GB", "en_GB", "en_US", "en_IE", "en_AU", "en_NZ", "en_CA")
R = "any other unique number"
IP = "IP addresses"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_PLACES = (
    "at the care home", "at the nursing home", "in the nursing home", "on the dementia unit",
    "at the hospice", "in the residential home", "at the home", "on the ward", "in the annexe",
    "at Rosewood", "on the first floor", "there", "upstairs", "in the new wing",
)  # fmt: skip
_ROOM_WORDS = ("room", "room", "room", "bed", "side room", "room number")
_VERBS = ("is", "is", "was", "is now", "has changed to", "will be")
_WHOSE = ("Her", "His", "Mum's", "Dad's", "My mother's", "My father's", "Nan's", "Her")
_OCCASIONS = (
    "on her birthday",
    "on the ward",
    "on the day she moved in",
    "on the same day as her twin",
)
_NEAR = (
    "Her sats were 94 on 2L overnight", "BP 95/60 on the left arm, 110/70 on the right",
    "The room at the home is 20 minutes from us", "The lounge at the hospice is 3 floors down",
    "The room at the home is 12 square metres", "The room at the nursing home is 950 pounds a week",
    "Her room at the home is 2 doors from the lift", "The room at the hospice is 1 of 40",
    "Failed login for the ward PC from the library", "Password reset for staff from IT",
    "Session for carers from 2pm", "Account locked for 30 minutes",
    "Login for families opens at 9", "Access for visitors from the main entrance",
    "The portal user guide is on the website", "MFA reset for all users from tonight",
    "The home has 40 rooms over 3 floors", "Visiting on the unit is 2 to 4",
    "HR 96 on bisoprolol, weight 92 on the ward scales",
)  # fmt: skip

TEMPLATES: dict[str, list[str]] = {
    "family_portal": [
        # relatives' e-mails to the home, the GP and the hospital
        "Dear all,\n\nJust to let you know {name} {turned}. {near}.\n\nBest wishes,\n{relative}",
        "Hi, I'm writing about my mother, {name}. She {turned} and is getting frailer. {roomline}",
        "Dear Dr {staff},\n\n{roomline} {pronoun} {turned}. {near}.\n\nKind regards,\n{relative}",
        "Subject: Visit\n\nHello, {roomline} Could you let the carers know? Thanks, {relative}",
        "Re: {name}\n\n{roomline} {near}.",
        "Hello,\n{name} {turned}, so the family would like to visit. {roomline}\n{relative}",
        # a care home's staff to a GP or a ward
        "Dear Dr {staff},\nRe: {name}\n{pronoun} {turned} and has had two falls this month. "
        "{roomline} {near}.",
        "Handover from the home: {name}, who {turned}. {roomline} {near}.",
        "Discharge planning: {name} returns to the home once the OT has seen her. {roomline}",
        # the family portal's access log and its IT tickets
        "{log}\n{log2}",
        "Portal audit, {day}\n{log}\n{near}\n{log2}",
        "Ticket from the family line: {log} Caller: {relative}. {near}.",
        "IT desk note: {log} Reset done by {staff}.",
        "{log}",
        # clean
        "{near}. {near2}.",
        "Reminder from the home: {near}.",
        "Portal notice: {near}. {near2}.",
    ],
}

# The log's lines: an account name with no label word before it, then where from
_LOGS = (
    "Failed login for {user} from {ip}.", "Portal lockout for {user} from {ip} at 09:14.",
    "Password reset requested for {user} (IP {ip}).", "MFA reset for {user}, requested from {ip}.",
    "Account {user} locked after 5 attempts.", "User {user} signed in from {ip}.",
    "[09:14] {user} logged in from {ip}", "Login attempt by {user} from {ip} blocked.",
    "Session for {user} expired.", "Unlock request for {user} approved.",
    "Audit: {user} viewed the care plan from {ip}.", "Sign-in for {user} failed (bad password).",
    "2FA code sent to {user}.", "Access granted to {user} on the family portal.",
)  # fmt: skip


class Family:
    """Who a message is about: the resident, a relative, an account, a room, an age."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        fake = fakers[rng.choice(LOCALES)]
        fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = fake.first_name_female(), fake.last_name()
        self.relative = f"{fake.first_name()} {self.last}"
        self.staff = fake.last_name()
        self.age = rng.randint(90, 109) if rng.random() < 0.8 else rng.randint(60, 89)
        self.pronoun = rng.choice(("She", "He"))
        self.ip = f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
        first, last = self.first.lower(), self.last.lower().replace(" ", "").replace("'", "")
        self.user = rng.choice(
            (
                first[0] + last, f"{first}.{last}", f"{first}{rng.randint(1, 99)}",
                f"{last}_{first[0]}", f"{first[0]}.{last}", f"{last}{first[0]}{rng.randint(1, 9)}",
                f"{first}-{last}", f"{first[0]}{last}{rng.randint(10, 99)}",
            )
        )  # fmt: skip


def _day(rng: random.Random) -> str:
    """The day in figures, as families and staff type it."""
    d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.choice((2025, 2026))
    return rng.choice(
        (
            f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{m}/{d}/{y}", f"{d}.{m}.{y}",
            f"{d:02d}-{m:02d}-{y}", f"{d}/{m}/{y % 100:02d}", f"{d}/{m}",
        )
    )  # fmt: skip


def _age(f: Family) -> Part:
    rng = f.rng
    role, harbor = ("direct", "dates") if f.age > 89 else ("quasi", "")
    text = spelled(f.age) if rng.random() < 0.2 else str(f.age)
    return pii(text, "AGE", role, harbor)


def _turned(f: Family) -> list[Part]:
    rng = f.rng
    verb = rng.choice(("turned", "turned", "turns", "will be", "reached", "was"))
    form = rng.randrange(10)
    head = lit(f"{verb} ")
    if form < 6:
        return [head, _age(f), lit(" on "), pii(_day(rng), "DATE", "quasi", "dates")]
    if form < 8:
        return [head, _age(f), lit(" " + rng.choice(_OCCASIONS))]
    if form == 8:
        return [head, _age(f), lit(" in "), pii(rng.choice(_MONTHS), "DATE", "quasi", "dates")]
    return [head, _age(f), lit(" "), pii("last week", "DATE", "quasi")]


def _roomline(f: Family) -> list[Part]:
    rng = f.rng
    n = pii(str(rng.randint(1, 60)), "ROOM", "quasi")
    if rng.random() < 0.15:
        return [lit(f"The room {f.pronoun.lower()} is in is "), n, lit(".")]
    word = rng.choice(_ROOM_WORDS)
    lead = f"{rng.choice(_WHOSE)} {word} {rng.choice(_PLACES)} {rng.choice(_VERBS)} "
    tail = rng.choice((".", " and the door code is on the board.", ", by the garden."))
    return [lit(lead), n, lit(tail)]


def _log(f: Family) -> list[Part]:
    line = f.rng.choice(_LOGS)

    def fill(slot: str) -> Part:
        return (
            pii(f.user, "ID", "direct", R) if slot == "user" else pii(f.ip, "CONTACT", "direct", IP)
        )

    return render_slots(line, fill)


def _fill(f: Family, slot: str) -> Part | list[Part]:
    rng = f.rng
    if slot == "name":
        return pii(f"{f.first} {f.last}", "NAME", "direct", "names")
    if slot == "relative":
        return pii(f.relative, "NAME", "direct", "names")
    if slot == "staff":
        return pii(f.staff, "NAME", "staff")
    if slot == "pronoun":
        return lit(f.pronoun)
    if slot == "turned":
        return _turned(f)
    if slot == "roomline":
        return _roomline(f)
    if slot in ("log", "log2"):
        return _log(f)
    if slot == "day":
        return pii(_day(rng), "DATE", "quasi", "dates")
    return lit(rng.choice(_NEAR))


def render(template: str, f: Family) -> list[Part]:
    return render_slots(template, lambda slot: _fill(f, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "family_portal") -> list[dict[str, Any]]:
    """`n` relatives' e-mails, care-home letters, portal logs and IT tickets."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Family(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv,
        __doc__.splitlines()[0],
        generate,
        TEMPLATES,
        default_split="family_portal",
        default_n=10,
    )


if __name__ == "__main__":
    sys.exit(main())
