"""Call-centre transcripts, helpdesk tickets, insurer chats, pharmacy phone notes and portal
messages, planting Safe Harbor's "any other unique number" (R) and photographs (Q).

A DEV voice, written on 2026-12-07 by the identifiers pass of issue 13 (helper `ids`) and
committed before its first measurement. It is for tuning: the held-out voices stay held out,
and this corpus's figures are dev figures, never evidence. Written from how such desks talk and
type, not from any other corpus.

The voice: an agent's transcript ("Agent: can I take your customer number? / Caller: yes, it's
four four seven one ..."), a helpdesk's ticket, an insurer's web chat, a pharmacy's phone note
and a patient's portal message. What it plants: the numbers a person is known by to a shop, a
school, an employer, a gym, a library, a car park, a lab or a device maker (customer, account,
reference, case, claim, booking, ticket, voucher, loyalty, membership, student, employee,
badge, locker, wristband, barcode, kit, sample, specimen, implant, pacemaker, hearing-aid,
wheelchair, key-fob, parking-permit, gym and library numbers; the code on a bracelet), with many
labels, before or after the value, and in many shapes: digits, letters and digits, dashes,
spaces, glued to "#"; numbers spelled digit by digit ("four four seven one", "double two",
"oh"), or digits read out one by one ("4 4 7 1 2"); a code with no label but a cue ("quote
7QX-44P", "the number on the back is ..."), a question's label answered in the next turn;
passwords, PINs and security answers; and photographs (file names, links to the picture, "photo
ID on file #..."). A mention of a photo without the photo ("the selfie she sent") is not
planted: the words show no face. Clean messages and the text around the planted values carry
numbers that are nobody's: doses, times, counts, prices, a department's extension, a ward's
phone, "press 2", "option 3", a queue position, an order total, a staff bleep.

First measurement (ours, `python -m bench.text_bench --split unique_ids --n 300 --repeat 1
--engine ours`, at 2503c63): token recall 0.742, precision 0.883, clean flagged 19.8%, fully
scrubbed 61.6%, planted leaked 97/527 ("any other unique number" 82/234, names 15/236,
photographs 0/57), ID recall 0.573. Two texts then wrote what no gold span marked, and were
corrected before anything was tuned ("Effective Monday" in a clean message, "the 2nd and 4th
digits" read as a date): precision 0.893, every other figure the same. What stays flagged in
clean messages is a ward's phone (phones are findings whoever's they are: `org_numbers`) and
a staff bleep.

    python -m bench.corpus.unique_ids --n 3
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
    letters,
    lit,
    pii,
    render_slots,
)
from bench.corpus.voice_kit import fakers as stable_fakers

LOCALES = ("en_US", "en_US", "en_GB", "en_GB", "en_AU", "en_CA", "en_IE", "en_NZ")
R = "any other unique number"
Q = "full-face photographs"

# The labels each kind of number goes by (the value's shape is drawn apart, `_VALUE_SHAPES`).
LABELS: dict[str, tuple[str, ...]] = {
    "customer": ("customer number", "customer no.", "Customer ID", "cust #", "customer ref",
                 "customer reference number", "CRN"),
    "account": ("account number", "acct", "a/c no.", "account #", "account ID"),
    "reference": ("reference", "ref", "reference number", "our ref", "ref no.", "your reference"),
    "case": ("case number", "case ID", "case #", "case ref"),
    "claim": ("claim number", "claim ref", "claim #", "claim ID"),
    "booking": ("booking reference", "booking no.", "booking number", "booking ref"),
    "ticket": ("ticket", "ticket #", "ticket number", "incident number", "INC"),
    "voucher": ("voucher code", "voucher number", "e-voucher"),
    "loyalty": ("loyalty card number", "loyalty number", "rewards number", "points card",
                "Advantage card number", "Clubcard number"),
    "membership": ("membership number", "member no.", "membership ID", "membership card"),
    "student": ("student ID", "student number", "student card", "matriculation number"),
    "employee": ("employee number", "staff number", "payroll number", "employee ID",
                 "works number"),
    "badge": ("badge number", "ID badge", "badge #", "badge ID"),
    "locker": ("locker number", "locker key number", "locker #"),
    "wristband": ("wristband number", "wristband barcode", "ID band number", "wristband"),
    "barcode": ("barcode", "barcode number", "the barcode"),
    "kit": ("kit number", "test kit ID", "kit barcode", "kit ID"),
    "sample": ("sample ID", "sample number", "sample barcode"),
    "specimen": ("specimen number", "specimen ID", "specimen #"),
    "implant": ("implant serial", "implant card number", "implant ID", "implant serial number"),
    "pacemaker": ("pacemaker serial number", "pacemaker serial", "pacemaker ID card number",
                  "the pacemaker's serial"),
    "hearing_aid": ("hearing aid serial", "hearing aid number", "hearing-aid serial no."),
    "wheelchair": ("wheelchair serial number", "wheelchair asset tag", "wheelchair serial",
                   "chair serial"),
    "fob": ("key fob number", "fob number", "fob ID", "key fob"),
    "parking": ("parking permit number", "permit number", "blue badge number",
                "parking permit"),
    "gym": ("gym membership number", "gym card number", "gym member ID"),
    "library": ("library card number", "library card", "library number"),
    "bracelet": ("the code on her bracelet", "the number on his MedicAlert bracelet",
                 "the code on the bracelet", "MedicAlert ID"),
}  # fmt: skip
_KINDS = tuple(LABELS)

_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_NATO = {"A": "alpha", "B": "bravo", "C": "charlie", "D": "delta", "K": "kilo", "M": "mike",
         "P": "papa", "Q": "quebec", "X": "x-ray", "Z": "zulu"}  # fmt: skip


class Caller:
    """One caller (the patient, or a relative calling for them), so a document's fields agree."""

    def __init__(self, rng: random.Random, fakers: dict[str, Faker]) -> None:
        self.rng = rng
        self.fake = fakers[rng.choice(LOCALES)]
        self.fake.seed_instance(rng.getrandbits(32))
        self.first, self.last = self.fake.first_name(), self.fake.last_name()
        self.relative = f"{self.fake.first_name()} {self.last}"
        self.agent = self.fake.first_name()
        self.her = rng.choice(("her", "his", "their"))
        self.asked = rng.choice(_KINDS)  # the kind an agent's question names, answered next turn


def _value(rng: random.Random, kind: str) -> str:
    """A value in one of the shapes desks print, some kinds with their own."""
    own = {
        "voucher": lambda: rng.choice([f"{letters(rng, 4)}-{letters(rng, 2)}{digits(rng, 2)}",
                                       f"{digits(rng, 1)}{letters(rng, 2)}{digits(rng, 1)}-{letters(rng, 3)}{digits(rng, 2)}"]),
        "barcode": lambda: rng.choice([digits(rng, 13), digits(rng, 12), f"{digits(rng, 1)} {digits(rng, 6)} {digits(rng, 6)}"]),
        "pacemaker": lambda: rng.choice([f"{letters(rng, 3)}{digits(rng, 6)}{letters(rng, 1)}", f"PJN{digits(rng, 6)}", f"{digits(rng, 7)}"]),
        "hearing_aid": lambda: rng.choice([f"{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 5)}", f"{digits(rng, 9)}"]),
        "locker": lambda: rng.choice([f"{letters(rng, 1)}-{digits(rng, 4)}", f"{digits(rng, 5)}"]),
        "fob": lambda: rng.choice([f"{digits(rng, 8)}", f"F{digits(rng, 6)}", f"{digits(rng, 3)}-{digits(rng, 5)}"]),
        "parking": lambda: rng.choice([f"PP{digits(rng, 6)}", f"{letters(rng, 2)}{digits(rng, 2)} {digits(rng, 4)}", f"BB-{digits(rng, 7)}"]),
        "library": lambda: rng.choice([f"2{digits(rng, 13)}", f"LIB{digits(rng, 7)}", f"{digits(rng, 4)} {digits(rng, 4)} {digits(rng, 4)}"]),
        "student": lambda: rng.choice([f"S{digits(rng, 7)}", f"{digits(rng, 8)}", f"u{digits(rng, 7)}"]),
        "bracelet": lambda: rng.choice([f"{digits(rng, 6)}", f"MA-{digits(rng, 6)}", f"{letters(rng, 2)}{digits(rng, 5)}"]),
    }  # fmt: skip
    if kind in own and rng.random() < 0.6:
        return own[kind]()
    return rng.choice(
        [
            digits(rng, rng.randint(6, 11)),
            f"{rng.randint(1, 9)}{digits(rng, 4)}",
            f"{digits(rng, 4)} {digits(rng, 4)}",
            f"{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}",
            f"{digits(rng, 4)}-{digits(rng, 4)}-{digits(rng, 2)}",
            f"{letters(rng, 2)}{digits(rng, 6)}",
            f"{letters(rng, 3)}-{digits(rng, 5)}",
            f"{digits(rng, 1)}{letters(rng, 2)}-{digits(rng, 2)}{letters(rng, 1)}",
            f"{letters(rng, 1)}{digits(rng, 2)}{letters(rng, 1)}{digits(rng, 4)}",
            f"{digits(rng, 5)}-{letters(rng, 2)}",
            f"{letters(rng, 1)}{digits(rng, 3)} {digits(rng, 3)}",
            f"{letters(rng, 2)}-{digits(rng, 3)}-{digits(rng, 3)}",
            f"{digits(rng, 2)}/{digits(rng, 5)}",
            f"{letters(rng, 2).lower()}{digits(rng, 5)}",
        ]
    )


def _spell(rng: random.Random, value: str) -> str:
    """Digits (and a few letters) as a caller reads them out: "four four seven", "double
    four", "oh" for zero, letters as themselves or the phonetic alphabet."""
    out: list[str] = []
    i, chars = 0, [c for c in value if c.isalnum()]
    style = rng.choice(("words", "words", "digits", "dashed"))
    while i < len(chars):
        c = chars[i]
        if c.isdigit():
            if style == "digits":
                out.append(c)
            elif i + 1 < len(chars) and chars[i + 1] == c and rng.random() < 0.6:
                out.append(f"double {_DIGIT_WORDS[int(c)]}")
                i += 1
            elif c == "0" and rng.random() < 0.5:
                out.append("oh")
            else:
                out.append(_DIGIT_WORDS[int(c)])
        else:
            out.append(f"{c} for {_NATO[c]}" if c in _NATO and rng.random() < 0.4 else c.upper())
        i += 1
    return ("-" if style == "dashed" else " ").join(out)


def _spoken_value(rng: random.Random, kind: str) -> str:
    value = rng.choice([digits(rng, rng.randint(5, 9)), f"{letters(rng, 1)}{digits(rng, 5)}"])
    return _spell(rng, value)


def _label(rng: random.Random, kind: str) -> str:
    label = rng.choice(LABELS[kind])
    return label[0].upper() + label[1:] if rng.random() < 0.25 else label


def _labelled(c: Caller) -> list[Part]:
    """A labelled number: label then value, or value then label, in several joins."""
    rng = c.rng
    kind = rng.choice(_KINDS)
    value = _value(rng, kind)
    label = _label(rng, kind)
    form = rng.randrange(6)
    if form == 0:
        return [lit(f"{label} "), pii(value, "ID", "direct", R)]
    if form == 1:
        return [lit(f"{label}: "), pii(value, "ID", "direct", R)]
    if form == 2:
        return [lit(f"{c.her} {label.removeprefix('the ')} is "), pii(value, "ID", "direct", R)]
    if form == 3:
        return [pii(value, "ID", "direct", R), lit(f" ({label.removeprefix('the ')})")]
    if form == 4:
        return [lit(f"{label} #"), pii(value.replace(" ", ""), "ID", "direct", R)]
    return [lit(f"{label} - "), pii(value, "ID", "direct", R)]


def _spoken(c: Caller) -> list[Part]:
    rng = c.rng
    kind = rng.choice(_KINDS)
    label = _label(rng, kind).removeprefix("the ")
    lead = rng.choice([f"{c.her} {label} is ", f"{label}, ", f"the {label}... ", f"{label} "])
    return [lit(lead), pii(_spoken_value(rng, kind), "ID", "direct", R)]


_CUES = (
    "quote {v} at the till", "please quote {v}", "the number on the back is {v}",
    "use {v} at the checkout", "it's printed under the barcode: {v}", "read me the code, it says {v}",
    "I've got it here, it's {v}", "the one on the card is {v}", "he read off {v}",
    "it starts with {v}", "mine says {v} on it",
)  # fmt: skip


def _cued(c: Caller) -> list[Part]:
    """A code with no label, only a cue that it is the caller's own."""
    rng = c.rng
    value = rng.choice(
        [
            f"{digits(rng, 1)}{letters(rng, 2)}-{digits(rng, 2)}{letters(rng, 1)}",
            f"{letters(rng, 2)}{digits(rng, 4)}",
            f"{digits(rng, 4)} {digits(rng, 4)}",
            f"{digits(rng, 5)}-{letters(rng, 2)}",
            f"{letters(rng, 3)}{digits(rng, 3)}{letters(rng, 1)}",
            digits(rng, rng.randint(6, 10)),
        ]
    )
    head, tail = rng.choice(_CUES).split("{v}")
    return [lit(head), pii(value, "ID", "direct", R), lit(tail)]


def _secret(c: Caller) -> list[Part]:
    """A password, PIN, passcode or security answer."""
    rng, fake = c.rng, c.fake
    form = rng.randrange(7)
    if form == 0:
        return [
            lit(rng.choice(["PIN ", "PIN: ", f"{c.her} PIN is "])),
            pii(digits(rng, 4), "ID", "direct", R),
        ]
    if form == 1:
        return [
            lit(rng.choice(["passcode ", "phone banking passcode "])),
            pii(digits(rng, 6), "ID", "direct", R),
        ]
    if form == 2:
        word = rng.choice(["Tulip", "bluebell", "Rover", "Chelsea", "marmalade", "Summer"])
        return [lit(rng.choice(["password is ", "password: ", "pw "])), pii(f"{word}{digits(rng, 2)}{rng.choice(['!', '', '#'])}", "ID", "direct", R)]  # fmt: skip
    if form == 3:
        answer = rng.choice(["Biscuit", "Rover", "Pickles", "Bramble", "Smudge"])
        return [lit(rng.choice(["security answer: ", "first pet (security question): ", "memorable word "])), pii(answer, "ID", "direct", R)]  # fmt: skip
    if form == 4:
        return [lit("mother's maiden name given as "), pii(fake.last_name(), "ID", "direct", R)]
    if form == 5:
        return [lit(rng.choice(["memorable date ", "security digits "])), pii(f"{digits(rng, 2)} {digits(rng, 2)}", "ID", "direct", R)]  # fmt: skip
    return [lit("the second and fourth digits of her PIN: "), pii(f"{rng.randint(0, 9)} and {rng.randint(0, 9)}", "ID", "direct", R)]  # fmt: skip


def _photo(c: Caller) -> list[Part]:
    """A photograph of the person: its file, a link to it, or the photo on file by number."""
    rng = c.rng
    form = rng.randrange(8)
    if form == 0:
        return [
            pii(f"IMG_{digits(rng, 4)}.{rng.choice(['JPG', 'jpg', 'HEIC'])}", "ID", "direct", Q)
        ]
    if form == 1:
        return [
            pii(f"selfie_{digits(rng, 4)}.{rng.choice(['jpg', 'heic', 'png'])}", "ID", "direct", Q)
        ]
    if form == 2:
        return [pii(f"PXL_2025{digits(rng, 4)}_{digits(rng, 9)}.jpg", "ID", "direct", Q)]
    if form == 3:
        return [pii(f"https://photos.app.goo.gl/{''.join(rng.choice('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(17))}", "CONTACT", "direct", Q)]  # fmt: skip
    if form == 4:
        return [pii(f"https://i.imgur.com/{''.join(rng.choice('abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789') for _ in range(7))}.jpg", "CONTACT", "direct", Q)]  # fmt: skip
    if form == 5:
        return [lit(rng.choice(["photo ID on file #", "photo on file, ref ", "ID photo no. "])), pii(f"{letters(rng, 1)}{digits(rng, 5)}", "ID", "direct", Q)]  # fmt: skip
    if form == 6:
        return [pii(f"{c.first.lower()}_{c.last.lower().replace(' ', '').replace(chr(39), '')}_{digits(rng, 2)}.jpg", "ID", "direct", Q)]  # fmt: skip
    return [pii(f"Photo {rng.randint(2024, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d} {rng.randint(10, 23)}.{rng.randint(10, 59)}.{rng.randint(10, 59)}.jpeg", "ID", "direct", Q)]  # fmt: skip


# Numbers nobody is known by, written into identifying and clean messages alike.
def _noise(rng: random.Random) -> str:
    h, m = rng.randint(8, 18), rng.choice([0, 15, 30, 45])
    return rng.choice(
        [
            f"{rng.choice(['metformin', 'amoxicillin', 'sertraline', 'ramipril'])} {rng.choice([250, 500, 50, 5])} mg {rng.choice(['twice a day', 'once daily', 'three times a day'])}",
            f"{rng.randint(2, 6)} boxes of {rng.choice([28, 30, 56])}",
            f"at {h:02d}:{m:02d}",
            f"after {rng.randint(2, 9)} minutes on hold",
            f"£{rng.randint(3, 40)}.{rng.randint(0, 99):02d}",
            f"order total ${rng.randint(20, 300)}.{rng.randint(0, 99):02d}",
            f"press {rng.randint(1, 9)} for the pharmacy",
            f"option {rng.randint(1, 6)} on the menu",
            f"number {rng.randint(2, 14)} in the queue",
            f"the pharmacy's extension {rng.randint(2000, 7999)}",
            f"ward phone 0{rng.randint(113, 191)} {digits(rng, 3)} {rng.randint(1000, 9999)}",
            f"the on-call is on bleep {rng.randint(1000, 8999)}",
            f"step {rng.randint(2, 4)} of 5",
            f"{rng.randint(2, 12)} working days",
            f"a {rng.choice([7, 14, 28])}-day supply",
            f"page {rng.randint(2, 9)} of the leaflet",
            f"{rng.randint(10, 60)}% off",
        ]
    )


TEMPLATES: dict[str, list[str]] = {
    "unique_ids": [
        # call-centre transcripts
        "Agent: Thanks for calling, you're through to {agent}. Can I take your {ask}?\n"
        "Caller: Yes, it's {answer}.\nAgent: Thank you, and the name?\nCaller: {name}.",
        "Agent: Who am I speaking to?\nCaller: {name}, I'm ringing back, {noise}.\n"
        "Agent: Can you confirm {spoken}?\nCaller: Yes.",
        "[transcript {noise}] Caller {name} gave {labelled} and {secret}. Passed security.",
        "Agent: I just need {ask} please.\nCaller: Hang on... {answer_spoken}.\nAgent: "
        "Lovely, that's come up, {first}.",
        "Caller ({relative}, calling for {name}): {cued}. Agent advised {noise}.",
        "Agent: and for security, {secret_ask}?\nCaller: {secret_answer}.",
        # helpdesk tickets
        "TICKET | requester {name} | {labelled} | {labelled2} | note: {noise}",
        "Helpdesk: {name} locked out of the portal. Verified with {labelled} and {secret}; "
        "reset link sent.",
        "Re: replacement for {name}. {labelled}. Photo of the damage attached: {photo}.",
        'New ticket from {name}: "{spoken}, I can\'t get into the app." Priority 3.',
        # insurer chats
        "[chat] {name}: hi, it's about {labelled}\n[chat] Agent {agent}: thanks {first}, "
        "I can see it. {noise}.",
        "[chat] {name}: my {ask} is {answer}, can you check the claim?\n[chat] Agent: "
        "on it, {noise}.",
        "[chat] Agent: could you upload your photo ID?\n[chat] {name}: sent it, {photo}",
        "[chat] {name}: {cued}\n[chat] Agent: that code is valid until {noise}.",
        # pharmacy phone notes
        "Phone note: {name} rang re repeat Rx, {noise}. {labelled}. Call back.",
        "Ph. note - {relative} collecting for {name}; {labelled}; {noise}.",
        "{name} on the phone: {spoken}. Wants {noise}.",
        "Pharmacy: {name}'s {labelled_tail}. Delivery {noise}.",
        # patient portal messages
        "Portal message from {name}: Hi, {labelled}. I sent {photo} for my records. Thanks, {first}",
        'Portal: {name} writes "the selfie I sent didn\'t upload, trying again: {photo}"',
        "Portal: {name} asks to update {labelled}. Also {secret}.",
        'Portal message: "{cued}, is that the right one?" - {first}',
        "Portal: {name} attached {photo} and {photo2} (front and back of the card).",
        'Portal: {name} - "I don\'t know {ask}, is it {answer}?"',
        # identifiers with nobody named
        "Caller hung up before giving a name; {labelled} noted. {noise}.",
        "Unnamed caller, {spoken}; advised {noise}.",
        # clean: numbers that are nobody's
        "IVR change: {noise}; {noise2}. Effective immediately.",
        "Reminder to all agents: {noise} when transferring. Average wait {noise2}.",
        "Pharmacy phone notes: {noise}; {noise2}. No callbacks outstanding.",
        "Helpdesk stats: 42 tickets closed, {noise}. Next review {noise2}.",
        'Portal banner: "For repeat prescriptions {noise}. Allow {noise2}."',
        'Insurer chat macro: "Thanks for waiting. Note: {noise}."',
        "Call centre huddle at 09:30: {noise}; {noise2}.",
        "The selfie upload feature is down; ask callers to use {noise} instead.",
    ],
}


def _fill(c: Caller, slot: str) -> list[Part]:
    rng = c.rng
    if slot == "name":
        return [pii(f"{c.first} {c.last}", "NAME", "direct", "names")]
    if slot == "first":
        return [pii(c.first, "NAME", "direct", "names")]
    if slot == "relative":
        return [pii(c.relative, "NAME", "direct", "names")]
    if slot == "agent":
        return [lit(c.agent)]
    if slot in ("labelled", "labelled2"):
        return _labelled(c)
    if slot == "labelled_tail":
        kind = rng.choice(_KINDS)
        return [lit(f"{_label(rng, kind).removeprefix('the ')} is "), pii(_value(rng, kind), "ID", "direct", R)]  # fmt: skip
    if slot == "spoken":
        return _spoken(c)
    if slot == "cued":
        return _cued(c)
    if slot == "secret":
        return _secret(c)
    if slot == "secret_ask":
        c.asked = "secret"
        return [lit(rng.choice(["your PIN", "the passcode", "your memorable word", "the answer to your security question"]))]  # fmt: skip
    if slot == "secret_answer":
        value = rng.choice([digits(rng, 4), digits(rng, 6), rng.choice(["Biscuit", "Bramble", "marmalade"])])  # fmt: skip
        return [pii(value, "ID", "direct", R)]
    if slot == "ask":
        c.asked = rng.choice(_KINDS)
        return [lit(_label(rng, c.asked).removeprefix("the ").lower())]
    if slot == "answer":
        return [pii(_value(rng, c.asked), "ID", "direct", R)]
    if slot == "answer_spoken":
        return [pii(_spoken_value(rng, c.asked), "ID", "direct", R)]
    if slot in ("photo", "photo2"):
        return _photo(c)
    if slot in ("noise", "noise2"):
        return [lit(_noise(rng))]
    raise KeyError(slot)


def render(template: str, c: Caller) -> list[Part]:
    """A template's text as parts; a slot may fill with a label and its value."""
    return render_slots(template, lambda slot: _fill(c, slot))


@on_reference_day
def generate(n: int, seed: int, split: str = "unique_ids") -> list[dict[str, Any]]:
    """`n` transcripts, tickets, chats, phone notes or portal messages, by seed alone."""
    fakers = stable_fakers(LOCALES)
    return documents(
        n, seed, split, TEMPLATES[split], lambda rng: Caller(rng, fakers), render, most_items=1
    )


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, __doc__.splitlines()[0], generate, TEMPLATES, default_split="unique_ids", default_n=10
    )


if __name__ == "__main__":
    sys.exit(main())
